"""Importer round 8: a video's credit naming a place, videos kept as links with their posters, inline
icons inside a paragraph, and the pages of round 8's corpus."""
from __future__ import annotations

import pytest

from importing import import_fixture as fixture
from importing import import_page, lines

HEADLINE = "Thanh niên Thủ đô tình nguyện vì cộng đồng"
LEAD = ("Hàng nghìn đoàn viên thanh niên ra quân chiến dịch tình nguyện hè, học tập và làm theo tấm gương "
        "đạo đức Hồ Chí Minh bằng những việc làm cụ thể.")
BODY = ("Chiến dịch năm nay tập trung vào các vùng ven, với học tập và làm theo Bác là chủ đề xuyên suốt "
        "của các hoạt động tình nguyện.")
CORPUS = "corpus/tuned/"


# --- a video's credit that names a place --------------------------------------------------------------

@pytest.mark.parametrize("credit", ["Video: Hà Nội/VOV", "Hà Nội/VOV", "Clip: Thanh Hóa", "Video: Quảng Ninh/VTV"])
def test_a_place_in_a_videos_credit_is_no_author(credit, registries):
    for page in (lines(HEADLINE, "15/07/2024 06:30", LEAD, BODY, credit),
                 lines(HEADLINE, "15/07/2024 06:30", credit, LEAD, BODY)):
        _result, meta, body = import_page(page, registries)
        assert meta.get("author") is None, credit


@pytest.mark.parametrize("credit, author", [("Video: Phạm Hà/VOV", "Phạm Hà"), ("Minh Anh/VOV", "Minh Anh"),
                                            ("Tác giả: Thanh Bình", "Thanh Bình")])
def test_a_person_in_a_credit_is_still_the_author(credit, author, registries):
    _result, meta, _body = import_page(lines(HEADLINE, "15/07/2024 06:30", LEAD, BODY, credit), registries)
    assert meta["author"] == author
