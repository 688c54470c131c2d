"""An article moved by hand (its "slug:" edited, its file renamed) since the last build.

The CMS keeps the old address in "aliases" (test_aliases.py); an editor using a text editor got no
word at all: `build` published the article at its new address and the old one, shared on Zalo or
Facebook, became "not found". Now `build` and `check` compare with the site last published in output/
and warn at the article's line, with the line to add; the warning is repeated until an alias (or
another page) serves the old address. The published files stay those of content/ alone.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import NOW, copy_project
from generator.build import build
from generator.check import run_check

ARTICLES = "content/articles"
ONE = "nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac"   # published, no slug line: the file name is its address


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = copy_project(tmp_path / "site")
    build(root, now=NOW)  # the site as last published, in output/
    return root


def edit(project: Path, stem: str, old: str, new: str) -> Path:
    path = project / ARTICLES / f"{stem}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def add_slug(project: Path, stem: str, slug: str) -> int:
    """The article's address changed by a slug line written after its title; the line's number."""
    path = project / ARTICLES / f"{stem}.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("title:")) + 1
    lines.insert(at, f"slug: {slug}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


def moved_lines(log: list[str]) -> list[str]:
    return [line for line in log if "đã đổi địa chỉ" in line]


def test_a_slug_edited_by_hand_is_reported_by_check_and_build_until_an_alias_keeps_it(project: Path):
    line = add_slug(project, ONE, "dia-chi-moi")
    expected = (f"{ARTICLES}/{ONE}.md:{line}: cảnh báo: bài đã đổi địa chỉ từ “/bai-viet/{ONE}/” sang "
                f"“/bai-viet/dia-chi-moi/” so với trang đã dựng lần trước")
    warnings = [str(w) for w in run_check(project, now=NOW).warnings if "đã đổi địa chỉ" in str(w)]
    assert len(warnings) == 1 and warnings[0].startswith(expected)
    assert f'thêm dòng aliases: ["/bai-viet/{ONE}/"]' in warnings[0]
    log: list[str] = []
    build(project, now=NOW, log=log.append)
    assert [line[:len(expected)] for line in moved_lines(log)] == [expected]
    # Not a redirect of its own: the build publishes what content/ says, as a fresh clone would.
    out = project / "output"
    assert (out / "bai-viet/dia-chi-moi/index.html").is_file() and not (out / f"bai-viet/{ONE}").exists()
    # Ignored once, said again: by the next build (nothing changed) and by check (output/ has moved on).
    log.clear()
    build(project, now=NOW, log=log.append)
    assert len(moved_lines(log)) == 1
    assert len([w for w in run_check(project, now=NOW).warnings if "đã đổi địa chỉ" in str(w)]) == 1
    # The alias the warning asks for: the old address leads to the article again, and the warning stops.
    edit(project, ONE, "slug: dia-chi-moi\n", f'slug: dia-chi-moi\naliases: ["/bai-viet/{ONE}/"]\n')
    log.clear()
    build(project, now=NOW, log=log.append)
    assert moved_lines(log) == [] and (out / f"bai-viet/{ONE}/index.html").is_file()
    assert not [w for w in run_check(project, now=NOW).warnings if "đã đổi địa chỉ" in str(w)]


def test_a_renamed_file_is_found_by_its_bytes_or_by_its_title_and_date(project: Path):
    articles = project / ARTICLES
    shutil.move(articles / f"{ONE}.md", articles / "ten-tep-moi.md")  # git mv: the same bytes
    warnings = [str(w) for w in run_check(project, now=NOW).warnings if "đã đổi địa chỉ" in str(w)]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{ARTICLES}/ten-tep-moi.md:1: cảnh báo: bài đã đổi địa chỉ từ "
                                  f"“/bai-viet/{ONE}/” sang “/bai-viet/ten-tep-moi/”")
    # Renamed and edited: the same title (written with the other tone style) and date still tell it.
    path = articles / "ten-tep-moi.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n\n", "\n\nMột đoạn mới.\n\n", 1).replace("Nhân rộng", "nhân rộng", 1),
                    encoding="utf-8")
    assert len([w for w in run_check(project, now=NOW).warnings if "đã đổi địa chỉ" in str(w)]) == 1


def test_deleted_unpublished_and_draft_articles_and_reused_addresses_are_not_moves(project: Path, tmp_path: Path):
    articles = project / ARTICLES
    (articles / f"{ONE}.md").unlink()  # deleted: nothing to keep (the CMS says so when deleting)
    assert not [w for w in run_check(project, now=NOW).warnings if "đã đổi địa chỉ" in str(w)]
    other = copy_project(tmp_path / "other")
    build(other, now=NOW)
    edit(other, ONE, "\n---", "\ndraft: true\n---")  # unpublished, not moved
    assert not [w for w in run_check(other, now=NOW).warnings if "đã đổi địa chỉ" in str(w)]
    # Moved, and another article took the old address: it leads somewhere, nothing is lost.
    third = copy_project(tmp_path / "third")
    build(third, now=NOW)
    add_slug(third, ONE, "dia-chi-moi")
    (third / ARTICLES / "bai-khac.md").write_text(
        f'---\ntitle: "Bài khác"\ndate: 2024-05-19\nslug: {ONE}\n---\n\nNội dung.\n', encoding="utf-8")
    assert not [w for w in run_check(third, now=NOW).warnings if "đã đổi địa chỉ" in str(w)]


def test_an_article_with_aliases_is_told_to_add_to_them(project: Path):
    edit(project, ONE, "\n---", '\naliases: ["/tin/cu.html"]\n---')
    build(project, now=NOW)
    add_slug(project, ONE, "dia-chi-moi")
    warnings = [str(w) for w in run_check(project, now=NOW).warnings if "đã đổi địa chỉ" in str(w)]
    assert len(warnings) == 1 and f"thêm “/bai-viet/{ONE}/” vào danh sách “aliases” của bài" in warnings[0]
