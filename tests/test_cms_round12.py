"""The web editor, round 12: an article whose front matter an editor broke by hand, opened and mended in
the editor (lamtheobac-cms.js salvaged under node; the local backend's save)."""
from __future__ import annotations

from pathlib import Path

import test_cms
from test_cms import persist, run_js

backend, project = test_cms.backend, test_cms.project  # the fixtures, by name

BROKEN = ('---\ntitle: "Bài: một câu chưa đóng ngoặc\ndate: 2024-05-19T08:00:00+07:00\nprovince: [Hoà Bình\n'
          'tags:\n- nêu gương\n- học tập\ndate: 2024-05-20\n---\n\nThân bài **đậm**.\n\nĐoạn hai.\n')


def test_an_article_with_broken_lines_opens_with_what_reads_and_its_body():
    """An article an editor broke by hand (a quote or a bracket not closed, a key written twice, a line
    indented by mistake) opened as an empty form: every field and the body were gone from the form, and the
    notice said to mend the file in a text editor. Now each top-level key is read alone: the form has the
    keys that read and the whole body; the notice names each line left out, its text and why, in Vietnamese."""
    (result,) = run_js([{"op": "salvage", "text": BROKEN, "name": "bai-hong.md"}])
    data, notice = result["ok"]["data"], result["ok"]["notice"]
    assert data == {"date": "2024-05-19T08:00:00+07:00", "lamtheobac_ngay": "19/05/2024",
                    "tags": ["nêu gương", "học tập"], "body": "Thân bài **đậm**.\n\nĐoạn hai.\n"}
    assert notice == ("Phần thông tin đầu bài của bài “bai-hong.md” có chỗ viết sai nên trình biên tập bỏ qua: "
                      "dòng 2 “title: \"Bài: một câu chưa đóng ngoặc”: thiếu dấu ngoặc kép hoặc ngoặc vuông đóng; "
                      "dòng 4 “province: [Hoà Bình”: thiếu dấu ngoặc kép hoặc ngoặc vuông đóng; "
                      "dòng 8 “date: 2024-05-20”: khóa “date” được viết lần thứ hai. Các ô khác và toàn bộ nội dung "
                      "bài vẫn được giữ nguyên. Hãy điền lại ô bị bỏ qua (nếu cần) ngay tại đây rồi lưu: khi lưu, "
                      "phần thông tin đầu bài được viết lại cho đúng.")
    indented = run_js([{"op": "salvage", "text": '---\n  x: 1\ntitle: "A"\n---\nB\n', "name": "a.md"},
                       {"op": "salvage", "text": '---\ntitle: "A"\n---\nB\n', "name": "a.md"},
                       {"op": "salvage", "text": '---\ntitle: "A\n\nB\n', "name": "a.md"}])
    assert indented[0]["ok"]["data"] == {"title": "A", "body": "B\n"}
    assert "dòng 2 “x: 1”: dòng này không thuộc khóa nào" in indented[0]["ok"]["notice"]
    assert [indented[1]["ok"], indented[2]["ok"]] == [None, None]  # reads as it is; no closing "---": not guessed


def test_a_broken_article_is_saved_over_when_its_body_is_kept(backend, project: Path):
    """The backend refused every save over an article whose front matter does not read (the form would be
    written over its text). The editor now opens it with its body: a save that keeps the body mends the front
    matter; one whose body differs from the file's is still refused, the file untouched."""
    broken = project / "content/articles/bai-hong.md"
    broken.write_text(BROKEN, encoding="utf-8")
    mended = ('---\ntitle: "Bài: một câu đã đóng ngoặc"\ndate: 2024-05-19T08:00:00+07:00\nprovince: ["Phú Thọ"]\n'
              'tags: ["nêu gương", "học tập"]\n---\n\nThân bài **đậm**.\n\nĐoạn hai.\n')
    emptied = mended.replace("Thân bài **đậm**.\n\nĐoạn hai.\n", "Một câu.\n")
    status, answer = backend.handle(persist("content/articles/bai-hong.md", emptied))
    assert status == 409 and answer["error"].startswith(
        "không lưu đè lên bài “content/articles/bai-hong.md”: tệp đang có lỗi ở dòng 2:"), answer
    assert "Nội dung bài lưu lên khác nội dung trong tệp" in answer["error"]
    assert broken.read_text(encoding="utf-8") == BROKEN
    assert backend.handle(persist("content/articles/bai-hong.md", mended)) == (200, {"message": "entry persisted"})
    assert broken.read_text(encoding="utf-8") == mended
