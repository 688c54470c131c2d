"""Province, directive and tag registries: aliases, site overrides, located errors."""
from pathlib import Path

import pytest

from generator.errors import BuildFailed, ContentError
from generator.taxonomy import load_registries, place_sort_key


@pytest.fixture(scope="module")
def registries():
    return load_registries(None)


def test_shipped_registries_are_complete(registries):
    assert len(registries.provinces) == 63
    assert {d.symbol for d in registries.directives} >= {"06-CT/TW", "03-CT/TW", "05-CT/TW", "01-KL/TW"}


@pytest.mark.parametrize("alias", ["05-CT/TW", "Chỉ thị 05", "Chỉ thị số 05-CT/TW", "05-CT/TƯ",
                                   "Chỉ thị số 05 - CT/TW", "chỉ thị số 05-ct/tw", "Chỉ thị 05/CT-TW"])
def test_directive_aliases(registries, alias):
    assert registries.directives.get(alias).symbol == "05-CT/TW"


@pytest.mark.parametrize("alias, symbol", [
    ("NQ TW4 khóa 11", "12-NQ/TW"), ("Nghị quyết Trung ương 4 khoá XII", "04-NQ/TW"),
    ("KL 01-KL/TW", "01-KL/TW"), ("Quy định 08", "08-QĐi/TW"), ("08-QĐ/TW", "08-QĐi/TW"),
])
def test_more_directive_aliases(registries, alias, symbol):
    assert registries.directives.get(alias).symbol == symbol


# The guide: "TƯ" and "TW", with or without "số", are one spelling; every listed alias in any of the four.
@pytest.mark.parametrize("alias, symbol", [
    ("Chỉ thị số 06", "06-CT/TW"), ("Quy định số 08", "08-QĐi/TW"), ("Kết luận số 21", "21-KL/TW"),
    ("Chỉ thị 05-CT/TƯ", "05-CT/TW"), ("Quy định 144-QĐ/TƯ", "144-QĐ/TW"), ("chỉ thị SỐ 42", "42-CT/TW"),
    ("Quy định 08-QĐi/TƯ", "08-QĐi/TW"),
])
def test_so_and_tu_are_optional_in_every_directive_spelling(registries, alias, symbol):
    assert registries.directives.get(alias).symbol == symbol


def test_so_is_dropped_only_before_a_number(tmp_path: Path):
    (tmp_path / "tags.csv").write_text("name,description,aliases,keywords\nsố hóa,,,\nhóa,,,\n", encoding="utf-8")
    tags = load_registries(tmp_path).tags
    assert tags.get("Số hoá").name == "số hóa"
    assert tags.get("hoá").name == "hóa"


@pytest.mark.parametrize("variant, name", [
    ("Hoà Bình", "Hòa Bình"), ("Đăk Nông", "Đắk Nông"), ("Dak Lak", "Đắk Lắk"), ("TP.HCM", "TP. Hồ Chí Minh"),
    ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("Thừa Thiên - Huế", "Thừa Thiên Huế"), ("Bắc Cạn", "Bắc Kạn"),
    ("BR-VT", "Bà Rịa - Vũng Tàu"), ("TT-Huế", "Thừa Thiên Huế"),
])
def test_province_variants(registries, variant, name):
    assert registries.provinces.get(variant).name == name


def test_province_facts(registries):
    ha_nam = registries.provinces.get("Hà Nam")
    assert (ha_nam.code, ha_nam.kind, ha_nam.merged_into_2025, ha_nam.slug) == ("35", "tỉnh", "Ninh Bình", "ha-nam")


def test_provincial_documents_are_not_central(registries):
    assert registries.directives.get("05-CT/TU") is None
    assert registries.provinces.get("tỉnh") is None


@pytest.mark.parametrize("written, symbol", [
    ("CT05", "05-CT/TW"), ("ct 05", "05-CT/TW"), ("05CT", "05-CT/TW"), ("05-CT", "05-CT/TW"), ("05/CT-TW", "05-CT/TW"),
    ("chỉ thị 5", "05-CT/TW"), ("CHỈ THỊ SỐ 5", "05-CT/TW"), ("5-CT/TW", "05-CT/TW"), ("KL01", "01-KL/TW"),
    ("Nghị quyết 04", "04-NQ/TW"), ("NQ04", "04-NQ/TW"),
    ("05-CT/TU", None), ("CT05/TU", None), ("chí thị 5", None), ("chi thi 5", None), ("Chỉ thị 55", None),
])
def test_a_directive_is_found_by_the_forms_the_search_reads(registries, written, symbol):
    """Front matter and `lamtheobac new` understand a directive as a reader's query does (spellings.py),
    but "TU" is a province's committee (Tỉnh ủy), not "TƯ", and other marks are another word."""
    found = registries.directives.get(written)
    assert (found.symbol if found else None) == symbol


