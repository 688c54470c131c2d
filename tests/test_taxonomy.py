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


@pytest.mark.parametrize("variant, name", [
    ("Hoà Bình", "Hòa Bình"), ("Đăk Nông", "Đắk Nông"), ("Dak Lak", "Đắk Lắk"), ("TP.HCM", "TP. Hồ Chí Minh"),
    ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("Thừa Thiên - Huế", "Thừa Thiên Huế"), ("Bắc Cạn", "Bắc Kạn"),
])
def test_province_variants(registries, variant, name):
    assert registries.provinces.get(variant).name == name


def test_province_facts(registries):
    ha_nam = registries.provinces.get("Hà Nam")
    assert (ha_nam.code, ha_nam.kind, ha_nam.merged_into_2025, ha_nam.slug) == ("35", "tỉnh", "Ninh Bình", "ha-nam")


def test_provincial_documents_are_not_central(registries):
    assert registries.directives.get("05-CT/TU") is None
    assert registries.provinces.get("tỉnh") is None


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
    with pytest.raises(BuildFailed) as info:
        load_registries(tmp_path, tmp_path.parent)
    assert [str(e) for e in info.value.errors] == [
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
    with pytest.raises(BuildFailed) as info:
        load_registries(tmp_path, tmp_path.parent)
    folder = tmp_path.name
    assert [str(e) for e in info.value.errors] == [
        f"{folder}/provinces.csv:2: cột “merged_into_2025” của “Tỉnh Thử” là “Gia Lay”, không có trong danh mục "
        "đơn vị hành chính 2025 (units.csv) (có phải ý bạn là: “Gia Lai”?)",
        f"{folder}/units.csv:2: cột “kind” phải là “tỉnh” hoặc “thành phố”, không phải “đặc khu”",
        f"{folder}/units.csv:3: cột “formed” phải để trống hoặc là ngày dạng YYYY-MM-DD, không phải “1/7/2025”",
    ]


def test_a_unit_no_province_names_is_located(tmp_path: Path):
    (tmp_path / "units.csv").write_text("name,kind,formed,variants\nSông Mới,tỉnh,2025-07-01,\n",
                                        encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        load_registries(tmp_path, tmp_path.parent)
    assert [str(e) for e in info.value.errors] == [
        f"{tmp_path.name}/units.csv:2: không có tỉnh, thành phố nào trong provinces.csv thuộc đơn vị “Sông Mới” "
        "(cột “merged_into_2025”)"]


def test_place_names_sort_without_their_city_prefix():
    names = ["TP. Hồ Chí Minh", "Hà Nội", "Huế", "Hưng Yên", "Thành phố Hải Phòng", "Hậu Giang", "Tây Ninh",
             "Đà Nẵng", "Yên Bái"]
    assert sorted(names, key=place_sort_key) == [
        "Đà Nẵng", "Hà Nội", "Thành phố Hải Phòng", "Hậu Giang", "TP. Hồ Chí Minh", "Huế", "Hưng Yên", "Tây Ninh",
        "Yên Bái"]
