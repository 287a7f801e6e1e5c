#!/usr/bin/env bash
# Build the installable wheel for the venue laptops: the package with its resources
# (fonts, translations, icons, sounds) inside, so that it runs from any folder.
#   packaging/build.sh            -> dist/smartdialog-<version>-py3-none-any.whl
# Install on a laptop with:  python3 -m pip install dist/smartdialog-*.whl
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-"$root/.venv/bin/python"}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -r "$root/pyproject.toml" "$root/README.md" "$root/smartdialog" "$stage/"
rm -rf "$stage/smartdialog/resources"
cp -r "$root/resources" "$stage/smartdialog/resources"
find "$stage" -name __pycache__ -prune -exec rm -rf {} +
mkdir -p "$root/dist"
# uv builds in half of pip's time (it keeps setuptools for the build environment); pip
# where the environment has no uv.
uv="$(dirname "$python")/uv"
if [ -x "$uv" ]; then
    "$uv" build --quiet --wheel --python "$python" --out-dir "$root/dist" "$stage"
else
    "$python" -m pip wheel --quiet --no-deps -w "$root/dist" "$stage"
fi
ls "$root"/dist/smartdialog-*.whl
