"""The corpus of bad articles (tests/bad/articles/): each gets an exact, located Vietnamese message.

The build is run on a good site first; then the bad files are added and the build
must fail with every problem of every file in one run (``path:line: message``),
leaving the published output/ byte for byte as it was.
"""
from __future__ import annotations

import pytest

from bad.kit import CORPUS, add, cli, errors_of, make_site, snapshot
from generator.build import build

# file in tests/bad/articles -> the exact lines the build prints for it
EXPECTED = {
    'bang-ma-1258.md': [
        'content/articles/bang-ma-1258.md:2: tệp không phải UTF-8 hợp lệ: byte không đọc được ở vị trí 14 (0xf2); hãy lưu lại tệp với mã hóa UTF-8 (tệp có vẻ lưu ở bảng mã cũ Windows-1258: hãy chuyển sang Unicode, ví dụ bằng công cụ chuyển mã của Unikey)',
    ],
    'bang-ma-tcvn3.md': [
        'content/articles/bang-ma-tcvn3.md:2: tệp không phải UTF-8 hợp lệ: byte không đọc được ở vị trí 13 (0xe4); hãy lưu lại tệp với mã hóa UTF-8 (tệp có vẻ lưu ở bảng mã cũ TCVN3 (ABC, phông .VnTime): hãy chuyển sang Unicode, ví dụ bằng công cụ chuyển mã của Unikey)',
    ],
    'bang-ma-vni.md': [
        'content/articles/bang-ma-vni.md:2: tệp không phải UTF-8 hợp lệ: byte không đọc được ở vị trí 14 (0xef); hãy lưu lại tệp với mã hóa UTF-8 (tệp có vẻ lưu ở bảng mã cũ VNI-Windows (phông VNI-Times): hãy chuyển sang Unicode, ví dụ bằng công cụ chuyển mã của Unikey)',
    ],
    'anh-cham-cham.md': [
        'content/articles/anh-cham-cham.md:4: “image.src” không được chứa “..” (kể cả viết dạng %2e%2e): “../../../etc/passwd”',
    ],
    'anh-javascript.md': [
        'content/articles/anh-javascript.md:4: “image.src” không được dùng giao thức “JaVaScRiPt:” (chỉ http:// hoặc https://): “JaVaScRiPt:alert(1)”',
    ],
    'anh-ma-hoa.md': [
        'content/articles/anh-ma-hoa.md:4: “image.src” không được chứa “..” (kể cả viết dạng %2e%2e): “/images/%2e%2e/%2e%2e/etc/passwd”',
    ],
    'date-khong-co.md': [
        'content/articles/date-khong-co.md:3: “date”: ngày “2021-02-30” không tồn tại (tháng này không có ngày đó)',
    ],
    'date-mui-gio.md': [
        'content/articles/date-mui-gio.md:3: “date”: múi giờ “+24:00” không hợp lệ (giờ lệch phải từ 00:00 đến 23:59, ví dụ +07:00 cho giờ Việt Nam)',
    ],
    'date-sai-dang.md': [
        'content/articles/date-sai-dang.md:3: “date” phải là ngày dạng ISO 8601 (2016-09-19 hoặc 2016-09-19T16:27:00+07:00), không phải “20/05/2021”',
    ],
    'date-so-a-rap.md': [
        'content/articles/date-so-a-rap.md:3: “date” có chữ số “٢” (U+0662) không phải chữ số thường 0-9; hãy gõ lại ngày bằng chữ số 0-9, ví dụ 2016-09-19',
    ],
    'date-so-toan-chieu.md': [
        'content/articles/date-so-toan-chieu.md:3: “date” có chữ số “２” (U+FF12) không phải chữ số thường 0-9; hãy gõ lại ngày bằng chữ số 0-9, ví dụ 2016-09-19',
    ],
    'date-thieu.md': [
        'content/articles/date-thieu.md:1: thiếu “date”: cần ngày đăng dạng 2016-09-19 hoặc 2016-09-19T16:27:00+07:00',
    ],
    'fm-khong-dong.md': [
        'content/articles/fm-khong-dong.md:1: phần thông tin đầu bài mở bằng “---” nhưng không có dòng “---” đóng lại',
    ],
    'fm-thieu-mo-dau.md': [
        'content/articles/fm-thieu-mo-dau.md:1: thiếu dòng “---” mở đầu phần thông tin đầu bài (dòng đầu tiên phải là ---)',
    ],
    'khoa-hai-lan-long-nhau.md': [
        'content/articles/khoa-hai-lan-long-nhau.md:7: khóa “name” được viết hai lần (lần đầu ở dòng 5)',
    ],
    'khoa-hai-lan-ngoac.md': [
        'content/articles/khoa-hai-lan-ngoac.md:4: khóa “src” được viết hai lần (lần đầu ở dòng 4)',
    ],
    'khoa-hai-lan.md': [
        'content/articles/khoa-hai-lan.md:4: khóa “title” được viết hai lần (lần đầu ở dòng 2)',
    ],
    'khoa-la.md': [
        'content/articles/khoa-la.md:4: khóa không hợp lệ “tittle” (có phải ý bạn là: “title”?)',
        'content/articles/khoa-la.md:5: khóa không hợp lệ “mau_sac” (các khóa được dùng: title, date, slug, summary, province, directives, tags, author, source, image, updated, draft, date_estimated, aliases)',
    ],
    'khoa-null.md': [
        'content/articles/khoa-null.md:4: khóa không hợp lệ “~” (các khóa được dùng: title, date, slug, summary, province, directives, tags, author, source, image, updated, draft, date_estimated, aliases)',
        'content/articles/khoa-null.md:5: khóa không hợp lệ “yes” (các khóa được dùng: title, date, slug, summary, province, directives, tags, author, source, image, updated, draft, date_estimated, aliases)',
    ],
    'khong-phai-utf8.md': [
        'content/articles/khong-phai-utf8.md:2: tệp không phải UTF-8 hợp lệ: byte không đọc được ở vị trí 13 (0xe0); hãy lưu lại tệp với mã hóa UTF-8',
    ],
    'ngay-uoc-tinh.md': [
        'content/articles/ngay-uoc-tinh.md:4: “date_estimated” phải là true hoặc false (hay có, không)',
    ],
    'nguon-chen.md': [
        'content/articles/nguon-chen.md:4: “source.url” không được chứa dấu cách, dấu ngoặc kép, < > ` hay \\ (viết dấu cách là %20): “https://bao.vn/" onclick="alert(1)”',
    ],
    'nhieu-loi.md': [
        'content/articles/nhieu-loi.md:2: “title” đang để trống',
        'content/articles/nhieu-loi.md:3: “date”: ngày “2021-13-01” không tồn tại (tháng phải từ 1 đến 12)',
        'content/articles/nhieu-loi.md:4: “draft” phải là true hoặc false (hay có, không)',
        'content/articles/nhieu-loi.md:5: “source.url” không được dùng giao thức “ftp:” (chỉ http:// hoặc https://): “ftp://bao.vn/a”',
    ],
    'noi-dung-div-long-sau.md': [
        'content/articles/noi-dung-div-long-sau.md:40: nội dung lồng nhau quá sâu: quá 100 tầng (trích dẫn “>” trong trích dẫn, danh sách trong danh sách hay thẻ HTML trong thẻ HTML); hãy bớt lồng',
    ],
    'noi-dung-chu-thich-mo.md': [
        'content/articles/noi-dung-chu-thich-mo.md:13: chú thích “<!--” không được đóng bằng “-->”: mọi chữ sau nó tới hết bài sẽ không hiện ra đúng trên trang; hãy thêm “-->” ở chỗ cần đóng, hoặc xóa “<!--”',
    ],
    'noi-dung-iframe-tu-dong.md': [
        'content/articles/noi-dung-iframe-tu-dong.md:10: thẻ “<iframe>” không được đóng bằng “</iframe>”: mọi chữ sau nó tới hết bài sẽ không hiện ra đúng trên trang; hãy thêm “</iframe>” ở chỗ cần đóng, hoặc xóa “<iframe>”',
    ],
    'noi-dung-style-mo.md': [
        'content/articles/noi-dung-style-mo.md:10: thẻ “<style>” không được đóng bằng “</style>”: mọi chữ sau nó tới hết bài sẽ không hiện ra đúng trên trang; hãy thêm “</style>” ở chỗ cần đóng, hoặc xóa “<style>”',
    ],
    'noi-dung-long-sau.md': [
        'content/articles/noi-dung-long-sau.md:8: nội dung lồng nhau quá sâu: quá 100 tầng (trích dẫn “>” trong trích dẫn, danh sách trong danh sách hay thẻ HTML trong thẻ HTML); hãy bớt lồng',
    ],
    'slug-cham-cham.md': [
        'content/articles/slug-cham-cham.md:4: “slug” chỉ được gồm chữ thường không dấu a-z, số 0-9 và dấu “-”, không phải “../../etc” (ví dụ “etc”)',
    ],
    'slug-chu-de.md': [
        'content/articles/slug-chu-de.md:4: đường dẫn “chu-de” trùng với đường dẫn dành riêng của cổng (admin, assets, bai-viet, chu-de, don-vi-2025, files, images, nam, tim-kiem, tinh, trang, van-ban); hãy đặt “slug” khác',
    ],
    'slug-gach-cheo.md': [
        'content/articles/slug-gach-cheo.md:4: “slug” chỉ được gồm chữ thường không dấu a-z, số 0-9 và dấu “-”, không phải “tinh/ha-noi” (ví dụ “tinh-ha-noi”)',
    ],
    'slug-ky-tu.md': [
        'content/articles/slug-ky-tu.md:4: “slug” chỉ được gồm chữ thường không dấu a-z, số 0-9 và dấu “-”, không phải “Bài_Viết” (ví dụ “bai-viet”)',
    ],
    'slug-ma-hoa.md': [
        'content/articles/slug-ma-hoa.md:4: “slug” chỉ được gồm chữ thường không dấu a-z, số 0-9 và dấu “-”, không phải “%2e%2e%2fetc” (ví dụ “etc”)',
    ],
    'slug-qua-dai.md': [
        'content/articles/slug-qua-dai.md:4: “slug” dài 287 ký tự, quá 200 ký tự mà một tên thư mục chứa được; hãy đặt “slug” ngắn hơn',
    ],
    'tags-chuoi.md': [
        'content/articles/tags-chuoi.md:4: “tags” phải là một danh sách, ví dụ tags: ["…", "…"]',
        'content/articles/tags-chuoi.md:5: “directives” phải là một danh sách, ví dụ directives: ["…", "…"]',
    ],
    'tags-qua-dai.md': [
        'content/articles/tags-qua-dai.md:6: chủ đề “học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh …” quá dài: đường dẫn của nó dài 299 ký tự, quá 200 ký tự; hãy rút gọn',
    ],
    'tags-rong.md': [
        'content/articles/tags-rong.md:4: chủ đề “???” không tạo được đường dẫn (cần có chữ hoặc số); hãy sửa hoặc bỏ chủ đề này',
    ],
    'tep-nhi-phan.md': [
        'content/articles/tep-nhi-phan.md:1: tệp nhị phân (có byte 0x00 ở vị trí 8), không phải văn bản Markdown; bài viết phải là tệp văn bản UTF-8',
    ],
    'tep-rong.md': [
        'content/articles/tep-rong.md:1: tệp rỗng: bài viết cần phần thông tin đầu bài (---) và nội dung',
    ],
    'the-yaml-python.md': [
        'content/articles/the-yaml-python.md:4: không dùng được thẻ YAML “!!python/object/apply:os.system”: phần thông tin đầu bài chỉ gồm chữ, danh sách và bảng; nếu đó là chữ, hãy đặt cả giá trị trong dấu ngoặc kép',
    ],
    'the-yaml.md': [
        'content/articles/the-yaml.md:2: không dùng được thẻ YAML “!!binary”: phần thông tin đầu bài chỉ gồm chữ, danh sách và bảng; nếu đó là chữ, hãy đặt cả giá trị trong dấu ngoặc kép',
    ],
    'tinh-la.md': [
        'content/articles/tinh-la.md:4: không có tỉnh, thành phố “Hà Nộii” trong danh mục (có phải ý bạn là: “Hà Nội”, “TP. Hà Nội”, “Hà Nam”?)',
        'content/articles/tinh-la.md:4: không có tỉnh, thành phố “Đắk Lăk” trong danh mục (có phải ý bạn là: “Đắk Lắk”, “Đăk Lăk”, “Đắc Lắc”?)',
    ],
    'tinh.md': [
        'content/articles/tinh.md:1: đường dẫn “tinh” trùng với đường dẫn dành riêng của cổng (admin, assets, bai-viet, chu-de, don-vi-2025, files, images, nam, tim-kiem, tinh, trang, van-ban); hãy đặt “slug” khác',
    ],
    'title-danh-sach.md': [
        'content/articles/title-danh-sach.md:2: “title” phải là một chuỗi văn bản, không phải một danh sách',
    ],
    'title-dao-chieu.md': [
        'content/articles/title-dao-chieu.md:2: “title” có ký tự điều khiển hướng chữ U+202E, làm chữ hiện ra khác với chữ thật; hãy xóa ký tự đó (gõ lại đoạn chữ này)',
    ],
    'title-rong.md': [
        'content/articles/title-rong.md:2: “title” đang để trống',
    ],
    'title-thieu.md': [
        'content/articles/title-thieu.md:1: thiếu “title”: trường này bắt buộc',
    ],
    'title-vo-hinh.md': [
        'content/articles/title-vo-hinh.md:2: “title” chỉ có ký tự vô hình (U+200B, U+2060), không có chữ nào hiện ra; hãy gõ lại “title”',
    ],
    'trung-1.md': [],  # its twin trung-2.md names it
    'trung-2.md': [
        'content/articles/trung-2.md:4: bài viết này có cùng đường dẫn /bai-viet/trung-nhau/ với content/articles/trung-1.md; hãy đổi tên tệp hoặc đặt “slug” khác',
    ],
    'van-ban-la.md': [
        'content/articles/van-ban-la.md:4: không có văn bản “05-CT/TX” trong danh mục (có phải ý bạn là: “05-CT/TW”, “06-CT/TW”, “03-CT/TW”?)',
    ],
    'yaml-danh-sach.md': [
        'content/articles/yaml-danh-sach.md:4: phần thông tin đầu bài không phải YAML hợp lệ: danh sách […] chưa được đóng bằng “]” hoặc thiếu dấu phẩy giữa các mục',
    ],
    'yaml-long-sau.md': [
        'content/articles/yaml-long-sau.md:4: phần thông tin đầu bài lồng nhau quá sâu (quá 50 tầng danh sách [..] hoặc bảng {..}); hãy viết các giá trị phẳng hơn',
    ],
    'yaml-ngoac-kep.md': [
        'content/articles/yaml-ngoac-kep.md:2: phần thông tin đầu bài không phải YAML hợp lệ: dấu ngoặc kép chưa được đóng',
    ],
    'yaml-tab.md': [
        'content/articles/yaml-tab.md:3: phần thông tin đầu bài không phải YAML hợp lệ: có ký tự tab; hãy thụt lề bằng dấu cách',
    ],
    'yaml-thut-le.md': [
        'content/articles/yaml-thut-le.md:3: phần thông tin đầu bài không phải YAML hợp lệ: thụt lề không đúng',
    ],
}
ALL = sorted(line for lines in EXPECTED.values() for line in lines)
TWINS = {"trung-1.md": "trung-2.md", "trung-2.md": "trung-1.md"}
SUMMARY = "Không dựng được trang: {} lỗi. Trang đã xuất bản trước đó vẫn giữ nguyên."


