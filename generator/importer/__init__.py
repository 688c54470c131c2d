"""`lamtheobac import`: raw scraped articles (.txt, .html) to Markdown articles with front matter.

Modules: decode (bytes to NFC text), clean (blocks, boilerplate.csv rules),
dates (Vietnamese datelines), extract (headline, date, lead, byline, body),
entities (provinces, central documents, tags via the registries),
htmlsource (saved web pages), frontmatter (YAML and Markdown), command (files, report).
"""
from __future__ import annotations

from pathlib import Path
from typing import TextIO

from ..taxonomy import Registries
from .command import convert, run

__all__ = ["import_command", "convert"]


def import_command(paths: list[Path], out: Path, *, dry_run: bool, force: bool,
                   images_prefix: str, registries: Registries, stdout: TextIO) -> int:
    """Import each .txt/.html file (directories walked, sorted); print a report per file;
    return exit status (1 if any file failed)."""
    return run([Path(p) for p in paths], Path(out), dry_run=dry_run, force=force,
               images_prefix=images_prefix, registries=registries, stdout=stdout)
