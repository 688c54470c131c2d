"""The `_headers` file the build publishes for Netlify: every rule under the site's own path. The rules
were in netlify.toml, written for "/": a site under a sub-path (base_url "https://example.org/hoc-tap/")
had none of its admin/ rules (the editor's Content-Security-Policy, noindex), no sandbox on its photos
and no caching of its assets."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from conftest import NOW, ROOT, copy_project
from generator.build import build
from generator.hostheaders import headers_for


def read_headers_file(path: Path) -> list[tuple[str, dict[str, str]]]:
    """The rules of a Netlify _headers file: a line starting with "/" opens a rule, indented
    "Name: value" lines are its headers, "#" lines are comments."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            assert line.startswith("/"), line
            rules.append((line.strip(), {}))
            continue
        name, value = line.strip().split(":", 1)
        rules[-1][1][name.strip()] = value.strip()
    return rules


def built_under(tmp_path: Path, base_url: str, security: str = "", backend: str = "") -> Path:
    root = copy_project(tmp_path / "site")
    toml = root / "site.toml"
    text = re.sub(r'(?m)^base_url = .*$', f'base_url = "{base_url}"', toml.read_text(encoding="utf-8"))
    if backend:
        text, changed = re.subn(r'(?m)^backend = .*$', backend, text)
        assert changed == 1
    toml.write_text(text + security, encoding="utf-8")
    return build(root, output=str(tmp_path / "out"), now=NOW).output


def directives(csp: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())


def test_a_site_under_a_sub_path_gets_the_admin_and_image_headers_at_its_own_path(tmp_path: Path):
    out = built_under(tmp_path, "https://example.org/hoc-tap/")
    rules = read_headers_file(out / "_headers")
    admin = headers_for("/hoc-tap/admin/", rules)
    assert "'unsafe-eval'" in directives(admin["Content-Security-Policy"])["script-src"]
    assert admin["X-Robots-Tag"] == "noindex" and admin["X-Frame-Options"] == "DENY"
    assert headers_for("/hoc-tap/admin/config.yml", rules)["Content-Security-Policy"] == admin["Content-Security-Policy"]
    page = headers_for("/hoc-tap/bai-viet/a/", rules)
    assert directives(page["Content-Security-Policy"])["script-src"] == "'self'"
    assert "X-Robots-Tag" not in page and page["X-Content-Type-Options"] == "nosniff"
    assert headers_for("/hoc-tap/images/logo.svg", rules)["Content-Security-Policy"].startswith("sandbox;")
    style = next(p for p in (out / "assets").iterdir() if p.name.startswith("style."))
    assert headers_for(f"/hoc-tap/assets/{style.name}", rules)["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Cache-Control" not in headers_for("/hoc-tap/", rules)
    # The same rules for the paths without the prefix (the domain's /hoc-tap/ proxied to the Netlify site's
    # root), written first: for a path under /hoc-tap/ the base path's rules are the later ones.
    assert headers_for("/admin/", rules) == admin and headers_for("/bai-viet/a/", rules) == page
    assert [pattern for pattern, _ in rules] == ["/assets/*", "/images/*", "/*", "/images/*", "/admin/*",
                                                 "/hoc-tap/assets/*", "/hoc-tap/images/*", "/hoc-tap/*",
                                                 "/hoc-tap/images/*", "/hoc-tap/admin/*"]


def test_netlify_toml_has_no_header_rule_that_would_override_the_published_ones():
    """Netlify applies netlify.toml's rules after those of _headers: a "/*" rule there would give admin/ the
    public pages' policy."""
    assert "headers" not in tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))


def test_the_policy_allows_the_frames_the_site_allows(tmp_path: Path):
    """netlify.toml's policy named YouTube alone: a site allowing another player in [security] had its
    embedded videos refused by the browser on every page."""
    out = built_under(tmp_path, "https://lamtheobac.netlify.app/",
                      '\n[security]\niframe_hosts = ["player.vimeo.com", "www.youtube.com"]\n')
    rules = read_headers_file(out / "_headers")
    for path in ("/bai-viet/a/", "/admin/"):
        csp = directives(headers_for(path, rules)["Content-Security-Policy"])
        assert csp["frame-src"] == "https://player.vimeo.com https://www.youtube.com"


def test_the_editor_may_call_its_git_hosts_api(tmp_path: Path):
    """With [cms] backend = "github" the editor saves through api.github.com from the browser: a policy of
    connect-src 'self' refused every save (the guide told editors to add the host to netlify.toml, where
    no header rule may be now). Git Gateway goes through the site itself and adds nothing."""
    out = built_under(tmp_path / "gh", "https://lamtheobac.netlify.app/",
                      backend='backend = "github"\nrepo = "so-tt/lamtheobac"')
    rules = read_headers_file(out / "_headers")
    assert directives(headers_for("/admin/", rules)["Content-Security-Policy"])["connect-src"] == \
        "'self' blob: https://api.github.com"
    assert "api.github.com" not in headers_for("/bai-viet/a/", rules)["Content-Security-Policy"]
    out = built_under(tmp_path / "gw", "https://lamtheobac.netlify.app/")
    rules = read_headers_file(out / "_headers")
    assert directives(headers_for("/admin/", rules)["Content-Security-Policy"])["connect-src"] == "'self' blob:"
