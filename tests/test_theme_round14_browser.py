"""The theme's fourteenth round in Chromium: a table in an article on a phone.

The body breaks a long word anywhere rather than widen the page (`overflow-wrap: anywhere`), and a
table's cells inherited it: a document's number in a phone's header cell broke mid-way ("Nghị quyết
202/2025/QH" | "15"), a short header letter by letter. In a table a word now breaks only where it alone
is wider than its column, which grows to it (the table scrolls in its own box); an address (a link)
still breaks anywhere, in a column wide enough to read it.
"""
from __future__ import annotations

import pytest

from conftest import build_site, copy_project

pytestmark = pytest.mark.browser

TABLE_ARTICLE = """---
title: Bảng các văn bản sắp xếp đơn vị hành chính
date: 2025-07-01 08:00
province: Lào Cai
---

| Văn bản | Nghị quyết 202/2025/QH15 | Số mô hình | Nguồn |
| --- | --- | --- | --- |
| Chỉ thị 05-CT/TW | Sáp nhập tỉnh Lào Cai và Yên Bái theo 202/2025/QH15 | 12 | [https://baolaocai.vn/chi-thi-05-ct-tw-hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh-post123456.html](https://baolaocai.vn/x) |
| Kết luận 01-KL/TW | 1234/NQ-UBTVQH15 | 3 | Báo Lào Cai |
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory, host):
    tmp = tmp_path_factory.mktemp("round14-browser")
    root = copy_project(tmp / "site")
    (root / "content" / "articles" / "bang-van-ban.md").write_text(TABLE_ARTICLE, encoding="utf-8")
    site = build_site(root, tmp / "out")
    return host(site.output).url + "bai-viet/bang-van-ban/"


# For each cell: its width, and each word (between spaces and hyphens, where lines may end) with the
# number of lines it is drawn on (a word broken mid-way: two or more) and whether it is in a link.
CELLS = """() => [...document.querySelectorAll('.body table :is(th, td)')].map(cell => {
  const range = document.createRange();
  const words = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/[^\\s-]+/g)) {  // a line may end at a hyphen
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      words.push([m[0], tops.size, !!node.parentElement.closest('a')]);
    }
  }
  return {text: cell.textContent.trim(), width: cell.getBoundingClientRect().width, words};
})"""


@pytest.mark.parametrize("width", [375, 1280])
def test_a_tables_words_are_whole_on_a_phone_and_its_addresses_readable(chromium, served, width):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(served)
    cells = page.evaluate(CELLS)
    broken = [(cell["text"], word) for cell in cells for word, lines, linked in cell["words"] if lines > 1 and not linked]
    assert broken == []  # was, at 375 px: "202/2025/QH15" (header and cell), "Số", "mô", "hình" …
    address = next(cell for cell in cells if cell["text"].startswith("https://"))
    assert address["width"] >= 12 * 16 - 1  # 12rem: was the narrowest column, a letter a line
    table = page.locator(".body table")
    overflow = table.evaluate("t => t.scrollWidth > t.clientWidth")
    assert overflow == (width == 375)  # the wider table scrolls in its own box, the page does not
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
