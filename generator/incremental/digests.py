"""Digests: short names for what a page, an article or the whole site is made of."""
from __future__ import annotations

import hashlib
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..content import Article

_SHOWN = tuple(f.name for f in fields(Article) if f.name != "body")


def digest(*parts: str | bytes) -> str:
    """The parts' digest, each part followed by a zero byte."""
    try:  # text only (nearly every call): one encode and one update
        data = ("\x00".join(parts) + "\x00").encode("utf-8", "surrogatepass") if parts else b""
    except TypeError:  # bytes among them
        return _parts_digest(parts)
    return _blake2b(data, digest_size=16).hexdigest()


def _parts_digest(parts) -> str:
    """digest(*parts) part by part: for parts that are bytes (as they are, not encoded)."""
    h = _blake2b(digest_size=16)
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


_blake2b = hashlib.blake2b


def article_key(raw: bytes, read_fingerprint: str) -> str:
    """An article's content key: its bytes and everything reading them depends on. Its body is
    kept under this key; an article whose key is unchanged reads the same."""
    return _parts_digest((read_fingerprint, raw))  # digest(), without its join that bytes fail


def article_token(article: Article) -> str:
    """What lists, cards and links show of an article: every field but the body."""
    return digest(*(_shown_repr(getattr(article, name)) for name in _SHOWN))


# repr of each registry entry met (provinces, directives: the same few objects in every article),
# by id, with the entry itself (an id is only reused once its object is gone). Emptied when it
# grows past _ENTRY_REPRS_MAX: a long-lived process (the preview server) meets new entries with
# every registry it loads again, and would keep them all.
_ENTRY_REPRS: dict[int, tuple[object, str]] = {}
_ENTRY_REPRS_MAX = 4096


def _shown_repr(value: Any) -> str:
    """repr(value); a tuple of registry entries is written as repr writes it, each entry's repr
    made once (a dataclass's repr is Python code: ~1 us an entry, in every article read)."""
    if type(value) is not tuple or not value or type(value[0]) is str:
        return repr(value)
    parts = []
    for item in value:
        known = _ENTRY_REPRS.get(id(item))
        if known is None or known[0] is not item:
            if len(_ENTRY_REPRS) >= _ENTRY_REPRS_MAX:
                _ENTRY_REPRS.clear()
            known = _ENTRY_REPRS[id(item)] = (item, repr(item))
        parts.append(known[1])
    return "(" + parts[0] + ",)" if len(parts) == 1 else "(" + ", ".join(parts) + ")"


def folder_id(path: Path) -> tuple[int, int]:
    """(inode, mtime_ns) of a folder: a published folder replaced or touched by hand differs."""
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):  # not there (a file on the way: --output site.toml/x)
        return (0, 0)
    return (st.st_ino, st.st_mtime_ns)


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_PLAIN = (str, int, float, bool, date, datetime)
_PLAIN_TYPES = frozenset({str, int, float, bool, date, datetime, type(None)})


def article_memo(articles, tokens: dict[str, str]) -> dict[int, str]:
    """A value_digest memo that knows these articles' tokens (kept from the build that read them)."""
    return {id(a): tokens[a.path] for a in articles}


def value_digest(value: Any, memo: dict[int, str]) -> str:
    """A short token for a template context value: articles by what they show, the rest by content.

    Tokens of containers are joined and only hashed when long: hashing every node of
    every page's context would cost more than rendering the pages.
    """
    kind = type(value)
    if kind in _PLAIN_TYPES or isinstance(value, _PLAIN):
        return repr(value)
    ident = id(value)
    token = memo.get(ident)
    if token is not None:
        return token
    if isinstance(value, dict):  # values as lists' items below; keys written once per name (_KEYS)
        known, plain = memo.get, _PLAIN_TYPES
        token = "{" + ",".join([(_KEYS.get(k) or _key(k)) + (repr(v) if type(v) in plain else known(id(v)) or
                                                              value_digest(v, memo)) for k, v in value.items()]) + "}"
    elif isinstance(value, (list, tuple)):
        token = _items_token(value, memo)
    elif isinstance(value, Article):
        # Every field but the body (see Job.full): not the body's key, which changes with the
        # body and would re-render every list showing the article.
        token = article_token(value)
    elif isinstance(value, (set, frozenset)):
        token = "{" + ",".join(sorted(value_digest(v, memo) for v in value)) + "}"
    elif is_dataclass(value):
        names = _FIELD_NAMES.get(kind)
        if names is None:
            names = _FIELD_NAMES[kind] = tuple(f.name for f in fields(value))
        token = kind.__name__ + "(" + ",".join([value_digest(getattr(value, name), memo)
                                                for name in names]) + ")"
    else:
        token = kind.__name__ + ":" + repr(value)
    if len(token) > 64 and (kind is not tuple and kind is not list or len(token) > 2048):
        token = digest(token)  # a page's own short lists (related articles, a list page's items) are not:
    memo[ident] = token        # they are hashed with its context, once (~10 % of signing a cold build)
    return token


def context_token(context: dict, memo: dict[int, str]) -> str:
    """A page context's token, for its signature (which hashes it): value_digest's dict token, not
    hashed again nor memoised (no other page has this dict), and with the page's own short lists
    (related articles, a list page's items, its tags) written here, not by a call each."""
    known, plain, parts = memo.get, _PLAIN_TYPES, []
    for k, v in context.items():
        kind = type(v)
        if kind in plain:
            token = repr(v)
        else:
            token = known(id(v))
            if token is None:
                if kind is tuple or kind is list:
                    token = _items_token(v, memo)
                else:
                    token = value_digest(v, memo)
        parts.append((_KEYS.get(k) or _key(k)) + token)
    return "{" + ",".join(parts) + "}"


def _items_token(items: list | tuple, memo: dict[int, str]) -> str:
    """A list's or tuple's token: its repr, made in C, when every item is plain (a pager's numbers and
    addresses); else its items' tokens, known ones without a call (articles seen before)."""
    known, plain = memo.get, _PLAIN_TYPES
    if plain.issuperset(map(type, items)):
        return repr(items)
    return "[" + ",".join([repr(v) if type(v) in plain else known(id(v)) or value_digest(v, memo)
                           for v in items]) + "]"


_KEYS: dict[Any, str] = {}  # a context key -> its repr and ":" (the same few names in every page's context)


def _key(key: Any) -> str:
    written = repr(key) + ":"
    if type(key) is str and len(_KEYS) < 4096:
        _KEYS[key] = written
    return written
