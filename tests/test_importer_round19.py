"""Round 19 of the importer: an interview with one question printed with dashes, a writer whose name is also a
district's signed with an agency ("Thanh Hà (TTXVN)"), and an outlet's desk taken off og:site_name."""
from __future__ import annotations

import pytest

from importing import import_page, lines, paragraphs
from importing import PAGE_LAST as _LAST, PAGE_LEAD as _LEAD, PAGE_TITLE as _TITLE


def _page(inner: str, head: str = "", top: str = "") -> str:
    """A saved page: headline, what stands under it, date, lead, then ``inner``."""
    return (f"<html><head><meta charset='utf-8'>{head}</head><body><article><h1>{_TITLE}</h1>{top}"
            f"<div>12/05/2025 08:30</div><p>{_LEAD}</p>{inner}</article></body></html>")


def _html(*parts: str) -> str:
    return "".join(f"<p>{part}</p>" for part in parts)


# -- an interview with one question printed with dashes (body.dialogue_turns) ---------------------------------------

_QUESTION = "- Thưa ông, phong trào học tập và làm theo Bác ở xã đã có những chuyển biến gì?"
_ANSWER = ("- Chúng tôi đã cụ thể hóa việc học tập thành những việc làm thiết thực ở từng chi bộ, từng thôn. Mỗi đảng "
           "viên đăng ký một việc làm theo Bác và báo cáo kết quả mỗi quý.")
_ANSWER_ON = "- Nhờ đó, nhân dân trong xã đồng lòng hiến đất làm đường, xây nhà văn hóa thôn."
_TASKS = ["- Mỗi hộ gia đình đăng ký một việc làm theo Bác;", "- Giữ gìn đường làng xanh, sạch, đẹp;",
          "- Giúp đỡ các hộ khó khăn", "- Tham gia sinh hoạt chi hội đều đặn."]


def _listed(body: str) -> list[str]:
    """The body's lines Markdown reads as list items."""
    return [line for line in body.split("\n") if line.startswith(("- ", "* ", "+ "))]


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_a_one_question_interview_keeps_its_turns_with_their_dashes(suffix, registries):
    turns = [_QUESTION, _ANSWER, _ANSWER_ON]
    data = lines(_TITLE, "12/05/2025 08:30", _LEAD, *turns, _LAST, "Nguyễn Văn An thực hiện") if suffix == ".txt" \
        else _page(_html(*turns, _LAST, "Nguyễn Văn An thực hiện"))
    _result, meta, body = import_page(data, registries, suffix)
    assert meta["author"] == "Nguyễn Văn An"
    assert not _listed(body)  # was a list of three items
    assert ["\\" + turn for turn in turns] == paragraphs(body)[:3]  # each turn a paragraph, its dash shown as text


def test_a_one_question_in_bold_keeps_its_dash_as_text(registries):
    _result, _meta, body = import_page(_page(f"<p><strong>{_QUESTION}</strong></p>" + _html(_ANSWER, _LAST)),
                                       registries, ".html")
    assert paragraphs(body)[:2] == [f"**{_QUESTION}**", "\\" + _ANSWER]


@pytest.mark.parametrize("above", ["", "Phóng viên đã có cuộc trao đổi với ông Nguyễn Văn Bình, Bí thư Đảng ủy xã:"])
def test_a_lone_dash_question_answered_without_a_dash_is_a_turn(above, registries):
    data = lines(_TITLE, "12/05/2025 08:30", _LEAD, *([above] if above else []), _QUESTION, _ANSWER[2:], _LAST)
    _result, _meta, body = import_page(data, registries)
    assert "\\" + _QUESTION in paragraphs(body) and not _listed(body)  # was a one-item list


def test_a_q_and_a_box_in_a_report_is_turns_and_the_report_s_list_stays_a_list(registries):
    data = lines(_TITLE, "12/05/2025 08:30", _LEAD, "Xã đề ra các nhiệm vụ trọng tâm:", *_TASKS, _LAST,
                 _QUESTION, _ANSWER, "Nguyễn Văn An")
    _result, _meta, body = import_page(data, registries)
    assert "\n".join(_TASKS) in body  # the list
    assert f"\\{_QUESTION}\n\n\\{_ANSWER}" in body  # the turns


