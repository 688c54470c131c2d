"""Themes: where templates and static files are looked up (the site's templates/, the chosen
theme, the default theme), the static files fingerprinted as assets, and symbolic links in them
that lead out of the project.
"""
from __future__ import annotations

import hashlib
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from .config import SiteConfig
from .errors import TemplateError, outside_link
from .vietnamese import normalize

PROJECT_THEMES = Path(__file__).resolve().parent.parent / "themes"


@dataclass(frozen=True)
class Asset:
    name: str      # as templates ask for it: "style.css"
    output: str    # where it is written: "assets/style.3f2a9c1b.css"
    data: bytes


def theme_dirs(config: SiteConfig) -> list[Path]:
    """The chosen theme, then the default theme (the site's own copy, then the project's)."""
    candidates = [config.path(config.themes_dir) / config.theme,
                  config.path(config.themes_dir) / "default",
                  PROJECT_THEMES / "default"]
    seen: list[Path] = []
    for path in candidates:
        if _maybe_dir(path) and path not in seen:
            seen.append(path)
    return seen


def template_dirs(config: SiteConfig) -> list[Path]:
    dirs = [config.path(config.templates_dir)] + [t / "templates" for t in theme_dirs(config)]
    return [d for d in dirs if _maybe_dir(d)]


def _maybe_dir(path: Path) -> bool:
    """A folder, or a path that cannot be looked at: kept, so that Templates.check() reports it
    (an unreadable templates/ was skipped, and the build went on with the theme's templates)."""
    try:
        return path.is_dir()
    except OSError:
        return True


def walk_errors(folder: Path) -> list[OSError]:
    """Folders under folder (itself included) that cannot be listed or entered."""
    errors: list[OSError] = []
    try:
        folder.stat()
    except FileNotFoundError:
        return errors
    except OSError as exc:  # its parent cannot be entered
        return [exc]
    for path, _, files in os.walk(folder, onerror=errors.append):
        for name in files[:1]:  # a folder listed but not entered (no x): its files cannot be opened
            try:
                os.stat(os.path.join(path, name))
            except OSError as exc:
                exc.filename = path
                errors.append(exc)
    return errors


def _leads_out(path: Path, inside: list[Path]) -> Path | None:
    """Where a symbolic link leads, when that is outside every folder of inside; else None
    (dangling links and loops too: nothing is read through them)."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return None if any(real.is_relative_to(place) for place in inside) else real


def _inside(config: SiteConfig) -> list[Path]:
    """The project, the bundled theme, and the templates and themes folders when site.toml sets
    them outside (themes shared by several sites): not when they are links."""
    places = [config.root, PROJECT_THEMES.parent]
    for relative in (config.templates_dir, config.themes_dir):
        folder = config.root / relative
        if not folder.is_symlink() and folder.is_dir():
            places.append(folder.resolve())
    return places


def _static_bound(config: SiteConfig) -> list[Path]:
    """Where a link in a theme's static/ may lead: the themes folders (what is published as assets)."""
    return [config.path(config.themes_dir), PROJECT_THEMES]


def _in_static(path: Path, themes: Path) -> bool:
    """Whether path is in a theme's static/ (themes: the themes folder, as site.toml names it)."""
    return path.is_relative_to(themes) and path.relative_to(themes).parts[1:2] == ("static",)


def outside_links(config: SiteConfig) -> list[TemplateError]:
    """Symbolic links in the templates and themes folders (or those folders themselves) that lead
    out of the project: their targets would be read into pages or published as assets (a link to
    /etc/passwd put that file on the site). Refused as links in content/ are."""
    root, errors = config.root, []
    try:
        inside = _inside(config)
    except OSError:  # an unreadable folder: check() says so
        return []

    published = _static_bound(config)

    def refused(path: Path) -> bool:
        shown = normalize(path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix())
        real = _leads_out(path, inside)
        if real is not None:
            errors.append(TemplateError(outside_link(real), shown, 1))
            return True
        real = _leads_out(path, published) if _in_static(path, root / config.themes_dir) else None
        if real is not None:  # inside the project, yet not a theme's: .git/config, .env, site.toml …
            target = real.relative_to(root).as_posix() if real.is_relative_to(root) else real.as_posix()
            errors.append(TemplateError(
                f"liên kết tượng trưng trong thư mục static trỏ ra ngoài các thư mục giao diện (tới {target}), không "
                "được dùng: tệp trong static/ được xuất bản cho mọi người tải về, và liên kết này sẽ đăng cả tệp riêng "
                "của dự án (cấu hình, mật khẩu …); hãy chép tệp cần đăng vào thư mục static", shown, 1))
            return True
        return False

    for relative in (config.templates_dir, config.themes_dir):
        folder = root / relative
        if folder.is_symlink() and refused(folder):
            continue
        for path, dirs, files in os.walk(folder):  # links to folders are listed, not entered
            for name in (*dirs, *files):
                if os.path.islink(os.path.join(path, name)):
                    refused(Path(path, name))
    return errors


