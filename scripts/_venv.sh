# Sourced by scripts/demo and scripts/test: make .venv with the SDK (and its cli extra, for airflow-sdk) and the
# test requirements, then use it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
PYRIGHT_VERSION=1.1.414  # test/test_typing.py checks the samples with it: its messages are pinned with it
stamp=".venv/.installed-$(cat setup.py requirements.txt test-requirements.txt scripts/_venv.sh | sha1sum | cut -c1-12)"
if [ ! -f "$stamp" ]; then
    # editable_mode=compat: a .pth file puts the checkout on sys.path, which mypy and pyright read (setuptools'
    # default editable install is an import hook they cannot see: a script outside the checkout found no SDK)
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --config-settings editable_mode=compat \
        -e ".[cli]" -r test-requirements.txt
    # pyright, the type checker of most editors (VS Code's Pylance), from the npm registry into .venv/pyright
    command -v npm >/dev/null || { echo "scripts/_venv.sh: installing pyright needs npm (Node.js)" >&2; exit 1; }
    npm install --prefix .venv/pyright --no-audit --no-fund --silent "pyright@$PYRIGHT_VERSION"
    touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