def test_corpus_and_expectations_match():
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_alone(tmp_path, name):
    root = make_site(tmp_path, {name: (CORPUS / name).read_bytes()})
    expected = EXPECTED[name]
    twin = TWINS.get(name)
    if twin:  # a collision needs both files; the message names both
        add(root, twin, (CORPUS / twin).read_bytes())
        expected = sorted(expected + EXPECTED[twin])
    assert errors_of(root) == expected
    assert not (root / "output").exists()


def test_every_bad_file_reported_in_one_run_and_output_kept(tmp_path):
    root = make_site(tmp_path)
    build(root)
    before = snapshot(root / "output")
    assert "index.html" in before and "bai-viet/ha-noi-neu-guong/index.html" in before
    for path in CORPUS.iterdir():
        add(root, path.name, path.read_bytes())
    assert errors_of(root) == ALL
    assert snapshot(root / "output") == before
    assert not (root / ".output.new").exists() and not (root / ".output.old").exists()
    # fixed again, the site builds
    for path in CORPUS.iterdir():
        (root / "content" / "articles" / path.name).unlink()
    build(root)
    assert snapshot(root / "output") == before


def test_cli_prints_every_error_and_exits_1(tmp_path):
    root = make_site(tmp_path)
    ok = cli("build", "--root", str(root))
    assert ok.returncode == 0, ok.stderr
    before = snapshot(root / "output")
    for path in CORPUS.iterdir():
        add(root, path.name, path.read_bytes())
    run = cli("build", "--root", str(root))
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.splitlines() == ALL + [SUMMARY.format(len(ALL))]
    assert snapshot(root / "output") == before


