"""The Jinja environment: the shorter call path gives what Jinja's own would."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import jinja2
import pytest

from generator.config import load_config
from markupsafe import Markup, escape

from generator.jinjafast import FastContext, fast_escape
from generator.render import TemplateFunction, Templates


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


@pytest.mark.parametrize("context_class", [jinja2.runtime.Context, FastContext])
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
    assert out == ("2 1! Bác BoundedEnvironment [1]\n[1+2] a 3\n"
                   "4 2! Bác BoundedEnvironment [2]\n[2+4] b 6\nBác ")


def test_templates_use_the_shorter_call_path(tmp_path: Path):
    assert _templates(tmp_path, "x", {}).env.context_class is FastContext


class _Html:
    def __html__(self):
        return "<b>đã an toàn</b>"


class _Text(str):
    pass


ESCAPED = ["Lâm Đồng <script>\"&'", "", Markup("<i>giữ</i>"), Markup(""), 5, 2.5, None, True, _Html(),
           _Text("<u>con của str</u>"), jinja2.Undefined(), ["<a>"]]


@pytest.mark.parametrize("value", ESCAPED, ids=[type(v).__name__ for v in ESCAPED])
def test_fast_escape_gives_what_markupsafe_gives(value):
    ours, theirs = fast_escape(value), escape(value)
    assert type(ours) is Markup and ours == theirs


def test_templates_escape_with_fast_escape(tmp_path: Path):
    templates = _templates(tmp_path, "{{ a }}|{{ b }}|{{ c }}", {})
    assert templates.render("t.html", a="<Bác>", b=Markup("<br>"), c=3) == "&lt;Bác&gt;|<br>|3"
    assert templates.env.get_template("t.html").root_render_func.__globals__["escape"] is fast_escape


# --- the theme's helpers: dates, the menu's section, partials, stylesheet references ---------------

from datetime import date, datetime  # noqa: E402

from generator.content import Article  # noqa: E402
from generator.filters import date_vi, dateline  # noqa: E402
from generator.themes import collect_assets  # noqa: E402
from generator.vietnamese import VN  # noqa: E402


def _dated(text_date: datetime, timed: bool = True, estimated: bool = False) -> Article:
    return Article(path="a.md", slug="a", title="A", date=text_date, updated=None, summary="", sapo="", body="",
                   provinces=(), directives=(), tags=(), author="", source=None, image=None, draft=False,
                   timed=timed, date_estimated=estimated)


def test_dateline_is_as_precise_as_the_date_is_known():
    """Its words that belong together tied by no-break spaces (vietnamese.tied): "Thứ Hai", "tháng 5"."""
    moment = datetime(2016, 9, 19, 16, 27, tzinfo=VN)
    assert dateline(_dated(moment), with_time=True) == \
        '<time datetime="2016-09-19T16:27:00+07:00">Thứ\u00a0Hai, 19/09/2016\u00a0|\u00a016:27</time>'
    assert dateline(_dated(moment)) == '<time datetime="2016-09-19T16:27:00+07:00">Thứ\u00a0Hai, 19/09/2016</time>'
    midnight = datetime(2016, 9, 19, tzinfo=VN)  # "date: 2016-09-19": no "| 00:00"
    assert dateline(_dated(midnight, timed=False), with_time=True) == \
        '<time datetime="2016-09-19">Thứ\u00a0Hai, 19/09/2016</time>'
    guess = datetime(2021, 5, 15, tzinfo=VN)  # an estimate: the month only, said to be approximate
    assert dateline(_dated(guess, timed=False, estimated=True), with_time=True) == \
        '<time datetime="2021-05">Khoảng tháng\u00a05/2021</time>'


def test_date_filter_styles():
    moment = datetime(2006, 11, 7, 8, 5, tzinfo=VN)
    assert [date_vi(moment), date_vi(moment, "short"), date_vi(moment, "long"), date_vi(moment, "time")] == \
        ["Thứ\u00a0Ba, 07/11/2006", "07/11/2006", "ngày\u00a07 tháng\u00a011 năm\u00a02006",
         "Thứ\u00a0Ba, 07/11/2006\u00a0|\u00a008:05"]
    assert date_vi(date(2016, 5, 15), "short") == "15/05/2016"  # a directive's date


def test_section_of_a_page_for_the_menu(tmp_path: Path):
    from generator.content import Page
    about = Page("content/pages/gioi-thieu.md", "gioi-thieu", "Giới thiệu", "", "", 1, False)
    templates = _templates(tmp_path, "x", {"menu": [about]})
    section = templates.section
    assert section("") == ("", True)
    assert section("trang/3/") == ("", False)
    assert section("tinh/") == ("tinh/", True)
    assert section("tinh/lao-cai/trang/2/") == ("tinh/", False)
    assert section("don-vi-2025/") == section("don-vi-2025/lam-dong/") == ("tinh/", False)  # the other index
    assert section("van-ban/05-ct-tw/") == ("van-ban/", False)
    assert section("nam/2021/") == ("nam/", False)
    assert section("tim-kiem/") == ("tim-kiem/", True)
    assert section("gioi-thieu/") == ("gioi-thieu/", True)
    assert section("bai-viet/mot-bai/") is None


def test_partials_are_rendered_once_per_build_and_values(tmp_path: Path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "p.html").write_text("{{ counter() }}:{{ value }}", encoding="utf-8")
    calls = []
    templates = Templates(load_config(tmp_path), {}, {},
                          {"counter": TemplateFunction(lambda: calls.append(1) or len(calls))})
    assert [templates.partial("p.html", value=v) for v in ("a", "b", "a", "b")] == ["1:a", "2:b", "1:a", "2:b"]


def test_stylesheet_references_follow_fingerprints(tmp_path: Path):
    static = tmp_path / "themes" / "mine" / "static"
    (static / "fonts").mkdir(parents=True)
    (static / "fonts" / "f.woff2").write_bytes(b"font")
    (static / "css").mkdir()
    (static / "css" / "a.css").write_text('@font-face{src:url("../fonts/f.woff2")}'
                                          "b{background:url(data:image/png;base64,xx)}i{background:url(x.png)}",
                                          encoding="utf-8")
    (tmp_path / "site.toml").write_text('theme = "mine"\n', encoding="utf-8")
    assets = collect_assets(load_config(tmp_path))
    font = assets["fonts/f.woff2"].output
    css = assets["css/a.css"]
    assert font.startswith("assets/fonts/f.") and font.endswith(".woff2")
    text = css.data.decode()
    assert f'url("../{font.removeprefix("assets/")}")' in text
    assert "url(data:image/png;base64,xx)" in text and "url(x.png)" in text  # not theme files: as written
    # the stylesheet's own fingerprint is that of its rewritten bytes
    (static / "fonts" / "f.woff2").write_bytes(b"another font")
    assert collect_assets(load_config(tmp_path))["css/a.css"].output != css.output


def test_pluck_gives_what_map_attribute_gives(tmp_path: Path):
    from generator.taxonomy import load_registries
    provinces = [load_registries(None).provinces.get(name) for name in ("Lâm Đồng", "Đắk Nông", "Hà Nội")]
    templates = _templates(tmp_path, "{{ ps|pluck('name') }}|{{ ps|map(attribute='name')|list }}|{{ []|pluck('x') }}", {})
    assert templates.render("t.html", ps=provinces).split("|") == [
        "[&#39;Lâm Đồng&#39;, &#39;Đắk Nông&#39;, &#39;Hà Nội&#39;]"] * 2 + ["[]"]


def test_cards_give_the_cards_of_a_loop_and_depend_on_the_card_template(tmp_path: Path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "_card.html").write_text("<{{ heading }} class={{ look }}>{{ a.title }}|",
                                                       encoding="utf-8")
    (tmp_path / "templates" / "loop.html").write_text(
        "{% for a in items %}{{ article_card(a, 'h3', 'compact') }}{% endfor %}", encoding="utf-8")
    (tmp_path / "templates" / "list.html").write_text("{{ cards(items, 'h3', 'compact') }}", encoding="utf-8")
    templates = Templates(load_config(tmp_path), {}, {})
    items = [_dated(datetime(2020, 1, n + 1, tzinfo=VN)) for n in range(3)]
    items = [dataclasses.replace(a, title=f"Bài <{n}>") for n, a in enumerate(items)]
    looped = templates.render("loop.html", items=items)
    assert looped == "<h3 class=compact>Bài &lt;0&gt;|<h3 class=compact>Bài &lt;1&gt;|<h3 class=compact>Bài &lt;2&gt;|"
    assert templates.render("list.html", items=items) == looped
    assert templates.render("list.html", items=[]) == ""
    assert templates.cards(items[:1]) == "<h2 class=list>Bài &lt;0&gt;|"
    assert "cards" in templates.dependencies("list.html")[1]
    card_digest = templates.dependencies("list.html")[0]
    (tmp_path / "templates" / "_card.html").write_text("{{ a.title }}", encoding="utf-8")
    assert Templates(load_config(tmp_path), {}, {}).dependencies("list.html")[0] != card_digest


def test_template_dependencies_parse_each_template_once(tmp_path: Path, monkeypatch):
    """Every page template extends base.html, which includes the rest: each is parsed once for the
    signatures of all page kinds, and each page kind still gets all it uses."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "base.html").write_text("{% include '_head.html' %}{% block main %}{% endblock %}", encoding="utf-8")
    (folder / "_head.html").write_text("{{ site_name }}{{ partial('_foot.html') }}", encoding="utf-8")
    (folder / "_foot.html").write_text("{{ footer_note }}", encoding="utf-8")
    (folder / "_card.html").write_text("{{ a.title }}", encoding="utf-8")
    for page in ("a.html", "b.html", "c.html"):
        (folder / page).write_text("{% extends 'base.html' %}{% block main %}{{ cards(items) }}{% endblock %}",
                                   encoding="utf-8")
    templates = Templates(load_config(tmp_path), {}, {"site_name": "x", "footer_note": "y"})
    parsed: list[str] = []
    parse = templates.env.parse
    monkeypatch.setattr(templates.env, "parse", lambda source, name=None, filename=None: (
        parsed.append(name), parse(source, name, filename))[1])
    digests = {page: templates.dependencies(page) for page in ("a.html", "b.html", "c.html")}
    assert sorted(parsed) == ["_card.html", "_foot.html", "_head.html", "a.html", "b.html", "base.html", "c.html"]
    assert all(used == frozenset({"site_name", "footer_note", "cards", "partial"}) for _, used in digests.values())
    (folder / "_foot.html").write_text("{{ footer_note }}!", encoding="utf-8")
    assert Templates(load_config(tmp_path), {}, {}).dependencies("c.html")[0] != digests["c.html"][0]


