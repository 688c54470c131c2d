"""Search: folding rules and key hashes (Python and their JavaScript twin), the index, and how
search.js answers.

The JavaScript side (themes/default/static/search.js) runs under node through
tests/js/search_harness.js, on the fixture site's index and on a generated
corpus; without node these tests skip locally but must run in CI.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import weakref
from pathlib import Path

import numpy as np
import pytest

from generator.build import build
from generator.incremental import Tuning
from generator.search import Names, assemble, fold, tokenize, tone_key, twins
from generator.search.entries import (LEAD, MAX_TF, PAIR, TERM, TITLE, WORD, Doc, oldest_first, part_postings,
                                      reference_entry)
from generator.search.format import FORMAT, GROUP, encode_lists, read_list, read_shard, read_varint, varint, varints
from generator.search.maker import Maker, part_widths
from generator.search.text import (P, TONE_STEP, has_diacritics, html_blocks, html_to_text, key_hash, mix,
                                   prefix_code, sentences, squeeze)
from generator.search.vocab import SEP, Table, Vocab, batch_text
from generator.taxonomy import load_registries
from generator.vietnamese import fold as vi_fold
from generator.vietnamese import sort_key as vi_sort_key
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
    "“Học tập và làm theo”", "a_b", "Việt Nam 2025", "x\u0301y\u0323", "~p:dak-nong", "lam theo", "Σίσυφος",
    "\U0001F600 emoji", "ǅem",
]

LAO_CAI = "Đảng bộ Khối các cơ quan tỉnh Lào Cai sau 4 năm thực hiện Cuộc vận động “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”"
PHAT_HUY = "Đảng bộ Khối các cơ quan tỉnh: Phát huy cách làm hiệu quả trong học tập, làm theo Bác"
CHI_THI_05 = "Hiệu quả qua 2 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị"
NHAN_RONG = "Nhân rộng các mô hình điển hình làm theo lời Bác"
LAI_CHAU = "Phát huy vai trò nêu gương của cán bộ, đảng viên tại Lai Châu"
TIEN_BAC = "Trả lại tiền bạc cho người đánh rơi"
LAM_DONG = "Lâm Đồng nêu cao đạo đức công vụ, làm theo Bác"
BAC_BINH = "Bắc Bình, Lâm Đồng tổng kết phong trào thi đua"
O_LAM_DONG = "Học tập và làm theo Bác ở Lâm Đồng"  # the same article as the next, but for the province
O_LAO_CAI = "Học tập và làm theo Bác ở Lào Cai"   # … and one day newer

node_only = pytest.mark.skipif(NODE is None and os.environ.get("CI") != "true",
                               reason="node is not installed (required in CI)")


def run_node(request: dict):
    request = {"script": str(SCRIPT), **request}
    done = subprocess.run([NODE or "node", str(HARNESS)], input=json.dumps(request), capture_output=True,
                          text=True, check=True, timeout=120)
    return json.loads(done.stdout)


# ---- folding rules and key hashes, Python side ----

@pytest.mark.parametrize("a, b", [("Bác", "bạc"), ("BẮC", "bac"), ("khoá", "khóa"), ("Đắk", "dak"),
                                  ("\u00d0ắk", "Đắk"), (unicodedata.normalize("NFD", "Lào"), "lao")])
def test_fold_ignores_diacritics_case_and_d(a, b):
    assert fold(a) == fold(b)


def test_fold_matches_the_site_rule_on_vietnamese():
    for case in CASES[:35]:
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
    for case in CASES[:35]:
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


def test_key_hash_is_a_polynomial_over_utf16_units():
    """Two strings' hash is that of their concatenation: how the build hashes pairs and names."""
    a, b = "lam", "theo"
    p = 0x9E3779B97F4A7C15
    assert key_hash(a + " " + b) == (key_hash(a) + 32 * pow(p, 3, 1 << 64) + key_hash(b) * pow(p, 4, 1 << 64)) % (1 << 64)
    assert key_hash("") == 0 and key_hash("\U0001F600") != key_hash("\U0001F601")
    assert prefix_code("lam theo") == ord("l") << 32 | ord("a") << 16 | ord("m")
    assert prefix_code("a") == ord("a") << 32


# ---- names: provinces and directives ----

@pytest.fixture(scope="module")
def names():
    return Names.from_registries(load_registries(None))


@pytest.mark.parametrize("text, key", [
    ("05-CT/TW", "~d:05-ct-tw"), ("05-CT/TƯ", "~d:05-ct-tw"), ("chỉ thị 05", "~d:05-ct-tw"),
    ("Chỉ thị số 05-CT/TW", "~d:05-ct-tw"), ("chi thi so 05", "~d:05-ct-tw"), ("Chỉ thị 05/CT-TW", "~d:05-ct-tw"),
    ("Đắk Nông", "~p:dak-nong"), ("Đắc Nông", "~p:dak-nong"), ("dak nong", "~p:dak-nong"),
    ("Hoà Bình", "~p:hoa-binh"), ("TP.HCM", "~p:tp-ho-chi-minh"), ("Lào Cai", "~p:lao-cai"),
    ("chỉ thị 5", "~d:05-ct-tw"), ("CT 05", "~d:05-ct-tw"), ("5-CT/TW", "~d:05-ct-tw"), ("Kết luận 1", "~d:01-kl-tw"),
    ("05-CT", "~d:05-ct-tw"), ("01-KL", "~d:01-kl-tw"), ("TT-Huế", "~p:thua-thien-hue"), ("BR-VT", "~p:ba-ria-vung-tau"),
])
def test_names_map_every_spelling_to_one_key(names, text, key):
    assert names.find([fold(t) for t in tokenize(text)]) == [key]


def test_names_longest_match_and_no_false_province(names):
    folded = [fold(t) for t in tokenize("Chỉ thị số 05-CT/TW của tỉnh Lai Châu, tư tưởng Hồ Chí Minh")]
    assert names.find(folded) == ["~d:05-ct-tw", "~p:lai-chau"]


@pytest.mark.parametrize("text, keys", [
    ("chống “tự diễn biến”, “tự chuyển hóa”", []), ("DIỄN BIẾN PHỨC TẠP", []), ("Điện Biên", ["~p:dien-bien"]),
    ("ĐIỆN BIÊN", ["~p:dien-bien"]), ("Dien Bien", ["~p:dien-bien"]), ("Điên Biên", ["~p:dien-bien"]),
    ("vì hòa bình", []), ("tỉnh Hòa Bình", ["~p:hoa-binh"]), ("Hoà Bình", ["~p:hoa-binh"]),
    ("thái bình thịnh trị", []), ("Thái Bình", ["~p:thai-binh"]), ("hoa huệ", []), ("Thừa Thiên Huệ", []),
    ("đắk nông", []), ("Đak Nông", ["~p:dak-nong"]), ("ĐĂK NÔNG", ["~p:dak-nong"]), ("Đắc Nông", ["~p:dak-nong"]),
    ("thành phố Hà Nội", ["~p:ha-noi"]), ("Thành phố Hồ Chí Minh", ["~p:tp-ho-chi-minh"]), ("kontum", []),
    ("ở thành phố Hồ Chí Minh", ["~p:tp-ho-chi-minh"]), ("thành phố Huế", ["~p:thua-thien-hue"]),
    ("thanh hóa", []), ("thành phố hồ chí minh", []),
    ("Kontum", ["~p:kon-tum"]), ("chỉ thị 05 ở Lai Châu", ["~d:05-ct-tw", "~p:lai-chau"]),
])
def test_a_provinces_name_counts_in_text_only_where_written_as_one(names, text, keys):
    """In an article's text a province's name is taken where each token has a capital (as the
    registries write it) and the marks of one of its spellings or fewer; a directive's in any case.
    A query (folded tokens alone) still reads every spelling."""
    written = tokenize(text)
    assert names.find([fold(t) for t in written], written) == keys


def test_provinces_merged_in_2025_are_listed_with_their_unit(names):
    lam_dong = names.merged["lam-dong"]
    assert lam_dong["name"] == "Lâm Đồng"
    assert lam_dong["parts"][0] == ["lam-dong", "Lâm Đồng"]
    assert sorted(p[0] for p in lam_dong["parts"][1:]) == ["binh-thuan", "dak-nong"]
    assert "ha-noi" not in names.merged  # a unit that took in no other province


# ---- entries: the definition, and batches made with numpy ----

def doc(body: str, title: str = "", lead: str = "", terms: tuple = (), when: float = 0.0, slug: str = "a") -> Doc:
    return Doc(body, title, lead, terms, b"{}", (when, slug), slug)


def maker_strings(maker: Maker) -> dict[int, tuple[str, str]]:
    """spelling -> (key, tone) of every list a Maker has met (words, pairs, names)."""
    return {s: t for v in (maker.words, maker.pairs, maker.matcher.vocab) for s, t in zip(v.spelling.tolist(), v.strings)}


def entry_of(d: Doc, names) -> dict:
    return {(p.kind, p.key, p.tone): p.value for p in reference_entry(d, names)}


def test_reference_entry_counts_flags_and_pairs_anywhere(names):
    far = " ".join(f"từ{n}" for n in range(2000))
    d = doc(f"<p>{far} đạo đức công vụ, Lào Cai</p><p>Bác, Bác</p>", title="Lào Cai làm theo Bác",
            lead="nêu gương", terms=("~p:lao-cai",))
    e = entry_of(d, names)
    assert e[(WORD, "bac", "bac4")] == 3 << 3 | TITLE
    assert e[(WORD, "neu", "nêu")] == 1 << 3 | LEAD
    assert e[(WORD, "~p:lao-cai", "")] == 2 << 3 | TITLE | TERM  # in the text twice, and the front matter
    assert e[(PAIR, "lam theo", "")] == TITLE
    assert e[(PAIR, "cong vu", "")] == 0  # a pair after 2,000 words is indexed
    assert (PAIR, "vu lao", "") in e  # pairs within a paragraph, across commas
    assert (PAIR, "cai bac", "") not in e  # not across paragraphs ("… Lào Cai</p><p>Bác …")
    assert (PAIR, "bac neu", "") not in e  # but not across fields
    ends = entry_of(doc("<p>vững mạnh. Đảng; ủy! Ban? Tổ… ta, TP. Hồ 4.0 và 1.000 hộ TP.HCM</p>",
                        title="Bác Hồ! Đảng viên", lead="nêu gương. Đảng"), None)
    for across in ("manh dang", "dang uy", "uy ban", "ban to", "to ta", "ho dang", "guong dang"):
        assert (PAIR, across, "") not in ends, across  # not across a sentence's end
    for within in ("ta tp", "tp ho", "4 0", "1 000", "tp hcm", "dang vien"):
        assert (PAIR, within, "") in ends, within  # a capital's or a digit's full stop, a comma: joined
    many = entry_of(doc("<p>" + "Bác, " * 5000 + "</p>"), None)
    assert many[(WORD, "bac", "bac4")] == MAX_TF << 3


def with_bodies(root: Path, site) -> tuple[list, list[str]]:
    """The built site's articles with their bodies, from the build's body store, and their keys."""
    from generator.incremental import CACHE_DIR, BodyStore, bodied, load_state
    cache = root / CACHE_DIR
    sources = {}
    for state in cache.glob("state-*.pickle"):
        sources.update(load_state(state).sources)
    keys = [sources[a.path].key for a in site.articles]
    bodies = BodyStore(cache).load_many(keys)
    return [bodied(a, k, bodies) for a, k in zip(site.articles, keys)], keys


def needs_kernels() -> None:
    from generator.search import kernels
    if kernels.LIB is None:
        if os.environ.get("CI") == "true":  # CI has a C compiler: pip install must have compiled them
            pytest.fail("the search kernels were not compiled (setup.py)")
        pytest.skip("the search kernels were not compiled (no C compiler at install time)")


@pytest.fixture(params=["compiled", "numpy"])
def kernel(request, monkeypatch):
    """Each batch test runs with the compiled kernels (generator/search/_kernels.c) and without."""
    from generator.search import kernels
    if request.param == "numpy":
        monkeypatch.setattr(kernels, "LIB", None)
    else:
        needs_kernels()
    return request.param


