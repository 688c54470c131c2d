"""Property tests of a CMS save merged into the article on disk (generator/cms/keep.py).

Articles are generated as people write them by hand (quoting, comments, block scalars, flow and
block lists, dates in several spellings, CRLF, BOM), opened and saved by lamtheobac-cms.js under
node (with or without an edit), and merged as the local backend does. The merged file must read
as the save, an unchanged save must leave the file byte for byte, what nobody edited keeps its
lines, and no input makes the merge raise.
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import NODE_TOOLS, ROOT, need
from generator.cms import admin
from generator.cms.keep import lost_in_save, merged
from generator.config import load_config
from generator.content import ReadSettings, errors_of, read_article
from generator.fields import ARTICLE_FIELDS
from generator.errors import ContentError
from generator.frontmatter import decode, split
from generator.taxonomy import load_registries

HARNESS = ROOT / "tests" / "js" / "cms_harness.js"
ORDER = list(ARTICLE_FIELDS) + ["body"]
PATH = "content/articles/bai-thu.md"
# KEEP_EXAMPLES=3000 for a long local run; the default keeps the file near 10 s.
EXAMPLES = int(os.environ.get("KEEP_EXAMPLES", "40"))
SLOW = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


def loaded():
    config = load_config(ROOT)
    return config, load_registries(config.path(config.data_dir), config.root)


def _terms() -> dict:
    return json.loads(admin.terms_json(*loaded()).replace("<\\/", "</"))


TERMS = None


def saved_by_cms(text: str, edit: dict) -> str | None:
    """What lamtheobac-cms.js sends for `text` opened, edited and saved (None: the CMS cannot open it)."""
    global TERMS
    need(shutil.which("node") is not None, "node (apt-get install nodejs)")
    need((NODE_TOOLS / "node_modules" / "js-yaml").is_dir(), "tests/node/node_modules (cd tests/node && npm ci)")
    if TERMS is None:
        TERMS = _terms()
    done = subprocess.run(["node", str(HARNESS)], capture_output=True, text=True, encoding="utf-8", timeout=60,
                          input=json.dumps({"terms": TERMS, "cases": [{"op": "save", "text": text, "edit": edit,
                                                                          "order": ORDER}]}),
                          env={**os.environ, "NODE_PATH": str(NODE_TOOLS / "node_modules")})
    assert done.returncode == 0, done.stderr
    (result,) = json.loads(done.stdout)
    return result.get("ok")


# --- articles as written by hand ------------------------------------------------------------------

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐHNTV"
TEXT = st.one_of(
    st.text(alphabet=st.sampled_from(list(LETTERS + "  :#'\"-,.!?“”[]{}&*|>%@`/0123456789")), min_size=1, max_size=30),
    st.sampled_from(["Bác Hồ", "Chỉ thị 05-CT/TW: làm theo", "a: b", "#không phải chú thích", "x # y", "'nháy'",
                     '"kép"', " cách ", "- gạch", "yes", "No", "on", "010", "1:30", "12.50", "0x1F", "1_000", ".5",
                     "~", "null", "2024", "1975.0", "+84", "…", "Hoà Bình", "a\tb"]))
MULTILINE = st.lists(st.text(alphabet=st.sampled_from(list(LETTERS + " :#'\"-")), min_size=1, max_size=20),
                     min_size=1, max_size=3).map("\n".join)
COMMENT = st.sampled_from(["# kiểm tra lại: nguồn", "# TODO", "#", "# ghi chú: “ảnh” #2"])
DATES = st.sampled_from(["2024-05-19", "2024-05-19 16:27", "2024-05-19T16:27:00+07:00", "2024-05-19T09:27:00Z",
                         "2024-05-19T09:27:00+00:00", "2024-05-19T16:27", "'2024-05-19'", '"2024-05-19 08:00"',
                         "2023-12-31T23:59:59+07:00"])
FLAGS = st.sampled_from(["true", "false", "yes", "no", "True", "False", "on", "off"])
PROVINCES = st.lists(st.sampled_from(["Hà Giang", "Lào Cai", "Hà Nội", "Thừa Thiên Huế", "Cao Bằng"]),
                     min_size=1, max_size=3, unique=True)
DIRECTIVES = st.lists(st.sampled_from(["05-CT/TW", "01-KL/TW"]), min_size=1, max_size=2, unique=True)


def _reads(key: str, rendered: str) -> object:
    try:
        return split(f"---\n{key}:{rendered}\n---\n", "x.md").meta.get(key)
    except ContentError:
        return None


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


@st.composite
def scalar(draw, text=TEXT, block: bool = False) -> str:
    """' value' (after "key:") in one of YAML's styles, with maybe a comment after it."""
    value = draw(text)
    style = draw(st.sampled_from(["plain", "single", "double"] + (["literal", "folded"] if block else [])))
    if style in ("literal", "folded"):
        value = draw(MULTILINE)
        chomp = draw(st.sampled_from(["", "-", "+"]))
        head = (" |" if style == "literal" else " >") + chomp
        rendered = head + "".join("\n  " + line for line in value.split("\n"))
    elif style == "plain":
        rendered = " " + value
    elif style == "single":
        rendered = " '" + value.replace("'", "''") + "'"
    else:
        rendered = " " + quoted(value)
    if not isinstance(_reads("k", rendered), str):
        rendered = " " + quoted(value)
    if "\n" not in rendered and draw(st.booleans()):
        rendered += draw(st.sampled_from(["  ", " ", "   "])) + draw(COMMENT)
    return rendered


