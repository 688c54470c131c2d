"""Helpers for the reliability and safety tests: a small good site, snapshots, builds.

Every test builds in its own temporary folder; nothing here touches the project's
own content/ or output/.
"""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

from generator.build import build
from generator.errors import BuildFailed, SiteError

PROJECT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "articles"

SITE_TOML = '''title = "Học tập và làm theo Bác"
base_url = "https://example.org/"
'''

GOOD = {
    "ha-noi-neu-guong.md": """---
title: "Hà Nội: cán bộ nêu gương"
date: 2021-05-20
province: Hà Nội
directives: ["05-CT/TW"]
tags: [nêu gương]
author: Nguyễn Văn A
source: {name: Báo Hà Nội mới, url: "https://hanoimoi.vn/bai"}
image: {src: /images/anh.jpg, alt: "Ảnh hội nghị", caption: "Hội nghị sơ kết"}
---

Đoạn đầu **đậm** với [liên kết](/tinh/ha-noi/).

![Ảnh](/images/anh.jpg "Chú thích ảnh")
""",
    "dak-lak-mo-hinh.md": """---
title: "Đắk Lắk nhân rộng mô hình điển hình"
date: 2022-01-10T08:30:00+07:00
province: ["Đắk Lắk"]
directives: ["Chỉ thị 05", "01-KL/TW"]
tags: ["mô hình điển hình", "thi đua yêu nước"]
---

Các mô hình hay được nhân rộng.

## Kết quả

- Một
- Hai
""",
}

PAGE = """---
title: "Giới thiệu"
menu: 1
---

Chuyên trang học tập và làm theo Bác.
"""


def make_site(root: Path, articles: dict[str, str | bytes] | None = None, toml: str = SITE_TOML) -> Path:
    """A small valid site at root (plus the given extra articles)."""
    (root / "content" / "articles").mkdir(parents=True, exist_ok=True)
    (root / "content" / "pages").mkdir(parents=True, exist_ok=True)
    (root / "content" / "images").mkdir(parents=True, exist_ok=True)
    (root / "site.toml").write_text(toml, encoding="utf-8")
    (root / "content" / "pages" / "gioi-thieu.md").write_text(PAGE, encoding="utf-8")
    (root / "content" / "images" / "anh.jpg").write_bytes(small_jpeg())
    for name, text in {**GOOD, **(articles or {})}.items():
        add(root, name, text)
    return root


def small_jpeg(width: int = 48, height: int = 32) -> bytes:
    """A real JPEG (an article's `image` must be a photo the build can read)."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (163, 18, 13)).save(out, "JPEG", quality=70)
    return out.getvalue()


def add(root: Path, name: str, text: str | bytes) -> Path:
    path = root / "content" / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder (relative path -> bytes), symlinks and folders included."""
    out: dict[str, bytes] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        for name in dirnames + filenames:
            path = here / name
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                out[rel] = b"-> " + os.readlink(path).encode()
            elif path.is_dir():
                out[rel + "/"] = b""
            else:
                out[rel] = path.read_bytes()
    return out


def errors_of(root: Path, **options) -> list[str]:
    """The build's error lines (path:line: message); [] when it succeeds."""
    try:
        build(root, **options)
    except BuildFailed as exc:
        return [str(e) for e in exc.errors]
    except SiteError as exc:
        return [str(exc)]
    return []


def cli(*args: str, env: dict | None = None, cwd: Path | None = None, timeout: float = 120
        ) -> subprocess.CompletedProcess:
    """`python -m generator ARGS` in a fresh interpreter."""
    full_env = {**os.environ, "PYTHONPATH": str(PROJECT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd or PROJECT, timeout=timeout)