def test_bad_page_is_reported_like_an_article(tmp_path):
    root = make_site(tmp_path)
    (root / "content" / "pages" / "lien-he.md").write_text(
        "---\ntitle: Liên hệ\nmenu: hai\ndraft: 1\nsumary: x\n---\n\nNội dung.\n", encoding="utf-8")
    assert errors_of(root) == [
        "content/pages/lien-he.md:3: “menu” phải là một số nguyên (thứ tự trên thanh điều hướng)",
        "content/pages/lien-he.md:4: “draft” phải là true hoặc false (hay có, không)",
        "content/pages/lien-he.md:5: khóa không hợp lệ “sumary” (có phải ý bạn là: “summary”?)",
    ]


def test_nested_keys_and_types(tmp_path):
    root = make_site(tmp_path, {"long-nhau.md": (
        "---\ntitle: Lồng nhau\ndate: 2021-05-20\nsource: {nam: Báo}\nimage: [a.jpg]\n"
        "tags: [[a, b], nêu gương]\nupdated: 2021-05-20T25:00:00\n---\n\nNội dung.\n")})
    assert errors_of(root) == [
        "content/articles/long-nhau.md:4: khóa không hợp lệ “source.nam” (có phải ý bạn là: “name”?)",
        "content/articles/long-nhau.md:4: thiếu “source.name”: trường này bắt buộc",
        "content/articles/long-nhau.md:5: “image” phải là một bảng với các khóa src, alt, caption",
        "content/articles/long-nhau.md:6: mỗi mục của “tags” phải là một chuỗi văn bản",
        "content/articles/long-nhau.md:7: “updated”: ngày “2021-05-20T25:00:00” không tồn tại "
        "(giờ phải từ 00:00 đến 23:59)",
    ]


