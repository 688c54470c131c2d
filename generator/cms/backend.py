"""Decap CMS's local backend, in Python: `lamtheobac serve --cms` needs no node.

The protocol is decap-server's (npm `decap-server`, middlewares/localFs): one POST
endpoint taking {"action": …, "params": {…}} and answering JSON; the answers have
the same shapes (tests run the same requests against decap-server itself). What
differs is what may be touched: decap-server edits anything in its repository,
this one only article files under content/articles and images under
content/images, with safe names, size limits and no way out through "..",
absolute paths or symbolic links. Refusals are 4xx answers with a message in
Vietnamese, which the CMS shows to the editor.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePosixPath
from typing import Any, Callable

from ..errors import ContentError, os_reason
from ..frontmatter import body_of, decode, split
from ..vietnamese import MAX_SLUG
from ..attachments import KINDS
from .confine import ARTICLE_EXTENSIONS, IMAGE_EXTENSIONS, Area, Refused, base_ids, sha256
from .deleting import Deleting
from .keep import lost_in_save, merged
from .media import Media
from .renames import with_aliases
from .review import Review
from .schema import IMAGES_URL, MAX_UPLOAD, Folders, megabytes

MAX_ARTICLE = 2 * 1024 * 1024                 # bytes of one article file
MAX_BODY = 2 * MAX_UPLOAD + 4 * 1024 * 1024   # one request: an entry with one upload, base64 (4/3) and JSON
ACTIONS = ("info", "entriesByFolder", "entriesByFiles", "getEntry", "persistEntry", "getMedia",
           "getMediaFile", "persistMedia", "deleteFile", "deleteFiles", "getDeployPreview")


class LocalBackend(Media, Deleting):
    """The actions of decap-server's local_fs mode, confined to the articles and images folders."""

    # Articles this process renamed (a new "Địa chỉ bài"), old file -> new path as sent, the latest
    # MAX_RENAMED: a tab still holding the old file is told where the article went (one LocalBackend
    # is made per request, so the record is the class's).
    renamed: dict[Path, str] = {}
    MAX_RENAMED = 1000

    def __init__(self, root: Path, folders: Folders, review: Review | None = None):
        """review: what the build says of an article's new text (review.reviewer); a save it finds
        errors in is refused with them. None: not asked (decap-server does not either)."""
        self.root = Path(root).resolve()
        self.review = review
        self.article_url = folders.article_url
        self.areas = (Area(folders.articles, ARTICLE_EXTENSIONS, MAX_ARTICLE, "bài viết"),
                      Area(folders.images, IMAGE_EXTENSIONS, MAX_UPLOAD, "ảnh"))
        if folders.files:  # attachments (PDF, DOCX …) an article links to, checked as the build checks them
            self.areas += (Area(folders.files, tuple(KINDS), MAX_UPLOAD, "văn bản đính kèm"),)
        self._actions: dict[str, Callable[[dict], Any]] = {
            "info": self.info, "entriesByFolder": self.entries_by_folder, "entriesByFiles": self.entries_by_files,
            "getEntry": self.get_entry, "persistEntry": self.persist_entry, "getMedia": self.get_media,
            "getMediaFile": self.get_media_file, "persistMedia": self.persist_media,
            "deleteFile": self.delete_file, "deleteFiles": self.delete_files,
            "getDeployPreview": lambda params: None,
        }

    # -- the endpoint -------------------------------------------------------------
    def handle(self, body: Any) -> tuple[int, Any]:
        """(HTTP status, JSON answer) for one request body."""
        if not isinstance(body, dict) or not isinstance(body.get("action"), str):
            return 422, {"error": "yêu cầu không hợp lệ: thiếu “action”"}
        try:  # JSON may carry half of a UTF-16 pair ("\ud800"): no file name or text can hold it
            json.dumps(body, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            return 422, {"error": "yêu cầu có ký tự không hợp lệ (nửa cặp UTF-16, dạng \\ud800); hãy gõ lại đoạn "
                                  "chữ vừa dán rồi lưu lại"}
        action = body["action"]
        if action not in self._actions:  # decap-server's answer, e.g. for the editorial workflow's actions
            return 422, {"error": f"Unknown action {action}"}
        params = body.get("params")
        if action != "info" and not isinstance(params, dict):
            return 422, {"error": "yêu cầu không hợp lệ: thiếu “params”"}
        try:
            return 200, self._actions[action](params or {})
        except Refused as exc:
            return exc.status, {"error": exc.message}
        except OSError as exc:
            writing = action in ("persistEntry", "persistMedia", "deleteFile", "deleteFiles")
            return 500, {"error": f"lỗi {'ghi' if writing else 'đọc'} tệp: {os_reason(exc, writing)}"}

    # -- reading ---------------------------------------------------------------------
    def info(self, params: dict) -> dict:
        return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}

    def _entry(self, raw: Any, label: Any = None) -> dict:
        try:
            path, _ = self._checked(raw)
            data = path.read_bytes()
        except (Refused, OSError):  # decap-server answers a missing entry with data null, not an error
            return {"data": None, "file": _file_info(raw, label, None)}
        return {"data": data.decode("utf-8", "replace"), "file": _file_info(raw, label, sha256(data))}

    def entries_by_folder(self, params: dict) -> list[dict]:
        folder, area = self._checked(params.get("folder"), kind="folder")
        extension = params.get("extension")
        depth = params.get("depth")
        if not isinstance(extension, str) or not isinstance(depth, int) or isinstance(depth, bool):
            raise Refused(422, "“extension” và “depth” không hợp lệ")
        return [self._entry(self._relative(p)) for p in self._list(folder, area, extension, depth)]

    def entries_by_files(self, params: dict) -> list[dict]:
        files = params.get("files")
        if not isinstance(files, list) or not all(isinstance(f, dict) for f in files):
            raise Refused(422, "“files” phải là một danh sách")
        return [self._entry(f.get("path"), f.get("label")) for f in files]

    def get_entry(self, params: dict) -> dict:
        return self._entry(params.get("path"))

    # -- writing ---------------------------------------------------------------------
    def _fits(self, raw: Any, data: bytes) -> Path:
        path, area = self._checked(raw)
        self._no_case_twin(path, raw)
        if len(data) > area.max_size:
            raise Refused(413, f"tệp “{raw}” quá lớn ({megabytes(len(data), up=True)}; tối đa "
                               f"{megabytes(area.max_size)} cho một tệp {area.what})")
        return path

    def _write(self, raw: Any, data: bytes) -> Path:
        return self._write_all([(raw, data)])[0]

    def _write_all(self, files: list[tuple[Any, bytes]]) -> list[Path]:
        """Every file written, or none: each is first written whole beside its place under a dot
        name (the build and the watcher skip it), then all are moved in. A folder that cannot be
        written (a read-only disk, a full one) saved the entry and then failed on its photo: the
        article named a photo that was not there, and the preview stopped on it."""
        placed = [(raw, self._fits(raw, data), data) for raw, data in files]  # refusals before any write
        staged: list[tuple[Any, Path, Path]] = []
        try:
            for raw, path, data in placed:
                tmp = path.with_name(f".{path.name}.cms-tmp")
                staged.append((raw, tmp, path))
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp.write_bytes(data)
        except OSError as exc:
            _discard(tmp for _, tmp, _ in staged)
            raise Refused(500, f"không ghi được tệp “{raw}”: {os_reason(exc, writing=True)}; chưa tệp nào được "
                               f"lưu, các tệp đang có vẫn giữ nguyên") from None
        done: list[Path] = []
        for index, (raw, tmp, path) in enumerate(staged):
            try:
                os.replace(tmp, path)  # the preview rebuilds from a complete file
            except OSError as exc:
                _discard(tmp for _, tmp, _ in staged[index:])
                saved = ", ".join(f"“{raw}”" for raw, _, _ in staged[:index])
                raise Refused(500, f"không ghi được tệp “{raw}”: {os_reason(exc, writing=True)}; "
                                   + (f"chỉ lưu được {saved}" if saved else "chưa tệp nào được lưu")) from None
            done.append(path)
        return done

    def _article(self, raw: Any) -> Path:
        """The checked path of an entry: only in the articles folder (an entry's text under an
        image's name would be a broken photo)."""
        self._new_address(raw)
        full, area = self._checked(raw)
        if area is not self.areas[0]:
            raise Refused(403, f"bài viết chỉ được lưu trong {self.areas[0].name}/, không phải “{raw}”")
        return full

    def _new_address(self, raw: Any) -> None:
        """A new article's file name is its address, which the CMS makes from the title: a title of
        punctuation or emoji alone gives none (".md"), a very long one more than a folder name holds
        (the build refuses a name over MAX_SLUG characters; the disk one over 255 bytes)."""
        if not isinstance(raw, str) or not raw.endswith(ARTICLE_EXTENSIONS) or "/" not in raw:
            return
        folder, name = raw.rsplit("/", 1)
        if folder != self.areas[0].name or os.path.lexists(self.root / self.areas[0].name / name):
            return  # elsewhere: _checked answers; an existing file keeps its name
        stem = name[:-len(".md")]
        if not re.search(r"[a-z0-9]", stem):
            raise Refused(422, "không tạo được địa chỉ cho bài mới: tiêu đề không có chữ cái hay chữ số nào "
                               "(chỉ có dấu câu, ký hiệu hoặc biểu tượng cảm xúc). Hãy gõ tiêu đề bằng chữ rồi lưu lại")
        if len(stem) > MAX_SLUG:
            raise Refused(422, f"tiêu đề bài mới quá dài để làm địa chỉ bài: địa chỉ tạo từ tiêu đề có {len(stem)} "
                               f"ký tự, tối đa {MAX_SLUG}. Hãy rút gọn tiêu đề rồi lưu; sau khi bài đã được lưu "
                               f"có thể sửa lại tiêu đề đầy đủ (địa chỉ bài không đổi theo)")

    def persist_entry(self, params: dict) -> dict:
        entry = params.get("entry")
        data_files = params.get("dataFiles")
        if data_files is None:
            data_files = [entry]
        assets = params.get("assets")
        if not isinstance(data_files, list) or not data_files or not isinstance(assets, list):
            raise Refused(422, "yêu cầu lưu bài không hợp lệ (thiếu “dataFiles”/“entry” hoặc “assets”)")
        files = []
        for item in data_files:
            if not isinstance(item, dict) or not isinstance(item.get("raw"), str):
                raise Refused(422, "yêu cầu lưu bài không hợp lệ: bài không có nội dung")
            files.append((item.get("path"), item["raw"].encode("utf-8"), item.get("newPath")))
        uploads = [self._asset_bytes(asset) for asset in assets]
        options = params.get("options")
        new_entry = isinstance(options, dict) and options.get("newEntry") is True
        # lamtheobac-cms.js sends the id (sha256) of each file as the editor's tab read it: a file
        # changed since (another tab, `import`, a text editor) is not written over.
        base = base_ids(params)
        # Every path is checked before anything is written: a refused request changes nothing.
        renames = []  # (entry file, its new path) when every entry is renamed
        sources = {self._article(path) for path, _, _ in files}
        for path, data, new in files:
            full = self._article(path)
            if new_entry and os.path.lexists(full):  # Decap makes slugs unique; a stale tab or a forged request may not
                raise Refused(409, f"đã có bài viết “{path}”: bài mới không được ghi đè lên bài cũ; hãy đổi "
                                   f"tiêu đề hoặc đường dẫn của bài mới")
            if not new_entry:
                self._readable(full, path, data)
                self._not_read_only(full, path, "lưu bài")
                if base is not None and path in base:
                    self._unchanged(full, path, base[path])
            if new is not None:
                target = self._article(new)
                taken = target in sources or any(target == t for _, t in renames)  # by this request itself
                if target != full and (os.path.lexists(target) or taken):  # a rename onto another article would lose it
                    raise Refused(409, f"đã có bài viết “{new}”: đổi đường dẫn bài “{path}” thành “{new}” sẽ ghi đè "
                                       f"lên bài đó; hãy chọn đường dẫn khác")
                renames.append((full, target))
        # What the form cannot show (comments, unknown keys, quoting, CRLF) is kept from the file on disk.
        files = [(path, self._kept(self._article(path), path, data) if not new_entry else data, new)
                 for path, data, new in files]
        if not new_entry:  # a published article whose address changes keeps its old one (renames.py)
            files = [(path, self._moved(path, data, new if len(renames) == len(files) else None), new)
                     for path, data, new in files]
        if not new_entry:
            for path, data, _ in files:
                self._reads(self._article(path), path, data)
        for path, data, new in files:
            self._fits(path, data)
            self._builds(new if new is not None and len(renames) == len(files) else path, data)
        for path, data in uploads:
            self._upload(path, data)  # was checked only while writing: the entry was saved, the photo refused
        self._documents_linked(assets, uploads, files)
        self._write_all([(path, data) for path, data, _ in files] + uploads)
        if len(renames) == len(files):
            for (source, target), (_, _, new) in zip(renames, files):
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, target)
                if source != target:
                    LocalBackend.renamed.pop(source, None)
                    LocalBackend.renamed[source] = new
                    LocalBackend.renamed.pop(target, None)  # a file there again is no longer "moved"
                    while len(LocalBackend.renamed) > self.MAX_RENAMED:
                        LocalBackend.renamed.pop(next(iter(LocalBackend.renamed)))
        answer: dict = {"message": "entry persisted"}
        if base is not None:  # the ids the tab holds now (decap-server's answer has none)
            answer["ids"] = {(new if new is not None and len(renames) == len(files) else path): sha256(data)
                             for path, data, new in files}
        return answer

    def _documents_linked(self, assets: list, uploads: list, files: list) -> None:
        """Refused when a document sent to the images folder (stored among the attachments, Media._placed)
        is used as a photo: the article would show "/images/ke-hoach.pdf", which is no photo and not
        there (Decap's photo field lets an editor pick any file)."""
        images = self.areas[1].name + "/"
        for asset, (path, _) in zip(assets, uploads):
            sent = asset.get("path")
            if path == sent or not isinstance(sent, str) or not sent.startswith(images):
                continue
            shown = f"{IMAGES_URL}/{sent[len(images):]}"
            if any(shown in data.decode("utf-8", "replace") for _, data, _ in files):
                raise Refused(422, f"“{PurePosixPath(sent).name}” không phải ảnh nên không dùng làm ảnh được (ảnh "
                                   f"đại diện, ảnh trong bài cần tệp {', '.join(e[1:].upper() for e in IMAGE_EXTENSIONS)}). "
                                   f"Văn bản (PDF, Word…) hãy chèn vào nội dung bằng nút “+” → “Văn bản đính kèm”")

    def _unchanged(self, full: Path, raw: Any, expected: str, deleting: bool = False) -> None:
        """Refused when the file is no longer the one the editor opened."""
        try:
            current = sha256(full.read_bytes())
        except FileNotFoundError:
            if deleting:
                return  # already gone: decap-server's answer
            current = None
        if current == expected:
            return
        if deleting:
            raise Refused(409, f"không xóa bài “{raw}”: từ khi anh/chị mở bài, tệp đã được sửa ở nơi khác (trong một "
                               f"thẻ khác, bằng lệnh import hoặc trình soạn thảo văn bản); xóa bây giờ sẽ mất cả những "
                               f"thay đổi đó. Hãy tải lại trang (F5), xem bản mới nhất rồi mới xóa")
        moved = LocalBackend.renamed.get(full) if current is None else None
        if moved is not None:
            raise Refused(409, f"không lưu bài “{raw}”: từ khi anh/chị mở bài, địa chỉ bài đã được đổi (có lẽ trong "
                               f"một thẻ khác) và tệp nay là “{moved}”; lưu bây giờ sẽ tạo lại bài cũ bên cạnh bài đó. "
                               f"Hãy chép phần vừa sửa ra chỗ khác, mở lại bài từ danh sách bài viết (bài nay ở "
                               f"“{moved}”) rồi sửa lại trên bản đó")
        what = "đã bị xóa (hoặc đổi tên)" if current is None else "đã được sửa ở nơi khác (trong một thẻ khác, bằng " \
                                                                  "lệnh import hoặc trình soạn thảo văn bản)"
        raise Refused(409, f"không lưu bài “{raw}”: từ khi anh/chị mở bài, tệp {what}; lưu bây giờ sẽ ghi mất "
                           f"những thay đổi đó. Hãy chép phần vừa sửa ra chỗ khác, tải lại trang (F5), chọn “Hủy” "
                           f"nếu được hỏi có khôi phục bản sao lưu không, rồi sửa lại trên bản mới nhất")

    def _kept(self, full: Path, raw: Any, data: bytes) -> bytes:
        try:
            original = full.read_bytes()
        except FileNotFoundError:
            return data
        text = data.decode("utf-8")
        lost = lost_in_save(original, text, str(raw))
        if lost:  # the rich-text editor (an old admin page, another CMS) re-wrote the body: last line of defence
            raise Refused(409, f"không lưu bài “{raw}”: trình soạn thảo đã viết lại cả nội dung bài và làm mất "
                               f"{', '.join(lost)} ở những chỗ không ai sửa. Hãy tải lại trang (F5) và sửa bài ở "
                               f"chế độ Markdown (nút “Markdown” ở khung Nội dung), hoặc sửa tệp bằng trình soạn "
                               f"thảo văn bản")
        return merged(original, text, str(raw))

    def _moved(self, raw: Any, data: bytes, new: Any) -> bytes:
        try:
            original = self._article(raw).read_bytes()
        except FileNotFoundError:
            return data
        return with_aliases(original, data, PurePosixPath(raw).stem, PurePosixPath(new or raw).stem,
                            self.article_url, str(raw))

    def _reads(self, full: Path, raw: Any, data: bytes) -> None:
        """A readable article is never replaced by text the build cannot read (an empty or forged
        save, text without its front matter): the article on disk would be lost to it."""
        if not os.path.lexists(full):
            return
        try:
            split(decode(data, str(raw)), str(raw))
        except ContentError as exc:
            raise Refused(422, f"không lưu bài “{raw}”: nội dung gửi lên không phải một bài đọc được (dòng "
                               f"{exc.line}: {exc.message}); bài đang có được giữ nguyên") from None

    def _builds(self, raw: Any, data: bytes) -> None:
        """Refused when the build would refuse the article: the site would stop building on it."""
        problems = self.review(str(raw), data) if self.review is not None else []
        if problems:
            raise Refused(422, f"không lưu bài “{raw}”: trang sẽ không dựng được với bài này ({len(problems)} lỗi): "
                               f"{'; '.join(problems)}. Hãy sửa rồi lưu lại")

    def _readable(self, full: Path, raw: Any, data: bytes) -> None:
        """A save over an article whose front matter the build cannot read: the CMS opens it with the keys
        it could read (lamtheobac-cms.js salvaged) or, when it reads none, as an empty form, which saved
        would be written over its text. Accepted when the save keeps the file's body (its text after the
        closing "---"): only the broken front matter is written anew; refused otherwise."""
        try:
            old = full.read_bytes()
        except FileNotFoundError:
            return
        except OSError as exc:
            raise Refused(409, f"không đọc được bài đang có “{raw}”: {os_reason(exc)}") from None
        try:
            split(decode(old, str(raw)), str(raw))
        except ContentError as exc:
            if _body_kept(old, data, str(raw)):
                return
            raise Refused(409, f"không lưu đè lên bài “{raw}”: tệp đang có lỗi ở dòng {exc.line}: {exc.message}. "
                               f"Nội dung bài lưu lên khác nội dung trong tệp, nên lưu bây giờ sẽ ghi mất nội dung "
                               f"cũ; hãy tải lại trang, sửa các ô thông tin mà không sửa nội dung rồi lưu (hoặc sửa "
                               f"tệp bằng trình soạn thảo văn bản)") from None


def _body_kept(old: bytes, saved: bytes, path: str) -> bool:
    """saved (an article that reads) has the body of old (a file whose front matter does not read, but
    closes), trailing spaces and blank lines aside."""
    try:
        body = body_of(decode(old, path))  # decode drops a BOM and makes every line end "\n"
        new = split(decode(saved, path), path)
    except ContentError:
        return False
    return body is not None and new.body.rstrip() == body.rstrip()


def _discard(temporaries) -> None:
    """Removes the dot files of a save that failed. One that cannot be removed (the disk turned
    read-only) is left: the build and the watcher skip dot files, and the next save replaces it."""
    for tmp in temporaries:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            continue


def _file_info(path: Any, label: Any, digest: str | None) -> dict:
    info: dict = {"path": str(path).replace("\\", "/")}
    if label is not None:
        info["label"] = label
    info["id"] = digest
    return info
