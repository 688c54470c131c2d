"""Old addresses of articles ("aliases"): a renamed article keeps its readers.

Changing a published article's address (its "slug" in the CMS or by hand) broke the old one: links
shared on Zalo or Facebook, feeds read before and other sites' links led to "not found". Now the old
address is kept in the article's "aliases" (the CMS backend adds it when a save moves a published
article), the build publishes a redirect page there and a forced 301 in `_redirects`, and aliases are
checked like addresses (path:line, every problem in one run, the last good site untouched).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import NOW, copy_project
from generator.build import build
from generator.cms.backend import LocalBackend
from generator.cms.review import reviewer
from generator.cms.schema import folders
from generator.config import load_config
from generator.errors import BuildFailed
from generator.taxonomy import load_registries

ARTICLES = "content/articles"
ONE = "nhan-rong-cac-mo-hinh-dien-hinh-lam-theo-loi-bac"   # an article of the bundled site, published
TWO = "phat-huy-vai-tro-neu-guong-cua-can-bo-dang-vien-tai-lai-chau"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "site")


def with_front(project: Path, stem: str, lines: str) -> Path:
    """The article's file with lines added after its title."""
    path = project / ARTICLES / f"{stem}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n", "\n" + lines, 1) if lines else text, encoding="utf-8")
    return path


