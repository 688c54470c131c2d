"""Round 11 of the importer: pages and copies of kinds no test had used (a site's own video player, an
Outlook e-mail saved as HTML, nested and consecutive lists, …)."""
from __future__ import annotations

from importing import import_page, left_out

_SAPO = ("Hơn 10 năm thực hiện Chỉ thị 05-CT/TW, tỉnh Thái Nguyên đã có hàng nghìn tập thể, cá nhân được khen "
         "thưởng vì có thành tích trong học tập và làm theo Bác.")
_TEXT = ["Ông Hoàng Văn Bảy, 72 tuổi, ở xã Phú Đình, huyện Định Hóa, hơn 20 năm nay tự nguyện giữ gìn và quét "
         "dọn khu di tích ATK. Ông nói, làm theo lời Bác là làm những việc nhỏ mỗi ngày cho tốt.",
         "Theo Ban Tuyên giáo Tỉnh ủy Thái Nguyên, việc thực hiện Kết luận 01-KL/TW của Bộ Chính trị đã đi vào "
         "chiều sâu; mỗi cơ quan, đơn vị đều đăng ký nội dung làm theo cụ thể."]


def _saved(between: str = "", inside: str = "") -> str:
    return (f"<html><body><h1>Thái Nguyên lan tỏa những tấm gương bình dị làm theo Bác</h1>"
            f"<div class=\"meta\">12/06/2024 19:40</div><h2 class=\"sapo\">{_SAPO}</h2>{between}"
            f"<div class=\"content\"><p>{_TEXT[0]}</p>{inside}<p>{_TEXT[1]}</p></div></body></html>")


def test_a_site_s_own_player_box_is_a_link_to_its_video_and_its_labels_are_reported(registries):
    boxes = {  # VTV / Dân trí (VCCorp), a class, JW Player; the address written without a scheme or with one
        '<div class="VCSortableInPreviewMode" type="VideoStream" data-vid="vod.example.vn/2024/6/12/tn.mp4">'
        '<div class="videoTitle">Phỏng vấn Bí thư Tỉnh ủy Thái Nguyên</div><span class="vjs-duration">03:15</span>'
        '<div class="VideoCMS_Caption"><p>Bản tin Thời sự 19h ngày 12/6/2024</p></div></div>':
            "https://vod.example.vn/2024/6/12/tn.mp4",
        '<div class="VideoStream" data-file="//cdn.example.vn/v/tn.m3u8"><div>0:00</div>'
        '<div>Phỏng vấn Bí thư Tỉnh ủy Thái Nguyên</div><div>01:42 / 03:15</div></div>':
            "https://cdn.example.vn/v/tn.m3u8",
        '<div id="p1" class="jwplayer jw-reset" data-video-src="https://media.example.vn/tn.mp4">'
        '<div class="jw-title">Phỏng vấn Bí thư Tỉnh ủy Thái Nguyên</div><div class="jw-text">03:15</div></div>':
            "https://media.example.vn/tn.mp4",
    }
    for box, url in boxes.items():
        for page in (_saved(between=box), _saved(inside=box)):
            result, meta, body = import_page(page, registries, ".html")
            assert f"Xem video: [Phỏng vấn Bí thư Tỉnh ủy Thái Nguyên]({url})" in body, box
            assert "03:15" not in body and "##" not in body and "Bản tin Thời sự" not in body, body
            assert all(t in body for t in _TEXT) and meta["summary"] == _SAPO
            assert "03:15" in " ".join(left_out(result, "khuôn trang (trình phát video)"))


def test_a_player_box_without_an_address_is_reported_not_written(registries):
    box = '<div class="VideoStream"><div>Phỏng vấn Bí thư Tỉnh ủy</div><div>03:15</div></div>'
    result, _meta, body = import_page(_saved(inside=box), registries, ".html")
    assert "Phỏng vấn" not in body and "03:15" not in body and "Xem video" not in body
    assert any("Phỏng vấn Bí thư Tỉnh ủy" in t for t in left_out(result, "khuôn trang (trình phát video)"))
    # a class that only contains the word ("video-player-list" of teasers) is no player box
    _result, _meta, body = import_page(_saved(inside='<p class="videostream-note">Dịp này, 42 tập thể được '
                                                     'tặng Bằng khen.</p>'), registries, ".html")
    assert "42 tập thể" in body


def test_a_list_inside_a_list_item_stays_nested_and_the_outer_list_goes_on(registries):
    lists = ('<p>Kế hoạch đề ra các yêu cầu:</p><ol><li>Học tập gắn với Kết luận 01-KL/TW;</li>'
             '<li>Mỗi đảng viên xây dựng kế hoạch làm theo:<ul><li>đăng ký việc làm cụ thể;</li>'
             '<li>báo cáo kết quả:<ol><li>giữa năm;</li><li>cuối năm.</li></ol></li></ul></li>'
             '<li>Gắn với phong trào thi đua.</li></ol>'
             '<ul><li>Thời gian: quý II/2024.</li><li>Hình thức: trực tiếp.</li></ul>')
    _result, _meta, body = import_page(_saved(inside=lists), registries, ".html")
    assert ("1. Học tập gắn với Kết luận 01-KL/TW;\n"
            "2. Mỗi đảng viên xây dựng kế hoạch làm theo:\n"
            "    - đăng ký việc làm cụ thể;\n"
            "    - báo cáo kết quả:\n"
            "        1. giữa năm;\n"
            "        2. cuối năm.\n"
            "3. Gắn với phong trào thi đua.\n\n"
            "- Thời gian: quý II/2024.\n"
            "- Hình thức: trực tiếp.\n\n") in body, body
    # bullets in bullets, and a numbered list after a nested one that starts again at 1: a new list
    lists = ('<ul><li>Cấp tỉnh:<ul><li>Ban Tuyên giáo;</li><li>Ban Dân vận.</li></ul></li><li>Cấp huyện.</li></ul>'
             '<ol><li>Quý I;</li></ol><ol><li>Quý II.</li></ol>')
    _result, _meta, body = import_page(_saved(inside=lists), registries, ".html")
    assert "- Cấp tỉnh:\n    - Ban Tuyên giáo;\n    - Ban Dân vận.\n- Cấp huyện.\n\n1. Quý I;\n\n1. Quý II." in body, body
