"""The admin/ folder the build publishes: the CMS page, its config.yml and the vendored scripts."""
from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from ..attachments import KINDS, misnamed
from ..config import SiteConfig
from ..markdown import ATTRIBUTES, TAGS
from ..themes import Asset, collect_assets
from ..taxonomy import Registries
from . import vendor
from .schema import (ADMIN_DIR, megabytes, FILES_URL, IMAGES_URL, MAX_UPLOAD, SINGLE, aliases, cms_config, config_yaml,
                     existing_tags, folders, utc_offset)

STATIC_DIR = Path(__file__).resolve().parent / "static"
OWN_SCRIPT = "lamtheobac-cms.js"
IDENTITY_SCRIPT = "netlify-identity-widget.js"
# Loaded by index.html in this order: the YAML reader, Decap, then our format and widget.
SCRIPTS = ("js-yaml.umd.min.js", "decap-cms.js", OWN_SCRIPT)
# The theme's stylesheets the article page links (themes/default/templates/_head.html).
PREVIEW_STYLES = ("style.css",)


def enabled(config: SiteConfig) -> bool:
    return config.cms is not None and config.cms.enabled


def stylesheets(assets: Mapping[str, Asset], base: str) -> list[str]:
    """The addresses of the theme's stylesheet the article page links (_head.html: style.css), fingerprinted
    as the build publishes it: the preview pane loads it, so an article there looks as on the site."""
    return [base + assets[name].output for name in PREVIEW_STYLES if name in assets]


def terms_json(config: SiteConfig, registries: Registries, styles: Iterable[str] = (), base: str | None = None) -> str:
    """Data lamtheobac-cms.js needs to read hand-written articles, write dates, lay out the preview and
    place uploaded documents (see "files"). base: the base path the pages are served under (index_html)."""
    data = {"aliases": aliases(registries), "offset": utc_offset(config), "single": list(SINGLE),
            # The preview places the body's site-root links ("/files/…") under it, as the build does.
            "base": config.base_path if base is None else base,
            "styles": list(styles), "iframe_hosts": list(config.security.iframe_hosts),
            "max_upload": megabytes(MAX_UPLOAD),  # "20 MB": Decap's own message says "20971 kB"
            "article_url": config.urls.article,  # links to an article's page get its address (its slug)
            # The preview names a directive as the article page does ("Chỉ thị số 05-CT/TW").
            "labels": {"directives": {d.symbol: d.label for d in registries.directives}},
            # What the build's sanitiser keeps of a body's HTML: the preview keeps no more.
            "html": {"tags": sorted(TAGS), "attributes": {tag: sorted(names) for tag, names in ATTRIBUTES.items()}}}
    # The body's "Văn bản đính kèm" component. Decap 3.16 ignores a media_folder given to an editor
    # component's field (decap-cms #6595: it looks the field up among the collection's own): a document is
    # sent with a photo's path ("media", "images"); the local backend stores it in the attachments folder
    # (Media._placed), and for the git backends (the published admin/) lamtheobac-cms.js moves it there
    # before Decap commits it ("folder"); the component links it at "url".
    where = folders(config)
    data["files"] = {"url": FILES_URL, "images": IMAGES_URL, "max_bytes": MAX_UPLOAD, "kinds": list(KINDS),
                     "folder": where.files, "media": where.images, "checks": document_checks()}
    # Safe inside <script type="application/json">: no "</" can close the element.
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")


def document_checks() -> dict[str, dict]:
    """How each kind of document starts (hex; [] for plain text: UTF-8 without NUL) and the build's words
    when it does not (attachments.misnamed): a git backend commits what lamtheobac-cms.js lets through,
    and a program renamed .pdf then failed the site's next build."""
    out = {}
    for suffix, (_, starts) in KINDS.items():
        out[suffix] = {"starts": [start.hex() for start in starts],
                       "wrong": misnamed(suffix, b"\x00" if not starts else b"")}
    return out


def index_html(config: SiteConfig, registries: Registries, identity: bool, base: str | None = None,
               styles: Iterable[str] = ()) -> bytes:
    """The CMS page. identity: load the Netlify Identity widget (the published site's git-gateway login);
    base: the site's base path ("/hoc-tap/"), config.base_path unless given; styles: the site's stylesheets
    (see stylesheets) for the preview pane.

    The page has no "</head>" on purpose (HTML allows leaving it out): the preview server's
    live-reload script is inserted before "</head>", and the CMS page must not reload itself
    whenever a save makes the site rebuild.
    """
    title = html.escape(f"Biên tập · {config.title}")
    base = config.base_path if base is None else base
    folder = html.escape(base + ADMIN_DIR)
    names = ((IDENTITY_SCRIPT,) if identity else ()) + SCRIPTS
    scripts = "".join(f'<script src="{folder}{name}"></script>\n' for name in names)
    return (
        '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{title}</title>\n"
        '<link rel="icon" href="data:,">\n'  # no favicon request (a 404 in the console); Decap reads ./config.yml
        "<body>\n"
        "<noscript>Giao diện biên tập cần bật JavaScript trong trình duyệt.</noscript>\n"
        f'<script type="application/json" id="lamtheobac-terms">{terms_json(config, registries, styles, base)}</script>\n'
        f"{scripts}"
        "</body>\n</html>\n"
    ).encode("utf-8")


@lru_cache(maxsize=None)
def static_file(name: str) -> bytes:
    return (STATIC_DIR / name).read_bytes()


def script(name: str) -> bytes:
    """A script or asset the CMS page loads, by its published name (KeyError if none)."""
    if name == OWN_SCRIPT:
        return static_file(name)
    return vendor.read(name)


def script_names(identity: bool) -> list[str]:
    names = [OWN_SCRIPT] + [f.name for f in vendor.files() if f.name != "LICENSE"]
    return [n for n in names if identity or n != IDENTITY_SCRIPT]


def admin_files(config: SiteConfig, registries: Registries, used_tags: Iterable[str],
                assets: Mapping[str, Asset] | None = None) -> Iterator[tuple[str, bytes, bool]]:
    """(output path, bytes, fixed) of everything under admin/; nothing when [cms] is off. fixed: the bytes
    depend on the package alone (the scripts: see fingerprint), not on the site. assets: the theme's
    fingerprinted files this build publishes (themes.collect_assets), read again unless given."""
    if not enabled(config):
        return
    identity = config.cms.backend == "git-gateway"
    tags = existing_tags(registries, used_tags)
    styles = stylesheets(collect_assets(config) if assets is None else assets, config.base_path)
    yield ADMIN_DIR + "index.html", index_html(config, registries, identity, styles=styles), False
    yield ADMIN_DIR + "config.yml", config_yaml(cms_config(config, registries, tags)), False
    for name in script_names(identity):
        yield ADMIN_DIR + name, script(name), True


def scripts_fingerprint() -> str:
    """Changes whenever a script admin/ publishes changes: the vendored files (their manifest) or ours."""
    return hashlib.sha256(vendor.fingerprint().encode() + static_file(OWN_SCRIPT)).hexdigest()[:16]
