"""The `_headers` file the build publishes at the root of the output: the HTTP headers Netlify sends
with the site's files (caching, Content-Security-Policy and the other security headers), each rule
written for the site's own path. They were in netlify.toml, written for "/": a site published under
a sub-path (base_url "https://example.org/hoc-tap/") got the public pages' strict policy on its
/hoc-tap/admin/ (the editor did not start: it needs 'unsafe-eval'), and its photos were not
sandboxed nor its assets cached. netlify.toml's rules also come after those of `_headers` for Netlify
(netlify/build headers-parser merge: file rules first), so none may stay there: a later rule's value
of a header is the one sent for a path that several match.
"""
from __future__ import annotations

from .config import SiteConfig

HEADERS = "_headers"  # Netlify's file of header rules, at the root of the published folder

_PUBLIC_CSP = ("default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; "
               "frame-src {frames}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'")
# Files of content/images are published as they are: an SVG (or an .html) there may carry script, and
# script-src 'self' would still run a script file of the site (an SVG loading images/x.js) on the origin
# where admin/ keeps the editor's login. Served sandboxed: no script runs.
_IMAGES_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'"
# The editing interface (Decap CMS, published when site.toml has [cms]) needs more than the public pages
# allow: 'unsafe-eval' (it compiles its config schema with new Function), inline styles (CSS-in-JS),
# blob: for uploads and their previews. No CDN: every script is in admin/ itself.
_ADMIN_CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
              "img-src 'self' https: data: blob:; connect-src 'self' blob:{apis}; frame-src {frames}; object-src 'none'; "
              "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
# Where the editor talks to its git host from the browser ([cms] backend): git-gateway goes through the
# site's own /.netlify/git, the others to their host's API (without it every save is refused by the policy).
BACKEND_APIS = {"git-gateway": (), "github": ("https://api.github.com",), "gitlab": ("https://gitlab.com",)}


def header_rules(base_path: str = "/", iframe_hosts: tuple[str, ...] = (),
                 apis: tuple[str, ...] = ()) -> list[tuple[str, dict[str, str]]]:
    """(path pattern, headers) in Netlify's order: for a path several patterns match, the later rule's
    value of a header is the one sent. base_path: "/" or "/hoc-tap/"; iframe_hosts: the hosts a body may
    embed (site.toml [security]), the only frames the pages' policy allows; apis: the addresses admin/ may
    call besides its own site (BACKEND_APIS).

    Under a sub-path the rules are written twice, for "/" and then for the base path: Netlify sees the
    site's paths with the prefix when the output is published under it (as _redirects has them), and
    without it when the domain's /hoc-tap/ is proxied to the Netlify site's root. The base path's rules
    come last, so for /hoc-tap/admin/… they are the ones sent."""
    frames = " ".join(f"https://{host}" for host in iframe_hosts) or "'none'"
    apis = "".join(f" {api}" for api in apis)
    rules = _rules("/", frames, apis)
    return rules if base_path == "/" else rules + _rules(base_path, frames, apis)


def _rules(base_path: str, frames: str, apis: str) -> list[tuple[str, dict[str, str]]]:
    return [
        # Fingerprinted assets never change under one name: cached for a year.
        (base_path + "assets/*", {"Cache-Control": "public, max-age=31536000, immutable"}),
        (base_path + "images/*", {"Cache-Control": "public, max-age=604800"}),
        # HTML, feeds and the sitemap keep Netlify's default "max-age=0, must-revalidate" (a Cache-Control
        # here would replace the assets' one). Security headers for all:
        (base_path + "*", {"Content-Security-Policy": _PUBLIC_CSP.format(frames=frames),
                           "X-Content-Type-Options": "nosniff",
                           "Referrer-Policy": "strict-origin-when-cross-origin",
                           "X-Frame-Options": "SAMEORIGIN",
                           "Permissions-Policy": "camera=(), microphone=(), geolocation=()"}),
        (base_path + "images/*", {"Content-Security-Policy": _IMAGES_CSP}),
        (base_path + "admin/*", {"Content-Security-Policy": _ADMIN_CSP.format(frames=frames, apis=apis),
                                 "X-Robots-Tag": "noindex",
                                 "X-Frame-Options": "DENY"}),
    ]


def headers_for(path: str, rules: list[tuple[str, dict[str, str]]]) -> dict[str, str]:
    """The headers Netlify sends for path ("/hoc-tap/admin/"): every rule whose pattern matches, in order,
    a later value of a header replacing an earlier one (netlify-cli headersForPath). A pattern's "*"
    matches the rest of the path, and "/x/*" matches "/x" too."""
    out: dict[str, str] = {}
    for pattern, values in rules:
        if pattern.endswith("*"):
            stem = pattern[:-1]
            matched = path.startswith(stem) or path == stem.rstrip("/")
        else:
            matched = path == pattern
        if matched:
            out.update(values)
    return out


def headers_file(config: SiteConfig) -> bytes:
    """The `_headers` file of the site's rules, for its base path."""
    lines = ["# Tiêu đề HTTP cho Netlify (bộ nhớ đệm, chính sách bảo mật), do lamtheobac sinh ra theo "
             "địa chỉ của trang (base_url)."]
    apis = BACKEND_APIS.get(config.cms.backend, ()) if config.cms is not None else ()
    for pattern, values in header_rules(config.base_path, config.security.iframe_hosts, apis):
        lines.append(pattern)
        lines.extend(f"  {name}: {value}" for name, value in values.items())
    return ("\n".join(lines) + "\n").encode("utf-8")