@st.composite
def items(draw, values) -> str:
    """A list after "key:": flow ([a, "b"]) or block (- a), maybe indented, maybe commented."""
    chosen = draw(values)
    rendered = [draw(scalar(st.just(v))).strip() for v in chosen]
    if draw(st.booleans()):
        rendered = [r.split("  #")[0].split(" #")[0] if not r.startswith(('"', "'")) else quoted(v)
                    for r, v in zip(rendered, chosen)]
        flow = " [" + ", ".join(rendered) + "]"
        if _reads("k", flow) != list(chosen):  # "[?0]", "[:0]" are no lists of these texts
            flow = " [" + ", ".join(quoted(v) for v in chosen) + "]"
        return flow + draw(st.sampled_from(["", "  # " + "danh sách"]))
    indent = draw(st.sampled_from(["", "  "]))
    lines = []
    for r in rendered:
        if draw(st.integers(0, 5)) == 0:
            lines.append(indent + draw(COMMENT))
        lines.append(indent + "- " + r)
    return "\n" + "\n".join(lines)


@st.composite
def table(draw, fields: dict) -> str:
    lines = []
    for name, values in fields.items():
        if draw(st.booleans()) or name in ("src", "name"):
            lines.append("  " + name + ":" + draw(scalar(values)))
    if draw(st.integers(0, 4)) == 0:
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["  ", ""])) + draw(COMMENT))
    return "\n" + "\n".join(lines)


PATHS = st.sampled_from(["/images/hcm1.jpg", "/images/a b.jpg", "https://example.org/a.jpg?x=1#y"])
FIELDS = {
    "title": scalar(TEXT),
    "date": DATES.map(lambda d: " " + d),
    "slug": st.sampled_from([" bai-thu", " 'bai-2'", " 0304", ' "x-y"']),
    "summary": scalar(TEXT, block=True),
    "province": st.one_of(PROVINCES.map(lambda p: " " + p[0]), items(PROVINCES)),
    "directives": items(DIRECTIVES),
    "tags": st.one_of(items(st.lists(TEXT, min_size=1, max_size=4)), st.just(" []")),
    "author": scalar(TEXT),
    "source": st.one_of(scalar(TEXT), table({"name": TEXT, "url": st.just("https://baolaocai.vn/a?b=1#c"),
                                             "date": st.just("2024-05-18")})),
    "image": st.one_of(PATHS.map(lambda p: " " + p), table({"src": PATHS, "alt": TEXT, "caption": TEXT})),
    "updated": st.one_of(DATES.map(lambda d: " " + d), st.just(""), st.just(' ""')),
    "draft": FLAGS.map(lambda f: " " + f),
    "date_estimated": FLAGS.map(lambda f: " " + f),
    "ghi_chu": scalar(TEXT),  # a key the form does not know
}
BODY_PARTS = ["Đoạn đầu: “Học tập” và làm theo.", "## Mục một", "- mục\n- mục hai", "| a | b |\n|:--|--:|\n| 1 | 2 |",
              "```\ncode: x\n---\n```", "> trích dẫn", "Dòng có # dấu thăng", "***", "Đoạn\ncó hai dòng.", "[^1]: chú"]
