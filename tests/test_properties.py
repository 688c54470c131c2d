"""Property tests: any input either works or fails with the project's own located error.

Never a KeyError, TypeError, OverflowError … from deep inside: an editor must always get
``path:line: message``.
"""
from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from generator.config import SiteConfig
from generator.content import ReadSettings, errors_of, read_article
from generator.fields import ARTICLE_FIELDS, IMAGE_FIELDS, SLUG, SOURCE_FIELDS
from generator.errors import ContentError, OutputError, SiteError
from generator.frontmatter import decode, split
from generator.pages import Links, to_file
from generator.taxonomy import load_registries
from generator.vietnamese import fold, normalize, slugify, sort_key, term_key
from generator.write import safe_relative

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REGISTRIES = load_registries(None)
READING = ReadSettings(REGISTRIES, "/", (), "cmark-gfm", "UTC", 200)
PATH = "content/articles/thu.md"

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
TONES = "\u0300\u0301\u0303\u0309\u0323"
viet_text = st.text(alphabet=st.sampled_from(list(VIETNAMESE + TONES + " -–")), max_size=30).map(normalize)
any_text = st.text(max_size=60)

# YAML values of every shape an editor might write by mistake
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), any_text,
                    st.sampled_from(["2021-05-20", "2021-02-30", "2021-05-20T10:00:00+07:00", "9999-12-31T23:59:59-12:00",
                                     "0001-01-01T00:00:00+14:00", "Hà Nội", "05-CT/TW", "../x", "javascript:x",
                                     "https://example.org/a b", "/images/%2e%2e/x"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(st.sampled_from(
                                                            SOURCE_FIELDS + IMAGE_FIELDS + ("x",)), inner, max_size=3)),
                      max_leaves=6)
front_matter = st.dictionaries(st.one_of(st.sampled_from(ARTICLE_FIELDS), st.text(min_size=1, max_size=8)),
                               values, max_size=8)


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def assert_located(error: SiteError, path: str = PATH) -> None:
    assert isinstance(error, SiteError)
    assert error.path == path
    assert isinstance(error.line, int) and error.line >= 1
    assert error.message and str(error).startswith(f"{path}:{error.line}: ")


def read_bytes(folder: Path, raw: bytes):
    file = folder / "thu.md"
    file.write_bytes(raw)
    try:
        return read_article(file, PATH, READING)
    except ContentError as exc:
        for error in errors_of(exc):
            assert_located(error)
        return None


# front matter ------------------------------------------------------------------------------

@SETTINGS
@given(st.binary(max_size=300))
@example(b"\xef\xbb\xbf---\r\ntitle: a\r\n---\r\n")
@example(b"---\n\x00")
@example(b"---\ntitle: \xff\n---\n")
def test_any_bytes_decode_and_split_or_fail_located(raw):
    try:
        text = decode(raw, PATH)
        assert unicodedata.is_normalized("NFC", text) and "\r" not in text
        source = split(text, PATH)
        assert isinstance(source.meta, dict) and isinstance(source.body, str)
    except ContentError as exc:
        assert_located(exc)


@SETTINGS
@given(any_text)
@example("---\n---\n")
@example("---\ntitle: [\n---\n")
@example("---\n? [a]\n: b\n---\n")
@example("---\na: &x [*x]\n---\n")
@example("---\n- a\n- b\n---\n")
@example("---\ntitle: !!python/object/apply:os.system ['true']\n---\n")
@example('---\ntitle: "\\ud800"\n---\n')
@example("---\ntitle: a\n...\nbody")
def test_any_text_after_an_opening_line_splits_or_fails_located(text):
    try:
        split(normalize("---\n" + text if not text.startswith("---") else text), PATH)
    except ContentError as exc:
        assert_located(exc)


@SETTINGS
@given(front_matter, any_text)
@example({"title": "a", "date": "9999-12-31T23:59:59-12:00"}, "")
@example({"title": "a", "date": "2021-01-01", "source": {"name": "x", "url": "https://a.vn/\" onclick=\"x"}}, "")
@example({"title": "\x0b\x01", "date": "2021-01-01", "tags": [["a"], {"b": 1}, None, 3]}, "x")
@example({1: 2, None: 3, "title": "a", "date": "2021-01-01"}, "")
def test_any_front_matter_reads_or_fails_located(folder, meta, body):
    try:
        dumped = yaml.safe_dump(meta, allow_unicode=True)
    except yaml.YAMLError:
        assume(False)
    article = read_bytes(folder, f"---\n{dumped}---\n\n{body}\n".encode("utf-8"))
    if article is not None:
        assert article.title and SLUG.match(article.slug)
        assert article.date.tzinfo is not None
        assert isinstance(article.body, str)
        for text in (article.title, article.summary, article.author, *article.tags):
            assert unicodedata.is_normalized("NFC", text)
            assert not any(ord(c) < 32 and c not in "\t\n" for c in text)


