"""``airflow-sdk``: Airflow 2 and 3 from the shell, through the REST API (also ``python -m airflow_python_sdk``).

It needs the ``cli`` extra (click, rich, PyYAML: ``pip install '.[cli]'`` in the SDK's checkout) and without it
exits 2 saying so; importing :mod:`airflow_python_sdk` never imports them. The commands are data
(``_commands``: an SDK method and how to show its answer, made into click commands by ``_app``); import and
export are in ``_transfer``. Exit codes: 0 done; 1 the API failed or a run or task did not succeed; 2 the
command line or configuration is wrong, or the server's Airflow lacks the operation (nothing is sent); 3 a
wait gave up at ``--wait-timeout`` (the run goes on).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence

__all__ = ["main", "EXTRA_HINT"]

EXTRA_HINT = "airflow-sdk needs the SDK's cli extra: pip install click rich PyYAML"
_EXTRA_MODULES = ("click", "rich", "yaml")


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``airflow-sdk`` with ``argv`` (default: the command line); returns the exit code."""
    missing = [name for name in _EXTRA_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        print(f"{EXTRA_HINT} ({', '.join(missing)} missing)", file=sys.stderr)
        return 2
    import click

    from airflow_python_sdk.cli._app import EXIT_INTERRUPTED, PROG
    from airflow_python_sdk.cli._commands import build

    try:
        done = build().main(args=argv, prog_name=PROG, standalone_mode=False)
    except click.ClickException as exc:  # a usage error: exit 2
        exc.show()
        return exc.exit_code
    except click.Abort:
        return EXIT_INTERRUPTED
    return done if isinstance(done, int) else 0


if __name__ == "__main__":
    sys.exit(main())
