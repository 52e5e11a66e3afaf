"""The package and typical user code type-check under ``mypy --strict`` and pyright (strict), and wrong uses
draw the message each checker gives for a plain typed method.

- test/typing_sample.py (configuration, listing, paging, waiting, models, call options, exceptions, with
  ``assert_type`` on what the checkers infer) is clean in both, and so is the package under mypy;
- test/typing_errors_sample.py: each code line after ``# mypy says: [code] text`` and
  ``# pyright says: [rule] text`` comments gets that checker's error with that code and a message holding
  that text (the method and the argument by name), and no other line gets any;
- the same clean sample, copied outside the checkout, type-checks against the test venv's install (the
  editable install must be one that type checkers see).

pyright comes from the npm registry, installed by scripts/_venv.sh into .venv/pyright at a pinned version.
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SAMPLE = "test/typing_sample.py"
ERRORS_SAMPLE = "test/typing_errors_sample.py"
PYRIGHT = ROOT / ".venv" / "pyright" / "node_modules" / ".bin" / "pyright"
_MYPY_LINE = re.compile(
    r"^(?P<file>[^:\n]+):(?P<line>\d+): (?P<kind>error|note): (?P<message>.*?)(?:  \[(?P<code>[\w-]+)\])?$",
    re.M,
)
_EXPECTED = re.compile(
    r"^\s*#\s*(?P<checker>mypy|pyright) says:\s*\[(?P<code>\w[\w-]*)\]\s*(?P<text>.*?)\s*(?:# noqa.*)?$"
)
_MYPY_ARGS = ("--strict", "--no-pretty", "--no-error-summary", "--show-error-codes")

Found = dict[int, list[tuple[str, str]]]  # line -> (code, message) of each error on it


def _run(args: list[str], cwd: pathlib.Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("MYPYPATH", "PYTHONPATH")}
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600, check=False, env=env)
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 2 and more: a crash or a usage error
    return done.stdout


def _mypy(cwd: pathlib.Path, *paths: str) -> str:
    pytest.importorskip("mypy", reason="mypy is in test-requirements.txt")
    return _run([sys.executable, "-m", "mypy", *_MYPY_ARGS, "--cache-dir", str(ROOT / ".mypy_cache"), *paths], cwd)


def _pyright(cwd: pathlib.Path, *paths: str, extra_path: pathlib.Path | None = None) -> list[dict[str, object]]:
    """pyright's errors (strict mode, Python 3.10), each with its file, 1-based line, rule and message."""
    binary = PYRIGHT if PYRIGHT.exists() else shutil.which("pyright")
    assert binary, f"pyright is not installed: scripts/_venv.sh installs it into {PYRIGHT.parent} (npm)"
    config = {"typeCheckingMode": "strict", "pythonVersion": "3.10", "extraPaths": [str(extra_path or cwd)]}
    (cwd / ".pyright-test.json").write_text(json.dumps(config))
    try:
        out = _run(
            [str(binary), "--outputjson", "-p", ".pyright-test.json", "--pythonpath", sys.executable, *paths], cwd
        )
    finally:
        (cwd / ".pyright-test.json").unlink()
    return [
        {"file": d["file"], "line": d["range"]["start"]["line"] + 1, "rule": d.get("rule", ""), "message": d["message"]}
        for d in json.loads(out)["generalDiagnostics"]
        if d["severity"] == "error"
    ]


@pytest.fixture(scope="module")
def mypy_output() -> str:
    return _mypy(ROOT, "airflow_python_sdk", SAMPLE, ERRORS_SAMPLE)


@pytest.fixture(scope="module")
def pyright_errors() -> list[dict[str, object]]:
    return _pyright(ROOT, SAMPLE, ERRORS_SAMPLE)


def _mypy_found(output: str, file: str) -> Found:
    found: Found = {}
    for m in _MYPY_LINE.finditer(output):
        if m["file"] == file and m["kind"] == "error":
            found.setdefault(int(m["line"]), []).append((m["code"] or "", m["message"]))
    return found


