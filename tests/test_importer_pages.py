"""Importer, round 5: defects a probe with unseen saved pages found (a source without a name that
broke the build, a date only in the page's address, asides, readers' comments under "Ý kiến (12)",
inline labels glued to the next word, a letter's place-and-date line, links, image names already
taken, a photo story's credit). Each test failed before its fix."""
from __future__ import annotations

from importing import FIXTURES, import_fixture, import_page
from generator.content import ReadSettings, read_article


# -- the source and the date in the page's address ------------------------------------------

def test_address_without_site_name_gives_a_source_the_build_reads(registries, tmp_path):
    result, meta, _body = import_fixture("pages-url-date.html", registries)
    assert meta["source"] == {"name": "baomoi-vidu.vn",
                              "url": "https://baomoi-vidu.vn/chinh-tri/thanh-nien-thi-dua-20230612.html"}
    path = tmp_path / f"{result.slug}.md"
    path.write_text(result.text, encoding="utf-8")
    article = read_article(path, path.name, ReadSettings(registries, "/", (), "cmark-gfm", "Asia/Ho_Chi_Minh", 200))
    assert article.source.name == "baomoi-vidu.vn" and article.draft


def test_an_address_the_build_refuses_is_left_out_with_a_warning(registries):
    page = (FIXTURES / "pages-url-date.html").read_text(encoding="utf-8").replace(
        "https://baomoi-vidu.vn/chinh-tri/thanh-nien-thi-dua-20230612.html", "/chinh-tri/thanh nien.html")
    result, meta, _body = import_page(page, registries, ".html")
    assert "source" not in meta
    assert any("source.url" in w for w in result.warnings)


def test_date_in_the_address_is_a_flagged_guess_not_the_import_day(registries):
    result, meta, _body = import_fixture("pages-url-date.html", registries)
    assert meta["date"].isoformat() == "2023-06-12T00:00:00+07:00"
    assert meta["draft"] is True and "địa chỉ trang" in result.meta.checks["date"]
    assert any("địa chỉ trang" in w and "12/06/2023" in w for w in result.warnings)
