"""Other articles' teasers on a saved page. A page holds its article in one ``<article>`` and shows
other articles in further ``<article>`` elements, each a headline and a sapo ("Tin liên quan",
"Tin mới nhất"): their blocks are left out and reported, so that no sapo of another article is read
as this one's text and no headline of another as a subheading.

The article is the ``<article>`` holding the ``<h1>`` (else the one with the most words). Only the
others shaped like a teaser go (at most four lines of text and 100 words): an article a page splits
over two ``<article>`` elements keeps its text.
"""
from __future__ import annotations

from .clean import Block, words

REASON = "bài khác trên trang (thẻ <article> khác)"
_TEASER_LINES = 4
_TEASER_WORDS = 100


def split_teasers(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """(the blocks kept, the blocks of other articles' teasers)."""
    size: dict[int, int] = {}
    lines: dict[int, int] = {}
    headed: set[int] = set()
    for b in blocks:
        n = b.extra.get("article")
        if not n:
            continue
        size.setdefault(n, 0)
        lines.setdefault(n, 0)
        if b.hint != "img":
            size[n] += words(b.text)
            lines[n] += 1
        if b.hint == "h1":
            headed.add(n)
    if len(size) < 2:
        return blocks, []
    main = next(iter(headed)) if len(headed) == 1 else max(size, key=lambda n: size[n])
    teasers = {n for n in size if n != main and lines[n] <= _TEASER_LINES and size[n] <= _TEASER_WORDS}
    if not teasers:
        return blocks, []
    return ([b for b in blocks if b.extra.get("article") not in teasers],
            [b for b in blocks if b.extra.get("article") in teasers])
