"""The build as a whole: golden output of the sample site, the bundled site's links,
sub-path URLs, drafts and future articles, and the cache never going stale.

Regenerate the golden output (only when a change to it is intended):
    LAMTHEOBAC_UPDATE_GOLDEN=1 python -m pytest tests/test_build.py -k golden
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import time
from datetime import datetime
from pathlib import Path

import pytest

from bad.kit import small_jpeg
from generator.build import Builder, BuildOptions, build
from generator.incremental import Tuning
from generator.errors import BuildFailed
from generator.linkcheck import check_links
from generator.vietnamese import VN

HERE = Path(__file__).parent
REPO = HERE.parent
SAMPLE = HERE / "sample"
GOLDEN = HERE / "golden" / "sample"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=VN)  # pinned clock: the future article stays hidden


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(SAMPLE, site, ignore=shutil.ignore_patterns(".cache", "output", ".lamtheobac.lock"))
    return site


def test_sample_site_matches_golden_output(sample: Path):
    result = build(sample, now=NOW)
    got = files(result.output)
    if os.environ.get("LAMTHEOBAC_UPDATE_GOLDEN") == "1":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(result.output, GOLDEN)
        pytest.skip("golden output regenerated")
    want = files(GOLDEN)
    assert sorted(got) == sorted(want), "files differ"
    for name in want:
        assert got[name] == want[name], f"{name} differs from tests/golden/sample/{name}"


def test_drafts_and_future_articles_only_when_asked(sample: Path):
    plain = build(sample, now=NOW)
    assert not (plain.output / "bai-viet/ban-nhap").exists()
    assert not (plain.output / "bai-viet/hen-gio").exists()
    both = build(sample, output="out-all", drafts=True, future=True, now=NOW)
    assert (both.output / "bai-viet/ban-nhap/index.html").is_file()
    assert (both.output / "bai-viet/hen-gio/index.html").is_file()


def test_term_identity_and_canonical_names(sample: Path):
    out = build(sample, now=NOW).output
    # "Đăk Nông" and "TP. Đà Nẵng" in front matter resolve to the registry's canonical names.
    dak_nong = (out / "tinh/dak-nong/index.html").read_text()
    assert "<h1>Đắk Nông</h1>" in dak_nong
    assert "Từ 1/7/2025 sáp nhập vào tỉnh Lâm Đồng (cùng tỉnh Bình Thuận)." in dak_nong
    assert "<h1>Đà Nẵng</h1>" in (out / "tinh/da-nang/index.html").read_text()
    # "khoá học lý luận" (twice) and "khóa học lý luận" (once) are one tag, shown as most written.
    tag = (out / "chu-de/khoa-hoc-ly-luan/index.html").read_text()
    assert "Chủ đề: Khoá học lý luận" in tag and "3&nbsp;bài viết" in tag  # the tag as written, a capital first
    # Aliases: "Chỉ thị 05" and "05-CT/TƯ" are 05-CT/TW; "Nghị quyết Trung ương 4 khoá XII" is 04-NQ/TW.
    assert "2&nbsp;bài viết" in (out / "van-ban/05-ct-tw/index.html").read_text()
    assert (out / "van-ban/04-nq-tw/index.html").is_file()


def test_indexes_in_vietnamese_order(sample: Path):
    out = build(sample, now=NOW).output
    # By region (the regions from north to south), each in alphabetical order.
    provinces = re.findall(r'<li><a href="/tinh/[^"]+/">([^<]+)</a>', (out / "tinh/index.html").read_text())
    assert provinces == ["Hòa Bình", "Lào Cai", "Đà Nẵng", "Đắk Nông"]
    directives = [re.sub(r"<[^>]+>", "", inner) for inner in  # the label's markup (a symbol kept whole) aside
                  re.findall(r'<h2><a href="/van-ban/[^"]+/">(.+?)</a>', (out / "van-ban/index.html").read_text())]
    assert directives == ["Chỉ thị số 06-CT/TW", "Chỉ thị số 05-CT/TW", "Nghị quyết số 04-NQ/TW",
                          "Quy định số 08-QĐi/TW", "Kết luận số 01-KL/TW"]  # by date


def test_article_page_has_dates_terms_figure_and_structured_data(sample: Path):
    page = (build(sample, now=NOW).output / "bai-viet/hoa-binh-nhan-rong-mo-hinh/index.html").read_text()
    assert '<time datetime="2019-05-19T08:30:00+07:00">Chủ\u00a0Nhật, 19/05/2019\u00a0|\u00a008:30</time>' in page
    assert "<figcaption>Lớp học chuyên đề năm 2019</figcaption>" in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page)[1])
    assert data["@type"] == "NewsArticle" and data["datePublished"] == "2019-05-19T08:30:00+07:00"
    assert '<link rel="canonical" href="https://mau.example.org/bai-viet/hoa-binh-nhan-rong-mo-hinh/">' in page
    assert 'Nguồn: <a href="https://example.com/bai/123">Báo Hòa Bình</a>' in page


def test_dates_show_only_what_is_known_and_drafts_are_labelled(sample: Path):
    (sample / "content/articles/uoc-tinh.md").write_text(
        '---\ntitle: "Ngày ước tính"\ndate: 2015-03-01\ndate_estimated: true\n---\n\nNội dung.\n', encoding="utf-8")
    out = build(sample, output="out-drafts", drafts=True, now=NOW).output
    dated = (out / "bai-viet/dak-nong-ket-luan-01/index.html").read_text()  # "date: 2021-06-21"
    assert '<time datetime="2021-06-21">Thứ\u00a0Hai, 21/06/2021</time>' in dated and "| 00:00" not in dated
    guessed = (out / "bai-viet/uoc-tinh/index.html").read_text()
    assert '<time datetime="2015-03">Khoảng tháng\u00a03/2015</time>' in guessed and "ngày đăng ước tính" in guessed
    assert "01/03/2015" not in guessed
    draft = (out / "bai-viet/ban-nhap/index.html").read_text()
    assert '<span class="badge">Bản nháp</span>' in draft.split("</h1>")[1].split("</header>")[0]
    assert 'Bản nháp</span> <time datetime="2020-01-01">' in (out / "nam/2020/index.html").read_text()  # its card
    plain = build(sample, now=NOW).output
    assert not [p for p in plain.rglob("*.html") if "Bản nháp" in p.read_text()]


def test_bundled_site_links_all_resolve(tmp_path: Path):
    site = tmp_path / "repo"
    shutil.copytree(REPO, site, ignore=shutil.ignore_patterns(
        ".git", ".cache", "output", "tests", "*.egg-info", "__pycache__", ".lamtheobac.lock", "benchmarks"))
    result = build(site)
    assert result.pages > 20
    assert check_links(result.output, "/") == []


def test_sub_path_base_url_links_resolve(sample: Path):
    result = build(sample, base_url="https://example.org/hoc-tap/", now=NOW)
    assert check_links(result.output, "/hoc-tap/") == []
    home = (result.output / "index.html").read_text()
    assert 'href="/hoc-tap/tinh/"' in home and 'href="/tinh/' not in home
    article = (result.output / "bai-viet/hoa-binh-nhan-rong-mo-hinh/index.html").read_text()
    assert 'src="/hoc-tap/images/hop-mat.svg"' in article
    assert "<id>https://example.org/hoc-tap/feed.xml</id>" in (result.output / "feed.xml").read_text()


def test_two_builds_give_identical_output(sample: Path):
    first = files(build(sample, output="a", now=NOW).output)
    second = files(build(sample, output="b", now=NOW).output)
    assert first == second


# -- the cache: an incremental build must equal a cold build, whatever changed ----------------

def _cold(site: Path, tmp: Path) -> dict[str, bytes]:
    fresh = tmp / f"cold-{len(list(tmp.iterdir()))}"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns(".cache", "output", ".lamtheobac.lock"))
    return files(build(fresh, now=NOW).output)


CHANGES = {
    "article body": lambda s: _edit(s / "content/articles/lao-cai-chi-thi-06.md", "9 tập thể", "chín tập thể"),
    "article title": lambda s: _edit(s / "content/articles/lao-cai-chi-thi-06.md",
                                     'title: "Lào Cai', 'title: "Tỉnh Lào Cai'),
    "new article": lambda s: (s / "content/articles/moi.md").write_text(
        '---\ntitle: "Bài mới"\ndate: 2024-01-02\nprovince: Lào Cai\n---\n\nNội dung.\n', encoding="utf-8"),
    "deleted article": lambda s: (s / "content/articles/da-nang-thanh-nien.md").unlink(),
    # Same bytes under another name: the slug comes from the file name, so the cached article won't do.
    "renamed article": lambda s: (s / "content/articles/da-nang-thanh-nien.md").rename(
        s / "content/articles/da-nang-doan-vien.md"),
    "copied article": lambda s: shutil.copy(s / "content/articles/da-nang-thanh-nien.md",
                                            s / "content/articles/da-nang-ban-sao.md"),
    "template": lambda s: _write(s / "templates/_card.html",
                                 (REPO / "themes/default/templates/_card.html").read_text().replace(
                                     'class="card-text"', 'class="card-text the"')),
    "config": lambda s: _edit(s / "site.toml", "per_page = 2", "per_page = 3"),
    "registry": lambda s: _write(s / "content/data/provinces.csv",
                                 "code,name,kind,region,merged_into_2025,variants\n"
                                 "10,Lào Cai,tỉnh,Vùng núi (sửa),Lào Cai,\n"),
    "page": lambda s: _edit(s / "content/pages/gioi-thieu.md", 'title: "Giới thiệu"', 'title: "Về chúng tôi"'),
    "image": lambda s: _write(s / "content/images/hop-mat.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>"),
    # A photo (resized copies, <picture> on the article and the cards that show it)
    "photo": lambda s: (_write_bytes(s / "content/images/lop-hoc.jpg", small_jpeg(900, 600)),
                        _edit(s / "content/articles/hoa-binh-nhan-rong-mo-hinh.md", "src: /images/hop-mat.svg",
                              "src: /images/lop-hoc.jpg")),
    # Now with a size: the article showing it gets width and height on its <img> tags.
    "image size": lambda s: _write(s / "content/images/hop-mat.svg",
                                   "<svg xmlns='http://www.w3.org/2000/svg' width='160' height='100'/>"),
}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_incremental_build_equals_cold_build(change: str, sample: Path, tmp_path: Path):
    builder = Builder(sample)
    before = files(builder.build(NOW).output)
    os.utime(sample / "site.toml")  # stats change even when content doesn't
    assert builder.build(NOW).unchanged
    CHANGES[change](sample)
    result = builder.build(NOW)
    after = files(result.output)
    assert after == _cold(sample, tmp_path)
    assert after != before, "the change must show in the output"
    assert not result.unchanged


def test_files_with_the_same_bytes_keep_their_own_slugs(sample: Path, tmp_path: Path):
    builder = Builder(sample)
    builder.build(NOW)
    CHANGES["copied article"](sample)
    builder.build(NOW)
    for name in ("da-nang-thanh-nien.md", "da-nang-ban-sao.md"):  # touched, not changed: reused by key
        os.utime(sample / "content/articles" / name)
    after = files(builder.build(NOW).output)
    assert "bai-viet/da-nang-ban-sao/index.html" in after and "bai-viet/da-nang-thanh-nien/index.html" in after
    assert after == _cold(sample, tmp_path)


def test_articles_with_the_same_bytes_render_as_themselves(sample: Path):
    """Bodies are loaded by key, which such articles share; each page still gets its own article."""
    CHANGES["copied article"](sample)
    theme = (REPO / "themes/default/templates/article.html").read_text(encoding="utf-8")
    _write(sample / "templates/article.html", theme.replace("{% block main %}", "{% block main %}<!-- {{ article.path }} -->"))
    output = build(sample, now=NOW).output
    for name in ("da-nang-thanh-nien", "da-nang-ban-sao"):
        page = (output / f"bai-viet/{name}/index.html").read_text(encoding="utf-8")
        assert f"<!-- content/articles/{name}.md -->" in page


def test_a_body_edit_renders_few_pages(sample: Path):
    builder = Builder(sample)
    first = builder.build(NOW)
    CHANGES["article body"](sample)
    second = builder.build(NOW)
    # Only the article page shows the body (the site feed's 3 entries are newer articles);
    # every other page is linked from the previous output as it was.
    assert second.pages == 1 and second.reused == first.pages - 1


def test_signatures_made_while_workers_render_serve_the_next_build(sample: Path, tmp_path: Path, monkeypatch):
    """A cold build renders in forked workers while the main process computes the signatures
    the next build compares with: they must be those of the pages written."""
    builder = Builder(sample, BuildOptions(workers=2, tuning=Tuning(parallel_min=0)))
    first = builder.build(NOW)
    assert files(first.output) == _cold(sample, tmp_path)
    assert builder.build(NOW).unchanged
    CHANGES["article body"](sample)
    second = builder.build(NOW)
    assert second.pages == 1 and second.reused == first.pages - 1


def test_a_body_edit_reuses_related_articles_and_context_signatures(sample: Path, monkeypatch):
    import generator.incremental.plan as plan_module
    builder = Builder(sample)
    builder.build(NOW)
    CHANGES["article body"](sample)
    digested: list[object] = []
    real = plan_module.value_digest
    monkeypatch.setattr(plan_module, "value_digest", lambda value, memo: (digested.append(value), real(value, memo))[1])
    monkeypatch.setattr("generator.incremental.signing.value_digest", lambda *a: pytest.fail("context digested"))
    monkeypatch.setattr("generator.collect.related_articles", lambda *a: pytest.fail("related articles ranked again"))
    assert builder.build(NOW).pages == 1
    assert len(digested) == 1  # the pages, for the inputs; no job context digested again


def test_old_bodies_are_pruned_but_every_state_keeps_its_own(sample: Path, tmp_path: Path, monkeypatch):
    from generator.incremental import CACHE_DIR, BodyStore, load_state
    tuning = Tuning(prune_slack=0, prune_age=-1)  # every unreferenced body counts as old
    store = BodyStore(sample / CACHE_DIR)
    build(sample, output="other", now=NOW, tuning=tuning)  # another output folder: its state refers to today's bodies
    first = set(store.keys())
    builder = Builder(sample, BuildOptions(tuning=tuning))
    builder.build(NOW)
    source = sample / "content/articles/lao-cai-chi-thi-06.md"
    for n in range(2 * len(first) + 2):  # each edit keeps one more body
        source.write_text(source.read_text(encoding="utf-8") + f"\nThêm câu {n}.\n", encoding="utf-8")
        builder.build(NOW)
    kept = set(store.keys())
    assert len(kept) <= 2 * len(first) + 1, "old bodies were not pruned"
    assert first <= kept, "bodies another state refers to must stay"
    for state in (sample / CACHE_DIR).glob("state-*.pickle"):
        assert {r.key for r in load_state(state).sources.values() if r.key} <= kept
    assert files(builder.build(NOW).output) == _cold(sample, tmp_path)


def test_local_images_get_their_size(sample: Path):
    CHANGES["image size"](sample)
    page = (build(sample, now=NOW).output / "bai-viet/hoa-binh-nhan-rong-mo-hinh/index.html").read_text()
    tags = re.findall(r'<img src="/images/hop-mat.svg"[^>]*>', page)
    assert len(tags) == 1  # the figure in the body (the lead photo is the same image: not shown twice)
    assert all(' width="160" height="100"' in tag for tag in tags)


def test_recent_bodies_survive_a_prune(tmp_path: Path):
    from generator.incremental import BodyStore
    store = BodyStore(tmp_path)
    for key in ("aa01", "aa02", "bb03"):
        store.save(key, "<p>x</p>")
    old = time.time() - 7200
    assert store.touch("aa01", at=old) and store.touch("bb03", at=old)
    assert store.touch("bb03")  # reused by a build a moment ago
    assert store.prune(store.keys(), older_than=3600) == 1
    assert sorted(store.keys()) == ["aa02", "bb03"]
    assert not store.touch("aa01")


def test_bodies_load_many_at_once_and_a_missing_one_is_named(tmp_path: Path):
    from generator.incremental import BodyStore
    store = BodyStore(tmp_path)
    store.save_many([(f"k{n:04}", f"<p>{n}</p>") for n in range(1200)])  # more than one query's worth
    wanted = [f"k{n:04}" for n in range(0, 1200, 2)] + ["k0000"]
    assert store.load_many(wanted) == {k: f"<p>{int(k[1:])}</p>" for k in wanted}
    with pytest.raises(KeyError, match="k9999"):
        store.load_many(["k0001", "k9999"])
    page_size = sqlite3.connect(store.file).execute("PRAGMA page_size").fetchone()[0]
    assert page_size == 8192  # a new store's pages hold a typical body in two, not three


def test_a_body_store_made_with_other_pages_is_used_as_it_is(tmp_path: Path):
    from generator.incremental import BodyStore
    from generator.incremental.bodies import BODIES_VERSION
    old = sqlite3.connect(tmp_path / BodyStore.FILE)
    old.execute("PRAGMA page_size = 4096")
    old.execute(f"PRAGMA user_version = {BODIES_VERSION}")
    old.execute("CREATE TABLE bodies (key TEXT PRIMARY KEY, html TEXT NOT NULL, used REAL NOT NULL)")
    old.execute("INSERT INTO bodies VALUES ('k1', '<p>cũ</p>', 0)")
    old.commit()
    old.close()
    store = BodyStore(tmp_path)
    assert store.prepare()  # kept: the bodies of earlier builds are there
    assert store.load_many(["k1"]) == {"k1": "<p>cũ</p>"}


def test_search_files_the_last_build_recorded_are_kept_unread(sample: Path, monkeypatch):
    """A one-article edit rewrites only the index files whose bytes changed; the others are known
    by the digests the last build recorded for this output folder (a stale record would show
    in test_incremental_build_equals_cold_build)."""
    from generator.incremental import CACHE_DIR, load_state
    for n in range(8):  # more record groups than the edited article's
        _write(sample / f"content/articles/them-{n}.md",
               f'---\ntitle: "Bài thêm {n}"\ndate: 2020-01-0{n + 1}\nprovince: Lào Cai\n---\n\nNội dung {n}.\n')
    builder = Builder(sample)
    output = builder.build(NOW).output
    data = output / "tim-kiem/du-lieu"
    before = {p: (p.stat().st_ino, p.read_bytes()) for p in data.rglob("*") if p.is_file()}
    state = load_state(next((sample / CACHE_DIR).glob("state-*.pickle")))
    assert sorted(state.extras) == sorted(p.relative_to(output).as_posix() for p in before)
    CHANGES["article body"](sample)
    read = Path.read_bytes

    def guarded(path: Path) -> bytes:
        assert data not in path.parents, f"{path} was read back"
        return read(path)
    monkeypatch.setattr(Path, "read_bytes", guarded)
    builder.build(NOW)
    monkeypatch.undo()
    after = {p: (p.stat().st_ino, p.read_bytes()) for p in data.rglob("*") if p.is_file()}
    kept = [p for p in before if after[p] == before[p]]
    changed = [p for p in before if after[p][1] != before[p][1]]
    assert kept and changed  # postings of the edited words changed, the rest did not
    assert all(after[p][0] != before[p][0] for p in changed)  # written anew (then moved in)


def test_deleting_the_cache_only_costs_time(sample: Path):
    first = files(build(sample, now=NOW).output)
    shutil.rmtree(sample / ".cache")
    assert files(build(sample, now=NOW).output) == first


def test_a_damaged_body_table_only_costs_time(sample: Path, tmp_path: Path):
    from generator.incremental import CACHE_DIR, BodyStore
    build(sample, now=NOW)
    (sample / CACHE_DIR / BodyStore.FILE).write_bytes(b"not a database" * 100)
    theme = Path(__file__).resolve().parent.parent / "themes/default/templates/article.html"
    _write(sample / "templates/article.html", theme.read_text(encoding="utf-8") + "{# sửa #}\n")
    # every article page is rendered again: every body is needed, and read again
    assert files(build(sample, now=NOW).output) == _cold(sample, tmp_path)


@pytest.mark.parametrize("folder", ["templates", "themes", "content/data", ".cache", "themes/default/x"])
def test_output_may_not_replace_project_folders(sample: Path, folder: str):
    from generator.errors import OutputError
    (sample / folder).mkdir(parents=True, exist_ok=True)
    with pytest.raises(OutputError) as info:
        build(sample, output=folder, now=NOW)
    assert "trùng hoặc chồng lên thư mục" in str(info.value) or "nằm trong thư mục nội dung" in str(info.value)
    assert (sample / folder).is_dir()


def test_quick_re_renders_an_edited_article_page_then_the_build_completes(sample: Path, tmp_path: Path):
    builder = Builder(sample, BuildOptions(preview=True))
    builder.build(NOW)
    source = sample / "content/articles/lao-cai-chi-thi-06.md"
    assert builder.quick({source}) == ["bai-viet/lao-cai-chi-thi-06/index.html"]  # unchanged file: same page
    CHANGES["article body"](sample)
    assert builder.quick({source, sample / "content/articles/khong-co.md"}) == ["bai-viet/lao-cai-chi-thi-06/index.html"]
    page = (sample / "output/bai-viet/lao-cai-chi-thi-06/index.html").read_text(encoding="utf-8")
    assert "chín tập thể" in page
    builder.build(NOW)
    assert files(sample / "output") == _cold(sample, tmp_path)
    assert Builder(sample).quick({source}) == []  # nothing kept: nothing to do


def test_the_collector_is_off_only_while_building(sample: Path, monkeypatch):
    """The main process builds without the cyclic garbage collector; afterwards (also after a
    failed build) it is as it was, for the preview server that builds again and again."""
    import gc

    import generator.stages as stages_module
    seen: list[bool] = []
    real = stages_module.collect
    monkeypatch.setattr(stages_module, "collect", lambda *a, **k: (seen.append(gc.isenabled()), real(*a, **k))[1])
    assert gc.isenabled()
    build(sample, now=NOW)
    assert seen == [False] and gc.isenabled()
    broken = sample / "content/articles/hong.md"
    broken.write_text("---\ntitle: \"\"\n---\n", encoding="utf-8")
    with pytest.raises(BuildFailed):
        build(sample, now=NOW)
    assert gc.isenabled()
    broken.unlink()
    gc.disable()
    try:
        build(sample, output="khac", now=NOW)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_only_the_command_leaves_its_build_to_the_os(sample: Path, tmp_path: Path):
    """main() in-process (tests, the preview server) frees what a build made; the command keeps it
    to the end and exits without freeing it, its output flushed and its status kept."""
    import subprocess
    import sys

    from generator.cli import main
    from generator.runtime import Runtime
    runtime = Runtime()
    assert main(["build", "-q", "--root", str(sample)], runtime=runtime) == 0
    assert runtime.kept == 0
    (sample / "content/articles/moi.md").write_text("---\ntitle: Bài mới\ndate: 2024-05-01\n---\n\nNội dung.\n",
                                                   encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "import generator.runtime as r, generator.cli as c, atexit; "
                           "atexit.register(lambda: print('LEFT')); c.run()",
                           "build", "--root", str(sample)], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    # flushed (its last line, after the sample's scheduled-article note); exited before atexit
    assert done.stdout.splitlines()[-1].startswith("Đã dựng ") and "LEFT" not in done.stdout
    broken = sample / "content/articles/hong.md"
    broken.write_text("---\ntitle: \"\"\n---\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(sample)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 1 and "content/articles/hong.md:2:" in done.stderr


def test_a_cache_file_is_replaced_whole_and_nothing_is_left_beside_it(tmp_path: Path):
    from generator.incremental import new_cache_file
    path = tmp_path / "search.pickle"
    path.write_bytes(b"cu")
    (tmp_path / "search.pickle.old").write_bytes(b"sot lai")  # left by a killed build
    with new_cache_file(path) as tmp:
        assert tmp.parent == tmp_path and not path.exists()  # the old one moved aside, being deleted
        tmp.write_bytes(b"moi")
    assert path.read_bytes() == b"moi"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["search.pickle"]
    with pytest.raises(OSError):
        with new_cache_file(path) as tmp:
            tmp.write_bytes(b"nua chung")
            raise OSError("đĩa đầy")
    assert list(tmp_path.iterdir()) == []  # no cache at all: the next build only takes longer


def test_an_output_path_refused_on_an_incremental_build_is_reported(sample: Path, monkeypatch):
    """With the search index being made in the background, a page whose output path is refused
    still ends the build with that error (the signatures were never computed), and the published
    site stays as it was."""
    from generator.errors import OutputError
    from generator.write import Staging
    builder = Builder(sample)
    before = files(builder.build(NOW).output)
    CHANGES["template"](sample)  # every page to render again, in a build with a search cache
    real = Staging.claim

    def claim(self, path, origin=""):
        if path == "index.html":
            raise OutputError("đường dẫn bị từ chối", origin)
        return real(self, path, origin)

    monkeypatch.setattr(Staging, "claim", claim)
    with pytest.raises(BuildFailed) as caught:
        builder.build(NOW)
    assert str(caught.value) == "home:1: đường dẫn bị từ chối"
    assert files(sample / "output") == before


def test_an_article_without_terms_has_no_empty_terms_box(sample: Path):
    """No province, directive or topic: no <dl class="terms"> (an empty list under a rule)."""
    (sample / "content/articles/tran-tui.md").write_text(
        '---\ntitle: "Bài không gắn tỉnh, văn bản, chủ đề"\ndate: 2020-02-02\n---\n\nNội dung.\n', encoding="utf-8")
    out = build(sample, now=NOW).output
    bare = (out / "bai-viet/tran-tui/index.html").read_text()
    assert 'class="terms"' not in bare and "<dl" not in bare.split('class="body"')[1]
    tagged = (out / "bai-viet/hoa-binh-nhan-rong-mo-hinh/index.html").read_text()
    assert re.search(r'<dl class="terms">\s*<dt>Tỉnh, thành phố</dt>', tagged)


def test_a_card_leaves_out_a_photo_it_would_enlarge_more_than_twice(sample: Path):
    """A 40 px photo as the newest article's `image`: the front page's lead story (480 px wide) and the
    lists (192 px thumbnails) show no blur of it; the sidebar's 80 px thumbnail and the article keep it."""
    images = sample / "content/images"
    _write_bytes(images / "bieu-tuong.jpg", small_jpeg(40, 40))
    _write_bytes(images / "vua.jpg", small_jpeg(200, 150))
    for slug, photo, day in (("anh-nho", "bieu-tuong", 2), ("anh-vua", "vua", 1)):
        _write(sample / f"content/articles/{slug}.md",
               f'---\ntitle: "Ảnh {slug}"\ndate: 2026-11-0{day}\nprovince: "Hòa Bình"\n'
               f'image: "/images/{photo}.jpg"\n---\n\nNội dung.\n')
    out = build(sample, now=NOW).output
    home = (out / "index.html").read_text()
    lead = re.search(r'<article class="card card-lead[^"]*">.*?</article>', home, re.S).group(0)
    assert "Ảnh anh-nho" in lead and "no-photo" in lead and "bieu-tuong" not in lead
    province = (out / "tinh/hoa-binh/index.html").read_text()
    cards = {slug: look for look, slug in re.findall(r'<article class="card card-list([^"]*)">.*?'
                                                     r'<a href="/bai-viet/([^/]+)/"', province, re.S)}
    assert cards["anh-nho"] == " no-photo" and cards["anh-vua"] == ""  # 200 px: at most twice in 192 px
    article = (out / "bai-viet/anh-nho/index.html").read_text()
    assert 'src="/images/bieu-tuong.jpg"' in article


