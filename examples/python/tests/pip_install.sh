#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# pip_install.sh PYTHON SRC INCLUDE LIBDIR README: the README's recipe. Makes a
# venv that sees Debian's packages, pip-installs the package from a copy of
# SRC with no index and no build isolation against the library in LIBDIR,
# then runs the README's Python example with that venv's python, outside
# any source tree, and checks the module came from the venv.
set -eu
python=$1 src=$2 include=$3 libdir=$4 readme=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    sh "$src/../../tests/integration/skip.sh" python.pip_install \
        "no venv module for $python (Debian: python3-venv)"
    exit $?
fi
"$python" -m venv --system-site-packages "$tmp/venv"
# A copy, so that the build's own files (build/, *.egg-info) stay out of SRC.
cp -R "$src" "$tmp/src"
rm -rf "$tmp/src/build" "$tmp/src"/*.egg-info
SMSREP_BUILD_DIR=$libdir SMSREP_INCLUDE_DIR=$include \
    "$tmp/venv/bin/pip" install --no-build-isolation --no-index --no-cache-dir \
    --disable-pip-version-check -q "$tmp/src"
cd "$tmp"
"$tmp/venv/bin/python" - "$readme" "$tmp/venv" <<'PY'
import re, sys
import smsrep
assert smsrep.__file__.startswith(sys.argv[2]), smsrep.__file__
assert smsrep._native.__file__.startswith(sys.argv[2]), smsrep._native.__file__
text = open(sys.argv[1], encoding="utf-8").read()
section = re.search(r"^## Python\n(.*?)^## ", text, re.S | re.M).group(1)
blocks = re.findall(r"^```python\n(.*?)^```", section, re.S | re.M)
assert blocks
namespace = {"__name__": "readme"}
for block in blocks:
    exec(compile(block, "README.md", "exec"), namespace)
print("pip install and the README's example: ok,", smsrep.__file__)
PY
