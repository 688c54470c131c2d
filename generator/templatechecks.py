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
# Methods that compare what they are given with what a list holds, or hash it into a dict or set (their
# check: check_search, check_hashed), sort a list, or compare a loop's values with the last ones.
SEARCHING = frozenset(("index", "count", "remove"))
HASHING = frozenset(("get", "pop", "setdefault", "update", "fromkeys", "add", "discard", "remove", "isdisjoint",
                     "issubset", "issuperset", "union", "intersection", "difference", "symmetric_difference",
                     "intersection_update", "difference_update", "symmetric_difference_update"))
COMPARING = SEARCHING | HASHING | {"sort", "changed"}
# the methods whose calls are checked before they run
CHECKED_METHODS = frozenset(METHOD_CHECKS) | GROWING | COMPARING
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
VIEWS = (type({}.keys()), type({}.values()), type({}.items()))  # print and compare as what they show
CONTAINERS = (list, tuple, dict, set, frozenset, Namespace, *VIEWS)  # and their subclasses (groupby's tuples)
LEAF, TEXT, CONTAINER = 1, 2, 3
# Each type met, as LEAF, TEXT or CONTAINER: one dict look-up (isinstance of CONTAINERS is ~150 ns).
KINDS: dict[type, int] = {str: TEXT, int: LEAF, float: LEAF, bool: LEAF, type(None): LEAF,
                          **{kind: CONTAINER for kind in CONTAINERS}}


TREE_WALK = 64  # containers _tree_weight walks before weight weighs each once
_LEAF_TYPES: set[type] = {kind for kind, found in KINDS.items() if found == LEAF}  # KINDS' LEAF and TEXT types
_TEXT_TYPES: set[type] = {str}
PASSING: set[type] = _LEAF_TYPES | _TEXT_TYPES  # both: `PASSING.issuperset(map(type, args))` at C speed


def kind_of(kind: type) -> int:
    """KINDS[kind], learnt the first time (a subclass: Markup, groupby's tuples, a site's class)."""
    found = KINDS.get(kind)
    if found is None:
        found = KINDS[kind] = CONTAINER if issubclass(kind, CONTAINERS) else TEXT if issubclass(kind, str) else LEAF
        if found != CONTAINER:
            (_LEAF_TYPES if found == LEAF else _TEXT_TYPES).add(kind)
            PASSING.add(kind)
    return found


def _tree_weight(value: Any) -> int | None:
    """weight(value) of most values (a page's data, a JSON-LD dict): walked as a tree, each container where
    it is, without weight's bookkeeping; None past TREE_WALK containers met (one held twice, or in itself)."""
    kinds, total, left, pending = KINDS, 0, TREE_WALK, [value]
    while pending:
        left -= 1
        if left < 0:
            return None
        item = pending.pop()
        kind = type(item)
        parts = [*item, *item.values()] if kind is dict else item if kind is list or kind is tuple else _parts(item)
        total += 1 + len(parts)
        for part in parts:
            found = kinds.get(type(part)) or kind_of(type(part))
            if found == TEXT:
                total += len(part)
            elif found == CONTAINER:  # counted as what it holds
                pending.append(part)
                total -= 1
    return total


def _parts(container: Any) -> Any:
    if isinstance(container, dict):
        return [*container.keys(), *container.values()]
    if isinstance(container, Namespace):
        attributes = container._Namespace__attrs  # noqa: SLF001 - what its repr prints
        return [*attributes.keys(), *attributes.values()]
    if isinstance(container, VIEWS):  # their dict's keys and values: alive while weighed (fresh items' ids are not)
        mapping = container.mapping  # a read-only proxy of the dict
        keys = [*mapping.keys()] if not isinstance(container, VIEWS[1]) else []
        return keys + [*mapping.values()] if not isinstance(container, VIEWS[0]) else keys
    return container


