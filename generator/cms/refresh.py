"""Refresh the vendored CMS files from npm: `python -m generator.cms.refresh`.

A maintainer's tool, run from a checkout with npm installed. The versions are the
ones pinned in tests/node/package.json (the tests compare the vendored bytes with
those installed packages), so bump them there first. `npm pack` fetches each
tarball; its integrity is checked by npm and recorded with every file's sha256.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from .vendor import MANIFEST, VENDOR_DIR

PINS = Path(__file__).resolve().parents[2] / "tests" / "node" / "package.json"

# What the browser loads at run time, per package (paths inside the package). Decap's main
# bundle loads its chunks (CodeMirror modes, the WebP encoder) from its own folder on demand;
# source maps and the duplicate `cms.*` build are left out.
WANTED = {
    "decap-cms": re.compile(r"dist/(decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]{20}\.wasm|decap-cms\.js\.LICENSE\.txt)"),
    "netlify-identity-widget": re.compile(r"build/netlify-identity-widget\.js|LICENSE"),
    "js-yaml": re.compile(r"dist/browser/js-yaml\.umd\.min\.js|LICENSE"),
}


def pinned_versions(pins: Path = PINS) -> dict[str, str]:
    dev = json.loads(pins.read_text(encoding="utf-8"))["devDependencies"]
    return {name: dev[name] for name in WANTED}


def fetch(package: str, version: str, work: Path) -> tuple[Path, str]:
    """The npm tarball of package@version and its integrity (sha512-…)."""
    result = subprocess.run(["npm", "pack", f"{package}@{version}", "--json", "--pack-destination", str(work)],
                            check=True, capture_output=True, text=True, cwd=work)
    info = json.loads(result.stdout)[0]
    if info["version"] != version:
        raise SystemExit(f"npm gave {package}@{info['version']}, not the pinned {version}")
    return work / info["filename"], info["integrity"]


def extract(package: str, tarball: Path) -> dict[str, bytes]:
    wanted = WANTED[package]
    out: dict[str, bytes] = {}
    with tarfile.open(tarball, "r:gz") as archive:
        for member in archive.getmembers():
            inner = member.name.removeprefix("package/")
            if member.isfile() and wanted.fullmatch(inner):
                out[inner] = archive.extractfile(member).read()  # type: ignore[union-attr]
    if not out:
        raise SystemExit(f"no wanted files in {tarball.name}")
    return out


def refresh(versions: dict[str, str]) -> dict:
    manifest: dict = {"packages": {}}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for package, version in sorted(versions.items()):
            tarball, integrity = fetch(package, version, work)
            found = extract(package, tarball)
            folder = VENDOR_DIR / package
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            for inner, data in found.items():
                (folder / inner.rsplit("/", 1)[-1]).write_bytes(data)
            manifest["packages"][package] = {
                "version": version, "integrity": integrity,
                "files": {inner: hashlib.sha256(data).hexdigest() for inner, data in sorted(found.items())},
            }
            size = sum(len(d) for d in found.values())
            print(f"{package}@{version}: {len(found)} tệp, {size / 1e6:.1f} MB", file=sys.stderr)
    MANIFEST.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pins", type=Path, default=PINS, help="package.json with the pinned versions")
    args = parser.parse_args(argv)
    refresh(pinned_versions(args.pins))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
