#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# types.sh PYTHON SRC README: the package's type hints hold: mypy --strict over
# the package (its .pyi stubs), typed_usage.py and the README's Python example.
set -eu
python=$1 src=$2 readme=$3
if ! "$python" -c 'import mypy' 2>/dev/null; then
    sh "$src/../../tests/integration/skip.sh" python.types "no mypy for $python (Debian: python3-mypy)"
    exit $?
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$python" - "$readme" "$tmp/readme_example.py" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
section = re.search(r"^## Python\n(.*?)^## ", text, re.S | re.M).group(1)
open(sys.argv[2], "w", encoding="utf-8").write(
    "\n".join(re.findall(r"^```python\n(.*?)^```", section, re.S | re.M)))
PY
cd "$tmp"
"$python" -m mypy --strict --cache-dir "$tmp/cache" "$src/smsrep" "$src/tests/typed_usage.py" \
    readme_example.py