BODY = st.lists(st.sampled_from(BODY_PARTS), max_size=5).map("\n\n".join)


@st.composite
def articles(draw) -> str:
    """An article file as text (LF; the byte forms are made by as_bytes)."""
    keys = draw(st.lists(st.sampled_from(list(FIELDS)), min_size=1, max_size=len(FIELDS), unique=True))
    if "title" not in keys:
        keys.insert(0, "title")
    if "date" not in keys:
        keys.insert(1, "date")
    lines = []
    for key in keys:
        while draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.one_of(COMMENT, st.just(""))))
        lines.append(key + ":" + draw(FIELDS[key]))
    body = draw(BODY)
    gap = draw(st.sampled_from(["\n", "", "\n\n"]))
    return "---\n" + "\n".join(lines) + "\n---\n" + (gap + body + "\n" if body else "")


def as_bytes(text: str, crlf: bool, bom: bool) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + (text.replace("\n", "\r\n") if crlf else text).encode("utf-8")


EDITS = st.one_of(
    st.just({}),
    st.builds(lambda k, v: {"set": {k: v}}, st.sampled_from(["title", "summary", "author", "ghi_chu"]),
              st.one_of(TEXT, MULTILINE)),
    st.builds(lambda v: {"set": {"date": v}}, st.sampled_from(["2025-01-02T08:00:00+07:00", "2024-05-19"])),
    st.builds(lambda k: {"unset": [k]}, st.sampled_from(list(FIELDS))),
    st.builds(lambda v: {"set": {"tags": v}}, st.lists(TEXT, max_size=3)),
    st.builds(lambda k, v: {"item": [k, 0, v]}, st.sampled_from(["tags", "province"]),
              st.sampled_from(["Hà Nội", "nêu gương", "Lào Cai"])),
    st.builds(lambda v: {"set": {"image": [{"src": "/images/hcm1.jpg", "alt": v}]}}, TEXT),
    st.builds(lambda v: {"set": {"source": [{"name": v}]}}, TEXT),
    st.builds(lambda v: {"set": {"draft": v}}, st.booleans()),
    st.builds(lambda v: {"body": v}, BODY),
)

SETTINGS = None


def reading(raw: bytes) -> object:
    """What the build makes of an article file: the Article (less the line its slug is on) or its errors."""
    global SETTINGS
    if SETTINGS is None:
        SETTINGS = ReadSettings.of(*loaded())
    try:
        article = read_article(Path(PATH), PATH, SETTINGS, raw=raw)
    except ContentError as exc:
        return sorted(error.message for error in errors_of(exc))
    return dataclasses.replace(article, line=0)


def top_blocks(text: str) -> dict[str, list[str]]:
    """Each top-level key's lines in LF front matter text (key line, then indented or "- " lines)."""
    out: dict[str, list[str]] = {}
    key = None
    for line in split(text, "x.md").fm_lines:
        match = re.match(r"^([A-Za-z_]+):", line)
        if match:
            key = match.group(1)
            out[key] = [line]
        elif key and line[:1] in (" ", "-") and line.strip():
            out[key].append(line)
        else:
            key = None
    return out