def test_what_a_template_uses_is_kept_by_its_source_beside_the_compiled_templates(tmp_path: Path, monkeypatch):
    """Parsing the templates for page signatures took ~0.1 s of every build, warm ones too: what a
    source loads and uses is kept in the bytecode folder by the source's digest, and compile_ahead
    leaves it there for a cold build. An edited template, or a damaged file, is parsed again."""
    from generator.render import bytecode_folder, compile_ahead
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "base.html").write_text("{% include '_head.html' %}{% block main %}{% endblock %}", encoding="utf-8")
    (folder / "_head.html").write_text("{{ site_name }}{{ partial('_foot.html') }}", encoding="utf-8")
    (folder / "_foot.html").write_text("{{ footer_note }}", encoding="utf-8")
    (folder / "a.html").write_text("{% extends 'base.html' %}{% block main %}{{ cards(items) }}{% endblock %}",
                                   encoding="utf-8")
    config, cache = load_config(tmp_path), tmp_path / ".cache"
    data = {"site_name": "x", "footer_note": "y", "extra": 1}
    compile_ahead(config, cache)
    expected = Templates(config, {}, data).dependencies("a.html")  # no bytecode folder: parsed here

    def made() -> tuple[Templates, list[str]]:
        templates, parsed = Templates(config, {}, data, bytecode_dir=cache), []
        parse = templates.env.parse
        monkeypatch.setattr(templates.env, "parse", lambda source, name=None, filename=None: (
            parsed.append(name), parse(source, name, filename))[1])
        return templates, parsed

    templates, parsed = made()
    assert templates.dependencies("a.html") == expected and parsed == []
    (folder / "_foot.html").write_text("{{ footer_note }}{{ extra }}", encoding="utf-8")
    templates, parsed = made()
    edited = templates.dependencies("a.html")
    assert parsed == ["_foot.html"] and "extra" in edited[1] and edited[0] != expected[0]
    for kept in bytecode_folder(cache).glob("uses-*.json"):
        kept.write_text("[1", encoding="utf-8")
    templates, parsed = made()
    assert templates.dependencies("a.html") == edited
    assert sorted(parsed) == ["_card.html", "_foot.html", "_head.html", "a.html", "base.html"]
    templates, parsed = made()
    assert templates.dependencies("a.html") == edited and parsed == []