def test_a_newline_in_a_file_name_keeps_each_message_on_one_line(tmp_path):
    root = make_site(tmp_path, {"bai\nmoi.md": "---\ntitle: Bài mới\n---\n\nNội dung.\n",
                                "bai\u2028hai.md": "---\ntitle: Bài hai\n---\n\nNội dung.\n"})
    run = cli("build", "--root", str(root))
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "content/articles/bai\\nmoi.md:1: thiếu “date”: cần ngày đăng dạng 2016-09-19 hoặc 2016-09-19T16:27:00+07:00",
        "content/articles/bai\\u2028hai.md:1: thiếu “date”: cần ngày đăng dạng 2016-09-19 hoặc "
        "2016-09-19T16:27:00+07:00",
        "Không dựng được trang: 2 lỗi. Chưa có trang nào được xuất bản ở output/.",  # nothing built yet
    ]


def test_a_name_written_twice_on_one_line_is_reported_once(tmp_path):
    # Was: "directives: ['05/CT-TW', '05/CT-TW']" gave the same message twice at the same line.
    root = make_site(tmp_path, {"bai.md": "---\ntitle: Bài\ndate: 2021-05-20\ndirectives: ['05/CT-TU', '05/CT-TU', "
                                          "'Chỉ thị 55']\n---\n\nx\n"})
    assert errors_of(root) == [
        "content/articles/bai.md:4: không có văn bản “05/CT-TU” trong danh mục (có phải ý bạn là: “05-CT/TW”?)",
        "content/articles/bai.md:4: không có văn bản “Chỉ thị 55” trong danh mục (có phải ý bạn là: “Chỉ thị 05”, "
        "“Chỉ thị 42”, “Chỉ thị 06”?)"]


