# SPDX-License-Identifier: Apache-2.0
# setup.py: the C extension smsrep._native, and where its libsmsrep is: a build
# tree (SMSREP_BUILD_DIR, as the README's recipe does), an installed one found
# by pkg-config, or the compiler's default paths. Metadata is in pyproject.toml.
import os
import shlex
import subprocess
from pathlib import Path

from setuptools import Extension, setup

HERE = Path(__file__).resolve().parent


def pkg_config(*args):
    try:
        out = subprocess.run(["pkg-config", *args, "smsrep"], check=True,
                             capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return shlex.split(out)


def locate():
    """Include and library directories of libsmsrep, and the run-time path."""
    build = os.environ.get("SMSREP_BUILD_DIR")
    include = os.environ.get("SMSREP_INCLUDE_DIR")
    if build:
        build = str(Path(build).resolve())
        include = include or str(HERE.parent.parent / "include")
        return [include], [build], [build]
    flags = pkg_config("--cflags-only-I")
    libs = pkg_config("--libs-only-L")
    if flags is not None and libs is not None:
        incs = [f[2:] for f in flags if f.startswith("-I")]
        dirs = [f[2:] for f in libs if f.startswith("-L")]
        return ([include] if include else []) + incs, dirs, dirs
    return ([include] if include else []), [], []


includes, lib_dirs, rpath = locate()
setup(
    ext_modules=[
        Extension(
            "smsrep._native",
            sources=sorted(str(p.relative_to(HERE)) for p in (HERE / "src").glob("*.c")),
            depends=["src/native.h"],
            include_dirs=includes,
            library_dirs=lib_dirs,
            runtime_library_dirs=rpath,
            libraries=["smsrep"],
        )
    ]
)