def edited_keys(edit: dict) -> set[str]:
    return set(edit.get("set", {})) | set(edit.get("unset", [])) | ({edit["item"][0]} if "item" in edit else set())


@SLOW
@given(articles(), EDITS, st.booleans(), st.booleans())
# The CMS read "010", "1:30", "12.50" as numbers (8, 90, 12.5), "~" as nothing and a title "yes" as true:
# any save re-wrote or dropped them.
@example("---\ntitle: 010\ndate: 2024-05-19\nslug: '0304'\nsummary: 12.50\n---\n", {}, False, False)
@example("---\ntitle: Bài\ndate: 2024-05-19\nauthor: 1:30\n---\n", {"set": {"title": "Bài mới"}}, False, False)
@example("---\ntitle: ~\ndate: 2024-05-19\nauthor: null\n---\n", {}, False, False)
@example("---\ntitle: yes\ndate: 2024-05-19\ndraft: no\n---\n", {"set": {"author": "A"}}, True, False)
# A body right after the closing "---" gained a blank line on an unchanged save.
@example("---\ntitle: a\ndate: 2024-05-19\n---\nĐoạn đầu.\n", {}, False, True)
# A comment inside a re-written or cleared table or list was dropped.
@example("---\ntitle: a\ndate: 2024-05-19\nsource:\n# kiểm tra lại: nguồn\n  name: Báo\n---\n",
         {"set": {"source": [{"name": "Báo mới"}]}}, False, False)
@example("---\ntitle: a\ndate: 2024-05-19\ntags:\n  # bỏ sau\n  - x\n---\n", {"unset": ["tags"]}, False, False)
# A blank list item ("- >", "- ''") is none for the build: the list stays as written.
@example("---\ntitle: a\ndate: 2024-05-19\ntags:\n- x\n- >\n- ''\n---\n", {}, False, False)
# "name:" left empty in a table is no name for the build: the table stays as written.
@example("---\ntitle: a\ndate: 2024-05-19\nsource:\n  name: Báo\n  url:\n---\n", {"set": {"title": "b"}},
         False, False)
def test_a_save_merged_into_a_hand_written_article(text: str, edit: dict, crlf: bool, bom: bool):
    original = as_bytes(text, crlf, bom)
    saved = saved_by_cms(text, edit)
    assert saved is not None, text  # every generated article opens in the CMS
    result = merged(original, saved, PATH)
    # (a) the build reads the merged file as the save (an article the build refuses may stay refused as it was)
    expected, got = reading(saved.encode("utf-8")), reading(result)
    assert got == expected or isinstance(got, list) == isinstance(expected, list) == True, (text, saved, result.decode())
    # (b) an unchanged save leaves an article the build reads byte for byte
    if not edit and not isinstance(reading(original), list):
        assert result == original, (text, saved, result.decode())
    # BOM and line ends stay
    assert result.startswith(b"\xef\xbb\xbf") == bom
    assert (b"\r\n" in result) == crlf and (not crlf or b"\n" not in result.replace(b"\r\n", b""))
    # (c) lines of fields not edited, and comments on their own lines, survive
    after = decode(result, PATH)
    before_blocks, after_blocks = top_blocks(text), top_blocks(after)
    for key, lines in before_blocks.items():
        if key not in edited_keys(edit):
            if key in after_blocks:
                assert after_blocks[key] == lines, (key, text, after)
    after_lines = after.split("\n")
    for line in split(text, "x.md").fm_lines:
        if line.startswith("#"):
            assert line in after_lines, (line, text, after)


# --- hostile input: the merge falls back or the backend refuses, never raises ---------------------

