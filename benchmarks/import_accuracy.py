#!/usr/bin/env python3
"""Per-field accuracy of `lamtheobac import` over a corpus of raw pages with expected fields.

    python3 benchmarks/import_accuracy.py tests/fixtures/importer/corpus/tuned
    python3 benchmarks/import_accuracy.py tests/fixtures/importer/corpus/heldout -v
    python3 benchmarks/import_accuracy.py DIR --libraries   # .html pages: trafilatura + htmldate too

Every page (``*.txt``, ``*.html``, ``*.mhtml``) beside a ``.json`` of expected fields (see the
corpus README) is imported with the project's importer and compared field by field:
title, date, province, directives, byline (author) and summary. ``-v`` lists every
field that came out wrong.

``--libraries`` also reads the .html pages with trafilatura (main text, title, author)
and htmldate (publication date), which must be installed (they are not dependencies of
the project), and prints the same per-field table for them beside ours: province and
directives are then found by our rules in trafilatura's main text, the summary is its
first paragraph. Both libraries run offline on the saved file.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KINDS = (".txt", ".html", ".mhtml")  # pasted text, saved pages, single-file pages
FIELDS = ("title", "date", "province", "directives", "author", "summary")
LABELS = {"title": "tiêu đề", "date": "ngày", "province": "tỉnh", "directives": "văn bản",
          "author": "tác giả", "summary": "sapo"}


def _norm(text: str | None) -> str:
    text = unicodedata.normalize("NFC", text or "")
    return re.sub(r"\s+", " ", text).strip()


def summary_ok(expected: str | None, got: str | None) -> bool:
    """The lead paragraph, or its beginning cut at a sentence boundary (with or without "…")."""
    expected, got = _norm(expected), _norm(got)
    if not expected:
        return not got
    if not got:
        return False
    if got == expected:
        return True
    cut = got[:-1].rstrip() if got.endswith("…") else got
    return len(cut) >= min(len(expected), 100) and expected.startswith(cut)


def compare(expected: dict, meta) -> dict[str, bool]:
    """field -> right or wrong, for one page's expected fields and the importer's ArticleMeta."""
    date = meta.date.isoformat() if meta.date is not None and not meta.draft else None
    return {
        "title": _norm(expected["title"]) == _norm(meta.title),
        "date": expected["date"] == date,
        "province": sorted(expected["province"]) == sorted(meta.provinces),
        "directives": sorted(expected["directives"]) == sorted(meta.directives),
        "author": _norm(expected["author"]).casefold() == _norm(meta.author).casefold(),
        "summary": summary_ok(expected["summary"], meta.summary),
    }


def shown(field: str, expected: dict, meta) -> tuple[str, str]:
    got = {"title": meta.title, "date": meta.date.isoformat() if meta.date and not meta.draft else None,
           "province": meta.provinces, "directives": meta.directives, "author": meta.author,
           "summary": meta.summary}[field]
    return json.dumps(expected[field], ensure_ascii=False)[:160], json.dumps(got, ensure_ascii=False)[:160]


def pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in KINDS and p.with_suffix(".json").is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--libraries", action="store_true",
                        help="also measure trafilatura + htmldate on the .html pages")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    from generator.errors import ContentError
    from generator.importer import convert
    from generator.taxonomy import load_registries

    registries = load_registries(None)
    status = 0
    for folder in args.folders:
        found = pages(folder)
        if not found:
            print(f"{folder}: không có trang nào kèm tệp .json", file=sys.stderr)
            status = 1
            continue
        right = {f: 0 for f in FIELDS}
        by_kind = {kind: {f: [0, 0] for f in FIELDS} for kind in KINDS}
        failed = []
        for page in found:
            expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
            try:
                result = convert(page.read_bytes(), page.suffix, registries, "/images/", page.as_posix(),
)
            except ContentError as exc:
                failed.append(page)
                if args.verbose:
                    print(f"  {page.name}: không nhập được: {exc}")
                continue
            marks = compare(expected, result.meta)
            for field, ok in marks.items():
                right[field] += ok
                by_kind[page.suffix][field][0] += ok
                by_kind[page.suffix][field][1] += 1
                if not ok and args.verbose:
                    want, got = shown(field, expected, result.meta)
                    print(f"  {page.name}: {field}: cần {want}, được {got}")
        total = len(found)
        counts = ", ".join(f"{n} {kind}" for kind in KINDS if (n := sum(1 for p in found if p.suffix == kind)))
        print(f"{folder}: {total} trang ({counts})"
              + (f", {len(failed)} trang không nhập được" if failed else ""))
        for field in FIELDS:
            parts = [f"{field:<10} {right[field]:>3}/{total:<3} {100 * right[field] / total:5.1f} %"]
            for kind in KINDS:
                ok, n = by_kind[kind][field]
                if n:
                    parts.append(f"{kind[1:]} {ok}/{n}")
            print("  " + "   ".join(parts))
        fields_right = sum(right.values())
        print(f"  {'tất cả':<10} {fields_right:>3}/{total * len(FIELDS):<3} "
              f"{100 * fields_right / (total * len(FIELDS)):5.1f} %")
        if args.libraries:
            html = [p for p in found if p.suffix == ".html"]
            if html:
                _libraries(html, by_kind[".html"], registries, args.verbose)
    return status


def _libraries(pages: list[Path], ours: dict, registries, verbose: bool) -> None:
    """trafilatura (title, author, main text) and htmldate (date) on the same .html pages."""
    from datetime import datetime

    import htmldate
    import trafilatura

    from generator.importer.entities import find_directives
    from generator.importer.places import find_places
    from generator.vietnamese import VN

    right = {f: 0 for f in FIELDS}
    same_day = 0
    for page in pages:
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        html = page.read_text(encoding="utf-8")
        doc = trafilatura.bare_extraction(html, with_metadata=True)
        doc = doc.as_dict() if hasattr(doc, "as_dict") else doc
        found = htmldate.find_date(html, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S")
        date = datetime.fromisoformat(found).replace(tzinfo=VN) if found else None
        paragraphs = [p for p in (doc.get("text") or "").split("\n") if p.strip()]
        title = doc.get("title") or ""
        # Its first paragraph of running text (not a repeat of the headline, not a label).
        summary = next((p for p in paragraphs if len(p.split()) >= 12 and p.strip() != title.strip()), None)
        segments = [("title", title, 0)] + ([("summary", summary, 0)] if summary else []) + \
            [("body", p, 0) for p in paragraphs[1:]]
        provinces = [p.name for p in find_places(segments, registries).provinces]
        directives = [d.symbol for d in find_directives("\n".join([title, *paragraphs]), registries, date)[0]]

        class Meta:  # the fields compare() reads
            pass
        meta = Meta()
        meta.title, meta.date, meta.draft, meta.summary = title, date, False, summary
        meta.provinces, meta.directives, meta.author = provinces, directives, doc.get("author")
        same_day += bool(expected["date"] and date and expected["date"][:10] == date.date().isoformat()) or \
            (expected["date"] is None and date is None)
        for field, ok in compare(expected, meta).items():
            right[field] += ok
            if not ok and verbose:
                want, got = shown(field, expected, meta)
                print(f"  [thư viện] {page.name}: {field}: cần {want}, được {got}")
    n = len(pages)
    print(f"  {n} trang .html: quy tắc của dự án / trafilatura + htmldate")
    for field in FIELDS:
        print(f"  {field:<10} {ours[field][0]:>3}/{n:<3}   {right[field]:>3}/{n}"
              + (f"   (htmldate: đúng ngày, bỏ qua giờ: {same_day}/{n})" if field == "date" else ""))


if __name__ == "__main__":
    sys.exit(main())