def test_an_old_address_leads_to_the_article(project: Path, tmp_path: Path):
    with_front(project, ONE, 'aliases: ["/bai-viet/ten-cu/", "/tin-tuc/bai-123.html", "/bai-viet/khac"]\n')
    out = build(project, output=str(tmp_path / "out"), now=NOW).output
    page = (out / "bai-viet/ten-cu/index.html").read_text(encoding="utf-8")
    target = f"/bai-viet/{ONE}/"
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in page
    assert f'<link rel="canonical" href="https://lamtheobac.netlify.app{target}">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert re.search(rf'Bài viết đã chuyển đến <a href="{target}">Nhân rộng các mô hình', page)
    # A page of an old site (.html) is served as that file; an address without its last "/" gets one.
    assert (out / "tin-tuc/bai-123.html").read_bytes() == (out / "bai-viet/khac/index.html").read_bytes() \
        == page.encode()
    rules = [line for line in (out / "_redirects").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    assert rules == [f"/bai-viet/ten-cu/ {target} 301!", f"/tin-tuc/bai-123.html {target} 301!",
                     f"/bai-viet/khac/ {target} 301!"]
    # Not a page of the site: no sitemap entry, and the article's own page is still there.
    assert "ten-cu" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert (out / f"bai-viet/{ONE}/index.html").is_file()


def test_old_addresses_under_a_base_path(project: Path, tmp_path: Path):
    with_front(project, ONE, 'aliases: "/bai-viet/ten-cu/"\n')
    out = build(project, output=str(tmp_path / "out"), base_url="https://example.org/hoc-tap/", now=NOW).output
    page = (out / "bai-viet/ten-cu/index.html").read_text(encoding="utf-8")
    assert f'url=/hoc-tap/bai-viet/{ONE}/"' in page
    assert f'href="https://example.org/hoc-tap/bai-viet/{ONE}/"' in page
    assert f"/hoc-tap/bai-viet/ten-cu/ /hoc-tap/bai-viet/{ONE}/ 301!" in (out / "_redirects").read_text("utf-8")


def test_a_site_under_a_base_path_answers_a_missing_address_with_its_own_404_page(project: Path, tmp_path: Path):
    """netlify.toml's "/* /404.html 404" names the domain's 404 page: under /hoc-tap/ the site's is
    /hoc-tap/404.html. The rule comes after the old addresses (Netlify takes the first that matches)."""
    out = build(project, output=str(tmp_path / "out"), base_url="https://example.org/hoc-tap/", now=NOW).output
    assert (out / "404.html").is_file()
    rules = [line for line in (out / "_redirects").read_text("utf-8").splitlines() if not line.startswith("#")]
    assert rules == ["/hoc-tap/* /hoc-tap/404.html 404"]
    with_front(project, ONE, 'aliases: "/bai-viet/ten-cu/"\n')
    out = build(project, output=str(tmp_path / "out"), base_url="https://example.org/hoc-tap/", now=NOW).output
    rules = [line for line in (out / "_redirects").read_text("utf-8").splitlines() if not line.startswith("#")]
    assert rules == [f"/hoc-tap/bai-viet/ten-cu/ /hoc-tap/bai-viet/{ONE}/ 301!", "/hoc-tap/* /hoc-tap/404.html 404"]


def test_a_draft_publishes_no_old_address_and_a_site_without_aliases_no_redirects(project: Path, tmp_path: Path):
    with_front(project, ONE, 'aliases: ["/bai-viet/ten-cu/"]\ndraft: true\n')
    out = build(project, output=str(tmp_path / "out"), now=NOW).output
    assert not (out / "bai-viet/ten-cu").exists() and not (out / "_redirects").exists()


def test_bad_old_addresses_are_reported_at_their_lines_and_the_site_is_kept(project: Path, tmp_path: Path):
    out = tmp_path / "out"
    build(project, output=str(out), now=NOW)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    with_front(project, ONE, "aliases:\n  - ../../etc/passwd\n  - https://baocu.vn/tin/1\n  - /tinh/lao-cai/\n"
                             f"  - /bai-viet/{TWO}/\n  - /bai-viet/{ONE}/\n  - /tin/a.php\n  - /bai-viet/chung/\n  - /tin/Aux.htm\n")
    with_front(project, TWO, 'aliases: ["/bai-viet/chung"]\n')
    with pytest.raises(BuildFailed) as failed:
        build(project, output=str(out), now=NOW)
    shown = f"{ARTICLES}/{ONE}.md"
    messages = [str(e) for e in failed.value.errors]
    assert messages == [
        f"{shown}:3: địa chỉ cũ “../../etc/passwd” trong “aliases” phải bắt đầu bằng “/” (ví dụ /bai-viet/ten-cu/)",
        f"{shown}:4: địa chỉ cũ “https://baocu.vn/tin/1” trong “aliases” phải là đường dẫn trong trang, không phải "
        f"địa chỉ của trang khác (ví dụ /bai-viet/ten-cu/)",
        f"{shown}:8: địa chỉ cũ “/tin/a.php” trong “aliases” chỉ được là một thư mục (ví dụ /bai-viet/ten-cu/) "
        f"hoặc một trang .html, .htm",
        f"{shown}:10: địa chỉ cũ “/tin/Aux.htm” trong “aliases” có “Aux.htm”, một tên Windows dành cho thiết bị "
        f"(CON, PRN, AUX, NUL, COM1…, LPT1…): trang chuyển hướng ở địa chỉ này không chép được trên Windows; hãy "
        f"bỏ địa chỉ này",
    ]
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before  # the last good site, untouched
    # Once they read, the addresses are checked against the site's: every problem in one run.
    path = project / shown
    path.write_text(path.read_text(encoding="utf-8").replace("  - ../../etc/passwd\n", "")
                    .replace("  - https://baocu.vn/tin/1\n", "").replace("  - /tin/a.php\n", "")
                    .replace("  - /tin/Aux.htm\n", ""), encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        build(project, output=str(out), now=NOW)
    reserved = re.escape("nằm trong đường dẫn dành riêng của cổng (") + r"[a-z0-9, -]*tinh[a-z0-9, -]*\)"
    messages = sorted(str(e) for e in failed.value.errors)
    assert len(messages) == 4, messages
    assert re.fullmatch(rf"{shown}:3: địa chỉ cũ “/tinh/lao-cai/” {reserved}; hãy bỏ nó khỏi “aliases”", messages[0])
    assert messages[1:] == sorted([
        f"{shown}:4: địa chỉ cũ “/bai-viet/{TWO}/” là địa chỉ của bài viết {ARTICLES}/{TWO}.md; hãy bỏ nó khỏi “aliases”",
        f"{shown}:5: địa chỉ cũ “/bai-viet/{ONE}/” là địa chỉ hiện tại của chính bài này; hãy bỏ nó khỏi “aliases”",
        # the newer article's alias is the one reported
        f"{ARTICLES}/{TWO}.md:2: địa chỉ cũ “/bai-viet/chung/” đã là địa chỉ cũ của {shown}; hãy bỏ nó khỏi “aliases”",
    ])
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_old_addresses_differing_from_the_sites_own_only_in_case_are_refused(project: Path, tmp_path: Path):
    """"/Bai-Viet/{another}/" was published as a redirect beside that article's own page, and "/TINH/lao-cai/"
    beside the province's: where the host or the disk takes both for one (Netlify lowercases addresses;
    Windows, a Mac), the redirect took the page's place and sent its readers to another article. Two
    articles' old addresses differing in case likewise. An old address with capitals of its own still works."""
    out = tmp_path / "out"
    build(project, output=str(out), now=NOW)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    with_front(project, ONE, f"aliases:\n  - /Bai-Viet/{TWO.upper()}/\n  - /TINH/lao-cai/\n  - /bai-viet/{ONE.title()}/\n"
                             "  - /Tin-Tuc/Bai-Cu.html\n  - /tin-tuc/bai-cu.html\n")
    with_front(project, TWO, 'aliases: ["/TIN-TUC/BAI-CU.HTML"]\n')
    with pytest.raises(BuildFailed) as failed:
        build(project, output=str(out), now=NOW)
    shown = f"{ARTICLES}/{ONE}.md"
    reserved = re.escape("nằm trong đường dẫn dành riêng của cổng (") + r"[a-z0-9, -]*tinh[a-z0-9, -]*\)"
    messages = sorted(str(e) for e in failed.value.errors)
    assert len(messages) == 4, messages
    assert messages[0] == (f"{shown}:3: địa chỉ cũ “/Bai-Viet/{TWO.upper()}/” là địa chỉ của bài viết "
                           f"{ARTICLES}/{TWO}.md; hãy bỏ nó khỏi “aliases”")
    assert re.fullmatch(rf"{shown}:4: địa chỉ cũ “/TINH/lao-cai/” {reserved}; hãy bỏ nó khỏi “aliases”", messages[1])
    assert messages[2] == (f"{shown}:5: địa chỉ cũ “/bai-viet/{ONE.title()}/” là địa chỉ hiện tại của chính bài "
                           f"này; hãy bỏ nó khỏi “aliases”")
    assert messages[3] == (f"{ARTICLES}/{TWO}.md:2: địa chỉ cũ “/TIN-TUC/BAI-CU.HTML” đã là địa chỉ cũ của {shown}; "
                           f"hãy bỏ nó khỏi “aliases”")
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    # One article's own spellings of one old address, and capitals of its own, are published.
    path = with_front(project, ONE, "")
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"aliases:\n(  - .*\n)+", "aliases:\n  - /Tin-Tuc/Bai-Cu.html\n  - /tin-tuc/bai-cu.html\n",
                           text), encoding="utf-8")
    with_front(project, TWO, "")
    two = project / ARTICLES / f"{TWO}.md"
    two.write_text(two.read_text(encoding="utf-8").replace('aliases: ["/TIN-TUC/BAI-CU.HTML"]\n', ""), encoding="utf-8")
    assert (build(project, output=str(out), now=NOW).output / "Tin-Tuc/Bai-Cu.html").is_file()


