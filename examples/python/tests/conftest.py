# SPDX-License-Identifier: Apache-2.0
# conftest.py: what the binding's tests share: the embedded database, and the
# built files CTest names in the environment (SMSREP_TEST_*).
import os
import shutil

import pytest

import smsrep


def built(name):
    """A path CTest gives in SMSREP_TEST_<NAME>; the test is skipped without."""
    path = os.environ.get("SMSREP_TEST_" + name)
    if not path:
        pytest.skip(f"SMSREP_TEST_{name} is not set (run through ctest)")
    return path


@pytest.fixture(scope="module")
def db():
    with smsrep.open() as handle:
        yield handle


@pytest.fixture
def cli():
    path = built("CLI")
    assert shutil.which(path), path
    return path
