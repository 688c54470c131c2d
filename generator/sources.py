"""Discover: the site's source files, each with the stamp its folder listing gave.

Hidden files (".x", "_x", "#x#", "x~") are skipped; symbolic links that lead
outside the project are refused. Paths are shown relative to the project, NFC.
"""
from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .config import SiteConfig
from .errors import ContentError, SiteError, os_reason, outside_link
from .filelinks import FILES  # content/files: attachments, published at /files/
from .vietnamese import normalize

SKIP_PREFIXES = (".", "_", "#")
# (mtime_ns, size, ctime_ns): a file whose stamp is unchanged is taken as unchanged. The change time
# catches an edit that keeps the size and sets the modification time back (no tool can set ctime).
Stamp = tuple[int, int, int]


class SourceFile(NamedTuple):
    path: Path
    shown: str             # as shown in messages: relative to the project root
    stamp: Stamp | None    # None when not stat'ed (no earlier build to compare with)




class ImageFile(NamedTuple):
    """A file published as it is: of the images folder, or an attachment of content/files."""
    path: Path
    output: str            # where it is published: "images/a.jpg", "files/chi-thi-05.pdf"
    stamp: Stamp


@dataclass(frozen=True)
class Sources:
    articles: tuple[SourceFile, ...]
    pages: tuple[SourceFile, ...]
    images: tuple[ImageFile, ...]


def display_path(path: Path | str, root: Path) -> str:
    text, prefix = str(path), str(root)
    if text.startswith(prefix) and text[len(prefix):len(prefix) + 1] == os.sep:  # fast: no PurePath work
        return normalize(text[len(prefix) + 1:].replace(os.sep, "/"))
    try:
        return normalize(Path(path).relative_to(root).as_posix())
    except ValueError:
        return normalize(Path(path).as_posix())


# Names an article saved by mistake gets: Notepad's "bai.md.txt", another program's ".markdown", a
# space or dot after ".md". Such a file was skipped without a word, and the article was not on the site.
# (A plain ".txt" may be a note or a page copied for `import`: not flagged.)
_ALMOST_MARKDOWN = re.compile(r"\.(?:md[\s.]+|markdown|mdown|mkdn?|mdwn|mdtext|md\.txt)$", re.IGNORECASE)


def _not_markdown(shown: str) -> str:
    name = shown.rsplit("/", 1)[-1]
    fixed = re.sub(r"(?i)(\.md)?\.(?:markdown|mdown|mkdn?|mdwn|mdtext|txt)$|\.md[\s.]+$", "", name) + ".md"
    if re.search(r"(?i)\.md[\s.]+$", name):
        return f"tên tệp có dấu cách hay dấu chấm thừa sau “.md”, nên tệp không được dựng; hãy đổi tên thành “{fixed}”"
    only = "chỉ tệp “.md” được dựng thành bài, thành trang"
    if name.lower().endswith(".txt"):
        return (f"tệp “.md.txt” không được dựng ({only}; Notepad hay tự thêm “.txt” khi lưu): "
                f"hãy đổi tên thành “{fixed}”")
    return f"tệp đuôi “.{name.rsplit('.', 1)[-1]}” không được dựng ({only}); hãy đổi tên thành “{fixed}”"


def _outside(path: Path, root: Path, errors: list[SiteError]) -> bool:
    """A symbolic link leading outside the project (or in a loop) is refused with a message."""
    shown = display_path(path, root)
    try:
        real = path.resolve(strict=True)
    except (RuntimeError, OSError) as exc:  # a loop, or a link to nothing
        loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
        errors.append(ContentError("liên kết tượng trưng lặp vòng, không dùng được; hãy xóa hoặc sửa liên kết"
                                   if loop else "liên kết tượng trưng trỏ tới tệp không còn tồn tại", shown, 1))
        return True
    if not real.is_relative_to(root):
        errors.append(ContentError(outside_link(real), shown, 1))
        return True
    return False


def _leaves(path: Path, bound: Path, root: Path, errors: list[SiteError], folder: Path) -> bool:
    """A link in a folder published as it is (images, attachments) leading out of the content
    folder (bound, resolved) is refused: through it the build would hand out the project's own
    files (a link to .git/config, .env, site.toml published their tokens and passwords)."""
    real = path.resolve()
    if real.is_relative_to(bound):
        return False
    folder = display_path(folder, root)  # the folder whose files are published
    errors.append(ContentError(
        f"liên kết tượng trưng trỏ ra ngoài thư mục {display_path(bound, root)} (tới {display_path(real, root)}), không "
        f"được dùng: tệp trong {folder}/ được xuất bản nguyên dạng cho mọi người tải về, và liên kết này sẽ đăng cả tệp "
        f"riêng của dự án (cấu hình, mật khẩu …); hãy chép tệp cần đăng vào {folder}/", display_path(path, root), 1))
    return True


