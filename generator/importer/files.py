"""What an import writes: an article file, through a temporary file in its folder, and the photos
a single-file page (.mhtml) holds, into the site's images folder."""
from __future__ import annotations

import os
import secrets
from pathlib import Path

from ..activeimages import ACTIVE_SUFFIXES, ADVICE, svg_problem
from ..errors import os_reason


def write_atomic(target: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder; the file gets the usual 0666 & ~umask."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".import-{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_images(files: dict[str, bytes], images_dir: Path | None, dry_run: bool) -> list[str]:
    """Write the pictures a single-file page holds into the site's images folder (a name
    already holding the same bytes is left as it is); what to tell the editor."""
    if images_dir is None:
        return ["trang lưu thành một tệp có ảnh nhưng không biết thư mục ảnh của trang: chưa ghi ảnh nào"]
    written, notes = [], []
    for name, data in files.items():
        target = images_dir / name
        problem = svg_problem(data) if name.lower().endswith(".svg") else None
        if problem is not None or Path(name).suffix.lower() in ACTIVE_SUFFIXES:  # the build would refuse it
            why = f"ảnh SVG {problem[1]} (dòng {problem[0]}); {ADVICE}" if problem else "tệp này không phải ảnh"
            notes.append(f"không chép “{name}” vào {images_dir.as_posix()}: {why}")
            continue
        try:
            if target.is_file() and target.read_bytes() == data:
                continue
            if not dry_run:
                write_atomic(target, data)
            written.append(name)
        except OSError as exc:
            notes.append(f"không ghi được ảnh “{name}” vào {images_dir.as_posix()} ({os_reason(exc, writing=True)}): "
                         "hãy chép ảnh này vào thư mục ảnh")
    if written:
        verb = "sẽ ghi" if dry_run else "đã ghi"
        notes.append(f"{verb} {len(written)} ảnh lấy từ trong tệp trang vào {images_dir.as_posix()}: "
                     + ", ".join(written))
    return notes
