"""The vendored CMS application: pinned npm files shipped inside the package.

`vendor/manifest.json` names each package's version, the npm tarball's integrity
and the sha256 of every file taken from it; `python -m generator.cms.refresh`
rewrites both from npm. The build never needs npm or a CDN: it publishes these
bytes as they are (tests compare them with the pinned packages in tests/node).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VENDOR_DIR = Path(__file__).resolve().parent / "vendor"
MANIFEST = VENDOR_DIR / "manifest.json"


@dataclass(frozen=True, slots=True)
class VendoredFile:
    package: str        # npm package name, e.g. "decap-cms"
    source: str         # path inside the npm package, e.g. "dist/decap-cms.js"
    name: str           # file name published under admin/
    sha256: str

    @property
    def path(self) -> Path:
        return VENDOR_DIR / self.package / self.name


@lru_cache(maxsize=1)
def manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def files() -> tuple[VendoredFile, ...]:
    out = []
    for package, entry in sorted(manifest()["packages"].items()):
        for source, digest in sorted(entry["files"].items()):
            out.append(VendoredFile(package, source, source.rsplit("/", 1)[-1], digest))
    return tuple(out)


def version(package: str) -> str:
    return manifest()["packages"][package]["version"]


@lru_cache(maxsize=None)
def read(name: str) -> bytes:
    """The bytes of a published file, checked against the manifest (a damaged install fails loudly)."""
    for item in files():
        if item.name == name:
            data = item.path.read_bytes()
            if hashlib.sha256(data).hexdigest() != item.sha256:
                raise OSError(f"tệp {item.path} của gói đã bị thay đổi (sha256 không khớp manifest.json); "
                              f"hãy cài lại lamtheobac")
            return data
    raise KeyError(name)


def fingerprint() -> str:
    """Changes whenever any vendored file changes (the manifest lists every digest)."""
    return hashlib.sha256(MANIFEST.read_bytes()).hexdigest()[:16]
