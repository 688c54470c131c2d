"""Importer round 10: the campaign's names read as directives (campaigns.py), and the pages of
round 10's corpus (national papers)."""
from __future__ import annotations

from datetime import datetime

import pytest

from generator.importer.entities import find_directives
from generator.vietnamese import VN

from importing import import_page, lines

_2006 = "Cuộc vận động “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”"
_2016 = "cuộc vận động học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"


def _symbols(text: str, registries, day=None) -> list[str]:
    published = datetime(*day, 8, 0, tzinfo=VN) if day else None
    return [d.symbol for d in find_directives(text, registries, published)[0]]


@pytest.mark.parametrize("day", [(2009, 3, 2), (2014, 5, 19), (2024, 5, 19), None])
def test_the_2006_campaign_is_the_one_chi_thi_06_organised_whatever_the_date(day, registries):
    text = f"Sau 18 năm thực hiện {_2006}, huyện đã có nhiều mô hình hay."
    assert _symbols(text, registries, day) == ["06-CT/TW"]
    # in capitals, broken over two lines as a headline is
    assert _symbols("CUỘC VẬN ĐỘNG HỌC TẬP VÀ LÀM THEO\nTẤM GƯƠNG ĐẠO ĐỨC HỒ CHÍ MINH", registries, day) == ["06-CT/TW"]


@pytest.mark.parametrize("day, symbol", [((2017, 1, 10), "05-CT/TW"), ((2021, 5, 17), "05-CT/TW"),
                                         ((2021, 5, 18), "01-KL/TW"), ((2025, 2, 3), "01-KL/TW")])
def test_the_2016_wording_as_a_campaign_is_decided_by_the_article_s_date(day, symbol, registries):
    assert _symbols(f"Đoàn viên tích cực tham gia {_2016}.", registries, day) == [symbol]


def test_the_2016_wording_without_a_date_or_before_2016_names_none(registries):
    text = f"Đoàn viên tích cực tham gia {_2016}."
    assert _symbols(text, registries, (2015, 6, 1)) == []
    found, warnings = find_directives(text, registries, None)
    assert found == [] and any("05-CT/TW" in w and "01-KL/TW" in w and "không có ngày" in w for w in warnings)


def test_an_unnumbered_document_named_by_its_subject_is_read_by_its_kind(registries):
    chi_thi = "Thực hiện Chỉ thị của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    ket_luan = ("quán triệt Kết luận của Bộ Chính trị về tiếp tục đẩy mạnh học tập và làm theo tư tưởng, "
                "đạo đức, phong cách Hồ Chí Minh")
    assert _symbols(chi_thi, registries, (2024, 1, 1)) == ["05-CT/TW"]
    assert _symbols(ket_luan, registries, (2017, 1, 1)) == ["01-KL/TW"]
    again = "Chỉ thị của Bộ Chính trị về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh"
    assert _symbols(again, registries, None) == ["03-CT/TW"]
    first = "Chỉ thị của Bộ Chính trị về học tập và làm theo tấm gương đạo đức Hồ Chí Minh"
    assert _symbols(first, registries, (2008, 1, 1)) == ["06-CT/TW"]
    assert _symbols(first, registries, (2013, 1, 1)) == ["03-CT/TW"]
    assert _symbols(first, registries, None) == []


def test_the_wording_alone_or_another_campaign_names_no_directive(registries):
    for text in ("Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ở cơ sở.",
                 "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh là việc làm thường xuyên.",
                 "Cuộc vận động “Toàn dân đoàn kết xây dựng đời sống văn hóa” và Cuộc vận động được triển khai.",
                 "Chỉ thị của Ban Thường vụ Tỉnh ủy về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
                 "phong cách Hồ Chí Minh"):
        assert _symbols(text, registries, (2024, 1, 1)) == []


def test_a_campaign_name_in_an_imported_article_gives_its_directive(registries):
    page = lines("Lan tỏa gương người tốt việc tốt ở Yên Bái", "15/05/2019 08:30",
                 f"Qua 3 năm thực hiện {_2016}, tỉnh Yên Bái có hơn 500 điển hình được khen thưởng.",
                 "Các cấp ủy đã đưa nội dung học tập vào sinh hoạt chi bộ hằng tháng ở cơ sở.")
    _result, meta, _body = import_page(page, registries)
    assert meta["directives"] == ["05-CT/TW"]
