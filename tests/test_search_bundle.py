"""The shipped search.js is made from its sources (themes/default/_src/search/*.js) by
themes/default/_src/bundle_search.py: the committed file must be what the script makes."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "themes" / "default" / "_src" / "bundle_search.py"


def _bundler():
    spec = importlib.util.spec_from_file_location("bundle_search", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_search_js_is_what_the_sources_make():
    bundler = _bundler()
    shipped = bundler.TARGET.read_text(encoding="utf-8")
    assert shipped == bundler.bundle(), "static/search.js differs from _src/search: run bundle_search.py"
    assert bundler.main(["--check"]) == 0


def test_every_source_piece_is_bundled_once():
    bundler = _bundler()
    listed = [name for name, _job in bundler.ORDER]
    assert len(listed) == len(set(listed))
    assert sorted(listed) == sorted(p.name for p in bundler.SOURCES.glob("*.js"))


def test_check_fails_when_the_shipped_file_was_edited(tmp_path, monkeypatch):
    bundler = _bundler()
    edited = tmp_path / "search.js"
    edited.write_text(bundler.bundle() + "// edited by hand\n", encoding="utf-8")
    monkeypatch.setattr(bundler, "TARGET", edited)
    assert bundler.main(["--check"]) == 1
