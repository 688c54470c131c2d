"""Files of content/images a browser would run are refused on every host (generator/activeimages.py).

Was: an SVG with <script>, onload=, <foreignObject> or a javascript: link, and an .html, .xml or .js
file in content/images, were published as they were; only the preview and netlify.toml sandboxed
them, so on GitHub Pages, nginx or any plain host they ran script at the portal's own address.
"""
from __future__ import annotations

import time

import pytest

from bad.kit import errors_of, make_site, snapshot
from generator.activeimages import ADVICE, svg_problem
from generator.build import build

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">\n'

ACTIVE = [
    ("<script>alert(document.cookie)</script>", "có thẻ <script> chạy mã"),
    ("<SCRIPT xmlns='http://www.w3.org/1999/xhtml'>alert(1)</SCRIPT>", "có thẻ <script> chạy mã"),
    ("<h:script xmlns:h='http://www.w3.org/1999/xhtml'>alert(1)</h:script>", "có thẻ <script> chạy mã"),
    ('<rect width="5" height="5" onclick="alert(1)"/>', "có thuộc tính sự kiện “onclick” chạy mã"),
    ('<g><circle r="2" ONLOAD="alert(1)"/></g>', "có thuộc tính sự kiện “ONLOAD” chạy mã"),
    ('<foreignObject width="5" height="5"><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
     "có thẻ <foreignObject> (nhúng trang HTML hay tài liệu khác, có thể chạy mã)"),
    ('<a href="javascript:alert(1)"><text>x</text></a>', "có liên kết “javascript:” chạy mã"),
    ('<a xlink:href=" &#x6A;ava&#x09;script:alert(1)"><text>x</text></a>', "có liên kết “javascript:” chạy mã"),
    ('<a href="#"><set attributeName="href" to="JavaScript:alert(1)"/><text>x</text></a>',
     "có liên kết “javascript:” chạy mã"),
    ('<a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a>',
     "có liên kết “javascript:” chạy mã"),
    ('<image href="https://theo-doi.example/pixel.png" width="1" height="1"/>',
     "tải tệp từ nơi khác (“https://theo-doi.example/pixel.png”), có thể theo dõi người đọc hay đổi nội dung ảnh"),
    ('<use xlink:href="//example.com/sprite.svg#a"/>',
     "tải tệp từ nơi khác (“//example.com/sprite.svg#a”), có thể theo dõi người đọc hay đổi nội dung ảnh"),
    ('<style>@import "https://example.com/a.css";</style>',
     "tải tệp từ nơi khác (“https://example.com/a.css”), có thể theo dõi người đọc hay đổi nội dung ảnh"),
    ('<rect style="fill: url(http://example.com/x.svg#p)"/>',
     "tải tệp từ nơi khác (“http://example.com/x.svg#p”), có thể theo dõi người đọc hay đổi nội dung ảnh"),
    ('<iframe src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/>',
     "có thẻ <iframe> (nhúng trang HTML hay tài liệu khác, có thể chạy mã)"),
    ('<image href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="/>',
     "có dữ liệu nhúng “data:” là trang HTML, SVG hay mã chạy được"),
    ('<a href="data:image/svg+xml;utf8,&lt;svg onload=alert(1)&gt;"><text>x</text></a>',
     "có dữ liệu nhúng “data:” là trang HTML, SVG hay mã chạy được"),
]


@pytest.mark.parametrize("inner,what", ACTIVE, ids=[a[0][:30] for a in ACTIVE])
def test_active_svg_content_is_found_at_its_line(inner, what):
    assert svg_problem((SVG + "<title>Logo</title>\n" + inner + "\n</svg>").encode()) == (3, what)


def test_an_entity_expanding_to_a_script_is_found():
    data = ('<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY s "<script>alert(1)</script>">\n]>\n'
            + SVG + "&s;\n</svg>").encode()
    assert svg_problem(data) == (6, "có thẻ <script> chạy mã")


