"""Template errors: every template compiled once (check), and an error of Jinja or of a
template's expression located at its file and line and said in Vietnamese (jinjareasons.py
words Jinja's own messages). A mixin of render.Templates, which has the environment (env), the
template folders (dirs) and the site's configuration (config).
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import jinja2

from . import jinjareasons
from .errors import TemplateError, os_reason
from .themes import PROJECT_THEMES, outside_links, walk_errors


class TemplateErrors:
    """Checking templates and locating their errors (mixed into render.Templates)."""

    def check(self) -> list[TemplateError]:
        """Compile every template once, so syntax errors show even in unused ones; a template
        folder or file that cannot be read is an error, not a template quietly taken from the theme."""
        errors = outside_links(self.config)
        if errors:  # nothing is read through them
            return errors
        for folder in self.dirs:
            for exc in walk_errors(folder):
                errors.append(TemplateError(f"không đọc được thư mục mẫu: {os_reason(exc)}",
                                            self._display(exc.filename or str(folder))))
        names = sorted(set(self.env.list_templates()))
        errors += self._case_twins(names)
        for name in names:
            try:
                self.env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                errors.append(self._syntax(exc))
            except OSError as exc:
                errors.append(TemplateError(f"không đọc được tệp mẫu: {os_reason(exc)}",
                                            self._display(exc.filename or name), 1))
            except UnicodeDecodeError as exc:  # saved in another code page (Windows-1258, …)
                errors.append(self._not_utf8(name, exc))
        return errors

    def _case_twins(self, names: list[str]) -> list[TemplateError]:
        """A site's template named with other capitals than the theme's ("Article.html" for
        "article.html") replaced it on Windows and a Mac and was ignored on Linux, where sites are
        built and published, without a word. Said at the file, with the theme's name."""
        by_fold: dict[str, list[str]] = {}
        for name in names:
            by_fold.setdefault(name.casefold(), []).append(name)
        errors = []
        for spellings in by_fold.values():
            if len(spellings) < 2:
                continue
            themed = [n for n in spellings if any((d / n).is_file() for d in self.dirs[1:])]
            right = themed[0] if themed else spellings[0]
            for name in spellings:
                if name == right:
                    continue
                path = next((d / name for d in self.dirs if (d / name).is_file()), Path(name))
                errors.append(TemplateError(
                    f"tên mẫu “{name}” chỉ khác mẫu “{right}” ở chữ hoa, chữ thường: trên Windows, máy Mac mẫu này "
                    f"thay cho mẫu kia, trên máy chủ Linux thì không, nên trang dựng ở mỗi nơi sẽ khác nhau; hãy "
                    f"đổi tên tệp thành “{right}” (hoặc đặt một tên khác hẳn)", self._display(str(path)), 1))
        return errors

    def _not_utf8(self, name: str, exc: UnicodeDecodeError) -> TemplateError:
        """A template that is not UTF-8 (name, or one it uses): at the line of its first bad byte
        (Jinja's error names no file)."""
        for candidate in [name, *self.env.list_templates()]:
            for folder in self.dirs:  # the first folder that has it, as the loader does
                path = folder / candidate
                try:
                    raw = path.read_bytes()
                except OSError:
                    continue
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError as bad:
                    return TemplateError(f"tệp mẫu không phải UTF-8 hợp lệ: byte không đọc được ở vị trí {bad.start} "
                                         f"(0x{raw[bad.start]:02x}); hãy lưu lại tệp với mã hóa UTF-8",
                                         self._display(str(path)), raw.count(b"\n", 0, bad.start) + 1)
                break
        return TemplateError(f"tệp mẫu không phải UTF-8 hợp lệ: {exc.reason}; hãy lưu lại tệp với mã hóa UTF-8",
                             name, None)

    def _missing(self, missing: str, asts: dict[str, jinja2.nodes.Template]) -> TemplateError:
        """A template named by include/import/extends that no template folder has (a typo, an
        absolute path, a ../ name the loader refuses): at the line of the first tag naming it."""
        where: tuple[str, int | None] = ("?", None)
        for name, ast in asts.items():
            for node in ast.find_all((jinja2.nodes.Include, jinja2.nodes.Import, jinja2.nodes.FromImport,
                                      jinja2.nodes.Extends, jinja2.nodes.Const)):
                target = node.value if isinstance(node, jinja2.nodes.Const) else getattr(node.template, "value", None)
                if target == missing:
                    where = (self._display(self.env.loader.get_source(self.env, name)[1]), node.lineno)
                    break
            else:
                continue
            break
        return TemplateError(not_found(missing), *where)

    def _reason(self, exc: jinja2.TemplateError, runtime: bool = False) -> str:
        """Jinja's English message as what to fix, in Vietnamese (a typo'd filter: the nearest name)."""
        return jinjareasons.reason(exc.message or "", self.env.filters, self.env.tests, runtime=runtime)

    def _syntax(self, exc: jinja2.TemplateSyntaxError) -> TemplateError:
        # The lexer's Failure (an unclosed {# or {% raw %}) passes the file's path as the name
        path = exc.filename or exc.name
        opened = jinjareasons.opened_line(self.env, exc.source, exc.message or "") if exc.source else None
        text = jinjareasons.reason(exc.message or "", self.env.filters, self.env.tests, opened=opened is not None)
        return TemplateError(f"lỗi cú pháp mẫu: {text}", self._display(path), opened or exc.lineno)

    def _display(self, filename: str | None) -> str:
        if not filename:
            return "?"
        path = Path(filename)
        for root in (self.config.root, PROJECT_THEMES.parent):
            try:
                return path.resolve().relative_to(root).as_posix()
            except ValueError:
                continue
        return path.as_posix()

    def _locate(self, exc: BaseException, name: str, repeated: bool = False) -> tuple[str, int | None]:
        """The innermost template frame of the traceback: its file and line. repeated: the
        frame met most often instead (for a recursion, the tag that calls itself again)."""
        tb = exc.__traceback__ or sys.exc_info()[2]
        found: tuple[str, int | None] = (name, None)
        folders = [str(d) for d in self.dirs]
        seen: Counter = Counter()
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if any(filename.startswith(f) for f in folders):
                found = (filename, tb.tb_lineno)
                seen[found] += 1
            tb = tb.tb_next
        if repeated and seen:  # of the frames of the loop, the include that closes it if one does
            loop = [frame for frame, count in seen.most_common() if count * 2 > seen.most_common(1)[0][1]]
            found = next((frame for frame in loop if "include" in _source_line(*frame)), loop[0])
        return (self._display(found[0]), found[1]) if seen else found


