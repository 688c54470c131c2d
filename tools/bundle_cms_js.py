"""Makes generator/cms/static/lamtheobac-cms.js, the one script the CMS page loads, of its sources in
generator/cms/static/src/ (joined in the order of their names; no dependency but Python).

    python3 tools/bundle_cms_js.py          # writes the file
    python3 tools/bundle_cms_js.py --check  # exit status 1 when the file differs from what this makes

The sources are the parts of one function (the UMD factory that 01-open.js opens and 13-close.js
closes): they share its scope, so a part is not a script of its own. tests/test_cms_bundle.py fails when
the shipped file is not what this makes.
"""
from __future__ import annotations

import sys
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "generator" / "cms" / "static"
SOURCES = STATIC / "src"
TARGET = STATIC / "lamtheobac-cms.js"
HEADER = ("/* GENERATED FILE, do not edit: made by tools/bundle_cms_js.py of generator/cms/static/src/*.js.\n"
          " * Edit the sources there, then run `python3 tools/bundle_cms_js.py`. */\n")


def bundle(sources: Path = SOURCES) -> str:
    """The script: the header, then each source (sorted by name) after a line naming it."""
    parts = [HEADER]
    for path in sorted(sources.glob("*.js")):
        text = path.read_text(encoding="utf-8")
        if not text.endswith("\n"):
            text += "\n"
        parts.append(f"// ---- src/{path.name} ----\n{text}")
    return "".join(parts)


def main(argv: list[str]) -> int:
    made = bundle()
    if "--check" in argv:
        if TARGET.read_text(encoding="utf-8") != made:
            print(f"{TARGET} differs from its sources: run python3 tools/bundle_cms_js.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(made, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
