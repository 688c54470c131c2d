"""A save that changes a published article's address keeps the old address working.

The address of an article is its "slug", else its file name. When a save from the CMS changes it
(the editor typed a new "Địa chỉ bài", or the file was renamed) for an article that was published
(not a draft), the old address is added to the article's "aliases": the build publishes a page
there that sends readers on (generator/aliases.py), so links shared on Zalo or Facebook, feeds and
other sites' links still reach the article. The form does not edit "aliases": they are taken from
the file on disk, never from the tab (a tab opened before the last save does not hold them).
"""
from __future__ import annotations

import json

from ..aliases import output_of
from ..fields import SLUG, TRUE, alias_path, flag_word  # the words the build reads as true
from ..errors import ContentError
from ..frontmatter import decode, split, written_slug
from .keep import _blocks, _comments

_BOM = b"\xef\xbb\xbf"


def _written(meta: dict) -> list[str]:
    """The aliases as written in front matter (one text or a list of them)."""
    value = meta.get("aliases")
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return [item for item in items if isinstance(item, str) and item.strip()]


def _draft(meta: dict) -> bool:
    value = meta.get("draft")
    return flag_word(value) in TRUE


def _same_place(text: str, address: str) -> bool:
    path, problem = alias_path(text.strip())
    return not problem and output_of(path) == output_of(address)


def with_aliases(original: bytes, data: bytes, old_stem: str, new_stem: str, article_url: str, path: str) -> bytes:
    """data (the bytes a save writes over original) with the aliases the article must have: those of
    original, and its old address when the save moves a published article; without the new address
    (an article moved back to an old address holds it again). article_url: "bai-viet/{slug}/"."""
    if not article_url:
        return data
    try:
        old = split(decode(original, path), path)
        new_text = decode(data, path)
        new = split(new_text, path)
    except ContentError:
        return data  # the backend refuses what does not read before it writes anything
    old_slug, new_slug = written_slug(old.meta, old_stem), written_slug(new.meta, new_stem)
    wanted = _written(old.meta)
    if old_slug != new_slug and not _draft(old.meta) and SLUG.match(old_slug):
        moved_from = "/" + article_url.format(slug=old_slug)
        if not any(_same_place(item, moved_from[1:]) for item in wanted):
            wanted.append(moved_from)
    here = article_url.format(slug=new_slug)
    wanted = [item for item in wanted if not _same_place(item, here)]
    if _written(new.meta) == wanted:
        return data
    # The aliases block of the saved text replaced: the original's lines when they say the same.
    fm_text = "\n".join(new.fm_lines)
    blocks = _blocks(fm_text)
    old_lines = next((lines for key, lines in _blocks("\n".join(old.fm_lines)) if key == "aliases"), None)
    if old_lines is not None and wanted == _written(old.meta):
        block = old_lines
    elif wanted:
        block = ["aliases: [" + ", ".join(json.dumps(item, ensure_ascii=False) for item in wanted) + "]"]
    else:
        block = []
    at = next((i for i, (key, _) in enumerate(blocks) if key == "aliases"), None)
    if at is not None:
        notes = [] if block is old_lines else _comments(blocks[at][1], new.meta.get("aliases"))
        blocks[at] = ("aliases", notes + block)
    else:  # after the slug, which it is about; else last
        after = next((i + 1 for i, (key, _) in enumerate(blocks) if key == "slug"), None)
        if after is None:
            after = len(blocks)
            while after and blocks[after - 1][0] is None and not "".join(blocks[after - 1][1]).strip():
                after -= 1  # before the blank line that ends the front matter
        blocks.insert(after, ("aliases", block))
    # split() read the front matter from just after the opening "---\n"
    text = new_text[:4] + "\n".join(line for _, lines in blocks for line in lines) + new_text[4 + len(fm_text):]
    crlf = b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    out = text.replace("\r\n", "\n").replace("\n", "\r\n") if crlf else text
    return (_BOM if data.startswith(_BOM) else b"") + out.encode("utf-8")
