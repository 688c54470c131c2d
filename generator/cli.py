"""The `lamtheobac` command: build, serve, new, import, check.

Errors are printed once each, as `path:line: message`, and the exit status is 1.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import NoReturn

from .errors import BuildFailed, SiteError
from .runtime import Runtime, log_timings_to_stderr


def _print_errors(errors: list[SiteError], published: str | None) -> None:
    for error in errors:
        print(str(error).replace("\n", " "), file=sys.stderr)
    count = len(errors)
    print(f"Không dựng được trang: {count} lỗi. {published or 'Trang đã xuất bản trước đó vẫn giữ nguyên.'}",
          file=sys.stderr)


_ROOT_HELP = "thư mục dự án (chứa site.toml), mặc định: thư mục hiện tại"


def _site_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", default=".", metavar="THƯ_MỤC", help=_ROOT_HELP)
    parser.add_argument("--base-url", metavar="ĐỊA_CHỈ",
                        help="địa chỉ gốc của trang, ghi đè base_url trong site.toml")
    parser.add_argument("--output", metavar="THƯ_MỤC",
                        help="thư mục ghi trang đã dựng, thay cho output_dir trong site.toml "
                             "(mặc định output/)")
    parser.add_argument("--drafts", action="store_true", default=None, help="dựng cả bài nháp")
    parser.add_argument("--future", action="store_true", default=None, help="dựng cả bài hẹn giờ đăng")


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build

    build(Path(args.root), output=args.output, base_url=args.base_url, drafts=args.drafts,
          future=args.future, log=(lambda _: None) if args.quiet else print, runtime=args.runtime)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .config import load_config
    from .importer import import_command
    from .sources import articles_folder_refused
    from .taxonomy import load_registries

    try:
        config = load_config(Path(args.root))
        registries = load_registries(config.path(config.data_dir), config.root)
    except (BuildFailed, SiteError) as exc:  # was "Không dựng được trang … đã xuất bản": import builds nothing
        for error in getattr(exc, "errors", [exc]):
            print(str(error).replace("\n", " "), file=sys.stderr)
        print("Chưa nhập bài nào.", file=sys.stderr)
        return 1
    out = Path(args.out) if args.out else config.path(config.content_dir) / "articles"
    refused = [] if args.out else articles_folder_refused(config)
    if refused:  # the build would not read what is written there
        for error in refused:
            print(error, file=sys.stderr)
        print("Chưa nhập bài nào.", file=sys.stderr)
        return 1
    status = import_command([Path(p) for p in args.paths], out, dry_run=args.dry_run, force=args.force,
                            images_prefix=args.images_prefix, registries=registries, stdout=sys.stdout,
                            report=args.report or sys.stdout.isatty(), images_dir=config.path(config.images_dir))
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `import ... | head`: the reader left; what was written stays written
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return status


def cmd_serve(args: argparse.Namespace) -> int:
    import errno

    from .server import PreviewServer

    if args.cms:
        from .cms.local import check_serve
        problems = check_serve(Path(args.root), args.host)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            return 1
    server = PreviewServer(Path(args.root), host=args.host, port=args.port, drafts=not args.no_drafts, cms=args.cms)
    try:
        server.listen()
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            print(f"Cổng {args.port} đang được chương trình khác dùng. Hãy chọn cổng khác, "
                  f"ví dụ: lamtheobac serve --port {args.port + 1}", file=sys.stderr)
        else:
            print(f"Không mở được máy chủ xem trước ở {args.host}:{args.port}: {exc.strerror or exc}. "
                  "Hãy thử --host 127.0.0.1 hoặc một cổng khác (--port).", file=sys.stderr)
        return 1
    if args.cms:
        print(f"Giao diện biên tập: {server.base_url}admin/ (chỉ mở được trên máy này)")
    return server.run()


def cmd_new(args: argparse.Namespace) -> int:
    from .newarticle import new_article

    try:
        path, notes = new_article(Path(args.root), args.title, args.province, args.directive, args.tag)
    except (BuildFailed, SiteError) as exc:
        for error in getattr(exc, "errors", [exc]):
            print(error, file=sys.stderr)
        print("Chưa tạo bài viết nào.", file=sys.stderr)
        return 1
    for note in notes:
        print(note, file=sys.stderr)
    root = Path(args.root).resolve()
    print(path.relative_to(root).as_posix() if path.is_relative_to(root) else path)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .check import run_check

    result = run_check(Path(args.root), base_url=args.base_url, drafts=args.drafts, future=args.future)
    for problem in result.errors + result.warnings:
        print(problem, file=sys.stderr)
    warned = f", {len(result.warnings)} cảnh báo" if result.warnings else ""
    if result.errors:
        print(f"Kiểm tra thấy {len(result.errors)} lỗi{warned}.", file=sys.stderr)
        return 1
    print(f"Kiểm tra xong: {result.articles} bài viết, {result.files} tệp; không có lỗi{warned}.")
    return 0


# argparse's own words (usage, headings, its errors), which it looks up through gettext's `_` at
# the time it prints them: given in Vietnamese, like every other message of the command.
_ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có %(value)r (chọn một trong: %(choices)s)",
    "the following arguments are required: %s": "thiếu %s",
    "unrecognized arguments: %s": "không hiểu %s (xem các tùy chọn bằng -h)",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected at most one argument": "nhận nhiều nhất một giá trị",
    "ignored explicit argument %r": "không nhận giá trị %r",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ (cần kiểu %(type)s)",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ: có thể là %(matches)s",
    "not allowed with argument %s": "không dùng được cùng %s",
    "one of the arguments %s is required": "cần một trong các tùy chọn %s",
    "can't open '%(filename)s': %(error)s": "không mở được “%(filename)s”: %(error)s",
}


def _vietnamese(message: str) -> str:
    return _ARGPARSE_VI.get(message, message)


def _vietnamese_plural(singular: str, plural: str, n: int) -> str:
    return "cần %s giá trị" if singular == "expected %s argument" else (singular if n == 1 else plural)


class _Parser(argparse.ArgumentParser):
    """`lamtheobac new -rf` said only that the title was missing: argparse takes a word starting
    with “-” for an option. When a required value is missing and such words were given, the
    message says how to give them as values."""

    def parse_known_args(self, args=None, namespace=None):
        self._given = list(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        known = {flag for action in self._actions for flag in action.option_strings}
        dashed = [word for word in getattr(self, "_given", ()) if word.startswith("-") and word != "--"
                  and word.split("=", 1)[0] not in known]
        if dashed and message.startswith(_vietnamese("the following arguments are required: %s") % ""):
            message += (f" (“{dashed[0]}” bắt đầu bằng “-” nên bị coi là một tùy chọn; muốn dùng nó làm giá trị, "
                        f"hãy viết sau “--”: {self.prog} -- {dashed[0]})")
        super().error(message)


def _port(text: str) -> int:
    """--port 99999 served on port 34463 (the number wrapped round) while saying nothing, and
    --port abc answered “cần kiểu int”: a port is a number up to 65535 (0 for any free one)."""
    value = text.strip()
    if value.isascii() and value.isdigit() and int(value) <= 65535:
        return int(value)
    raise argparse.ArgumentTypeError(f"cổng phải là một số từ 1 đến 65535 (ví dụ --port 8001), không phải “{text}”")


def parser() -> argparse.ArgumentParser:
    argparse._ = _vietnamese  # type: ignore[attr-defined]
    argparse.ngettext = _vietnamese_plural  # type: ignore[attr-defined]
    main = _Parser(prog="lamtheobac", description="Dựng cổng tin “Học tập và làm theo Bác”.")
    sub = main.add_subparsers(dest="command", required=True, metavar="LỆNH")

    build = sub.add_parser("build", help="dựng trang vào thư mục output/")
    _site_options(build)
    build.add_argument("-q", "--quiet", action="store_true", help="không in gì khi thành công")
    build.set_defaults(run=cmd_build)

    imp = sub.add_parser("import", help="chuyển bài thô (.txt, .html, .mhtml) thành bài Markdown")
    imp.add_argument("paths", nargs="+", metavar="ĐƯỜNG_DẪN")
    imp.add_argument("--root", default=".", metavar="THƯ_MỤC", help=_ROOT_HELP)
    imp.add_argument("--out", metavar="THƯ_MỤC", help="thư mục ghi bài, mặc định content/articles")
    imp.add_argument("--dry-run", action="store_true", help="chỉ in kết quả, không ghi tệp")
    imp.add_argument("--force", action="store_true", help="ghi đè bài đã có")
    imp.add_argument("--images-prefix", default="/images/", metavar="ĐƯỜNG_DẪN",
                     help="đường dẫn ảnh trong bài, mặc định /images/")
    imp.add_argument("--report", action="store_true",
                     help="in bảng các trường tìm được kèm số dòng, độ tin cậy và các dòng đã bỏ "
                          "(luôn in khi chạy trên cửa sổ lệnh)")
    imp.set_defaults(run=cmd_import)

    serve = sub.add_parser("serve", help="xem trước trang, tự dựng lại và tải lại khi lưu tệp")
    serve.add_argument("--root", default=".", metavar="THƯ_MỤC", help=_ROOT_HELP)
    serve.add_argument("--host", default="127.0.0.1", metavar="ĐỊA_CHỈ",
                       help="địa chỉ mở máy chủ, mặc định 127.0.0.1 (chỉ máy này)")
    serve.add_argument("--port", type=_port, default=8000, metavar="CỔNG", help="cổng, mặc định 8000")
    serve.add_argument("--no-drafts", action="store_true", help="không hiện bài nháp và bài hẹn giờ đăng")
    serve.add_argument("--cms", action="store_true",
                       help="mở cả giao diện biên tập bài (Decap CMS) tại /admin/, ghi thẳng vào content/")
    serve.set_defaults(run=cmd_serve)

    new = sub.add_parser("new", help="tạo bài viết mới trong content/articles/")
    new.add_argument("title", metavar="TIÊU_ĐỀ")
    new.add_argument("--root", default=".", metavar="THƯ_MỤC", help=_ROOT_HELP)
    new.add_argument("--province", action="append", default=[], metavar="TỈNH", help="tỉnh, thành phố (lặp lại được)")
    new.add_argument("--directive", action="append", default=[], metavar="VĂN_BẢN",
                     help="văn bản chỉ đạo, ví dụ 05-CT/TW (lặp lại được)")
    new.add_argument("--tag", action="append", default=[], metavar="CHỦ_ĐỀ", help="chủ đề (lặp lại được)")
    new.set_defaults(run=cmd_new)

    check = sub.add_parser("check", help="kiểm tra nội dung, mẫu và liên kết mà không ghi trang")
    check.add_argument("--root", default=".", metavar="THƯ_MỤC", help=_ROOT_HELP)
    check.add_argument("--base-url", metavar="ĐỊA_CHỈ", help="địa chỉ gốc của trang, ghi đè base_url trong site.toml")
    check.add_argument("--drafts", action="store_true", default=None, help="kiểm tra cả bài nháp")
    check.add_argument("--future", action="store_true", default=None, help="kiểm tra cả bài hẹn giờ đăng")
    check.set_defaults(run=cmd_check)
    return main


def _interrupted(pid: int):
    """Ctrl-C reaches every process of the terminal's group: the build's forked workers too, which
    printed a traceback each before the main process said “Đã dừng.” (and, killed holding the
    pool's queue lock, could leave a new worker waiting on it for ever). A forked process lets
    the signal pass and has nothing more to say (a result sent to the stopped pool fails): the
    main process stops, and stopping the pool ends its workers."""
    def handler(signum, frame):
        if os.getpid() != pid:
            quiet = os.open(os.devnull, os.O_WRONLY)
            os.dup2(quiet, 2)
            os.close(quiet)
            return
        raise KeyboardInterrupt
    return handler


def _check_root(args: argparse.Namespace) -> None:
    """--root must be a project folder: a mistyped one (--root /srv/lamtheobc) was made, with a
    .cache inside, and the message spoke of a missing content folder; a file (--root site.toml)
    was a traceback. `new` and `import` may start a project in an empty folder; the others need one."""
    root = getattr(args, "root", None)
    if root is None:
        return
    path = Path(root)
    if not path.exists():
        raise SiteError(f"không có thư mục dự án “{root}”; hãy kiểm tra lại --root (thư mục chứa site.toml)")
    if not path.is_dir():
        raise SiteError(f"--root “{root}” là một tệp, không phải thư mục; hãy chỉ thư mục dự án (thư mục chứa "
                        f"site.toml), ví dụ --root {path.parent.as_posix() or '.'}")
    if args.run not in (cmd_new, cmd_import) and not (path / "site.toml").exists() and not (path / "content").exists():
        raise SiteError(f"thư mục “{root}” không có site.toml hay thư mục content/: đây không phải thư mục dự án; "
                        f"hãy chạy lệnh trong thư mục dự án, hoặc chỉ nó bằng --root")


def main(argv: list[str] | None = None, runtime: Runtime | None = None) -> int:
    """The command; `runtime`: how this process runs builds (see run)."""
    args = parser().parse_args(argv)
    args.runtime = runtime or Runtime()
    log_timings_to_stderr()
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupted(os.getpid()))
    try:
        try:
            _check_root(args)
        except SiteError as exc:
            # Nothing was read or built: "Không dựng được trang … Trang đã xuất bản trước đó vẫn giữ
            # nguyên" spoke of a build and a published site that `check`, `new` or a wrong folder never had.
            print(str(exc), file=sys.stderr)
            return 1
        return args.run(args)
    except BuildFailed as exc:
        _print_errors(exc.errors, getattr(exc, "published", None))
        return 1
    except SiteError as exc:
        _print_errors([exc], getattr(exc, "published", None))
        return 1
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    finally:
        if previous is signal.default_int_handler:
            signal.signal(signal.SIGINT, previous)


def run() -> NoReturn:
    """The console command: main(), then the process ends without freeing what it made (see
    runtime.Runtime; main() called in-process, as tests do, frees as usual)."""
    runtime = Runtime(exiting=True)
    runtime.exit(main(runtime=runtime))