# -- the CMS ------------------------------------------------------------------------------------------

@pytest.fixture
def backend(project: Path) -> LocalBackend:
    config = load_config(project)
    return LocalBackend(project, folders(config),
                        reviewer(config, load_registries(config.path(config.data_dir), project)))


def save(backend: LocalBackend, stem: str, text: str, new: bool = False) -> tuple[int, dict]:
    path = f"{ARTICLES}/{stem}.md"
    return backend.handle({"action": "persistEntry", "params": {
        "branch": "main", "dataFiles": [{"slug": stem, "path": path, "raw": text}], "assets": [],
        "options": {"commitMessage": "m", "useWorkflow": False, "status": "draft", "newEntry": new}}})


def form_text(project: Path, stem: str) -> str:
    """The article as the CMS tab read it (its form's text: what a save sends back)."""
    return (project / ARTICLES / f"{stem}.md").read_text(encoding="utf-8")


def test_a_new_slug_in_the_cms_keeps_the_old_address(backend: LocalBackend, project: Path, tmp_path: Path):
    opened = form_text(project, ONE)  # what the tab holds: no "aliases"
    status, answer = save(backend, ONE, opened.replace("\ndate:", '\nslug: "mo-hinh-dien-hinh"\ndate:', 1))
    assert status == 200, answer
    saved = form_text(project, ONE)
    assert f'slug: "mo-hinh-dien-hinh"\naliases: ["/bai-viet/{ONE}/"]\n' in saved
    # A second save from the same tab (its form never held the alias) keeps it; so does a second rename.
    status, answer = save(backend, ONE, opened.replace("\ndate:", '\nslug: "mo-hinh"\ndate:', 1))
    assert status == 200, answer
    assert f'slug: "mo-hinh"\naliases: ["/bai-viet/{ONE}/", "/bai-viet/mo-hinh-dien-hinh/"]\n' in form_text(project, ONE)
    out = build(project, output=str(tmp_path / "out"), now=NOW).output
    for old in (ONE, "mo-hinh-dien-hinh"):
        assert 'content="0; url=/bai-viet/mo-hinh/"' in (out / f"bai-viet/{old}/index.html").read_text("utf-8")
    # Back at an old address: it is the article's again, no longer an alias.
    status, answer = save(backend, ONE, opened.replace("\ndate:", '\nslug: "mo-hinh-dien-hinh"\ndate:', 1))
    assert status == 200, answer
    assert f'aliases: ["/bai-viet/{ONE}/", "/bai-viet/mo-hinh/"]\n' in form_text(project, ONE)


