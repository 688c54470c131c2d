"""Round 13 of the importer: the tag of ethnic minorities, footnotes in the lead, the report's reasons, a portal's
name line as the source, and pages of kinds no test had used."""
from __future__ import annotations

from importing import import_page, left_out, lines

from generator.importer.entities import tag_scores


# -- "đồng bào" (generator/data/tags.csv, entities.tag_keywords, importer/ethnic_groups.csv) ------------------

def _minorities(text: str, registries) -> int:
    return dict(tag_scores({"body": text}, registries)).get("dân tộc thiểu số", 0)


def test_bac_s_dong_bao_is_every_citizen_not_an_ethnic_minority(registries):
    for text in ("Hỡi đồng bào cả nước!", "Đồng bào ta ngày nay cũng rất xứng đáng với tổ tiên ta ngày trước.",
                 "Toàn thể đồng bào, cán bộ, đảng viên tỉnh nhà.", "Đồng bào và chiến sĩ cả nước đoàn kết."):
        assert _minorities(text, registries) == 0, text


def test_an_ethnic_minority_named_after_dong_bao_or_dan_toc_is_the_tag(registries):
    for text in ("Phần lớn là đồng bào Khmer sinh sống.", "Đồng bào Khmer Nam Bộ đón Tết Chôl Chnăm Thmây.",
                 "Làng có 214 hộ, phần lớn là đồng bào Jrai.", "Bà con dân tộc Mông ở Mù Cang Chải.",
                 "Mô hình được đồng bào M’nông ở bon Bu Prâng hưởng ứng.", "Người Ê Đê giữ nghề dệt thổ cẩm.",
                 "Phát huy vai trò người có uy tín trong đồng bào.", "Bà con Chăm ở Ninh Thuận."):
        assert _minorities(text, registries) == 1, text


def test_dong_bao_dan_toc_thieu_so_counts_once(registries):
    assert _minorities("Vùng đồng bào dân tộc thiểu số của tỉnh.", registries) == 1


def test_a_place_or_country_opening_with_an_ethnic_name_is_no_minority(registries):
    for text in ("Hội đồng hương người Thái Bình tại Hà Nội.", "Đoàn khách người Thái Lan tham quan.",
                 "Đồng bào Thái Nguyên ủng hộ miền Trung.", "Người Hoa Kỳ đến thăm.", "Nhân dân Mông Cổ."):
        assert _minorities(text, registries) == 0, text


def test_an_article_quoting_bac_s_dong_bao_gets_no_minority_tag(registries):
    _result, meta, _body = import_page(lines(
        "Làm theo lời Bác dạy về đoàn kết", "Thứ Ba, 13/05/2025 - 08:15",
        "Lời kêu gọi “Hỡi đồng bào cả nước” của Chủ tịch Hồ Chí Minh vẫn vang vọng trong mỗi cán bộ, đảng viên "
        "tỉnh Nghệ An hôm nay.",
        "Bác viết: “Đồng bào ta ngày nay cũng rất xứng đáng với tổ tiên ta ngày trước”. Đồng bào và chiến sĩ cả "
        "nước đoàn kết một lòng.", "Toàn thể đồng bào, cán bộ, đảng viên tỉnh nhà tiếp tục thi đua học tập và làm "
        "theo Bác.", "Minh Hà"), registries)
    assert "dân tộc thiểu số" not in meta["tags"]