def test_imported_templates_get_the_globals_as_a_plain_dict(tmp_path: Path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "_m.html").write_text("{% macro hi(x) %}[{{ x }} {{ greeting }}]{% endmacro %}",
                                                    encoding="utf-8")
    (tmp_path / "templates" / "page.html").write_text('{% from "_m.html" import hi %}{{ hi(who) }}', encoding="utf-8")
    templates = Templates(load_config(tmp_path), {}, {"greeting": "chào <bạn>"})
    assert templates.render("page.html", who="Bác") == "[Bác chào &lt;bạn&gt;]"
    imported = templates.env.get_template("_m.html")
    assert type(imported.globals) is dict and imported.globals["greeting"] == "chào <bạn>"
    module = imported._get_default_module()
    assert templates.render("page.html", who="Bác") == "[Bác chào &lt;bạn&gt;]"
    assert imported._get_default_module() is module  # the import reuses its module: no globals differ


def test_templates_compiled_ahead_are_loaded_not_compiled_again(tmp_path, monkeypatch):
    """compile_ahead (a cold build's process of its own) leaves every template in the bytecode
    cache: a Templates with the same folder checks them all without compiling one; a template
    it cannot compile is left for check(), which reports it as before."""
    from generator.render import bytecode_folder, compile_ahead
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "broken.html").write_text("{{ a }\n", encoding="utf-8")
    config = load_config(tmp_path)
    cache = tmp_path / ".cache"
    compile_ahead(config, cache)
    names = Templates(config, {}, {}).env.list_templates()
    assert len(list(bytecode_folder(cache).glob("*.cache"))) == len(names) - 1 > 10  # all but broken.html
    compiled = []
    real = jinja2.Environment.compile
    def compile(env, source, name=None, *args, **kwargs):
        compiled.append(name)
        return real(env, source, name, *args, **kwargs)
    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    errors = Templates(config, {}, {}, bytecode_dir=cache).check()
    assert compiled == ["broken.html"]
    assert [(e.path, e.line, e.message) for e in errors] == [
        ("templates/broken.html", 1, "lỗi cú pháp mẫu: dấu “}” thừa, không có dấu “{” mở tương ứng; một biểu thức "
                                     "phải đóng bằng “}}”, một lệnh bằng “%}”")]


