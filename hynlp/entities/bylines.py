"""Bylines and source lines: article metadata, where no entity is annotated.

The conventions leave reporter and editor names, media outlets and source
lines out of the annotation. The normalizer removes the editor line; source
lines (``来源：某某县融媒体中心``) and inline credits (``（记者 某某）``) can stay
in the text, so the tagger drops every candidate inside them.

>>> text = "2024-04-16 来源：锦河县融媒体中心\\n锦河县召开大会。（记者 王某 通讯员 李某）"
>>> [text[s:e] for s, e in metadata_spans(text)]
['来源：锦河县融媒体中心', '（记者 王某 通讯员 李某）']
"""

from __future__ import annotations

import re

# A source line runs to its line end, unless the scraped page glued the body
# onto it: a sentence end or a day's date (…责任编辑：某某3月1日，…) starts the body.
SOURCE_LINE = re.compile(r"(?:来源|稿源|编辑|责任编辑|责编|记者|通讯员|作者|摄影|供稿|审核|校对|监制)\s*[:：]"
                         r"(?:(?![0-9]{1,2}月[0-9]{1,2}日)[^\n。！？])*")
INLINE_CREDIT = re.compile(r"[（(]\s*(?:本报|本台|本网)?(?:记者|通讯员|实习生)[^）)\n]{0,40}[）)]")
# Site footers name the site's sponsor and operator, not anything the article
# reports: a labelled line (主办单位：…) or a whole line of "X主办 Y承办".
# A body sentence (由某某主办，…) has punctuation and 由, so it never fills a line.
FOOTER_LINE = re.compile(r"^[^\S\n]*(?:主办单位|承办单位|主管单位|协办单位|技术支持)\s*[:：][^\n]*"
                         r"|^[^\S\n]*[^\s。！？，,；由]{2,40}(?:主办|承办|主管)"
                         r"(?:[^\S\n]+[^\s。！？，,；由]{2,40}(?:主办|承办|协办|维护))*[^\S\n]*$", re.MULTILINE)


def metadata_spans(text: str) -> list[tuple[int, int]]:
    """Spans of source lines, inline reporter credits and site footers in ``text``."""
    return sorted(m.span() for pattern in (SOURCE_LINE, INLINE_CREDIT, FOOTER_LINE) for m in pattern.finditer(text))