def weight(value: Any, limit: int) -> int:
    """Items and characters of value, each container weighed once and counted wherever it appears: what
    printing it writes, and at most what comparing or hashing it goes through (two lists compared go
    through both in step, as far as the smaller reaches); a text its characters and one (an empty text
    is an item too). One inside itself counts once (it prints as "[...]"). Past limit: the first total
    found over it, the rest not weighed."""
    kinds = KINDS
    kind = kinds.get(type(value)) or kind_of(type(value))
    if kind != CONTAINER:
        return len(value) + 1 if kind == TEXT else 1
    if isinstance(value, (list, tuple)) and len(value) > 8:  # a long flat one (of articles, of slugs): at C speed
        found = set(map(type, value))
        if found <= _LEAF_TYPES:
            return 1 + len(value)
        if found <= _TEXT_TYPES:
            return 1 + len(value) + sum(map(len, value))
    total = _tree_weight(value)
    if total is not None:
        return total
    sizes: dict[int, int] = {}
    pending: list[tuple[Any, bool]] = [(value, False)]
    while pending:
        item, weighed = pending.pop()
        key = id(item)
        if weighed:  # every container in it weighed (or under way: it holds itself)
            total = 1
            for part in _parts(item):
                kind = kinds.get(type(part)) or kind_of(type(part))
                total += 1 if kind == LEAF else len(part) + 1 if kind == TEXT else sizes[id(part)]
            if total > limit:
                return total
            sizes[key] = total
        elif key not in sizes:
            sizes[key] = 1  # under way: met again inside itself, it prints as "[...]"
            pending.append((item, True))
            pending.extend((part, False) for part in _parts(item)
                           if (kinds.get(type(part)) or kind_of(type(part))) == CONTAINER and id(part) not in sizes)
    return sizes[id(value)]


def is_container(value: Any) -> bool:
    return (KINDS.get(type(value)) or kind_of(type(value))) == CONTAINER


def check_shown(value: Any) -> None:
    """Refused when value's text (its repr, its JSON) would pass MAX_SHOWN items and characters."""
    total = weight(value, MAX_SHOWN)
    if total > MAX_SHOWN:
        raise too_large("giá trị đem in hay đổi thành chữ quá lớn (một danh sách hay bảng chứa một danh sách khác "
                        "nhiều lần, lồng nhau nhiều tầng?), số mục và ký tự", total, MAX_SHOWN)


def shown_text(value: Any) -> str:
    """str(value) for a site's filter that turns what it is given into text (whole, whole_text): a
    container weighed first, as printing it would be (check_shown). Called for what is not a str."""
    if (KINDS.get(type(value)) or kind_of(type(value))) == CONTAINER:
        check_shown(value)
    return str(value)


def check_shown_in(values: Any) -> None:
    """check_shown for each container among values (a filter's or an operator's arguments)."""
    for value in values:
        if (KINDS.get(type(value)) or kind_of(type(value))) == CONTAINER:
            check_shown(value)


# Comparing or hashing goes through a value as printing does, copies included: two equal lists, each a
# list put in a new list with itself sixty times, are 2^60 comparisons (`ns.x == ns.y`, `ns.x in [ns.y]`,
# `[ns.x, ns.y]|sort`; only the same list on both sides is fast), a tuple doubled so is 2^60 steps to
# hash (`{ns.t: 1}`, `ns.t in d`, `|unique`), as is a list of one long text repeated a million times
# searched for a text of its length. What an operation compares or hashes is weighed first (weight:
# each container once, times the places it is in) and refused past MAX_COMPARED items and characters.
MAX_COMPARED = MAX_SHOWN
_HASHED_IN = (dict, set, frozenset, VIEWS[0], VIEWS[2])  # `in` them: a hash, and a comparison or two


def too_heavy(operation: str, size: int) -> SecurityError:
    return too_large(f"{operation} phải đi qua một giá trị quá lớn (một danh sách hay bảng chứa một danh sách khác "
                     "nhiều lần, lồng nhau nhiều tầng?), số mục và ký tự", size, MAX_COMPARED)