@SETTINGS
@given(st.lists(st.sampled_from(["---", "title: a", "date: 2021-05-20", "  date: x", "\tx: 1", "tags: [a",
                                 '"', "'", ":", "- a", "slug: a/b", "province: Hà Nội", "image:", "  src: ../x",
                                 "source: {name: a}", "\ufeff", "\r", "", "#", "...", "title: b", "draft: có"]),
                max_size=12))
def test_line_soup_reads_or_fails_located(folder, lines):
    read_bytes(folder, "\n".join(lines).encode("utf-8"))


# slugs and URLs ----------------------------------------------------------------------------

@SETTINGS
@given(any_text)
@example("Đắk Lắk")
@example("../../etc/passwd")
@example("%2e%2e%2f")
@example("ǅ ß ﬁ İ")
def test_slugs_are_ascii_and_safe(text):
    slug = slugify(text)
    assert slug == "" or SLUG.match(slug)
    assert slugify(unicodedata.normalize("NFD", text)) == slug
    assert slugify(slug) == slug


@SETTINGS
@given(any_text)
def test_urls_from_slugs_stay_inside_the_output(text):
    slug = slugify(text)
    assume(slug)
    links = Links(SiteConfig())
    for kind in ("province", "directive", "tag"):
        path = to_file(links.term(kind, slug))
        assert safe_relative(path).as_posix() == path
    assert safe_relative(to_file(SiteConfig().urls.article.format(slug=slug)))


@SETTINGS
@given(any_text)
@example("../x")
@example("a/../../b")
@example("/abs")
@example("a\\b")
def test_safe_relative_never_lets_a_path_out(path):
    try:
        pure = safe_relative(path)
    except OutputError:
        return
    assert not pure.is_absolute() and ".." not in pure.parts
    assert (Path("/out") / pure).resolve().is_relative_to(Path("/out"))


# Vietnamese text ---------------------------------------------------------------------------

@SETTINGS
@given(any_text)
def test_normalize_is_nfc_and_idempotent(text):
    once = normalize(text)
    assert unicodedata.is_normalized("NFC", once)
    assert normalize(once) == once
    assert normalize(unicodedata.normalize("NFD", text)) == once


@SETTINGS
@given(any_text)
def test_vietnamese_functions_never_fail_and_ignore_nfd(text):
    nfd = unicodedata.normalize("NFD", text)
    assert term_key(nfd) == term_key(text)
    assert fold(nfd) == fold(text)
    assert sort_key(nfd) == sort_key(text)
    assert isinstance(sort_key(text), tuple)


@SETTINGS
@given(viet_text)
@example("Hoà Bình")
@example("khoá XII")
@example("Bà Rịa – Vũng Tàu")
def test_vietnamese_folding(text):
    folded = fold(text)
    assert folded.replace("–", "").isascii()  # Vietnamese letters fold to a-z
    assert "đ" not in folded and not any(unicodedata.combining(c) for c in folded)
    assert fold(folded) == folded
    assert term_key(text.upper()) == term_key(text.lower()) == term_key(text)
    assert slugify(text) == slugify(folded)


@SETTINGS
@given(st.lists(viet_text, max_size=8))
def test_sort_key_is_a_consistent_order(items):
    keys = [sort_key(x) for x in sorted(items, key=sort_key)]
    assert keys == [sort_key(x) for x in sorted(reversed(items), key=sort_key)]
    assert all(a <= b for a, b in zip(keys, keys[1:]))


def test_tone_mark_placement_is_one_term():
    assert term_key("Hoà Bình") == term_key("Hòa Bình") == term_key("HOÀ BÌNH")
    assert term_key("khoá XII") == term_key("khóa XII")
    assert term_key("Bà Rịa – Vũng Tàu") == term_key("Bà Rịa-Vũng Tàu")
    assert sort_key("an") < sort_key("ăn") < sort_key("ân") < sort_key("bà") < sort_key("đa") < sort_key("e")


# the importer's cleaning, read back by the build -------------------------------------------

importer = pytest.importorskip("generator.importer")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from([".txt", ".html"]))
@example("Tiêu đề bài\n\nThứ Hai, 19/09/2016 | 16:27\n\nĐoạn một của bài viết.\n", ".txt")
@example("<h1>Tiêu đề</h1><p>Nội dung <script>alert(1)</script></p>", ".html")
def test_importer_output_is_read_by_the_build_or_refused_cleanly(folder, text, suffix):
    try:
        converted = importer.convert(text.encode("utf-8"), suffix, REGISTRIES, "/images/", "raw" + suffix)
    except ContentError as exc:
        assert exc.path == "raw" + suffix
        return
    article = read_bytes(folder, converted.text.encode("utf-8"))
    if article is not None:
        assert SLUG.match(article.slug) and article.title
