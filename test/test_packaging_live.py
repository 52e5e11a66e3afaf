"""The package as users get it: ``python -m build`` makes an sdist and a wheel that ``twine check``
accepts, and the wheel, installed into a fresh venv with its dependencies from PyPI, runs the
quickstart against a real Airflow 2.11.2 (with a scheduler, so the quickstart's run finishes).
"""

from __future__ import annotations

import ast
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

from airflow_python_sdk import __version__

from airflow_server import ADMIN, AirflowServer
from test_typing import _assert_flagged_as_expected, _expected, _mypy_found

pytestmark = pytest.mark.live
ROOT = pathlib.Path(__file__).resolve().parents[1]
SOURCES = ("setup.py", "pyproject.toml", "MANIFEST.in", "README.md", "CHANGELOG.md", "requirements.txt")


def _run(
    *command: str | pathlib.Path, env: dict[str, str] | None = None, cwd: pathlib.Path | None = None
) -> subprocess.CompletedProcess[str]:
    args = [str(c) for c in command]
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """sdist and wheel built from a copy of the sources (so the work tree gets no build/ or egg-info)."""
    pytest.importorskip("build", reason="build is in test-requirements.txt")
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "airflow_python_sdk", source / "airflow_python_sdk",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))  # fmt: skip
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--outdir", out, source)  # the wheel is built from the sdist
    return out


def test_build_makes_an_sdist_and_a_wheel_that_twine_accepts(dist: pathlib.Path) -> None:
    names = sorted(p.name for p in dist.iterdir())
    assert names == [f"airflow_python_sdk-{__version__}-py3-none-any.whl", f"airflow_python_sdk-{__version__}.tar.gz"]
    pytest.importorskip("twine", reason="twine is in test-requirements.txt")
    checked = _run(sys.executable, "-m", "twine", "check", "--strict", *sorted(dist.iterdir()))
    assert checked.stdout.count("PASSED") == 2


def test_the_wheel_holds_the_package_typed_with_its_metadata(dist: pathlib.Path) -> None:
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        files = set(archive.namelist())
        metadata = archive.read(f"airflow_python_sdk-{__version__}.dist-info/METADATA").decode()
    assert {"airflow_python_sdk/py.typed", "airflow_python_sdk/pagination.py", "airflow_python_sdk/waiting.py",
            "airflow_python_sdk/model/dag_run.py", "airflow_python_sdk/api/dag_run_api.py",
            "airflow_python_sdk/cli/__init__.py", "airflow_python_sdk/cli/_commands.py"} <= files  # fmt: skip
    assert not any(name.startswith(("test/", "tests/", "examples/")) for name in files)
    assert f"\nVersion: {__version__}\n" in metadata and "Requires-Python: >=3.10" in metadata
    assert 'Requires-Dist: tqdm; extra == "progress"' in metadata
    for cli_requirement in ("click>=8.1", "rich>=13", "PyYAML>=6"):  # the cli extra: airflow-sdk's parser and output
        assert f'Requires-Dist: {cli_requirement}; extra == "cli"' in metadata
    assert "airflow-sdk = airflow_python_sdk.cli:main" in archive_text(wheel, "entry_points.txt")
    for requirement in (ROOT / "requirements.txt").read_text().split():
        assert re.search(rf"^Requires-Dist: {re.escape(requirement.split('>')[0].split('<')[0])}", metadata, re.M)
    assert metadata.split("\n\n", 1)[1].startswith("# airflow_python_sdk")  # the README, as the long description


def test_the_version_has_one_source() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    for name in ("setup.py", "pyproject.toml", "requirements.txt"):
        assert __version__ not in (ROOT / name).read_text(), f"{name} repeats the version"
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text()


@pytest.fixture(scope="module")
def venv(dist: pathlib.Path, tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """A fresh venv with the wheel installed, its dependencies from PyPI."""
    venv = tmp_path_factory.mktemp("installed") / "venv"
    _run(sys.executable, "-m", "venv", venv)
    (wheel,) = dist.glob("*.whl")
    _run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel)
    return venv


