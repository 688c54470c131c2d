"""The compiled parts, both optional: the search index's kernels (generator/search/_kernels.c)
and the plain bodies' check (generator/_plainhtml.c).

Without a C compiler the package installs and gives the same results more slowly: the index
made with numpy alone (generator/search/kernels.py), bodies checked in Python (generator/plainhtml.py)."""
import hashlib
from pathlib import Path

from setuptools import Extension, setup


def compiled(name: str, source: str) -> Extension:
    # The module carries a digest of its source: a module compiled from another version of the
    # file (a checkout updated without `pip install` again) is left unused.
    digest = hashlib.sha256((Path(__file__).parent / source).read_bytes()).hexdigest()[:16]
    return Extension(name, [source], optional=True, define_macros=[("LT_SOURCE_DIGEST", f'"{digest}"')])


setup(ext_modules=[compiled("generator.search._kernels", "generator/search/_kernels.c"),
                   compiled("generator._plainhtml", "generator/_plainhtml.c")])
