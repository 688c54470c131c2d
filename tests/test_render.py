"""The Jinja environment: the shorter call path gives what Jinja's own would."""
from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.config import load_config
from generator.render import TemplateFunction, Templates, _Context


def _templates(tmp_path: Path, source: str, extra: dict) -> Templates:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "t.html").write_text(source, encoding="utf-8")
    data = {name: value for name, value in extra.items() if not callable(value)}
    functions = {name: TemplateFunction(value) for name, value in extra.items() if callable(value)}
    return Templates(load_config(tmp_path), {}, data, functions)


SOURCE = """{% macro box(x) %}[{{ x }}{{ caller() if caller else '' }}]{% endmacro -%}
{% for i in items %}{{ double(i) }} {{ obj.shout(i) }} {{ ctx_name() }} {{ env_name() }} {{ box(i) }}
{% call box(i) %}+{{ double(i) }}{% endcall %} {{ loop.cycle('a', 'b') }} {{ callable_obj(i) }}
{% endfor %}{% block b %}{{ ctx_name() }} {{ first(stop) }}{% endblock %}"""


class _Shouter:
    def shout(self, value):
        return f"{value}!"


class _CallableObject:
    def __call__(self, value):
        return value * 3


@pytest.mark.parametrize("context_class", [jinja2.runtime.Context, _Context])
def test_plain_and_context_functions_called_as_jinja_calls_them(tmp_path: Path, context_class):
    extra = {
        "double": lambda v: v * 2,
        "obj": _Shouter(),
        "ctx_name": jinja2.pass_context(lambda context: context["who"]),
        "env_name": jinja2.pass_environment(lambda env: type(env).__name__),
        "callable_obj": _CallableObject(),
        "first": next,  # a builtin that raises StopIteration: Jinja makes it undefined
    }
    templates = _templates(tmp_path, SOURCE, extra)
    templates.env.context_class = context_class
    templates.env.undefined = jinja2.Undefined  # so the StopIteration case prints as empty
    out = templates.render("t.html", items=[1, 2], who="Bác", stop=iter(()))
    assert out == ("2 1! Bác Environment [1]\n[1+2] a 3\n"
                   "4 2! Bác Environment [2]\n[2+4] b 6\nBác ")


def test_templates_use_the_shorter_call_path(tmp_path: Path):
    assert _templates(tmp_path, "x", {}).env.context_class is _Context