@pytest.mark.parametrize("written, name", [
    ("Điện Biên", "Điện Biên"), ("ĐẮK LẮK", "Đắk Lắk"), ("Dak Lak", "Đắk Lắk"),
    ("dien bien", None), ("Ha Nôi", None), ("Đắk Lăk", None), ("tỉnh", None),
])
def test_a_province_is_found_by_a_listed_spelling_only(registries, written, name):
    """Names of places must have their marks (docs/huong-dan-bien-tap.md): no folded fall-back."""
    found = registries.provinces.get(written)
    assert (found.name if found else None) == name


def test_unknown_name_suggests_closest(registries):
    with pytest.raises(ContentError) as info:
        registries.provinces.resolve("Ha Nôi", "a.md", 4)
    assert str(info.value).startswith("a.md:4: không có tỉnh, thành phố “Ha Nôi” trong danh mục (có phải ý bạn là: “Hà Nội”")


def test_site_data_extends_and_overrides(tmp_path: Path):
    (tmp_path / "directives.csv").write_text(
        "symbol,type,number,date,issuer,term,title,aliases\n"
        "99-CT/TW,Chỉ thị,99,2030-01-01,Bộ Chính trị,XIV,Thử nghiệm,Chỉ thị 99\n"
        "05-CT/TW,Chỉ thị,05,2016-05-15,Bộ Chính trị,XII,Tiêu đề sửa,Chỉ thị 05\n", encoding="utf-8")
    registries = load_registries(tmp_path)
    assert registries.directives.get("Chỉ thị 99").symbol == "99-CT/TW"
    assert registries.directives.get("05-CT/TW").title == "Tiêu đề sửa"
    assert registries.fingerprint != load_registries(None).fingerprint


def test_bad_data_rows_are_located(tmp_path: Path):
    (tmp_path / "directives.csv").write_text(
        "symbol,type,number,date,issuer,term,title,aliases\n"
        "99-CT/TW,Chỉ thị,99,hôm qua,Bộ Chính trị,XIV,Thử,\n"
        ",Chỉ thị,98,2020-01-01,Bộ Chính trị,XIV,Thử,\n", encoding="utf-8")
    assert registry_errors(tmp_path) == [
        f"{tmp_path.name}/directives.csv:2: cột “date” phải là ngày dạng YYYY-MM-DD, không phải “hôm qua”",
        f"{tmp_path.name}/directives.csv:3: cột “symbol” đang để trống",
    ]


# The 34 units of 2025 ------------------------------------------------------------------------