def test_external_and_parameter_entities_are_refused():
    external = ('<!DOCTYPE svg [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n' + SVG + "&x;</svg>").encode()
    assert svg_problem(external) == (2, "khai báo thực thể “x” trỏ ra tệp bên ngoài")
    parameter = ('<!DOCTYPE svg [\n<!ENTITY % p "x">\n]>\n' + SVG + "</svg>").encode()
    assert svg_problem(parameter) == (2, "khai báo thực thể “p” trỏ ra tệp bên ngoài")


def test_billion_laughs_is_refused_quickly():
    lol = '<!DOCTYPE svg [\n<!ENTITY l0 "lol">\n' + "".join(
        f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">\n' for i in range(1, 10)) + "]>\n"
    started = time.monotonic()
    line, what = svg_problem((lol + SVG + "<text>&l9;</text></svg>").encode())
    assert time.monotonic() - started < 5
    assert what.startswith("không đọc được: các thực thể XML của tệp lồng nhau, nở ra quá lớn (kiểu “billion laughs”")
    recursive = '<!DOCTYPE svg [\n<!ENTITY a "&b;">\n<!ENTITY b "&a;">\n]>\n' + SVG + "<text>&a;</text></svg>"
    assert svg_problem(recursive.encode())[1].startswith("không đọc được: các thực thể XML của tệp lồng nhau")
    assert svg_problem((SVG + "<text>x</svg>").encode())[1].startswith("không đọc được: XML hỏng")  # broken, not hostile


@pytest.mark.parametrize("svg", [
    SVG + '<rect width="5" height="5" fill="#b3140f"/><a href="https://hoctapvalamtheobac.vn/"><text>x</text></a></svg>',
    # Illustrator's exports: a DOCTYPE with a public DTD, internal entities for its namespaces
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n'
    '<svg xmlns="&ns_svg;" width="1" height="1"><path d="M0 0h1"/></svg>',
    SVG + '<image href="anh.jpg" width="5" height="5"/><use href="#a"/><rect style="fill:url(#g)"/>'
    '<image xlink:href="data:image/png;base64,iVBORw0KGgo="/><style>.a{fill:url(#g)}</style>'
    '<text>Học tập và làm theo Bác: onload</text></svg>',
    # a font embedded by the drawing program
    SVG + '<style>@font-face{font-family:"Be";src:url(data:font/woff2;base64,d09GMgABAAAAA)}</style>'
    '<text style="font-family:Be">Bác</text></svg>',
])
def test_plain_svgs_pass(svg):
    assert svg_problem(svg.encode()) is None


def test_broken_xml_is_an_error_at_its_line():
    assert svg_problem((SVG + "<g>\n<rect></g>\n</svg>").encode()) == (
        3, "không đọc được: XML hỏng ở dòng này (thẻ chưa đóng hay đóng sai thứ tự, dấu “<” hay “&” trần, ký tự "
           "lạ…), trình duyệt sẽ không hiện ảnh")


def test_the_build_refuses_active_files_and_keeps_the_last_site(tmp_path):
    root = make_site(tmp_path)
    images = root / "content" / "images"
    (images / "logo.svg").write_text(SVG + '<circle r="4"/>\n</svg>', encoding="utf-8")
    build(root)
    before = snapshot(root / "output")
    (images / "logo.svg").write_text(SVG + '<circle r="4"/>\n<script>fetch("/api/v1")</script>\n</svg>',
                                     encoding="utf-8")
    (images / "bando").mkdir()
    (images / "bando" / "trang.HTML").write_text("<script>alert(1)</script>", encoding="utf-8")
    (images / "a.js").write_text("alert(1)", encoding="utf-8")
    (images / "ghi-chu.txt").write_text("nguồn ảnh", encoding="utf-8")  # inert: published as before
    assert errors_of(root) == [
        "content/images/a.js:1: tệp .js không phải ảnh, và trình duyệt sẽ chạy mã trong nó khi mở từ địa chỉ của "
        "cổng; thư mục ảnh chỉ được chứa ảnh (JPEG, PNG, WebP, GIF, SVG): hãy xóa tệp này hoặc chuyển nó ra khỏi "
        "thư mục ảnh",
        "content/images/bando/trang.HTML:1: tệp .html không phải ảnh, và trình duyệt sẽ chạy mã trong nó khi mở từ "
        "địa chỉ của cổng; thư mục ảnh chỉ được chứa ảnh (JPEG, PNG, WebP, GIF, SVG): hãy xóa tệp này hoặc chuyển "
        "nó ra khỏi thư mục ảnh",
        f"content/images/logo.svg:3: ảnh SVG có thẻ <script> chạy mã; {ADVICE}"]
    assert snapshot(root / "output") == before


