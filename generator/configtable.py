"""site.toml's tables read into the schema's dataclasses (configschema.py): each unknown key
(with a "did you mean" hint) and each value of the wrong type reported at its line.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import fields
from types import NoneType, UnionType
from typing import Any, get_args, get_origin, get_type_hints

from .errors import ConfigError, suggest


def key_line(text: str, section: str | None, key: str) -> int | None:
    """The line where key is set (in [section] if given): for messages only. Lines as TOML counts
    them, at "\n" only (splitlines() also breaks at U+2028, U+0085 … in a value: was a line too far)."""
    current = None
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        header = re.match(r"^\[([^\]]+)\]", line)
        if header:
            current = header.group(1).strip()
            if section is not None and current == section and key is None:
                return number
            continue
        if current == section and re.match(rf'^"?{re.escape(key)}"?\s*=', line):
            return number
    # A key written as a table of its own ("[feed]" for [feeds]): the line of its header.
    table = key if section is None else f"{section}.{key}"
    for number, raw in enumerate(text.split("\n"), 1):
        header = re.match(r"^\[\[?\s*([^\]]+?)\s*\]", raw.strip())
        if key is not None and header and (header.group(1) == table or header.group(1).startswith(table + ".")):
            return number
    return None


def _table_type(hint: Any) -> Any:
    """An optional table (`Cms | None`) is read as its dataclass."""
    if isinstance(hint, UnionType):
        inner = [arg for arg in get_args(hint) if arg is not NoneType]
        if len(inner) == 1 and dataclasses.is_dataclass(inner[0]):
            return inner[0]
    return hint


def _check_value(value: Any, hint: Any) -> tuple[bool, Any]:
    """(ok, converted) for a TOML value against a field's declared type."""
    origin = get_origin(hint)
    if origin is tuple:
        item = get_args(hint)[0]
        if isinstance(value, list) and all(isinstance(v, item) and not isinstance(v, bool) for v in value):
            return True, tuple(value)
        return False, None
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool), value
    return isinstance(value, hint), value


_TYPE_NAMES = {str: "một chuỗi", int: "một số nguyên", bool: "true hoặc false"}


def _shown(value: Any) -> str:
    """A wrong value as the editor wrote it in TOML: “mười”, not Python's 'mười'."""
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "một bảng"
    return str(value)


def read_table(cls, table: dict, text: str, section: str | None, display: str, errors: list):
    hints = get_type_hints(cls)
    allowed = {f.name: f for f in fields(cls) if not f.metadata.get("cli")}
    values: dict[str, Any] = {}
    for key, value in table.items():
        where = f"[{section}] " if section else ""
        line = key_line(text, section, key)
        if key not in allowed:
            hint = suggest(key, allowed)
            errors.append(ConfigError(f"khóa không hợp lệ {where}“{key}”{hint}", display, line))
            continue
        hint_type = _table_type(hints[key])
        if dataclasses.is_dataclass(hint_type):
            if not isinstance(value, dict):
                errors.append(ConfigError(f"“{key}” phải là một bảng [{key}]", display, line))
                continue
            values[key] = read_table(hint_type, value, text, key, display, errors)
            continue
        ok, converted = _check_value(value, hint_type)
        if not ok:
            expected = _TYPE_NAMES.get(hint_type) or ("một danh sách số nguyên" if get_args(hint_type) == (int, ...)
                                                      else "một danh sách chuỗi")
            errors.append(ConfigError(f"{where}“{key}” phải là {expected}, không phải {_shown(value)}", display, line))
            continue
        values[key] = converted
    return cls(**values)