def test_the_installed_wheel_types_user_code_as_the_samples_say(venv: pathlib.Path, tmp_path: pathlib.Path) -> None:
    """mypy --strict, reading the package from the installed wheel only (not this checkout), passes the typed
    sample and rejects each wrong line of the errors sample (test_typing.py checks the same on the checkout)."""
    pytest.importorskip("mypy", reason="mypy is in test-requirements.txt")
    for name in ("typing_sample.py", "typing_errors_sample.py"):
        shutil.copy2(ROOT / "test" / name, tmp_path / name)
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-pretty", "--no-error-summary", "--show-error-codes",
         "--python-executable", str(venv / "bin" / "python"), "--cache-dir", str(tmp_path / ".mypy_cache"),
         "typing_sample.py", "typing_errors_sample.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert not [line for line in errors if not line.startswith("typing_errors_sample.py:")], done.stdout
    found = _mypy_found(done.stdout, "typing_errors_sample.py")
    _assert_flagged_as_expected(found, _expected("mypy"), "")  # as on the checkout: each line's own message


def test_the_installed_wheel_runs_the_quickstart(
    venv: pathlib.Path, scheduled: AirflowServer, tmp_path: pathlib.Path
) -> None:
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "PYTHON", "VIRTUAL_ENV"))}
    env.update(AIRFLOW_API_URL=scheduled.api_url, AIRFLOW_USERNAME=ADMIN[0], AIRFLOW_PASSWORD=ADMIN[1])
    where = _run(python, "-c", "import airflow_python_sdk as s; print(s.__file__, s.__version__)", env=env,
                 cwd=tmp_path)  # fmt: skip
    assert where.stdout.startswith(str(venv)) and where.stdout.split()[1] == __version__
    out = _run(python, ROOT / "examples" / "quickstart.py", env=env, cwd=tmp_path).stdout
    assert re.search(r"^run (?:manual|sdk)__\S+ of sdk_example finished: success$", out, re.MULTILINE), out
    counts = re.search(r"^runs of sdk_example by state: (\{.*\})$", out, re.MULTILINE)
    assert counts and ast.literal_eval(counts[1]).get("success", 0) >= 1, out  # the server is shared: others' runs too


def archive_text(wheel: pathlib.Path, name: str) -> str:
    with zipfile.ZipFile(wheel) as archive:
        return archive.read(f"airflow_python_sdk-{__version__}.dist-info/{name}").decode()


def test_airflow_sdk_needs_the_cli_extra_and_runs_with_it(venv: pathlib.Path, dist: pathlib.Path,
                                                          scheduled: AirflowServer) -> None:  # fmt: skip
    """Installed without the extra, the SDK imports and ``airflow-sdk`` exits 2 with a one-line hint; with
    ``[cli]`` (installed last into the module's venv) it answers. The SDK never imports the extra's packages."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "PYTHON", "VIRTUAL_ENV"))}
    env.update(AIRFLOW_API_URL=scheduled.api_url, AIRFLOW_USERNAME=ADMIN[0], AIRFLOW_PASSWORD=ADMIN[1])
    script = venv / "bin" / "airflow-sdk"
    bare = subprocess.run([script, "version"], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert bare.returncode == 2 and bare.stdout == "", bare
    assert (
        bare.stderr
        == "airflow-sdk needs the SDK's cli extra: pip install click rich PyYAML (click, rich, yaml missing)\n"
    )
    (wheel,) = dist.glob("*.whl")
    _run(venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"{wheel}[cli]")
    imported = "import sys, airflow_python_sdk.apis; print(sorted({'click', 'rich', 'yaml'} & set(sys.modules)))"
    assert _run(venv / "bin" / "python", "-c", imported, env=env).stdout == "[]\n"
    version = _run(script, "version", "--json", env=env)
    assert json.loads(version.stdout)["version"] == scheduled.version