def _pyright_found(errors: list[dict[str, object]], file: str) -> Found:
    found: Found = {}
    for e in errors:
        if str(e["file"]).endswith(file):
            found.setdefault(int(str(e["line"])), []).append((str(e["rule"]), str(e["message"]).splitlines()[0]))
    return found


def _expected(checker: str) -> dict[int, tuple[str, str]]:
    """line -> (code, text) that ``checker`` must report on it, from the comments just above the line."""
    expected, pending = {}, None
    for number, line in enumerate((ROOT / ERRORS_SAMPLE).read_text().splitlines(), start=1):
        mark = _EXPECTED.match(line)
        if mark:
            pending = (mark["code"], mark["text"]) if mark["checker"] == checker else pending
        elif line.strip() and not line.strip().startswith("#"):
            if pending:
                expected[number] = pending
            pending = None
    return expected


def _assert_flagged_as_expected(found: Found, expected: dict[int, tuple[str, str]], consequences: str) -> None:
    """Each expected line has its error (code, and text within the message), and nothing else has any:
    beyond the one expected, a flagged line may have only errors whose code starts with ``consequences``."""
    assert len(expected) >= 25
    assert sorted(found) == sorted(expected), (sorted(set(found) ^ set(expected)), found)
    for line, (code, text) in expected.items():
        main = [(c, m) for c, m in found[line] if c == code and text in m]
        others = [
            (c, m) for c, m in found[line] if (c, m) not in main and not (consequences and c.startswith(consequences))
        ]
        assert len(main) == 1 and not others, (line, code, text, found[line])


def test_the_package_and_the_typical_user_code_are_clean_under_mypy(mypy_output: str) -> None:
    unexpected = [line for line in mypy_output.splitlines() if ": error:" in line and ERRORS_SAMPLE not in line]
    assert unexpected == [], "\n".join(unexpected)


def test_the_typical_user_code_is_clean_under_pyright(pyright_errors: list[dict[str, object]]) -> None:
    assert _pyright_found(pyright_errors, SAMPLE) == {}


def test_mypy_flags_each_wrong_line_as_it_would_a_plain_method(mypy_output: str) -> None:
    _assert_flagged_as_expected(_mypy_found(mypy_output, ERRORS_SAMPLE), _expected("mypy"), consequences="")
    assert "overload" not in mypy_output.lower()  # no "No overload variant ..." and no list of variants


def test_pyright_flags_each_wrong_line_as_it_would_a_plain_method(pyright_errors: list[dict[str, object]]) -> None:
    # strict mode adds, on a flagged line, the unknown type a failed attribute lookup leaves (reportUnknown...)
    found = _pyright_found(pyright_errors, ERRORS_SAMPLE)
    _assert_flagged_as_expected(found, _expected("pyright"), consequences="reportUnknown")
    assert not any("overload" in m.lower() for errors in found.values() for _, m in errors)


def test_a_script_outside_the_checkout_type_checks_against_the_installed_sdk(tmp_path: pathlib.Path) -> None:
    """The test venv's install, as type checkers see it from elsewhere (no checkout on their path)."""
    (tmp_path / "script.py").write_text((ROOT / SAMPLE).read_text())
    output = _mypy(tmp_path, "script.py")
    assert "error" not in output, output
    assert _pyright(tmp_path, "script.py") == []
    broken = tmp_path / "broken.py"
    broken.write_text(
        "from airflow_python_sdk.api.dag_run_api import DAGRunApi\n\n"
        "DAGRunApi().get_dag_runs('my_dag', stat=['failed'])\n"
    )  # the same checkers, finding the SDK there, do flag a mistake
    assert 'Unexpected keyword argument "stat" for "get_dag_runs" of "DAGRunApi"' in _mypy(tmp_path, "broken.py")
    assert [e["message"] for e in _pyright(tmp_path, "broken.py")] == ['No parameter named "stat"']