LONG_ASCII = " ".join("ab" * (n // 2) + "c" * (n % 2) for n in (63, 64, 65, 200))
LONG_TONED = " ".join("hoạ" * (n // 3) + "à" * (n % 3) for n in (63, 64, 65, 200))


def test_batched_parts_equal_reference_entries(tmp_path, names, kernel):
    """Maker.part gives each article the postings reference_entry defines, on the fixture's articles
    and on texts that catch the edge cases: names across the edge of one text, overlapping and
    one-token names, counts over 15, texts without tokens, look-alike and decomposed letters,
    letters the tables can't stand for (emoji, Σ, ǅ, İ), two tone marks in one word."""
    root = site_copy(tmp_path)
    site = build(root, output=str(tmp_path / "out")).site
    real, _ = with_bodies(root, site)
    from generator.search.entries import make_doc
    docs = [make_doc(a, f"u/{n}/", tuple(t.name for t in site.tags_of[a.slug]), f"k{n}") for n, a in enumerate(real)]
    edge = ["<p>Đắk Nông và Lào Cai; Chỉ thị số 05-CT/TW, chỉ thị 05 CT/TƯ, Kon Tum, Kontum, TP.HCM</p>",
            "<p>Lào</p>", "<p>Cai, Hà Nội. Thành phố Hồ Chí Minh Hồ Chí Minh</p>", "<p>" + "Bác, bạc " * 3000 + "</p>",
            "<p>— … –</p>", "", "<p>\u00d0ảng \u00f0ồng " + unicodedata.normalize("NFD", "Đắk Lắk khoá hoà") + "</p>",
            "<p>x\U0001F600y Σίσυφος ǅem İstanbul CT05 chỉ thị 5 k\u0301h\u0300oa</p>", "<p>&#769;a &amp; b</p>",
            # tokens of 63 to 200 units (the scan takes powers of P from a table of 64), in one byte and in two;
            # the same in the title, which an emoji leaves to Python: one list for each word, not two
            "<p>" + LONG_ASCII + "</p>", "<p>" + LONG_TONED + " Đắk</p>",
            # a province's name only as one: capitals where the registries write them, their marks or fewer
            "<p>chống tự diễn biến, DIỄN BIẾN ở Điện Biên, Dien Bien; hòa bình ở Hòa Bình, thái bình, hoa huệ, "
            "kontum, Kontum, Đak Nông, thành phố Hà Nội, thành phố Hồ Chí Minh</p>"]
    docs += [doc(body, title=t, lead=l, terms=("~d:05-ct-tw",) if n % 2 else (), when=n, slug=f"e{n}")
             for n, (body, t, l) in enumerate(zip(edge, ["Lào Cai", "Bác", "", "Bác Bác", "—", "Chỉ thị 05", "x",
                                                         "Đắk Lắk", "ǅ", LONG_ASCII + " \U0001F600",
                                                         LONG_TONED + " \U0001F600", "Tự diễn biến ở ĐIỆN BIÊN"],
                                                  ["Hà Nội", "", "Lào Cai Lào Cai", "", "", "tóm tắt", "", "khóa", "",
                                                   "b" * 64, "ạ" * 66, "hòa bình \U0001F600 Hoà Bình"]))]
    for with_names in (names, None):
        maker = Maker(with_names)
        got = {}
        for at in range(0, len(docs), 4):  # several parts share one maker, as in a worker
            part_docs = docs[at:at + 4]
            part = maker.part(part_docs)
            ordered = [part_docs[i] for i in oldest_first(part_docs)]
            strings = maker_strings(maker)
            places = list(zip(part.order_key.tolist(), part.mixed.tolist(), part.spelling.tolist()))
            assert len(set(places)) == len(places)  # one row per list
            assert len({(p[0] >> 48, *strings[p[2]]) for p in places}) == len(places)  # one list per key, spelling
            for d, postings in zip(ordered, part_postings(part, strings)):
                if postings:
                    got[d.key] = postings
        assert got == {d.key: entry_of(d, with_names) for d in docs if entry_of(d, with_names)}


def test_kernels_compiled_from_another_source_are_left_unused(monkeypatch):
    """A checkout updated without installing again keeps a module built from the old _kernels.c:
    its functions may take other arguments, so the numpy way is used instead."""
    needs_kernels()
    from generator.search import _kernels, kernels
    assert kernels._load() is not None
    monkeypatch.setattr(_kernels, "source_digest", "0" * 16)
    assert kernels._load() is None


def _vietnamese_texts(rng, count: int) -> list[str]:
    """Random texts of Vietnamese syllables (some with two tone marks), digits and punctuation."""
    pieces = ["Bác", "bạc", "khoá", "khóa", "Đắk", "Nông", "ười", "05-CT/TW", "2025", "tóàn", "q", "ẩỷ",
              "Lào", "Cai", ",", "—", " ", "  ", "\n", "đồng", "ỦY", "x", "99"]
    return ["".join(rng.choice(pieces, size=rng.integers(0, 60)).tolist()) for _ in range(count)]


def test_compiled_kernels_give_what_numpy_gives():
    """The kernels of _kernels.c against the numpy routines they replace: the scan's tokens (text,
    start, length, spelling hash; two tone marks in a word) and word numbers, the table's
    look-ups, the postings of occurrences, where new hashes first occur, and the pairs' numbers
    and new pairs' codes (twins.glue, then the table). Names: test_batched_parts_equal_reference_entries."""
    from generator.search import entries, kernels
    needs_kernels()
    rng = np.random.default_rng(7)
    maker = Maker(None)
    for _ in range(20):
        texts = _vietnamese_texts(rng, 3 * int(rng.integers(1, 14)))  # bodies, titles and leads
        maker.tokens(texts)  # the scan leaves texts with units not learnt yet to Maker.tokens
        ours, scanned = maker._scanned(texts)
        assert scanned is not None  # no text was left
        known, firsts = scanned
        text = SEP + SEP.join(texts) + SEP
        packed = maker.chars.lookup(np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16))
        theirs = maker._fast(text, packed, [len(t) for t in texts])
        for name in ("seg", "spelling", "length"):
            assert np.array_equal(getattr(ours, name), getattr(theirs, name)), name
        table = maker.words.table.get(ours.spelling)
        old = table >= 0
        assert known[old].tolist() == table[old].tolist()
        # a new word is numbered -2 - j, j in the order the batch first meets it; firsts[j] is that place
        missing = np.flatnonzero(~old)
        expected_firsts = [int(at) for k, at in enumerate(missing.tolist())
                           if ours.spelling[at] not in set(ours.spelling[missing[:k]].tolist())]
        assert len(expected_firsts) > 1 and firsts.tolist() == expected_firsts
        first_of = {int(ours.spelling[at]): j for j, at in enumerate(expected_firsts)}
        assert known[~old].tolist() == [-2 - first_of[h] for h in ours.spelling[~old].tolist()]
        # where and what a word is: only where a new word first occurs (its list is described)
        assert np.array_equal(ours.start[firsts], theirs.start[firsts])
        words = [text[a:a + k] for a, k in zip(ours.start[firsts].tolist(), ours.length[firsts].tolist())]
        assert ours.joined() == text
        assert words == [ours.piece(a, k) for a, k in zip(ours.start[firsts].tolist(), ours.length[firsts].tolist())]
        assert ours.heads[0][firsts].tolist() == [key_hash(fold(w)) for w in words]
        assert ours.heads[1][firsts].tolist() == [prefix_code(fold(w)) for w in words]
        numbers = maker._word_numbers(ours, known.copy(), firsts)  # the words are known from here on
        assert numbers.tolist() == maker.words.table.get(ours.spelling).tolist()
    # Known words are numbered by the scan; in a batch, only the texts holding a unit the tables
    # flag (a surrogate, a text to prepare) go Maker.tokens' way, the others the scan's.
    tokens, scanned = maker._scanned(["Bác Hồ", "", ""])
    maker._word_numbers(tokens, *scanned)
    tokens, (known, firsts) = maker._scanned(["Bác Hồ", "", ""])
    assert known.tolist() == maker.words.table.get(tokens.spelling).tolist() and min(known) >= 0
    assert not len(firsts)
    # A text left to Python after its first new words: they are new to the batch again where the
    # scan next meets them, and described there
    texts = ["<p>Chưa gặp lần nào &eacute;</p>", "Chưa gặp", "gặp chưa", "<p>Chưa</p>", "", ""]
    fresh = Maker(None)
    fresh.chars = maker.chars
    fresh.tokens([html_to_text(texts[0])])  # its units learnt: only the reference leaves the text
    (seg, start, length, *_, numbers), _, firsts, left = kernels.scan(
        texts, entries.FIELDS, fresh.chars.table, P, TONE_STEP, Maker(None).words.table)
    assert left.tolist() == [0] and seg.tolist() == [1, 1, 2, 2, 3]
    assert numbers.tolist() == [-2, -3, -3, -2, -2] and firsts.tolist() == [0, 1]  # (chưa: Chưa's spelling)
    text = batch_text(texts)
    assert [text[a:a + k] for a, k in zip(start[firsts].tolist(), length[firsts].tolist())] == ["Chưa", "gặp"]
    mixed = ["Bác Hồ 05", "x\U0001F600y Σίσυφος ǅem", "", "khoa\u0301 học", "làm theo Bác", "\U0001F600"]
    (ours, known), theirs = maker._scanned(mixed), maker.tokens(mixed)
    assert known is None
    for name in ("seg", "spelling", "length"):
        assert np.array_equal(getattr(ours, name), getattr(theirs, name)), name
    assert ours.seg.tolist().count(0) == 3 and 4 in ours.seg.tolist()
    table = Table(4)
    keys = rng.integers(0, 2**63, 500, dtype=np.int64).astype(np.uint64) * np.uint64(2)
    table.put(keys[:300], np.arange(300, dtype=np.int64))
    probe = np.concatenate((keys, keys[::-1]))
    got = table.get(probe)
    assert got.tolist() == [i if i < 300 else -1 for i in range(500)] + [i if i < 300 else -1 for i in range(499, -1, -1)]
    # the postings of occurrences: counted (min 15) and flagged per list and document, from call
    # to call (the marks stay, the documents' stamps move on)
    marks = [(np.zeros(600, np.int64), np.zeros(600, np.int64)) for _ in range(3)]
    for base in (0, 37):
        seg = np.sort(rng.integers(0, 3 * 37, 5000))
        numbers = rng.integers(0, 50, 5000) if base else rng.integers(0, 3, 5000)  # counts over 15
        same = np.flatnonzero(seg[1:] == seg[:-1])
        pair_numbers = rng.integers(0, 500, len(same))
        pnum = np.full(5000, -2, np.int64)  # per token: the pair it starts (-2: the last of its text)
        pnum[same] = pair_numbers
        words, pairs, names = kernels.post(seg, np.zeros(5000, np.uint8), numbers, np.ones(5000, np.int64), pnum,
                                           np.zeros(50, np.uint64), entries.FIELDS, entries.FIELD_FLAGS, base, marks,
                                           None)
        docs, flags = seg // entries.FIELDS, entries.FIELD_FLAGS[seg % entries.FIELDS]
        as_set = lambda r: sorted(zip(*(a.tolist() for a in r)))  # noqa: E731
        lists, at, counts, flag = twins.count_postings(numbers, docs, flags, None, 37, 50)
        assert as_set(words) == as_set((lists, at, twins.posting_values(counts, flag)))
        lists, at, _, flag = twins.count_postings(pair_numbers, docs[same], flags[same], None, 37, 500)
        assert as_set(pairs) == as_set((lists, at, flag)) and not len(names[0])
    assert twins.seg_bounds([3, 0, 2]).tolist() == [1, 5, 6, 9]
    # where new hashes first occur (Vocab.numbers), and the steps between word numbers and pairs
    vocab = Vocab()
    hashes = rng.integers(0, 40, 3000).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    vocab.numbers(hashes[:100], lambda where: ([0] * len(where), [0] * len(where), [("", "")] * len(where)))
    firsts = []
    for compiled in (True, False):
        with pytest.MonkeyPatch.context() as patch:
            if not compiled:
                patch.setattr(kernels, "LIB", None)
            seen = []
            copy = Vocab()
            copy.table.put(vocab.table.keys[vocab.table.numbers >= 0], vocab.table.numbers[vocab.table.numbers >= 0])
            copy.strings = list(vocab.strings)
            numbers = copy.numbers(hashes, lambda where: seen.append(where.tolist()) or (
                [0] * len(where), [0] * len(where), [("", "")] * len(where)))
            firsts.append((seen, numbers.tolist()))
    assert firsts[0] == firsts[1] and firsts[0][0][0] == sorted(firsts[0][0][0])
    assert sorted(hashes[firsts[0][0][0]].tolist()) == sorted(set(hashes[100:].tolist()) - set(hashes[:100].tolist()))
    seg = np.sort(rng.integers(0, 30, 4000))
    numbers = rng.integers(0, 500, 4000)
    word_fold = rng.integers(0, 2**63, 500).astype(np.uint64)
    word_folded = rng.integers(0, 300, 500)
    table = Table(4)
    some = (word_folded[:200].astype(np.uint64) << np.uint64(32)) | word_folded[200:400].astype(np.uint64)
    table.put(np.unique(some), np.arange(len(np.unique(some)), dtype=np.int64))
    brk = (rng.random(4000) < 0.05).astype(np.uint8)  # blocks' edges: no pair across them
    pnum, new, codes = kernels.pairs(seg, brk, numbers, word_folded, table)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kernels, "LIB", None)
        _, _, _, their_same, their_codes, _, _ = twins.glue(seg, brk, numbers, word_fold, word_folded)
        their_known = table.get(their_codes)
    starting = np.flatnonzero(pnum != -2)  # the tokens that start a pair
    assert starting.tolist() == their_same.tolist()
    unknown = their_known < 0  # new pairs: -3 - j, j in the order first met, described where first met
    assert pnum[starting][~unknown].tolist() == their_known[~unknown].tolist()
    first_of = {}
    for code in their_codes[unknown].tolist():
        first_of.setdefault(code, len(first_of))
    assert pnum[starting][unknown].tolist() == [-3 - first_of[c] for c in their_codes[unknown].tolist()]
    assert codes.tolist() == list(first_of)
    assert new.tolist() == [int(their_same[unknown][their_codes[unknown].tolist().index(c)]) for c in first_of]
    assert len(starting) > 3000 and 0 < len(new) < int(unknown.sum())


def test_the_scan_reads_html_as_html_to_text_does():
    """The scan reads a body's HTML where html_to_text would make text of it first: a tag and a
    reference to a character that is no token character separate words; a body holding any other
    reference (a letter, a name it does not know, no semicolon) is left to Python, which decodes
    it. Titles and leads are plain text, whatever they hold."""
    needs_kernels()
    maker = Maker(None)
    scanned = ["<p>Bác <b>Hồ</b></p>", "a<br>b<br/>c", "x < y, a<b và 1 > 0", "<p>không đóng",
               "đ<!-- Bác -->x",
               "<p>1 &lt; 2 &amp;&gt; 3 &quot;Bác&quot;&nbsp;&apos;x&#39;y&#x27;z&#160;w&#X3C;v</p>",
               "& b, a&-b, cuối &", "<a href=\"/?a=1&amp;b=2\">Hà&#32;Nội</a>", "tóm&#xa0;tắt",
               "<p>" + "Bác" * 40 + " " + "x" * 70 + "</p>",  # tokens longer than the scan's table of powers
               # blocks' edges (no pair across them): tags of blocks, in any case, with attributes
               "<p>Hồ Chí Minh.</p><p>Để x</p>", "a<H2 id=\"x\">b</h2>c<li>d<br/>e<hr>f", "<a title='x'>y</a>z<b>w",
               "<pre>p</pre><p-x>q<ph>r< p>s<table><td>t", "e\u2029f đ<blockquote>g",
               # sentences' ends (no pair across them either): ! ? ; … and a full stop after a small letter
               "<p>vững mạnh. Đảng; x! y? z… w, TP. Hồ, Tp. Huế 4.0 1.000 TP.HCM v.v. Ánh.</p>é",
               "mạnh<b>.</b> Đảng &amp;b &nbsp;. c", "a.<br>b c.d E.f"]
    left = ["Vi&#7879;t Nam", "&eacute;", "&AMP;", "a &amp b", "x&#9;y", "&#xD800;", "&ltx;", "&#;", "&#x;",
            "&#12345678;", "a&#0;b", "&#128;", "a&#8233;b", "a&#46; b", "a&#x21;b", "a&#8230;b"]
    for body in scanned + left:
        texts = [body, "a<b>c &amp; d. e", ""]
        plain = [html_blocks(body), *map(sentences, texts[1:])]  # titles and leads end sentences too
        maker.tokens(plain)  # units learnt: only references decide
        found, flagged = kernels_scan(maker, texts)
        assert flagged == ([0] if body in left else []), body
        fresh = Maker(None)  # every word new: the scan says where each first is, and its folded key's hash
        fresh.chars = maker.chars
        ours, scanned = fresh._scanned(texts)
        theirs = maker.tokens(plain)
        for name in ("seg", "spelling", "length", "brk"):
            assert np.array_equal(getattr(ours, name), getattr(theirs, name)), (body, name)
        at = scanned[1] if scanned is not None else np.arange(len(ours.seg))  # (None: a text left to Python)
        words = lambda t: [t.joined()[a:a + k] for a, k in zip(t.start[at].tolist(), t.length[at].tolist())]  # noqa: E731
        assert words(ours) == words(theirs), body
        if ours.heads is not None:
            assert ours.heads[0][at].tolist() == [key_hash(fold(w)) for w in words(ours)]
            assert ours.heads[1][at].tolist() == [prefix_code(fold(w)) for w in words(ours)]
    ours, (_, at) = Maker(None)._scanned(["<p>Bác <b>Hồ</b> Bác</p>", "a<b>c &amp; d", "Hồ a"])
    assert [ours.piece(a, k) for a, k in zip(ours.start[at].tolist(), ours.length[at].tolist())] == [
        "Bác", "Hồ", "a", "b", "c", "amp", "d"]


def kernels_scan(maker: Maker, texts: list[str]):
    from generator.search import entries, kernels
    arrays, _, _, left = kernels.scan(texts, entries.FIELDS, maker.chars.table, P, TONE_STEP,
                                   maker.words.table)
    return arrays, left.tolist()


def test_a_first_part_of_plain_ascii_finds_long_names(names, kernel):
    """A worker's first part may hold only letters its tables know from the start (ASCII): the
    kernel tokenises it at once, and names of several tokens are still hashed token by token."""
    maker = Maker(names)
    docs = [doc("<p>Ba Ria Vung Tau, Thanh pho Ho Chi Minh, Ha Noi, Lao Cai</p>", title="Ba Ria - Vung Tau",
                slug="ascii")]
    part = maker.part(docs)
    strings = maker_strings(maker)
    assert part_postings(part, strings) == [entry_of(docs[0], names)]
    assert {"~p:ba-ria-vung-tau", "~p:tp-ho-chi-minh", "~p:ha-noi"} <= {k for _, k, _ in entry_of(docs[0], names)}


def test_a_part_names_its_lists_by_their_place_in_the_index(names):
    from generator.search.entries import list_order
    maker = Maker(names)
    docs = [doc(f"<p>làm theo Bác {n} Lào Cai ở Hà Nội {10 ** n} ư</p>", when=n % 3, slug=f"s{n}") for n in range(9)]
    part = maker.part(docs)
    strings = maker_strings(maker)
    for order_key, mixed, spelling in zip(part.order_key.tolist(), part.mixed.tolist(), part.spelling.tolist()):
        key = strings[spelling][0]
        assert list_order(order_key >> 48, key, spelling)[:2] == (order_key, mixed)
    assert [d[1] for d in part.orders] == [docs[i].order[1] for i in oldest_first(docs)]


# ---- the index files ----

def site_copy(tmp: Path) -> Path:
    """The fixture site in a temporary folder: builds leave their cache and lock beside the site."""
    root = tmp / "site"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(".cache", "output", ".lamtheobac.lock"))
    return root


def site_with_texts(tmp: Path, texts) -> Path:
    """The index folder of a build of the fixture site with each (slug, text) of texts added at the
    end of that article."""
    root = site_copy(tmp)
    for slug, text in texts:
        article = root / "content" / "articles" / (slug + ".md")
        article.write_text(article.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")
    build(root, output=str(tmp / "out"))
    return tmp / "out" / "tim-kiem" / "du-lieu"


def site_with_article(tmp: Path, name: str, text: str) -> Path:
    """The index folder of a build of the fixture site with one more article (its file's text)."""
    root = site_copy(tmp)
    (root / "content" / "articles" / name).write_text(text, encoding="utf-8")
    build(root, output=str(tmp / "out"))
    return tmp / "out" / "tim-kiem" / "du-lieu"


def files_of(out: Path) -> dict:
    data = out / "tim-kiem" / "du-lieu"
    return {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()}


def manifest_of(data: Path) -> dict:
    return json.loads(gzip.decompress((data / "index.bin").read_bytes()))


def shards_of(data: Path) -> dict:
    manifest = manifest_of(data)
    out = {}
    for i in range(len(manifest["shards"])):
        out.update(read_shard(gzip.decompress((data / "s" / f"{i}.bin").read_bytes())))
    return out


def test_index_files_and_manifest(tmp_path):
    out = tmp_path / "out"
    build(site_copy(tmp_path), output=str(out))
    data = out / "tim-kiem" / "du-lieu"
    manifest = manifest_of(data)
    count = len(list((FIXTURE / "content" / "articles").glob("*.md")))
    assert manifest["count"] == count and manifest["format"] == FORMAT and manifest["group"] == GROUP
    assert manifest["shards"] == sorted(manifest["shards"]) and {len(s) for s in manifest["shards"]} <= {21, 29}
    assert all((data / "s" / f"{i}.bin").is_file() for i in range(len(manifest["shards"])))
    groups = [json.loads(gzip.decompress((data / "r" / f"{g}.bin").read_bytes())) for g in range(-(-count // GROUP))]
    assert [len(g) for g in groups] == [min(GROUP, count - g * GROUP) for g in range(len(groups))]
    assert not (data / "r" / f"{len(groups)}.bin").exists()
    assert ["05 ct tu", "~d:05-ct-tw"] in manifest["names"] and ["ct 5", "~d:05-ct-tw"] in manifest["names"]
    assert ["ct 05 tw", "~d:05-ct-tw"] in manifest["names"]  # "CT05/TW"
    assert manifest["merged"]["lam-dong"]["parts"][0] == ["lam-dong", "Lâm Đồng"]
    assert groups[-1][-1]["t"] == BAC_BINH  # the newest article last
    page = (out / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="/assets/search\.[0-9a-f]+\.js" defer></script>', page)
    assert "<noscript>" in page and 'aria-live="polite"' in page and '<label for="q">' in page
    assert '<details id="search-filters"' in page and 'id="search-approx"' in page
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "/assets/search." not in home  # only the search page loads the search


def test_postings_hold_every_entry_exactly(tmp_path, names):
    """Decoding the shards gives back, for every document, the postings reference_entry defines."""
    root = site_copy(tmp_path)
    site = build(root, output=str(tmp_path / "out")).site
    from generator.pages import Links
    from generator.search.entries import make_doc
    links = Links(site.config)
    expected = {}
    for i, article in enumerate(reversed(with_bodies(root, site)[0])):  # ids: oldest first
        d = make_doc(article, links(article), tuple(t.name for t in site.tags_of[article.slug]))
        for p in reference_entry(d, names):
            expected.setdefault((p.key, p.tone), []).append((i, p.value))
    found = {}
    for key, lists in shards_of(tmp_path / "out" / "tim-kiem" / "du-lieu").items():
        for tone, ids, values in lists:
            found[(key, tone)] = list(zip(ids, values))
    assert found == expected


@pytest.mark.parametrize("seed", range(4))
def test_lists_round_trip_and_pick_the_smaller_form(seed):
    rng = np.random.default_rng(seed)
    lists = []
    for n in (1, 2, 3, 50, 700, 5000):
        span = int(rng.choice([n, n * 3, n * 9, 100_000, 1 << 22]))
        docs = np.sort(rng.choice(max(span, n), size=n, replace=False))
        values = rng.integers(0, 256, n).astype(np.uint8) if rng.random() < 0.7 else np.zeros(n, np.uint8)
        lists.append((docs, values))
    starts = np.cumsum([0] + [len(d) for d, _ in lists])
    encoded = encode_lists(starts, np.concatenate([d for d, _ in lists]), np.concatenate([v for _, v in lists]))
    for (docs, values), data in zip(lists, encoded):
        got_docs, got_values, end = read_list(data, 0)
        assert got_docs == docs.tolist() and got_values == values.tolist() and end == len(data)
        header, _ = read_varint(data, 0)
        gaps = len(varints(np.diff(np.concatenate(([-1], docs))) - 1)[0])
        bitmap = int(docs[-1]) // 8 + 1
        assert len(data) - (len(docs) if header & 2 else 0) <= len(varint(header)) + min(gaps, bitmap + 3)


def test_varints():
    values = np.array([0, 1, 127, 128, 300, 16383, 16384, 2**31 + 5], dtype=np.int64)
    data, lengths = varints(values)
    assert data.tobytes() == b"".join(varint(int(v)) for v in values)
    assert lengths.tolist() == [len(varint(int(v))) for v in values]
    for v in values.tolist():
        assert read_varint(varint(v), 0) == (v, len(varint(v)))


# ---- builds: incremental, cached, made where the bodies are ----

def test_one_changed_article_is_the_only_one_indexed_again(tmp_path, monkeypatch):
    root = site_copy(tmp_path)
    out = tmp_path / "out"
    build(root, output=str(out))
    log = tmp_path / "made.log"
    real = Maker.part

    def counting(self, docs):  # may run in another process (the background index): counted in a file
        with open(log, "a", encoding="utf-8") as handle:
            handle.writelines(d.title + "\n" for d in docs)
        return real(self, docs)

    monkeypatch.setattr(Maker, "part", counting)
    source = next((root / "content" / "articles").glob("nhan-rong-*.md"))
    source.write_text(source.read_text(encoding="utf-8").replace("Thời gian qua,", "Thời gian qua, bảo tàng,"),
                      encoding="utf-8")
    build(root, output=str(out))
    assert log.read_text(encoding="utf-8").splitlines() == [NHAN_RONG]
    assert any(tone == "bao2" for tone, _, _ in shards_of(out / "tim-kiem" / "du-lieu")["bao"])
    assert files_of(out) == _cold_files(root, tmp_path)


def _cold_files(root: Path, tmp: Path) -> dict:
    """The search files of a build of the same content without any cache."""
    cold = tmp / "cold-site"
    shutil.rmtree(cold, ignore_errors=True)
    shutil.copytree(root, cold, ignore=shutil.ignore_patterns(".cache", "output", ".lamtheobac.lock"))
    shutil.rmtree(tmp / "cold-out", ignore_errors=True)
    build(cold, output=str(tmp / "cold-out"))
    return files_of(tmp / "cold-out")


def _edit(source: Path, words: str) -> None:
    source.write_text(source.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


def test_incremental_index_equals_a_cold_one_whatever_changed(tmp_path):
    root = site_copy(tmp_path)
    out = tmp_path / "out"
    build(root, output=str(out))
    articles = sorted((root / "content" / "articles").glob("*.md"))
    steps = [lambda: _edit(articles[0], "Bảo tàng xoè hoa."),
             lambda: (root / "content/articles/moi.md").write_text(  # the newest: its id comes last
                 '---\ntitle: "Bảo tàng mới"\ndate: 2026-01-02\nprovince: Lào Cai\n---\n\nBảo tàng Hồ Chí Minh.\n',
                 encoding="utf-8"),
             lambda: (root / "content/articles/cu.md").write_text(  # an old one: the ids after it move
                 '---\ntitle: "Bài cũ"\ndate: 2001-01-02\n---\n\nNgày xưa, quỳnh hương.\n', encoding="utf-8"),
             lambda: articles[2].unlink(),
             lambda: articles[3].rename(articles[3].with_name("doi-ten.md")),
             lambda: _edit(articles[4], "Lần sửa thứ hai: nêu gương, Đắk Nông.")]
    for step in steps:
        step()
        build(root, output=str(out))
        assert files_of(out) == _cold_files(root, tmp_path)


def test_worker_tags_resolve_tags_as_collect_does():
    """A registered tag's names (aliases, other tone styles) and two equal registered tags count
    once, under the registry's name; free tags once per term key, as written first; a name
    without a slug is left out. What was found is kept between calls."""
    from dataclasses import replace as replaced
    from types import SimpleNamespace
    from generator.search import worker_tags
    from generator.taxonomy import Registry, Tag
    registered = Tag("Học tập và làm theo Bác", "hoc-tap", aliases=("Làm theo Bác",))
    twin = Tag("Chuyển đổi số", "chuyen-doi-so")
    registry = Registry("chủ đề", (registered, twin, replaced(twin)))  # two equal entries
    registries = SimpleNamespace(tags=registry)
    article = SimpleNamespace(tags=("làm theo Bác", "Học tập và làm theo Bác", "Khoá học", "khóa học",
                                    "!!!",
                                    "Chuyển đổi số", "Hòa nhập", "hoà nhập"))
    known: dict = {}
    expected = ("Học tập và làm theo Bác", "Khoá học", "Chuyển đổi số", "Hòa nhập")
    assert worker_tags(article, registries, known) == expected
    assert worker_tags(article, registries, known) == expected  # from what it kept
    assert worker_tags(article, registries) == expected


def test_records_are_the_json_of_their_fields():
    """A record (written around its strings by hand) is what json.dumps writes of its fields:
    quotes, backslashes, control characters, line and paragraph separators, letters beyond
    U+FFFF, decomposed letters, no province or several."""
    from datetime import datetime, timedelta, timezone
    from types import SimpleNamespace
    from generator.search.entries import doc_record
    from generator.vietnamese import format_date
    when = datetime(2026, 3, 9, 7, 5, tzinfo=timezone(timedelta(hours=7)))
    odd = 'Bác "Hồ" \\ \t\n\x00\x1f \u2028\u2029 \U0001F600 ' + unicodedata.normalize("NFD", "Đắk Lắk") + " </script>"
    for title, provinces, summary, url in (("Học tập và làm theo Bác", (), "", "/a/"),
                                           (odd, ("Lâm Đồng", odd), odd, '/b/"c"/'),
                                           ("", ("Đắk Nông",), "tóm tắt", "")):
        for estimated, shown in ((False, format_date(when).replace(' ', '\u00a0', 1)), (True, "Khoảng tháng\u00a03/2026")):  # a guess: the month only
            article = SimpleNamespace(title=title, date=when, summary=summary, date_estimated=estimated,
                                      provinces=tuple(SimpleNamespace(name=n) for n in provinces))
            expected = {"t": title, "u": url, "d": "2026-03-09", "w": shown, "p": list(provinces), "s": summary}
            record = doc_record(article, url)
            assert record == json.dumps(expected, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            assert json.loads(record) == expected


def test_read_workers_parts_give_the_same_index(tmp_path, monkeypatch):
    """Postings made by forked read workers (read_part), merged from several parts, give the same
    files as postings made from the bodies after reading."""
    root = site_copy(tmp_path)
    build(root, output=str(tmp_path / "here"))  # too few articles: made by the background index
    import generator.search as search
    real = search.read_part
    made = tmp_path / "made"  # written by the forked workers

    def counting(articles, *args):
        with made.open("a") as log:
            log.write(f"{len(articles)}\n")
        return real(articles, *args)

    monkeypatch.setattr(search, "read_part", counting)
    from generator.parallel import SharedArrays
    shared_get, through_shared = SharedArrays.get, []

    def counting_get(self, where):
        through_shared.append(where)
        return shared_get(self, where)

    monkeypatch.setattr(SharedArrays, "get", counting_get)
    shutil.rmtree(root / ".cache")
    build(root, output=str(tmp_path / "workers"), workers=2, tuning=Tuning(parallel_min=1))
    assert sum(map(int, made.read_text().split())) == len(list((root / "content/articles").glob("*.md")))
    assert files_of(tmp_path / "workers") == files_of(tmp_path / "here")
    assert through_shared  # the postings came through the shared memory …
    import generator.read
    monkeypatch.setattr(generator.read, "_SHARED_PER_ARTICLE", 0)
    shutil.rmtree(root / ".cache")
    through_shared.clear()
    build(root, output=str(tmp_path / "piped"), workers=2, tuning=Tuning(parallel_min=1))
    assert not through_shared and files_of(tmp_path / "piped") == files_of(tmp_path / "here")  # … or the pipe
    # The background process wrote them into the cache folder; they were moved into the site.
    cache = root / ".cache" / "lamtheobac"
    assert not list(cache.glob("search-files*"))
    # The same cold index over a live site that holds it (patch mode): kept as it is.
    shutil.rmtree(root / ".cache")
    (tmp_path / "workers" / "tim-kiem" / "du-lieu" / "index.bin").write_bytes(b"damaged")
    build(root, output=str(tmp_path / "workers"), workers=2, tuning=Tuning(parallel_min=1))
    assert files_of(tmp_path / "workers") == files_of(tmp_path / "here") and not list(cache.glob("search-files*"))


def test_each_build_has_its_own_folder_of_index_files(tmp_path):
    """Two builds of one project may run at once: each one's background process writes its index
    files into a folder of its own (named by the build's process), which it moves into its site.
    Folders left by builds that were killed are removed; a running build's is left alone."""
    from generator.indexing import files_folder
    cache = tmp_path / "cache"
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
        for name in ("search-files", f"search-files-{dead.stdout.strip()}", f"search-files-{running.pid}"):
            (cache / name / "s").mkdir(parents=True)
            (cache / name / "s" / "0.bin").write_bytes(b"x")
        mine = files_folder(cache)
        assert mine == cache / f"search-files-{os.getpid()}"
        assert sorted(p.name for p in cache.iterdir()) == [f"search-files-{running.pid}"]
    finally:
        running.kill()
        running.wait()


def test_drafts_read_by_the_workers_are_left_out(tmp_path, monkeypatch):
    """The read workers make postings of every article they read; drafts are left out of the
    index, which equals that of the site without them, and a site of drafts only has an empty one."""
    root = site_copy(tmp_path)
    build(root, output=str(tmp_path / "without"))
    (root / "content/articles/nhap.md").write_text(
        '---\ntitle: "Bản nháp riêng"\ndate: 2020-01-01\ndraft: true\n---\n\nChữ riêng xoèlanh.\n', encoding="utf-8")
    shutil.rmtree(root / ".cache")
    build(root, output=str(tmp_path / "with"), workers=2, tuning=Tuning(parallel_min=1))
    assert files_of(tmp_path / "with") == files_of(tmp_path / "without")
    for source in (root / "content" / "articles").glob("*.md"):
        if source.name != "nhap.md":
            source.unlink()
    build(root, output=str(tmp_path / "drafts"), workers=2)
    assert manifest_of(tmp_path / "drafts" / "tim-kiem" / "du-lieu")["count"] == 0


def test_part_rows_and_narrow_postings_by_the_kernels_and_by_numpy(monkeypatch):
    """A part's table (the lists its postings meet, each kind in the order first met, kinds one
    after the other) and its postings by row, as narrow as they fit: the kernels (lt_rows,
    lt_narrow) give numpy's arrays, and leave the rows' marks as they found them (-1); a batch's
    new numbers mapped to the vocabulary's (lt_number_pending) as numpy maps them."""
    from generator.search import kernels
    needs_kernels()
    rng = np.random.default_rng(5)
    # (vocabulary, postings of each kind, documents): rows in 16 bits and documents in 8; rows in
    # 32 bits (over 65,536 lists) and documents in 16; no postings at all
    for vocab, n, ndocs, types in ((50, 3000, 200, ("<u2", "|u1")), (40_000, 100_000, 300, ("<u4", "<u2")),
                                   (30, 0, 1, ("<u2", "|u1"))):
        kinds = [(rng.integers(0, vocab, n), rng.integers(0, ndocs, n), rng.integers(0, 256, n).astype(np.uint8))
                 for _ in range(3)]
        got = []
        for rows_of, narrow in ((kernels.rows, kernels.narrow), (twins.part_rows, twins.narrow)):
            marks = [np.full(vocab, -1, np.int64) for _ in range(3)]
            distinct, ends = rows_of(kinds, marks)
            out = narrow(kinds, marks, distinct, ends, *part_widths(len(distinct), ndocs))
            assert all((m == -1).all() for m in marks)
            assert [a.dtype.str for a in out[:2]] == list(types)
            got.append((distinct.tolist(), ends.tolist(), [a.tolist() for a in out]))
        assert got[0] == got[1]
        distinct, ends, (rows, docs, values) = got[0]
        firsts = [list(dict.fromkeys(k[0].tolist())) for k in kinds]
        assert distinct == [number for met in firsts for number in met]
        assert ends == np.cumsum([len(met) for met in firsts]).tolist()
        assert [distinct[r] for r in rows] == np.concatenate([k[0] for k in kinds]).tolist()
        assert docs == np.concatenate([k[1] for k in kinds]).tolist()
        assert values == np.concatenate([k[2] for k in kinds]).tolist()
    numbered = rng.integers(0, 10**6, 40)
    for step in (2, 3):
        numbers = rng.integers(-41, 100, 5000)
        ours, theirs = numbers.copy(), numbers.copy()
        twins.number_pending(ours, numbered, step)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(kernels, "LIB", None)
            twins.number_pending(theirs, numbered, step)
        assert ours.tolist() == theirs.tolist() != numbers.tolist()
        assert ours.tolist() == [numbered[-step - x] if x <= -step else x for x in numbers.tolist()]


def test_the_merge_kernel_encodes_as_the_grid_and_the_sort(monkeypatch):
    """assemble.merge by the kernel (lt_merge) and by numpy (grid and sorted lists): the same
    lists, byte for byte, on sources whose documents interleave, with documents left out, lists
    of every size (a few documents, sorted by insertion; many, through a bitmap; dense ones,
    whose bitmap is surely the smaller, without a sort), with and
    without values, rows and documents in 8 to 64 bits; by numpy beyond the documents the kernel
    packs."""
    from generator.search import kernels
    from generator.search.assemble import Source, merge
    needs_kernels()
    rng = np.random.default_rng(11)
    count, sources = 3200, []
    order = rng.permutation(count + 200)  # 200 documents of the sources are left out (-1)
    ids_of = np.where(order < count, order, -1)
    at = 0
    # per source: its documents, and the types of its rows and documents (a part's are as narrow as
    # they fit: part_widths; an index's are widened)
    for size, row_type, width in ((700, np.uint16, np.uint16), (1000, np.uint32, np.uint16),
                                  (1500, np.int64, np.int64), (200, np.uint16, np.uint8)):
        ids = ids_of[at:at + size]
        at += size
        lists = 60
        sizes = rng.choice([1, 3, 40, 47, 48, 49, min(300, size), size], size=lists)  # documents per list
        rows, docs = [], []
        for row, m in enumerate(sizes.tolist()):
            chosen = rng.choice(size, size=m, replace=False)
            rows.append(np.full(m, row))
            docs.append(chosen)
        rows, docs = np.concatenate(rows), np.concatenate(docs)
        shuffle = rng.permutation(len(rows))
        values = np.where(rng.random(len(rows)) < 0.5, rng.integers(1, 128, len(rows)), 0)
        values[rows % 7 == 0] = 0  # some lists with no values at all
        order_key = rng.choice(80, size=lists, replace=False).astype(np.int64)  # sources meet in lists
        sources.append(Source(order_key, order_key.astype(np.uint64) * np.uint64(3), order_key.astype(np.uint64),
                              rows[shuffle].astype(row_type), docs[shuffle].astype(width),
                              values[shuffle].astype(np.uint8), ids.astype(np.int64)))
    strings = lambda h: (str(h), "")  # noqa: E731
    ours = merge(sources, count, strings)
    with pytest.MonkeyPatch.context() as patch:  # more documents than the kernel packs: numpy's way
        patch.setattr(kernels, "MERGE_DOCS", count)
        patch.setattr(kernels, "merge", lambda *a: pytest.fail("the kernel took ids it cannot pack"))
        assert merge(sources, count, strings).encoded == ours.encoded
    monkeypatch.setattr(kernels, "LIB", None)
    theirs = merge(sources, count, strings)
    assert ours.encoded == theirs.encoded and ours.sizes.tolist() == theirs.sizes.tolist()
    assert ours.lists == theirs.lists and any(size >= 48 for size in ours.sizes.tolist())


def test_grid_chunks_and_sorted_lists_give_the_same_index(tmp_path, monkeypatch):
    """Lists merged in one grid, in a grid cut in chunks, or sorted: the same files."""
    monkeypatch.setattr("generator.search.kernels.LIB", None)  # the numpy merge (the kernel: test above)
    root = site_copy(tmp_path)
    build(root, output=str(tmp_path / "grid"))
    expected = files_of(tmp_path / "grid")
    for cells, share in ((20, 64), (10**9, 1), (40, 2)):  # chunks of 2 lists; every list sorted; both
        monkeypatch.setattr("generator.search.assemble.GRID_CELLS", cells)
        monkeypatch.setattr("generator.search.assemble.DENSE_SHARE", share)
        shutil.rmtree(root / ".cache")
        build(root, output=str(tmp_path / "other"))
        assert files_of(tmp_path / "other") == expected, (cells, share)


def test_search_files_is_a_function_of_its_input(tmp_path):
    """No configuration, no registries read from disk, no cache: the same input, the same files;
    an unchanged input with a cache gives the last files without merging again."""
    from generator.search import SearchInput, open_cache, search_files
    root = site_copy(tmp_path)
    site = build(root, output=str(tmp_path / "out")).site
    from generator.incremental import CACHE_DIR, BodyStore
    from generator.indexing import search_input
    registries = load_registries(None)
    _, keys = with_bodies(root, site)
    inp = search_input(site, dict(zip((a.path for a in site.articles), keys)), registries, BodyStore(root / CACHE_DIR))
    assert isinstance(inp, SearchInput)
    first = list(search_files(inp))
    os.chdir(tmp_path)
    assert list(search_files(inp)) == first
    cache = open_cache(tmp_path / "cache", registries)
    assert list(search_files(inp, cache)) == first
    import generator.search.assemble as assemble
    merged = []
    real = assemble.merge
    assemble.merge = lambda *a: merged.append(1) or real(*a)
    try:
        assert list(search_files(inp, open_cache(tmp_path / "cache", registries))) == first
    finally:
        assemble.merge = real
    assert not merged


def test_a_damaged_cache_costs_only_time(tmp_path):
    root = site_copy(tmp_path)
    build(root, output=str(tmp_path / "out"))
    from generator.incremental import CACHE_DIR
    (root / CACHE_DIR / "search.pickle").write_bytes(b"not a pickle")
    _edit(next((root / "content" / "articles").glob("nhan-rong-*.md")), "Quỳnh hương nở.")
    build(root, output=str(tmp_path / "out"))
    assert files_of(tmp_path / "out") == _cold_files(root, tmp_path)


# ---- the JavaScript twin ----

@node_only
def test_js_folding_and_hashes_are_identical_to_python():
    tokens = sorted({t for case in CASES for t in tokenize(case)})
    inputs = CASES + tokens
    for text, js in zip(inputs, run_node({"op": "text", "cases": inputs})):
        assert js["tokens"] == tokenize(text), text
        assert js["fold"] == fold(text), text
        assert js["toneKey"] == tone_key(text), text
        assert js["diacritics"] == has_diacritics(text), text
        assert int(js["hash"]) == key_hash(text), text
        assert int(js["mix"]) == mix(key_hash(text)), text
        assert js["place"] == f"{prefix_code(text):013x}{mix(key_hash(text)):016x}", text
        assert js["pairPlace"] == f"{1 << 48 | prefix_code(text):013x}{mix(key_hash(text)):016x}", text


@node_only
def test_js_decodes_the_shards_as_python_does(fixture_index):
    js = run_node({"op": "postings", "dir": str(fixture_index), "sizes": True})
    py = {key: [[tone, ids, values] for tone, ids, values in lists] for key, lists in shards_of(fixture_index).items()}
    sizes = {key: lists.pop() for key, lists in js.items()}  # Shard.size: documents of all spellings, undecoded
    assert js == py and len(py) > 500
    assert sizes == {key: sum(len(ids) for _, ids, _ in lists) for key, lists in shards_of(fixture_index).items()}


@node_only
def test_js_decodes_large_random_lists(tmp_path):
    """Sparse and dense lists over 70,000 documents: both forms, multi-byte varints, values or none."""
    rng = np.random.default_rng(5)
    count, records = 70_000, []
    for key, densities in (("bac", (0.9, 0.002, 0.2)), ("lam theo", (0.5,)), ("~p:lao-cai", (0.01,))):
        lists = [(np.sort(rng.choice(count, int(count * d), replace=False)), d) for d in densities]
        starts = np.cumsum([0] + [len(l) for l, _ in lists])
        values = [rng.integers(0, 128, len(l)).astype(np.uint8) if " " not in key else np.zeros(len(l), np.uint8)
                  for l, _ in lists]
        encoded = encode_lists(starts, np.concatenate([l for l, _ in lists]), np.concatenate(values))
        body = varint(len(lists)) + b"".join(varint(1) + b"x" + e for e in encoded)
        records.append(varint(len(key)) + key.encode() + varint(len(body)) + body)
    data = tmp_path / "data"
    (data / "s").mkdir(parents=True)
    (data / "s" / "0.bin").write_bytes(gzip.compress(b"".join(records)))
    (data / "index.bin").write_bytes(gzip.compress(json.dumps({"shards": ["0" * 29], "count": count}).encode()))
    js = run_node({"op": "postings", "dir": str(data)})
    py = {key: [[tone, ids, values] for tone, ids, values in lists] for key, lists in shards_of(data).items()}
    assert js == py and set(py) == {"bac", "lam theo", "~p:lao-cai"}


@node_only
def test_js_token_characters_match_python():
    """Letters and digits decide tokens on both sides: Latin, Vietnamese and nearby blocks agree."""
    assigned = {cp for cp in range(0x2000) if unicodedata.category(chr(cp)) != "Cn"}  # node may know newer ones
    js = set(run_node({"op": "classes", "from": 0, "to": 0x2000})) & assigned
    py = {cp for cp in assigned if re.fullmatch(r"[^\W_]", chr(cp))}
    assert js == py


# ---- how search.js answers, on the fixture's index ----

@pytest.fixture(scope="module")
def fixture_index(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("search")
    out = tmp / "out"
    build(site_copy(tmp), output=str(out))
    return out / "tim-kiem" / "du-lieu"


def search(data: Path, *queries, open=False, as_typed=False, light=False, **filters):
    return run_node({"op": "search", "dir": str(data), "queries": [
        {"q": q, "filters": filters, "open": open, "asTyped": as_typed, "light": light} for q in queries]})


def marked(pieces) -> list[str]:
    return [text for text, hit in pieces if hit]


def articles_with_all(words: list[str]) -> set[str]:
    """Titles of the fixture's articles whose title, summary, tags or text hold every word (folded)."""
    out = set()
    for path in (FIXTURE / "content" / "articles").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        tokens = {fold(t) for t in tokenize(text)}
        if all(fold(w) in tokens for w in words):
            out.add(re.search(r'^title: "(.*)"$', text, re.M).group(1))
    return out


@node_only
def test_punctuation_only_is_the_empty_state(fixture_index):
    """Issue 20.1: a query without letters or digits lists nothing (it listed every article)."""
    for r in search(fixture_index, "%", "\\", '"', "...", "“", "- / ?"):
        assert r["empty"] and r["total"] == 0 and r["approxTotal"] == 0, r["q"]


@node_only
def test_quoted_phrases_match_anywhere_in_the_article(fixture_index):
    """Issue 20.2: phrases after the first 400 words of a body are found."""
    r, deep = search(fixture_index, '"đạo đức công vụ"', '"mệnh lệnh không lời"')
    assert set(r["titles"]) == {LAM_DONG, PHAT_HUY, LAI_CHAU} and r["total"] == 3
    assert deep["titles"] == [LAI_CHAU]
    (none,) = search(fixture_index, "“không lời mệnh lệnh”")
    assert none["total"] == 0


@node_only
def test_a_long_quoted_phrase_is_checked_whole(tmp_path):
    """A quoted phrase of ten words must occur whole: an article holding its first six pairs (those
    a long query fetches) but not its last is not counted; up to 16 pairs are checked."""
    phrase = "khuyến khích thuyết trình chuyển giao nghiệm thu cho em"
    root = site_copy(tmp_path)
    for slug, text in (("hoc-tap-lam-theo-bac-o-lao-cai", phrase),
                       ("hoc-tap-lam-theo-bac-o-lam-dong", phrase.replace("cho em", "cho. Anh em"))):
        article = root / "content" / "articles" / (slug + ".md")
        article.write_text(article.read_text(encoding="utf-8") + "\n" + text + ".\n", encoding="utf-8")
    build(root, output=str(tmp_path / "out"))
    data = tmp_path / "out" / "tim-kiem" / "du-lieu"
    whole, words = search(data, f'"{phrase}"', phrase)
    assert words["total"] == 2
    assert whole["total"] == 1 and whole["titles"] == [O_LAO_CAI]


@node_only
def test_snippets_come_from_the_sapo_and_the_body_alone(fixture_index):
    """Not from the lead photo's caption nor the footer's terms (province, directives, topics),
    which name the query's words on every article: the page's script reads .sapo and .body."""
    site = fixture_index.parent.parent
    pages = [p for p in site.rglob("index.html") if '<dl class="terms">' in p.read_text(encoding="utf-8")]
    assert pages
    page = pages[0].read_text(encoding="utf-8")
    page = page.replace('<div class="body">', '<figure class="lead-image"><figcaption>Chú thích ảnh đầu</figcaption>'
                        '</figure>\n  <div class="body">', 1)
    (text,) = run_node({"op": "pagetext", "pages": [page]})
    body = re.search(r'<div class="body">(.*?)</div>\s*<footer', page, re.S).group(1)
    first_words = re.sub(r"<[^>]+>", " ", body).split()[:6]
    assert " ".join(first_words) in " ".join(text.split())
    assert "Tỉnh, thành phố" not in text and "Chủ đề" not in text and "Chú thích ảnh đầu" not in text


@node_only
def test_snippet_shows_the_passage_where_the_query_is(fixture_index):
    """Issue 20.3: the snippet comes from anywhere in the text: the name, whole, for "Lê Đức Dục"."""
    (r,) = search(fixture_index, "Lê Đức Dục")
    assert r["titles"][0] == LAI_CHAU
    assert "Lê Đức Dục" in marked(r["snippets"][0])
    (deep,) = search(fixture_index, '"mệnh lệnh không lời"')
    assert marked(deep["snippets"][0]) == ["mệnh lệnh không lời"]


@node_only
def test_highlight_marks_what_matched(fixture_index):
    """Issue 20.4: whole phrases and names are marked; words that only fold to a query word are not."""
    (r,) = search(fixture_index, "lam theo bac")
    titles = dict(zip(r["titles"], r["marked"]))
    assert marked(titles[LAM_DONG]) == ["làm theo Bác"]  # not "Lâm"
    assert marked(titles[PHAT_HUY]) == ["làm theo Bác"]
    for snippet in r["snippets"]:
        assert not {"Lâm", "Bắc", "bạc"} & set(marked(snippet)), snippet
    (r,) = search(fixture_index, "chi thi 05 dak nong")
    assert r["titles"][0] == NHAN_RONG
    pieces = marked(r["snippets"][0]) + marked(r["marked"][0])
    forms = {" ".join(seq) for seq, key in Names.from_registries(load_registries(None)).sequences.items()
             if key in ("~d:05-ct-tw", "~p:dak-nong")}
    assert pieces and all(" ".join(fold(t) for t in tokenize(m)) in forms for m in pieces), pieces
    (r,) = search(fixture_index, "Bác")
    for snippet in r["snippets"]:
        assert "bạc" not in marked(snippet) and "Bắc" not in marked(snippet)


@node_only
def test_every_word_is_required_and_partial_matches_come_apart(fixture_index):
    """Issue 20.5: results hold every word; articles holding some come as approximate results;
    a word no article has gives no result (searched as typed, not corrected)."""
    r, name = search(fixture_index, "lê đức dục", "Lê Đức Dục")
    assert set(r["titles"][:r["total"]]) == articles_with_all(["Lê", "Đức", "Dục"])
    # typed as a name: the article naming "Lê Đức Dục"; its words apart ("đạo đức", "giáo dục") are
    # only approximate results
    assert name["ids"] == [d for d, t in zip(r["ids"], r["titles"]) if t == LAI_CHAU] and name["apart"] == []
    assert set(name["approx"]) >= set(r["ids"]) - set(name["ids"]) and r["total"] == 2
    (script,) = search(fixture_index, "<script>alert(1)</script>")
    assert script["total"] == 0 and script["approxTotal"] == 0 and script["corrected"] is None
    (typo,) = search(fixture_index, "lam theo bacc", open=True, as_typed=True)
    assert typo["total"] == 0 and typo["approxTotal"] > 0 and typo["corrected"] is None


@node_only
def test_a_mistyped_word_is_corrected_to_the_word_of_the_index_it_stands_for(fixture_index):
    """A word no article holds is read as the closest word of the index (one edit away, or its
    Telex letters), the one found beside the query's other words first: the results, marks and
    ranking are those of the corrected query."""
    cases = {"lam theo bacc": "lam theo bac",       # a letter too many
             "Hồ Chí Mihn": "Hồ Chí Minh",          # two swapped (the case kept)
             "nue guong": "neu guong",             # swapped
             "cơ quna": "cơ quan",                 # qua is used more, but quan is what stands beside cơ
             "điển hihn": "điển hinh",             # hiện likewise against hình
             "dao duc cong vuj": "dao duc cong vụ",  # Telex: the key of the tone, shown as the word
             "hoof chis minh": "hồ chí minh",       # Telex: ồ, í
             "tuwj giacs": "tự giác",
             "Bácc Hồ": "Bác Hồ",                  # typed with marks: shown as the article writes it
             "tiền bạcc": "tiền bạc"}
    found = search(fixture_index, *cases)
    meant = search(fixture_index, *cases.values())
    for r, m, (query, fixed) in zip(found, meant, cases.items()):
        assert r["corrected"] == fixed, query
        assert r["total"] > 0 and r["ids"] == m["ids"] and r["marked"] == m["marked"], query
    (words,) = search(fixture_index, "hoc tap va lam theo tam guong dao duc ho chi mjnh")
    assert words["corrected"] == "hoc tap va lam theo tam guong dao duc ho chi minh" and words["total"] > 0


@node_only
def test_words_of_the_index_and_made_up_words_are_not_corrected(fixture_index):
    """Only a word the index lacks is corrected, and only to a word that then finds articles: a
    query of real words that no article holds together, a made-up word, and a code stay as
    typed."""
    together, made_up, digits, short, three = search(fixture_index, "đánh rơi Lai Châu", "qwrtzk", "CT99", "xq theo",
                                                     "and")
    assert together["corrected"] is None and together["total"] == 0 and together["approxTotal"] > 0
    assert made_up["corrected"] is None and made_up["total"] == 0
    assert digits["corrected"] is None
    assert short["corrected"] is None  # two letters: too short to tell what they stand for
    # three letters one edit from several words ("an", "anh"), none beside another word: a guess
    assert three["corrected"] is None and three["total"] == 0
    swapped, beside = search(fixture_index, "lma", "bcá theo")  # but two letters swapped are a slip
    assert swapped["corrected"] == "lam" and beside["corrected"] == "bác theo"


@node_only
def test_a_word_in_capitals_is_an_initialism_not_a_slip(fixture_index):
    """"VNI", "WHO" (alone, or in capitals among other words) are initialisms or names, not slips of
    "vì" or "cho"; a query all in capitals is one typed so ("LAM THEO BACC"), and Telex keys in
    capitals are read ("HOOF CHIS MINH")."""
    alone, who, among, shouted, telex = search(fixture_index, "VNI", "WHO", "Hội nghị VNI", "LAM THEO BACC",
                                                "HOOF CHIS MINH")
    assert alone["corrected"] is None and who["corrected"] is None and among["corrected"] is None
    assert alone["total"] == who["total"] == among["total"] == 0
    assert shouted["corrected"] == "LAM THEO BAC" and telex["corrected"] == "HỒ CHÍ MINH"


@node_only
def test_two_letters_being_typed_do_not_empty_the_results(fixture_index):
    """While the reader types "hồ ch" (or "hoof ch"), the two letters of the word begun are no word
    of the index: they narrow nothing (no "no result" flash), as one letter doesn't; a word of two
    letters the index has ("bác hồ") is required as typed."""
    typing, slip, word = search(fixture_index, "ho ch", "hoof ch", "bác hồ", open=True, light=True)
    (ho,) = search(fixture_index, "ho", light=True)
    assert typing["total"] == ho["total"] > 0 and typing["ids"] == ho["ids"]
    assert slip["corrected"] == "hồ ch" and slip["total"] == ho["total"]
    # (two syllables alone: held together, test_two_syllables_alone_count_…)
    (bac,) = search(fixture_index, "bác", light=True)
    assert 0 < word["total"] < bac["total"] and set(word["titles"][:word["total"]]) <= articles_with_all(["Bác", "Hồ"])


@node_only
def test_two_letters_begun_that_are_no_syllable_narrow_nothing(tmp_path):
    """"hồ ch": two letters being typed that are no Vietnamese syllable ("ch", "th", "ng") are the
    start of a word even where the site has them as a word ("CH" of a code): they don't narrow the
    count to that word's articles; typed whole (a space after) they are a word like any other."""
    root = site_copy(tmp_path)
    article = root / "content" / "articles" / "tien-thuong-bac-cho-nguoi-nhat-duoc-cua-roi.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nMã hồ sơ: CH.\n", encoding="utf-8")
    build(root, output=str(tmp_path / "out"))
    data = tmp_path / "out" / "tim-kiem" / "du-lieu"
    begun, ho = search(data, "hồ ch", "hồ", open=True, light=True)
    assert ho["total"] > 1 and begun["total"] == ho["total"] and sorted(begun["ids"]) == sorted(ho["ids"])
    (whole,) = search(data, "hồ ch ")
    assert whole["total"] == 1 and whole["titles"][0] == TIEN_BAC


@node_only
def test_a_syllable_the_site_never_uses_is_read_as_another_only_beside_its_neighbours(fixture_index):
    """A word that is a Vietnamese syllable ("thuỷ", "xoá") is likelier a word no article uses
    than a slip: it is corrected only to a word the index holds beside the query's other words
    ("nue guong", "cong vuu"), or from its Telex letters; else the query stays as typed."""
    kept = search(fixture_index, "thuỷ lợi", "xoá đói giảm nghèo", "xoa doi giam ngheo", "vuu")
    for r in kept:
        assert r["corrected"] is None and r["total"] == 0, r["q"]
    fixed = search(fixture_index, "nue guong", "dao duc cong vuu", "dao duc cong vuj")
    assert [r["corrected"] for r in fixed] == ["neu guong", "dao duc cong vu", "dao duc cong vụ"]


@node_only
def test_a_day_finds_the_articles_of_that_day_then_its_month(tmp_path):
    """"1/2/2023" listed every article of February 2023 as a result: a day typed finds the articles
    dated that day and those that write it; the others of its month come after, as approximate
    results. An estimated date (only its month is known) is of no day."""
    data = site_with_article(tmp_path, "tien-thuong-bac-cho-nguoi-nhat-duoc-cua-roi.md",
        "---\ntitle: \"Kỷ niệm ngày sinh của Bác\"\ndate: 2023-02-20T08:00:00+07:00\ndate_estimated: true\n---\n\n"
        "Ngày 2/2/2023, các chi bộ tổ chức kỷ niệm.\n")
    first, second, dashes, month, none, estimated = search(
        data, "1/2/2023", "2/2/2023", "ngày 01-02-2023", "tháng 2/2023", "3/2/2023", "20/2/2023")
    written = "Kỷ niệm ngày sinh của Bác"
    assert first["titles"][:first["total"]] == [O_LAM_DONG] and dashes["ids"] == first["ids"]
    assert set(first["titles"][first["total"]:]) == {O_LAO_CAI, written}    # the rest of the month
    assert set(second["titles"][:second["total"]]) == {O_LAO_CAI, written}  # dated so, and written so
    assert month["total"] == 3 and set(month["titles"]) == {O_LAM_DONG, O_LAO_CAI, written}
    assert none["total"] == 0 and none["approxTotal"] == 3
    assert estimated["total"] == 0 and estimated["approxTotal"] == 3


@node_only
def test_a_number_typed_without_separators_finds_it_written_in_groups_of_thousands(fixture_index):
    """Articles write "9.630", "198.835" (tokens "9" "630"); "9630" and "198835" typed found nothing.
    A number of four digits or more (not a year) is read as its groups, the last required, the
    number written whole as good, the others ranking as pairs; the groups are marked together. (A
    year stays a year: test_a_year_finds_the_articles_of_that_year_and_those_that_write_it.)"""
    typed = search(fixture_index, "9630", "198835 lượt", "9.630", "198.835 lượt")
    for r, w in zip(typed[:2], typed[2:]):
        assert w["total"] > 0 and r["total"] == w["total"] and r["ids"][0] == w["ids"][0], r["q"]
    assert any("9.630" in m for s in typed[0]["snippets"] for m in marked(s))


@node_only
def test_a_number_alone_makes_no_approximate_result(fixture_index):
    """An article holding only the number of a query ("19" of "COVID-19") is not listed among the
    approximate results; one holding a word of it is."""
    covid, beside = search(fixture_index, "COVID-19", "qwrtzk Lai Châu 19")
    assert covid["total"] == 0 and covid["approxTotal"] == 0
    assert beside["total"] == 0 and 0 < beside["approxTotal"] == len(articles_with_all(["Lai", "Châu"]))


@node_only
def test_a_year_finds_the_articles_of_that_year_and_those_that_write_it(fixture_index):
    """"2023" finds the articles dated 2023 as well as those naming the year; a year of no article
    only those that write it."""
    dated = {re.search(r'^title: "(.*)"$', p.read_text(encoding="utf-8"), re.M).group(1)
             for p in (FIXTURE / "content" / "articles").glob("*.md")
             if re.search(r"^date: 2023-", p.read_text(encoding="utf-8"), re.M)}
    year, other = search(fixture_index, "2023", "năm 2006")
    assert dated and set(year["titles"][:year["total"]]) == dated | articles_with_all(["2023"])
    assert set(other["titles"][:other["total"]]) == articles_with_all(["năm", "2006"])


@node_only
def test_a_month_finds_the_articles_of_that_month_and_those_that_write_it(fixture_index):
    """A month typed ("6/2021", "tháng 6/2021", "tháng 6 năm 2021", a day "21/6/2021") is held by
    the articles dated that month and by those that write it ("5/2016"), not by all of the year's
    (as the year alone is); its month, day and "tháng" are not required words. A month no year
    has (13) is no month."""
    manifest = manifest_of(fixture_index)
    assert manifest["months"]["2021"][4:6] == [manifest["years"]["2021"][0], manifest["years"]["2021"][0] + 1]
    june = {NHAN_RONG}
    for query in ("6/2021", "tháng 6/2021", "Tháng 06/2021", "tháng 6 năm 2021", "21/6/2021", "ngày 21-6-2021"):
        for light in (False, True):  # the count is right while the reader types
            (r,) = search(fixture_index, query, light=light)
            assert set(r["titles"][:r["total"]]) == june and r["total"] == 1, (query, light)
    (written,) = search(fixture_index, "tháng 5/2016")
    assert set(written["titles"][:written["total"]]) == {NHAN_RONG}  # "ngày 15/5/2016" in its text
    # marked where the month is written, not "tháng" or "2016" alone elsewhere
    assert [m for p in written["snippets"] for m in marked(p)] == ["5/2016"]
    (dated,) = search(fixture_index, "tháng 3/2024")  # dated so, writes "hằng tháng" but no month
    assert dated["titles"] == [LAM_DONG] and not [m for p in dated["snippets"] for m in marked(p)]
    (day,) = search(fixture_index, "19/4/2019")
    assert day["titles"] == [NHAN_RONG] and [m for p in day["snippets"] for m in marked(p)] == ["19/4/2019"]
    (february,) = search(fixture_index, "2/2023")
    assert set(february["titles"][:february["total"]]) == {O_LAM_DONG, O_LAO_CAI}
    no_month, words = search(fixture_index, "13/2021", "13 2021")
    assert no_month["ids"] == words["ids"] and no_month["approx"] == words["approx"]


@node_only
def test_an_initialism_the_index_lacks_reads_as_the_words_it_stands_for(fixture_index):
    """"HCM", "BTV", "MTTQ" (and "CB" typed in capitals) read as the words whose initials they
    are, as an article writes them with only spaces between: "thực hiện chỉ" + "chỉ minh" (pairs,
    the likeliest chain) is tried first for HCM and left. An initialism no chain of pairs spells
    stays as typed."""
    cases = {"HCM": ("Hồ Chí Minh", "ho chi minh"), "tư tưởng HCM": ("tư tưởng Hồ Chí Minh", "tu tuong ho chi minh"),
             "BTV": ("Ban Thường vụ", "ban thuong vu"), "MTTQ": ("Mặt trận tổ quốc", "mat tran to quoc"),
             "CB": ("cán bộ", "can bo")}
    found = search(fixture_index, *cases)
    meant = search(fixture_index, *(words for _, words in cases.values()))
    for r, m, (query, (shown, _)) in zip(found, meant, cases.items()):
        assert r["corrected"] == shown, query
        assert r["total"] > 0 and r["ids"] == m["ids"], query
    ubnd, lower = search(fixture_index, "UBND", "cb")
    assert ubnd["corrected"] is None and ubnd["total"] == 0
    assert lower["corrected"] is None  # two small letters: no telling an initialism from a slip
    # While the reader types no record is fetched: initialisms wait for the pause, slips are
    # corrected as the index has them.
    initials, slip, marked = search(fixture_index, "tư tưởng HCM", "lam theo bacc", "Bácc Hồ", light=True)
    assert initials["corrected"] is None and slip["corrected"] == "lam theo bac" and marked["corrected"] == "Bac Hồ"
    assert initials["deferred"] and not slip["deferred"]  # the page waits for the pause to answer it
    assert all("r" not in r["searched"] for r in (initials, slip, marked))


@node_only
def test_a_word_only_a_slip_in_an_article_has_gets_the_usual_one_offered(tmp_path):
    """An article's own slip ("Bácc") answers "lam theo bacc" with that article alone: the query
    is kept (the word is in the index) and the usual spelling offered, when it answers many more."""
    root = site_copy(tmp_path)
    article = root / "content" / "articles" / "tien-thuong-bac-cho-nguoi-nhat-duoc-cua-roi.md"
    article.write_text(article.read_text(encoding="utf-8").replace("lời dạy của Bác Hồ", "lời dạy của Bácc Hồ"),
                       encoding="utf-8")
    build(root, output=str(tmp_path / "out"))
    data = tmp_path / "out" / "tim-kiem" / "du-lieu"
    slip, typed, rare_name = search(data, "lam theo bacc", "lam theo bac", "Nguyễn Văn Đức")
    assert slip["total"] == 1 and slip["titles"][0] == TIEN_BAC and slip["corrected"] is None
    assert slip["suggested"] == "lam theo bac" and typed["total"] >= 10 * slip["total"]
    assert rare_name["suggested"] is None  # a word no other spelling of answers more: nothing offered
    (light,) = search(data, "lam theo bacc", as_typed=True)
    assert light["suggested"] is None


@node_only
def test_a_word_without_vowels_is_a_slip_when_no_initialism_it_may_stand_for_is_written(tmp_path):
    """"ho chi mnh": "mnh" has initials the site's pairs chain ("mọi người" + "người hiểu", written
    apart), but no article writes that chain as words: it is then read as the word one edit away
    (minh), as "mjnh" is, instead of leaving the query with no result."""
    root = site_copy(tmp_path)
    for slug in ("hoc-tap-lam-theo-bac-o-lao-cai", "hoc-tap-lam-theo-bac-o-lam-dong"):  # pairs of two articles
        article = root / "content" / "articles" / (slug + ".md")
        article.write_text(article.read_text(encoding="utf-8") + "\nBác sống vì mọi người. Người hiểu dân.\n",
                           encoding="utf-8")
    build(root, output=str(tmp_path / "out"))
    data = tmp_path / "out" / "tim-kiem" / "du-lieu"
    pairs = json.loads(gzip.decompress((data / "v.bin").read_bytes()))["pairs"]
    chain = run_node({"op": "initialism", "pairs": pairs, "cases": ["mnh"]})[0]
    assert ["moi", "nguoi", "hieu"] in chain  # the initialisms tried first, and not written
    slip, meant, initials = search(data, "ho chi mnh", "ho chi minh", "HCM")
    assert slip["corrected"] == "ho chi minh" and slip["total"] > 0 and slip["ids"] == meant["ids"]
    assert initials["corrected"] == "Hồ Chí Minh"  # an initialism written so is still read as one


@node_only
def test_an_initialism_is_not_read_as_words_cut_out_of_a_longer_unit(tmp_path):
    """"QN" is no "quyết những" where the article writes "giải quyết những": the word before the
    spelled-out words binds their first one more than their own pair does; an initialism written
    as a unit ("Hồ Chí Minh", "cán bộ") is still read."""
    root = site_copy(tmp_path)
    for slug in ("hoc-tap-lam-theo-bac-o-lao-cai", "hoc-tap-lam-theo-bac-o-lam-dong", "lam-dong-neu-cao-dao-duc-cong-vu"):
        article = root / "content" / "articles" / (slug + ".md")
        article.write_text(article.read_text(encoding="utf-8") + "\nCần giải quyết những việc khó; giải quyết dứt điểm.\n",
                           encoding="utf-8")
    build(root, output=str(tmp_path / "out"))
    data = tmp_path / "out" / "tim-kiem" / "du-lieu"
    pairs = json.loads(gzip.decompress((data / "v.bin").read_bytes()))["pairs"]
    assert ["quyet", "nhung"] in run_node({"op": "initialism", "pairs": pairs, "cases": ["qn"]})[0]
    cut, initials, unit = search(data, "QN", "HCM", "tư tưởng HCM")
    assert cut["corrected"] is None and cut["total"] == 0
    assert initials["corrected"] == "Hồ Chí Minh" and unit["corrected"] == "tư tưởng Hồ Chí Minh"


@node_only
def test_corrections_are_vietnamese_words(tmp_path):
    """A syllable typed with its marks ("Lạt" of "Đà Lạt") is a word the site lacks, not a slip:
    "đã lan" in an article makes no "Đà Lan" of it (typed without marks it may still be read so,
    beside its neighbours, where the site uses that pair often: not "đã lan" of one article). A
    word whose Telex letters spell no Vietnamese word ("duaa": "duâ") is a slip of the word one
    edit away, shown as such ("thi dua", not "thi duâ")."""
    root = site_copy(tmp_path)
    article = root / "content" / "articles" / "hoc-tap-lam-theo-bac-o-lao-cai.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nPhong trào đã lan tỏa khắp tỉnh.\n", encoding="utf-8")
    build(root, output=str(tmp_path / "out"))
    data = tmp_path / "out" / "tim-kiem" / "du-lieu"
    marked, lower, bare, slip, telex = search(data, "Đà Lạt", "đà lạt", "da lat", "phong trào thi duaa", "hoof chis minh")
    assert marked["corrected"] is None and marked["total"] == 0 and lower["corrected"] is None
    # no marks: "da lat" was "da lan" by the pair of that one article; on the 10,000 bench articles
    # by "chỉ đạ / Lan tỏa" across a heading. A reader typing it means Đà Lạt, which no article has.
    assert bare["corrected"] is None and bare["total"] == 0
    for extra in ("hoc-tap-lam-theo-bac-o-lam-dong", "lam-dong-neu-cao-dao-duc-cong-vu"):  # used often: read so
        article = root / "content" / "articles" / (extra + ".md")
        article.write_text(article.read_text(encoding="utf-8") + "\nTinh thần ấy đã lan rộng.\n", encoding="utf-8")
    build(root, output=str(tmp_path / "out"))
    (often,) = search(data, "da lat")
    assert often["corrected"] == "da lan" and often["total"] > 0
    assert slip["corrected"] == "phong trào thi dua" and slip["total"] > 0
    assert telex["corrected"] == "hồ chí minh"


@node_only
def test_initialisms_as_chains_of_pairs():
    pairs = [["hien chi", 6], ["ho chi", 5], ["chi minh", 5], ["chi dao", 4], ["mat tran", 3], ["tran to", 3],
             ["to quoc", 3], ["ban thuong", 2], ["thuong vu", 2]]
    out = run_node({"op": "initialism", "pairs": pairs, "cases": ["hcm", "mttq", "btv", "hc", "ubnd", "toan", "hcmx"]})
    assert out == [
        [["hien", "chi", "minh"], ["ho", "chi", "minh"]],  # the rarest pair in the most articles first
        [["mat", "tran", "to", "quoc"]],
        [["ban", "thuong", "vu"]],
        [["hien", "chi"], ["ho", "chi"]],
        [],                                                # no chain of these letters
        [],                                                # a syllable (toàn) is no initialism
        [],
    ]


def test_the_vocabulary_file_lists_the_words_of_the_index(fixture_index):
    """v.bin: every word of letters of the index with its documents (no names, pairs, numbers),
    most common first, the words a mistyped one is corrected to; and the pairs of such words in
    two documents or more, what initialisms are read as."""
    vocabulary = json.loads(gzip.decompress((fixture_index / "v.bin").read_bytes()))
    words, pairs = vocabulary["words"], vocabulary["pairs"]
    keys = [w for w, _ in words]
    counts = [n for _, n in words]
    assert len(set(keys)) == len(keys) and all(re.fullmatch("[a-z]+", w) for w in keys)
    assert counts == sorted(counts, reverse=True)
    folded = {k for k in shards_of(fixture_index) if re.fullmatch("[a-z]+", k)}
    assert set(keys) == folded
    count = manifest_of(fixture_index)["count"]
    assert dict(words)["bac"] == count and dict(words)["giac"] >= 1
    shards = shards_of(fixture_index)
    frequent = {k: sum(len(lst[1]) for lst in v) for k, v in shards.items() if re.fullmatch("[a-z]+ [a-z]+", k)}
    assert dict(pairs) == {k: n for k, n in frequent.items() if n >= 2}
    assert [n for _, n in pairs] == sorted((n for _, n in pairs), reverse=True) and dict(pairs)["ho chi"] >= 2


def test_the_vocabulary_leaves_out_words_of_one_document_on_a_large_site():
    totals = [["theo", 300], ["bac", 250], ["05", 200], ["ct", 120], ["lamm", 1], ["mjnh", 1]]
    assert assemble._vocabulary(totals, 300) == [["theo", 300], ["bac", 250], ["ct", 120]]
    assert assemble._vocabulary(totals, 50) == [["theo", 300], ["bac", 250], ["ct", 120], ["lamm", 1], ["mjnh", 1]]


@node_only
def test_telex_keys_read_as_the_word_they_spell():
    """A word read from its Telex keys is shown as the word they spell: the tone on the vowel with
    a shape, else on the last vowel before a final consonant, else on the first of two and the
    middle of three (either style of tone is the same word to the search)."""
    cases = {"hoof": "hồ", "chis": "chí", "dduwowngf": "đường", "nguwowif": "người", "tuwj": "tự",
             "giacs": "giác", "quyeets": "quyết", "ddinhj": "định", "hoaf": "hòa", "thuyr": "thủy",
             "ngoaif": "ngoài", "khuyeenr": "khuyển", "giuwx": "giữ", "quar": "quả", "minh": "minh",
             "baan": "bân", "lowij": "lợi", "huwu": "hưu", "tuowi": "tươi", "huwux": "hữu",
             "twf": "từ", "nhwngx": "những"}  # w alone is ư, also when it is the only vowel
    out = run_node({"op": "telex", "cases": list(cases)})
    assert dict(zip(cases, out)) == cases
    assert all(unicodedata.is_normalized("NFC", w) for w in out)


@node_only
def test_vni_keys_read_as_the_word_they_spell():
    """A word typed with VNI keys without an input method (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng,
    6 â ê ô, 7 ơ ư, 8 ă, 9 đ; a key after its letter or at the end) is the word they spell, the
    tone placed as Vietnamese places it and the case kept; digits that are no VNI keys (a 0, a
    tone twice, a key with no letter to shape, no vowel before a tone, not a syllable of two
    letters or more) leave a number or a code alone."""
    cases = {"ho62": "hồ", "ho61": "hố", "chi1": "chí", "Ba1c": "Bác", "d9u7o7ng2": "đường",
             "duo7ng2": "dường", "ngu7o7i2": "người", "tu7o73ng": "tưởng", "ta65p": "tập", "ho5c": "học",
             "d9a5o": "đạo", "hoa2": "hòa", "quye61t": "quyết", "gia3": "giả", "Nguye64n": "Nguyễn",
             "tieng61": "tiếng", "tie6ng1": "tiếng", "hang8": "hăng", "HO62": "HỒ", "Vie65t": "Việt",
             "thuo73": "thuở", "dua6": None, "ca6": None,  # ươ only where Vietnamese has it; no "duâ", "câ"
             "CT05": None, "KL01": None, "COVID19": None, "U23": None, "A1": None, "H5N1": None, "Mig21": None,
             "iphone6": None, "4G": None, "2023": None, "ct5": None, "G7": None, "khoa11": None, "d9": None,
             "minh": None}
    out = run_node({"op": "vni", "cases": list(cases)})
    assert dict(zip(cases, out)) == cases
    assert all(unicodedata.is_normalized("NFC", w) for w in out if w)


@node_only
def test_a_query_typed_with_vni_keys_finds_what_the_words_find(fixture_index):
    """Words typed with VNI keys are read at once: the results, marks and ranking are those of the
    query they spell, shown as corrected to it, and "as typed" searches the digits; numbers and
    codes of a query are not read so."""
    cases = {"lam2 theo Ba1c": "làm theo Bác", "tie62n ba5c": "tiền bạc", "ho62 chi1 minh": "hồ chí minh",
             "chi3 thi5 so61 5": "chỉ thị số 5", "d9a5o d9u71c co6ng vu5": "đạo đức công vụ"}
    found = search(fixture_index, *cases)
    meant = search(fixture_index, *cases.values())
    for r, m, (query, read) in zip(found, meant, cases.items()):
        assert r["corrected"] == read, query
        assert r["total"] > 0 and r["ids"] == m["ids"] and r["marked"] == m["marked"], query
    (typed,) = search(fixture_index, "lam2 theo Ba1c", as_typed=True)
    assert typed["corrected"] is None and typed["total"] == 0
    (typing,) = search(fixture_index, "lam2 theo Ba1", open=True, light=True)
    assert typing["corrected"] == "làm theo Bá" and typing["total"] > 0
    (begun,) = search(fixture_index, "tu7 tu7o", open=True, light=True)  # "tưo", as "tưởng" is begun
    assert begun["corrected"] == "tư tưo" and begun["total"] > 0
    for query in ("CT05", "chỉ thị 5", "05-CT/TW", "COVID-19", "2023", "Lai Châu 2024"):
        r, = search(fixture_index, query)
        assert r["corrected"] is None, query
    name, meant = search(fixture_index, "D9a81k No6ng", "Đắk Nông")  # "đắk" is no syllable, but a name's word
    assert name["corrected"] == "Đắk Nông" and name["total"] > 0 and name["ids"] == meant["ids"]


@node_only
def test_mistyped_word_candidates():
    """The closest words first (Telex letters before one edit), then the most used; two edits only
    for a word of six letters or more, keeping its first letter."""
    vocabulary = [["nua", 90], ["neu", 40], ["bac", 30], ["minh", 50], ["ho", 60], ["chi", 55], ["duong", 20],
                  ["phong", 30], ["thong", 80], ["nghiep", 10], ["ghiep", 90]]
    cases = ["nue", "bacc", "mihn", "hoof", "chis", "dduwowngf", "phongg", "phonng", "nghieep", "xyzw", "ghieppp"]
    out = run_node({"op": "candidates", "vocabulary": vocabulary, "cases": cases})
    assert out == [
        ["nua", "neu"],        # one edit each: the most used first (the query's pairs decide later)
        ["bac"],
        ["minh"],
        ["ho"],                # Telex
        ["chi"],
        ["duong"],             # Telex: đ, ư, ơ, the tone
        ["phong"],
        ["phong"],             # not "thong": two edits for a word of six letters keep the first
        ["nghiep"],            # Telex ê, also one edit
        [],
        ["ghiep"],
    ]


@node_only
def test_ranking_prefers_the_whole_query_and_title_phrases(fixture_index):
    """Issue 20.6: words next to each other beat a word that only folds to one in a title, and a
    phrase in the title beats the same phrase in the text."""
    (typo,) = search(fixture_index, "lam theo bacc", open=True)
    assert typo["titles"][0] != BAC_BINH and typo["titles"][:2] != [BAC_BINH]
    assert typo["titles"].index(BAC_BINH) > typo["titles"].index(LAM_DONG)
    (phrase,) = search(fixture_index, '"đạo đức công vụ"')
    assert phrase["titles"][0] == LAM_DONG
    (words,) = search(fixture_index, "lam theo bac")
    titles = words["titles"]
    assert set(titles[:4]) == {LAM_DONG, PHAT_HUY, O_LAM_DONG, O_LAO_CAI}  # the whole query in their titles
    assert titles.index(O_LAO_CAI) < titles.index(O_LAM_DONG)  # "Lâm" in a title is no hit for "lam": the newer first


@node_only
def test_joined_and_unpadded_forms(fixture_index):
    """Issue 20.7: "CT05", "daknong" and "chỉ thị 5" read as 05-CT/TW, Đắk Nông and Chỉ thị 05."""
    ct05, symbol, daknong, dak_nong, five, padded, after, joined_after, issuer = search(
        fixture_index, "CT05", "05-CT/TW", "daknong", "Đắk Nông", "chỉ thị 5", "chỉ thị 05", "05-CT", "05CT",
        "CT05/TW")
    assert ct05["total"] > 0 and ct05["ids"] == symbol["ids"] == after["ids"] == joined_after["ids"] == issuer["ids"]
    assert daknong["total"] == 2 and daknong["ids"] == dak_nong["ids"]
    assert five["total"] > 0 and five["ids"] == padded["ids"]


@node_only
def test_a_directive_by_its_kind_and_number(fixture_index, names):
    """"Nghị quyết 04" (and the site's own label "Nghị quyết số 04-NQ/TW") is 04-NQ/TW as "NQ04" is,
    though the registry's aliases name it otherwise ("Nghị quyết Trung ương 4 khóa XII"): so for
    every kind ("Quy định 55", "Kết luận số 21")."""
    for text, key in (("Nghị quyết 04", "~d:04-nq-tw"), ("nghị quyết số 4", "~d:04-nq-tw"),
                      ("Nghị quyết số 04-NQ/TW", "~d:04-nq-tw"), ("Quy định 55", "~d:55-qd-tw"),
                      ("Kết luận số 21", "~d:21-kl-tw"), ("Quy định số 101-QĐ/TW", "~d:101-qd-tw")):
        assert names.find([fold(t) for t in tokenize(text)]) == [key], text
    kind, label, code = search(fixture_index, "nghị quyết 04", "Nghị quyết số 04-NQ/TW", "NQ04")
    assert kind["total"] > 0 and kind["ids"] == label["ids"] == code["ids"]


def test_a_resolution_named_by_its_aliases_words_mixed_is_read(names):
    """An article's "Nghị quyết TW4 khóa 12" (the registry's "NQ TW4 khóa 12" and "Nghị quyết TW4 khóa
    XII" mixed: the kind written out, the term in Arabic numerals) was no name: the index left it out.
    The kind is read written out or shortened, the term in either numerals, in the text, the query and
    front matter alike (spellings.name_forms)."""
    from generator.taxonomy import load_registries
    for text, key in (("Nghị quyết TW4 khóa 12", "~d:04-nq-tw"), ("NQ TW4 khóa XII", "~d:04-nq-tw"),
                      ("nghị quyết Trung ương 4 khóa 11", "~d:12-nq-tw"), ("Nghị quyết TW4 khoá XI", "~d:12-nq-tw"),
                      ("NQ Trung ương 4 khóa XII", "~d:04-nq-tw")):
        assert names.find([fold(t) for t in tokenize(text)]) == [key], text
    assert names.find([fold(t) for t in tokenize("Nghị quyết TW4 khóa 10")]) == []  # no such resolution
    directives = load_registries(None).directives
    assert directives.get("Nghị quyết TW4 khóa 12").symbol == "04-NQ/TW"
    assert directives.get("Nghị quyết Trung ương 4 khóa 11").symbol == "12-NQ/TW"


@node_only
def test_a_name_written_with_letters_and_digits_together_is_found_as_written(fixture_index):
    """The registry's "NQ TW4 khóa 12" and "Nghị quyết TW4 khóa XII" typed as written are 04-NQ/TW:
    "TW4" is split into "TW 4" only where no name has it whole (as "CT05" is); the mark holds the
    name's closing bracket ("Nghị quyết Trung ương 4 (khóa XII)", not "(khóa XII" and ")")."""
    alias, words, code = search(fixture_index, "NQ TW4 khóa 12", "Nghị quyết TW4 khóa XII", "NQ04")
    assert code["total"] > 0 and alias["ids"] == words["ids"] == code["ids"]
    shown = [m for p in code["snippets"] for m in marked(p)]
    assert "Nghị quyết Trung ương 4 (khóa XII)" in shown and not any(m.endswith("(khóa XII") for m in shown)


@node_only
def test_an_address_pasted_finds_its_page_by_the_words_of_its_slug(fixture_index):
    """An article's address pasted as the query ("https://…/bai-viet/<slug>/", with a number ending
    the slug, a query string, %20) is searched by the words of its slug, the article first, shown
    as corrected to them; an address without a slug, and a query holding an address among other
    words, stay as typed."""
    cases = {"https://hoctapvalamtheobac.vn/bai-viet/hoc-tap-lam-theo-bac-o-lao-cai/": O_LAO_CAI,
             "http://example.org/bai-viet/nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac-004321?utm_source=x": NHAN_RONG,
             "www.example.org/bai/tra%20lai%20tien%20bac": TIEN_BAC}
    found = search(fixture_index, *cases)
    for r, (query, title) in zip(found, cases.items()):
        assert r["corrected"] and r["titles"][0] == title, query
    assert found[0]["corrected"] == "hoc tap lam theo bac o lao cai"
    bare, among = search(fixture_index, "https://hoctapvalamtheobac.vn/", "xem https://a.vn/lam-theo-bac")
    assert bare["corrected"] is None and among["corrected"] is None


@node_only
def test_a_search_pages_address_pasted_is_searched_by_the_query_it_holds(fixture_index):
    """A search page's address pasted as the query (this site's "/tim-kiem/?q=…" shared as a link,
    a search engine's, a news site's "?s=…") required "https", its host's and path's words, and
    "q": nothing found. It is searched by the query its address holds, decoded as a browser
    decodes it, shown as corrected to it; an article's address with a query string of no words
    ("?s=1") is still its article's."""
    asked = ["lam theo bac", "chỉ thị 05", '"làm theo" -lao', "học tập"]
    pasted = ["https://example.org/tim-kiem/?q=lam+theo+bac",
              "example.org/tim-kiem/?tinh=&q=ch%E1%BB%89+th%E1%BB%8B+05#ket-qua",
              "https://www.google.com/search?hl=vi&q=%22l%C3%A0m+theo%22+-lao",
              "https://baomoi.example/?s=h%E1%BB%8Dc%20t%E1%BA%ADp"]
    found = search(fixture_index, *pasted, *asked)
    for r, typed in zip(found, found[len(pasted):]):
        assert r["corrected"] == typed["q"] and typed["total"] > 0, r["q"]
        assert r["ids"] == typed["ids"] and r["total"] == typed["total"], r["q"]
    (article,) = search(fixture_index, "https://hoctapvalamtheobac.vn/bai-viet/hoc-tap-lam-theo-bac-o-lao-cai/?s=1")
    assert article["titles"][0] == O_LAO_CAI and article["corrected"] == "hoc tap lam theo bac o lao cai"


@node_only
def test_an_address_without_its_scheme_finds_its_own_article_first(tmp_path):
    """An address copied without "https://" ("example.org/bai-viet/<slug>/?fbclid=…", "/bai-viet/<slug>",
    or the slug alone with its number) found nothing; and among articles of the same title the
    newest came first, not the one whose address was pasted."""
    root = site_copy(tmp_path)
    articles = root / "content" / "articles"
    original = articles / "hoc-tap-lam-theo-bac-o-lao-cai.md"
    for n in (2, 3):  # the same title, newer: they outrank the original by date
        (articles / f"hoc-tap-lam-theo-bac-o-lao-cai-00000{n}.md").write_text(
            original.read_text(encoding="utf-8").replace("2023-02-02", f"2024-02-0{n}"), encoding="utf-8")
    build(root, output=str(tmp_path / "out"))
    data = tmp_path / "out" / "tim-kiem" / "du-lieu"
    slug = "hoc-tap-lam-theo-bac-o-lao-cai"
    pasted = [f"https://example.org/bai-viet/{slug}/", f"example.org/bai-viet/{slug}/?fbclid=IwAR0x",
              f"/bai-viet/{slug}/", f"bai-viet/{slug}", f"https://example.org/bai-viet/{slug}-000002/#binh-luan",
              f"{slug}-000003"]
    for r, q in zip(search(data, *pasted), pasted):
        wanted = re.search(r"hoc-tap-lam-theo-bac-o-lao-cai(-00000[23])?", q).group(0)
        assert r["corrected"] == "hoc tap lam theo bac o lao cai" and r["urls"][0] == f"bai-viet/{wanted}/", q
    # what only looks like a path is searched as typed
    for r in search(data, "05-CT/TW", "19/4/2019", "a/b", "lam-theo-bac"):
        assert r["corrected"] is None, r["q"]


@node_only
def test_a_title_pasted_with_its_sites_name_finds_the_article(fixture_index):
    """A title copied from a browser's tab ("… - VnExpress", "… | Báo Xyz Online") found nothing but
    approximate results: the site's name after the dash is no word of the article. Without a
    full answer, the title before the dash is searched, shown as a correction."""
    pasted = {f"{O_LAO_CAI} - VnExpress": O_LAO_CAI, f"{TIEN_BAC} | Báo Qwrtzk Online": TIEN_BAC,
              f"{LAI_CHAU} \u2013 Zingnews.vn": LAI_CHAU}
    for r in search(fixture_index, *pasted):
        assert r["corrected"] == r["q"].split(" - ")[0].split(" | ")[0].split(" \u2013 ")[0], r["q"]
        assert r["total"] > 0 and r["titles"][0] == pasted[r["q"]], r["q"]
    short, whole = search(fixture_index, "học tập - qwrtzk", f"{O_LAO_CAI} - Lào Cai")
    assert short["corrected"] is None and short["total"] == 0   # too short to be a title
    assert whole["corrected"] is None and whole["titles"][0] == O_LAO_CAI  # every word held: as typed


@node_only
def test_common_words_typed_without_spaces_find_what_the_words_find(fixture_index):
    """Words run together ("hochiminh", "lamtheobac") are read as the site's common words they
    are made of, like the names of "daknong"; ranked and marked as the words typed apart."""
    joined, apart, theo, theo_apart = search(fixture_index, "hochiminh", "ho chi minh", "lamtheobac", "lam theo bac")
    assert joined["total"] > 0 and joined["ids"] == apart["ids"] and joined["approx"] == apart["approx"]
    assert theo["total"] > 0 and theo["ids"] == theo_apart["ids"] and theo["titles"] == theo_apart["titles"]
    assert theo["marked"] == theo_apart["marked"]
    assert any("Hồ Chí Minh" in " ".join(marked(p)) for p in joined["snippets"])


@node_only
def test_how_runs_typed_without_spaces_are_split(fixture_index):
    common = [["ho", 40], ["chi", 30], ["minh", 35], ["hoc", 20], ["hi", 1], ["to", 9], ["an", 9], ["ng", 1],
              ["lam", 30], ["theo", 30], ["bac", 30], ["cttw", 2], ["o", 40], ["a", 40]]
    cases = ["hochiminh", "lamtheobac", "toan", "nguyen", "thuong", "hochiminhx", "cttw", "ho", "chiminh",
             "xyz" * 3, "ho chi", "hochi05", "ho" * 8, "ho" * 9, "theoo", "theobaca", "theoobac"]
    assert run_node({"op": "split", "common": common, "cases": cases}) == [
        ["ho", "chi", "minh"],   # the most used of two splits into three words ("hoc hi minh")
        ["lam", "theo", "bac"],
        None,                    # toàn is one syllable: never "to an"
        None,                    # nguyễn, thương: syllables, not split
        None,
        None,                    # an "x" no common word covers: as typed
        None,                    # a common word as it is
        None,                    # too short to be a run
        ["chi", "minh"],
        None,
        None,                    # not letters alone (a space, digits): tokens and SPLIT's business
        None,
        ["ho"] * 8,
        None,                    # more words than a run is read as
        None,                    # a key pressed twice ("theoo"), not "theo ở": a slip of theo
        ["theo", "bac", "a"],    # a one-letter word after another letter
        None,
    ]
    (slip,) = run_node({"op": "search", "dir": str(fixture_index), "queries": [{"q": "lam theoo bac"}]})
    (meant,) = run_node({"op": "search", "dir": str(fixture_index), "queries": [{"q": "lam theo bac"}]})
    assert slip["corrected"] == "lam theo bac" and slip["ids"] == meant["ids"] and slip["marked"] == meant["marked"]


@node_only
def test_queries_with_or_without_diacritics_find_the_same(fixture_index):
    a, b, c = search(fixture_index, "làm theo Bác", "lam theo bac", "LÀM THEO BÁC")
    assert a["total"] == b["total"] == c["total"] > 0
    assert set(a["titles"][:4]) == set(b["titles"][:4]) == {LAM_DONG, PHAT_HUY, O_LAM_DONG, O_LAO_CAI}


@node_only
def test_exact_diacritics_rank_first(fixture_index):
    bac, bac_dot = search(fixture_index, "Bác", "bạc")
    assert bac["titles"][0] not in (TIEN_BAC, BAC_BINH)
    assert bac_dot["titles"][0] == TIEN_BAC
    assert bac["total"] == bac_dot["total"]          # both spellings still match


@node_only
def test_tone_styles_match_exactly(fixture_index):
    old, new = search(fixture_index, "khoá học", "khóa học")
    assert old["ids"] == new["ids"]


@node_only
def test_i_and_y_spellings_of_one_syllable_match_each_other(fixture_index):
    """"kĩ"/"kỹ", "lí"/"lý", "tỉ"/"tỷ", "quí"/"quý" are one word spelled two ways (the press keeps y,
    the school rules chose i): "lí luận" found nothing where the articles write "lý luận"."""
    typed = search(fixture_index, "lí luận", "li luan", "tỉ lệ", '"lí luận"')
    written = search(fixture_index, "lý luận", "ly luan", "tỷ lệ", '"lý luận"')
    for r, w in zip(typed, written):
        assert w["total"] > 0 and r["ids"] == w["ids"] and r["approx"] == w["approx"], (r["q"], w["q"])
    assert articles_with_all(["lý", "luận"]) == set(typed[0]["titles"][:typed[0]["total"]])
    assert any("lý luận" in m.lower() for s in typed[0]["snippets"] for m in marked(s))
    # a syllable of other vowels, or "gi", has no such twin
    (gi,) = search(fixture_index, "gy")
    assert gi["total"] == 0


@node_only
def test_full_width_and_compatibility_forms_are_the_letters_they_stand_for(fixture_index):
    """A query typed with a Chinese or Japanese input method left in full-width mode ("ｌàｍ ｔｈｅｏ
    Ｂáｃ", "chỉ thị ５") found nothing."""
    wide = search(fixture_index, "ｌàｍ ｔｈｅｏ Ｂáｃ", "chỉ thị ５", "ｃｈｉ ｔｈｉ ０５ ｄａｋ ｎｏｎｇ")
    plain = search(fixture_index, "làm theo Bác", "chỉ thị 5", "chi thi 05 dak nong")
    for w, p in zip(wide, plain):
        assert p["total"] > 0 and w["ids"] == p["ids"] and w["approx"] == p["approx"], w["q"]
        assert w["marked"] == p["marked"] and w["snippets"] == p["snippets"], w["q"]


@node_only
def test_administrative_initialisms_are_read_as_what_they_stand_for(fixture_index):
    """Two capitals read by chains of the site's pairs were guesses: QĐ was "qua đó", TP "tiền
    phong", BC half a name ("Bộ Chính"), HD "hội Đảng", and BCT, whose "Bộ Chính trị" always follows
    "của", went unread. The standard initialisms read as what they stand for, where an article
    writes it so, with its marks ("văn bản chỉ đạo" is no Ban Chỉ đạo)."""
    expected = {"QĐ": "quy định", "QD": "quy định", "TP": "thành phố", "BC": "báo cáo", "HD": "hướng dẫn",
                "BCT": "Bộ Chính trị", "Chỉ thị 05 của BCT": "Chỉ thị 05 của Bộ Chính trị",
                "thành lập BCĐ": "thành lập Ban chỉ đạo"}
    results = search(fixture_index, *expected)
    for r in results:
        assert r["corrected"] == expected[r["q"]] and r["total"] > 0, (r["q"], r["corrected"])
    # NĐ is nghị định (the Đ typed says so), which no article writes: not "nhân dân", no guess
    (nd,) = search(fixture_index, "NĐ")
    assert nd["corrected"] is None and nd["total"] == 0


@node_only
def test_ordinals_in_digits_and_in_roman_numerals_are_one_word(fixture_index):
    """"khóa 12" found the articles with a "12" anywhere, not those of "khóa XII"; "Trung ương IV"
    missed "Trung ương 4". A number from 2 to 39 and its numeral (in capitals) are one word; a
    numeral that is also a syllable ("VI": vì, "XI": xi) or one letter is left alone."""
    digits, numeral, four, iv = search(fixture_index, "khóa 12", "khóa XII", "Trung ương 4", "Trung ương IV")
    assert digits["total"] > 0 and digits["ids"] == numeral["ids"] and four["ids"] == iv["ids"]
    assert digits["total"] == len(articles_with_all(["khóa", "XII"]))
    assert any(m.lower() == "khóa xii" for s in digits["snippets"] for m in marked(s))
    (six,) = search(fixture_index, "6")
    assert six["total"] == len(articles_with_all(["6"]))  # not every "vì"


@node_only
def test_only_spellings_that_exist_are_looked_up_besides_a_word():
    """Each twin looked up costs a shard: "chí", "khi", "đi" have none (no word is spelled "chy"),
    nor a count before its noun ("2 năm"), a numeral of one letter or one that is a syllable, or a
    numeral typed in lower case."""
    cases = [["ky", "kỹ", None], ["li", "lí", None], ["quy", "quý", None], ["hy", "hy", None],
             ["chi", "chí", "ho"], ["khi", "khi", None], ["di", "đi", None], ["thi", "thị", "chi"],
             ["12", "12", "khoa"], ["13", "13", "thu"], ["2", "2", None], ["12", "12", "05"], ["5", "5", "khoa"],
             ["6", "6", "khoa"], ["xii", "XII", "khoa"], ["xii", "xii", "khoa"], ["vi", "VI", None], ["40", "40", "khoa"]]
    assert run_node({"op": "variants", "cases": cases}) == [
        "ki", "ly", "qui", "hi", None, None, None, None, "xii", "xiii", None, None, None, None, "12", None, None, None]


@node_only
def test_an_initialism_in_capitals_is_never_read_as_common_words_or_a_slip(fixture_index):
    """Initialisms the table doesn't list were read as any chain of pairs an article writes, or as
    a slip: TTG "Trong thời gian" (a sentence's first word), TGT "thời gian tới", CTT "các tập
    thể", HN "hằng năm", ĐN "đã nhận", PCT "CT", BTC "BAC", TDT "TOT", QN "AN", ĐTN "DÂN". Words
    an initialism is guessed to stand for must be a name (capitals, not only a sentence's first);
    in capitals it is no slip. Names and the table's readings are still read."""
    guessed = ["TTG", "TGT", "CTT", "HN", "ĐN", "PCT", "BTC", "TDT", "QN", "HTX"]
    for r in search(fixture_index, *guessed):
        assert r["corrected"] is None and r["total"] == 0, (r["q"], r["corrected"])
    names = {"HCM": "Hồ Chí Minh", "BTV": "Ban Thường vụ", "CB": "cán bộ", "ho chi mjnh": "ho chi minh"}
    for r in search(fixture_index, *names):
        assert r["corrected"] == names[r["q"]], r["q"]


@node_only
def test_an_initialism_the_site_has_also_finds_the_articles_that_spell_it_out(tmp_path):
    """"UBND" found only the articles writing "UBND", not those writing "Ủy ban nhân dân"; "BCH"
    missed "Ban Chấp hành". An initialism of the table is held by both, marked in both; two
    letters in lower case ("tp" of a word begun) are left alone."""
    root = site_copy(tmp_path)
    articles = root / "content" / "articles"
    for slug, text in (("hoc-tap-lam-theo-bac-o-lam-dong", "Ban Chấp hành Đảng bộ tỉnh đã ban hành kế hoạch."),
                       ("lam-dong-neu-cao-dao-duc-cong-vu", "Ủy ban nhân dân tỉnh chỉ đạo sát sao."),
                       ("hoc-tap-lam-theo-bac-o-lao-cai", "UBND tỉnh giao nhiệm vụ.")):
        article = articles / (slug + ".md")
        article.write_text(article.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")
    build(root, output=str(tmp_path / "out"))
    data = tmp_path / "out" / "tim-kiem" / "du-lieu"
    upper, lower, bch = search(data, "UBND", "ubnd tỉnh", "BCH")
    assert set(upper["titles"][:upper["total"]]) == {LAM_DONG, O_LAO_CAI} and upper["corrected"] is None
    # the article writing it as typed first, though the other is newer (it came second)
    assert upper["titles"][0] == O_LAO_CAI
    assert set(lower["titles"][:lower["total"]]) == {LAM_DONG, O_LAO_CAI}
    marks = {m for s in upper["snippets"] for m in marked(s)}
    assert "Ủy ban nhân dân" in marks and "UBND" in marks
    assert O_LAM_DONG in bch["titles"][:bch["total"]] and LAO_CAI in bch["titles"][:bch["total"]]  # and "BCH"


@node_only
def test_words_spelled_out_find_the_initialism_the_site_writes_when_nothing_else_does(fixture_index):
    """"Ban Chấp hành Đảng bộ" found nothing where the article writes "ủy viên BCH Đảng bộ" (no
    article has "chấp"): with no article holding every word, a reading of the table is searched as
    its initialism (the table's letters: "Trung ương" is TW), shown as a correction."""
    spelled, alone, other = search(fixture_index, "Ban Chấp hành Đảng bộ", "Ban Chấp hành", "Ban Chấp hành qwrtzk")
    # (since round 10 the words written out are also held by the articles writing the initialism:
    # found without a correction, "BCH" marked)
    assert spelled["corrected"] is None and spelled["titles"][0] == LAO_CAI
    assert "BCH" in marked(spelled["snippets"][0])
    assert alone["corrected"] is None and alone["titles"][:alone["total"]] == [LAO_CAI]
    assert other["corrected"] is None and other["total"] == 0  # nothing found that way either: as typed


@node_only
def test_directive_symbols_as_written(fixture_index):
    results = search(fixture_index, "05-CT/TW", "05-CT/TƯ", "chỉ thị 05", "Chỉ thị số 05-CT/TW")
    assert all(r["titles"][0] == CHI_THI_05 for r in results)
    assert len({tuple(r["ids"]) for r in results}) == 1


@node_only
def test_province_variants_and_filters(fixture_index):
    for q in ("Đắk Nông", "dak nong", "Đắc Nông", "Đăk Nông"):
        (r,) = search(fixture_index, q)
        assert r["total"] == 2 and NHAN_RONG in r["titles"]
    (r,) = search(fixture_index, "làm theo Bác", province="lai-chau")
    assert r["titles"] == [LAI_CHAU]
    (r,) = search(fixture_index, "", province="dak-nong", year="2021")
    assert r["titles"] == [NHAN_RONG]
    (r,) = search(fixture_index, "", province="lam-dong+dak-nong")  # a 2025 unit and a province merged into it
    assert set(r["titles"]) == {LAM_DONG, BAC_BINH, O_LAM_DONG, NHAN_RONG, TIEN_BAC}


@node_only
def test_all_words_closer_together_rank_higher(fixture_index):
    (r,) = search(fixture_index, "tấm gương đạo đức")
    assert r["titles"][0].startswith("Đảng bộ Khối các cơ quan tỉnh Lào Cai")


# ---- on a generated corpus: what a long query costs ----

@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory):
    script = Path(os.environ.get("LAMTHEOBAC_CORPUS_SCRIPT", ROOT.parent / "shared/bench/make_corpus.py"))
    if not script.is_file():
        script = Path("/work/shared/bench/make_corpus.py")
    if not script.is_file():
        pytest.skip("needs ../shared/bench/make_corpus.py")
    tmp = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(script), "600", str(tmp / "corpus")], check=True, stdout=subprocess.DEVNULL)
    root = tmp / "site"
    (root / "content").mkdir(parents=True)
    (tmp / "corpus" / "articles").rename(root / "content" / "articles")
    (root / "site.toml").write_text('title = "Học tập và làm theo Bác"\nbase_url = "https://example.org/"\n',
                                    encoding="utf-8")
    build(root, output=str(tmp / "out"))
    return tmp / "out" / "tim-kiem" / "du-lieu"


PASTED = ("Toàn Đảng bộ đã tổ chức 9.630 hội nghị học tập, quán triệt cho 198.835 lượt cán bộ, đảng viên, công "
          "chức, viên chức, người lao động đạt tỷ lệ gần 96% và tuyên truyền đến 756.811 lượt đoàn viên, hội viên, "
          "quần chúng nhân dân. Qua học tập, quán triệt nhận thức, trách nhiệm học tập và làm theo Bác của đảng viên, "
          "cán bộ, công chức, viên chức, người lao động được nâng lên")


@node_only
def test_a_long_query_fetches_a_few_keys(corpus_index):
    """Issue 20.8: a pasted paragraph (54 words) fetches its rarest words and a few pairs, not every
    word's shard; typed key by key it loads little more: no completions of a word being typed that
    the query doesn't use, and while typing, the words whose shards are here first (3.2 times the
    pasted query's bytes before either, 2.2 with the first, 1.65 with both)."""
    assert len(tokenize(PASTED)) >= 54
    manifest = manifest_of(corpus_index)
    (r,) = search(corpus_index, PASTED)
    assert r["total"] > 0
    shard_files = r["kinds"]["s"]
    everything = sum((corpus_index / "s" / f"{i}.bin").stat().st_size for i in range(len(manifest["shards"])))
    assert r["files"] - 1 <= 6 + 6 + 10  # shards of at most 6 words and 6 pairs, ten record groups
    assert shard_files < everything / 3
    (typed,) = run_node({"op": "typing", "dir": str(corpus_index), "queries": [{"q": PASTED}]})
    assert typed["bytes"] < 1.9 * r["bytes"]


def test_a_cold_build_starts_its_index_before_checking_and_a_failure_stops_it(tmp_path, monkeypatch):
    """Many articles read: the background index is forked once the visible articles are known,
    before the slugs are checked; a build stopped by a problem found then leaves no process."""
    from generator.errors import BuildFailed
    from generator.indexing import SearchStage
    root = site_copy(tmp_path)
    for name in ("mot.md", "hai.md"):  # the same slug: a problem found once every article is read
        (root / "content/articles" / name).write_text(
            '---\ntitle: "Hai bài một đường dẫn"\ndate: 2021-05-01\nslug: trung-nhau\n---\n\nNội dung.\n',
            encoding="utf-8")
    started = []
    real = SearchStage.give
    monkeypatch.setattr(SearchStage, "give", lambda self, *a: (started.append(a[3]), real(self, *a))[1])
    with pytest.raises(BuildFailed, match="cùng đường dẫn /bai-viet/trung-nhau/"):
        build(root, output=str(tmp_path / "out"), workers=2, tuning=Tuning(parallel_min=1))
    assert started == [False]  # given, as many were read, before the check that failed
    children = [p for p in os.listdir("/proc") if p.isdigit() and _parent_of(p) == os.getpid()]
    assert children == []
    assert not (tmp_path / "out").exists()


def _parent_of(pid: str) -> int:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return int(handle.read().rsplit(b")", 1)[1].split()[1])
    except OSError:  # ended meanwhile
        return -1


def _name_site(tmp_path: Path) -> Path:
    """The fixture site with "Phú Quốc" written in one article, its two syllables apart in two
    others ("phú cường", "quốc gia"), and "côn" and "đảo" apart in one: the index of its build."""
    return site_with_texts(tmp_path, (("hoc-tap-lam-theo-bac-o-lao-cai", "Đoàn công tác đến thăm Phú Quốc."),
                                      ("hoc-tap-lam-theo-bac-o-lam-dong",
                                       "Dân giàu, nước mạnh, phú cường; tình hữu nghị quốc tế."),
                                      ("lam-dong-neu-cao-dao-duc-cong-vu", "Quốc gia thịnh vượng, nhân dân phú túc."),
                                      ("bac-binh-lam-dong-tong-ket-thi-dua", "Võ côn quyền; đảo chiều thi đua.")))


@node_only
def test_a_name_of_two_syllables_counts_the_articles_holding_it_whole(tmp_path):
    """"Phú Quốc": a name typed with its capitals counts the articles holding it whole; those
    holding its syllables apart are approximate results. A name no article holds together ("Côn
    Đảo") has no full result, and the page is told which; a longer query in lower case keeps the
    AND rule (words anywhere); two syllables alone are one word in any case (the next test)."""
    data = _name_site(tmp_path)
    named, plain, none, longer = search(data, "Phú Quốc", "phú quốc cường", "Côn Đảo", "phú quốc nhân dân")
    assert named["total"] == 1 and named["titles"][0] == O_LAO_CAI, named
    assert {O_LAO_CAI, O_LAM_DONG, LAM_DONG} <= set(named["titles"]) and named["approxTotal"] >= 2, named
    assert O_LAM_DONG in plain["titles"][:plain["total"]]
    assert none["total"] == 0 and none["approxTotal"] >= 1 and BAC_BINH in none["titles"]
    assert none["apart"] == ["Côn Đảo"] and named["apart"] == []
    assert longer["total"] >= 2 and LAM_DONG in longer["titles"][:longer["total"]]
    # while the second syllable is being typed, its pair binds only once some article holds it
    (typing,) = search(data, "Phú Qu", open=True, light=True)
    assert typing["total"] >= 1
    (typed_whole,) = search(data, "Phú Quốc", open=True, light=True)
    assert typed_whole["total"] == 1
    # a word of the index last: bound once the reader pauses (or presses Enter), not before
    (typing,) = search(data, "Côn Đảo", open=True, light=True)
    paused, begun = search(data, "Côn Đảo", "Phú Qu", open=True)
    assert typing["total"] >= 1 and paused["total"] == 0 and paused["apart"] == ["Côn Đảo"]
    assert begun["total"] >= 1 and begun["apart"] == []


@node_only
def test_question_words_and_polite_fillers_are_not_required(fixture_index):
    """"Chỉ thị 05 là gì", "nêu gương như thế nào", "cho tôi hỏi về đạo đức công vụ", "tìm bài về
    Lai Châu": the question and the request around what is asked are not words an article must
    hold, when the query has others; asked alone ("là gì") they are."""
    queries = {"Chỉ thị 05 là gì": "Chỉ thị 05", "nêu gương như thế nào": "nêu gương",
               "cho tôi hỏi về đạo đức công vụ": "về đạo đức công vụ", "tìm bài về Lai Châu": "Lai Châu",
               "thi đua ở đâu": "thi đua", "Bác Hồ sinh năm bao nhiêu": "Bác Hồ sinh năm",
               "Bác Hồ sinh năm nào": "Bác Hồ sinh năm", "ai là Lê Đức Dục": "Lê Đức Dục"}
    asked = search(fixture_index, *queries)
    plain = search(fixture_index, *queries.values())
    for a, p in zip(asked, plain):
        assert p["total"] > 0, p["q"]
        assert a["total"] == p["total"] and set(a["ids"]) == set(p["ids"]), a["q"]
    (alone,) = search(fixture_index, "là gì")
    assert alone["total"] == len(articles_with_all(["là", "gì"]))


@node_only
def test_two_syllables_alone_count_the_articles_holding_them_together_in_any_case(tmp_path):
    """"phu quoc" (in lower case) counted every article holding "phú" and "quốc" anywhere
    (6,366 of the 10,000 bench articles, none of them about Phú Quốc), "con dao" those holding
    "còn" and "đạo": two syllables alone are one word or a name in Vietnamese, whatever the case
    typed; their syllables apart are approximate results. A word typed twice ("Bác Bác Bác")
    is no name: it found nothing whole."""
    data = _name_site(tmp_path)
    lower, bare, shouted, none, twice = search(data, "phú quốc", "phu quoc", "PHÚ QUỐC", "côn đảo", "Bác Bác Bác")
    for r in (lower, bare, shouted):
        assert r["total"] == 1 and r["titles"][0] == O_LAO_CAI, r
        assert {O_LAM_DONG, LAM_DONG} <= set(r["titles"][1:]) and r["approxTotal"] >= 2, r
    assert none["total"] == 0 and none["apart"] == ["côn đảo"] and BAC_BINH in none["titles"]
    (bac,) = search(data, "bác")
    assert twice["total"] == bac["total"] > 0 and twice["apart"] == [] and set(twice["ids"]) == set(bac["ids"])
    # not a name of the registries, nor two words of which one is no syllable
    province, code = search(data, "lào cai", "chỉ thị 05")
    assert province["total"] >= 2 and code["total"] >= 1


@node_only
def test_while_typing_a_name_no_article_holds_yet_is_not_counted_apart(tmp_path):
    """Typed key by key, "Phú Quốc" showed the count of the articles holding its syllables anywhere
    (6,366 on the bench corpus, where none writes it) until the pause, which then said none holds
    it. While the last word of a name is open and no article holds the pair, the answer is
    deferred (the page leaves the count as it was until the pause)."""
    data = _name_site(tmp_path)
    begun, absent, held, letter = search(data, "Phú Qu", "Côn Đảo", "Phú Quốc", "Bác H", open=True, light=True)
    assert begun["deferred"] and begun["total"] >= 1
    assert absent["deferred"] and held["deferred"] is False and held["total"] == 1
    assert letter["deferred"] is False
    (paused,) = search(data, "Côn Đảo", open=True)
    assert paused["deferred"] is False and paused["apart"] == ["Côn Đảo"]


@node_only
def test_operators_of_web_search_engines(fixture_index):
    """"lam theo bac -lao" required "lao" (Lào Cai first); "lam OR bac" required "or";
    "site:example.org lam theo" required "site", "example" and "org". "-word" now leaves out the
    articles holding it, "a OR b" holds either (words or names), "site:…" is left out; a dash
    between spaces ("Bà Rịa - Vũng Tàu") or inside a word ("COVID-19") is no operator."""
    minus, plain, alone = search(fixture_index, "bác -lao", "bác", "-lao")
    expected = articles_with_all(["bác"]) - articles_with_all(["lao"])
    assert minus["total"] == len(expected) > 0 and set(minus["titles"][:minus["total"]]) == expected
    assert plain["total"] > minus["total"] and alone["total"] == len(articles_with_all(["lao"]))  # nothing else: as typed
    either, one, other = search(fixture_index, "mệnh OR rơi", "mệnh", "rơi")
    assert set(either["ids"]) == set(one["ids"]) | set(other["ids"]) and either["total"] > max(one["total"], other["total"])
    names, lai, lao = search(fixture_index, "Lai Châu OR Lào Cai", "Lai Châu", "Lào Cai")
    assert set(names["ids"]) == set(lai["ids"]) | set(lao["ids"]) and lai["total"] and lao["total"]
    # while the word left out is typed ("-l", "-la" of "-lao"), nothing is left out yet (no flash
    # of "no result" for "-la", which would leave out every article holding "là")
    begun, typed = search(fixture_index, "bác -la", "bác -lao", open=True, light=True)
    assert begun["total"] == typed["total"] == plain["total"]
    # a dash inside a name of the registries is no operator
    (province,) = search(fixture_index, "Đắk -Nông")
    assert province["total"] > 0 and province["ids"] == search(fixture_index, "Đắk Nông")[0]["ids"]
    # "OR" typed first or last (the next word not typed yet) is no word to hold
    ended, started = search(fixture_index, "mệnh OR", "OR mệnh")
    assert ended["ids"] == started["ids"] == one["ids"]
    site, words = search(fixture_index, "site:example.org lam theo bac", "lam theo bac")
    assert site["ids"] == words["ids"] and site["total"] > 0


@node_only
def test_a_dash_before_a_name_of_two_words_leaves_out_the_name(fixture_index):
    """"bác -Lào Cai" left out the articles holding "lào" and then required "Cai" (with "Bác Cai"
    taken for a name no article holds: nothing found). A dash before a name of the registries
    leaves out the articles naming it, in any spelling, and requires nothing of it."""
    minus, folded, plain, name, other = search(fixture_index, "bác -Lào Cai", "bac -lao cai", "bác", "Lào Cai",
                                               "bác -Lai Châu")
    expected = set(plain["ids"]) - set(name["ids"])
    assert name["total"] > 0 and expected and minus["apart"] == []
    assert set(minus["ids"]) == expected and minus["total"] == len(expected) and minus["approxTotal"] == 0
    assert set(folded["ids"]) == set(minus["ids"])
    lai = search(fixture_index, "Lai Châu")[0]
    assert set(other["ids"]) == set(plain["ids"]) - set(lai["ids"]) and lai["total"] > 0
    # inside quotes the dash is a character of the phrase, as before
    (quoted,) = search(fixture_index, 'bác "-Lào Cai"')
    assert quoted["ids"] == search(fixture_index, 'bác "Lào Cai"')[0]["ids"]


@node_only
def test_a_month_after_thang_matches_it_in_digits_and_in_words(tmp_path):
    """"tháng ba" found none of the articles writing "tháng 3" (the two syllables held as a pair
    no article had; on the bench corpus 0 of the 2,213 writing "tháng 3/…"), and "tháng 3" none
    writing "tháng Ba"; "tháng Chạp" none writing "tháng 12". The month after "tháng" is held in
    digits or in words, whichever the article writes, but not where the words are as often
    something else ("tháng sau" is next month, "tháng một" of "mỗi tháng một lần")."""
    data = site_with_texts(tmp_path, [
        ("tien-thuong-bac-cho-nguoi-nhat-duoc-cua-roi", "Chuyện xảy ra vào một ngày tháng Ba, ở chợ huyện."),
        ("lam-dong-neu-cao-dao-duc-cong-vu", "Phiên chợ cuối năm tháng Chạp đông người."),
        ("bac-binh-lam-dong-tong-ket-thi-dua", "Hội nghị họp mỗi tháng một lần, tháng sau họp tiếp."),
        ("phat-huy-vai-tro-neu-guong-cua-can-bo-dang-vien-tai-lai-chau", "Kết quả tháng 6 và tháng 1 được tổng kết.")])
    digits, words, unaccented, chap, twelve, quoted, after = search(
        data, "tháng 3", "tháng ba", "thang ba", "tháng Chạp", "tháng 12", '"tháng ba"', "tháng sau")
    assert TIEN_BAC in digits["titles"][:digits["total"]]  # writes "tháng Ba"
    assert CHI_THI_05 in words["titles"][:words["total"]] and TIEN_BAC in words["titles"][:words["total"]]
    assert words["apart"] == [] and set(unaccented["ids"]) == set(words["ids"])
    assert chap["apart"] == [] and chap["titles"][:chap["total"]] == [LAM_DONG] and LAM_DONG in twelve["titles"][:twelve["total"]]
    # "tháng ba" in words writes the month one way only; quoted, it is that phrase
    assert quoted["titles"][:quoted["total"]] == [TIEN_BAC]
    assert LAI_CHAU not in after["titles"][:after["total"]] and after["total"] == 1  # "tháng sau" as written
    # where it is written, the month in words is marked
    assert any("tháng Ba" in marked(s) for s in digits["snippets"])


@node_only
def test_an_initialism_written_in_parts_finds_its_words(tmp_path):
    """"KT-XH", "QP-AN", "GD&ĐT", "VH-TT&DL" (the press's initialisms in parts) required the words
    "kt" and "xh": none of the 5,997 bench articles writing "kinh tế - xã hội" was found. Each part
    is also held by the articles writing its share of the table's reading ("kinh tế", "xã hội"; its
    "và" left out), marked there; the articles writing the initialism itself still count."""
    data = site_with_texts(tmp_path, [
        ("tien-thuong-bac-cho-nguoi-nhat-duoc-cua-roi", "Sở Giáo dục và Đào tạo khen thưởng em học sinh."),
        ("lam-dong-neu-cao-dao-duc-cong-vu", "Tình hình KT-XH của huyện ổn định."),
        ("bac-binh-lam-dong-tong-ket-thi-dua", "Kinh tế phát triển, an sinh xã hội bảo đảm.")])
    parted, written, schools, pairs = search(data, "KT-XH", '"kinh tế xã hội"', "GD&ĐT", "BR-VT")
    expected = set(written["titles"][:written["total"]]) | {LAM_DONG}
    assert len(expected) >= 3 and set(parted["titles"][:parted["total"]]) == expected  # not Bắc Bình's words apart
    assert schools["titles"][:schools["total"]] == [TIEN_BAC]
    assert any("kinh tế - xã hội" in marked(s) or "kinh tế" in marked(s) for s in parted["snippets"])
    assert pairs["total"] == search(data, "Bà Rịa - Vũng Tàu")[0]["total"]  # a province's initials, as before


@node_only
def test_the_words_of_a_slashed_abbreviation_find_the_articles_writing_it(tmp_path):
    """"đ/c" finds the articles writing "đồng chí", but "đồng chí" found none of those writing
    "Đ/c Lê Văn Tám" (two one-letter words): the words of a slashed abbreviation of administrative
    writing are also held by the articles writing it, and it is marked there."""
    data = site_with_texts(tmp_path, [
        ("tien-thuong-bac-cho-nguoi-nhat-duoc-cua-roi", "Đ/c Lê Văn Tám trao thưởng."),
        ("lam-dong-neu-cao-dao-duc-cong-vu", "Công văn v/v tổ chức hội nghị.")])
    plain = set()  # the articles writing "đồng chí" (two syllables alone are held together)
    for path in (FIXTURE / "content" / "articles").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"đồng\s+chí", text, re.I):
            plain.add(re.search(r'^title: "(.*)"$', text, re.M).group(1))
    assert plain and TIEN_BAC not in plain
    words, short, about = search(data, "đồng chí", "đ/c", "về việc")
    assert set(words["titles"][:words["total"]]) == plain | {TIEN_BAC} and set(short["ids"]) == set(words["ids"])
    assert LAM_DONG in about["titles"][:about["total"]]
    (named,) = search(data, "đồng chí Lê Văn Tám")
    assert named["titles"][:named["total"]] == [TIEN_BAC]
    assert {"Đ/c", "Lê Văn Tám"} <= set(marked(named["snippets"][0])), named["snippets"][0]


@node_only
def test_a_region_within_its_provinces_is_held_by_their_articles(fixture_index):
    """A region ("Tây Nguyên", "miền Tây") names no province: required as words it found only the
    articles writing it ("Tây Nguyên" ranked "… ở Thái Nguyên" first on the bench). The page
    offers the region's provinces (the manifest's regions, from the registry) as one filter,
    within which the region's name is held by their articles, as a 2025 unit's is."""
    manifest = manifest_of(fixture_index)
    regions = load_registries(ROOT / "content").provinces
    expected = sorted(p.slug for p in regions if p.region == "Tây Nguyên")
    assert sorted(s for s, _ in manifest["regions"]["Tây Nguyên"]) == expected and len(expected) == 5
    for members in manifest["regions"].values():  # listed in Vietnamese order (Đắk Lắk before Gia Lai)
        assert [n for _, n in members] == sorted((n for _, n in members), key=vi_sort_key)
    within = "+".join(expected)
    region, plain, provinces = search(fixture_index, "Tây Nguyên", "Tây Nguyên", "", province=within)[0], \
        search(fixture_index, "Tây Nguyên")[0], search(fixture_index, "", province=within)[0]
    assert provinces["total"] >= 3 and set(region["ids"]) == set(provinces["ids"]) and region["total"] > plain["total"]
    # the region's other words stay required ("làm theo Bác Tây Nguyên": those of its provinces
    # holding "làm theo Bác"); another filter, or the name alone, as before
    (words,) = search(fixture_index, "làm theo Bác Tây Nguyên", province=within)
    (others,) = search(fixture_index, "làm theo Bác", province=within)
    assert words["ids"] == others["ids"] and words["total"] > 0
    (elsewhere,) = search(fixture_index, "Tây Nguyên", province="lao-cai")
    assert elsewhere["total"] == len(set(plain["ids"]) & set(search(fixture_index, "", province="lao-cai")[0]["ids"]))
    # a name typed beside the region's is no name with it ("Bác Tây" was required: nothing found)
    (beside,) = search(fixture_index, "làm theo Bác Tây Nguyên")
    assert beside["apart"] == [] and beside["total"] > 0 and beside["total"] == plain["total"]
    (delta,) = search(fixture_index, "miền Tây", province="+".join(sorted(
        p.slug for p in regions if p.region == "Đồng bằng sông Cửu Long")))
    assert delta["total"] == 0 and delta["apart"] == []  # no article of theirs here; "miền Tây" not required


@node_only
def test_a_day_with_its_month_in_words_is_read_as_the_date(tmp_path):
    """"ngày 30 tháng Tư", "mùng 2 tháng Chín năm 1945" stayed words ("tư", "chín" required anywhere):
    none of the articles writing "30/4" or "2/9/1945" was found. The month in words after a day is
    read as its number, the date then as typed in digits; not "2 tháng một lần" (twice a month). And
    a date after "mùng" or "mồng" found nothing where no article writes that word."""
    data = site_with_texts(tmp_path, [
        ("tien-thuong-bac-cho-nguoi-nhat-duoc-cua-roi", "Chiến thắng 30/4/1975 mở ra kỷ nguyên mới."),
        ("lam-dong-neu-cao-dao-duc-cong-vu", "Ngày 2/9/1945, Bác đọc Tuyên ngôn độc lập."),
        ("bac-binh-lam-dong-tong-ket-thi-dua", "Chi bộ họp 2 tháng một lần.")])
    april, digits, september, twice = search(data, "ngày 30 tháng Tư", "30/4", "mùng 2 tháng Chín năm 1945",
                                             "2 tháng một lần")
    assert april["titles"][:april["total"]] == [TIEN_BAC] == digits["titles"][:digits["total"]]
    assert september["titles"][:september["total"]] == [LAM_DONG]
    assert BAC_BINH in twice["titles"][:twice["total"]]
    # a date after "mùng" or "mồng", which no article here writes: "ngày" was not required, they
    # were (nothing found)
    for r in search(data, "mùng 2/9", "mồng 2/9/1945", "mùng 2 tháng 9 năm 1945"):
        assert LAM_DONG in r["titles"][:r["total"]], r["q"]


@node_only
def test_the_articles_of_a_regions_provinces_rank_first(tmp_path):
    """"Tây Nguyên" ranked "… ở Thái Nguyên" first on the bench (by "Nguyên" in its title), and
    any article writing the region's name by its date: the articles of the region's provinces (by
    their front matter) now come first among those writing it."""
    text = "Hội nghị các tỉnh Tây Nguyên và Thái Nguyên, Nguyên Bình trao đổi kinh nghiệm Tây Nguyên."
    data = site_with_texts(tmp_path, [("hoc-tap-lam-theo-bac-o-lao-cai", text),
                                      ("phat-huy-vai-tro-neu-guong-cua-can-bo-dang-vien-tai-lai-chau", text),
                                      ("lam-dong-neu-cao-dao-duc-cong-vu", "Hội nghị các tỉnh Tây Nguyên.")])
    (region,), (within,) = search(data, "Tây Nguyên"), search(data, "Tây Nguyên", province="lam-dong")
    found = region["titles"][:region["total"]]
    assert set(found) == {NHAN_RONG, LAM_DONG, O_LAO_CAI, LAI_CHAU}
    assert set(found[:2]) == {NHAN_RONG, LAM_DONG}, found  # Đắk Nông's and Lâm Đồng's
    assert within["titles"][:within["total"]] == [LAM_DONG]


@node_only
def test_the_word_before_a_year_is_not_required(tmp_path):
    """"năm 2023" required the word "năm": an article of that year not writing it was left out
    (474 of the 476 "2023" counts on the bench), and the 9,464 holding "năm" were listed as
    approximate. The word before a year, as "ngày" before a day, is not one to hold."""
    data = site_with_article(tmp_path, "bai-khong-co-chu-ay.md",
        '---\ntitle: "Cán bộ gương mẫu"\ndate: 2023-06-01T08:00:00+07:00\nsummary: "Tấm gương đạo đức."\n'
        'province: ["Lào Cai"]\n---\n\nCán bộ học tập tấm gương đạo đức.\n')
    worded, year, province = search(data, "năm 2023", "2023", "Lào Cai năm 2023")
    assert "Cán bộ gương mẫu" in year["titles"][:year["total"]]
    assert set(worded["ids"]) == set(year["ids"]) and worded["approxTotal"] == 0
    assert "Cán bộ gương mẫu" in province["titles"][:province["total"]]


@node_only
def test_a_dash_before_a_quoted_phrase_leaves_out_the_phrase(fixture_index):
    """'bác -"tiền bạc"' required the phrase «tiền bạc» (the dash a character of nothing): the
    opposite of what web search engines read. A dash before a quoted phrase leaves out the
    articles holding the phrase; a dash inside the quotes is as before."""
    minus, plain, phrase, name, named, word, words = search(
        fixture_index, 'bác -"tiền bạc"', "bác", '"tiền bạc"', 'bác -"Lào Cai"', '"Lào Cai"', 'bác -"lao"', "bác -lao")
    assert phrase["total"] > 0 and named["total"] > 0
    assert set(minus["ids"]) == set(plain["ids"]) - set(phrase["ids"]) and minus["total"] < plain["total"]
    assert set(name["ids"]) == set(plain["ids"]) - set(named["ids"])
    assert set(word["ids"]) == set(words["ids"])
    (inside,) = search(fixture_index, 'bác "-tiền bạc"')
    assert set(inside["ids"]) == set(search(fixture_index, 'bác "tiền bạc"')[0]["ids"])


@node_only
def test_a_dash_before_a_year_after_a_word_leaves_out_that_year(fixture_index):
    """"bác -2023" required 2023 (the dash was read as a range's, "2017 -2020"): it counted the
    articles of 2023. A dash before a number after a word leaves out the articles holding it, and
    for a year those of that year; after a number it is still a range's."""
    minus, plain, year = search(fixture_index, "bác -2023", "bác", "2023")
    assert year["total"] > 0 and set(minus["ids"]) == set(plain["ids"]) - set(year["ids"]) and minus["total"] > 0
    ranged, both = search(fixture_index, "2016 -2018", "2016 2018")
    assert ranged["ids"] == both["ids"]


@node_only
def test_a_month_in_words_before_a_year_is_that_month(tmp_path):
    """"tháng Ba năm 2018" required "ba" anywhere: an article of March 2018 not writing it was left
    out, where "tháng 3/2018" finds the articles of that month. The month in words before a year
    is read as its number."""
    data = site_with_article(tmp_path, "hoi-nghi-thang-3.md",
        '---\ntitle: "Hội nghị sơ kết"\ndate: 2018-03-10T08:00:00+07:00\nsummary: "Sơ kết học tập."\n'
        'province: ["Lào Cai"]\n---\n\nCán bộ học tập tấm gương đạo đức.\n')
    march, spaced, typed = search(data, "tháng Ba năm 2018", "tháng ba 2018", "tháng 3/2018")
    assert "Hội nghị sơ kết" in typed["titles"][:typed["total"]]
    assert set(march["ids"]) == set(typed["ids"]) == set(spaced["ids"])


@node_only
def test_the_words_readers_type_about_the_news_itself_are_not_required(fixture_index):
    """"tin mới nhất về Lào Cai", "các bài về Lai Châu", "tìm kiếm tiền bạc", "Lào Cai tin tức"
    required "tin", "mới", "nhất", "các", "bài", "tìm", "kiếm", "tức" (on the bench 2,666 of the
    5,301 articles naming Lai Châu for the first). They are asked around the words, as "là gì"
    is; typed alone they are searched. "mới nhất" lists the newest first."""
    cases = {"tin mới nhất về Lào Cai": "Lào Cai", "các bài về Lai Châu": "Lai Châu",
             "tìm kiếm tiền bạc": "tiền bạc", "Lào Cai tin tức": "Lào Cai", "Lai Châu mới nhất": "Lai Châu"}
    found = search(fixture_index, *cases, *cases.values())
    for r, plain in zip(found, found[len(cases):]):
        assert plain["total"] > 0 and set(r["ids"]) == set(plain["ids"]) and r["approxTotal"] == plain["approxTotal"], r["q"]
    (alone,) = search(fixture_index, "tìm kiếm")
    assert not alone["empty"] and not alone["begun"]  # searched as typed
    # "mới nhất" asked: the newest first (ids are oldest first), not the closest match first
    newest, closest = search(fixture_index, "tin mới nhất về làm theo Bác", "làm theo Bác")
    assert newest["ids"] == sorted(closest["ids"], reverse=True) != closest["ids"]


@node_only
def test_a_day_of_a_month_without_its_year_is_held_written_day_beside_month(fixture_index):
    """"19/5", "2/9", "30/4" (days readers name events by) counted the articles holding "19" and
    "5" anywhere (1,946 of the 10,000 bench articles, none writing 19/5; "2/9" 3,204 by "9"
    alone). The day and month are held together, as written in any year and with or without a
    zero ("15/5/2016", "15/05"); none writing it: none, and the page says so."""
    written = set()
    for path in (FIXTURE / "content" / "articles").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        shown = re.sub(r"^date: .*$", "", text, flags=re.M)  # title, summary, body
        if re.search(r"(?<![0-9])0?15\s*[/.-]\s*0?5(?![0-9])", shown):
            written.add(re.search(r'^title: "(.*)"$', text, re.M).group(1))
    day, padded, none, event = search(fixture_index, "15/5", "15/05", "19/5", "kỷ niệm 19/5")
    assert len(written) >= 1 and set(day["titles"][:day["total"]]) == written and day["ids"] == padded["ids"]
    assert none["total"] == 0 and none["apart"] == ["19/5"] and event["apart"] == ["19/5"]
    # a month of a year, a day of a year, a code are as before
    month, dated, code = search(fixture_index, "5/2016", "15/5/2016", "05-CT/TW")
    assert month["total"] >= 1 and dated["total"] >= 1 and code["total"] >= 1 and not (month["apart"] or dated["apart"])


@node_only
def test_the_cities_as_the_press_abbreviates_them(tmp_path):
    """"HN", "ĐN", "HP" found nothing (no article writes them, no chain of pairs reads them): they
    are read as Hà Nội, Đà Nẵng, Hải Phòng where an article writes those; "DN" is first a
    business (doanh nghiệp), a typed Đ the city."""
    root = site_copy(tmp_path)
    for slug, text in (("hoc-tap-lam-theo-bac-o-lao-cai", "Đoàn công tác của Hà Nội và Hải Phòng."),
                       ("hoc-tap-lam-theo-bac-o-lam-dong", "Chuyến thăm Đà Nẵng.")):
        article = root / "content" / "articles" / (slug + ".md")
        article.write_text(article.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")
    build(root, output=str(tmp_path / "out"))
    data = tmp_path / "out" / "tim-kiem" / "du-lieu"
    hn, dn_city, hp, dn = search(data, "HN", "ĐN", "HP", "DN")
    assert hn["corrected"] == "Hà Nội" and hn["titles"][:hn["total"]] == [O_LAO_CAI]
    assert hp["corrected"] == "Hải Phòng" and hp["titles"][:hp["total"]] == [O_LAO_CAI]
    assert dn_city["corrected"] == "Đà Nẵng" and dn_city["titles"][:dn_city["total"]] == [O_LAM_DONG]
    assert dn["corrected"] is not None and dn["corrected"].lower() == "doanh nghiệp" and NHAN_RONG in dn["titles"]


@node_only
def test_two_names_typed_one_after_the_other_are_each_held_whole(tmp_path):
    """"Lê Đức Dục Nguyễn Văn Bình" required the pair where the names meet ("Dục Nguyễn"), which no
    article writes: nothing was found, and the page said no article holds «Dục Nguyễn». A pair no
    article holds between name pairs that articles hold is where two names meet. "Đức Dục" (two
    spellings of one fold) is a name's pair, not a word typed twice."""
    data = site_with_texts(tmp_path, (("hoc-tap-lam-theo-bac-o-lao-cai", "Ông Lê Đức Dục và ông Nguyễn Văn Bình dự."),
                                      ("hoc-tap-lam-theo-bac-o-lam-dong", "Ông Lê Đức Anh; ngành giáo dục.")))
    two, one, twice, bac = search(data, "Lê Đức Dục Nguyễn Văn Bình", "Lê Đức Dục", "Bác Hồ Bác Hồ", "Bác Hồ")
    # one syllable twice without marks may be two words ("tien tien": tiên tiến), held together
    (bare,) = search(data, "dan dan")  # "dân" and "Đảng" anywhere, "dần dần" nowhere
    assert bare["total"] == 0 and bare["apart"] == ["dan dan"]
    assert two["titles"][:two["total"]] == [O_LAO_CAI] and two["apart"] == []
    assert O_LAO_CAI in one["titles"][:one["total"]] and O_LAM_DONG not in one["titles"][:one["total"]]
    assert twice["ids"] == bac["ids"] and bac["total"] > 0 and twice["apart"] == []


@node_only
def test_no_pair_of_words_crosses_a_paragraph_or_a_heading(tmp_path):
    """The index made a pair of the last word of a paragraph (or heading) and the first of the next:
    the quoted phrase "Minh Để" matched 499 of the 10,000 bench articles, none of which writes it
    (“… phong cách Hồ Chí Minh". / Để tiếp tục …”), and a name typed ("Côn Đảo") was held by an
    article ending a paragraph with "Côn" and starting the next with "Đảo". Within a paragraph,
    across a comma, pairs are made as before."""
    data = site_with_texts(tmp_path, (("hoc-tap-lam-theo-bac-o-lao-cai", "Đoàn đến thăm Côn\n\nĐảo chiều thi đua."),
                                      ("hoc-tap-lam-theo-bac-o-lam-dong", "## Kết quả ở Côn\n\nĐảo ngược tình thế.\n\n- Côn\n- Đảo"),
                                      ("lam-dong-neu-cao-dao-duc-cong-vu", "Chuyến đi Côn Đảo, Côn, Đảo.")))
    quoted, name, comma = search(data, '"Côn Đảo"', "Côn Đảo", '"Côn Đảo Côn"')
    assert quoted["titles"][:quoted["total"]] == [LAM_DONG] and name["titles"][:name["total"]] == [LAM_DONG]
    assert comma["titles"][:comma["total"]] == [LAM_DONG]
    (apart,) = search(data, "côn đảo chiều")  # the words are still found apart, anywhere
    assert O_LAO_CAI in apart["titles"][:apart["total"]]


@node_only
def test_a_day_and_month_written_in_words_are_read_as_typed_in_digits(fixture_index):
    """"ngày 12 tháng 3" counted the articles holding "ngày", "12", "tháng" anywhere (4,183 of the
    10,000 bench articles, none writing 12/3; the snippet marked "tháng 3" of "tháng 3/2018"). A
    day and month in words, after "ngày" or before their year, are the day typed in digits."""
    words, digits, padded, none = search(fixture_index, "ngày 15 tháng 5", "15/5", "Ngày 15 Tháng 05", "ngày 12 tháng 3")
    assert digits["total"] >= 1 and words["ids"] == digits["ids"] == padded["ids"]
    assert none["total"] == 0 and none["apart"] == ["12/3"]
    (early,) = search(fixture_index, "mùng 15 tháng 5")  # "mùng"/"mồng" name a day as "ngày" does
    assert early["ids"] == digits["ids"]
    year_words, year_digits = search(fixture_index, "ngày 15 tháng 5 năm 2016", "15/5/2016")
    assert year_digits["total"] >= 1 and year_words["ids"] == year_digits["ids"]


@node_only
def test_a_number_written_with_its_separators_is_held_as_written(tmp_path):
    """"4.0" (cách mạng công nghiệp 4.0) required nothing (its parts are one digit): no result
    and 8,173 approximate ones on the bench corpus, none writing it; "cách mạng công nghiệp 4.0"
    counted 5,378 articles holding the words anywhere. "1.000 hộ" and "2,5" likewise: the groups
    of a number are held side by side, as written."""
    data = site_with_texts(tmp_path, (("hoc-tap-lam-theo-bac-o-lao-cai", "Cách mạng công nghiệp 4.0 đến với 1.000 hộ; tăng 2,5 lần."),
                                      ("hoc-tap-lam-theo-bac-o-lam-dong", "Sau 4 năm, 0 hộ nghèo, 1 hộ và 000 tấn; 2 hay 5 lần."),
                                      ("lam-dong-neu-cao-dao-duc-cong-vu", "Cách mạng và công nghiệp, 4 năm.")))
    version, revolution, homes, rate, none = search(data, "4.0", "cách mạng công nghiệp 4.0", "1.000 hộ", "2,5 lần", "5.0")
    for result in (version, revolution, homes, rate):
        assert result["titles"][:result["total"]] == [O_LAO_CAI], result
    assert none["total"] == 0 and none["apart"] == ["5.0"]


@node_only
def test_a_word_read_from_telex_keys_without_a_tone_key_is_shown_as_the_site_writes_it(fixture_index):
    """"hoc taap" was shown corrected to «hoc tâp»: "taap" spells no word ("tâp" takes a tone).
    The tone the reader did not type is the one the article found writes; a tone typed is kept."""
    plain, toned = search(fixture_index, "hoc taap", "hocj taaps")
    assert plain["corrected"] == "hoc tập" and plain["total"] >= 1
    assert toned["corrected"] == "học tấp"


@node_only
@pytest.mark.parametrize("fail", ["index.bin", "s/", "r/"])
def test_a_file_that_failed_to_load_is_loaded_again_by_the_next_search(fixture_index, fail):
    """A shard, a record group or the manifest that failed to load once (a phone's network
    dropped) stayed failed for the page's life: the page said to try again, and every search
    failed again until the page was reloaded. The next search loads it again."""
    first, second, failed = run_node({"op": "flaky", "dir": str(fixture_index), "q": "làm theo Bác", "fail": fail})
    (fresh,) = search(fixture_index, "làm theo Bác")
    assert failed and "error" in first, first
    assert second == {"total": fresh["total"], "titles": fresh["titles"][:fresh["total"]]} and second["total"] >= 1


@node_only
def test_no_pair_of_words_crosses_the_end_of_a_sentence(tmp_path):
    """"vững mạnh Đảng" quoted matched 3,662 of the 10,000 bench articles, 2,052 of them writing
    "… vững mạnh. Đảng …" across a full stop; a name typed ("Côn Đảo") was held by "… Côn! Đảo …".
    The index makes no pair across ! ? ; … or a full stop after a word starting with a small
    letter; a capital's or a digit's full stop ("TP. Hồ Chí Minh", "4.0") and commas still join.
    The query is cut the same way, but not inside a name of the registries ("tp. hồ chí minh")."""
    data = site_with_texts(tmp_path, (("hoc-tap-lam-theo-bac-o-lao-cai", "Trong sạch, vững mạnh. Đảng ủy đến Côn! Đảo chiều."),
                                      ("hoc-tap-lam-theo-bac-o-lam-dong", "Trong sạch, vững mạnh, Đảng ủy thăm Côn Đảo."),
                                      ("lam-dong-neu-cao-dao-duc-cong-vu", "Đoàn đến TP. Hồ Chí Minh; ngành khai thác. Đảo chiều.")))
    quoted, name, pasted, city, plain = search(data, '"vững mạnh Đảng"', "Côn Đảo", '"vững mạnh. Đảng ủy đến"',
                                               "tp. hồ chí minh", "ngành khai thác. Đảo")
    for result in (quoted, name):
        assert O_LAM_DONG in result["titles"][:result["total"]] and O_LAO_CAI not in result["titles"][:result["total"]]
    assert O_LAO_CAI in pasted["titles"][:pasted["total"]]  # the reader's own full stop cuts the phrase too
    assert LAM_DONG in city["titles"][:city["total"]] and city["apart"] == []
    assert LAM_DONG in plain["titles"][:plain["total"]]
    # a full stop the reader types before a space ends a name, after a capital too ("Bác Hồ. Đảng")
    (stop,) = search(data, "Côn. Đảo")
    assert {O_LAO_CAI, O_LAM_DONG} <= set(stop["titles"][:stop["total"]]) and stop["apart"] == []


@node_only
def test_a_day_or_a_number_typed_last_is_whole_at_the_pause(fixture_index):
    """The page searches a query typed without a trailing space with its last word open (being
    typed): "19/5" so typed counted the articles holding "19" and "5" anywhere again (1,946 of the
    10,000 bench articles), its month being one digit, no word of the index to wait for; "4.0"
    and "ngày 12 tháng 3" likewise. At the pause (or Enter) they are whole; while typing, the
    count waits for the pause."""
    typed = search(fixture_index, "19/5", "ngày 12 tháng 3", "4.0", "15/5", open=True)
    closed = search(fixture_index, "19/5", "ngày 12 tháng 3", "4.0", "15/5")
    for a, b in zip(typed, closed):
        assert (a["ids"], a["apart"]) == (b["ids"], b["apart"]), a["q"]
    assert typed[0]["apart"] == ["19/5"] and typed[1]["apart"] == ["12/3"] and typed[2]["apart"] == ["4.0"]
    assert typed[3]["total"] >= 1 and typed[3]["apart"] == []
    (typing,) = search(fixture_index, "19/5", open=True, light=True)
    assert typing["deferred"]


@node_only
def test_a_province_typed_is_never_searched_as_an_initialism(tmp_path):
    """"Quảng Nam Đà Nẵng" (no article holds both) was shown corrected to «Quảng Nam ĐN», with
    159 results on the bench corpus: the spelled-out reading "Đà Nẵng" was searched as its
    initialism, which, typed last, counted as a word being typed: the articles of Quảng Nam
    alone. A name of the registries is found as such, and an initialism put last is whole."""
    data = site_with_texts(tmp_path, (("hoc-tap-lam-theo-bac-o-lao-cai", "Đoàn công tác của Hà Nội."),
                                      ("hoc-tap-lam-theo-bac-o-lam-dong", "Chuyến thăm Đà Nẵng.")))
    for open_ in (True, False):
        two, city = search(data, "Lai Châu Đà Nẵng", "Lào Cai Hà Nội", open=open_)
        assert two["corrected"] is None and two["total"] == 0, two
        assert city["corrected"] is None and city["titles"][:city["total"]] == [O_LAO_CAI], city


@node_only
def test_a_directive_named_in_english_is_found_by_its_kind_and_number(fixture_index):
    """"directive 05" found nothing at all, not even in part (no article writes "directive"); the
    English press writes the registries' kinds so ("Directive No. 05-CT/TW", "Resolution 04",
    "Conclusion 01", "Regulation 08"): read as the Vietnamese kind before a number."""
    english, no, vietnamese = search(fixture_index, "directive 05", "Directive No. 05-CT/TW", "Chỉ thị 05")
    assert vietnamese["total"] >= 1 and english["ids"] == no["ids"] == vietnamese["ids"]
    conclusion, ket_luan = search(fixture_index, "Conclusion 01", "Kết luận 01")
    assert conclusion["ids"] == ket_luan["ids"]
    (word,) = search(fixture_index, "the directive")  # not before a number: a word as typed
    assert word["total"] == 0


def test_indexing_processes_leave_numpy_huge_pages_unadvised():
    """A process that indexes turns numpy's huge page advice off (keep_freed_memory): faulting
    advised arrays cost the scan up to 200 us an article of system time (docs/search.md)."""
    code = ("import numpy as np; core = getattr(np, '_core', None) or np.core; "
            "before = core.multiarray._get_madvise_hugepage(); "
            "from generator.search.entries import keep_freed_memory; keep_freed_memory(); "
            "print(before, core.multiarray._get_madvise_hugepage())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "NUMPY_MADVISE_HUGEPAGE": "1"})
    assert done.stdout.split() == ["True", "False"]


def test_kernel_outputs_are_kept_for_the_next_batch_only_when_nothing_refers_to_them():
    """A batch's output arrays are reused by the next batch (fresh ones each time grew the heap to
    new pages, faulted in again), but never while a view of them is still alive, and two batches
    scanned one after the other give what they give alone."""
    needs_kernels()
    from generator.search import kernels
    first = kernels._arrays("test", 100, (np.int64, np.uint8))
    kept = weakref.ref(first[0].base)  # (a reference would keep it from being reused)
    again = kernels._arrays("test", 100, (np.int64, np.uint8))  # the first batch's views alive
    assert again[0].base is not kept() and again[0].base is not None
    kept = weakref.ref(again[0].base)
    del first, again
    smaller = kernels._arrays("test", 80, (np.int64, np.uint8))
    assert smaller[0].base is kept() and len(smaller[0]) == 80
    del smaller
    larger = kernels._arrays("test", 1000, (np.int64, np.uint8))
    assert larger[0].base is not kept() and len(larger[0].base) >= 1000
    del larger
    maker = Maker(None)
    texts = [["<p>Học tập và làm theo tư tưởng, đạo đức Hồ Chí Minh</p>", "Lào Cai", "Tin"],
             ["<p>Đảng bộ tỉnh Lâm Đồng sơ kết Chỉ thị 05-CT/TW</p><p>Năm 2024</p>", "Lâm Đồng", ""]]
    alone = [maker._scanned(t)[0] for t in texts]
    held = maker._scanned(texts[0])[0]  # its arrays still referred to while the next is scanned
    after = maker._scanned(texts[1])[0]
    for one, other in ((alone[0], held), (alone[1], after)):
        assert one.spelling.tolist() == other.spelling.tolist() and one.seg.tolist() == other.seg.tolist()
        assert one.brk.tolist() == other.brk.tolist() and one.length.tolist() == other.length.tolist()


@node_only
def test_a_day_typed_in_digits_finds_the_articles_writing_it_in_words(tmp_path):
    """"12/3" found only the articles writing "12/3" (none on a site writing "ngày 12 tháng 3"),
    and "ngày 12 tháng 3", read as 12/3, likewise. A day and month are also held by the articles
    writing them in words after the word of a day (ngày, mùng, mồng), and marked there; not by
    counts of months ("12 tháng qua" beside "tháng 3")."""
    data = site_with_texts(tmp_path, (("hoc-tap-lam-theo-bac-o-lao-cai", "Ngày 12 tháng 3, Đảng bộ tổ chức hội nghị; mồng 2 tháng 09 mít tinh."),
                                      ("hoc-tap-lam-theo-bac-o-lam-dong", "Trong 12 tháng qua, từ tháng 3 đến nay; sau 2 tháng, tháng 9 về đích."),
                                      ("lam-dong-neu-cao-dao-duc-cong-vu", "Sáng 12/3, hội nghị tổng kết; mùng 2/9.")))
    digits, words, padded, national = search(data, "12/3", "ngày 12 tháng 3", "12-03", "2/9")
    for result in (digits, words, padded, national):
        assert set(result["titles"][:result["total"]]) == {O_LAO_CAI, LAM_DONG}, result["q"]
        assert result["apart"] == [], result["q"]
    (alone,) = search(data, "12/3", province="lao-cai")
    assert marked(alone["snippets"][0]) == ["12 tháng 3"]


@node_only
def test_a_day_typed_with_a_leading_zero_finds_it_written_without(fixture_index):
    """"19/04" found nothing where an article writes "19/4" (and "14/06" none writing "14/6"): the
    pair was looked up both ways, but "04" was also required as a word, which no article holds.
    A day's and a month's words are held with or without their zero, and are no Roman numeral."""
    for padded, plain in (("19/04", "19/4"), ("14/06", "14/6"), ("ngày 05/7", "ngày 5/7"), ("ngày 19 tháng 04", "19/4")):
        a, b = search(fixture_index, padded, plain)
        assert b["total"] >= 1 and a["ids"][:a["total"]] == b["ids"][:b["total"]], (padded, a["total"], b["total"])
        assert a["apart"] == [], padded


@node_only
def test_provinces_merged_into_one_unit_typed_together_find_either(tmp_path):
    """"Tây Ninh Long An", "Lâm Đồng Đắk Nông" required both names: 0 articles on the bench corpus
    for the first (326 under "Kết quả gần đúng"), 76 of Lâm Đồng's 167 for the second. A reader
    typing the provinces merged into one 2025 unit means the unit: the articles naming either,
    those naming more of them first; provinces of different units are still all required."""
    root = site_copy(tmp_path)
    article = root / "content" / "articles" / "hoc-tap-lam-theo-bac-o-lam-dong.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nĐoàn công tác đã đến Đắk Nông.\n", encoding="utf-8")
    build(root, output=str(tmp_path / "out"))
    data = tmp_path / "out" / "tim-kiem" / "du-lieu"
    lam_dong, dak_nong, both, folded, apart = search(data, "Lâm Đồng", "Đắk Nông", "Lâm Đồng Đắk Nông",
                                                      "dak nong lam dong", "Đắk Nông Lào Cai")
    either = set(lam_dong["ids"][:lam_dong["total"]]) | set(dak_nong["ids"][:dak_nong["total"]])
    assert len(either) > max(lam_dong["total"], dak_nong["total"])
    for result in (both, folded):
        assert set(result["ids"][:result["total"]]) == either, result["q"]
        assert result["titles"][0] == O_LAM_DONG, result["q"]  # the one naming both
        assert result["approxTotal"] == 0
    assert apart["total"] == 0  # Lào Cai joined Yên Bái's unit, not Lâm Đồng's


@node_only
def test_a_phrase_longer_than_the_pairs_checked_says_its_count_is_approximate(fixture_index):
    """A quoted phrase of more than 16 pairs has its first 16 checked in order, the rest not: a
    21-pair phrase whose last words no article writes counted 2,048 articles on the bench corpus
    ("Tìm thấy 2.048 kết quả"), as if all held it. The answer says its count is approximate."""
    words = ("Nhiều chi bộ, đảng bộ trực thuộc Đảng bộ Khối các cơ quan tỉnh đã phát động rộng khắp các phong trào "
             "học tập").split()
    short, long, changed, unquoted = search(fixture_index, '"' + " ".join(words[:17]) + '"',
                                            '"' + " ".join(words) + '"',
                                            '"' + " ".join(words[:20]) + ' thi đua khen thưởng"', " ".join(words))
    assert short["total"] == 1 and not short["cut"]  # 16 pairs: all checked
    assert long["total"] == 1 and long["cut"]
    assert changed["total"] >= 1 and changed["cut"]  # its end written nowhere, yet counted
    assert not unquoted["cut"]


@node_only
def test_a_unit_searched_within_a_province_merged_into_it_finds_that_province(fixture_index):
    """The page offers, for "Lâm Đồng", the provinces merged into it in 2025 as filters; choosing
    Đắk Nông found nothing (no article of Đắk Nông names Lâm Đồng), and "Ninh Bình" within Hà Nam
    likewise. Within provinces of its unit, the unit's name is held by the filter's articles."""
    (dak_nong,) = search(fixture_index, "Đắk Nông")
    (within,) = search(fixture_index, "Lâm Đồng", province="dak-nong")
    assert within["total"] >= 1 and set(within["ids"][:within["total"]]) <= set(dak_nong["ids"][:dak_nong["total"]])
    (unit,) = search(fixture_index, "Lâm Đồng", province="lam-dong+binh-thuan+dak-nong")
    (lam_dong,) = search(fixture_index, "Lâm Đồng")
    assert unit["total"] > lam_dong["total"]
    (other,) = search(fixture_index, "Lâm Đồng", province="lao-cai")  # not of the unit: the name is still required
    assert other["total"] == 0
    (words,) = search(fixture_index, "Lâm Đồng làm theo Bác", province="dak-nong")  # the other words still are
    assert set(words["ids"][:words["total"]]) <= set(within["ids"][:within["total"]])


@node_only
def test_hoac_between_two_names_of_the_registries_is_either(fixture_index):
    """"Lào Cai hoặc Lai Châu" required both provinces and "hoặc": no result, though "Lào Cai OR
    Lai Châu" found the articles of either. Between two names of the registries, "hoặc" is OR;
    elsewhere it is a word ("học tập hoặc làm theo" still requires it), and quoted it is text."""
    spoken, typed, words, quoted = search(fixture_index, "Lào Cai hoặc Lai Châu", "Lào Cai OR Lai Châu",
                                          "học tập hoặc làm theo", '"Lào Cai hoặc Lai Châu"')
    assert typed["total"] >= 2 and set(spoken["ids"][:spoken["total"]]) == set(typed["ids"][:typed["total"]])
    assert {LAI_CHAU, O_LAO_CAI} <= set(spoken["titles"][:spoken["total"]])
    assert words["total"] == len(articles_with_all(["học", "tập", "hoặc", "làm", "theo"]))
    assert quoted["total"] == 0


@node_only
def test_slashed_abbreviations_of_administrative_writing_find_their_words(fixture_index):
    """"đ/c" (đồng chí) found nothing: two one-letter words, which nothing requires. It, and the
    other slashed abbreviations of administrative writing (đ/v, v/v, k/g), are the words they
    stand for, and those words are marked."""
    short, upper, full, named, whole = search(fixture_index, "đ/c", "Đ/C", "đồng chí", "đ/c Bí thư", "đồng chí Bí thư")
    assert full["total"] >= 1
    for result in (short, upper):
        assert result["ids"][:result["total"]] == full["ids"][:full["total"]], result["q"]
    assert named["ids"][:named["total"]] == whole["ids"][:whole["total"]] and whole["total"] >= 1
    assert any("đồng chí" in m.lower() for s in short["snippets"] for m in marked(s))
    (within,) = search(fixture_index, "đ/cx")  # no abbreviation: as typed
    assert within["total"] == 0


@node_only
def test_a_day_with_its_year_typed_finds_the_articles_writing_it_in_words(tmp_path):
    """"12/3/2014" (and "ngày 12 tháng 3 năm 2014", read so) found the articles dated that day and
    those writing "12/3/2014", not one writing "ngày 12 tháng 3 năm 2014". It is also held by the
    articles writing the day after the word of a day and the month beside its year, in words; not
    by counts ("12 tháng qua", "3 năm") beside "năm 2014". A month alone is not read from words:
    "tháng 3", "3 năm" and "năm 2014" apart would count, and pairs can't tell them from it."""
    data = site_with_texts(tmp_path, (("hoc-tap-lam-theo-bac-o-lao-cai", "Ngày 12 tháng 3 năm 2014, Đảng bộ tổ chức hội nghị."),
                                      ("hoc-tap-lam-theo-bac-o-lam-dong", "Trong 12 tháng qua, từ tháng 3, năm 2014 và 3 năm qua."),
                                      ("lam-dong-neu-cao-dao-duc-cong-vu", "Sáng 12/3/2014, hội nghị tổng kết.")))
    for result in search(data, "12/3/2014", "ngày 12 tháng 3 năm 2014", "12-03-2014"):
        assert set(result["titles"][:result["total"]]) == {O_LAO_CAI, LAM_DONG}, result["q"]
    (alone,) = search(data, "12/3/2014", province="lao-cai")
    assert "12 tháng 3" in " ".join(marked(alone["snippets"][0]))


def test_an_article_with_100000_new_words_is_patched_into_the_index_in_linear_time():
    """An edit whose article brings 100,000 words no other article has (footnotes 1…100,000) took
    minutes: each new list's size was appended to a copy of all the sizes before it."""
    import time

    def source(lists: int, docs: list[int], first: int) -> assemble.Source:
        rows = np.repeat(np.arange(lists, dtype=np.int64), len(docs))
        keys = np.arange(first, first + lists, dtype=np.int64)
        return assemble.Source(keys, keys.astype(np.uint64), keys.astype(np.uint64), rows,
                               np.tile(np.arange(len(docs), dtype=np.int64), lists),
                               np.ones(len(rows), np.uint8), np.array(docs, dtype=np.int64))

    strings = lambda h: (f"k{h}", "")  # noqa: E731
    old = assemble.merge([source(50, [0, 1], 0)], 2, strings)
    count = 100_000
    changed = {2: {(k, k, k): 1 + k % 3 for k in range(40, 40 + count)}}  # new lists and 10 old ones
    start = time.monotonic()
    patched = assemble.patch(old, 2, changed, strings)
    elapsed = time.monotonic() - start
    whole = assemble.merge([source(50, [0, 1], 0), assemble.Source(
        *(np.arange(40, 40 + count, dtype=t) for t in (np.int64, np.uint64, np.uint64)),
        np.arange(count, dtype=np.int64), np.zeros(count, np.int64),
        np.array([1 + k % 3 for k in range(40, 40 + count)], np.uint8), np.array([2]))], 3, strings)
    assert patched.lists == whole.lists == 50 + count - 10
    assert patched.encoded == whole.encoded and patched.keys == whole.keys
    assert patched.sizes.tolist() == whole.sizes.tolist()
    assert elapsed < 10


def test_an_edit_to_an_article_of_100000_footnotes_reads_the_index_lists_without_numpy_each(monkeypatch):
    """A one-word edit to an article of 100,000 footnotes (500,000 lists of its own) cost ~25 s of
    CPU in `serve`: patch decoded every list of the index through numpy (~35 us each, whatever its
    length) to find the article's old postings; a deletion (the index rebuilt from the last one)
    did the same. Short lists are now walked in Python and all lists decoded in one numpy pass."""
    from generator.search import format as codec

    count = 60_000
    rng = np.random.default_rng(9)

    def source(docs_of: list[list[int]], first: int, ids: list[int]) -> assemble.Source:
        rows = np.concatenate([np.full(len(d), j, np.int64) for j, d in enumerate(docs_of)])
        keys = np.arange(first, first + len(docs_of), dtype=np.int64)
        docs = np.concatenate([np.array(d, np.int64) for d in docs_of])
        return assemble.Source(keys, keys.astype(np.uint64), keys.astype(np.uint64), rows, docs,
                               rng.integers(0, 6, len(docs)).astype(np.uint8), np.array(ids, dtype=np.int64))

    strings = lambda h: (f"k{h}", "")  # noqa: E731
    # Lists of every length (the shared words, some long enough for a bitmap), then the article's own.
    shared = [sorted(rng.choice(300, int(n), replace=False).tolist()) for n in rng.integers(1, 300, 200)]
    lists = shared + [[299]] * count
    old = assemble.merge([source(lists, 0, list(range(300)))], 300, strings)
    calls = []
    real = codec.decode_list
    monkeypatch.setattr(codec, "decode_list", lambda *a: calls.append(1) or real(*a))
    monkeypatch.setattr(assemble, "decode_list", codec.decode_list)

    by_list = [real(data) for data in old.encoded]
    whole = assemble.source_of_index(old, np.arange(300))
    assert whole.lists.tolist() == [j for j, (d, _) in enumerate(by_list) for _ in d]
    assert whole.docs.tolist() == [x for d, _ in by_list for x in d.tolist()]
    assert whole.values.tolist() == [x for _, v in by_list for x in v.tolist()]
    bitmaps = sum(read_varint(data, 0)[0] & 1 for data in old.encoded)
    assert len(calls) <= 2 * bitmaps  # one numpy decode per bitmap list, none per gap list

    edited = {}  # the article's postings as the index holds them
    for key, (d, v) in zip(old.order_key.tolist(), by_list):
        if 299 in d.tolist():
            edited[(key,) * 3] = int(v[d.tolist().index(299)])
    edited.pop((len(shared) + 7,) * 3)  # a word of the article taken out…
    edited[(10**7,) * 3] = 3            # …and a new one
    calls.clear()
    patched = assemble.patch(old, 300, {299: edited}, strings)
    assert len(calls) < 400, "every short list of the index was decoded through numpy"
    places = sorted(edited)
    expected = assemble.merge([assemble.source_of_index(old, np.array([*range(299), -1])), assemble.Source(
        *(np.array([p[0] for p in places], dtype=t) for t in (np.int64, np.uint64, np.uint64)),
        np.arange(len(places), dtype=np.int64), np.zeros(len(places), np.int64),
        np.array([edited[p] for p in places], np.uint8), np.array([299]))], 300, strings)
    assert patched.lists == expected.lists == old.lists
    assert patched.keys == expected.keys and patched.encoded == expected.encoded
    assert patched.sizes.tolist() == expected.sizes.tolist()


@node_only
def test_a_province_within_a_longer_proper_name_is_held_with_it(tmp_path):
    """"Điện Biên Phủ" counted the province with "phủ" anywhere (an article of "tỉnh Điện Biên" and
    "Chính phủ" was a full result) and left "Phủ" unmarked. A province's name with a word typed as a
    name beside it is a longer name, held whole as a name is, "Phủ" marked, with no 2025 offer of the
    province; where none writes it ("Hà Nội Tết") the page says so, and where the word starts a name
    of its own ("Lai Châu Bác Hồ") the two names are held each. Typed in small letters it ranks first."""
    data = site_with_texts(tmp_path, (
        ("hoc-tap-lam-theo-bac-o-lao-cai", "Kỷ niệm Chiến thắng Điện Biên Phủ lừng lẫy. Thái Bình Dương."),
        ("hoc-tap-lam-theo-bac-o-lam-dong", "Đoàn tỉnh Điện Biên làm việc với Chính phủ. Bác Hồ và Lai Châu."),
        ("lam-dong-neu-cao-dao-duc-cong-vu", "Thành phố Điện Biên Phủ, tỉnh Điện Biên. Tết ở Hà Nội; tỉnh Thái Bình."),
        ("nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac", "Thăm Lai Châu. Bác Hồ dạy.")))
    whole, lower, tet, two, ocean, thai_binh = search(
        data, "Điện Biên Phủ", "dien bien phu", "Hà Nội Tết", "Lai Châu Bác Hồ", "Thái Bình Dương", "Thái Bình")
    assert set(whole["titles"][:whole["total"]]) == {O_LAO_CAI, LAM_DONG} and whole["apart"] == []
    assert whole["within"] == ["~p:dien-bien"]
    for snippet in whole["snippets"][:2]:
        assert "Phủ" in marked(snippet)
    assert lower["total"] > 2 and set(lower["titles"][:2]) == {O_LAO_CAI, LAM_DONG}  # with "phủ" anywhere
    assert tet["total"] == 0 and tet["apart"] == ["Hà Nội Tết"] and tet["titles"][0] == LAM_DONG  # approximate
    assert set(two["titles"][:two["total"]]) == {O_LAM_DONG, NHAN_RONG} and two["within"] == []
    assert ocean["titles"][:ocean["total"]] == [O_LAO_CAI] and ocean["within"] == ["~p:thai-binh"]
    assert set(thai_binh["titles"][:thai_binh["total"]]) == {O_LAO_CAI, LAM_DONG} and thai_binh["within"] == []


@node_only
def test_an_amount_of_money_finds_it_written_the_other_ways(tmp_path):
    """"1,5 tỷ" found only "1,5 tỷ", "1.500 triệu" only "1.500 triệu", and "1500 triệu đồng" required
    "đồng": one amount, written four ways by the press. An amount typed with its unit is held by the
    articles writing it any of those ways (its pairs all held), marked there; "đồng" after it is not
    required; "1,500 triệu" (1.5 or 1500?) is read as its digit groups, as before, not as an amount."""
    data = site_with_texts(tmp_path, (
        ("hoc-tap-lam-theo-bac-o-lao-cai", "Tổng kinh phí 1,5 tỷ đồng cho mô hình."),
        ("hoc-tap-lam-theo-bac-o-lam-dong", "Hỗ trợ 1.500 triệu đồng xây nhà."),
        ("lam-dong-neu-cao-dao-duc-cong-vu", "Quỹ đạt 1500 triệu."),
        ("nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac", "Vốn 1 tỷ 500 triệu đồng; thưởng 500.000 đồng cho người dân."),
        ("phat-huy-vai-tro-neu-guong-cua-can-bo-dang-vien-tai-lai-chau", "Khoản 2 tỷ và 5 triệu.")))
    four = {O_LAO_CAI, O_LAM_DONG, LAM_DONG, NHAN_RONG}
    comma, dots, whole, english, small, odd = search(
        data, "1,5 tỷ", "1.500 triệu", "1500 triệu đồng", "1.5 tỉ", "500 nghìn đồng", "1,500 triệu")
    for r in (comma, dots, whole, english):
        assert set(r["titles"][:r["total"]]) == four, r["q"]
    assert comma["titles"][0] == O_LAO_CAI  # written as typed
    assert dots["titles"][0] == O_LAM_DONG and whole["titles"][0] == O_LAM_DONG
    marks = {m for s in comma["snippets"] for m in marked(s)}
    assert {"1,5 tỷ", "1.500 triệu", "1500 triệu"} <= marks or {"1,5 tỷ", "1.500 triệu", "1 tỷ 500 triệu"} <= marks
    assert small["titles"][:small["total"]] == [NHAN_RONG] and marked(small["snippets"][0]) == ["500.000 đồng"]
    assert odd["titles"][:odd["total"]] == [O_LAM_DONG]
    # "500.000 đồng" is an amount in đồng only: "500 nghìn người" is not held by it
    (people,) = search(data, "500 nghìn người")
    assert NHAN_RONG not in people["titles"][:people["total"]]


@node_only
def test_the_party_committees_initialisms_and_their_words_find_each_other(tmp_path):
    """"TU", "HU", "ĐU" found "tư", "từ", "đủ" anywhere (syllables), "BTV TU" missed "Ban Thường vụ
    Tỉnh ủy", and "Ban Thường vụ Tỉnh ủy" missed "BTV TU". In capitals, or beside another initialism
    ("btv tu"), they are read as Tỉnh ủy (Thành ủy), Huyện ủy, Đảng ủy, held as typed only unmarked;
    "Tu", "tu sửa" stay words. The words written out also find the initialism: those of a syllable
    ("Huyện ủy": HU) only beside the word after them ("HU Bắc Hà"), not "Tỉnh ủy" alone."""
    data = site_with_texts(tmp_path, (
        ("hoc-tap-lam-theo-bac-o-lao-cai", "Ban Thường vụ Thành ủy họp. Huyện ủy Bắc Hà ra quân. Đảng ủy xã."),
        ("hoc-tap-lam-theo-bac-o-lam-dong", "BTV TU chỉ đạo. HU Bắc Hà. ĐU xã. UBND huyện giao."),
        ("lam-dong-neu-cao-dao-duc-cong-vu", "Nhà chùa tu sửa đường.")))
    btv, lower, hu, du, tu, written, huyen, ubnd, alone = search(
        data, "BTV TU", "btv tu", "HU Bắc Hà", "ĐU xã", "Tu", "Ban Thường vụ Thành ủy", "Huyện ủy Bắc Hà",
        "Ủy ban nhân dân huyện", "tu sửa")
    for r in (btv, lower):
        assert r["titles"][0] == O_LAM_DONG and O_LAO_CAI in r["titles"][:r["total"]], r["q"]
        assert LAM_DONG not in r["titles"][:r["total"]]  # "tu sửa" is no TU
    assert "BTV TU" in marked(btv["snippets"][0])
    assert set(hu["titles"][:hu["total"]]) == {O_LAM_DONG, O_LAO_CAI} and hu["titles"][0] == O_LAM_DONG
    assert du["titles"][0] == O_LAM_DONG and O_LAO_CAI in du["titles"][:du["total"]]
    assert LAM_DONG in tu["titles"][:tu["total"]]
    assert written["titles"][0] == O_LAO_CAI and O_LAM_DONG in written["titles"][:written["total"]]
    assert set(huyen["titles"][:huyen["total"]]) == {O_LAM_DONG, O_LAO_CAI} and huyen["titles"][0] == O_LAO_CAI
    assert O_LAM_DONG in ubnd["titles"][:ubnd["total"]]
    assert any("UBND" in marked(s) for s in ubnd["snippets"])
    assert alone["titles"][:alone["total"]] == [LAM_DONG]
