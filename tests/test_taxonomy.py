"""Province, directive and tag registries: aliases, site overrides, located errors."""
from pathlib import Path

import pytest

from generator.errors import BuildFailed, ContentError
from generator.taxonomy import load_registries


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