def _source_line(filename: str, line: int | None) -> str:
    try:
        with open(filename, encoding="utf-8-sig") as source:
            return next((text for number, text in enumerate(source, 1) if number == line), "")
    except (OSError, UnicodeDecodeError):
        return ""


def not_found(name: str) -> str:
    return f"mẫu “{name}” không có trong thư mục mẫu (templates/ hay thư mục templates/ của giao diện); hãy sửa tên mẫu"


# What `{{ 1 / 0 }}`, `{{ "a" + 1 }}`, `{% for x in 5 %}`, `{{ x[9] }}` or `{{ "x" * 10**10 }}` raise:
# was a traceback and no file or line.
EXPRESSION_ERRORS = (ArithmeticError, TypeError, ValueError, LookupError, AttributeError, MemoryError)


def expression_reason(exc: BaseException) -> str:
    """An error of a template expression in plain Vietnamese."""
    if isinstance(exc, ZeroDivisionError):
        return "phép chia cho 0"
    if isinstance(exc, (MemoryError, OverflowError)):
        return "giá trị quá lớn (một phép nhân, lũy thừa hay range() tạo ra quá nhiều); hãy bớt"
    if isinstance(exc, TypeError):
        return ("phép tính hay lệnh dùng sai loại giá trị (ví dụ cộng chữ với số, lặp “for” qua một số, gọi một "
                "giá trị không phải hàm); hãy xem lại biểu thức ở dòng này")
    if isinstance(exc, LookupError):
        return "lấy một mục không có (chỉ số quá giới hạn của danh sách, hay khóa không có trong bảng)"
    return "biểu thức ở dòng này không tính được; hãy xem lại giá trị và phép tính dùng trong đó"


def undefined_reason(message: str) -> str:
    """Jinja's UndefinedError in plain Vietnamese, naming the variable or attribute."""
    match = re.match(r"'([^']+)' is undefined", message)
    if match:
        return f"mẫu dùng biến “{match.group(1)}” chưa được định nghĩa"
    match = re.match(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '([^']+)'", message)
    if match:
        return f"mẫu dùng thuộc tính “{match.group(2)}” mà {match.group(1)} không có"
    match = re.match(r"'?(?:[\w.]+\.)?(\w+) object'? has no element (.+)", message)
    if match:
        return f"mẫu lấy mục {match.group(2)} mà {match.group(1)} không có (chỉ số quá giới hạn)"
    return "mẫu dùng một biến, thuộc tính hay mục chưa được định nghĩa"
