"""Deleting from the CMS's local backend: nothing others still use is deleted.

A photo an article, a page or site.toml shows, and an article other pages link to, are refused
with the files that use them; an article changed since the editor's tab read it too.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ..errors import ContentError, os_reason
from ..frontmatter import decode, split
from .confine import Confined, Refused, base_ids

USER_EXTENSIONS = (".md", ".markdown", ".html", ".toml", ".yaml", ".yml", ".json")  # text that may name a photo


class Deleting(Confined):
    """LocalBackend's deleteFile and deleteFiles (article_url: "bai-viet/{slug}/", "" when not known)."""
    article_url: str

    def _unused(self, raw: Any, deleted: set[Path]) -> None:
        """A photo articles show, or an attachment they link to, may not be deleted: their pages would
        lose it and the build fail. deleted: the files this request deletes (an article deleted with
        its photos does not keep them)."""
        full, area = self._checked(raw)
        if area is self.areas[0]:
            return
        address = "/" + full.relative_to(self.root / area.name).as_posix()
        users = []
        for text_file in self._users():
            if text_file not in deleted and address in text_file.read_text(encoding="utf-8", errors="replace"):
                users.append(self._relative(text_file))
                if len(users) > 3:
                    break
        if users:
            more = " và các bài khác" if len(users) > 3 else ""
            raise Refused(409, f"{area.what} “{raw}” đang được dùng trong {', '.join(users[:3])}{more}: xóa "
                               f"{area.what} sẽ làm hỏng các bài đó; hãy bỏ {area.what} khỏi bài trước rồi mới xóa")

    def _users(self) -> list[Path]:
        """The files that may show a photo: site.toml (the logo, the share image) and every text file
        of the content folder the articles are in (articles, pages), the photos' own folder aside."""
        content = (self.root / self.areas[0].name).parent
        images = self.root / self.areas[1].name
        found = [self.root / "site.toml"] if (self.root / "site.toml").is_file() else []
        for folder, dirs, files in os.walk(content):  # links are not followed: _list's rule
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and Path(folder, d) != images)
            found += [Path(folder, name) for name in sorted(files)
                      if name.endswith(USER_EXTENSIONS) and not Path(folder, name).is_symlink()]
        return found

    def _delete(self, paths: list[Any]) -> None:
        """All of paths deleted, or none: each file is first renamed to a hidden name beside it (the
        build and the listings skip dot files), and only when all are renamed are they unlinked; a
        rename that fails (a read-only folder or disk) puts the renamed ones back. An entry deleted
        with its photos was half deleted: the article gone, a photo left, the editor told of the photo."""
        hidden: list[tuple[Any, Path, Path]] = []
        for raw in paths:
            path, _ = self._checked(raw)
            if not os.path.lexists(path):  # decap-server ignores a file that is already gone
                continue
            aside = path.with_name(_aside_name(path.name, len(hidden)))
            try:
                os.rename(path, aside)
            except OSError as exc:  # a read-only disk: the editor is told which file stays
                left = self._put_back(hidden)
                stays = "tệp vẫn còn" if len(paths) == 1 else "chưa tệp nào bị xóa, các tệp vẫn còn nguyên"
                raise Refused(500, f"không xóa được tệp “{raw}”: {os_reason(exc, writing=True)}; "
                                   f"{left or stays}") from None
            hidden.append((raw, path, aside))
        failed = []
        for raw, path, aside in hidden:
            try:
                aside.unlink()
            except OSError as exc:
                failed.append((raw, path, aside, exc))
        if failed:
            raw, _, _, exc = failed[0]
            left = self._put_back([(r, p, a) for r, p, a, _ in failed])
            gone = [r for r, _, _ in hidden if all(r != f[0] for f in failed)]
            raise Refused(500, f"không xóa được tệp “{raw}”: {os_reason(exc, writing=True)}; "
                               + (left or "tệp vẫn còn") + (f"; đã xóa: {', '.join(gone)}" if gone else ""))

    def _put_back(self, hidden: list[tuple[Any, Path, Path]]) -> str:
        """The hidden files renamed back; '' when all are back, else what the editor must do by hand."""
        stuck = []
        for raw, path, aside in reversed(hidden):
            try:
                os.rename(aside, path)
            except OSError:
                stuck.append(f"“{raw}” đang mang tên tạm “{self._relative(aside)}”")
        if not stuck:
            return ""
        return ("không trả lại được tên cũ cho " + ", ".join(stuck) + ": hãy đổi lại tên các tệp đó bằng tay")

    def _unlinked(self, raw: Any, deleted: set[Path]) -> None:
        """An article other pages link to may not be deleted: their links would lead nowhere (`check`
        fails on them). deleted: the files this request deletes (links among them do not count)."""
        full, area = self._checked(raw)
        if area is not self.areas[0] or not self.article_url or not full.is_file():
            return
        try:
            slug = split(decode(full.read_bytes(), str(raw)), str(raw)).meta.get("slug")
        except ContentError:
            slug = None
        slug = slug.strip() if isinstance(slug, str) and slug.strip() else full.stem
        # The address without the base path or host ("bai-viet/ten-bai"), not followed by more of a slug.
        address = self.article_url.replace("{slug}", slug).strip("/")
        link = re.compile(re.escape(address) + r"(?![A-Za-z0-9_-])")
        users = [self._relative(f) for f in self._users()
                 if f not in deleted and link.search(f.read_text(encoding="utf-8", errors="replace"))]
        if users:
            more = " và các bài khác" if len(users) > 3 else ""
            raise Refused(409, f"bài “{raw}” đang được liên kết đến từ {', '.join(users[:3])}{more}: xóa bài sẽ làm "
                               f"hỏng các liên kết đó (trang dẫn tới /{address}/ không còn). Hãy bỏ hoặc sửa các "
                               f"liên kết trước rồi mới xóa bài")

    def _deletable(self, raw: Any, base: dict | None, deleted: set[Path] = frozenset()) -> None:
        full, _ = self._checked(raw)
        self._not_read_only(full, raw, "xóa tệp")
        self._unused(raw, set(deleted) | {full})
        self._unlinked(raw, set(deleted) | {full})
        if base is not None and isinstance(raw, str) and raw in base:  # an article changed since the tab read it
            self._unchanged(full, raw, base[raw], deleting=True)

    def delete_file(self, params: dict) -> dict:
        self._deletable(params.get("path"), base_ids(params))
        self._delete([params.get("path")])
        return {"message": f"deleted file {params.get('path')}"}

    def delete_files(self, params: dict) -> dict:
        paths = params.get("paths")
        if not isinstance(paths, list) or not paths:
            raise Refused(422, "“paths” phải là một danh sách tệp")
        base = base_ids(params)
        deleted = {self._checked(raw)[0] for raw in paths}
        for raw in paths:
            self._deletable(raw, base, deleted)
        self._delete(paths)
        return {"message": f"deleted files {', '.join(paths)}"}


def _aside_name(name: str, index: int) -> str:
    """The hidden name a file to delete is set aside under: a dot name (the build, the watcher and
    the listings skip it) keeping as much of its own name as a folder entry's 255 bytes leave."""
    head = f".{name}"
    tail = f".dang-xoa-{os.getpid()}-{index}"
    room = 255 - len(tail.encode("utf-8"))
    return head.encode("utf-8")[:room].decode("utf-8", "ignore") + tail
