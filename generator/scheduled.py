"""Articles dated in the future: scheduled, not published until their time (collect.visible),
and told, so that an editor who set the date by mistake (2062 for 2026) is not left wondering
where the article went. A static site changes only when it is built: the article appears at the
first build after its time, so the note says that too."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from .config import SiteConfig
from .content import Article
from .errors import SiteError
from .frontmatter import file_lines, key_line
from .removed import NOTE
from .vietnamese import format_datetime

def scheduled_notes(articles: Sequence[Article], config: SiteConfig, now: datetime) -> list[SiteError]:
    """A note at the `date` line of each article left out only because its date is to come."""
    if config.future:
        return []
    notes = []
    for article in articles:
        if article.date <= now or (article.draft and not config.drafts):
            continue  # published, or a draft: left out for that
        text = (f"{NOTE}bài hẹn đăng lúc {format_datetime(article.date)} (ngày trong khóa “date” còn chưa tới) nên "
                "chưa được xuất bản; trang là trang tĩnh, nên bài chỉ hiện ra ở lần dựng trang đầu tiên sau giờ đó. "
                "Nếu ngày này gõ nhầm, hãy sửa “date”")
        notes.append(SiteError(text, article.path, key_line(file_lines(config.root / article.path), "date")))
    return notes
