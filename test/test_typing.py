"""The package and typical user code type-check under ``mypy --strict``, and wrong uses are rejected.

One mypy run checks three things: the package is clean, test/typing_sample.py (configuration,
listing, paging, waiting, models, exceptions, with ``assert_type`` on what mypy infers) is clean, and
test/typing_errors_sample.py gets exactly the errors its end-of-line comments name (code, and a piece
of the message).
"""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SAMPLE = "test/typing_sample.py"
ERRORS_SAMPLE = "test/typing_errors_sample.py"
_ERROR_LINE = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+): error: (?P<message>.*?)  \[(?P<code>[\w-]+)\]$", re.M)
_EXPECTED = re.compile(r"#\s*error:\s*\[(?P<code>[\w-]+)\]\s*(?P<text>.*)$")


@pytest.fixture(scope="module")
def mypy_output() -> str:
    pytest.importorskip("mypy", reason="mypy is in test-requirements.txt")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-pretty", "--no-error-summary", "--show-error-codes",
         "airflow_python_sdk", SAMPLE, ERRORS_SAMPLE],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 2 is a crash or a usage error
    return done.stdout


def _errors(output: str) -> dict[tuple[str, int], tuple[str, str]]:
    return {(m["file"], int(m["line"])): (m["code"], m["message"]) for m in _ERROR_LINE.finditer(output)}


def test_the_package_and_the_typical_user_code_are_clean(mypy_output: str) -> None:
    unexpected = [line for line in mypy_output.splitlines() if ": error:" in line and ERRORS_SAMPLE not in line]
    assert unexpected == [], "\n".join(unexpected)


def test_wrong_uses_are_rejected_with_the_expected_errors(mypy_output: str) -> None:
    expected = {}
    for number, line in enumerate((ROOT / ERRORS_SAMPLE).read_text().splitlines(), start=1):
        mark = _EXPECTED.search(line)
        if mark:
            expected[(ERRORS_SAMPLE, number)] = (mark["code"], mark["text"].strip())
    assert len(expected) >= 15
    found = {key: value for key, value in _errors(mypy_output).items() if key[0] == ERRORS_SAMPLE}
    assert sorted(found) == sorted(expected), mypy_output
    for key, (code, text) in expected.items():
        assert found[key][0] == code and text in found[key][1], (key, found[key])
