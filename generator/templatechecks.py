"""Checks of the values a site template makes (templatebounds.BoundedEnvironment runs them): no text,
list or number so large the build runs out of memory, no format field reaching Python's internals.
Each raises a SecurityError whose message says, in Vietnamese, what was too large and the bound."""
from __future__ import annotations

import re
import string
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.utils import Namespace

MAX_LENGTH = 1_000_000  # characters or items one operation may make (a page is under 60 KB)
MAX_POWER_BITS = 100_000  # an int of ~30,000 digits
MAX_LIPSUM_WORDS = 100_000  # words of lipsum(): paragraphs times their most words, ~700 KB
_FORMATTER = string.Formatter()
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def too_large(what: str, size: int, limit: int = MAX_LENGTH) -> SecurityError:
    def number(n: int) -> str:
        return f"{n:,}".replace(",", ".")
    return SecurityError(f"{what}: {number(size)}, tối đa {number(limit)}; mẫu không được tạo giá trị lớn như vậy "
                         "(việc dựng trang sẽ treo hay hết bộ nhớ), hãy bớt")


def check_repeat(left: Any, right: Any) -> None:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and len(seq) * times > MAX_LENGTH:
            raise too_large("phép nhân tạo ra chuỗi hay danh sách quá dài", len(seq) * times)


def check_growth(result: Any, *parts: Any) -> Any:
    """result of `+` or `~`, unless it passes MAX_LENGTH by growing what it joins (a namespace's text
    doubled in a loop: `{% set ns.s = ns.s ~ ns.s %}` a hundred times is 2^100 characters); a long
    article's body with a few words added stays what it is."""
    if isinstance(result, (str, list, tuple)) and len(result) > MAX_LENGTH:
        longest = max((len(part) for part in parts if isinstance(part, (str, list, tuple))), default=0)
        if len(result) > longest * 3 // 2:
            raise too_large("phép nối tạo ra chuỗi hay danh sách quá dài (nối một giá trị với chính nó trong vòng "
                             "lặp?)", len(result))
    return result


def check_power(base: Any, exponent: Any) -> None:
    if isinstance(base, int) and isinstance(exponent, int) and abs(base) > 1 and exponent > 0:
        bits = exponent * abs(base).bit_length()
        if bits > MAX_POWER_BITS:
            raise too_large("lũy thừa tạo ra số quá lớn (số bit)", bits, MAX_POWER_BITS)


def widths(values: Any) -> None:
    """Any number a format may take as a width or precision (`%*d`, `{:{}}`)."""
    for value in values:
        if isinstance(value, int) and value > MAX_LENGTH:
            raise too_large("độ rộng hay độ chính xác quá lớn", value)


def check_percent(text: str, args: Any) -> None:
    """`"%0999999999d" % 1` (the `%` operator, the `format` filter) makes a GB of text."""
    starred = False
    for match in _PERCENT_SPEC.finditer(text):
        for part in match.groups():
            if part == "*":
                starred = True
            elif part and int(part) > MAX_LENGTH:
                raise too_large("độ rộng hay độ chính xác quá lớn", int(part))
    if starred:
        widths(args if isinstance(args, tuple) else (args,))


def check_format(text: str, args: tuple, kwargs: dict) -> None:
    """str.format's fields: no width past MAX_LENGTH, no attribute or key starting with "_"
    (`"{0.__class__}".format(x)` reads what `x.__class__` may not)."""
    try:
        fields = list(_FORMATTER.parse(text))
    except ValueError:
        return  # str.format raises the same ValueError, reported as any other
    nested = False
    for _, name, spec, _ in fields:
        if name and re.search(r"[.\[]_", name):
            raise unsafe_name(re.search(r"[.\[](_[^.\[\]]*)", name).group(1))
        for number in re.findall(r"\d+", spec or ""):
            if int(number) > MAX_LENGTH:
                raise too_large("độ rộng hay độ chính xác quá lớn", int(number))
        nested = nested or "{" in (spec or "")
    if nested:
        widths([*args, *kwargs.values()])


def unsafe_name(name: str) -> SecurityError:
    return SecurityError(f"mẫu không được đọc thuộc tính “{name}” (tên bắt đầu bằng “_” là phần bên trong của "
                         "Python, mẫu không được dùng tới)")


def check_pad(text: str, args: tuple, kwargs: dict) -> None:
    widths([*args[:1], kwargs.get("width"), kwargs.get("tabsize")])


def check_replace(text: str, args: tuple, kwargs: dict) -> None:
    if len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        old, new = args[0], args[1]
        count = text.count(old) if old else len(text) + 1
        if len(args) > 2 and isinstance(args[2], int) and args[2] >= 0:
            count = min(count, args[2])
        if len(text) + count * (len(new) - len(old)) > MAX_LENGTH:
            raise too_large("replace tạo ra chuỗi quá dài", len(text) + count * (len(new) - len(old)))


