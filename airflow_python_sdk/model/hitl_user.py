from airflow_python_sdk.model_utils import Field, Model

__all__ = ["HITLUser"]


class HITLUser(Model):
    """A user who may answer, or did answer, a human-in-the-loop task (Airflow 3)."""

    id: str = Field(default=None, doc="The user's id in the auth manager.")
    name: str = Field(default=None, doc="The user's name.")