def collect_assets(config: SiteConfig) -> dict[str, Asset]:
    """Theme static files, fingerprinted: the chosen theme's copy wins over the default's.

    A stylesheet's url(...) of another static file (a font, an image) is rewritten to that
    file's fingerprinted name, and the stylesheet fingerprinted after that."""
    found: dict[str, bytes] = {}
    inside = _static_bound(config)  # outside_links says why a link leading elsewhere is left out
    for theme in reversed(theme_dirs(config)):
        static = theme / "static"
        if not static.is_dir():
            continue
        for path in sorted(static.rglob("*")):
            if path.is_file() and not (path.is_symlink() and _leads_out(path, inside)):
                found[path.relative_to(static).as_posix()] = path.read_bytes()
    assets = {name: _asset(name, data) for name, data in found.items() if not name.endswith(".css")}
    for name, data in found.items():
        if name.endswith(".css"):
            assets[name] = _asset(name, minify_css(_css_urls(name, data, assets)))
    return dict(sorted(assets.items()))


# A string or an unquoted url(...) (kept as written), a comment (dropped), anything else (squeezed).
_CSS_TOKENS = re.compile(rb"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|url\([^"')]*\))|(/\*.*?\*/)|([^"'/u]+|/|u)""", re.S)
# A number's leading zero (0.5rem -> .5rem), not a digit of a longer number (10.5), a name or a colour
_LEADING_ZERO = re.compile(rb"(?<![\w.#-])0\.(?=\d)")


def _squeeze(css: bytes) -> bytes:
    css = re.sub(rb"\s*([{};,>/])\s*", rb"\1", re.sub(rb"\s+", b" ", css)).replace(b" !important", b"!important")
    return _LEADING_ZERO.sub(b".", re.sub(rb":\s+", b":", css)).replace(b";}", b"}")


def minify_css(data: bytes) -> bytes:
    """A stylesheet without comments, needless spaces and numbers' leading zeros (a quarter of the
    theme's, on every page). Strings and url(...) are kept as written; spaces are only dropped around
    { } ; , > / and before !important, and after a colon, never before one (".card :hover" is not
    ".card:hover")."""
    out: list[bytes] = []
    pending: list[bytes] = []  # the text between two kept tokens, comments left out, squeezed as one
    for kept, comment, other in _CSS_TOKENS.findall(data):
        if kept:
            out += [_squeeze(b"".join(pending)), kept]
            pending = []
        elif not comment:
            pending.append(other)
    out.append(_squeeze(b"".join(pending)))
    return b"".join(out).strip() + b"\n"


def _asset(name: str, data: bytes) -> Asset:
    digest = hashlib.sha256(data).hexdigest()[:10]
    stem, dot, ext = name.rpartition(".")
    fingerprinted = f"{stem}.{digest}.{ext}" if dot else f"{name}.{digest}"
    return Asset(name, f"assets/{fingerprinted}", data)


_CSS_URL = re.compile(rb"""url\(\s*(["']?)([^"')\s]+)\1\s*\)""")


def _css_urls(name: str, data: bytes, assets: dict[str, Asset]) -> bytes:
    folder = posixpath.dirname(name)

    def swap(match: re.Match) -> bytes:
        target = posixpath.normpath(posixpath.join(folder, match[2].decode()))
        asset = assets.get(target)
        if asset is None or "://" in match[2].decode() or match[2].startswith((b"/", b"data:", b"#")):
            return match[0]
        relative = posixpath.relpath(asset.output, posixpath.dirname(f"assets/{name}"))
        return b'url("' + relative.encode() + b'")'

    return _CSS_URL.sub(swap, data)


def templates_fingerprint(config: SiteConfig) -> str:
    """Changes whenever any template or theme file changes: part of cache keys."""
    digest = hashlib.sha256()
    for folder in template_dirs(config) + [t / "static" for t in theme_dirs(config)]:
        try:
            paths = sorted(folder.rglob("*")) if folder.is_dir() else ()
        except OSError:  # unreadable: Templates.check() reports it
            paths = ()
        for path in paths:
            try:
                if path.is_file():
                    digest.update(path.as_posix().encode())
                    digest.update(path.read_bytes())
            except OSError:
                digest.update(b"\0unreadable\0" + path.as_posix().encode())
    return digest.hexdigest()[:16]
