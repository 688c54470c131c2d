"""Articles moved by hand since the last build: a located warning, until an alias keeps the old address.

The CMS keeps a published article's old address in "aliases" when a save moves it (cms/renames.py).
An editor who changes "slug:" or renames the file in a text editor gets no such help, and the old
address would just 404. The build compares its articles with those the last build published (the
state of the output folder; `check` compares with the state of output/) and warns:
"bài đã đổi địa chỉ từ A sang B … thêm aliases". It warns rather than writing a redirect by itself:
the site stays a function of content/ alone (a fresh clone on Netlify, which has no last build,
publishes the same files), and the editor decides (the old address may have been a mistake no one
saw). The warning is kept in the state and repeated by every later build until the old address leads
somewhere again (an alias, or another article or page there) or the article is gone.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .aliases import output_of
from .config import SiteConfig
from .errors import WARNING, SiteError
from .vietnamese import term_key


@dataclass(frozen=True)
class Move:
    old: str      # the address the last build published: "bai-viet/ten-cu/" (site-relative, no base path)
    new: str      # the article's address now
    path: str     # the article's source, as shown
    line: int     # where its address is decided (its slug line, else 1)
    listed: bool  # the article has "aliases" already (add to it rather than write a new key)

    def warning(self) -> SiteError:
        old = f"“/{self.old}”"
        how = (f"thêm {old} vào danh sách “aliases” của bài" if self.listed
               else f'thêm dòng aliases: ["/{self.old}"] vào phần thông tin của bài')
        return SiteError(f"{WARNING}bài đã đổi địa chỉ từ {old} sang “/{self.new}” so với trang đã dựng lần trước; "
                         f"địa chỉ cũ sẽ báo “không tìm thấy” (liên kết đã chia sẻ lên Zalo, Facebook bị hỏng): "
                         f"{how} để giữ liên kết cũ", self.path, self.line)


def find_moves(before: Mapping, before_keys: Mapping[str, str], before_outputs: frozenset[str],
               carried: Mapping[str, str], shown: Sequence, pages: Sequence, keys: Mapping[str, str],
               config: SiteConfig) -> list[Move]:
    """The old addresses of articles that moved since the last build and lead nowhere now.

    before: source path -> article as the last build read it; before_keys: source path -> its content
    key; before_outputs: the files the last build published; carried: old address -> source path of
    the moves the last build warned about; shown, pages: what this build publishes; keys: source
    path -> content key now."""
    url = config.urls.article
    here = {a.path: a for a in shown}
    served = ({output_of(url.format(slug=a.slug)) for a in shown}
              | {output_of(alias.path) for a in shown for alias in a.aliases}
              | {output_of(config.urls.page.format(slug=p.slug)) for p in pages})
    arrived = [a for a in shown if a.path not in before]  # new files: maybe renamed ones
    found: dict[str, object] = {}
    for path, old in before.items():
        address = url.format(slug=old.slug)
        if old.draft or output_of(address) not in before_outputs or output_of(address) in served:
            continue
        article = here.get(path) or _renamed(old, before_keys.get(path, ""), arrived, keys)
        if article is not None:  # else deleted or unpublished: nothing to keep
            found[address] = article
    for address, path in carried.items():
        if address not in found and output_of(address) not in served and path in here:
            found[address] = here[path]
    return sorted((Move(address, url.format(slug=a.slug), a.path, a.line or 1, bool(a.aliases))
                   for address, a in found.items()), key=lambda m: (m.path, m.old))


def _renamed(old, key: str, arrived: Sequence, keys: Mapping[str, str]):
    """The one new file that is old's renamed file: the same bytes, else the same title and date."""
    same = [a for a in arrived if key and keys.get(a.path) == key]
    if not same:
        title = term_key(old.title)
        same = [a for a in arrived if a.date == old.date and term_key(a.title) == title]
    return same[0] if len(same) == 1 else None