def test_a_save_keeping_the_address_leaves_aliases_as_written(backend: LocalBackend, project: Path):
    written = "aliases:  # đổi địa chỉ ngày 5/12\n  - '/bai-viet/ten-cu/'\n"
    opened = with_front(project, ONE, written).read_text(encoding="utf-8")
    status, answer = save(backend, ONE, opened.replace(written, "").replace("Anh Biên", "Anh Biên (Đắk Nông)"))
    assert status == 200, answer
    assert written in form_text(project, ONE) and "Anh Biên (Đắk Nông)" in form_text(project, ONE)


def test_a_draft_moves_without_an_alias(backend: LocalBackend, project: Path):
    opened = with_front(project, ONE, "draft: true\n").read_text(encoding="utf-8")
    status, answer = save(backend, ONE, opened.replace("\ndate:", '\nslug: "mo-hinh"\ndate:', 1))
    assert status == 200, answer
    assert "aliases" not in form_text(project, ONE)


def test_the_cms_refuses_an_address_another_article_keeps_as_its_old_one(backend: LocalBackend, project: Path):
    with_front(project, TWO, 'aliases: ["/bai-viet/ten-cu/"]\n')
    text = '---\ntitle: "Bài mới"\ndate: 2024-05-19T16:27:00+07:00\nslug: "ten-cu"\n---\n\nNội dung.\n'
    status, answer = save(backend, "bai-moi", text, new=True)
    assert status == 422 and not (project / ARTICLES / "bai-moi.md").exists()
    assert (f"{ARTICLES}/bai-moi.md:4: bài này có đường dẫn /bai-viet/ten-cu/, là địa chỉ cũ của {ARTICLES}/{TWO}.md"
            in answer["error"])
    # And an alias written by hand onto another article's address is refused with the build's message.
    opened = with_front(project, ONE, f'aliases: ["/bai-viet/{TWO}/"]\n').read_text(encoding="utf-8")
    status, answer = save(backend, ONE, opened.replace("Anh Biên", "Anh Biên (Đắk Nông)"))
    assert status == 422 and "Anh Biên (Đắk Nông)" not in form_text(project, ONE)
    assert (f"{ARTICLES}/{ONE}.md:2: địa chỉ cũ “/bai-viet/{TWO}/” là địa chỉ của bài viết {ARTICLES}/{TWO}.md"
            in answer["error"])


def test_a_moved_article_written_with_crlf_and_a_bom_keeps_them(backend: LocalBackend, project: Path):
    path = project / ARTICLES / "bai-windows.md"
    original = ("\ufeff---\r\ntitle: \"Bài Windows\"  # viết trên Windows\r\ndate: 2024-05-19\r\n---\r\n\r\n"
                "Nội dung.\r\n").encode("utf-8")
    path.write_bytes(original)
    form = '---\ntitle: "Bài Windows"\ndate: 2024-05-19\nslug: "bai-moi"\n---\n\nNội dung.\n'
    status, answer = save(backend, "bai-windows", form)
    assert status == 200, answer
    assert path.read_bytes() == original.replace(b"date: 2024-05-19\r\n", b'date: 2024-05-19\r\nslug: "bai-moi"\r\n'
                                                 b'aliases: ["/bai-viet/bai-windows/"]\r\n')