def _named(name: str, path: Path, root: Path, errors: list[SiteError], published: bool = False) -> bool:
    """File names must be text: a name that is not UTF-8 can't become a page or be shown. In a
    folder published as it is (published), the name is the file's address: no control character
    nor backslash either (an article's name only gives its slug, and its messages escape them)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = display_path(path.parent, root) + "/" + name.encode("utf-8", "surrogateescape").decode(
            "utf-8", "replace").replace("\n", "\\n")
        errors.append(ContentError("tên tệp không phải UTF-8 hợp lệ (có lẽ chép từ máy dùng bảng mã khác); "
                                   "hãy đổi tên tệp", shown, None))
        return False
    odd = _ODD_IN_NAME.search(name) if published else None
    if odd is not None:  # an image named with a newline stopped the build with an output-path error
        char = odd.group()
        shown = display_path(path.parent, root) + "/" + _ODD_IN_NAME.sub(lambda m: _SHOWN_ODD[m.group()], name)
        what = ("dấu “\\”, mà Windows coi là dấu phân cách thư mục" if char == "\\" else
                f"ký tự điều khiển U+{ord(char):04X}{_ODD_NAMES.get(char, '')}, không hiện được trong thông báo hay địa "
                "chỉ trang")
        errors.append(ContentError(f"tên tệp có {what}; tệp này không chép được sang Windows: hãy đổi tên tệp",
                                   shown, None))
        return False
    return True


# In a file name: control characters (a newline, a tab …) and the backslash (Windows' separator)
_ODD_IN_NAME = re.compile(r"[\x00-\x1f\x7f\\]")
_ODD_NAMES = {"\n": " (xuống dòng)", "\t": " (tab)", "\r": " (về đầu dòng)"}
_SHOWN_ODD = {chr(c): ("\\n" if c == 10 else "\\t" if c == 9 else f"\\x{c:02x}") for c in [*range(32), 127]} | {"\\": "\\"}


def _walk(folder: Path, root: Path, errors: list[SiteError], stamps: bool = True,
          seen: set[tuple[int, int]] | None = None, bound: Path | None = None) -> list[SourceFile]:
    """Files under folder, sorted, with their stamps unless not `stamps` (shown: the full path
    as text; callers make it relative). `seen`: the folders walked so far, by device and inode:
    a link back to one of them is a loop. `bound`: where links may lead in a folder published as
    it is (_leaves)."""
    found: list[SourceFile] = []
    seen = set() if seen is None else seen
    try:
        st = folder.stat()
        if (st.st_dev, st.st_ino) in seen:
            errors.append(ContentError("liên kết tượng trưng lặp vòng (trỏ về một thư mục chứa nó); hãy xóa liên "
                                       "kết này", display_path(folder, root), 1))
            return found
        seen.add((st.st_dev, st.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: normalize(e.name))
        # Path objects as pathlib makes them for a listing are cheaper than Path(entry.path);
        # scandir's entries know their type without a stat.
        paths = {path.name: path for path in folder.iterdir()}
    except (FileNotFoundError, NotADirectoryError):
        return found
    except OSError as exc:
        errors.append(ContentError(f"không đọc được thư mục: {os_reason(exc)}", display_path(folder, root), None))
        return found
    for entry in entries:
        name = entry.name
        if name.startswith(SKIP_PREFIXES) or name.endswith("~"):
            continue
        path = paths.get(name) or Path(entry.path)  # made between the two listings: the slow way
        if not _named(name, path, root, errors, published=bound is not None):
            continue
        if entry.is_symlink() and (_outside(path, root, errors) or bound and _leaves(path, bound, root, errors, folder)):
            continue
        if entry.is_dir():  # a link is followed only when it stays inside the project
            found += _walk(path, root, errors, stamps, seen, bound)
        elif entry.is_file() and not stamps:
            found.append(SourceFile(path, entry.path, None))
        elif entry.is_file():
            try:
                st = entry.stat()
            except FileNotFoundError:  # deleted since the listing: not there
                continue
            found.append(SourceFile(path, entry.path, (st.st_mtime_ns, st.st_size, st.st_ctime_ns)))
    return found


def articles_folder_refused(config: SiteConfig) -> list[SiteError]:
    """Why the build would not read content/articles (the folder or content/ a link leading out of
    the project): `new` and `import` write there only if it reads them (they wrote through the
    link, said "đã ghi", and the next build refused the folder)."""
    errors: list[SiteError] = []
    for relative in (config.content_dir, f"{config.content_dir}/articles"):
        folder = config.root / relative
        if folder.is_symlink() and _outside(folder, config.root, errors):
            break
    return errors


def discover(config: SiteConfig, stamps: bool = True) -> tuple[Sources, list[SiteError]]:
    """The source files; without `stamps` (no last build to compare with) articles and pages are
    not stat'ed here: the workers that read them do."""
    root = config.root
    errors: list[SiteError] = []
    # The content folders themselves may be links too: the same refusal as for links inside them.
    folders = {name: root / relative for name, relative in (
        ("content", config.content_dir), ("articles", f"{config.content_dir}/articles"),
        ("pages", f"{config.content_dir}/pages"), ("images", config.images_dir),
        ("files", f"{config.content_dir}/{FILES}"))}
    refused = {name for name, folder in folders.items() if folder.is_symlink() and _outside(folder, root, errors)}
    if "content" in refused:
        return Sources((), (), ()), errors
    content = config.path(config.content_dir)
    if not content.is_dir():
        errors.append(ContentError(f"không tìm thấy thư mục nội dung “{config.content_dir}”", "site.toml"))

    def markdown(folder: Path) -> tuple[SourceFile, ...]:
        found = []
        for f in _walk(folder, root, errors, stamps):
            if f.shown.lower().endswith(".md"):
                found.append(SourceFile(f.path, display_path(f.shown, root), f.stamp))
            elif _ALMOST_MARKDOWN.search(f.shown):
                shown = display_path(f.shown, root)
                errors.append(ContentError(_not_markdown(shown), shown, 1))
        return tuple(found)

    articles = () if "articles" in refused else markdown(content / "articles")
    pages = () if "pages" in refused else markdown(content / "pages")
    images_dir = config.path(config.images_dir)
    def published(folder: Path, written: str) -> list[SourceFile]:
        """The files of a folder published as they are (folder: resolved; written: as site.toml
        names it); its links may not leave the content folder, nor may the folder itself when
        site.toml puts it in content/."""
        link = root / written
        inside = Path(os.path.normpath(link)).is_relative_to(os.path.normpath(root / config.content_dir))
        bound = content if inside else folder
        if inside and link.is_symlink() and _leaves(link, bound, root, errors, link):
            return []
        return _walk(folder, root, errors, bound=bound)

    images = () if "images" in refused else tuple(
        ImageFile(f.path, "images/" + normalize(f.path.relative_to(images_dir).as_posix()), f.stamp)
        for f in published(images_dir, config.images_dir))
    # Attachments (a directive's text as PDF or DOCX): published as they are, beside the images,
    # through the same stages (attachments.py says which kinds are allowed).
    files_dir = content / FILES
    if "files" not in refused and files_dir.is_dir():
        images += tuple(ImageFile(f.path, f"{FILES}/" + normalize(f.path.relative_to(files_dir).as_posix()), f.stamp)
                        for f in published(files_dir, f"{config.content_dir}/{FILES}"))
    errors += case_clashes(images, root)
    return Sources(articles, pages, images), errors


