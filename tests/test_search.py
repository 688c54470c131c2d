"""Search: folding rules (Python and their JavaScript twin), the index, and ranking.

The JavaScript side (themes/default/static/search.js) runs under node through
tests/js/search_harness.js on the same cases; without node these tests skip
locally but must run in CI.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from generator.build import build
from generator.search import Names, fold, index_entry, tokenize, tone_key
from generator.search.index import LEAD, SEP, TERM, TITLE
from generator.search.text import has_diacritics, html_to_text, squeeze
from generator.taxonomy import load_registries
from generator.vietnamese import fold as vi_fold
from generator.vietnamese import term_key

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "search_site"
SCRIPT = ROOT / "themes" / "default" / "static" / "search.js"
HARNESS = ROOT / "tests" / "js" / "search_harness.js"
NODE = shutil.which("node")

CASES = [
    "Bác", "bạc", "BẮC", "bậc", "khoá", "khóa", "KHOÁ", "hoà", "hòa", "thuỷ", "thủy", "Đắk Nông", "đắk nông",
    "\u00d0ắk", "\u00f0ồng", "Ðảng", unicodedata.normalize("NFD", "Lào Cai"), unicodedata.normalize("NFD", "Đắk Lắk"),
    "05-CT/TW", "05-CT/TƯ", "Chỉ thị số 05-CT/TW", "08-QĐi/TW", "TP.HCM", "làm theo Bác", "lam theo bac",
    "Nghị quyết Trung ương 4 (khóa XII)", "41.004/43.519", "COVID-19", "ơ ư ă â ê ô", "Ứng Hoà", "quý quí",
    "“Học tập và làm theo”", "a_b", "Việt Nam 2025", "x\u0301y\u0323",
]

node_only = pytest.mark.skipif(NODE is None and os.environ.get("CI") != "true",
                               reason="node is not installed (required in CI)")


def run_node(request: dict):
    request = {"script": str(SCRIPT), **request}
    done = subprocess.run([NODE or "node", str(HARNESS)], input=json.dumps(request), capture_output=True,
                          text=True, check=True, timeout=60)
    return json.loads(done.stdout)


# ---- folding rules, Python side ----

@pytest.mark.parametrize("a, b", [("Bác", "bạc"), ("BẮC", "bac"), ("khoá", "khóa"), ("Đắk", "dak"),
                                  ("\u00d0ắk", "Đắk"), (unicodedata.normalize("NFD", "Lào"), "lao")])
def test_fold_ignores_diacritics_case_and_d(a, b):
    assert fold(a) == fold(b)


def test_fold_matches_the_site_rule_on_vietnamese():
    for case in CASES:
        for token in tokenize(case):
            assert fold(token) == vi_fold(token), token


def test_tone_key_is_tone_style_insensitive_but_keeps_the_spelling():
    assert tone_key("khoá") == tone_key("khóa") == tone_key("KHOÁ") == "khoa4"
    assert tone_key("hoà") == tone_key("hòa")
    assert tone_key("thuỷ") == tone_key("thủy")
    assert tone_key("Bác") == "bac4" and tone_key("bạc") == "bac5"
    assert tone_key("bắc") != tone_key("bác")            # ă is a different letter, same fold
    assert tone_key("\u00d0ảng") == tone_key("Đảng") == tone_key(unicodedata.normalize("NFD", "Đảng"))


def test_tone_key_agrees_with_term_key_on_syllables():
    for case in CASES:
        for token in tokenize(case):
            if token.isalpha():
                assert tone_key(token) == term_key(token), token


def test_diacritics_flag():
    assert has_diacritics("Bác") and has_diacritics("đi") and has_diacritics("ư")
    assert not has_diacritics("bac") and not has_diacritics("05") and not has_diacritics("TW")


def test_tokens_split_symbols_and_accept_nfd():
    assert tokenize("05-CT/TW") == ["05", "CT", "TW"]
    assert tokenize(unicodedata.normalize("NFD", "Lào Cai")) == ["Lào", "Cai"]
    assert tokenize("a_b “c”") == ["a", "b", "c"]


def test_html_to_text_keeps_words_apart():
    assert squeeze(html_to_text("<p>Làm theo</p><p>Bác&nbsp;Hồ &amp; dân</p>")) == "Làm theo Bác Hồ & dân"


# ---- names: provinces and directives ----

@pytest.fixture(scope="module")
def names():
    return Names.from_registries(load_registries(None))


@pytest.mark.parametrize("text, key", [
    ("05-CT/TW", "~d:05-ct-tw"), ("05-CT/TƯ", "~d:05-ct-tw"), ("chỉ thị 05", "~d:05-ct-tw"),
    ("Chỉ thị số 05-CT/TW", "~d:05-ct-tw"), ("chi thi so 05", "~d:05-ct-tw"), ("Chỉ thị 05/CT-TW", "~d:05-ct-tw"),
    ("Đắk Nông", "~p:dak-nong"), ("Đắc Nông", "~p:dak-nong"), ("dak nong", "~p:dak-nong"),
    ("Hoà Bình", "~p:hoa-binh"), ("TP.HCM", "~p:tp-ho-chi-minh"), ("Lào Cai", "~p:lao-cai"),
])
def test_names_map_every_spelling_to_one_key(names, text, key):
    assert names.find([fold(t) for t in tokenize(text)]) == [key]


def test_names_longest_match_and_no_false_province(names):
    folded = [fold(t) for t in tokenize("Chỉ thị số 05-CT/TW của tỉnh Lai Châu, tư tưởng Hồ Chí Minh")]
    assert names.find(folded) == ["~d:05-ct-tw", "~p:lai-chau"]


# ---- entries ----

def site_copy(tmp: Path) -> Path:
    """The fixture site in a temporary folder: builds leave their cache and lock beside the site."""
    root = tmp / "site"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(".cache", "output", ".lamtheobac.lock"))
    return root


def test_entry_is_pure_and_flags_fields(tmp_path):
    root = site_copy(tmp_path)
    site = build(root, output=str(tmp_path / "out")).site
    names = Names.from_registries(load_registries(None))
    article = next(a for a in site.articles if "Lào Cai" in a.title)
    full = article
    if not full.body:  # the build keeps bodies in its cache
        from generator.cache import CACHE_DIR, BodyStore
        full = BodyStore(root / CACHE_DIR).with_body(article)
    first = index_entry(full, site.tags_of[article.slug], names, "bai-viet/x/")
    again = index_entry(full, site.tags_of[article.slug], names, "bai-viet/x/")
    assert first == again
    values = dict(zip(first.keys, first.values))
    assert values["~p:lao-cai"] & TERM and values["~p:lao-cai"] & TITLE
    assert values["~d:06-ct-tw"] & TERM
    assert values["lao" + SEP + "lao1"] & TITLE
    assert values["lam theo"] >> 3 >= 1               # bigram
    assert any(k.startswith("cai" + SEP) and v & LEAD for k, v in values.items())
    record = json.loads(first.record)
    assert record["w"].startswith("Thứ ") and re.match(r"\d{4}-\d{2}-\d{2}$", record["d"])
    assert record["p"] == ["Lào Cai"]


def test_index_files_and_manifest(tmp_path):
    out = tmp_path / "out"
    build(site_copy(tmp_path), output=str(out))
    data = out / "tim-kiem" / "du-lieu"
    manifest = json.loads((data / "index.json").read_text(encoding="utf-8"))
    assert manifest["count"] == 6 and manifest["idBytes"] == 2
    assert manifest["shards"] == sorted(manifest["shards"], key=lambda k: k.encode("utf-16-be"))
    assert all((data / "s" / f"{i}.bin").is_file() for i in range(len(manifest["shards"])))
    assert all((data / "d" / f"{i}.json").is_file() for i in range(6))
    assert ["05 ct tu", "~d:05-ct-tw"] in manifest["names"]
    page = (out / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="/assets/search\.[0-9a-f]+\.js" defer></script>', page)
    assert "<noscript>" in page and 'aria-live="polite"' in page and '<label for="q">' in page
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "<script" not in home.replace('<script type="application/ld+json">', "")
    assert 'action="/tim-kiem/"' in home and 'name="q"' in home


# ---- the JavaScript twin ----

@node_only
def test_js_folding_is_identical_to_python():
    tokens = sorted({t for case in CASES for t in tokenize(case)})
    inputs = CASES + tokens
    for text, js in zip(inputs, run_node({"op": "text", "cases": inputs})):
        assert js["tokens"] == tokenize(text), text
        assert js["fold"] == fold(text), text
        assert js["toneKey"] == tone_key(text), text
        assert js["diacritics"] == has_diacritics(text), text


@node_only
def test_js_token_characters_match_python():
    """Letters and digits decide tokens on both sides: Latin, Vietnamese and nearby blocks agree."""
    assigned = {cp for cp in range(0x2000) if unicodedata.category(chr(cp)) != "Cn"}  # node may know newer ones
    js = set(run_node({"op": "classes", "from": 0, "to": 0x2000})) & assigned
    py = {cp for cp in assigned if re.fullmatch(r"[^\W_]", chr(cp))}
    assert js == py


# ---- ranking (search.js over the fixture's index) ----

@pytest.fixture(scope="module")
def fixture_index(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("search")
    out = tmp / "out"
    build(site_copy(tmp), output=str(out))
    return out / "tim-kiem" / "du-lieu"


def search(data: Path, *queries, **filters):
    return run_node({"op": "search", "dir": str(data),
                     "queries": [{"q": q, "filters": filters} for q in queries]})


@node_only
def test_queries_with_or_without_diacritics_find_the_same(fixture_index):
    a, b, c = search(fixture_index, "làm theo Bác", "lam theo bac", "LÀM THEO BÁC")
    assert a["total"] == b["total"] == c["total"] > 0
    assert a["titles"][0] == b["titles"][0] == \
        "Đảng bộ Khối các cơ quan tỉnh: Phát huy cách làm hiệu quả trong học tập, làm theo Bác"


@node_only
def test_exact_diacritics_rank_first(fixture_index):
    bac, bac_dot = search(fixture_index, "Bác", "bạc")
    assert bac["titles"][0] != "Trả lại tiền bạc cho người đánh rơi"
    assert bac_dot["titles"][0] == "Trả lại tiền bạc cho người đánh rơi"
    assert bac["total"] == bac_dot["total"]          # both spellings still match


@node_only
def test_tone_styles_match_exactly(fixture_index):
    old, new = search(fixture_index, "khoá học", "khóa học")
    assert old["ids"] == new["ids"]


@node_only
def test_directive_symbols_as_written(fixture_index):
    results = search(fixture_index, "05-CT/TW", "05-CT/TƯ", "chỉ thị 05", "Chỉ thị số 05-CT/TW")
    first = "Hiệu quả qua 2 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"
    assert all(r["titles"][0] == first for r in results)
    assert len({tuple(r["ids"]) for r in results}) == 1


@node_only
def test_province_variants_and_filter(fixture_index):
    for q in ("Đắk Nông", "dak nong", "Đắc Nông", "Đăk Nông"):
        (r,) = search(fixture_index, q)
        assert r["total"] == 2 and "Nhân rộng các mô hình điển hình làm theo lời Bác" in r["titles"]
    (r,) = search(fixture_index, "làm theo Bác", province="lai-chau")
    assert r["titles"] == ["Phát huy vai trò nêu gương của cán bộ, đảng viên tại Lai Châu"]
    (r,) = search(fixture_index, "", province="dak-nong", year="2021")
    assert r["titles"] == ["Nhân rộng các mô hình điển hình làm theo lời Bác"]


@node_only
def test_quoted_phrase_is_a_phrase(fixture_index):
    phrase, words = search(fixture_index, "\"làm theo lời Bác\"", "làm theo lời Bác")
    assert phrase["titles"][0] == "Nhân rộng các mô hình điển hình làm theo lời Bác"
    assert phrase["total"] < words["total"]
    (none,) = search(fixture_index, "“Bác theo làm”")
    assert none["total"] == 0


@node_only
def test_all_words_closer_together_rank_higher(fixture_index):
    (r,) = search(fixture_index, "tấm gương đạo đức")
    assert r["titles"][0].startswith("Đảng bộ Khối các cơ quan tỉnh Lào Cai")


@node_only
def test_snippet_marks_matched_words(fixture_index):
    (r,) = search(fixture_index, "dak nong")
    marked = [text for snippet in r["snippets"] for text, hit in snippet if hit]
    assert "Đắc" in marked or "Đắk" in marked
