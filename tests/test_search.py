"""Search: folding rules (Python and their JavaScript twin), the index, and ranking.

The JavaScript side (themes/default/static/search.js) runs under node through
tests/js/search_harness.js on the same cases; without node these tests skip
locally but must run in CI.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import unicodedata
from array import array
from pathlib import Path

import pytest

from generator.build import build
from generator.search import Names, fold, index_entry, tokenize, tone_key
from generator.search.index import (FORMAT, GROUP, LEAD, SEP, TERM, TITLE, encode_postings, encode_set, read_set,
                                    read_shard, read_varint, varint, varints)
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


def with_bodies(root: Path, articles) -> list:
    """The articles with their bodies, which the build keeps in its cache under each article's key."""
    from dataclasses import replace
    from generator.incremental import CACHE_DIR, BodyStore, load_state
    keys = {}
    for state in (root / CACHE_DIR).glob("state-*.pickle"):
        keys.update((path, record.key) for path, record in load_state(state).sources.items())
    bodies = BodyStore(root / CACHE_DIR).load_many(keys[a.path] for a in articles)
    return [replace(a, body=bodies[keys[a.path]]) for a in articles]


def test_entry_is_pure_and_flags_fields(tmp_path):
    root = site_copy(tmp_path)
    site = build(root, output=str(tmp_path / "out")).site
    names = Names.from_registries(load_registries(None))
    article = next(a for a in site.articles if "Lào Cai" in a.title)
    full, = with_bodies(root, [article])
    tags = tuple(t.name for t in site.tags_of[article.slug])
    first = index_entry(full, tags, names, "bai-viet/x/")
    again = index_entry(full, tags, names, "bai-viet/x/")
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
    from dataclasses import replace
    for times, title in ((3, "Lào Cai"), (5000, "Lào Cai"), (5000, "Bác Bác")):  # counts are capped at 15
        entry = index_entry(replace(full, body="<p>" + "Bác, " * times + "</p>", title=title), (), names)
        values = dict(zip(entry.keys, entry.values))
        assert values["bac" + SEP + "bac4"] == min(times + title.count("Bác"), 15) << 3 | (TITLE if "Bác" in title else 0)


def _batch_entries(articles, tags, names, urls) -> list[tuple[dict, bytes]]:
    """batch.entries as one {key: value} and record per article (small batches, as a build makes)."""
    from generator.search import batch
    tables = batch.Tables()
    out = []
    for at in range(0, len(articles), 3):  # several batches share the tables, as in a build
        doc, key, value, records = batch.entries(articles[at:at + 3], tags[at:at + 3], names, urls[at:at + 3],
                                                 tables)
        rows: list[dict] = [{} for _ in records]
        for d, k, v in zip(doc.tolist(), key.tolist(), value.tolist()):
            rows[d][tables.keys.keys[k]] = v
        out += list(zip(rows, records))
    return out


