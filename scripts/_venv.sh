# Sourced by scripts/demo and scripts/test: make .venv with the SDK (and its cli extra, for airflow-sdk) and the
# test requirements, then use it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
stamp=".venv/.installed-$(cat setup.py requirements.txt test-requirements.txt | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[cli]" -r test-requirements.txt
    touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
