"""Packaging for airflow_python_sdk; the version lives in airflow_python_sdk/_version.py only."""

import pathlib
import re

from setuptools import find_packages, setup

HERE = pathlib.Path(__file__).parent
VERSION = re.search(r'__version__ = "([^"]+)"', (HERE / "airflow_python_sdk" / "_version.py").read_text())[1]

setup(
    name="airflow-python-sdk",
    version=VERSION,
    description="A typed, fast, dependable Python client for Apache Airflow's REST API (v1 and v2)",
    long_description=(HERE / "README.md").read_text(),
    long_description_content_type="text/markdown",
    license="Apache-2.0",
    python_requires=">=3.10",
    packages=find_packages(include=["airflow_python_sdk", "airflow_python_sdk.*"]),
    package_data={"airflow_python_sdk": ["py.typed"]},
    install_requires=(HERE / "requirements.txt").read_text().split(),
    extras_require={
        "progress": ["tqdm"],
        "cli": ["click>=8.1", "rich>=13", "PyYAML>=6"],
        "aws": ["boto3>=1.34"],
        "google": ["google-auth>=2.20"],
        "keyring": ["keyring>=24"],
        "pandas": ["pandas>=2"],
    },
    entry_points={
        "console_scripts": ["airflow-sdk = airflow_python_sdk.cli:main"],
        "pytest11": ["airflow_python_sdk = airflow_python_sdk.testing.pytest_plugin"],
    },
    keywords=["Apache Airflow", "REST API", "client", "SDK"],
    classifiers=[
        "Programming Language :: Python :: 3",
        "Typing :: Typed",
    ],
)