@pytest.mark.parametrize("suffix", [".txt", ".html"])
@pytest.mark.parametrize("items", [_TASKS[:3], _TASKS])
def test_a_dash_list_after_a_colon_stays_a_list(items, suffix, registries):
    parts = ["Năm 2025, chi hội phụ nữ thôn Đồng Tâm đề ra các việc làm cụ thể:", *items]
    data = lines(_TITLE, "12/05/2025 08:30", _LEAD, *parts, _LAST, "Nguyễn Văn An") if suffix == ".txt" \
        else _page(_html(*parts, _LAST, "Nguyễn Văn An"))
    _result, _meta, body = import_page(data, registries, suffix)
    assert _listed(body) == items


@pytest.mark.parametrize("questions", [
    ["- Làm sao để phong trào đi vào chiều sâu?", "- Ai là người đi đầu?", "- Làm gì để giữ được kết quả lâu dài?"],
    ["- Làm sao để phong trào đi vào chiều sâu?", "- Ai là người đi đầu?"],
])
def test_questions_the_article_poses_without_answers_are_a_list(questions, registries):
    # questions with no answer among them: a list of what the article asks, not an interview
    data = lines(_TITLE, "12/05/2025 08:30", _LEAD, "Các câu hỏi đặt ra:", *questions, _LAST, "Nguyễn Văn An")
    _result, _meta, body = import_page(data, registries)
    assert _listed(body) == questions  # three questions were three paragraphs "\- …?"


def test_a_question_a_list_ends_with_and_a_short_item_after_a_question_stay_a_list():
    from generator.importer.body import dialogue_turns
    from generator.importer.clean import Block, words
    from generator.importer.lines import Info, is_paragraph

    def infos(*texts: str) -> list[Info]:
        return [Info(Block(t, k + 1), paragraph=is_paragraph(t), n_words=words(t)) for k, t in enumerate(texts)]

    assert dialogue_turns(infos(_LEAD, "- Giữ gìn đường làng;", "- Giúp đỡ hộ nghèo?", _LAST)) == set()
    assert dialogue_turns(infos(_LEAD, "- Vì sao phải học Bác?", "- Những tấm gương.", _LAST)) == set()
    assert dialogue_turns(infos(_LEAD, _QUESTION, _ANSWER, _LAST)) == {1, 2}


# -- a writer's name a district also has, signed with an agency: "Thanh Hà (TTXVN)" (byline.py, dates.py) ---------

def _ended(signature: str) -> str:
    return _page(_html(_LAST) + signature)


_LAYOUTS = {
    "right-aligned, bold": _ended("<p style='text-align:right'><strong>Thanh Hà (TTXVN)</strong></p>"),
    "right-aligned, italic": _ended("<p style='text-align:right'><em>Thanh Hà (TTXVN)</em></p>"),
    "last paragraph": _ended("<p>Thanh Hà (TTXVN)</p>"),
    "div.author after": _ended("<div class='author'>Thanh Hà (TTXVN)</div>"),
    "span.author after": _ended("<span class='author'>Thanh Hà (TTXVN)</span>"),
    "p.author with a full stop": _ended("<p class='author'>Thanh Hà (TTXVN).</p>"),
    "capitals": _ended("<p><strong>THANH HÀ (TTXVN)</strong></p>"),
    "div.author before": _page(_html(_LAST), top="<div class='author'>Thanh Hà (TTXVN)</div>"),
    "under the headline": _page(_html(_LAST), top="<p>Thanh Hà (TTXVN)</p>"),
    "meta author": _page(_html(_LAST), head="<meta name='author' content='Thanh Hà (TTXVN)'>"),
    "JSON-LD author": _page(_html(_LAST), head='<script type="application/ld+json">{"@type": "NewsArticle", "author": '
                                               '{"@type": "Person", "name": "Thanh Hà (TTXVN)"}}</script>'),
    "date line, name first": f"<html><body><h1>{_TITLE}</h1><div>Thanh Hà (TTXVN) - 12/05/2025 08:30</div>"
                             f"<p>{_LEAD}</p><p>{_LAST}</p></body></html>",
    "date line, slash": f"<html><body><h1>{_TITLE}</h1><div>12/05/2025 | Thanh Hà/TTXVN</div><p>{_LEAD}</p>"
                        f"<p>{_LAST}</p></body></html>",
}


@pytest.mark.parametrize("layout", _LAYOUTS)
def test_a_saved_page_signed_thanh_ha_ttxvn_gives_the_writer_and_the_agency(layout, registries):
    result, meta, body = import_page(_LAYOUTS[layout], registries, ".html")
    assert meta.get("author") == "Thanh Hà"
    assert meta.get("source") == {"name": "TTXVN"}  # no page showed the agency as the source
    assert "Thanh Hà" not in body and "THANH HÀ" not in body
    assert "không tìm thấy tên tác giả trên trang" not in result.warnings


