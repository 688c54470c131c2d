"""The one compiled part: the search index's kernels (generator/search/_kernels.c).

Optional: without a C compiler the package installs and builds the same index
with numpy alone, more slowly (generator/search/kernels.py)."""
from setuptools import Extension, setup

setup(ext_modules=[Extension("generator.search._kernels", ["generator/search/_kernels.c"], optional=True)])