def case_clashes(images: tuple[ImageFile, ...], root: Path) -> list[SiteError]:
    """Files published as they are whose addresses differ only in upper and lower case ("anh.jpg",
    "ANH.JPG"; "Album/a.jpg", "album/a.jpg"): on Windows and a Mac they are one file, so copying or
    checking out the project there keeps one of the two and the other is lost, and a host that
    ignores case serves one for both (was: both published, exit 0). Refused at the later name."""
    first: dict[str, ImageFile] = {}
    errors: list[SiteError] = []
    for image in images:
        other = first.setdefault(image.output.casefold(), image)
        if other is image:
            continue
        if other.output == image.output:  # the same name but for NFC/NFD: one address for both
            errors.append(ContentError(
                f"tên tệp này trông giống hệt tên tệp {display_path(other.path, root)}, chỉ khác cách mã hóa dấu tiếng "
                f"Việt (NFC/NFD), nên hai tệp cùng được xuất bản ở một địa chỉ; hãy xóa hoặc đổi tên một trong hai tệp",
                display_path(image.path, root), 1))
            continue
        errors.append(ContentError(
            f"tên tệp này chỉ khác tên tệp {display_path(other.path, root)} ở chữ hoa, chữ thường: trên Windows và "
            f"máy Mac hai tên này là một tệp, nên khi chép dự án sang đó một trong hai tệp sẽ mất, và máy chủ web "
            f"không phân biệt chữ hoa, chữ thường sẽ chỉ phát một tệp; hãy đổi tên một trong hai tệp",
            display_path(image.path, root), 1))
    return errors
