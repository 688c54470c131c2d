"""The cache rules (docs/architecture.md): what a build reuses must be noticed when it changes.

The invalidation inputs are derived, not listed by hand: every field of the read
settings is in the read fingerprint, every config key in the config's, and a
template function declares what it reads. These tests add a setting, a config key
and a template function and check that the cache notices.
"""
from __future__ import annotations

import dataclasses
import shutil
import typing
from dataclasses import dataclass, fields, replace
from pathlib import Path

import pytest

import generator.stages as stages_module
from generator.build import Builder, build
from generator.config import SiteConfig, load_config
from generator.content import ReadSettings
from generator.render import TemplateFunction, Templates
from generator.taxonomy import load_registries
from test_build import NOW, SAMPLE, files

REGISTRIES = load_registries(None)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site, ignore=shutil.ignore_patterns(".cache", "output", ".lamtheobac.lock"))
    return site


def _other(value):
    """A different value of the same type."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, tuple):
        return value + ("khac.example",)
    return load_registries(None) if value is REGISTRIES else None


def test_every_read_setting_is_in_the_read_fingerprint():
    settings = ReadSettings.of(SiteConfig(), REGISTRIES)
    for f in fields(ReadSettings):
        if f.name == "registries":
            changed = replace(settings, registries=replace(REGISTRIES, fingerprint="khac"))
        else:
            changed = replace(settings, **{f.name: _other(getattr(settings, f.name))})
        assert changed.fingerprint != settings.fingerprint, f"{f.name} is not in the read fingerprint"


def test_the_code_that_reads_articles_is_in_the_read_fingerprint():
    """Reading rules change with the code, not only with the version number: every module reading
    depends on is hashed into the fingerprint (a renamed module would silently drop out)."""
    import ast
    from generator import content
    here = Path(content.__file__).parent
    assert all((here / name).is_file() for name in content._READING_MODULES)
    # every module content.py imports, and what they import in turn (module level), but errors.py and
    # yamlreasons.py: they word refusals, and a refused file is never cached
    reading, todo = set(), ["content"]
    while todo:
        name = todo.pop()
        if name in reading or name in ("errors", "yamlreasons") or not (here / f"{name}.py").is_file():
            continue
        reading.add(name)
        tree = ast.parse((here / f"{name}.py").read_text(encoding="utf-8"))
        todo += [node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.level == 1
                 and node.module]
        todo += [alias.name for node in tree.body if isinstance(node, ast.ImportFrom) and node.level == 1
                 and node.module is None for alias in node.names]
    assert {"content", "fields", "markdown", "rescan"} <= reading
    assert {name.removesuffix(".py") for name in content._READING_MODULES} == reading


def test_a_new_read_setting_is_noticed_without_listing_it():
    """A setting added to ReadSettings is part of the fingerprint by being a field."""
    Extended = dataclasses.make_dataclass("Extended", [("quotes", str, "“”")], bases=(ReadSettings,), frozen=True)
    base = ReadSettings.of(SiteConfig(), REGISTRIES)
    one = Extended(*(getattr(base, f.name) for f in fields(ReadSettings)), quotes="“”")
    two = replace(one, quotes="«»")
    assert one.fingerprint != two.fingerprint


def _leaves(config, prefix=""):
    """(path, value, another value) of every setting of a config, sections included; an optional
    section left out is set to its defaults."""
    hints = typing.get_type_hints(type(config))
    for f in fields(config):
        value = getattr(config, f.name)
        if dataclasses.is_dataclass(value):
            yield from _leaves(value, f"{prefix}{f.name}.")
        elif value is None and any(dataclasses.is_dataclass(t) for t in typing.get_args(hints[f.name])):
            section = next(t for t in typing.get_args(hints[f.name]) if dataclasses.is_dataclass(t))
            yield f"{prefix}{f.name}", value, section()
        elif not f.metadata.get("cli"):
            yield f"{prefix}{f.name}", value, _other(value)


def _with(config, path: str, value):
    head, _, rest = path.partition(".")
    if not rest:
        return replace(config, **{head: value})
    return replace(config, **{head: _with(getattr(config, head), rest, value)})


def test_every_config_key_is_in_the_config_fingerprint():
    config = SiteConfig()
    for path, value, other in _leaves(config):
        assert _with(config, path, other).fingerprint() != config.fingerprint(), f"{path} is not noticed"


def test_a_new_config_key_is_noticed_by_the_next_build(sample: Path, monkeypatch):
    """A key added to SiteConfig and used by a template: editing it in site.toml renders again."""
    @dataclass(frozen=True)
    class WithMotto(SiteConfig):
        motto: str = ""
    monkeypatch.setattr("generator.config.SiteConfig", WithMotto)
    (sample / "templates").mkdir()
    (sample / "templates/404.html").write_text("{{ site.motto }}\n", encoding="utf-8")
    toml = sample / "site.toml"
    toml.write_text('motto = "Học Bác"\n' + toml.read_text(encoding="utf-8"), encoding="utf-8")
    builder = Builder(sample)
    assert (builder.build(NOW).output / "404.html").read_text(encoding="utf-8") == "Học Bác\n"
    toml.write_text(toml.read_text(encoding="utf-8").replace("Học Bác", "Làm theo Bác"), encoding="utf-8")
    assert (builder.build(NOW).output / "404.html").read_text(encoding="utf-8") == "Làm theo Bác\n"


def _counting_templates(reads_count: bool):
    """make_templates with one more function, `so_bai()` (the number of articles), declared as
    reading that number or (wrongly) nothing."""
    real = stages_module.make_templates

    def make(config, site, image_sizes, bytecode_dir=None, photos=None, to_come=frozenset()):
        templates = real(config, site, image_sizes, bytecode_dir, photos, to_come)
        count = len(site.articles)
        return Templates(config, templates.assets, templates.data, {
            **templates.functions,
            "so_bai": TemplateFunction(lambda: count, reads=count if reads_count else ())}, bytecode_dir)
    return make


@pytest.mark.parametrize("declared", [True, False])
def test_a_template_function_is_noticed_through_what_it_reads(sample: Path, tmp_path: Path, monkeypatch,
                                                              declared: bool):
    """A page that calls a function is rendered again when what the function declares it reads
    changes; declared as reading nothing, the page goes stale (which shows the test can fail)."""
    monkeypatch.setattr(stages_module, "make_templates", _counting_templates(declared))
    (sample / "templates").mkdir()
    (sample / "templates/404.html").write_text("{{ so_bai() }} bài\n", encoding="utf-8")
    builder = Builder(sample)
    before = (builder.build(NOW).output / "404.html").read_text(encoding="utf-8")
    (sample / "content/articles/moi.md").write_text(
        '---\ntitle: "Bài mới"\ndate: 2024-05-01\nprovince: Lào Cai\n---\n\nNội dung.\n', encoding="utf-8")
    after = (builder.build(NOW).output / "404.html").read_text(encoding="utf-8")
    cold = tmp_path / "cold"
    shutil.copytree(sample, cold, ignore=shutil.ignore_patterns(".cache", "output", ".lamtheobac.lock"))
    fresh = (build(cold, now=NOW).output / "404.html").read_text(encoding="utf-8")
    assert fresh != before
    assert (after == fresh) is declared


def test_a_function_global_must_declare_what_it_reads():
    config = load_config(SAMPLE)
    with pytest.raises(TypeError, match="so_bai"):
        Templates(config, {}, {"so_bai": lambda: 3})


def test_page_signatures_cover_templates_context_and_bodies(sample: Path, tmp_path: Path):
    """Every kind of change the cache must notice, from one warm build, in one test each way:
    the output equals a cold build's (more kinds in test_build.test_incremental_build_equals_cold_build)."""
    builder = Builder(sample)
    builder.build(NOW)
    page = sample / "content/pages/gioi-thieu.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Giới thiệu", "Về chúng tôi", 1), encoding="utf-8")
    builder.build(NOW)
    cold = tmp_path / "cold"
    shutil.copytree(sample, cold, ignore=shutil.ignore_patterns(".cache", "output", ".lamtheobac.lock"))
    assert files(sample / "output") == files(build(cold, now=NOW).output)


