"""Bounds on what a site template may make: no loop, text or number so large the build hangs or
runs out of memory, and no reach into Python's internals (a theme downloaded from somewhere
could otherwise run commands on the editor's machine through `cycler.__init__.__globals__`).

Jinja's SandboxedEnvironment checks every attribute read and call while rendering: +14 % of a
10,000-article build's CPU time (measured 2026-12-05). Here attribute names written in a template
(`x.__class__`) are refused when it is compiled; only names computed while rendering (`x[name]`,
`attr(name)`, format fields) are checked then, on paths pages do not take. Operators that can make
something huge (`*`, `**`, `%`), the str methods and filters that pad or repeat text are checked
before they run; `+` and `~` once they ran (a join grows what exists: doubling stops at ~2 MB);
range() is bounded by call and by page. Jinja's environment flag `sandboxed` is what makes its
compiler send those operators to call_binop (and not compute them while compiling).

Comparisons and hashes go through nested values as printing does (templatechecks.weight): `==`, `<`
…, `in`, the tests eq, in …, the filters that sort or compare (sort, unique, min, max, groupby, dictsort),
the list and dict methods that search or hash (index, get …), a dict's computed keys, `x[key]`, and what
functions are given are weighed first when they are containers (a number or a text: at once); a
comparison with a constant goes as Jinja writes it.

Loops are bounded by page too: each `{% for %}`, each filter that goes through a list (map, select,
sort, join …) and each `x in list` counts the items it is given (one len() per loop, not per item)
against MAX_LOOP_PAGE, so that loops within loops over the site's articles stop with a message
instead of rendering for minutes.
"""
from __future__ import annotations

import itertools
import operator
import types
from itertools import islice
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, operators, optimizeconst
from jinja2.exceptions import FilterArgumentError, SecurityError
from jinja2.filters import _GroupTuple, ignore_case, make_attrgetter, make_multi_attrgetter
from jinja2.runtime import LoopContext
from markupsafe import Markup

from .templatechecks import (CHECKED_METHODS, GROWING, HASHING, MAX_COMPARED, MAX_KEPT_PAGE, MAX_LENGTH,
                             MAX_LIPSUM_WORDS, METHOD_CHECKS, PASSING, SEARCHING, VIEWS, check_compare, check_concatenated,
                             check_contains, check_growth, check_hashed, check_join, check_keys, check_percent,
                             check_power, check_repeat, check_replace, check_search, check_shown, check_shown_in,
                             check_weight, grown, is_container, too_heavy, too_large, unsafe_name, weight, widths)

MAX_RANGE = 100_000  # items of one range(): Jinja's sandbox's bound
MAX_RANGE_PAGE = 1_000_000  # items of all the range() calls of one page: loops within loops
# Items all the loops, list filters and `in` tests of one page may go through. The default theme's
# largest page goes through a few thousand on a 10,000-article site; a page listing 100,000
# articles with their tags and provinces ~500,000. Two loops over 10,000 articles: 10^8.
MAX_LOOP_PAGE = 2_000_000
# Characters of one page's text (or of one macro's, one {% set %} block's): a page is under 1 MB; a
# template writing a long text in loops within loops filled the memory before the page was joined.
MAX_PAGE_TEXT = 100_000_000
# Compiled templates in the bytecode cache carry these bounds' calls: a change of what the compiler
# writes changes this, and render.bytecode_folder's name with it.
COMPILER_VERSION = 4

_BINOPS = {"*": operator.mul, "**": operator.pow, "%": operator.mod, "+": operator.add, "-": operator.sub}
_COMPARISONS = {"eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "lteq": operator.le, "gt": operator.gt,
                "gteq": operator.ge}
_SETS = (set, frozenset, *VIEWS)  # `-` of them (or with them) hashes what the other side holds
_PLAIN = frozenset((str, Markup, int, float, bool, type(None)))  # compared at once: told apart in one look-up
_SEARCHED_AT_ONCE = frozenset((str, Markup, frozenset, set, dict))  # for a text: a substring, a hash kept