@pytest.mark.parametrize("tag, letter, script", [
    ("B\u0430\u0301c Hồ", "\u0430", "Kirin (tiếng Nga…)"),  # Cyrillic а: looked like "Bác Hồ", was its own page
    ("Thi đ\u0443a", "\u0443", "Kirin (tiếng Nga…)"),
    ("Phong tr\u03bf", "\u03bf", "Hy Lạp"),
])
def test_a_tag_with_a_look_alike_letter_of_another_script_is_refused(tmp_path, tag, letter, script):
    # Was: published as a tag of its own (or "same page as “Bác Hồ”" naming two spellings that look the same).
    root = make_site(tmp_path, {"bai.md": f"---\ntitle: Bài\ndate: 2021-05-20\ntags: [\"{tag}\", \"Bác Hồ\"]\n---\n\nx\n"})
    assert errors_of(root) == [
        f"content/articles/bai.md:4: chủ đề “{tag}” có chữ “{letter}” (U+{ord(letter):04X}) của bảng chữ {script} lẫn "
        "giữa các chữ Latinh: trông giống chữ tiếng Việt nhưng tìm kiếm và đường dẫn coi là chữ khác (thường do chép "
        "từ nơi khác); hãy gõ lại chủ đề này"]


def test_words_of_other_scripts_standing_apart_are_tags_as_before(tmp_path):
    root = make_site(tmp_path, {"bai.md": "---\ntitle: Bài\ndate: 2021-05-20\ntags: [\"α-Thalassemia\", \"Москва\"]\n"
                                          "---\n\nx\n"})
    assert errors_of(root) == []


