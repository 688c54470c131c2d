"""The web editing interface: Decap CMS at /admin/, for editors who do not use Git.

- schema.py: config.yml from the content model and the registries;
- admin.py: the admin/ files the build publishes (page, config, vendored scripts);
- vendor.py, refresh.py: the pinned npm files shipped in the package (no CDN, no npm at build time);
- backend.py: Decap's local-backend API in the preview server (`lamtheobac serve --cms`);
- keep.py: what a save keeps of the file it replaces (the text nobody edited), and what it must not lose.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..config import SiteConfig
from ..taxonomy import Registries
from .admin import admin_files as _admin_files, enabled, scripts_fingerprint
from .schema import ADMIN_DIR


def admin_files(config: SiteConfig, registries: Registries, site, assets=None) -> Iterator[tuple[str, bytes, bool]]:
    """The build's hook: (output path, bytes, fixed) of admin/ for a collected site; nothing when [cms] is off.
    assets: the theme's fingerprinted files the build publishes (the preview pane links the stylesheet).

    fixed: the file's bytes change only with fingerprint(), so a build whose render digest (which holds
    the fingerprint) is the last one's may keep the published file without reading it again.
    """
    used = [group.name for group in site.groups.get("tag", ())] if site is not None else []
    return _admin_files(config, registries, used, assets)


def fingerprint(config: SiteConfig) -> str:
    """Part of the build's input and render digests: the scripts admin/ publishes (the vendored application
    and lamtheobac-cms.js). The [cms] settings are in config.fingerprint()."""
    return scripts_fingerprint() if enabled(config) else ""


__all__ = ["ADMIN_DIR", "admin_files", "enabled", "fingerprint"]
