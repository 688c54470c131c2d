"""site.toml: a typed, validated configuration.

Every problem in the file is reported in one run with its line; an unknown key
gets a "did you mean" hint. CLI flags override values after validation.
This module reads the file and puts the steps together: the settings' schema is
configschema.py, their types are read by configtable.py, their values checked by
configcheck.py, and TOML's own errors said by tomlreasons.py.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from .configcheck import control_errors, validate
from .configschema import (CMS_BACKENDS, CMS_PUBLISH_MODES, CONFIG_NAME, SHARE_FORMATS, Cms, Feeds, Images, Publisher,
                           Security, SiteConfig, Urls)
from .configtable import key_line, read_table
from .errors import BuildFailed, ConfigError, os_reason
from .frontmatter import decode_utf8
from .tomlreasons import deep_line, toml_line, toml_reason

# The schema's names are imported from here by most of the package.
__all__ = ["CMS_BACKENDS", "CMS_PUBLISH_MODES", "CONFIG_NAME", "SHARE_FORMATS", "Cms", "Feeds", "Images", "Publisher",
           "Security", "SiteConfig", "Urls", "load_config", "setting_line"]


def setting_line(config: SiteConfig, key: str) -> int | None:
    """The line of site.toml where a top-level key has the value config holds, or None (the default,
    or a value given on the command line): for messages found after loading, such as output_dir's."""
    try:
        text = (config.root / CONFIG_NAME).read_text(encoding="utf-8-sig")
        written = tomllib.loads(text).get(key)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    return key_line(text, None, key) if written is not None and written == getattr(config, key) else None


def load_config(root: Path, **overrides: Any) -> SiteConfig:
    """Read root/site.toml (defaults if absent), validate, then apply CLI overrides."""
    root = root.resolve()
    path = root / CONFIG_NAME
    display = CONFIG_NAME
    errors: list[ConfigError] = []
    text = ""
    table: dict = {}
    if os.path.lexists(path) and not path.is_file():  # not absent: the defaults would build another site
        what = ("là một thư mục" if path.is_dir() else
                "là liên kết tượng trưng trỏ tới tệp không còn tồn tại" if not path.exists() else
                "không phải tệp thường (một ống dẫn, thiết bị hay ổ cắm)")
        raise BuildFailed([ConfigError(f"“{CONFIG_NAME}” {what}, không đọc được cấu hình trang; hãy đặt lại tệp "
                                       f"{CONFIG_NAME} (dựng với cấu hình mặc định sẽ ra một trang khác hẳn)",
                                       display, 1)])
    if path.is_file():
        try:
            raw = path.read_bytes()
            text = decode_utf8(raw)
            table = tomllib.loads(text)
        except OSError as exc:
            raise BuildFailed([ConfigError(f"không đọc được tệp: {os_reason(exc)}", display, 1)]) from None
        except UnicodeDecodeError as exc:
            raise BuildFailed([ConfigError(f"tệp không phải UTF-8 hợp lệ: byte không đọc được ở vị trí {exc.start} "
                                           f"(0x{raw[exc.start]:02x}); hãy lưu lại tệp với mã hóa UTF-8", display,
                                           raw.count(b"\n", 0, exc.start) + 1)]) from None
        except RecursionError:  # tomllib reads nested arrays and tables by recursion
            raise BuildFailed([ConfigError("cú pháp TOML không hợp lệ: danh sách [...] hay bảng {...} lồng nhau quá sâu; "
                                           "hãy viết các giá trị phẳng hơn", display, deep_line(text))]) from None
        except tomllib.TOMLDecodeError as exc:
            reason = toml_reason(str(exc))
            raise BuildFailed([ConfigError(f"cú pháp TOML không hợp lệ: {reason}", display,
                                           toml_line(str(exc), text))])
    errors += control_errors(table, text, display)
    config = read_table(SiteConfig, table, text, None, display, errors)
    overrides = {k: v for k, v in overrides.items() if v is not None}
    config = replace(config, root=root, **overrides)
    validate(config, text, display, errors, frozenset(overrides))
    if errors:
        raise BuildFailed(errors)
    return config
