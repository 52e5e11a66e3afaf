"""The package version, read by setup.py and sent in the User-Agent."""

__version__ = "2.11.0"