def check_weight(operation: str, value: Any) -> None:
    """value, all of which operation may go through (a sort's keys, a function's argument)."""
    size = weight(value, MAX_COMPARED)
    if size > MAX_COMPARED:
        raise too_heavy(operation, size)


def check_compare(operation: str, left: Any, right: Any) -> None:
    """`left == right` (<, !=, …) of two containers: compared in step, as far as the lighter one reaches."""
    size = weight(left, MAX_COMPARED)
    if size > MAX_COMPARED:
        size = min(size, weight(right, MAX_COMPARED))
        if size > MAX_COMPARED:
            raise too_heavy(operation, size)


def check_hashed(operation: str, key: Any) -> None:
    """hash(key) (a dict's key, `in` a dict, a function's cache): a tuple hashes its items again each
    time (a text, a frozenset keep theirs), so only a tuple holding tuples may be heavy."""
    if isinstance(key, tuple) and any(issubclass(kind, tuple) for kind in set(map(type, key))):
        check_weight(operation, key)


def check_search(operation: str, item: Any, items: list | tuple) -> None:
    """`item in items` (index(), count()) of a list: item compared with each, each comparison as far as
    the lighter one reaches: at most item's weight times the items, and at most the list's weight."""
    each = len(item) + 1 if isinstance(item, str) else weight(item, MAX_COMPARED)
    if each * len(items) > MAX_COMPARED:
        size = weight(items, MAX_COMPARED)
        if size > MAX_COMPARED:
            raise too_heavy(operation, min(size, each * len(items)))


def check_contains(operation: str, item: Any, items: Any) -> Any:
    """`item in items`: what to search (a generator's items, taken once to be weighed), refused when
    the search would go through too much (check_search, check_hashed)."""
    kind = KINDS.get(type(item)) or kind_of(type(item))
    if kind == LEAF or isinstance(items, str):
        return items  # a number compared with each item at once; a substring search goes through the text once
    if isinstance(items, _HASHED_IN):
        check_hashed(operation, item)
        return items
    if isinstance(items, (list, tuple)):  # a text or a container: compared with each item as far as alike
        check_search(operation, item, items)
        return items
    try:
        searched = list(items)  # a values view, a range, a generator (then searched as the list)
    except TypeError:  # no items to go through: an object's own `in`, which may hash item
        check_hashed(operation, item)
        return items
    check_search(operation, item, searched)
    return items if iter(items) is not items else searched


def check_keys(operation: str, keys: list) -> None:
    """The keys sort, min, max, groupby or dictsort compare (and lowercase, texts), each with others:
    numbers, dates and the site's objects at once; texts as far as they are alike; containers in step."""
    if any(kind_of(kind) != LEAF for kind in set(map(type, keys))):
        check_weight(operation, keys)


def check_arguments(func: Any, args: tuple, kwargs: dict) -> None:
    """What dict() or namespace() is given: the keys of its pairs are hashed, a container among them
    weighed. (The site's functions check what they hash themselves; the methods of lists, dicts, sets
    and texts are checked by what they do, COMPARING.)"""
    kinds = KINDS
    for value in (*args, *kwargs.values()):
        if (kinds.get(type(value)) or kind_of(type(value))) == CONTAINER:
            if type(value) in (tuple, list) and len(value) <= 16 and PASSING.issuperset(map(type, value)):
                continue  # a few texts or articles: no copies
            size = weight(value, MAX_COMPARED)
            if size > MAX_COMPARED:
                name = getattr(func, "__name__", None)
                raise too_heavy(f"{name}()" if isinstance(name, str) else "lời gọi hàm", size)


def check_concatenated(operation: str, start: Any, items: list) -> None:
    """sum(items, start) of lists or tuples: each `+` copies what it has so far, items times."""
    total = copied = len(start)
    for item in items:
        if isinstance(item, SIZED):
            total += len(item)
        copied += total
        if copied > MAX_COMPARED:
            raise too_large(f"{operation} nối quá nhiều danh sách (mỗi lần nối chép lại cả danh sách đã có), số mục "
                            "phải chép", copied, MAX_COMPARED)
