from airflow_python_sdk.model_utils import StringModel

__all__ = ["Color"]


class Color(StringModel):
    """A colour in hex notation, such as ``#e8f7e4``."""
