"""Articles dated in the future: not published until their time, and told."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bad.kit import add, make_site
from generator.build import build

ARTICLE = """---
title: "Bài hẹn giờ"
# đăng vào dịp kỷ niệm
date: {date}
summary: "Tóm tắt."
province: ["Lào Cai"]
---

Nội dung.
"""
ZONE = timezone(timedelta(hours=7))


def test_a_scheduled_article_is_left_out_with_a_note_until_its_time(tmp_path):
    # Was: left out without a word (an editor who typed 2062 for 2026 saw the article vanish).
    root = make_site(tmp_path / "site")
    add(root, "hen-gio.md", ARTICLE.format(date="2030-09-02T08:00:00+07:00"))
    logged: list[str] = []
    build(root, log=logged.append, now=datetime(2030, 9, 2, 7, 59, tzinfo=ZONE))
    assert not (root / "output" / "bai-viet" / "hen-gio").exists()
    assert [line for line in logged if "hẹn" in line] == [
        "content/articles/hen-gio.md:4: Lưu ý: bài hẹn đăng lúc Thứ Hai, 02/09/2030 | 08:00 (ngày trong khóa “date” "
        "còn chưa tới) nên chưa được xuất bản; trang là trang tĩnh, nên bài chỉ hiện ra ở lần dựng trang đầu tiên sau "
        "giờ đó. Nếu ngày này gõ nhầm, hãy sửa “date”"]
    logged.clear()
    build(root, log=logged.append, now=datetime(2030, 9, 2, 8, 0, tzinfo=ZONE))  # its time: published, no note
    assert (root / "output" / "bai-viet" / "hen-gio" / "index.html").is_file()
    assert not [line for line in logged if "hẹn" in line]


def test_a_scheduled_draft_gets_no_note(tmp_path):
    root = make_site(tmp_path / "site")
    add(root, "nhap.md", ARTICLE.format(date="2030-09-02T08:00:00+07:00").replace("---\n\n", "draft: true\n---\n\n"))
    logged: list[str] = []
    build(root, log=logged.append, now=datetime(2030, 1, 1, tzinfo=ZONE))
    assert not [line for line in logged if "hẹn" in line]


def test_a_preview_with_future_articles_marks_them_to_come_and_their_time_takes_the_mark_off(tmp_path):
    """`serve` builds with future articles: their page and cards say "Hẹn đăng", as the web editor's
    list and preview pane do (was: shown as any published article). Once their time has come the
    mark goes, on the incremental build too."""
    root = make_site(tmp_path / "site")
    add(root, "hen-gio.md", ARTICLE.format(date="2030-09-02T08:00:00+07:00"))
    page = root / "output" / "bai-viet" / "hen-gio" / "index.html"
    badge = '<span class="badge">Hẹn đăng</span>'
    build(root, future=True, now=datetime(2030, 9, 2, 7, 59, tzinfo=ZONE))
    assert page.read_text(encoding="utf-8").count(badge) == 1
    assert badge in (root / "output" / "index.html").read_text(encoding="utf-8")  # its card
    build(root, future=True, now=datetime(2030, 9, 2, 8, 0, tzinfo=ZONE))
    assert badge not in page.read_text(encoding="utf-8")
    assert badge not in (root / "output" / "index.html").read_text(encoding="utf-8")
    build(root, now=datetime(2030, 9, 3, tzinfo=ZONE))  # the published site never has one
    assert not [path for path in (root / "output").rglob("*.html") if badge in path.read_text(encoding="utf-8")]
