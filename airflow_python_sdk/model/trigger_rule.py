from airflow_python_sdk.model_utils import OpenEnum

__all__ = ["TriggerRule"]


class TriggerRule(OpenEnum):
    """The condition on its upstream tasks under which a task runs; unknown rules are kept as values."""

    ALL_SUCCESS = "all_success"
    ALL_FAILED = "all_failed"
    ALL_DONE = "all_done"
    ALL_DONE_SETUP_SUCCESS = "all_done_setup_success"
    ONE_SUCCESS = "one_success"
    ONE_FAILED = "one_failed"
    ONE_DONE = "one_done"
    NONE_FAILED = "none_failed"
    NONE_SKIPPED = "none_skipped"
    NONE_FAILED_OR_SKIPPED = "none_failed_or_skipped"
    NONE_FAILED_MIN_ONE_SUCCESS = "none_failed_min_one_success"
    DUMMY = "dummy"
    ALL_SKIPPED = "all_skipped"
    ALWAYS = "always"