# --- digests: the short ways must give what the plain definitions give --------------------------

def _reference_digest(*parts) -> str:
    import hashlib
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@pytest.mark.parametrize("parts", [(), ("",), ("a", "b"), ("a\x00b",), ("Lâm Đồng", "\ud800"), (b"raw", "text"),
                                   ("text", b"\xff\x00", "")])
def test_digest_is_each_part_followed_by_a_zero_byte(parts):
    from generator.incremental import digest
    assert digest(*parts) == _reference_digest(*parts)


def test_value_digest_tokens_by_content_and_articles_by_what_they_show():
    from markupsafe import Markup

    from generator.incremental import value_digest

    @dataclass(frozen=True)
    class Unit:
        name: str
        codes: tuple

    unit = Unit("Lâm Đồng", (1, 2))
    context = {"unit": unit, "pager": {"pages": [(1, "trang/1/", 0), (0, "", 0)], "next": None},
               "shown": {Markup("<b>x</b>"), 3}, "same": [unit, unit], "text": Markup("<i>y</i>")}
    token = value_digest(context, {})
    assert token == value_digest({**context}, {})  # by content, not identity
    assert len(token) == 32
    changed = {**context, "pager": {"pages": [(1, "trang/1/", 0), (0, "", 1)], "next": None}}
    assert value_digest(changed, {}) != token
    # a tuple of plain values (a pager's page numbers) by its repr, made in C: not a call an item
    assert value_digest(("x", 1, None, 2.5, True), {}) == "('x', 1, None, 2.5, True)"
    assert value_digest([(1, "trang/1/", 0)], {}) != value_digest([(1, "trang/1/", 1)], {})
    assert value_digest(Markup("<b>"), {}) == repr(Markup("<b>"))  # text subclasses by their repr
    memo: dict = {}
    first, second = [unit], [unit, "a"]  # alive while the memo is: it knows values by their id
    assert value_digest(first, memo) == "[Unit('Lâm Đồng',(1, 2))]"
    assert memo[id(unit)] == "Unit('Lâm Đồng',(1, 2))"  # kept, so another page's list reuses it
    memo[id(unit)] = "seen"
    assert value_digest(second, memo) == "[seen,'a']"


