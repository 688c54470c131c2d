"""The CMS page's script (generator/cms/static/lamtheobac-cms.js) is made of its sources in
generator/cms/static/src/ by tools/bundle_cms_js.py: the shipped file must be what the script makes."""
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "bundle_cms_js.py"


def _tool():
    spec = importlib.util.spec_from_file_location("bundle_cms_js", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shipped_script_is_what_its_sources_make():
    tool = _tool()
    shipped = (ROOT / "generator" / "cms" / "static" / "lamtheobac-cms.js").read_text(encoding="utf-8")
    assert shipped == tool.bundle(), "run python3 tools/bundle_cms_js.py after editing generator/cms/static/src/"


def test_bundle_names_its_sources_in_order(tmp_path):
    (tmp_path / "02-b.js").write_text("  var b = 2;\n", encoding="utf-8")
    (tmp_path / "01-a.js").write_text("(function () {", encoding="utf-8")  # no final newline: one is added
    made = _tool().bundle(tmp_path)
    assert made == (_tool().HEADER + "// ---- src/01-a.js ----\n(function () {\n"
                    "// ---- src/02-b.js ----\n  var b = 2;\n")


def test_check_mode_reports_a_stale_file():
    done = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (0, "")
