"""Front matter: the flat fast path reads exactly what PyYAML reads, or leaves it to PyYAML."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.frontmatter import _flat_yaml, _Loader, _load_yaml, split

ROOT = Path(__file__).resolve().parent.parent


def pyyaml(text: str):
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


BENCH_STYLE = """title: "Chuyển biến tích cực trong các điển hình tiên tiến ở An Giang"
date: 2020-09-01T07:49:00+07:00
province: "An Giang"
directives: ["04-NQ/TW"]
tags: ["tuyên truyền", "mô hình điển hình", "di tích"]
author: Anh Biên
summary: "Thực hiện việc đẩy mạnh học tập: Chỉ thị 05 # không phải chú thích…"
"""


def test_flat_front_matter_is_read_without_pyyaml_and_as_pyyaml_reads_it():
    flat = _flat_yaml(BENCH_STYLE)
    assert flat is not None  # the fast path is taken for the common shape
    assert flat == pyyaml(BENCH_STYLE)
    assert flat["date"] == "2020-09-01T07:49:00+07:00" and flat["tags"][1] == "mô hình điển hình"


@pytest.mark.parametrize("text, value", [
    ("draft: yes", {"draft": "yes"}),  # a YAML 1.1 bool
    ("draft: Off", {"draft": "Off"}),
    ("menu: 3", {"menu": "3"}),        # numbers
    ("menu: 1_000", {"menu": "1_000"}),
    ("title: 1:30", {"title": "1:30"}),  # base 60 (was 90)
    ("title: 010", {"title": "010"}),  # octal (was 8)
    ("menu: 0x1f", {"menu": "0x1f"}),
    ("title: 2020-09-01", {"title": "2020-09-01"}),
    ("on: x", {"on": "x"}),            # a key that is a bool (was True)
    ("y: x", {"y": "x"}),
    ("null: x", {"null": "x"}),
])
def test_plain_scalars_are_text_as_typed_on_both_paths(text, value):
    assert _flat_yaml(text) == pyyaml(text) == value


@pytest.mark.parametrize("text, value", [
    ("~: 1", {"~": "1"}),
    ("title: ~", {"title": "~"}),
    ("title: 1.5e3", {"title": "1.5e3"}),
    ("title: .inf", {"title": ".inf"}),
    ("title: -1", {"title": "-1"}),
    ("tags: [1, yes, null]", {"tags": ["1", "yes", "null"]}),
    ("source: {name: 12:30, date: 2020-01-01}", {"source": {"name": "12:30", "date": "2020-01-01"}}),
    ("title:", {"title": ""}),
])
def test_pyyaml_reads_plain_scalars_as_text_too(text, value):
    assert pyyaml(text) == value


@pytest.mark.parametrize("text", [
    'title: "a\\"b"',              # an escape
    "title: 'đơn'",                # single quotes
    "title: ~",
    "title: a: b",                 # a mapping inside
    "title: a:",
    "title: a #chú thích",
    "title: \"a\"  # chú thích",
    "title:  \"two spaces\"",
    "title:",
    "title: ",
    "title: \"tab\there\"",
    "title: \"line\u2028break\"",
    "title: *alias",
    "title: !tag x",
    "title: [a, b]",               # unquoted list items
    'tags: ["a",]',
    "source:\n  name: Báo",          # nested
    "tags:\n  - a",
    "# a comment\ntitle: x",
    "title: x\ntitle: y",          # a duplicate key: PyYAML and the duplicate check decide
    "k" * 65 + ": x",              # over the key length the fast path takes
    "title: x\n\tdate: y",
])
def test_anything_else_is_left_to_pyyaml(text):
    assert _flat_yaml(text) is None


def test_fast_path_and_pyyaml_agree_on_the_project_sources():
    checked = 0
    for path in [*ROOT.glob("content/**/*.md"), *ROOT.glob("tests/**/*.md")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        if not text.startswith("---\n") or "\n---" not in text[3:]:
            continue
        fm = text[4:text.index("\n---", 3) + 1]
        flat = _flat_yaml(fm)
        if flat is not None:
            assert flat == pyyaml(fm), path
            checked += 1
    assert checked >= 10


# Lines from pieces that matter to YAML: quotes, colons, hashes, indicators, digits, bool words,
# spaces, tabs, Vietnamese letters, line-break look-alikes.
_PIECES = ["a", "Đ", "ư", "ờ", "1", "0", "-", "+", ".", "/", ":", ": ", " #", "#", '"', "'", "\\", "[", "]",
           ",", "{", "}", "*", "&", "!", "%", "@", "`", "?", "|", ">", "~", " ", "  ", "\t", "yes", "No", "on",
           "null", "1e3", "0x", "_", "\u00a0", "\u2028", "\x85", "\ufeff", "2020-09-01T07:49:00+07:00"]
_words = st.lists(st.sampled_from(_PIECES), max_size=8).map("".join)
_keys = st.sampled_from(["title", "date", "tags", "on", "y", "n", "k_1", "_x", "Title", "null"])
_values = st.one_of(
    _words,
    _words.map(lambda w: f'"{w}"'),
    st.lists(_words.map(lambda w: f'"{w}"'), max_size=3).map(lambda items: "[" + ", ".join(items) + "]"),
)
_lines = st.one_of(st.tuples(_keys, _values).map(lambda kv: f"{kv[0]}: {kv[1]}"), _words)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_lines, min_size=1, max_size=5).map("\n".join))
@example('title: "x"\ndate: 2020-09-01T07:49:00+07:00\ntags: ["a", "b c"]')
@example("title: 12:30")
@example("title: 2020-09-01")
@example("title: 1.5")
def test_fast_path_never_disagrees_with_pyyaml(text):
    flat = _flat_yaml(text)
    if flat is not None:  # taken: PyYAML must read the same (and not fail)
        assert flat == pyyaml(text)


def test_load_yaml_uses_either_path_with_the_same_result():
    assert _load_yaml(BENCH_STYLE, "a.md") == pyyaml(BENCH_STYLE)
    nested = 'title: "x"\nsource:\n  name: "Báo Nhân Dân"\n'
    assert _load_yaml(nested, "a.md") == {"title": "x", "source": {"name": "Báo Nhân Dân"}}
    assert split("---\n" + BENCH_STYLE + "---\nThân bài\n", "a.md").meta == pyyaml(BENCH_STYLE)


@pytest.mark.parametrize("text, line", [
    ('---\ntitle: "A"\ndate: 2021-01-01\n\ufeffauthor: "B"\n---\n', 4),            # two files joined
    ('---\ntitle: "A"\nimage:\n  src: /images/a.jpg\n\ufeff  alt: "x"\n---\n', 5),  # pasted into a block
])
def test_a_bom_inside_the_front_matter_is_named(text, line):
    # Was: "phần thông tin đầu bài không phải YAML hợp lệ: thụt lề không đúng" for a line that
    # looks right: the U+FEFF cannot be seen.
    from generator.errors import ContentError

    with pytest.raises(ContentError) as caught:
        split(text, "a.md")
    assert (caught.value.line, caught.value.message) == (line, (
        "phần thông tin đầu bài không phải YAML hợp lệ: có ký tự vô hình U+FEFF (dấu BOM, thường do ghép hai tệp "
        "hay dán chữ); hãy xóa ký tự đó: nó không hiện ra, nên dễ nhất là gõ lại dòng này"))


@pytest.mark.parametrize("value, reason", [
    ("Vui \\ud83d\\ude00 quá", "“\\ud83d\\ude00” viết một ký tự bằng hai nửa UTF-16 (kiểu JSON, JavaScript) mà YAML "
                             "không đọc; hãy dán thẳng ký tự “😀”, hoặc viết “\\U0001F600”"),
    ("Cờ \\uD83C\\uDDFB\\uD83C\\uDDF3", "“\\uD83C\\uDDFB” viết một ký tự bằng hai nửa UTF-16 (kiểu JSON, JavaScript) "
                                     "mà YAML không đọc; hãy dán thẳng ký tự “🇻”, hoặc viết “\\U0001F1FB”"),
    ("nửa \\udc00", "“\\udc00” không phải mã của một ký tự Unicode (nửa cặp UTF-16 hoặc quá U+10FFFF); "
                   "hãy xóa nó, hoặc dán thẳng ký tự cần viết"),
    ("quá \\U00110000", "“\\U00110000” không phải mã của một ký tự Unicode (nửa cặp UTF-16 hoặc quá U+10FFFF); "
                       "hãy xóa nó, hoặc dán thẳng ký tự cần viết"),
])
def test_a_unicode_escape_yaml_refuses_is_explained(value, reason):
    # Was: "sau dấu “\” trong chuỗi ngoặc kép là một mã không hợp lệ; hãy viết “\\” …" for an emoji
    # written as JSON writes it, which the editor had not typed as an escape at all.
    from generator.errors import ContentError

    with pytest.raises(ContentError) as caught:
        split(f'---\ntitle: "A"\nsummary: "{value}"\n---\n', "a.md")
    assert (caught.value.line, caught.value.message) == (3, "phần thông tin đầu bài không phải YAML hợp lệ: " + reason)


# PyYAML's refusals: every one said in Vietnamese at the line to fix. Was: libyaml's own English
# ("could not find expected ':'" for a summary wrapped onto a second line, "did not find expected node
# content" for `tags: [`), pointing at the line after the mistake or at the closing "---".
@pytest.mark.parametrize("front, line, reason", [
    ('title: "A"\nsummary: Các cấp ủy ở Hoà Bình\nnhân rộng mô hình\nauthor: "B"\n', 4,
     "dòng này không có dạng “khóa: giá trị”; nếu đây là phần tiếp theo của giá trị ở dòng trên, hãy viết cả giá "
     "trị trên một dòng, hoặc đặt cả giá trị trong dấu ngoặc kép \"…\""),
    ('title: "A"\ntags: [\n', 3,
     "thiếu giá trị, hoặc có dấu “[”, “]”, “{”, “}” hay “,” đứng sai chỗ (một danh sách […] chưa đóng?); nếu đó là "
     "chữ, hãy đặt cả giá trị trong dấu ngoặc kép"),
    ('title: ,\n', 2,
     "thiếu giá trị, hoặc có dấu “[”, “]”, “{”, “}” hay “,” đứng sai chỗ (một danh sách […] chưa đóng?); nếu đó là "
     "chữ, hãy đặt cả giá trị trong dấu ngoặc kép"),
    ('title: "A"\nauthor: *\n', 3, "giá trị bắt đầu bằng “&” hoặc “*”; hãy đặt giá trị trong dấu ngoặc kép"),
    ('title: |Hà Nội\n', 2, "sau dấu “|” hay “>” chỉ được có “-”, “+” hoặc một chữ số 1-9 rồi xuống dòng; nếu đó là "
                            "chữ, hãy đặt cả giá trị trong dấu ngoặc kép"),
    ('title: "A"\ntags: - thanh niên\n', 3,
     "dấu “-” của một mục danh sách không đặt được ở đây: hãy viết mỗi mục “- …” trên một dòng riêng, thụt lề dưới "
     "tên khóa; nếu đó là chữ, hãy đặt cả giá trị trong dấu ngoặc kép"),
    ('title: "A"\ntags:\n  - a\n  b: c\n', 5,
     "danh sách “- …” có một dòng không bắt đầu bằng “-” hoặc thụt lề không đúng"),
    ('title: "Giá \\x4 đồng"\n', 2,
     "sau dấu “\\” trong chuỗi ngoặc kép là một mã không hợp lệ; hãy viết “\\\\” hoặc dùng ngoặc đơn '…'"),
    ('title: "A"\n%TAG ! x\n', 3, "dòng bắt đầu bằng “%” (chỉ thị YAML) không dùng được trong phần thông tin đầu "
                                  "bài; nếu đó là chữ, hãy đặt cả giá trị trong dấu ngoặc kép"),
    ('title: ? A\n', 2, "giá trị bắt đầu bằng “?”; hãy đặt giá trị trong dấu ngoặc kép"),
    ('title: !x!y A\n', 2, "giá trị bắt đầu bằng “!”; hãy đặt giá trị trong dấu ngoặc kép"),
])
def test_yaml_refusals_are_said_in_vietnamese_at_the_line_to_fix(front, line, reason):
    from generator.errors import ContentError

    with pytest.raises(ContentError) as caught:
        split(f"---\n{front}---\n\nNội dung.\n", "a.md")
    assert (caught.value.line, caught.value.message) == (line, "phần thông tin đầu bài không phải YAML hợp lệ: " + reason)


MALFORMED = [
    "title: [", "title: {", "title: ]", "title: }", "title: [- a]", "title: |0\n  x", "title: >-x", "title: &",
    "title: *", "title: &a x\nsummary: *b", 'title: "\\x4"', 'title: "\\u12"', 'title: "\\q"', "%YAML 1.1\ntitle: x",
    "%FOO\ntitle: x", "title: a\n b: c", "title: [a, b]]", "title: {a: b}}", "title: [a\nb: c",
    "title: a: b", "title: 'a'b'", 'title: "a"b', "title: x\n  summary: y", "title: [a, {b: c]", "tags:\n  - a\n b",
    "title: |\n x\ny", "title: ? x", "title: !x!y z", "title: x\n\tsummary: y", "title:\n  - a\n  b: c",
    "{title: x", "[a, b", "title: - x", "title: x\n%Y", "title: @x", "'title: x", "title: x\n:",
    "title: !!str &a1 &a2 x", "title: a\nb", "title: {a: b: c}", "title: !<x y",
]


@pytest.mark.parametrize("front", MALFORMED)
def test_no_yaml_refusal_is_said_in_pyyaml_s_english(front):
    from generator.errors import ContentError

    with pytest.raises(yaml.MarkedYAMLError) as refused:
        pyyaml(front + "\n")
    english = [words for words in (refused.value.problem, refused.value.context) if words]
    with pytest.raises(ContentError) as caught:
        split(f"---\n{front}\n---\n\nNội dung.\n", "a.md")
    message = caught.value.message
    assert message.startswith("phần thông tin đầu bài không phải YAML hợp lệ: ")
    assert not any(words in message for words in english), message
    assert not any(word in message.split() for word in ("found", "expected", "while", "allowed", "character")), message
    assert 2 <= caught.value.line <= front.count("\n") + 2


@pytest.mark.parametrize("front", [
    'title: "Bài"\nsummary: "' + "Tóm tắt rất dài. " * 700_000 + '"\n',  # a book pasted into summary
    'title: "Bài"\ntags:\n' + "".join(f"  - chủ đề {i}\n" for i in range(100_000)),  # lines and lines
], ids=["summary", "tags"])
def test_a_front_matter_of_megabytes_is_refused_at_the_line_passing_the_bound(front):
    # Was: a 10 MB summary was read, indexed and rendered: 39 s for one article.
    from generator.errors import ContentError
    with pytest.raises(ContentError) as caught:
        split(f"---\n{front}---\n\nNội dung.\n", "content/articles/a.md")
    line = front.count("\n", 0, 1_000_000) + 2
    assert str(caught.value) == (
        f"content/articles/a.md:{line}: phần thông tin đầu bài dài {len(front):,}".replace(",", ".") + " ký tự, quá "
        "1.000.000: phần này chỉ gồm tiêu đề, ngày, tóm tắt, chủ đề … (có phải đã dán cả bài vào một khóa như summary?); "
        "đọc nó làm việc dựng trang chậm hàng phút: hãy đưa nội dung xuống dưới dòng “---” đóng")


def test_a_long_front_matter_within_the_bound_is_read():
    front = 'title: "Bài"\nsummary: "' + "Tóm tắt dài. " * 10_000 + '"\n'
    assert split(f"---\n{front}---\n\nNội dung.\n", "a.md").meta["summary"].startswith("Tóm tắt dài.")


def test_a_keys_line_is_found_in_the_front_matter_as_the_reader_finds_it():
    """check's warnings and the scheduled-article note locate a key by Source.line_of's rule, one
    helper for both: a key written "date :" or quoted is found, a body line "summary: …" is not."""
    from generator.frontmatter import key_line
    text = '---\ntitle: "A"\ndate : 2030-01-01\n"province": []\n---\n\nsummary: chữ trong bài\n'
    lines = text.splitlines()
    assert key_line(lines, "date") == 3
    assert key_line(lines, "province") == 4
    assert key_line(lines, "summary") is None
    assert key_line(lines, "date") == split(text, "a.md").line_of("date")
    assert key_line(["# no front matter", "date: 1"], "date") is None


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_an_article_saved_as_utf_16_is_told_so(encoding):
    """Was: 'tệp nhị phân (có byte 0x00 ở vị trí 3)' for an article saved as Notepad's "Unicode"."""
    from generator.errors import ContentError
    from generator.frontmatter import decode

    text = '---\ntitle: "Hoà bình"\n---\n\nNội dung.\n'
    raw = text.encode(encoding) if encoding != "utf-16-be" else b"\xfe\xff" + text.encode(encoding)
    with pytest.raises(ContentError) as caught:
        decode(raw, "content/articles/a.md")
    wide = "UTF-32" if encoding == "utf-32" else "UTF-16"
    assert str(caught.value) == (f"content/articles/a.md:1: tệp được lưu ở mã hóa {wide} (mục “Unicode” của Notepad "
                                 "hay Word), không phải UTF-8; hãy lưu lại tệp với mã hóa UTF-8")


def test_utf8_drops_one_bom_and_names_the_bad_byte_where_it_is():
    """A leading BOM is dropped (one, as "utf-8-sig" drops it); a bad byte is named at its place in
    the file as saved, BOM counted, with its own value (the "utf-8-sig" codec counted from after
    the BOM: line 1, "vị trí 8 (0x0a)" for the 0xff at 11 on line 2)."""
    from generator.errors import ContentError
    from generator.frontmatter import utf8

    bom = "\ufeff".encode("utf-8")
    assert utf8(bom + "Bác Hồ".encode("utf-8"), "a.md") == "Bác Hồ"
    assert utf8(bom + bom + b"x", "a.md") == "\ufeffx"
    assert utf8("Bác".encode("utf-8"), "a.md") == "Bác"
    raw = bom + b"title\nab\xff\n"
    with pytest.raises(ContentError) as failed:
        utf8(raw, "a.md")
    assert failed.value.line == 2
    assert "byte không đọc được ở vị trí 11 (0xff)" in str(failed.value)