@pytest.mark.parametrize("signature, source", [
    ("Thanh Hà (TTXVN)", "TTXVN"), ("THANH HÀ (TTXVN)", "TTXVN"), ("Thanh Hà (VOV)", "VOV"),
    ("Thanh Hà (Báo Lâm Đồng)", "Báo Lâm Đồng"), ("Thanh Hà (TTXVN/Vietnam+)", "TTXVN/Vietnam+"),
    ("Thanh Hà (Vietnam+)", "Vietnam+"), ("Thanh Hà/TTXVN", "TTXVN"), ("Thanh Hà - TTXVN", "TTXVN"),
    ("Thanh Hà/VOV-Trường Sa", "VOV"), ("Theo Thanh Hà (TTXVN)", "TTXVN"), ("Bài, ảnh: Thanh Hà (TTXVN)", "TTXVN"),
])
def test_a_pasted_page_signed_with_an_agency_in_its_last_line(signature, source, registries):
    _result, meta, body = import_page(lines(_TITLE, "12/05/2025 08:30", _LEAD, _LAST, signature), registries)
    assert meta.get("author") == "Thanh Hà"  # was no author, and "Thanh Hà (TTXVN/Vietnam+)" stayed in the body
    assert meta["source"] == {"name": source}
    assert "Thanh Hà" not in body


@pytest.mark.parametrize("top", ["Thanh Hà (TTXVN) - 12/05/2025 08:30", "12/05/2025 08:30 | Thanh Hà (TTXVN)"])
def test_a_pasted_date_line_signed_with_an_agency(top, registries):
    _result, meta, _body = import_page(lines(_TITLE, top, _LEAD, _LAST), registries)
    assert meta.get("author") == "Thanh Hà" and meta["source"] == {"name": "TTXVN"}
    assert meta["date"].isoformat() == "2025-05-12T08:30:00+07:00"


@pytest.mark.parametrize("line, source", [("Theo TTXVN", "TTXVN"), ("Hà Nội (TTXVN)", None), ("Hà Nội/VOV", None),
                                          ("Thanh Hà", None)])
def test_an_agency_alone_or_after_a_province_names_no_writer(line, source, registries):
    # "Theo TTXVN" names the source; a province before an agency is a dateline's place, a district alone no one
    _result, meta, _body = import_page(lines(_TITLE, "12/05/2025 08:30", _LEAD, _LAST, line), registries)
    assert "author" not in meta
    assert meta.get("source", {}).get("name") == source


def test_a_province_s_name_signed_by_an_agency_is_still_no_writer():
    from generator.importer.byline import person_name
    from generator.importer.places import place_keys
    from generator.taxonomy import load_registries
    places = place_keys(load_registries(None))
    assert person_name("Thanh Hà (TTXVN)", places) == "Thanh Hà"
    assert person_name("Bắc Ninh (TTXVN)", places) is None  # a province and a city: the dateline's place
    assert person_name("Thanh Hà (TTXVN)", frozenset({"thanh ha1"})) is None  # a plain set: every place a province


# -- an outlet's desk or slogan taken off og:site_name and the <title> (outlets.py, siteinfo.py, pagetitle.py) -----

def _sited(site: str) -> str:
    return _page(_html(_LAST, "Nguyễn Văn An"), head=f"<meta property='og:site_name' content='{site}'>")