def test_a_bidi_control_written_as_a_yaml_escape_is_refused_and_shown_escaped(tmp_path):
    # Was: "\u202e" in double quotes passed (only the character's own bytes were looked for), and a
    # refused tag quoted in its message turned the rest of the terminal line around.
    root = make_site(tmp_path, {"bai.md": '---\ntitle: "Tin m\\u1edbi \\u202Egnouh"\ndate: 2021-05-20\n'
                                          'tags: ["n\\u00eau g\\U00002066\\u01b0\\u01a1ng", "Bác Hồ"]\n---\n\nx\n',
                                "hai.md": "---\ntitle: Hai\ndate: 2021-05-20\ntags: [\"a\u202eb\"]\n---\n\nx\n"})
    run = cli("build", "--root", str(root))
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "content/articles/bai.md:2: “title” có ký tự điều khiển hướng chữ U+202E, làm chữ hiện ra khác với chữ thật; "
        "hãy xóa ký tự đó (gõ lại đoạn chữ này)",
        "content/articles/bai.md:4: “mục “nêu g\\u2066ương” của “tags”” có ký tự điều khiển hướng chữ U+2066, làm "
        "chữ hiện ra khác với chữ thật; hãy xóa ký tự đó (gõ lại đoạn chữ này)",
        "content/articles/hai.md:4: “mục “a\\u202eb” của “tags”” có ký tự điều khiển hướng chữ U+202E, làm chữ hiện "
        "ra khác với chữ thật; hãy xóa ký tự đó (gõ lại đoạn chữ này)",
        "Không dựng được trang: 3 lỗi. Chưa có trang nào được xuất bản ở output/.",
    ]


def test_a_bidi_control_in_the_body_is_refused_at_its_line(tmp_path):
    # Was: published; "‮" (U+202E) turned the rest of its line around on the page, in the feed and
    # in the search's snippet, so a sentence read otherwise than it was written.
    root = make_site(tmp_path, {"bai.md": "---\ntitle: Bài\ndate: 2021-05-20\n---\n\nĐoạn một.\n\nGiá \u202e000.01 đồng\n",
                                "hai.md": "---\ntitle: Hai\ndate: 2021-05-20\n---\n\n“Trích” \u2067x\u2069 và Bác\n"})
    assert errors_of(root) == [
        "content/articles/bai.md:8: nội dung có ký tự điều khiển hướng chữ U+202E, làm chữ hiện ra khác với chữ thật; "
        "hãy xóa ký tự đó (gõ lại đoạn chữ này)",
        "content/articles/hai.md:6: nội dung có ký tự điều khiển hướng chữ U+2067, làm chữ hiện ra khác với chữ thật; "
        "hãy xóa ký tự đó (gõ lại đoạn chữ này)"]