def test_no_page_has_an_empty_description(sample: Path):
    """An article with no summary and no text, a page of a heading only: the description is the
    title (an empty one fails search engines' and Lighthouse's checks)."""
    _write(sample / "content/articles/chi-tieu-de.md",
           '---\ntitle: "Bài chỉ có tiêu đề"\ndate: 2020-02-03\n---\n\n![Ảnh](/images/hop-mat.svg)\n')
    _write(sample / "content/pages/chi-de-muc.md", '---\ntitle: "Trang chỉ có đề mục"\n---\n\n## Đề mục\n')
    out = build(sample, now=NOW).output
    for path in out.rglob("*.html"):
        page = path.read_text()
        assert '<meta name="description" content="">' not in page, path
        assert '<meta property="og:description" content="">' not in page, path
        assert not re.search(r'"description":\s*""', page), path  # JSON-LD, written without spaces
    article = (out / "bai-viet/chi-tieu-de/index.html").read_text()
    assert '<meta name="description" content="Bài chỉ có tiêu đề">' in article
    assert '<meta name="description" content="Trang chỉ có đề mục">' in (out / "chi-de-muc/index.html").read_text()


def test_a_process_that_goes_on_frees_each_builds_cycles(sample: Path):
    """Under `serve` each rebuild left its cyclic garbage uncollected: the collector is off during a
    build and, back on in a server that then allocates next to nothing, never ran before the next
    build turned it off again (50,000 articles: 454 -> 653 -> 792 -> 892 MB over three edits). A
    Builder of a process that goes on leaves nothing for the collector to find."""
    import gc

    from generator.build import Builder, BuildOptions
    builder = Builder(sample, BuildOptions(output=str(sample / ".cache" / "preview"), drafts=True, future=True,
                                           preview=True))
    builder.build()
    article = sorted((sample / "content/articles").glob("*.md"))[0]
    for edit in range(2):
        article.write_text(article.read_text(encoding="utf-8").replace("\n\n", f"\n\nSửa lần {edit}.\n\n", 1),
                           encoding="utf-8")
        builder.build()
        assert gc.collect() == 0
