# SPDX-License-Identifier: Apache-2.0
# test_readme.py: the README's Python example runs as it is printed: every
# ```python block of its "## Python" section, in order, in one namespace.
import re
from pathlib import Path

from conftest import built


def readme_blocks():
    text = Path(built("README")).read_text(encoding="utf-8")
    section = re.search(r"^## Python\n(.*?)^## ", text, re.S | re.M)
    assert section, "README.md has no '## Python' section"
    blocks = re.findall(r"^```python\n(.*?)^```", section.group(1), re.S | re.M)
    assert blocks, "the README's Python section has no ```python block"
    return blocks


def test_readme_example_runs(capsys):
    namespace = {"__name__": "readme"}
    for block in readme_blocks():
        exec(compile(block, "README.md", "exec"), namespace)
    # The example prints what it judged; it must have judged something.
    assert capsys.readouterr().out.strip()
