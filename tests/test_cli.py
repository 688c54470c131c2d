"""The command line as a terminal user meets it: Ctrl-C during a build."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bad.kit import PROJECT, make_site

ARTICLE = "---\ntitle: Bài số {i}\ndate: 2021-01-{day:02d}\ntags: [thi đua, chủ đề {tag}]\n---\n\n{body}\n"


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def test_ctrl_c_during_a_build_prints_one_line(tmp_path: Path):
    """Ctrl-C reaches the whole foreground process group, the build's workers too: each printed a
    traceback before the main process said “Đã dừng.”."""
    root = make_site(tmp_path, {f"bai-{i:04d}.md": ARTICLE.format(i=i, day=i % 28 + 1, tag=i % 50,
                                                                  body=("Đoạn văn có **chữ đậm**. " * 40 + "\n\n") * 6)
                                for i in range(1500)})
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    for attempt in range(5):
        # As from a terminal, Ctrl-C not ignored: a shell's background job (`… &`) starts its commands
        # ignoring SIGINT, and Python then leaves it ignored.
        build = subprocess.Popen([sys.executable, "-m", "generator", "build", "--root", str(root)], cwd=PROJECT,
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 start_new_session=True,
                                 preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 60
        while build.poll() is None and not children(build.pid) and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.05 * attempt)  # the workers at work, not only forked
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
        out, err = build.communicate(timeout=60)
        if build.returncode == 130:
            break
        assert build.returncode == 0, err  # finished before the signal: try again, sooner
        for folder in ("output", ".cache"):
            subprocess.run(["rm", "-rf", str(root / folder)], check=True)
    assert build.returncode == 130
    assert err == "Đã dừng.\n"
    assert not (root / "output").exists() and not (root / ".output.new").exists()


def test_a_root_that_is_no_project_folder_is_a_message_and_nothing_is_made(tmp_path, capsys):
    # Was: --root naming a missing folder made it (and a .cache in it) and spoke of a missing
    # content folder; --root naming a file was a traceback (NotADirectoryError).
    from generator.cli import main

    (tmp_path / "site.toml").write_text('title = "Thử"\n', encoding="utf-8")
    (tmp_path / "trong").mkdir()
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    cases = [
        (["build", "--root", str(tmp_path / "khong-co")],
         f"không có thư mục dự án “{tmp_path / 'khong-co'}”; hãy kiểm tra lại --root (thư mục chứa site.toml)"),
        (["check", "--root", str(tmp_path / "site.toml")],
         f"--root “{tmp_path / 'site.toml'}” là một tệp, không phải thư mục; hãy chỉ thư mục dự án (thư mục chứa "
         f"site.toml), ví dụ --root {tmp_path}"),
        (["serve", "--root", str(tmp_path / "trong")],
         f"thư mục “{tmp_path / 'trong'}” không có site.toml hay thư mục content/: đây không phải thư mục dự án; "
         "hãy chạy lệnh trong thư mục dự án, hoặc chỉ nó bằng --root"),
        (["new", "Bài mới", "--root", str(tmp_path / "site.toml")],
         f"--root “{tmp_path / 'site.toml'}” là một tệp, không phải thư mục; hãy chỉ thư mục dự án (thư mục chứa "
         f"site.toml), ví dụ --root {tmp_path}"),
    ]
    for argv, message in cases:
        assert main(argv) == 1, argv
        # The message alone: no "Không dựng được trang … Trang đã xuất bản trước đó vẫn giữ nguyên" after it.
        assert capsys.readouterr().err == message + "\n"
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before


@pytest.mark.parametrize("argv, said", [
    (["buidl"], "lamtheobac: lỗi: LỆNH: không có 'buidl' (chọn một trong: 'build', 'import', 'serve', 'new', 'check')"),
    (["build", "--wat"], "lamtheobac: lỗi: không hiểu --wat (xem các tùy chọn bằng -h)"),
    (["new"], "lamtheobac new: lỗi: thiếu TIÊU_ĐỀ"),
    (["new", "-rf"], "lamtheobac new: lỗi: thiếu TIÊU_ĐỀ (“-rf” bắt đầu bằng “-” nên bị coi là một tùy chọn; "
                     "muốn dùng nó làm giá trị, hãy viết sau “--”: lamtheobac new -- -rf)"),
    (["new", "--tag", "x", "-Bác"], "lamtheobac new: lỗi: thiếu TIÊU_ĐỀ (“-Bác” bắt đầu bằng “-” nên bị coi "
                                    "là một tùy chọn; muốn dùng nó làm giá trị, hãy viết sau “--”: "
                                    "lamtheobac new -- -Bác)"),
    (["import", "-x.html"], "lamtheobac import: lỗi: thiếu ĐƯỜNG_DẪN (“-x.html” bắt đầu bằng “-” nên bị coi là "
                            "một tùy chọn; muốn dùng nó làm giá trị, hãy viết sau “--”: lamtheobac import -- -x.html)"),
    (["build", "--output"], "lamtheobac build: lỗi: --output: cần một giá trị"),
    (["serve", "--port", "99999"], "lamtheobac serve: lỗi: --port: cổng phải là một số từ 1 đến 65535 "
                                   "(ví dụ --port 8001), không phải “99999”"),
    (["serve", "--port", "tám nghìn"], "lamtheobac serve: lỗi: --port: cổng phải là một số từ 1 đến 65535 "
                                       "(ví dụ --port 8001), không phải “tám nghìn”"),
    (["serve", "--port=-1"], "lamtheobac serve: lỗi: --port: cổng phải là một số từ 1 đến 65535 "
                             "(ví dụ --port 8001), không phải “-1”"),
])
def test_a_command_line_mistake_is_told_in_vietnamese(argv, said, capsys):
    """argparse's own messages ("error: invalid choice", "usage:") were in English."""
    from generator.cli import main
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == said and err.startswith("cách dùng: lamtheobac")