def test_the_home_pages_past_the_first_show_the_cards_every_list_shows(tmp_path: Path, monkeypatch):
    """Past its first page the home page is a list as a year's is: its cards (h2, under the page's
    h1) are those of every other list, made once per article (a card costs ~30 us: 10,000 of them
    made twice over, once h3 for the home pages, was 2 % of a cold build)."""
    import re
    import shutil
    from datetime import datetime, timedelta, timezone

    from generator import render
    from generator.build import build

    root = tmp_path / "site"
    shutil.copytree(Path(__file__).parent / "sample", root)
    made: list[tuple[str, str, str]] = []
    render_card = render.Templates.render

    def spy(self, name, **context):
        if name == render.CARD_TEMPLATE:
            made.append((context["a"].slug, context["heading"], context["look"]))
        return render_card(self, name, **context)

    monkeypatch.setattr(render.Templates, "render", spy)
    now = datetime(2026, 12, 7, 12, tzinfo=timezone(timedelta(hours=7)))
    build(root, output=str(tmp_path / "out"), now=now, workers=1)
    home = sorted((tmp_path / "out").glob("trang/*/index.html"))
    assert home, "the sample site has more than one home page"
    first = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    shown_first = set(re.findall(r'<h3 class="card-title[^"]*"><a href="[^"]*/([^/"]+)/"', first))
    for page in home:
        html = page.read_text(encoding="utf-8")
        assert 'id="tin-tuc"' not in html and '<h3 class="card-title' not in html
        assert '<h2 class="card-title' in html
    lists = [key for key in made if key[2] == "list"]
    assert len(lists) == len(set(lists))  # each card made once
    assert {slug for slug, heading, _ in lists if heading == "h3"} <= shown_first


