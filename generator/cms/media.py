"""The media library of the CMS's local backend: listing, reading and uploading photos and attachments.

Only photos are listed (the images folder may also hold notes, a logo.svg), only documents in the
attachments folder (content/files); an upload must be a photo, or a document, of the kind its name
says (attachments.misnamed: the build's check) and may not replace another file of the same name.
"""
from __future__ import annotations

import base64
import os
from pathlib import Path, PurePosixPath
from typing import Any

from ..attachments import ALLOWED, HEAD, KINDS, misnamed, not_allowed
from ..errors import os_reason
from ..images import image_kind
from .confine import Confined, Refused, sha256


class Media(Confined):
    """LocalBackend's actions on photos (getMedia, getMediaFile, persistMedia)."""

    def _media(self, path: Path) -> dict:
        data = path.read_bytes()
        return {"id": sha256(data), "content": base64.b64encode(data).decode("ascii"), "encoding": "base64",
                "path": self._relative(path), "name": path.name}

    def get_media(self, params: dict) -> list[dict]:
        """The photos of the folder: decap-server lists every file (notes, a logo.svg), which the
        library showed as broken pictures an editor could pick as an article's photo. The photos' folder
        (the only one Decap asks for) lists the attachments folder's documents too: an uploaded PDF was
        in no list, so it could not be linked again from another article or deleted. Decap shows a photo
        field's library its pictures only."""
        folder, area = self._checked(params.get("mediaFolder"), kind="folder")
        found = [p for p in self._list(folder, area, "", 1) if p.name.lower().endswith(area.extensions)]
        files = self.areas[2] if len(self.areas) > 2 else None
        if files is not None and area is self.areas[1]:
            documents = self.root / files.name
            found += [p for p in self._list(documents, files, "", 1) if p.name.lower().endswith(files.extensions)]
        return [self._media(p) for p in found]

    def get_media_file(self, params: dict) -> dict:
        path, _ = self._checked(params.get("path"))
        if not path.is_file():
            raise Refused(404, f"không có tệp “{params.get('path')}”")
        return self._media(path)

    def _placed(self, raw: Any) -> Any:
        """Where an upload goes: a document (attachments.KINDS) sent to the images folder goes to the
        attachments folder under the same name (the CMS can send uploads to one folder only, see
        admin.terms_json); anything else where it was sent."""
        if len(self.areas) < 3 or not isinstance(raw, str):
            return raw
        images = self.areas[1].name + "/"
        if raw.startswith(images) and os.path.splitext(raw)[1].lower() in KINDS:
            return self.areas[2].name + "/" + raw[len(images):]
        return raw

    def _upload(self, raw: Any, data: bytes) -> None:
        """Refused unless data may be written at raw: a photo of the kind its name says in the images
        folder, or a document that is what its name says in the attachments folder; never in the
        articles folder (an upload named .md there was an article no check of an entry had read)."""
        not_for_browsers(raw)
        area = self._area_of(PurePosixPath(raw)) if isinstance(raw, str) else None
        files = self.areas[2] if len(self.areas) > 2 else None
        suffix = os.path.splitext(str(raw))[1].lower()
        refused = f"không tải lên được “{os.path.basename(str(raw))}”"
        if area is not None and area is files and suffix not in KINDS:
            raise Refused(422, f"{refused}: {not_allowed(suffix, files.name + '/')}")
        if files is not None and area is self.areas[1] and not suffix.endswith(area.extensions):
            what = f"tệp {suffix}" if suffix else "tệp không có đuôi"
            raise Refused(422, f"{refused}: chỉ tải lên được ảnh ({', '.join(e[1:].upper() for e in area.extensions)}) "
                               f"và văn bản đính kèm ({ALLOWED}), không nhận {what}")
        self._checked(raw)
        if area is None or area is self.areas[0]:
            where = " hoặc ".join(a.name + "/" for a in self.areas[1:])
            raise Refused(403, f"tệp tải lên chỉ được lưu trong {where}, không phải “{raw}”")
        self._unclaimed(raw, data)
        self._fits(raw, data)
        if area is files:
            wrong = misnamed(suffix, data[:HEAD])
            if wrong:
                raise Refused(422, f"{refused}: {wrong}")
        else:
            photo_kind(raw, data)

    def _asset_bytes(self, asset: Any) -> tuple[str, bytes]:
        if not isinstance(asset, dict) or asset.get("encoding") != "base64" or not isinstance(asset.get("content"), str):
            raise Refused(422, "tệp tải lên không hợp lệ (cần nội dung base64)")
        try:
            return self._placed(asset.get("path")), base64.b64decode(asset["content"], validate=True)
        except ValueError:
            raise Refused(422, f"nội dung tệp “{asset.get('path')}” không phải base64 hợp lệ") from None

    def persist_media(self, params: dict) -> dict:
        path, data = self._asset_bytes(params.get("asset"))
        self._upload(path, data)
        return self._media(self._write(path, data))

    def _unclaimed(self, raw: Any, data: bytes) -> None:
        """An upload may not replace another file of the same name: articles may show it."""
        full, area = self._checked(raw)
        try:
            same = full.read_bytes() == data
        except FileNotFoundError:
            return
        except OSError as exc:
            raise Refused(409, f"không đọc được tệp đang có “{raw}”: {os_reason(exc)}") from None
        if not same:
            raise Refused(409, f"đã có tệp “{raw}” với nội dung khác: tải lên sẽ thay mất tệp cũ mà các bài "
                               f"khác có thể đang dùng; hãy đổi tên tệp rồi tải lên lại")


