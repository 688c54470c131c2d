"""Jinja's context and template classes made cheaper: a plain function called without Jinja's
marker lookups, `{{ … }}` escaped with fewer Python calls, a template's globals a plain dict.
render.Templates makes its environment with them; what a page renders is the same.
"""
from __future__ import annotations

import types
from typing import Any

import jinja2
from jinja2.utils import Namespace
from markupsafe import Markup, escape

from .templatechecks import CONTAINER, KINDS, check_arguments, check_shown, kind_of

try:
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover - markupsafe without its C speedups
    _escape_inner = None


class FastContext(jinja2.runtime.Context):
    """Jinja's template context, with a shorter way to call plain functions.

    Jinja's Context.call looks for pass_context/pass_environment markers on the callable
    and on its __call__ (four attribute lookups, most failing) for every call in a
    template: url(), asset(), article_card(), macros … ~40 calls on an article page,
    ~10 % of its rendering. Functions, bound methods and macros can only carry the marker
    on themselves, so one lookup decides; anything else goes through Jinja's own call.
    """

    def call(__self, __obj, *args, **kwargs):  # noqa: N805 - Jinja's signature
        if type(__obj) in _PLAIN_CALLABLES and getattr(__obj, "jinja_pass_arg", None) is None:
            if kwargs:  # Jinja passes these inside loops and blocks for context functions only
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
            try:
                return __obj(*args, **kwargs)
            except StopIteration:
                return __self.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception")
        if __obj is dict or __obj is Namespace:  # their pairs' keys hashed: a tuple of tuples weighed first
            check_arguments(__obj, args, {})
        return super().call(__obj, *args, **kwargs)


_PLAIN_CALLABLES = frozenset({types.FunctionType, types.BuiltinFunctionType, types.MethodType,
                              jinja2.runtime.Macro})
_KINDS = KINDS


def fast_escape(value: Any) -> Markup:
    """markupsafe.escape, shorter for its two common cases: text, and Markup (returned as it is).

    markupsafe's escape makes its Markup through Markup.__new__, two Python calls per `{{ … }}`
    (~1.1 million in a 10,000-article build); str.__new__ makes the same Markup in C."""
    kind = type(value)
    if kind is str and _escape_inner is not None:
        return str.__new__(Markup, _escape_inner(value))
    if kind is Markup:
        return value
    if (_KINDS.get(kind) or kind_of(kind)) == CONTAINER:  # printed as its repr: refused when that would be huge
        check_shown(value)
    return escape(value)


class FastTemplate(jinja2.Template):
    """A template whose `{{ … }}` escape with fast_escape, and whose globals are a plain dict.

    Its compiled module imports `escape` from jinja2.runtime, and its functions look the name up
    in the module's namespace (their __globals__) when they run, so it is replaced there once the
    module is made. Jinja keeps a template's globals as a ChainMap over the environment's: it
    copies them into every context key by key in Python, and an import (`{% from "_macros.html"
    import … %}`) compares them with the importing template's, key by key again, on every page.
    Templates.__init__ sets every global before any template is loaded, so a dict holds the same."""

    @classmethod
    def from_code(cls, environment, code, globals, uptodate=None):
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = fast_escape
        template.globals = dict(template.globals)
        return template