HOSTILE_PARTS = ["title: &a Bài", "summary: *a", "tags: !!set {a, b}", "author: !thẻ x", "\ttitle: tab",
                 "title: hai lần", "summary: |\n  ---\n  dòng", "summary: >\n  ...\n", "<<: {a: b}",
                 "image:\n  src: /a.jpg\n  src: /b.jpg", "date: 2024-02-30", "tags: [a, [b, c]]", "- một",
                 "province: {Hà Giang: 1}", "title: \"không đóng", "'title': x", "title : x", "? a\n: b",
                 "%YAML 1.2", "title: x\n---", "...", "source:\n  - name: a", "image: []", "\ufefftitle: x",
                 "title: \x85", "date: 99999-01-01", "body: thân"]
HOSTILE = st.builds(lambda parts, close, body: "---\n" + "\n".join(parts) + ("\n---\n" if close else "\n") + body,
                    st.lists(st.sampled_from(HOSTILE_PARTS), max_size=6), st.booleans(), st.sampled_from(["", "x\n"]))
ANY_SAVE = st.one_of(HOSTILE, st.text(max_size=80), st.sampled_from(["", "---\n---\n", "---\ntitle: \"a\"\n---\n\nx\n"]))


@settings(max_examples=int(os.environ.get("KEEP_HOSTILE_EXAMPLES", "300")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(st.one_of(HOSTILE, st.text(max_size=80), st.binary(max_size=40)), ANY_SAVE, st.booleans(), st.booleans())
def test_a_merge_of_hostile_files_never_raises(original, saved: str, crlf: bool, bom: bool):
    raw = original if isinstance(original, bytes) else as_bytes(original, crlf, bom)
    result = merged(raw, saved, PATH)
    lost_in_save(raw, saved, PATH)
    assert isinstance(result, bytes)
    try:
        expected = split(saved.replace("\r\n", "\n"), PATH).meta
    except ContentError:
        return
    # whatever it did, the merged file is the save for the build's reader
    got = split(decode(result, PATH), PATH).meta
    assert got.keys() >= expected.keys()



def test_lists_the_build_refuses_as_one_item_are_saved_as_lists():
    """"directives: 05-CT/TW" and "tags: x" are errors for the build (only province may be one name),
    but the merge kept them as written next to the CMS's list: the saved article did not build."""
    for text in ("---\ntitle: a\ndate: 2024-05-19\ndirectives: 05-CT/TW\n---\n",
                 "---\ntitle: a\ndate: 2024-05-19\ntags: nêu gương\n---\n"):
        saved = saved_by_cms(text, {})
        result = merged(text.encode(), saved, PATH)
        assert reading(result) == reading(saved.encode()) and not isinstance(reading(result), list), result
    text = "---\ntitle: a\ndate: 2024-05-19\nprovince: Hà Giang   # một tỉnh\n---\n"
    assert merged(text.encode(), saved_by_cms(text, {}), PATH) == text.encode()


def test_an_unknown_key_left_empty_is_not_kept():
    """An empty key the build does not know is refused by it: the merge kept it (as it keeps empty
    known keys), so a save that the CMS had mended did not build."""
    text = "---\ntitle: a\ndate: 2024-05-19\nghi_chu:\n---\n"
    saved = saved_by_cms(text, {"set": {"title": "b"}})
    result = merged(text.encode(), saved, PATH)
    assert reading(result) == reading(saved.encode()) and not isinstance(reading(result), list)


def test_only_dates_and_flags_have_other_spellings():
    """A title edited from "yes" to "true", or from one spelling of a moment to another, was taken for
    the same value and the edit was lost: only the flags and the dates are read so by the build."""
    for old, new in (("yes", "true"), ("2024-05-19 16:27", "2024-05-19T16:27:00+07:00")):
        text = f"---\ntitle: {old}\ndate: 2024-05-19\n---\n"
        saved = saved_by_cms(text, {"set": {"title": new}})
        assert split(decode(merged(text.encode(), saved, PATH), PATH), PATH).meta["title"] == new
    text = "---\ntitle: a\ndate: 2024-05-19 16:27\ndraft: yes\n---\n"
    assert merged(text.encode(), saved_by_cms(text, {}), PATH) == text.encode()
