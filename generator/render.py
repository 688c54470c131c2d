"""The Jinja environment: filters and globals (theme lookup and assets: themes.py; template errors
with their lines: templateerrors.py; the filters that are plain functions: filters.py; Jinja's
context and template classes made cheaper: jinjafast.py).

Rendering knows nothing of files on disk beyond finding templates and theme
assets: it turns a context into text; the writer decides where text goes.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from markupsafe import Markup

from . import __version__
from .config import SiteConfig
from .errors import TemplateError, os_reason
from .filters import date_vi, dateline, datetime_vi, iso, long_date, pluck, whole, whole_text
from .images import size_attributes, with_sizes
from .jinjafast import FastContext, FastTemplate
from .pages import Links
from .summaries import shorten
from .templatebounds import COMPILER_VERSION, BoundedEnvironment
from .templateerrors import EXPRESSION_ERRORS, TemplateErrors, expression_reason, not_found, undefined_reason
from .templatechecks import PASSING, check_hashed
from .themes import Asset, template_dirs
from .vietnamese import stacked_capital, weekday

# JSON-LD's encoder, made once: json.dumps with options makes one per call (~1/3 of its time on an
# article page). No spaces: bytes of every article.
_JSONLD = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))
CARD_TEMPLATE = "_card.html"


@dataclass(frozen=True)
class TemplateFunction:
    """A function templates may call, declared with what its results depend on besides the
    config, the assets and the templates (which every page signature covers already):
    `reads` is digested into the signature of every page that names the function, so a
    page is rendered again when what the function reads changes."""
    func: Any
    reads: Any = ()


_OPTIONS = {"trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}  # compile-time
_AUTOESCAPE = ["html", "xml"]


def bytecode_folder(bytecode_dir: Path) -> Path:
    """Where Templates(bytecode_dir=...) keeps compiled templates (one folder per version and
    compile-time options: Jinja checks each file against its template's source)."""
    settings = repr((__version__, jinja2.__version__, _OPTIONS, _AUTOESCAPE, BoundedEnvironment.__name__,
                     COMPILER_VERSION))
    return bytecode_dir / f"jinja-{hashlib.sha256(settings.encode()).hexdigest()[:12]}"


def compile_ahead(config: SiteConfig, bytecode_dir: Path) -> None:
    """Every template compiled into the bytecode folder, and what each one uses found, for a
    Templates made later with the same bytecode_dir (in another process: build.py's cold builds).
    What cannot be compiled or read is left for that Templates' check(), which reports it."""
    templates = Templates(config, {}, {}, bytecode_dir=bytecode_dir)
    if not templates.check():
        for name in templates.env.list_templates():
            templates._read_template(name)


def _write_atomic(path: Path, text: str) -> None:
    """text as the whole of path, or path untouched: a reader never meets half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:  # a cache that cannot be written only costs the parse again next build
        tmp.unlink(missing_ok=True)


class Templates(TemplateErrors):
    """A Jinja environment bound to one site's config and assets."""

    def __init__(self, config: SiteConfig, assets: dict[str, Asset], data: dict[str, Any],
                 functions: dict[str, TemplateFunction] | None = None, bytecode_dir: Path | None = None):
        """data: values templates read (their content is part of page signatures); functions:
        declared with what they read (TemplateFunction). A plain callable in `data` is refused:
        its results could change while its signature would not. bytecode_dir: where compiled
        templates are kept between builds (Jinja checks each against its source)."""
        undeclared = sorted(name for name, value in data.items() if callable(value))
        if undeclared:
            raise TypeError(f"template globals {undeclared} are functions: declare what they read "
                            "with TemplateFunction")
        self.config = config
        self.dirs = template_dirs(config)
        cache = None
        if bytecode_dir is not None:
            folder = bytecode_folder(bytecode_dir)
            folder.mkdir(parents=True, exist_ok=True)
            cache = jinja2.FileSystemBytecodeCache(str(folder))
        self._bytecode = folder if bytecode_dir is not None else None
        self.env = BoundedEnvironment(
            loader=jinja2.FileSystemLoader([str(d) for d in self.dirs]),
            autoescape=jinja2.select_autoescape(_AUTOESCAPE, default_for_string=True),
            undefined=jinja2.StrictUndefined,
            bytecode_cache=cache,
            auto_reload=False,  # one environment per build: no stat of the template file per page
            **_OPTIONS,
        )
        self.env.context_class = FastContext
        self.env.template_class = FastTemplate
        self.assets = assets
        self._deps: dict[str, tuple[str, frozenset[str]]] = {}
        self._parsed: dict[str, tuple] = {}  # _read_template's, by template name
        self.env.filters.update(
            date_vi=date_vi, dateline=dateline, datetime_vi=datetime_vi, long_date=long_date,
            weekday=weekday, iso=iso, jsonld=self._jsonld,
            shorten=lambda text, limit=None: shorten(text, limit or config.summary_length),
            sized=with_sizes, size_attrs=size_attributes,  # image sizes: the global image_sizes
            pluck=pluck, whole=whole, whole_text=whole_text,
        )
        self.env.count_filters(("pluck",))
        # jsonld encodes what it gets (weighed first); whole, whole_text and size_attrs weigh what is no text themselves
        self.env.show_filters(("jsonld",))
        self.env.tests["stacked_capital"] = stacked_capital  # headlines whose marks need more line height
        functions = functions or {}
        self.data, self.functions = data, functions
        self.env.globals.update(data, **{name: f.func for name, f in functions.items()})
        # Templates' own functions depend only on the config, assets and templates; section() also
        # on the menu (declared below).
        own = dict(asset=self.asset, url=self.url, abs_url=self.abs_url, article_card=self.article_card,
                   cards=self.cards,
                   partial=self.partial, href=Links(config, prefix=config.base_path), section=self.section)
        self.env.globals.update(own)
        self.env.globals.setdefault("scheduled_slugs", frozenset())  # articles still to come (make_templates)
        if "latest" in data:  # so that a page can tell cheaply whether it is one of them
            self.env.globals["latest_slugs"] = frozenset(a.slug for a in data["latest"])
        # What each function's part of a signature is made of; kept (not made per call) because
        # signatures memoize digests by object identity.
        self._inputs: dict[str, Any] = {**{name: ("function", name, f.reads) for name, f in functions.items()},
                                        **{name: ("builtin", name) for name in own},
                                        "section": ("builtin", "section", data.get("menu", ()))}
        self._cards: dict[tuple, tuple[Any, Markup]] = {}
        self._partials: dict[tuple, Markup] = {}
        self._sections: list[str] | None = None
        self._article_prefix = config.urls.article.partition("{")[0] or "\0"
        self._loaded: dict[str, jinja2.Template] = {}
        self._rendering = False  # inside a render(): a card or partial of the page being rendered

    def article_card(self, article, heading: str = "h2", look: str = "list", first=()) -> Markup:
        """An article's card (_card.html) in one of the theme's looks ("list", "lead", "feature",
        "compact"), rendered once per build however many lists show it. Cached by the article
        object, held with its card so that its id stays its own. `first`: the provinces of the
        page showing the card (a province's, a 2025 unit's), named first among the article's; a
        card that names them in another order is rendered once more for that page."""
        provinces = article.provinces
        key = (id(article), heading, look)
        if first and len(provinces) > 1:
            ahead = frozenset(p.slug for p in first)
            lead = [p for p in provinces if p.slug in ahead]
            if lead and [p.slug for p in provinces[:len(lead)]] != [p.slug for p in lead]:
                provinces = (*lead, *(p for p in provinces if p.slug not in ahead))
                key += tuple(p.slug for p in lead)
        found = self._cards.get(key)
        if found is None:
            card = Markup(self.render(CARD_TEMPLATE, a=article, heading=heading, look=look, provinces=provinces))
            found = self._cards[key] = (article, card)
        return found[1]

    def cards(self, articles, heading: str = "h2", look: str = "list", first=()) -> Markup:
        """The cards of a list of articles, one after the other: what a template's
        `{% for a in articles %}{{ article_card(a, heading, look) }}{% endfor %}` gives, in one
        call instead of a Jinja call per card (~2 us each, twenty on a list page)."""
        card = self.article_card
        self.env.charge(articles)
        return str.__new__(Markup, "".join([card(a, heading, look, first) for a in articles]))

    def partial(self, name: str, **values: Any) -> Markup:
        """A template that uses only globals and the few hashable values given (header, footer,
        sidebar), rendered once per build and set of values."""
        key = (name, *values.items()) if values else name  # a call site passes its values in one order
        if type(name) is not str or values and not PASSING.issuperset(map(type, values.values())):
            check_hashed("partial()", key)  # a template's tuple of tuples: its hash goes through every copy
        text = self._partials.get(key)
        if text is None:
            text = Markup(self.render(name, **values).rstrip("\n"))
            self._partials[key] = text
        return text

    def global_input(self, name: str) -> Any:
        """What a global's part of a page signature is made of: a value's content, a declared
        function's `reads`, or (for the functions defined here, which depend only on the config,
        assets and templates, all in every signature) just its name."""
        return self._inputs.get(name, self.env.globals[name])

    def section(self, page_url: str) -> tuple[str, bool] | None:
        """The menu entry a page belongs to, as (its site path, whether the page is that entry's
        own page): the home page and its numbered pages, the indexes of provinces (with the 2025
        units), directives, topics and years with their pages, search, menu pages. None for an article."""
        if type(page_url) is not str:  # a template's tuple of tuples: its hash goes through every copy
            check_hashed("section()", page_url)
        sections = self._sections
        if sections is None:
            urls = self.config.urls
            link = Links(self.config)
            menu = self.env.globals.get("menu", ())
            sections = [urls.provinces, urls.directives, urls.tags, urls.years, urls.search]
            sections += [link(p) for p in menu]
            sections = self._sections = sorted({s for s in sections if s}, key=len, reverse=True)
        if page_url == "":
            return ("", True)
        if page_url.startswith(self._article_prefix):  # most pages: articles belong to no section
            return None
        units = self.config.urls.units
        if units and page_url.startswith(units):  # the 2025 units are the provinces' other index
            return (self.config.urls.provinces, False)
        for path in sections:
            if page_url == path:
                return (path, True)
            if page_url.startswith(path):
                return (path, False)
        home = self.config.urls.home_page.partition("{")[0]
        if home and page_url.startswith(home):
            return ("", False)
        return None


    def url(self, path: str = "") -> str:
        """A site path ("tinh/lao-cai/") as a link under the base path."""
        return self.config.base_path + path.lstrip("/")

    def abs_url(self, path: str = "") -> str:
        base = self.config.base_url if self.config.base_url.endswith("/") else self.config.base_url + "/"
        return base + path.lstrip("/")

    def asset(self, name: str, absolute: bool = False) -> str:
        """A theme static file's fingerprinted address; absolute: with scheme and host (og:image)."""
        if type(name) is not str:  # a template's tuple of tuples: its hash goes through every copy
            check_hashed("asset()", name)
        if name not in self.assets:
            raise jinja2.TemplateRuntimeError(f"giao diện không có tệp tĩnh “{name}”")
        output = self.assets[name].output
        return self.abs_url(output) if absolute else self.url(output)

    @staticmethod
    def _jsonld(value: Any) -> jinja2.utils.markupsafe.Markup:
        """JSON for a <script type="application/ld+json"> block: '<' can't close it."""
        text = _JSONLD.encode(value)
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return jinja2.utils.markupsafe.Markup(text)

    def dependencies(self, name: str) -> tuple[str, frozenset[str]]:
        """(digest of the template's source and every template it uses, the globals they name).

        A page is rendered again only when one of these, or its own context, changed.
        """
        if name in self._deps:
            return self._deps[name]
        sources: dict[str, str] = {}
        names: set[str] = set()
        pending = [name]
        while pending:
            current = pending.pop()
            if current in sources:
                continue
            try:
                found = self._read_template(current)
            except jinja2.TemplateNotFound:
                if current == name:
                    raise
                raise self._missing(current, {t: self._tree(t) for t in sources}) from None
            sources[current], loaded, uses = found
            names |= loaded
            pending += [t for t in self.env.list_templates() if t not in sources] if uses is None else uses
        h = hashlib.sha256()
        for key in sorted(sources):
            h.update(key.encode() + b"\0" + sources[key].encode() + b"\0")
        used = frozenset(n for n in names if n in self.env.globals)
        self._deps[name] = (h.hexdigest()[:16], used)
        return self._deps[name]

    def _tree(self, name: str) -> jinja2.nodes.Template:
        source, filename, _ = self.env.loader.get_source(self.env, name)
        return self.env.parse(source, name, filename)

    def _read_template(self, name: str) -> tuple[str, frozenset[str], list[str] | None]:
        """(source, names it loads, templates it uses; None: any template) of one template, found
        once however many pages' templates include it (base.html: every one). Parsing is most of
        its cost (~0.1 s for the theme, in every build): what a source gives is kept beside the
        compiled templates, by the source's digest (compile_ahead finds it for a cold build)."""
        found = self._parsed.get(name)
        if found is None:
            source, filename, _ = self.env.loader.get_source(self.env, name)
            kept = self._uses_file(source)
            try:
                loaded, uses = json.loads(kept.read_text(encoding="utf-8")) if kept is not None else (None, None)
            except (OSError, ValueError):  # not kept yet, or a damaged file: parsed again
                loaded = None
            if not isinstance(loaded, list) or not (uses is None or isinstance(uses, list)):
                loaded, uses = self._uses(self.env.parse(source, name, filename))
                if kept is not None:
                    _write_atomic(kept, json.dumps([sorted(loaded), uses]))
            found = self._parsed[name] = (source, frozenset(loaded), uses)
        return found

    def _uses_file(self, source: str) -> Path | None:
        if self._bytecode is None:
            return None
        return self._bytecode / f"uses-{hashlib.sha256(source.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}.json"

    @staticmethod
    def _uses(ast: jinja2.nodes.Template) -> tuple[frozenset[str], list[str] | None]:
        """(every name loaded anywhere, the templates used; None: any). meta.find_undeclared_variables
        misses names used only inside the blocks of a child template; locals that shadow a global
        only make the signature stricter."""
        loaded = frozenset(node.name for node in ast.find_all(jinja2.nodes.Name) if node.ctx == "load")
        uses: list[str] | None = []
        for call in ast.find_all(jinja2.nodes.Call):  # globals that render templates themselves
            callee = call.node.name if isinstance(call.node, jinja2.nodes.Name) else None
            if callee in ("article_card", "cards"):
                uses.append(CARD_TEMPLATE)
            elif callee == "partial":
                if not (call.args and isinstance(call.args[0], jinja2.nodes.Const)):
                    return loaded, None
                uses.append(call.args[0].value)
        for ref in meta.find_referenced_templates(ast):
            if ref is None:  # a computed template name: it may use any template
                return loaded, None
            uses.append(ref)
        return loaded, uses

    def render(self, name: str, **context: Any) -> str:
        outermost = not self._rendering
        if outermost:  # a page: its range() calls and loops counted from nothing (not its cards and partials)
            self.env.start_page()
        self._rendering = True
        try:
            template = self._loaded.get(name)
            if template is None:
                template = self._loaded[name] = self.env.get_template(name)
            return template.render(**context)
        except jinja2.TemplateSyntaxError as exc:
            raise self._syntax(exc) from None
        except jinja2.TemplateNotFound as exc:  # an OSError too: an include of a missing, absolute or ../ name
            path, line = self._locate(exc, name)
            raise TemplateError(not_found(exc.name), path, line) from None
        except RecursionError as exc:  # a template including itself, a macro calling itself: no end
            path, line = self._locate(exc, name, repeated=True)
            raise TemplateError("mẫu gọi lại chính nó không dừng (một mẫu include chính nó, hay một macro tự gọi "
                                "mình mãi); hãy bỏ vòng lặp đó", path, line) from None
        except OSError as exc:  # a template that became unreadable since check()
            raise TemplateError(f"không đọc được tệp mẫu: {os_reason(exc)}", self._display(exc.filename or name),
                                1) from None
        except UnicodeDecodeError as exc:  # a template saved again, in another code page, since check()
            raise self._not_utf8(name, exc) from None
        except jinja2.UndefinedError as exc:
            path, line = self._locate(exc, name)
            raise TemplateError(undefined_reason(exc.message or ""), path, line) from None
        except jinja2.TemplateError as exc:
            path, line = self._locate(exc, name)
            raise TemplateError(f"lỗi khi dựng mẫu: {self._reason(exc, runtime=True)}", path, line) from None
        except EXPRESSION_ERRORS as exc:  # an expression of the template that Python cannot evaluate
            path, line = self._locate(exc, name)
            raise TemplateError(f"lỗi khi dựng mẫu: {expression_reason(exc)}", path, line) from None
        finally:
            if outermost:
                self._rendering = False