def test_the_importer_does_not_write_a_picture_the_build_would_refuse(tmp_path):
    # Was: an SVG with <script> held by a single-file page (.mhtml) was written into content/images.
    from generator.importer.files import write_images
    files = {"bieu-do.svg": (SVG + '<script>alert(1)</script>\n</svg>').encode(),
             "so-do.svg": (SVG + '<circle r="4"/>\n</svg>').encode()}
    notes = write_images(files, tmp_path, dry_run=False)
    assert notes == [f"không chép “bieu-do.svg” vào {tmp_path.as_posix()}: ảnh SVG có thẻ <script> chạy mã (dòng 2); "
                     f"{ADVICE}",
                     f"đã ghi 1 ảnh lấy từ trong tệp trang vào {tmp_path.as_posix()}: so-do.svg"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["so-do.svg"]


def test_files_of_the_images_folder_that_are_no_picture_are_told_programs_refused(tmp_path):
    # Was: a .docx, a phone's .HEIC, Word's "~$" lock file, Windows' Thumbs.db were published without
    # a word, and an .exe was handed out at the portal's address.
    root = make_site(tmp_path)
    images = root / "content" / "images"
    for name in ("bao-cao.docx", "van-ban/quyet-dinh.pdf", "~$bao-cao.docx", "Thumbs.db", "anh-dien-thoai.HEIC",
                 "LICENSE"):
        (images / name).parent.mkdir(exist_ok=True)
        (images / name).write_bytes(b"\x00data")
    logged: list[str] = []
    build(root, log=logged.append)
    notes = [line for line in logged if line.startswith("content/images/")]
    public = "mà vẫn được xuất bản ở /images/{0}, ai có địa chỉ đều tải về được; nếu là văn bản đính kèm, hãy liên " \
             "kết tới nó trong bài (ví dụ [Tải văn bản](/images/{0})), nếu không, hãy xóa nó khỏi thư mục ảnh"
    # a document: its place is content/files (attachments.py), where it is checked
    document = "mà vẫn được xuất bản ở /images/{0}, ai có địa chỉ đều tải về được; nếu là văn bản đính kèm, hãy " \
               "chuyển nó sang thư mục văn bản content/files (địa chỉ sẽ là /files/{0}, và cổng kiểm tra tệp đúng là " \
               "văn bản) rồi sửa liên kết trong bài, nếu không, hãy xóa nó khỏi thư mục ảnh"
    assert notes == [
        "content/images/LICENSE: Lưu ý: tệp không có đuôi không phải ảnh " + public.format("LICENSE"),
        "content/images/Thumbs.db: Lưu ý: tệp “Thumbs.db” là tệp tạm hay tệp hệ thống do một phần mềm để lại, không "
        "phải ảnh, mà vẫn được xuất bản ở /images/Thumbs.db; hãy xóa nó khỏi thư mục ảnh",
        "content/images/anh-dien-thoai.HEIC: Lưu ý: ảnh dạng .heic mà trình duyệt không hiện được (hay chỉ một vài "
        "trình duyệt hiện); bài nào dùng ảnh này sẽ hiện ô trống: hãy xuất lại thành JPEG hay PNG",
        "content/images/bao-cao.docx: Lưu ý: tệp .docx không phải ảnh " + document.format("bao-cao.docx"),
        "content/images/van-ban/quyet-dinh.pdf: Lưu ý: tệp .pdf không phải ảnh "
        + document.format("van-ban/quyet-dinh.pdf"),
        "content/images/~$bao-cao.docx: Lưu ý: tệp “~$bao-cao.docx” là tệp tạm hay tệp hệ thống do một phần mềm để "
        "lại, không phải ảnh, mà vẫn được xuất bản ở /images/~$bao-cao.docx; hãy xóa nó khỏi thư mục ảnh"]
    assert (root / "output" / "images" / "van-ban" / "quyet-dinh.pdf").is_file()  # a download stays one
    before = snapshot(root / "output")
    (images / "tai-ve.exe").write_bytes(b"MZ\x90\x00")
    (images / "cai-dat.Bat").write_text("del *", encoding="utf-8")
    program = ("là một chương trình, không phải ảnh; xuất bản nó, cổng sẽ phát chương trình cho bạn đọc tải về từ "
               "địa chỉ của mình: hãy xóa tệp này hoặc chuyển nó ra khỏi thư mục ảnh")
    assert errors_of(root) == [f"content/images/cai-dat.Bat:1: tệp .bat {program}",
                               f"content/images/tai-ve.exe:1: tệp .exe {program}"]
    assert snapshot(root / "output") == before


_REDO = "hãy lưu lại tệp với bảng mã UTF-8 và sửa khai báo thành encoding=\"UTF-8\""


@pytest.mark.parametrize("label, saved, expected", [
    ("x-unknown", "utf-8", (1, f"khai báo bảng mã “x-unknown” mà trình duyệt không biết, nên sẽ không hiện ảnh; {_REDO}")),
    ("TCVN3", "utf-8", (1, f"khai báo bảng mã “TCVN3” mà trình duyệt không biết, nên sẽ không hiện ảnh; {_REDO}")),
    ("base64", "utf-8", (1, f"khai báo bảng mã “base64” mà trình duyệt không biết, nên sẽ không hiện ảnh; {_REDO}")),
    ("UTF-16", "utf-8", (1, "khai báo bảng mã “UTF-16” nhưng tệp không được lưu bằng bảng mã đó, trình duyệt sẽ không "
                            f"hiện ảnh; {_REDO}")),
    ("shift_jis", "utf-8", (3, "có byte 0x93 ở dòng này không đọc được theo bảng mã “shift_jis” mà tệp khai báo, "
                               f"trình duyệt sẽ không hiện ảnh; {_REDO}")),
    ("utf8", "utf-8", None),  # a browser's name for UTF-8: was refused as broken XML at line 3
    ("windows-1258", "cp1258", None),
    ("Shift_JIS", "shift_jis", None),  # multi-byte: was a ValueError traceback
    ("big5", "big5", None),
])
def test_an_svg_is_read_in_the_encoding_it_declares(label, saved, expected):
    # Was: an unknown name a LookupError traceback, a multi-byte one a ValueError traceback, "utf8" a
    # broken-XML refusal that sent the editor looking for a wrong tag.
    text = {"utf-8": "Bác Hồ", "cp1258": "Bác"}.get(saved, "日本")  # cp1258 has no precomposed "ồ"
    svg = (f'<?xml version="1.0" encoding="{label}"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">\n'
           f"<text>{'Bác Hồ' if label == 'shift_jis' else text}</text>\n</svg>\n")
    assert svg_problem(svg.encode(saved)) == expected
    active = svg.replace("</svg>", "<script>alert(1)</script>\n</svg>").encode(saved)
    if expected is None:  # read in its own encoding, so what runs is still found
        assert svg_problem(active) == (4, "có thẻ <script> chạy mã")


def test_an_svg_declaring_an_unknown_encoding_is_located_not_a_traceback(tmp_path):
    root = make_site(tmp_path)
    (root / "content" / "images" / "so-do.svg").write_text(
        '<?xml version="1.0" encoding="VNI-Windows"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>\n', encoding="utf-8")
    assert errors_of(root) == ["content/images/so-do.svg:1: ảnh SVG khai báo bảng mã “VNI-Windows” mà trình duyệt "
                               f"không biết, nên sẽ không hiện ảnh; {_REDO}; {ADVICE}"]