def test_an_articles_terms_are_written_alike_folded_or_not(tmp_path: Path):
    """Ten provinces, directives or topics or fewer are written by a plain loop, more by the
    `folded` macro (article.html): each item is the same markup either way, and only the longer
    lists are folded."""
    import csv
    import re
    import shutil

    from generator.build import build

    root = tmp_path / "site"
    shutil.copytree(Path(__file__).parent / "sample", root)
    data = Path(__file__).parent.parent / "generator" / "data"
    with open(data / "provinces.csv", encoding="utf-8") as rows:
        provinces = [row["name"] for row in csv.DictReader(rows)][:11]
    with open(data / "directives.csv", encoding="utf-8") as rows:
        directives = [row["symbol"] for row in csv.DictReader(rows)][:11]
    tags = [f"chủ đề {n}" for n in range(1, 12)]
    for slug, cut in (("muoi-mot", 11), ("it", 2)):
        (root / "content" / "articles" / f"{slug}.md").write_text(
            f'---\ntitle: "Bài {slug}"\ndate: 2024-03-01T08:00:00+07:00\nprovince: {provinces[:cut]!r}\n'
            f'directives: {directives[:cut]!r}\ntags: {tags[:cut]!r}\n---\n\nNội dung.\n', encoding="utf-8")
    build(root, output=str(tmp_path / "out"), workers=1)
    item = re.compile(r"<li><a href=[^>]+>.*?</a></li>")
    found = {}
    for slug in ("muoi-mot", "it"):
        html = (tmp_path / "out" / "bai-viet" / slug / "index.html").read_text(encoding="utf-8")
        terms = html[html.index('<dl class="terms">'):html.index("</dl>")]
        found[slug] = ([item.findall(dd) for dd in terms.split("<dd>")[1:]], terms)
    (long, long_html), (short, short_html) = found["muoi-mot"], found["it"]
    assert [len(items) for items in long] == [11, 11, 11] and [len(items) for items in short] == [2, 2, 2]
    assert [items[:2] for items in long] == short  # the same two first items, written alike
    assert long_html.count("<summary>Xem thêm 3 ") == 3 and "<details>" not in short_html


def test_iso_keeps_the_last_moment_and_writes_every_moment_right():
    """iso() gives isoformat()'s text, kept for the same moment written again (an article page
    writes its date three or four times), never another moment's."""
    from datetime import timedelta, timezone

    from generator import filters

    zone = timezone(timedelta(hours=7))
    first = datetime(2024, 5, 19, 8, 30, tzinfo=zone)
    same_time = datetime(2024, 5, 19, 8, 30, tzinfo=zone)  # equal, another object
    later = datetime(2024, 5, 19, 8, 31, tzinfo=zone)
    day = date(2024, 5, 19)
    for moment in (first, first, same_time, later, first, day, day, later):
        assert filters.iso(moment) == moment.isoformat()
    assert filters._last_iso[0] is later
    calls = []

    class Counted(datetime):
        def isoformat(self, *args):
            calls.append(self)
            return super().isoformat(*args)

    counted = Counted(2024, 5, 19, 8, 30, tzinfo=zone)
    assert [filters.iso(counted) for _ in range(3)] == [first.isoformat()] * 3 and len(calls) == 1