def test_units_are_the_34_of_2025_linked_to_their_provinces(registries):
    units = list(registries.units)
    assert len(units) == 34
    assert {u.name for u in units} == {p.merged_into_2025 for p in registries.provinces}
    assert sorted(p.code for u in units for p in u.members) == sorted(p.code for p in registries.provinces)
    assert {u.name for u in units if u.kind == "thành phố"} == {
        "Hà Nội", "Hải Phòng", "Huế", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ"}
    hcm = registries.units.get("Thành phố Hồ Chí Minh")
    assert (hcm.slug, [p.name for p in hcm.members]) == (
        "tp-ho-chi-minh", ["Bình Dương", "Bà Rịa - Vũng Tàu", "TP. Hồ Chí Minh"])
    assert registries.units.get("Huế").formed.isoformat() == "2025-01-01"
    assert registries.units.get("Cao Bằng").formed is None
    assert all(u.formed.isoformat() == "2025-07-01" for u in units if len(u.members) > 1)


def test_units_data_changes_the_fingerprint(tmp_path: Path):
    (tmp_path / "units.csv").write_text("name,kind,formed,variants\nHuế,thành phố,2025-01-01,Cố đô\n",
                                        encoding="utf-8")
    registries = load_registries(tmp_path)
    assert registries.units.get("Cố đô").name == "Huế"
    assert registries.fingerprint != load_registries(None).fingerprint


def test_a_province_merged_into_an_unknown_unit_is_located(tmp_path: Path):
    (tmp_path / "provinces.csv").write_text(
        "code,name,kind,region,merged_into_2025,variants\n"
        "99,Tỉnh Thử,tỉnh,Tây Nguyên,Gia Lay,\n", encoding="utf-8")
    (tmp_path / "units.csv").write_text(
        "name,kind,formed,variants\nĐảo Mới,đặc khu,2025-07-01,\nSông Mới,tỉnh,1/7/2025,\n", encoding="utf-8")
    folder = tmp_path.name
    assert registry_errors(tmp_path) == [
        f"{folder}/provinces.csv:2: cột “merged_into_2025” của “Tỉnh Thử” là “Gia Lay”, không có trong danh mục "
        "đơn vị hành chính 2025 (units.csv) (có phải ý bạn là: “Gia Lai”?)",
        f"{folder}/units.csv:2: cột “kind” phải là “tỉnh” hoặc “thành phố”, không phải “đặc khu”",
        f"{folder}/units.csv:3: cột “formed” phải để trống hoặc là ngày dạng YYYY-MM-DD, không phải “1/7/2025”",
    ]


def test_a_unit_no_province_names_is_located(tmp_path: Path):
    (tmp_path / "units.csv").write_text("name,kind,formed,variants\nSông Mới,tỉnh,2025-07-01,\n",
                                        encoding="utf-8")
    assert registry_errors(tmp_path) == [
        f"{tmp_path.name}/units.csv:2: không có tỉnh, thành phố nào trong provinces.csv thuộc đơn vị “Sông Mới” "
        "(cột “merged_into_2025”)"]


def test_place_names_sort_without_their_city_prefix():
    names = ["TP. Hồ Chí Minh", "Hà Nội", "Huế", "Hưng Yên", "Thành phố Hải Phòng", "Hậu Giang", "Tây Ninh",
             "Đà Nẵng", "Yên Bái"]
    assert sorted(names, key=place_sort_key) == [
        "Đà Nẵng", "Hà Nội", "Thành phố Hải Phòng", "Hậu Giang", "TP. Hồ Chí Minh", "Huế", "Hưng Yên", "Tây Ninh",
        "Yên Bái"]


def data_errors(folder: Path, name: str, data: str | bytes) -> list[str]:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return registry_errors(folder)


def registry_errors(folder: Path) -> list[str]:
    """The messages of the errors loading the site data folder raises (it must raise)."""
    with pytest.raises(BuildFailed) as info:
        load_registries(folder, folder.parent)
    return [str(e) for e in info.value.errors]


def test_an_unclosed_quote_is_an_error_at_its_line_not_lost_rows(tmp_path: Path):
    """The rows after an unclosed quote used to vanish into one cell, silently."""
    assert data_errors(tmp_path, "tags.csv", 'name,description\nthi đua,"Phong trào\nnêu gương,Vai trò\n'
                                             'tuyên truyền,x\n') == [
        f'{tmp_path.name}/tags.csv:2: dấu ngoặc kép mở ở cột “description” không được đóng trên cùng dòng; '
        'hãy thêm dấu " đóng ô, hoặc viết "" cho một dấu ngoặc kép trong ô']


def test_a_cell_over_128_kb_is_an_error_not_a_traceback(tmp_path: Path):
    assert data_errors(tmp_path, "provinces.csv", "code,name\n01,Hà Nội\n02," + "x" * 140_000 + "\n") == [
        f"{tmp_path.name}/provinces.csv:3: có ô dài quá 128 KB; thường là do một dấu ngoặc kép mở mà không đóng "
        "ở dòng này"]


_TOO_MANY = ("; danh mục tỉnh, văn bản, chủ đề, đơn vị không cần nhiều như vậy (có phải đã dán nhầm cả một bảng "
             "tính?), và đọc nó làm mỗi lần dựng trang chậm hàng phút: hãy bớt dòng")


def test_a_data_file_of_too_many_rows_is_refused_at_the_first_row_past_the_bound(tmp_path: Path):
    # Was: read whole, ~0.1 ms a row: a million rows held every build, preview and save for minutes.
    rows = "".join(f"Chủ đề {n},x\n" for n in range(50_005))
    assert data_errors(tmp_path, "tags.csv", "name,description\n" + rows) == [
        f"{tmp_path.name}/tags.csv:50002: tệp dữ liệu có quá 50.000 dòng (dòng này là dòng thứ 50.001 sau dòng tiêu "
        f"đề){_TOO_MANY}"]


def test_a_data_file_too_heavy_is_refused_unread(tmp_path: Path):
    rows = "".join(f"Chủ đề {n},{'x' * 100_000}\n" for n in range(180))
    assert data_errors(tmp_path, "tags.csv", "name,description\n" + rows) == [
        f"{tmp_path.name}/tags.csv:1: tệp dữ liệu nặng 17 MB, quá 16 MB{_TOO_MANY}"]


@pytest.mark.parametrize("name, row, code", [("tags.csv", "thi đua\x07,x", "U+0007"),
                                             ("provinces.csv", "99,Tỉnh\x1b Mới", "U+001B"),
                                             ("provinces.csv", "99,Tỉnh\x9b Mới", "U+009B")])
def test_control_characters_in_data_files_are_refused_at_their_line(tmp_path: Path, name, row, code):
    header = "name,description" if name == "tags.csv" else "code,name"
    assert data_errors(tmp_path, name, f"{header}\n{row}\n") == [
        f"{tmp_path.name}/{name}:2: cột “name” có ký tự điều khiển vô hình {code}; hãy xóa nó "
        "(nó làm hỏng các tệp tin Atom)"]


@pytest.mark.parametrize("name, row, code", [("tags.csv", "thi đua\u202e,x", "U+202E"),
                                             ("provinces.csv", "99,Tỉnh \u2066Mới", "U+2066")])
def test_bidi_controls_in_data_files_are_refused_at_their_line(tmp_path: Path, name, row, code):
    # Was: published, the name shown in another order than written on every page listing it.
    header = "name,description" if name == "tags.csv" else "code,name"
    assert data_errors(tmp_path, name, f"{header}\n{row}\n") == [
        f"{tmp_path.name}/{name}:2: cột “name” có ký tự điều khiển hướng chữ {code}, làm chữ hiện ra khác với chữ "
        "thật; hãy xóa ký tự đó (gõ lại đoạn chữ này)"]


def test_a_data_file_not_in_utf8_is_located_in_vietnamese(tmp_path: Path):
    assert data_errors(tmp_path, "tags.csv", "name,description\nthi đua,x\n".encode("utf-8") +
                       "nêu gương,x\n".encode("cp1258")) == [
        f"{tmp_path.name}/tags.csv:3: tệp không phải UTF-8 hợp lệ: byte không đọc được ở vị trí 29 (0xea); "
        "hãy lưu lại tệp với mã hóa UTF-8 (tệp có vẻ lưu ở bảng mã cũ Windows-1258: hãy chuyển sang Unicode, "
        "ví dụ bằng công cụ chuyển mã của Unikey)"]


def test_tags_of_the_data_file_need_a_page_name_of_their_own(tmp_path: Path):
    assert data_errors(tmp_path, "tags.csv", "name,description\nC,x\nC++,y\n???,z\nc,w\n" + "a b " * 120 + ",v\n"
                       ) == [
        f"{tmp_path.name}/tags.csv:3: chủ đề “C++” có cùng đường dẫn /c/ với chủ đề “C” ({tmp_path.name}/tags.csv:2); "
        "hãy đổi tên một trong hai, hoặc ghi một tên vào cột “aliases” của tên kia",
        f"{tmp_path.name}/tags.csv:4: chủ đề “???” không tạo được đường dẫn (cần có chữ hoặc số)",
        f"{tmp_path.name}/tags.csv:5: “c” được viết hai lần trong tệp này (lần đầu ở dòng 2 là “C”); hãy xóa hoặc "
        "gộp hai dòng",
        f"{tmp_path.name}/tags.csv:6: chủ đề “{('a b ' * 15)}…” quá dài: đường dẫn của nó dài 479 ký tự, "
        "quá 200 ký tự",
    ]


def test_a_row_written_twice_in_one_file_is_located(tmp_path: Path):
    """Two rows of one name in a site data file (a copy-paste, the second with other facts): the
    last one silently won. Now the second is an error at its line naming the first; a site file
    still overrides a shipped row of the same name."""
    (tmp_path / "provinces.csv").write_text(
        "code,name,kind,region,merged_into_2025,variants\n"
        "35,Hà Nam,tỉnh,Đồng bằng sông Hồng,Ninh Bình,\n"
        "35,Hà Nam,tỉnh,Đồng bằng sông Hồng,Hà Nội,\n", encoding="utf-8")
    (tmp_path / "tags.csv").write_text("name,description,aliases\nthủy lợi,,\nthuỷ lợi,Công trình,\n",
                                       encoding="utf-8")
    folder = tmp_path.name
    assert registry_errors(tmp_path) == [
        f"{folder}/provinces.csv:3: “Hà Nam” được viết hai lần trong tệp này (lần đầu ở dòng 2); hãy xóa hoặc gộp "
        "hai dòng",
        f"{folder}/tags.csv:3: “thuỷ lợi” được viết hai lần trong tệp này (lần đầu ở dòng 2 là “thủy lợi”); hãy "
        "xóa hoặc gộp hai dòng",
    ]
    (tmp_path / "provinces.csv").write_text(
        "code,name,kind,region,merged_into_2025,variants\n35,Hà Nam,tỉnh,Đồng bằng sông Hồng,Ninh Bình,Phủ Lý\n",
        encoding="utf-8")
    (tmp_path / "tags.csv").unlink()
    assert load_registries(tmp_path).provinces.get("Phủ Lý").name == "Hà Nam"


def test_two_provinces_of_one_code_are_located(tmp_path: Path):
    """A site row giving Hà Nam the code of Hà Nội (01): both were drawn with Hà Nội's shape on the
    map, Hà Nội linked to Hà Nam's page, Hà Nam's own shape left out. Now an error at the site's row."""
    (tmp_path / "provinces.csv").write_text(
        "code,name,kind,region,merged_into_2025,variants\n"
        "01,Hà Nam,tỉnh,Đồng bằng sông Hồng,Ninh Bình,\n"
        "98,Tỉnh Thử,tỉnh,Tây Nguyên,Gia Lai,\n"
        "98,Tỉnh Thử Hai,tỉnh,Tây Nguyên,Gia Lai,\n", encoding="utf-8")
    folder = tmp_path.name
    assert registry_errors(tmp_path) == [
        f"{folder}/provinces.csv:2: mã “01” của “Hà Nam” trùng với mã của “Hà Nội” (trong danh mục có sẵn); mỗi "
        "tỉnh, thành phố cần một mã riêng ở cột “code”",
        f"{folder}/provinces.csv:4: mã “98” của “Tỉnh Thử Hai” trùng với mã của “Tỉnh Thử” (ở dòng 3); mỗi tỉnh, "
        "thành phố cần một mã riêng ở cột “code”",
    ]


def test_two_entries_of_one_page_name_are_located(tmp_path: Path):
    """A site unit “Hue” beside the shipped “Huế” (or a province “Lao Cai” beside “Lào Cai”) is
    another name with the same page: the build failed with “unit:hue:1: hai nguồn cùng ghi ra
    “don-vi-2025/hue/index.html”: unit:hue:1 và unit:hue:1”, or put both provinces' articles on
    one page. Now an error at the site's row saying what to do."""
    (tmp_path / "provinces.csv").write_text(
        "code,name,kind,region,merged_into_2025,variants\n"
        "98,Tỉnh Thử,tỉnh,Bắc Trung Bộ,Hue,\n"
        "97,Lao Cai,tỉnh,Trung du và miền núi phía Bắc,Lào Cai,\n", encoding="utf-8")
    (tmp_path / "units.csv").write_text("name,kind,formed,variants\nHue,tỉnh,2025-07-01,\n", encoding="utf-8")
    folder = tmp_path.name
    assert registry_errors(tmp_path) == [
        f"{folder}/provinces.csv:3: tỉnh, thành phố “Lao Cai” có cùng đường dẫn “lao-cai” với tỉnh, thành phố "
        "“Lào Cai” (trong danh mục có sẵn); hãy đổi tên, hoặc nếu là một: ghi tên này vào cột “variants” của tên kia",
        f"{folder}/units.csv:2: đơn vị “Hue” có cùng đường dẫn “hue” với đơn vị “Huế” (trong danh mục có sẵn); hãy "
        "đổi tên, hoặc nếu là một: ghi tên này vào cột “variants” của tên kia",
    ]


def test_a_name_two_entries_claim_is_refused_at_each_later_row(tmp_path: Path):
    # Was: silent, the first entry won: articles tagged "Chuyện lạ" went to "Kể chuyện" (whose alias
    # it also was), the page of "Chuyện lạ" stayed empty; "X" named four tags and meant the first.
    errors = data_errors(tmp_path, "tags.csv", "name,aliases\nKể chuyện,Chuyện lạ\nChuyện lạ,\nA1,X\nA2,X\nA3,x\n")
    tail = "bài viết ghi tên này sẽ chỉ vào chủ đề kia; hãy bỏ tên này khỏi cột “aliases” hoặc gộp hai dòng"
    assert errors == [
        f"{tmp_path.name}/tags.csv:3: tên “Chuyện lạ” của chủ đề “Chuyện lạ” đã là một tên khác của chủ đề "
        f"“Kể chuyện” (ở dòng 2): {tail}",
        f"{tmp_path.name}/tags.csv:5: tên “X” của chủ đề “A2” đã là một tên khác của chủ đề “A1” (ở dòng 4): {tail}",
        f"{tmp_path.name}/tags.csv:6: tên “x” của chủ đề “A3” đã là một tên khác của chủ đề “A1” (ở dòng 4): {tail}"]


def test_a_variant_that_is_a_shipped_province_s_name_is_refused(tmp_path: Path):
    assert data_errors(tmp_path, "provinces.csv", "code,name,variants\n99,Tỉnh Mới,Hà Nội|Tỉnh mới\n") == [
        f"{tmp_path.name}/provinces.csv:2: tên “Hà Nội” của tỉnh, thành phố “Tỉnh Mới” đã là tên của tỉnh, thành phố "
        "“Hà Nội” (trong danh mục có sẵn): bài viết ghi tên này sẽ chỉ vào tỉnh, thành phố kia; hãy dùng tỉnh, thành "
        "phố “Hà Nội”, hoặc nếu muốn tách riêng: chép dòng của “Hà Nội” vào tệp này và bỏ tên “Hà Nội” khỏi cột "
        "“variants” của nó"]


def test_a_shipped_alias_is_taken_by_writing_its_row_again_without_it(tmp_path: Path):
    # The site's own "Thi đua" tag, once the shipped "Thi đua yêu nước" row is written again without that alias.
    registries_folder = tmp_path
    (registries_folder / "tags.csv").write_text("name,aliases\nThi đua,\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        load_registries(registries_folder)
    assert "chép dòng của “thi đua yêu nước” vào tệp này" in str(info.value)
    (registries_folder / "tags.csv").write_text("name,aliases\nThi đua,\nthi đua yêu nước,\n", encoding="utf-8")
    tags = load_registries(registries_folder).tags
    assert tags.get("thi đua").name == "Thi đua" and tags.get("Thi đua yêu nước").name == "thi đua yêu nước"


def test_a_data_file_named_with_other_capitals_is_said_not_skipped(tmp_path: Path):
    """content/data/Tags.csv (saved so by Excel or a Mac) was read on Windows and a Mac and skipped on
    Linux without a word: the site built by the server lacked the editors' tags."""
    root = tmp_path / "site"
    data = root / "content" / "data"
    data.mkdir(parents=True)
    (data / "Tags.csv").write_text("name,aliases\nChuyện lạ,\n", encoding="utf-8")
    (data / "PROVINCES.CSV").write_text("code,name\n", encoding="utf-8")
    (data / "ghi-chu.csv").write_text("a\n", encoding="utf-8")  # not a data file of the site: left alone
    with pytest.raises(BuildFailed) as failed:
        load_registries(data, root)
    said = ("tệp dữ liệu phải tên là “{}” (chữ thường), không phải “{}”: trên Windows, máy Mac tệp này được đọc, "
            "trên máy chủ Linux thì không, nên trang dựng ở mỗi nơi sẽ khác nhau; hãy đổi tên tệp thành “{}”")
    assert [str(e) for e in failed.value.errors] == [
        "content/data/PROVINCES.CSV:1: " + said.format("provinces.csv", "PROVINCES.CSV", "provinces.csv"),
        "content/data/Tags.csv:1: " + said.format("tags.csv", "Tags.csv", "tags.csv")]
    (data / "Tags.csv").rename(data / "tags.csv")
    (data / "PROVINCES.CSV").unlink()
    assert load_registries(data, root).tags.get("chuyện lạ").name == "Chuyện lạ"