def bounded_range(*args: int) -> range:
    """range() of at most MAX_RANGE items: `range(10**9)` in a template hung the build."""
    items = range(*args)
    if len(items) > MAX_RANGE:
        raise too_large("range() tạo quá nhiều số", len(items), MAX_RANGE)
    return items


class PageRange:
    """The templates' range(): bounded_range, and at most MAX_RANGE_PAGE items over one page's
    calls (`{% for i in range(100000) %}{% for j in range(100000) %}` is 10^10 turns of bounded
    ranges). Templates.render calls start() before each page."""

    def __init__(self) -> None:
        self.left = MAX_RANGE_PAGE

    def start(self) -> None:
        self.left = MAX_RANGE_PAGE

    def __call__(self, *args: int) -> range:
        items = bounded_range(*args)
        self.left -= len(items)
        if self.left < 0:
            raise too_large("các range() của một trang tạo tổng cộng quá nhiều số (vòng lặp lồng trong vòng lặp?)",
                             MAX_RANGE_PAGE - self.left, MAX_RANGE_PAGE)
        return items


def _charged(node: nodes.Expr, method: str = "charge_loop") -> nodes.Call:
    """What a `{% for %}` (or a recursive loop's `loop(…)`) goes through, counted by
    BoundedEnvironment.charge_loop before the loop starts (Jinja allows no node types of one's own:
    a call of the environment's method, written directly by _CodeGenerator.visit_Call). method
    "guarded": a checked method taken without being called (`{% set f = xs.index %}`)."""
    return nodes.Call(nodes.EnvironmentAttribute(method), [node], [], None, None, lineno=node.lineno)


def _guard_methods(tree: nodes.Node) -> None:
    """Each `x.index` (a name of CHECKED_METHODS) not called where it is written, through
    BoundedEnvironment.guarded: called later (`{% set f = xs.index %}{{ f(y) }}`), it is checked too."""
    for node in list(tree.find_all(nodes.Node)):
        for field, value in node.iter_fields():
            if isinstance(value, list):
                for i, item in enumerate(value):
                    if _unguarded(item):
                        value[i] = _charged(item, "guarded")
            elif _unguarded(value) and not (isinstance(node, nodes.Call) and field == "node"):
                setattr(node, field, _charged(value, "guarded"))


def _unguarded(node: Any) -> bool:
    return isinstance(node, nodes.Getattr) and node.attr in CHECKED_METHODS


def _constant(node: nodes.Expr) -> bool:
    """A value written in the template: a comparison with it goes no further than it (nor a hash)."""
    return isinstance(node, nodes.Const)


# Jinja's filters that go through the whole of what they are given (lazily or not)
_LIST_FILTERS = ("map", "select", "reject", "selectattr", "rejectattr", "sort", "unique", "groupby", "list",
                 "join", "sum", "min", "max", "batch", "slice", "dictsort", "reverse", "items", "tojson",
                 "pprint", "pluck")


_METHODS = (types.BuiltinMethodType, types.MethodType)


