from airflow_python_sdk.model_utils import StringModel

__all__ = ["Timezone"]


class Timezone(StringModel):
    """A time zone as the server names it, such as ``UTC`` or ``Europe/Paris``."""