def test_a_page_context_token_is_by_content_and_names_each_value():
    """signatures hash context_token: the context's dict token, its own lists written in place."""
    from generator.incremental.digests import context_token
    memo: dict = {}
    items = (object(),)
    memo[id(items[0])] = "A" * 32
    context = {"items": items, "pager": {"pages": [(1, "trang/1/", 0)]}, "page_url": "tinh/x/", "n": 2}
    token = context_token(context, memo)
    assert token.startswith("{'items':[" + "A" * 32 + "],'pager':")
    assert token.endswith(",'page_url':'tinh/x/','n':2}")
    assert context_token({**context}, memo) == token
    for key, value in (("page_url", "tinh/y/"), ("n", 3), ("pager", {"pages": [(1, "trang/1/", 1)]}),
                       ("items", ())):
        assert context_token({**context, key: value}, memo) != token, key


def test_article_key_is_the_digest_of_the_fingerprint_and_the_bytes():
    from generator.incremental import article_key, digest
    for fingerprint, raw in (("abc", b"x" * 10_000), ("", b""), ("Lâm Đồng", b"\xff\x00---")):
        assert article_key(raw, fingerprint) == digest(fingerprint, raw) == _reference_digest(fingerprint, raw)


def test_article_token_is_the_digest_of_every_shown_field_repr():
    """article_token makes each registry entry's repr once (provinces and directives recur in
    every article), keeping a bounded number of them; the token is still the digest of the repr
    of every field but the body, for none, one or several entries, equal entries, and a tuple of
    tags."""
    from datetime import datetime, timedelta, timezone
    from generator.content import Article
    from generator.incremental.digests import _SHOWN, article_token, digest
    provinces, directives = list(REGISTRIES.provinces)[:3], list(REGISTRIES.directives)[:2]
    when = datetime(2024, 5, 19, 7, 30, tzinfo=timezone(timedelta(hours=7)))
    base = Article("a.md", "a", "Bác", when, None, "tóm tắt", "", "<p>x</p>", (), (), ("chủ đề", "khác"), "",
                   None, None, False)
    cases = [base, replace(base, provinces=(provinces[0],)), replace(base, provinces=tuple(provinces)),
             replace(base, provinces=(provinces[1], provinces[1]), directives=tuple(directives)),
             replace(base, directives=(replace(directives[0]),)), replace(base, tags=("một",))]
    for article in cases * 2:  # the second time from the entries' reprs made the first
        assert article_token(article) == digest(*(repr(getattr(article, name)) for name in _SHOWN))
    assert len({article_token(a) for a in cases}) == len(cases)
    from generator.incremental import digests  # the reprs kept stay few, and the tokens the same
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(digests, "_ENTRY_REPRS_MAX", 2)
        patch.setattr(digests, "_ENTRY_REPRS", {})
        for article in cases:
            assert article_token(article) == digest(*(repr(getattr(article, name)) for name in _SHOWN))
            assert len(digests._ENTRY_REPRS) <= 2
