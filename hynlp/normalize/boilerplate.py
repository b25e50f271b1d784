"""Site boilerplate: editor lines, navigation, copyright and ICP lines.

They leave the body and become article metadata; the raw text keeps them.

>>> lines = split_boilerplate("标题\\n正文。\\n编辑：王小明\\n- 热点推荐\\n版权所有 京ICP备12345678号")
>>> [(m.key, m.value) for m in lines]
[('editor', '王小明'), ('navigation', '- 热点推荐'), ('copyright', '版权所有 京ICP备12345678号')]
>>> [(m.key, m.value) for m in split_boilerplate("青禾区项目开工\\n来源：青禾区融媒体中心  2024-03-18\\n正文。")]
[('source', '来源：青禾区融媒体中心  2024-03-18')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EDITOR = re.compile(r"^[\[【(（]?\s*(?:责任编辑|编辑|责编|审核|校对|编审|终审|初审)\s*[:：]?\s*(?P<value>[^\s\]】)）]{2,12})\s*[\]】)）]?$")
REPORTER = re.compile(r"^[\[【(（□]?\s*(?:记者|通讯员|文/图|文|图|摄影)\s*[:：|]?\s*(?P<value>[^\s，。]{2,4}(?:\s+[^\s，。]{2,4}){0,3})\s*[\]】)）]?$")
SOURCE = re.compile(r"^(?:来源|稿源|信息来源)\s*[:：]\s*(?P<value>.+?)(?:\s+(?:发布时间|时间|日期)?[:：]?\s*(?P<date>\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?))?$")
PUBLISHED = re.compile(r"^(?:发布时间|发布日期|时间|日期)\s*[:：]\s*(?P<value>\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?).*$")
NAVIGATION = re.compile(r"^[-·•>\s]*(?:热点推荐|相关阅读|相关新闻|相关文章|推荐阅读|延伸阅读|新闻推荐|上一篇|下一篇|返回顶部|打印本页|关闭窗口|分享到|扫一扫|【打印|【关闭|网站地图|浏览次数|阅读量|点击数|您所在的位置|您的位置|当前位置|首页\s*[>＞»]|字体[:：]|作者[:：]|无障碍浏览|进入长者版)")
COPYRIGHT = re.compile(r"(?:版权所有|Copyright|©|ICP备|ICP证|公网安备|主办单位|承办单位|技术支持|网站标识码|联系电话|联系我们)", re.IGNORECASE)
MAX_BOILERPLATE_LINE = 120


@dataclass(frozen=True)
class MetaLine:
    start: int
    end: int
    key: str
    value: str


def classify(line: str) -> tuple[str, str] | None:
    """``(key, value)`` when the line is boilerplate, else None."""
    line = line.strip()
    if not line or len(line) > MAX_BOILERPLATE_LINE:
        return None
    for key, pattern in (("editor", EDITOR), ("reporter", REPORTER), ("published", PUBLISHED)):
        if match := pattern.match(line):
            return key, match.group("value")
    if match := SOURCE.match(line):
        return "source", line
    if NAVIGATION.match(line):
        return "navigation", line
    if COPYRIGHT.search(line):
        return "copyright", line
    return None


HEAD_LINES = 6


def _head(lines: list[tuple[int, int, str]]) -> list[MetaLine]:
    """Boilerplate at the top: breadcrumbs, source and date lines, bylines.

    One other line (the headline) may stand among them; a second one is body.
    """
    found, headline_seen = [], False
    for start, end, line in lines[:HEAD_LINES]:
        kind = classify(line)
        if kind is not None:
            found.append(MetaLine(start, end, *kind))
        elif headline_seen:
            break
        else:
            headline_seen = True
    return found


def split_boilerplate(text: str) -> list[MetaLine]:
    """Boilerplate lines at the head and the tail of the text (the body is kept)."""
    lines = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[^\n]+", text)]
    found: list[MetaLine] = []
    # Below a navigation header ("热点推荐") in the second half, every line is
    # a link to another page.
    for index in range(len(lines) // 2, len(lines)):
        start, end, line = lines[index]
        if NAVIGATION.match(line.strip()):
            found += [MetaLine(s, e, (classify(t) or ("navigation", t))[0], t) for s, e, t in lines[index:]]
            lines = lines[:index]
            break
    found += _head(lines)
    for start, end, line in reversed(lines):
        kind = classify(line)
        if kind is None:
            break
        found.append(MetaLine(start, end, *kind))
    unique = {m.start: m for m in found}
    return sorted(unique.values(), key=lambda m: m.start)