def test_the_help_is_in_vietnamese(capsys):
    from generator.cli import main
    with pytest.raises(SystemExit):
        main(["build", "-h"])
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: lamtheobac build") and "tùy chọn:" in out
    assert "in hướng dẫn này rồi thoát" in out and "usage" not in out and "options:" not in out


def test_every_option_of_every_command_is_named_and_explained_in_vietnamese(capsys):
    """`serve -h` showed argparse's English placeholders (--root ROOT, --port PORT, --province PROVINCE),
    and `import -h` listed --root with no explanation."""
    import argparse
    import re

    from generator.cli import main, parser
    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    for name, command in commands.items():
        for action in command._actions:
            if action.option_strings and action.help != argparse.SUPPRESS:
                assert action.help, (name, action.option_strings)
            if action.option_strings and action.nargs is None and not isinstance(action, argparse._StoreConstAction):
                assert action.metavar and re.search(r"[^\x00-\x7f]", action.metavar), (name, action.option_strings)
        with pytest.raises(SystemExit):
            main([name, "-h"])
        said = capsys.readouterr().out
        assert not re.search(r"--[a-z-]+ [A-Z_]+\b(?![^\s\]])", said), said
    with pytest.raises(SystemExit):
        main(["serve", "-h"])
    assert capsys.readouterr().out.startswith(
        "cách dùng: lamtheobac serve [-h] [--root THƯ_MỤC] [--host ĐỊA_CHỈ]\n"
        "                            [--port CỔNG] [--no-drafts] [--cms]\n")


def test_import_with_a_broken_site_toml_says_nothing_was_imported(tmp_path, capsys):
    """It ended “Không dựng được trang: 1 lỗi. Trang đã xuất bản trước đó vẫn giữ nguyên.”, words of a build."""
    from generator.cli import main
    (tmp_path / "site.toml").write_text('title = "Thử"\nper_pag = 5\n', encoding="utf-8")
    (tmp_path / "bai.txt").write_text("Tiêu đề\n\nNội dung.\n", encoding="utf-8")
    assert main(["import", "--root", str(tmp_path), str(tmp_path / "bai.txt")]) == 1
    assert capsys.readouterr().err == ("site.toml:2: khóa không hợp lệ “per_pag” (có phải ý bạn là: “per_page”?)\n"
                                       "Chưa nhập bài nào.\n")
    assert not (tmp_path / "content").exists()
