"""The build state: what a build keeps for the next one (generator/incremental/state.py)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from generator.incremental.state import CHUNKS, State, load_state, pack_state, save_state
from generator.content import Article
from generator.fields import Image, SourceRef
from generator.taxonomy import load_registries

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
REGISTRIES = load_registries(None)
PROVINCES, DIRECTIVES = list(REGISTRIES.provinces), list(REGISTRIES.directives)


def article(n: int, title: str = "") -> Article:
    return Article(path=f"content/articles/bai-{n}.md", slug=f"bai-{n}", title=title or f"Bài số {n}",
                   date=datetime(2025, 1 + n % 12, 1 + n % 28, 8, 30, tzinfo=ZONE), updated=None,
                   summary=f"Tóm tắt {n}", sapo="", body="", tags=("nêu gương",),
                   # copies, as articles read in worker processes hold
                   provinces=(replace(PROVINCES[n % 3]),), directives=(replace(DIRECTIVES[n % 2]),),
                   author="Phóng viên", source=SourceRef("Báo Lào Cai", "https://baolaocai.vn/a", None),
                   image=Image("/images/a.jpg", "Ảnh"), draft=False, line=2)


def state_of(articles: list[Article]) -> State:
    return State(fingerprint="f", read_fp="r", articles={a.path: a for a in articles},
                 tokens={a.path: f"token of {a.title}" for a in articles},
                 signatures={"index.html": "s"}, extras={"tim-kiem/du-lieu/index.json": b"d"},
                 output_id=(1, 2), outputs=frozenset({"index.html"}))


def test_a_state_comes_back_as_it_was_saved(tmp_path):
    file = tmp_path / "state.pickle"
    saved = state_of([article(n) for n in range(500)])
    save_state(file, saved, pack_state(saved))
    loaded = load_state(file)
    assert loaded == saved
    assert len(loaded.chunks) == CHUNKS  # 500 paths fill every chunk
    provinces = {id(a.provinces[0]) for a in loaded.articles.values()}
    assert len(provinces) <= 3 * CHUNKS  # equal provinces are one object per chunk, not one per article


def test_an_edit_pickles_only_the_chunk_of_the_edited_article(tmp_path):
    file = tmp_path / "state.pickle"
    first = state_of([article(n) for n in range(500)])
    save_state(file, first, pack_state(first))
    previous = load_state(file)
    edited = article(7, "Bài số 7 đã sửa")
    articles = {**previous.articles, edited.path: edited}  # the others: the very objects loaded
    tokens = {**previous.tokens, edited.path: "token of the edit"}
    edit = replace(previous, articles=articles, tokens=tokens)
    save_state(file, edit, pack_state(edit, previous))
    again = load_state(file)
    assert again.articles[edited.path].title == "Bài số 7 đã sửa"
    assert again.articles == articles and again.tokens == tokens
    changed = [n for n in again.chunks if again.chunks[n][1] != previous.chunks[n][1]]
    assert len(changed) == 1 and edited.path in again.chunks[changed[0]][0]


def test_an_unreadable_state_is_an_empty_one(tmp_path):
    file = tmp_path / "state.pickle"
    file.write_bytes(b"not a pickle")
    assert load_state(file) == State()
    assert load_state(tmp_path / "missing.pickle") == State()