def test_new_refuses_an_address_another_article_keeps_as_its_old_one(project: Path, capsys):
    """`lamtheobac new` wrote an article at another article's old address: the build then refused it."""
    from generator.cli import main
    with_front(project, ONE, 'aliases: ["/bai-viet/doi-moi/"]\n')
    before = sorted(p.name for p in (project / ARTICLES).iterdir())
    assert main(["new", "--root", str(project), "Đổi mới"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"đường dẫn /bai-viet/doi-moi/ của bài mới là địa chỉ cũ của {ARTICLES}/{ONE}.md (trong “aliases” "
                   f"của bài đó, để người đọc theo địa chỉ cũ vẫn tới được bài đó); hãy đặt tiêu đề khác",
                   "Chưa tạo bài viết nào."]
    assert sorted(p.name for p in (project / ARTICLES).iterdir()) == before


def test_an_old_address_on_the_redirects_file_is_refused_at_its_line(project: Path, tmp_path: Path):
    """"/_redirects" as an old address made a folder _redirects/ where the build then wrote Netlify's
    file of redirect rules: the build failed at “.output.new/_redirects: … là một thư mục”, without the
    article, its line or what to do."""
    out = tmp_path / "out"
    build(project, output=str(out), now=NOW)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    with_front(project, ONE, "aliases:\n  - /tin/cu.html\n  - /_Redirects\n  - /_redirects/a/\n")
    with pytest.raises(BuildFailed) as failed:
        build(project, output=str(out), now=NOW)
    shown = f"{ARTICLES}/{ONE}.md"
    said = ("trùng với tệp _redirects mà cổng ghi các lệnh chuyển địa chỉ cũ cho máy chủ web (Netlify); địa chỉ này "
            "không dành cho bài viết; hãy bỏ nó khỏi “aliases”")
    assert sorted(str(e) for e in failed.value.errors) == [
        f"{shown}:4: địa chỉ cũ “/_Redirects/” {said}",
        f"{shown}:5: địa chỉ cũ “/_redirects/a/” {said}",
    ]
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_an_old_address_naming_a_file_of_the_sites_own_says_which(project: Path, tmp_path: Path):
    """"/404.html" or "/Index.html" as an old address was refused as "nằm trong đường dẫn dành riêng của
    cổng (assets, bai-viet, …)", a list of folders without the file: the editor could not see why."""
    with_front(project, ONE, "aliases:\n  - /404.html\n  - /Index.html\n")
    with pytest.raises(BuildFailed) as failed:
        build(project, output=str(tmp_path / "out"), now=NOW)
    shown = f"{ARTICLES}/{ONE}.md"
    assert sorted(str(e) for e in failed.value.errors) == [
        f"{shown}:3: địa chỉ cũ “/404.html” trùng với tệp “404.html” mà cổng tự tạo; địa chỉ này không dành cho "
        "bài viết; hãy bỏ nó khỏi “aliases”",
        f"{shown}:4: địa chỉ cũ “/Index.html” trùng với tệp “index.html” mà cổng tự tạo; địa chỉ này không dành "
        "cho bài viết; hãy bỏ nó khỏi “aliases”",
    ]


def test_an_old_address_on_the_headers_file_is_refused_at_its_line(project: Path, tmp_path: Path):
    """The build writes Netlify's _headers file on every build: "/_headers/" as an old address would make
    a folder there."""
    out = tmp_path / "out"
    build(project, output=str(out), now=NOW)
    with_front(project, ONE, "aliases:\n  - /_Headers/\n")
    with pytest.raises(BuildFailed) as failed:
        build(project, output=str(out), now=NOW)
    assert [str(e) for e in failed.value.errors] == [
        f"{ARTICLES}/{ONE}.md:3: địa chỉ cũ “/_Headers/” trùng với tệp _headers mà cổng ghi các tiêu đề bảo mật cho "
        f"máy chủ web (Netlify); địa chỉ này không dành cho bài viết; hãy bỏ nó khỏi “aliases”"]
    assert (out / "_headers").is_file()
