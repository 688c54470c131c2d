"""`lamtheobac import`: raw scraped articles (.txt, .html) to Markdown articles with front matter.

Modules: decode (bytes to NFC text), clean (blocks, boilerplate.csv rules),
dates (date lines), byline (names), lines (what each line looks like),
headline (headline and date chosen by score), extract (lead, byline, body),
places (provinces, districts.csv, source_tags.csv), entities (central documents, tags),
htmlsource (saved web pages), frontmatter (YAML and Markdown), command (files),
report (what the command prints).
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TextIO

from ..taxonomy import Registries
from .command import convert, run

__all__ = ["import_command", "convert"]


def import_command(paths: list[Path], out: Path, *, dry_run: bool, force: bool,
                   images_prefix: str, registries: Registries, stdout: TextIO, report: bool = False,
                   now: datetime | None = None, images_dir: Path | None = None) -> int:
    """Import each .txt/.html file (directories walked, sorted); print a report per file
    (``report``: with lines, confidence and the lines left out); return exit status
    (1 if any file was skipped). ``now``: the import time, for drafts without a date; ``images_dir``:
    the site's images folder, where a photo's name may already be taken."""
    return run([Path(p) for p in paths], Path(out), dry_run=dry_run, force=force,
               images_prefix=images_prefix, registries=registries, stdout=stdout, report=report, now=now,
               images_dir=images_dir)