class _CodeGenerator(CodeGenerator):
    """Jinja's compiler, sending through BoundedEnvironment.call only the calls of a method
    METHOD_CHECKS checks (`x.ljust(…)`, `x.format(…)`): a sandboxed environment's compiler sends
    every call there, +8 % of the render stage's time for url(), asset(), macros … (measured)."""

    @optimizeconst
    def visit_Call(self, node: nodes.Call, frame: Any, forward_caller: bool = False) -> None:
        if isinstance(node.node, nodes.EnvironmentAttribute) and node.node.name in ("charge_loop", "guarded"):
            self.write(f"environment.{node.node.name}(")  # _charged
            self.visit(node.args[0], frame)
            self.write(")")
            return
        checked = isinstance(node.node, nodes.Getattr) and node.node.attr in CHECKED_METHODS
        self.write("environment.call(context, " if checked else "context.call(")
        self.visit(node.node, frame)
        extra_kwargs = {"caller": "caller"} if forward_caller else None
        loop_kwargs = {"_loop_vars": "_loop_vars"} if frame.loop_frame else {}
        block_kwargs = {"_block_vars": "_block_vars"} if frame.block_frame else {}
        if extra_kwargs:
            extra_kwargs.update(loop_kwargs, **block_kwargs)
        elif loop_kwargs or block_kwargs:
            extra_kwargs = dict(loop_kwargs, **block_kwargs)
        self.signature(node, frame, extra_kwargs)
        self.write(")")

    def visit_Compare(self, node: nodes.Compare, frame: Any) -> None:
        """`a == b` (!=, <, <=, >, >=) through BoundedEnvironment.compare unless a or b is a constant;
        `x in items` through BoundedEnvironment.contains (items counted as a loop). A chain (`a < b < c`)
        as Python's: each operand evaluated once (b in a temporary), the next comparison only if true."""
        self.write("(")
        left: Any = node.expr
        for index, operand in enumerate(node.ops):
            if index:
                self.write(" and ")
            right = operand.expr
            last = index == len(node.ops) - 1
            name = None if last else self.temporary_identifier()
            if operand.op in ("in", "notin"):
                self.write("environment.contains(" if operand.op == "in" else "not environment.contains(")
            elif not (isinstance(left, nodes.Expr) and _constant(left)) and not _constant(right):
                self.write(f"environment.compare({operand.op!r}, ")
            else:
                self._operand(left, frame)
                self.write(f" {operators[operand.op]} ")
                self._operand(right, frame, name)
                left = name
                continue
            self._operand(left, frame)
            self.write(", ")
            self._operand(right, frame, name)
            self.write(")")
            left = name
        self.write(")")

    def _operand(self, operand: Any, frame: Any, name: str | None = None) -> None:
        """An operand of visit_Compare: a temporary's name, or an expression (kept in name if given)."""
        if isinstance(operand, str):
            self.write(operand)
            return
        if name:
            self.write(f"({name} := ")
        self.visit(operand, frame)
        if name:
            self.write(")")

    @optimizeconst
    def visit_Dict(self, node: nodes.Dict, frame: Any) -> None:
        """`{key: value}`: a key that is not a constant hashed through BoundedEnvironment.hashed."""
        self.write("{")
        for index, item in enumerate(node.items):
            if index:
                self.write(", ")
            if _constant(item.key):
                self.visit(item.key, frame)
            else:
                self.write("environment.hashed(")
                self.visit(item.key, frame)
                self.write(")")
            self.write(": ")
            self.visit(item.value, frame)
        self.write("}")

    @optimizeconst
    def visit_Sub(self, node: nodes.Sub, frame: Any) -> None:
        """`a - b` through call_binop unless a or b is a constant: `d.keys() - xs` hashes xs's items."""
        if _constant(node.left) or _constant(node.right):
            super().visit_Sub(node, frame)
            return
        self.write("environment.call_binop(context, '-', ")
        self.visit(node.left, frame)
        self.write(", ")
        self.visit(node.right, frame)
        self.write(")")

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        """`a ~ b`: Jinja's join of the parts, through BoundedEnvironment.bounded_concat, which bounds it."""
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        else:
            join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
        self.write(f"environment.bounded_concat({join}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedEnvironment(jinja2.Environment):
    """A Jinja environment whose templates cannot hang the build nor reach Python's internals."""

    sandboxed = True  # read by Jinja's compiler: the operators below go through call_binop, never folded
    intercepted_binops = frozenset(("*", "**", "%", "+"))  # and `-` of two computed values (visit_Sub)
    intercepted_unops: frozenset = frozenset()
    code_generator_class = _CodeGenerator

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page_range = PageRange()
        self.loop_left = MAX_LOOP_PAGE
        self.kept_left = MAX_KEPT_PAGE
        self.globals["range"] = self.page_range.__call__  # a method: the templates' fast call path
        filters = self.filters
        for name in ("center", "indent", "format", "join", "replace", "attr", "slice", "batch"):
            filters[name] = _bounded_filter(name, filters[name])
        for name in _SHOWING_FILTERS:
            if name in filters:
                filters[name] = _shown_filter(filters[name])
        self.globals["lipsum"] = _bounded_lipsum(self.globals["lipsum"])
        filters.update(sort=_sort, unique=_unique, min=_min, max=_max, groupby=_groupby,
                       dictsort=_keyed_filter(filters["dictsort"]), sum=_summed_filter(filters["sum"]))
        self.count_filters(_LIST_FILTERS)
        tests = self.tests
        for name, test in tests.items():
            if test in _COMPARISONS.values():  # eq, ==, equalto, ne, lt, <, lessthan … (select("eq", x))
                tests[name] = _compared_test(self, next(op for op, f in _COMPARISONS.items() if f is test), name)
        tests["in"] = lambda value, seq: self.contains(value, seq)
        for name in ("lower", "upper"):  # str(value)
            tests[name] = _shown_filter(tests[name])
        for name in ("filter", "test"):  # value in the environment's filters
            tests[name] = _hashed_test(tests[name], name)

    def show_filters(self, names: tuple[str, ...]) -> None:
        """The filters named, refused a value (not their arguments: a site's tables) too large to print:
        the site's own that turn it into text or look it up (whole, jsonld, size_attrs …)."""
        for name in names:
            self.filters[name] = _shown_value_filter(self.filters[name])

    def count_filters(self, names: tuple[str, ...]) -> None:
        """The filters named (those there), their input counted against the page's loop items."""
        for name in names:
            if name in self.filters:
                self.filters[name] = _charged_filter(self, self.filters[name])

    def start_page(self) -> None:
        """A page's range() items and loop items counted from nothing (Templates.render)."""
        self.page_range.start()
        self.loop_left = MAX_LOOP_PAGE
        self.kept_left = MAX_KEPT_PAGE

    def charge_loop(self, items: Any) -> Any:
        """items, once their number is taken from what the page's loops may still go through
        (a generator has no number: what made it, a filter over a list, was counted)."""
        try:
            size = len(items)
        except TypeError:
            return items
        self.loop_left -= size
        if self.loop_left < 0:
            raise _too_many_turns()
        return items

    def charge(self, items: Any) -> None:
        """What a filter or a global like cards() goes through; not text (a filter handles it at once)."""
        if not isinstance(items, str):
            self.charge_loop(items)

    def contains(self, item: Any, items: Any) -> bool:
        """`item in items` (_CodeGenerator.visit_Compare, the test `in`): a list or tuple counted as a loop
        (text, tables and sets are searched at once), and what the search would go through weighed
        (templatechecks.check_contains: a list of lists searched for another, a tuple hashed …)."""
        kind = type(items)
        if type(item) is str and kind in _SEARCHED_AT_ONCE:  # a slug in a set or a text: the common case
            return item in items
        if not isinstance(items, (str, dict, set, frozenset)):
            self.charge_loop(items)
        if type(item) is str and (kind is list or kind is tuple) and len(item) * len(items) < MAX_COMPARED:
            return item in items  # a slug in a list of slugs: compared with each as far as they are alike
        return item in check_contains("phép “in”", item, items)

    def compare(self, op: str, left: Any, right: Any) -> bool:
        """`left == right` (!=, <, …) of two computed values: two containers are compared item by item,
        in step, and weighed first (templatechecks.check_compare)."""
        if type(left) not in _PLAIN and type(right) not in _PLAIN and is_container(left) and is_container(right):
            check_compare(f"phép so sánh {operators[op]}", left, right)
        return _COMPARISONS[op](left, right)

    @staticmethod
    def hashed(key: Any) -> Any:
        """A dict's key computed while rendering (`{key: value}`, _CodeGenerator.visit_Dict)."""
        check_hashed("khóa của bảng {…}", key)
        return key

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        if op == "*":
            check_repeat(left, right)
        elif op == "**":
            check_power(left, right)
        elif op == "+":
            return check_growth(left + right, left, right)
        elif op == "-":
            if isinstance(left, _SETS) or isinstance(right, _SETS):  # a set made of the other side's items: hashed
                check_weight("phép trừ -", [left, right])
        elif isinstance(left, str):
            check_percent(left, right)
            check_shown_in((right,))
        return _BINOPS[op](left, right)

    @staticmethod
    def bounded_concat(join: Any, parts: tuple) -> Any:
        """`a ~ b ~ …` (_CodeGenerator.visit_Concat); a list or dict among the parts is joined as its repr."""
        check_shown_in(parts)
        return check_growth(join(parts), *parts)

    def call_unop(self, context: Any, op: str, arg: Any) -> Any:  # none intercepted; Jinja's API
        return {"+": operator.pos, "-": operator.neg}[op](arg)

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        """A call of a method named in CHECKED_METHODS (_CodeGenerator), checked first."""
        if type(obj) in _METHODS:
            self.check_call(obj, args, kwargs)
        return context.call(obj, *args, **kwargs)

    def check_call(self, method: Any, args: tuple, kwargs: dict) -> None:
        """str's (and Markup's) methods that make long texts; the methods growing a list, dict or set,
        counted against what the page may keep (kept_left); those that compare what they are given with
        a list's items, hash it, sort, or compare a loop's values (templatechecks.COMPARING), weighed."""
        owner, name = method.__self__, method.__name__
        if isinstance(owner, str):
            check = METHOD_CHECKS.get(name)
            if check is not None:
                check(owner, args, kwargs)
            return
        if name in GROWING and isinstance(owner, (list, dict, set)):
            self.kept_left -= grown(owner, name, args)
            if self.kept_left < 0:
                raise too_large("các danh sách, bảng mà mẫu của trang này thêm vào có tổng cộng quá nhiều mục và chữ "
                                "(thêm vào danh sách trong vòng lặp lồng nhau?)", MAX_KEPT_PAGE - self.kept_left,
                                MAX_KEPT_PAGE)
        if name in SEARCHING and isinstance(owner, (list, tuple)) and args:
            check_search(f"{name}()", args[0], owner)
            if name == "index":  # not found: its ValueError shows args[0]
                check_shown_in(args[:1])
        elif name in HASHING and (owner is dict or isinstance(owner, (dict, *_SETS))):
            if isinstance(owner, VIEWS[2]):  # its (key, value) pairs hashed
                check_weight(f"{name}()", [owner, args])
            elif not PASSING.issuperset(map(type, args)):  # a slug, a number: hashed at once
                check_weight(f"{name}()", args)
        elif name == "sort" and isinstance(owner, list):
            check_keys("sort()", owner)
        elif name == "changed" and isinstance(owner, LoopContext):
            check_weight("loop.changed()", args)

    def guarded(self, value: Any) -> Any:
        """value, or if it is a method checked on a call (reached as `x["append"]`, `x|attr("append")`),
        that method, checked when called."""
        if type(value) in _METHODS and value.__name__ in CHECKED_METHODS:
            def checked(*args: Any, **kwargs: Any) -> Any:
                self.check_call(value, args, kwargs)
                return value(*args, **kwargs)
            checked.__name__ = value.__name__  # named so in a refusal
            return checked
        return value

    def concat(self, pieces: Any) -> str:
        """Jinja's join of a page's (a macro's, a {% set %} block's) pieces, refused past MAX_PAGE_TEXT
        characters. A page's pieces come from a generator: taken in chunks (C speed), so that the text
        held stays within about the bound, and the refusal thrown in at the template's line."""
        if not isinstance(pieces, types.GeneratorType):
            text = "".join(pieces)
            if len(text) > MAX_PAGE_TEXT:
                raise _too_long(len(text))
            return text
        text = "".join(islice(pieces, 128))  # most cards and partials: one chunk, the generator done
        if pieces.gi_frame is None:  # done (not "no text": a chunk of empty pieces is "" too)
            return text
        parts, size, take = [text], len(text), 128
        while size <= MAX_PAGE_TEXT:
            take = max(1, min(1024, (MAX_PAGE_TEXT - size) * take // max(len(text), 1)))  # long pieces: fewer
            text = "".join(islice(pieces, take))
            parts.append(text)
            size += len(text)
            if pieces.gi_frame is None:
                if size > MAX_PAGE_TEXT:
                    raise _too_long(size)
                return "".join(parts)
        pieces.throw(_too_long(size))  # raised in the template, at the line that wrote the text

    def getitem(self, obj: Any, argument: Any) -> Any:
        """`x[name]` with a name computed while rendering: Jinja falls back to an attribute."""
        if isinstance(argument, tuple):  # a dict's key
            check_hashed("phép lấy mục […]", argument)
        try:
            return obj[argument]
        except (AttributeError, TypeError, LookupError):  # Jinja's fallback (not called: it subscripts again)
            if isinstance(argument, str):
                if argument.startswith("_"):
                    raise unsafe_name(argument) from None
                try:
                    return self.guarded(getattr(obj, argument))
                except AttributeError:
                    pass
            elif is_container(argument):  # the undefined value's message shows it
                check_shown(argument)
        return self.undefined(obj=obj, name=argument)

    def get_template(self, name: Any, parent: Any = None, globals: Any = None) -> Any:  # noqa: A002 (Jinja's)
        """What `{% include %}`, `{% import %}` or `{% extends %}` loads: its name hashed by Jinja's cache."""
        if isinstance(name, tuple):
            check_hashed("tên mẫu của include, import hay extends", name)
        return super().get_template(name, parent, globals)

    def select_template(self, names: Any, parent: Any = None, globals: Any = None) -> Any:  # noqa: A002
        """`{% include [a, b] %}`: the first of the names found (each hashed by Jinja's cache)."""
        if not isinstance(names, jinja2.runtime.Undefined):  # Jinja's message for it
            names = list(names)
            for name in names:
                check_hashed("tên mẫu của include, import hay extends", name)
        return super().select_template(names, parent, globals)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Attribute names written in the template (`x.__class__`) refused when it is compiled: the
        check costs nothing per page. (`x["_key"]` stays a dictionary's key: getitem checks it.)"""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = _charged(loop.iter)
        for call in tree.find_all(nodes.Call):  # a recursive loop's loop(children)
            if isinstance(call.node, nodes.Name) and call.node.name == "loop" and call.args:
                call.args[0] = _charged(call.args[0])
        _guard_methods(tree)
        refused = [node for node in tree.find_all(nodes.Getattr) if node.attr.startswith("_")]
        if refused:  # the first line's; of a chain (a.__b.__c), the innermost: the first written
            first = min(refused, key=lambda node: node.lineno)
            first = [node for node in refused if node.lineno == first.lineno][-1]
            raise jinja2.TemplateSyntaxError(unsafe_name(first.attr).message, first.lineno, name, filename)
        return tree


def _too_long(size: int) -> SecurityError:
    return too_large("trang dài quá mức (vòng lặp lồng trong vòng lặp viết ra một đoạn dài?), số ký tự", size,
                     MAX_PAGE_TEXT)


def _too_many_turns() -> SecurityError:
    return SecurityError(f"các vòng lặp của trang này đi qua tổng cộng hơn {MAX_LOOP_PAGE:,} mục".replace(",", ".") +
                         " (vòng lặp lồng trong vòng lặp qua một danh sách dài như các bài của một nhóm, hay map, "
                         "select, sort, “in” … trong một vòng lặp?); việc dựng trang sẽ mất hàng phút: hãy tính sẵn "
                         "danh sách cần dùng ở ngoài vòng lặp, hoặc lặp qua danh sách ngắn hơn")


def _charged_filter(env: BoundedEnvironment, func: Any) -> Any:
    """Jinja's filter func, its input counted against the page's loop items (env.charge)."""
    if getattr(func, "jinja_pass_arg", None) is not None:  # passes the environment or context first
        def charged(first, value, *args, **kwargs):
            env.charge(value)
            return func(first, value, *args, **kwargs)
    else:
        def charged(value, *args, **kwargs):
            env.charge(value)
            return func(value, *args, **kwargs)
    _same_marks(func, charged)
    return charged


# Jinja's filters that turn a list or dict they are given into text (its repr, its JSON, its items joined).
_SHOWING_FILTERS = ("string", "tojson", "pprint", "e", "escape", "forceescape", "safe", "upper", "lower", "title",
                    "capitalize", "trim", "truncate", "wordcount", "wordwrap", "striptags", "center", "indent",
                    "replace", "urlize", "urlencode", "format", "join", "xmlattr")


def _shown_filter(func: Any) -> Any:
    """Jinja's filter func, refused a list or dict (as its value or an argument) whose text would be
    huge (templatechecks.check_shown)."""
    if getattr(func, "jinja_pass_arg", None) is not None:  # passes the environment or context first
        def shown(first, value, *args, **kwargs):
            check_shown_in((value, *args, *kwargs.values()))
            return func(first, value, *args, **kwargs)
    else:
        def shown(value, *args, **kwargs):
            check_shown_in((value, *args, *kwargs.values()))
            return func(value, *args, **kwargs)
    _same_marks(func, shown)
    return shown


def _shown_value_filter(func: Any) -> Any:
    """A site's filter func (a plain function), refused a value whose text would be huge (check_shown)."""
    def shown(value, *args, **kwargs):
        check_shown_in((value,))
        return func(value, *args, **kwargs)
    _same_marks(func, shown)
    return shown


def _bounded_lipsum(func: Any) -> Any:
    """Jinja's lipsum(n, html, min, max), at most MAX_LIPSUM_WORDS words: `lipsum(10**7)` hung the build."""
    def lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:  # noqa: A002 (Jinja's names)
        if isinstance(n, int) and isinstance(max, int) and n * max > MAX_LIPSUM_WORDS:
            raise too_large("lipsum() tạo quá nhiều chữ", n * max, MAX_LIPSUM_WORDS)
        return func(n, html, min, max)
    return lipsum


def _compared_test(env: BoundedEnvironment, op: str, name: str) -> Any:
    """Jinja's test `name` (eq, ==, lt …) through BoundedEnvironment.compare."""
    def compared(value, other):
        return env.compare(op, value, other)
    compared.__name__ = name
    return compared


def _hashed_test(func: Any, name: str) -> Any:
    """Jinja's test `filter` or `test`: value looked up among the environment's."""
    def hashed(env, value):
        check_hashed(f"phép thử “{name}”", value)
        return func(env, value)
    _same_marks(func, hashed)
    return hashed


# Jinja's filters that compare items, written again to weigh what they compare first (the keys: an
# attribute's value, several for sort's "a,b", lowercased unless case_sensitive, as Jinja's getters
# give) and to take each key once: Jinja's own lowercase a text twice, the weighing would take each key twice.

def _keys(env: Any, operation: str, items: list, attribute: Any, case_sensitive: bool, default: Any = None,
          several: bool = False) -> list:
    if attribute is None:
        keys = items
    elif several and isinstance(attribute, str) and "," in attribute:
        keys = list(map(make_multi_attrgetter(env, attribute), items))
    else:
        keys = list(map(make_attrgetter(env, attribute, default=default), items))
    check_keys(operation, keys)  # before lowercasing: a long text a million times is 10^12 characters
    if case_sensitive:
        return keys
    if keys and isinstance(keys[0], list) and keys is not items:  # several attributes
        return [[ignore_case(value) for value in key] for key in keys]
    return [ignore_case(key) for key in keys]


def _sorted_order(keys: list, reverse: bool = False) -> list:
    return sorted(range(len(keys)), key=keys.__getitem__, reverse=reverse)


@jinja2.pass_environment
def _sort(env: Any, value: Any, reverse: bool = False, case_sensitive: bool = False, attribute: Any = None) -> list:
    items = list(value)
    keys = _keys(env, "sort", items, attribute, case_sensitive, several=True)
    if keys is items:
        return sorted(items, reverse=reverse)
    return [items[i] for i in _sorted_order(keys, reverse)]


@jinja2.pass_environment
def _unique(env: Any, value: Any, case_sensitive: bool = False, attribute: Any = None) -> Any:
    """Lazy, as Jinja's: each key weighed (hashed, and compared with an equal one) as it comes."""
    getter = make_attrgetter(env, attribute)
    seen: set = set()
    left = MAX_COMPARED
    for item in value:
        key = getter(item)
        left -= len(key) + 1 if isinstance(key, str) else 1 if type(key) in PASSING else weight(key, left + 1)
        if left < 0:
            raise too_heavy("unique", MAX_COMPARED - left)
        if not case_sensitive:
            key = ignore_case(key)
        if key not in seen:
            seen.add(key)
            yield item


def _min_or_max(env: Any, operation: str, value: Any, func: Any, case_sensitive: bool, attribute: Any) -> Any:
    items = list(value)
    if not items:
        return env.undefined("No aggregated item, sequence was empty.")
    keys = _keys(env, operation, items, attribute, case_sensitive)
    return items[func(range(len(items)), key=keys.__getitem__)]


@jinja2.pass_environment
def _min(env: Any, value: Any, case_sensitive: bool = False, attribute: Any = None) -> Any:
    return _min_or_max(env, "min", value, min, case_sensitive, attribute)


@jinja2.pass_environment
def _max(env: Any, value: Any, case_sensitive: bool = False, attribute: Any = None) -> Any:
    return _min_or_max(env, "max", value, max, case_sensitive, attribute)


@jinja2.pass_environment
def _groupby(env: Any, value: Any, attribute: Any, default: Any = None, case_sensitive: bool = False) -> list:
    items = list(value)
    keys = _keys(env, "groupby", items, attribute, case_sensitive, default)
    out = [_GroupTuple(key, [items[i] for i in group])
           for key, group in itertools.groupby(_sorted_order(keys), keys.__getitem__)]
    if not case_sensitive:  # the group's own key, as its first item has it (Jinja's)
        output = make_attrgetter(env, attribute, default=default)
        out = [_GroupTuple(output(values[0]), values) for _, values in out]
    return out


def _keyed_filter(func: Any) -> Any:
    """Jinja's dictsort, its keys or values weighed first."""
    def dictsort(value, case_sensitive=False, by="key", reverse=False):
        if by not in ("key", "value"):
            raise FilterArgumentError('You can only sort by either "key" or "value"')
        check_keys("dictsort", list(value.keys() if by == "key" else value.values()))
        return func(value, case_sensitive, by, reverse)
    _same_marks(func, dictsort)
    return dictsort


def _summed_filter(func: Any) -> Any:
    """Jinja's sum; of lists or tuples (start=[]) what its additions copy counted first."""
    def summed(env, iterable, attribute=None, start=0):
        if isinstance(start, (list, tuple)):
            iterable = list(iterable if attribute is None else map(make_attrgetter(env, attribute), iterable))
            check_concatenated("sum", start, iterable)
        return func(env, iterable, attribute if not isinstance(start, (list, tuple)) else None, start)
    _same_marks(func, summed)
    return summed


def _same_marks(func: Any, wrapper: Any) -> None:
    """What Jinja reads on a filter (what it passes first, its async variant) copied to its wrapper."""
    for attribute in ("jinja_pass_arg", "jinja_async_variant", "__name__", "__doc__"):
        if hasattr(func, attribute):
            setattr(wrapper, attribute, getattr(func, attribute))


def _bounded_filter(name: str, func: Any) -> Any:
    """Jinja's filter `name`, refusing arguments that would make a huge result or reach internals."""
    def check(value: Any, args: tuple, kwargs: dict) -> None:
        if name == "format":
            check_percent(str(value), kwargs or args)
        elif name == "attr":
            if args and isinstance(args[0], str) and args[0].startswith("_"):
                raise unsafe_name(args[0])
        elif name == "join":
            check_join(args[0] if args else kwargs.get("d", ""), value)
        elif name == "replace":
            check_replace(str(value), args, kwargs)
        elif name in ("slice", "batch"):  # `[1]|slice(10**8)` looped 10^8 times; batch pads its last part
            parts = args[0] if args else kwargs.get("slices" if name == "slice" else "linecount")
            if isinstance(parts, int) and parts > MAX_LENGTH:
                raise too_large("slice chia thành quá nhiều phần" if name == "slice" else "batch tạo phần quá dài", parts)
        else:  # center, indent: a width
            width = args[0] if args else kwargs.get("width", kwargs.get("length"))
            if isinstance(width, str):
                width = len(width)
            widths([width])

    if getattr(func, "jinja_pass_arg", None) is not None:  # passes the environment or context first
        def bounded(first, value, *args, **kwargs):
            check(value, args, kwargs)
            result = func(first, value, *args, **kwargs)
            return first.guarded(result) if name == "attr" else result  # `(xs|attr("append"))(x)`
    else:
        def bounded(value, *args, **kwargs):
            check(value, args, kwargs)
            return func(value, *args, **kwargs)
    _same_marks(func, bounded)
    return bounded