# Photos browsers do not show, and how an editor gets a JPEG instead: an iPhone's camera saves HEIC
# unless told otherwise (the list of accepted endings alone left them without a way on).
_OTHER_PHOTOS = {
    (".heic", ".heif"): "ảnh HEIC của iPhone, iPad: trình duyệt của phần lớn bạn đọc không hiện được. Hãy chuyển "
                        "ảnh sang JPEG rồi tải lên lại (trên iPhone: Cài đặt → Camera → Định dạng → “Tương thích "
                        "nhất” cho ảnh chụp sau này; ảnh đã chụp: gửi ảnh qua Zalo hay thư điện tử, hoặc mở bằng "
                        "Paint (Windows), Preview (máy Mac) rồi lưu thành .jpg)",
    (".tif", ".tiff", ".bmp", ".psd"): "ảnh dạng này trình duyệt không hiện được (hoặc quá nặng). Hãy mở ảnh bằng "
                                       "Paint (Windows), Preview (máy Mac) hay Photoshop rồi lưu thành .jpg (ảnh chụp) hoặc .png "
                                       "(hình vẽ, ảnh chụp màn hình) và tải lên lại",
}


def not_for_browsers(raw: Any) -> None:
    """Refused, saying how to make a JPEG, when raw names a photo browsers do not show."""
    ending = os.path.splitext(str(raw))[1].lower()
    for endings, why in _OTHER_PHOTOS.items():
        if ending in endings:
            raise Refused(422, f"không tải lên được “{os.path.basename(str(raw))}”: {why}")


# The kind of photo each name says (images.image_kind reads what the bytes are): an upload whose
# bytes are another kind (a page saved as .gif, an SVG as .png) would be published as a photo.
_SIGNATURES = {
    ".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".gif": "GIF", ".webp": "WebP", ".avif": "AVIF",
}


def photo_kind(raw: Any, data: bytes) -> None:
    """Refused unless data is a photo of the kind its name says."""
    kind = _SIGNATURES.get(os.path.splitext(str(raw))[1].lower())
    found = image_kind(data)
    if kind is not None and found is None:
        raise Refused(422, f"tệp “{raw}” không phải ảnh {kind} (nội dung không phải một ảnh); hãy tải lên đúng tệp ảnh")
    if kind is not None and found != kind:
        raise Refused(422, f"tệp “{raw}” là ảnh {found}, không phải ảnh {kind}: hãy đặt lại đuôi tên tệp cho đúng")