def test_batched_entries_equal_index_entry(tmp_path):
    """The vectorised entries of a build's batches are index_entry's, key for key, on real
    articles and on texts that catch the edge cases (names across the edge of a batch document,
    overlapping and one-token names, counts over 15, no tokens at all, long bodies past the
    pairs kept, look-alike and decomposed letters)."""
    from dataclasses import replace
    root = site_copy(tmp_path)
    site = build(root, output=str(tmp_path / "out")).site
    names = Names.from_registries(load_registries(None))
    real = with_bodies(root, site.articles)
    base = real[0]
    bodies = [
        "<p>Đắk Nông và Lào Cai; Chỉ thị số 05-CT/TW, chỉ thị 05 CT/TƯ, Kon Tum, Kontum, TP.HCM</p>",
        "<p>Lào</p>",  # a name's first token at the end of one text ...
        "<p>Cai, Hà Nội. Thành phố Hồ Chí Minh Hồ Chí Minh</p>",  # ... and its second at the start of the next
        "<p>" + "Bác, bạc " * 3000 + "</p>",
        "<p>— … –</p>", "",
        "<p>" + " ".join(f"từ{n} làm theo Bác" for n in range(300)) + " Lào Cai</p>",
        "<p>\u00d0ảng \u00f0ồng " + unicodedata.normalize("NFD", "Đắk Lắk khoá hoà") + "</p>",
    ]
    made = [replace(base, body=body, title=title, summary=summary, sapo="", author=author)
            for body, title, summary, author in zip(
                bodies, ["Lào Cai", "Bác", "", "Bác Bác", "—", "Chỉ thị 05", "x", "Đắk Lắk"],
                ["Hà Nội", "", "Lào Cai Lào Cai", "", "", "tóm tắt", "", "khóa"],
                ["", "Bác", "", "", "", "", "", ""])]
    articles = real + made
    tags = [tuple(t.name for t in site.tags_of.get(a.slug, ())) for a in real] + [()] * len(made)
    urls = [f"u/{n}/" for n in range(len(articles))]
    expected = []
    for article, article_tags, url in zip(articles, tags, urls):
        entry = index_entry(article, article_tags, names, url)
        expected.append((dict(zip(entry.keys, entry.values)), entry.record))
    assert _batch_entries(articles, tags, names, urls) == expected
    assert _batch_entries(made, [()] * len(made), None, urls[:len(made)]) == [
        (dict(zip(e.keys, e.values)), e.record) for e in (index_entry(a, (), None, u) for a, u in zip(made, urls))]


def test_a_build_made_in_batches_gives_the_same_index(tmp_path, monkeypatch):
    root = site_copy(tmp_path)
    monkeypatch.setattr("generator.search.BATCH_MIN", 10**9)  # one by one: index_entry
    build(root, output=str(tmp_path / "single"))
    monkeypatch.setattr("generator.search.BATCH_MIN", 0)
    monkeypatch.setattr("generator.search.batch.BATCH", 2)  # several batches
    shutil.rmtree(root / ".cache")
    build(root, output=str(tmp_path / "batched"))
    assert files_of(tmp_path / "batched") == files_of(tmp_path / "single")


