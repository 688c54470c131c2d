"""The web editor, round 13: what the editor is told before saving."""
from __future__ import annotations

import pytest

import test_cms_browser

pytestmark = pytest.mark.browser
served_cms, cms_editor = test_cms_browser.served_cms, test_cms_browser.cms_editor  # the fixtures, here too


@pytest.mark.parametrize("label, typed, fixed", [
    ("Ngày giờ đăng", "45/13/2021 08:00", "15/12/2021 08:00"),
    ("Ngày giờ đăng", "31/02/2025 25:00", "28/02/2025 23:00"),
])
def test_a_date_that_is_no_day_is_said_when_the_field_is_left(cms_editor, served_cms, label, typed, fixed):
    """A date typed as no day ("45/13/2021") was said only when the article was saved, at the top of a
    long form. Now, once the editor leaves the field, under it (an alert, the field marked invalid), and
    gone once the date is a day; nothing is saved meanwhile."""
    root, _ = served_cms
    before = sorted(p.name for p in (root / "content" / "articles").iterdir())
    editor = cms_editor(width=375, height=800)
    page = editor.page
    page.get_by_role("link", name="Tạo bài thuộc loại bài viết").click()
    field = page.get_by_label(label)
    field.fill(typed)
    assert page.get_by_role("alert").filter(has_text=f"“{typed}” không phải").count() == 0  # not while typing
    field.press("Tab")
    said = page.get_by_role("alert").filter(has_text=f"“{typed}” không phải ngày giờ dạng ngày/tháng/năm giờ:phút")
    said.wait_for()
    assert field.get_attribute("aria-invalid") == "true"
    assert field.get_attribute("aria-describedby") == said.get_attribute("id")
    field.fill(fixed)
    said.wait_for(state="detached")
    assert field.get_attribute("aria-invalid") is None
    assert sorted(p.name for p in (root / "content" / "articles").iterdir()) == before
    assert editor.errors == []
