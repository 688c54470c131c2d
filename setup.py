"""The one compiled part: the search index's kernels (generator/search/_kernels.c).

Optional: without a C compiler the package installs and builds the same index
with numpy alone, more slowly (generator/search/kernels.py)."""
import hashlib
from pathlib import Path

from setuptools import Extension, setup

SOURCE = "generator/search/_kernels.c"
# The module carries a digest of its source: search/kernels.py leaves a module compiled from
# another version of the file unused (a checkout updated without `pip install` again).
DIGEST = hashlib.sha256((Path(__file__).parent / SOURCE).read_bytes()).hexdigest()[:16]

setup(ext_modules=[Extension("generator.search._kernels", [SOURCE], optional=True,
                             define_macros=[("LT_SOURCE_DIGEST", f'"{DIGEST}"')])])