def test_index_files_and_manifest(tmp_path):
    out = tmp_path / "out"
    build(site_copy(tmp_path), output=str(out))
    data = out / "tim-kiem" / "du-lieu"
    manifest = json.loads((data / "index.json").read_text(encoding="utf-8"))
    assert manifest["count"] == 6 and manifest["format"] == FORMAT and manifest["group"] == GROUP
    assert manifest["shards"] == sorted(manifest["shards"], key=lambda k: k.encode("utf-16-be"))
    assert all((data / "s" / f"{i}.bin").is_file() for i in range(len(manifest["shards"])))
    groups = [json.loads(gzip.decompress((data / "r" / f"{g}.bin").read_bytes())) for g in range(-(-6 // GROUP))]
    assert [len(g) for g in groups] == [min(GROUP, 6 - g * GROUP) for g in range(len(groups))]
    assert not (data / "r" / f"{len(groups)}.bin").exists()
    assert ["05 ct tu", "~d:05-ct-tw"] in manifest["names"]
    page = (out / "tim-kiem" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<script src="/assets/search\.[0-9a-f]+\.js" defer></script>', page)
    assert "<noscript>" in page and 'aria-live="polite"' in page and '<label for="q">' in page
    home = (out / "index.html").read_text(encoding="utf-8")
    # the home page loads no script but the masthead's date (deferred, not the search)
    assert re.findall(r"<script\b[^>]*>", home) == [re.search(r'<script src="/assets/masthead\.[0-9a-f]+\.js" defer>',
                                                               home)[0]]
    assert 'action="/tim-kiem/"' in home and 'name="q"' in home


def shards_of(data: Path) -> dict:
    manifest = json.loads((data / "index.json").read_text(encoding="utf-8"))
    out = {}
    for i in range(len(manifest["shards"])):
        out.update(read_shard(gzip.decompress((data / "s" / f"{i}.bin").read_bytes())))
    return out


def test_postings_hold_every_entry_exactly(tmp_path):
    """Decoding the shards gives back, for every document, the keys and values of its entry."""
    root = site_copy(tmp_path)
    result = build(root, output=str(tmp_path / "out"))
    site = result.site
    from generator.pages import Links
    links = Links(site.config)
    names = Names.from_registries(load_registries(None))
    expected = {}
    for doc, article in enumerate(with_bodies(root, site.articles[::-1])):  # ids: oldest first
        tags = tuple(t.name for t in site.tags_of[article.slug])
        entry = index_entry(article, tags, names, links(article))
        for key, value in zip(entry.keys, entry.values):
            folded, _, tone = key.partition(SEP)
            if " " in folded:
                value &= TITLE | LEAD | TERM  # bigrams keep no counts
            expected.setdefault((folded, tone), []).append((doc, value))
    found = {}
    for folded, lists in shards_of(tmp_path / "out" / "tim-kiem" / "du-lieu").items():
        for tone, ids, values in lists:
            found[(folded, tone)] = list(zip(ids, values))
    assert found == expected


@pytest.mark.parametrize("positions", [
    [0], [0, 7], [8], list(range(100)), [3, 50, 99], [0, 127, 128, 70000 - 1], list(range(0, 10000, 3)), [0, 200],
    list(range(5000, 5010)),
])
def test_sets_round_trip_and_pick_the_smaller_form(positions):
    data = encode_set(positions)
    assert read_set(data + b"\xff", 0) == (positions, len(data))
    bitmap = positions[-1] // 8 + 1
    assert len(data) <= len(varint(len(positions) * 2 + 1)) + len(varint(bitmap)) + bitmap


def test_long_lists_are_encoded_by_numpy_exactly_as_in_python():
    import random
    from generator.search.index import VECTOR_MIN, encode_docs
    rng = random.Random(5)
    for n in (VECTOR_MIN, 100, 3000):
        for span in (n, n * 8, n * 9, n * 300, 2**21):  # bitmaps, and varints of 1, 2 and 3 bytes
            docs = sorted(rng.sample(range(span), n))
            packed = array("I", [d << 8 | rng.randrange(256) for d in docs])
            assert encode_docs(packed) == encode_set(docs) == encode_docs(packed, vector=False), (n, span)


def test_varints():
    for n in (0, 1, 127, 128, 300, 16383, 16384, 2**31 + 5):
        assert read_varint(varint(n), 0) == (n, len(varint(n)))
    assert varints([1, 2, 300]) == varint(1) + varint(2) + varint(300)


# ---- incremental indexing ----

def test_one_changed_article_is_the_only_one_indexed_again(tmp_path, monkeypatch):
    from generator.search import index as search_index
    root = site_copy(tmp_path)
    out = tmp_path / "out"
    build(root, output=str(out))
    data = out / "tim-kiem" / "du-lieu"
    log = tmp_path / "made.log"
    real = search_index.index_entry

    def counting(article, *args, **kwargs):  # may run in another process (the background index)
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(article.title + "\n")
        return real(article, *args, **kwargs)

    monkeypatch.setattr("generator.search.index_entry", counting)
    source = next((root / "content" / "articles").glob("nhan-rong-*.md"))
    source.write_text(source.read_text(encoding="utf-8").replace("Thời gian qua,", "Thời gian qua, bảo tàng,"),
                      encoding="utf-8")
    build(root, output=str(out))
    assert log.read_text(encoding="utf-8").splitlines() == ["Nhân rộng các mô hình điển hình làm theo lời Bác"]
    assert any(tone == "bao2" for tone, _, _ in shards_of(data)["bao"])
    incremental = {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()}
    shutil.rmtree(root / ".cache")
    build(root, output=str(tmp_path / "cold"))  # the same files as a build without a cache
    cold = tmp_path / "cold" / "tim-kiem" / "du-lieu"
    assert incremental == {p.relative_to(cold): p.read_bytes() for p in cold.rglob("*") if p.is_file()}


def test_entries_made_in_workers_give_the_same_index(tmp_path, monkeypatch):
    """Workers number new keys on their own; the parent maps them (also after a cached build).
    Posting lists and files are encoded and packed in workers too."""
    root = site_copy(tmp_path)
    build(root, output=str(tmp_path / "alone"))  # in-process: too few articles to fork
    monkeypatch.setattr("generator.search.PARALLEL_MIN", 0)
    monkeypatch.setattr("generator.search.index.PARALLEL_WORK", 0)
    monkeypatch.setenv("LAMTHEOBAC_WORKERS", "2")
    shutil.rmtree(root / ".cache")
    build(root, output=str(tmp_path / "forked"))
    assert files_of(tmp_path / "forked") == files_of(tmp_path / "alone")
    for n, source in enumerate(sorted((root / "content" / "articles").glob("*.md"))[:3]):  # new words, cached vocabulary
        source.write_text(source.read_text(encoding="utf-8") + f"\nTừ mới thứ {n}: xoè{n}, quỳnh{n}.\n", encoding="utf-8")
    build(root, output=str(tmp_path / "forked"))
    monkeypatch.setattr("generator.search.PARALLEL_MIN", 200)
    monkeypatch.setattr("generator.search.index.PARALLEL_WORK", 10**12)
    shutil.rmtree(root / ".cache")
    build(root, output=str(tmp_path / "alone"))
    assert files_of(tmp_path / "forked") == files_of(tmp_path / "alone")
    assert "xoe1" in shards_of(tmp_path / "alone" / "tim-kiem" / "du-lieu")


def files_of(out: Path) -> dict:
    data = out / "tim-kiem" / "du-lieu"
    return {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()}


def test_unchanged_entries_reuse_the_last_files(tmp_path, monkeypatch):
    from generator.search import search_files
    root = site_copy(tmp_path)
    site = build(root, output=str(tmp_path / "out")).site
    from generator.incremental import CACHE_DIR, BodyStore, load_state
    from generator.indexing import search_input
    state = load_state(next((root / CACHE_DIR).glob("state-*.pickle")))
    keys = {path: record.key for path, record in state.sources.items()}
    given = search_input(site, keys, load_registries(None), BodyStore(root / CACHE_DIR))
    first = list(search_files(given, cache_dir=root / CACHE_DIR))
    monkeypatch.setattr("generator.search.assemble", lambda *a: pytest.fail("assembled again"))
    assert list(search_files(given, cache_dir=root / CACHE_DIR)) == first


def test_cache_renumbers_keys_when_dead_ones_pile_up(tmp_path):
    from generator.search.cache import SearchCache as _Cache
    from generator.search.index import Compact, Memo, Postings, Vocabulary
    cache = _Cache(tmp_path, ("v",))
    cache.vocab = Vocabulary([f"dead{i}" for i in range(60_000)])
    kids = array("I", [cache.vocab["bac" + SEP + "bac4"], cache.vocab["lam theo"]]).tobytes()
    memo = Memo()
    memo.keys_used = 2
    postings = Postings(cache.vocab)
    postings.add_missing_keys()
    cache.save({"a": Compact(kids, b"\x08\x09", b"{}")}, memo, ("", []), ["a"], postings)
    again = _Cache(tmp_path, ("v",))
    assert again.vocab.keys == ["bac" + SEP + "bac4", "lam theo"]
    entry = again.entries["a"]
    assert [again.vocab.keys[k] for k in memoryview(entry.kids).cast("I")] == ["bac" + SEP + "bac4", "lam theo"]
    assert again.docs == [] and again.lists == []  # lists numbered the old way are not kept
    assert _Cache(tmp_path, ("other",)).entries == {}  # another format or registries: nothing reused


@pytest.mark.parametrize("change", ["edit", "edit and new"])
def test_an_edit_patches_the_last_postings(change, tmp_path, monkeypatch):
    from generator.search.index import Postings
    root = site_copy(tmp_path)
    out = tmp_path / "out"
    build(root, output=str(out))
    log = tmp_path / "added.log"
    real = Postings.add

    def add(self, entry):  # may run in another process (the background index): counted in a file
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{self.count}\n")
        return real(self, entry)

    monkeypatch.setattr(Postings, "add", add)
    source = next((root / "content" / "articles").glob("nhan-rong-*.md"))
    source.write_text(source.read_text(encoding="utf-8").replace("Thời gian qua,", "Thời gian qua, bảo tàng,"),
                      encoding="utf-8")
    if change == "edit and new":
        (root / "content/articles/moi.md").write_text(
            '---\ntitle: "Bảo tàng mới"\ndate: 2026-01-02\nprovince: Lào Cai\n---\n\nBảo tàng Hồ Chí Minh.\n',
            encoding="utf-8")
    build(root, output=str(out))
    count = json.loads((out / "tim-kiem/du-lieu/index.json").read_text())["count"]
    added = [int(n) for n in log.read_text(encoding="utf-8").split()] if log.exists() else []
    assert added == ([] if change == "edit" else [count - 1])  # only the new (newest) document is added
    data = out / "tim-kiem" / "du-lieu"
    incremental = {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()}
    shutil.rmtree(root / ".cache")
    build(root, output=str(tmp_path / "cold"))
    cold = tmp_path / "cold" / "tim-kiem" / "du-lieu"
    assert incremental == {p.relative_to(cold): p.read_bytes() for p in cold.rglob("*") if p.is_file()}


def _cold_files(root: Path, tmp: Path) -> dict:
    """The search files of a build of the same content without any cache."""
    cold = tmp / "cold-site"
    shutil.rmtree(cold, ignore_errors=True)
    shutil.copytree(root, cold, ignore=shutil.ignore_patterns(".cache", "output", ".lamtheobac.lock"))
    build(cold, output=str(tmp / "cold-out"))
    return files_of(tmp / "cold-out")


def _edit(source: Path, words: str) -> None:
    source.write_text(source.read_text(encoding="utf-8") + f"\n{words}\n", encoding="utf-8")


def test_edits_in_a_row_write_deltas_until_documents_move(tmp_path):
    from generator.incremental import CACHE_DIR
    from generator.search.cache import CACHE_FILE, DELTA_FILE
    root = site_copy(tmp_path)
    out = tmp_path / "out"
    build(root, output=str(out))
    base, delta = root / CACHE_DIR / CACHE_FILE, root / CACHE_DIR / DELTA_FILE
    first = base.read_bytes()
    articles = sorted((root / "content" / "articles").glob("*.md"))
    steps = [lambda: _edit(articles[0], "Bảo tàng xoè hoa."),
             lambda: _edit(articles[3], "Lời Bác dạy, quỳnh hương."),
             lambda: (root / "content/articles/moi.md").write_text(
                 '---\ntitle: "Bảo tàng mới"\ndate: 2026-01-02\nprovince: Lào Cai\n---\n\nBảo tàng Hồ Chí Minh.\n',
                 encoding="utf-8"),
             lambda: _edit(articles[0], "Lần sửa thứ hai: nêu gương.")]
    for step in steps:  # each build starts from the base and the delta the last one wrote
        step()
        build(root, output=str(out))
        assert base.read_bytes() == first and delta.is_file()
        assert files_of(out) == _cold_files(root, tmp_path)
    articles[2].unlink()  # the documents after it move: the lists are made afresh, a new base written
    build(root, output=str(out))
    assert base.read_bytes() != first and not delta.exists()
    assert files_of(out) == _cold_files(root, tmp_path)
    _edit(articles[1], "Sau khi xoá một bài.")
    build(root, output=str(out))
    assert delta.is_file() and files_of(out) == _cold_files(root, tmp_path)


def test_a_delta_that_outgrows_its_share_writes_a_new_base(tmp_path, monkeypatch):
    from generator.incremental import CACHE_DIR
    from generator.search.cache import CACHE_FILE, DELTA_FILE
    root = site_copy(tmp_path)
    out = tmp_path / "out"
    build(root, output=str(out))
    first = (root / CACHE_DIR / CACHE_FILE).read_bytes()
    monkeypatch.setattr("generator.search.cache.DELTA_SHARE", 0.0)
    _edit(next((root / "content" / "articles").glob("nhan-rong-*.md")), "Bảo tàng xoè hoa.")
    build(root, output=str(out))
    assert (root / CACHE_DIR / CACHE_FILE).read_bytes() != first
    assert not (root / CACHE_DIR / DELTA_FILE).exists()
    assert files_of(out) == _cold_files(root, tmp_path)


@pytest.mark.parametrize("damage", ["garbage", "another base"])
def test_a_delta_that_does_not_fit_its_base_is_ignored(damage, tmp_path):
    from generator.incremental import CACHE_DIR
    from generator.search.cache import CACHE_FILE, DELTA_FILE
    root = site_copy(tmp_path)
    out = tmp_path / "out"
    build(root, output=str(out))
    articles = sorted((root / "content" / "articles").glob("*.md"))
    _edit(articles[0], "Bảo tàng xoè hoa.")
    build(root, output=str(out))
    delta = root / CACHE_DIR / DELTA_FILE
    if damage == "garbage":
        delta.write_bytes(b"not a pickle")
    else:  # a delta made against the base before this one
        old = delta.read_bytes()
        (root / CACHE_DIR / CACHE_FILE).unlink()
        _edit(articles[1], "Lời Bác dạy.")
        build(root, output=str(out))
        assert not delta.exists()
        delta.write_bytes(old)
    _edit(articles[4], "Quỳnh hương nở.")
    build(root, output=str(out))
    assert files_of(out) == _cold_files(root, tmp_path)


def test_a_damaged_cache_costs_only_time(tmp_path):
    root = site_copy(tmp_path)
    build(root, output=str(tmp_path / "out"))
    from generator.incremental import CACHE_DIR
    (root / CACHE_DIR / "search.pickle").write_bytes(b"not a pickle")
    (root / "content" / "articles" / "nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac.md").touch()
    build(root, output=str(tmp_path / "out2"))
    assert (tmp_path / "out2" / "tim-kiem" / "du-lieu" / "index.json").is_file()


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
def test_js_decodes_the_shards_as_python_does(fixture_index):
    js = run_node({"op": "postings", "dir": str(fixture_index)})
    py = {key: [[tone, ids, values] for tone, ids, values in lists] for key, lists in shards_of(fixture_index).items()}
    assert js == py and len(py) > 500


@node_only
def test_js_decodes_large_random_postings(tmp_path):
    """Sparse and dense lists over 70,000 documents: both set forms, multi-byte varints, every flag."""
    import random
    rng = random.Random(5)
    count = 70_000
    records = []
    for n, key in enumerate(["bac", "lam theo", "~p:lao-cai", "x"]):
        lists = []
        for tone, density in (("a", 0.9), ("b", 0.002), ("c", 0.2))[: 1 if " " in key or "~" in key else 3]:
            ids = sorted(rng.sample(range(count), max(1, int(count * density))))
            values = [rng.randrange(256) & (0x7F if " " not in key else 7) for _ in ids]
            packed = array("I", [d << 8 | v for d, v in zip(ids, values)])
            lists.append(encode_postings(tone.encode() if key in ("bac", "x") else b"", packed, " " not in key))
        body = varint(len(lists)) + b"".join(lists)
        records.append(varint(len(key)) + key.encode() + varint(len(body)) + body)
    data = tmp_path / "data"
    (data / "s").mkdir(parents=True)
    (data / "s" / "0.bin").write_bytes(gzip.compress(b"".join(records)))
    (data / "index.json").write_text(json.dumps({"shards": ["bac"], "count": count}))
    js = run_node({"op": "postings", "dir": str(data)})
    py = {key: [[tone, ids, values] for tone, ids, values in lists] for key, lists in shards_of(data).items()}
    assert js == py and set(py) == {"bac", "lam theo", "~p:lao-cai", "x"}


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
