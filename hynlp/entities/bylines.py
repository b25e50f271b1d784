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


def metadata_spans(text: str) -> list[tuple[int, int]]:
    """Spans of source lines and inline reporter credits in ``text``."""
    return sorted(m.span() for pattern in (SOURCE_LINE, INLINE_CREDIT) for m in pattern.finditer(text))