def check_join(separator: Any, items: Any) -> None:
    if isinstance(separator, str) and isinstance(items, SIZED):
        size = len(separator) * len(items)
        if size > MAX_LENGTH:
            raise too_large("join tạo ra chuỗi quá dài", size)


SIZED = (list, tuple, range, str, dict, set, frozenset)


# str methods that can make far more text than they are given, and their check
METHOD_CHECKS = {"center": check_pad, "ljust": check_pad, "rjust": check_pad, "zfill": check_pad,
                  "expandtabs": check_pad, "replace": check_replace,
                  "join": lambda text, args, kwargs: check_join(text, args[0] if args else ()),
                  "format": lambda text, args, kwargs: _format_checks(text, args, kwargs),
                  "format_map": lambda text, args, kwargs: _format_checks(text, (), args[0] if args else {})}


def _format_checks(text: str, args: tuple, kwargs: Any) -> None:
    check_format(text, args, kwargs)
    check_shown_in(args)
    if isinstance(kwargs, dict):
        check_shown_in(kwargs.values())


# Methods by which a template grows a list, a dict or a set it holds (`{% set _ = xs.append(x) %}`). Called
# in a loop they grew without bound: `xs.extend(xs)` doubles the list each turn, and
# `{% for x in xs %}{% set _ = xs.append(x) %}{% endfor %}` never ended (the loop goes through what it adds).
GROWING = frozenset(("append", "insert", "add", "setdefault", "extend", "update"))
CHECKED_METHODS = frozenset(METHOD_CHECKS) | GROWING  # the methods whose calls are checked before they run
MAX_KEPT_PAGE = 20_000_000  # items and characters one page's templates may add to lists, dicts and sets


def _added(name: str, args: tuple) -> tuple[int, int]:
    """Items, and characters of the texts among them, that target.name(*args) adds."""
    if name in ("extend", "update"):
        items = args[0] if args else ()
        if isinstance(items, dict):
            items = items.values()
        elif not isinstance(items, SIZED):
            return 0, 0  # a generator: what made it, a filter over a list, was counted as a loop
        return len(items), sum(len(item) for item in items if isinstance(item, str))
    value = args[1] if name in ("insert", "setdefault") and len(args) > 1 else args[0] if args else None
    return 1, len(value) if isinstance(value, str) else 0


def grown(target: Any, name: str, args: tuple) -> int:
    """What a call of target.name(*args) adds to what the page keeps (items and characters); refused
    when target would pass MAX_LENGTH items."""
    items, characters = _added(name, args)
    if len(target) + items > MAX_LENGTH:
        raise too_large(f"danh sách hay bảng quá dài (gọi {name}() trong vòng lặp?)", len(target) + items)
    return items + characters


# Items and characters a template may turn into text at once (print, join with `~`, string, tojson …)
# from a list, dict or set. A container holding another twice prints it twice: a list put in a new
# list with itself sixty times ({% set ns.x = [ns.x, ns.x] %}) holds three items a level and
# prints 2^60; the build hung on {{ ns.x }}.
MAX_SHOWN = 20_000_000
CONTAINERS = (list, tuple, dict, set, frozenset, Namespace)  # and their subclasses (groupby's tuples)


def _parts(container: Any) -> Any:
    if isinstance(container, dict):
        return [*container.keys(), *container.values()]
    if isinstance(container, Namespace):
        attributes = container._Namespace__attrs  # noqa: SLF001 - what its repr prints
        return [*attributes.keys(), *attributes.values()]
    return container


def check_shown(value: Any) -> None:
    """Refused when value's text (its repr, its JSON) would pass MAX_SHOWN items and characters.
    Each container is weighed once and counted wherever it is printed; one inside itself prints
    as "[...]"."""
    sizes: dict[int, int] = {}
    pending: list[tuple[Any, bool]] = [(value, False)]
    while pending:
        item, weighed = pending.pop()
        key = id(item)
        if weighed:  # every container in it weighed (or under way: it holds itself)
            total = 1
            for part in _parts(item):
                total += sizes[id(part)] if isinstance(part, CONTAINERS) else len(part) if isinstance(part, str) else 1
            if total > MAX_SHOWN:
                raise too_large("giá trị đem in hay đổi thành chữ quá lớn (một danh sách hay bảng chứa một danh "
                                "sách khác nhiều lần, lồng nhau nhiều tầng?), số mục và ký tự", total, MAX_SHOWN)
            sizes[key] = total
        elif key not in sizes:
            sizes[key] = 1  # under way: met again inside itself, it prints as "[...]"
            pending.append((item, True))
            pending.extend((part, False) for part in _parts(item) if isinstance(part, CONTAINERS) and id(part) not in sizes)


def check_shown_in(values: Any) -> None:
    """check_shown for each container among values (a filter's or an operator's arguments)."""
    for value in values:
        if isinstance(value, CONTAINERS):
            check_shown(value)