@pytest.mark.parametrize("site, outlet, desk", [
    ("Báo Lâm Đồng - Chính trị", "Báo Lâm Đồng", "Chính trị"),
    ("Báo Lâm Đồng – Chính trị", "Báo Lâm Đồng", "Chính trị"),
    ("Báo Nhân Dân điện tử | Xây dựng Đảng", "Báo Nhân Dân điện tử", "Xây dựng Đảng"),  # the e-paper's name stays
    ("Tạp chí Tuyên giáo - Học tập và làm theo Bác", "Tạp chí Tuyên giáo", "Học tập và làm theo Bác"),
    ("BÁO ĐẮK NÔNG - Tin tức", "Báo Đắk Nông", "Tin tức"),
    ("VOV.VN - Thời sự", "VOV", "Thời sự"),
    ("Báo Quân đội nhân dân - Bảo vệ nền tảng tư tưởng của Đảng", "Báo Quân đội nhân dân",
     "Bảo vệ nền tảng tư tưởng của Đảng"),
    ("Đài Phát thanh - Truyền hình Lâm Đồng - Thời sự", "Đài Phát thanh - Truyền hình Lâm Đồng", "Thời sự"),
    ("Báo Bà Rịa - Vũng Tàu | Chính trị", "Báo Bà Rịa - Vũng Tàu", "Chính trị"),
    ("TTXVN - Chính trị", "TTXVN", "Chính trị"),
])
def test_og_site_name_s_desk_is_left_out_of_the_source_with_a_note(site, outlet, desk, registries):
    result, meta, _body = import_page(_sited(site), registries, ".html")
    assert meta["source"] == {"name": outlet}  # was the site's name whole
    assert f"nguồn “{site}”: tên nguồn là cơ quan báo chí “{outlet}”; đã bỏ phần “{desk}” (ban, cơ quan thường trú " \
           "hoặc lời giới thiệu của báo): hãy kiểm tra" in result.warnings


@pytest.mark.parametrize("site", ["Đài Phát thanh - Truyền hình Lâm Đồng", "Báo Bà Rịa - Vũng Tàu",
                                  "Đài PT-TH Lâm Đồng", "Cổng TTĐT xã Phong Thổ - tỉnh Lai Châu",
                                  "Báo Quảng Ngãi điện tử", "TTXVN - Vietnam+"])
def test_a_site_name_whose_dash_is_its_own_stays_whole(site, registries):
    result, meta, _body = import_page(_sited(site), registries, ".html")
    assert meta["source"] == {"name": site}
    assert not [w for w in result.warnings if w.startswith("nguồn “")]


@pytest.mark.parametrize("ending, outlet", [
    ("Báo Lâm Đồng - Chính trị", "Báo Lâm Đồng"), ("BÁO ĐẮK NÔNG - Tin tức", "Báo Đắk Nông"),
    ("VOV.VN - Thời sự", "VOV"), ("Đài Phát thanh - Truyền hình Lâm Đồng", "Đài Phát thanh - Truyền hình Lâm Đồng"),
    ("Báo Bà Rịa - Vũng Tàu", "Báo Bà Rịa - Vũng Tàu"),  # was "Truyền hình Lâm Đồng", no source
])
def test_a_page_title_s_outlet_is_the_source_without_its_desk(ending, outlet, registries):
    _result, meta, _body = import_page(_page(_html(_LAST, "Nguyễn Văn An"), head=f"<title>{_TITLE} - {ending}</title>"),
                                       registries, ".html")
    assert meta["source"] == {"name": outlet}
    assert meta["title"] == _TITLE


def test_a_page_title_s_headline_leaves_the_outlet_and_its_desk():
    from generator.importer.pagetitle import page_title_headline, page_title_site
    assert page_title_headline([f"{_TITLE} - Báo Lâm Đồng - Chính trị"]) == _TITLE
    # a headline's own words that open like an outlet ("Báo chí …") name no site
    assert page_title_site("Xã Tân Lập - Báo chí cách mạng - 100 năm") is None
    assert page_title_headline(["Bà Rịa - Vũng Tàu: nhân rộng mô hình dân vận khéo | Báo Bà Rịa - Vũng Tàu"]) == \
        "Bà Rịa - Vũng Tàu: nhân rộng mô hình dân vận khéo"


def test_one_rule_takes_the_desk_off_a_source_line_and_a_site_name():
    from generator.importer.outlets import outlet_name
    assert outlet_name("Báo Bà Rịa - Vũng Tàu") == ("Báo Bà Rịa - Vũng Tàu", None)  # was ("Báo Bà Rịa", "Vũng Tàu")
    assert outlet_name("Đài Phát thanh - Truyền hình Lâm Đồng") == ("Đài Phát thanh - Truyền hình Lâm Đồng", None)
    assert outlet_name("Báo Văn hóa - Thể thao") == ("Báo Văn hóa", "Thể thao")  # a desk's name: the editor checks


def test_a_source_line_naming_a_paper_with_a_place_s_dash_keeps_it(registries):
    _result, meta, _body = import_page(lines(_TITLE, "12/05/2025 08:30", _LEAD, _LAST, "Nguyễn Văn An",
                                             "Theo Báo Bà Rịa - Vũng Tàu"), registries)
    assert meta["source"] == {"name": "Báo Bà Rịa - Vũng Tàu"}  # was "Báo Bà Rịa", its desk "Vũng Tàu"
