"""The measure phrase: what a figure's own clause says it measures.

Walking left from the number (or from the end of a money cue word) to the
start of its list item, or to the end of the figure before it in the same
clause, gives the words that say what the number is: 改造建筑面积, 在岗工人,
设备采购合同签订率. The phrase is trimmed of time and scope words at its
start and of linking words (达到, 约, 为) at its end, and cut after a project
anaphor (该项目总投资 → 总投资, with the anaphor kept for its antecedent).

A phrase is *bare* when it is nothing but measure words, cue words and
verbs (总投资, 累计签约, 腾空率): it then needs a topic to name what it
measures. It is *scoped* when it reports on the whole area (全县新增…), and
a *continuation* when it opens with 同比, 占, 较… and so continues the figure
before it.

>>> from hynlp.records import Sentence
>>> from hynlp.figures.candidates import find_candidates
>>> text = "今年以来，全区累计完成投资5.9亿元，改造建筑面积86.5万平方米，同比增长12%。"
>>> found = find_candidates(text, [Sentence(index=0, start=0, end=len(text))])
>>> names = Names((), ())
>>> [(p.text, p.bare, p.scoped, p.continuation) for p in (measure_phrase(text, c, [], names) for c in found)]
[('完成投资', True, True, False), ('改造建筑面积', False, False, False), ('同比增长', True, False, True)]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from hynlp.figures.candidates import Candidate
from hynlp.figures.lexicon import (
    CONTINUATION_BLOCKERS, CONTINUATION_OPENERS, GENERIC_WORDS, LINK_TRIMS, MEASURE_NOUNS, METRIC_CUES,
    MONEY_CUES, PHRASE_VERBS, SCOPE_WORDS,
)
from hynlp.figures.phrases import ITEM_BREAKS, PHRASE_JUNK, clause_start, open_aside, trim_leading
from hynlp.figures.projects import ProjectMention
from hynlp.figures.wordlists import WordList

# Heads are stripped from the end of a phrase (计划投资, 建筑面积, 率), modifiers of
# time and doing from its start (年度, 新增, 已): 专项债券资金 keeps 专项, so it is
# not bare, while 年度计划投资 is. Measure names (固定资产投资) are never stripped.
HEAD_WORDS = tuple(sorted({*MEASURE_NOUNS, *PHRASE_VERBS, *(cue for cue, _ in MONEY_CUES)} - METRIC_CUES,
                          key=len, reverse=True))
MODIFIER_WORDS = tuple(sorted({*PHRASE_VERBS, *GENERIC_WORDS}, key=len, reverse=True))
HEAD_LIST, MODIFIER_LIST = WordList(HEAD_WORDS), WordList(MODIFIER_WORDS)
LINK_TRIM_LIST = WordList(LINK_TRIMS)
SCOPE_PATTERN = re.compile("|".join(map(re.escape, SCOPE_WORDS)))
LISTED_ITEM_MAX = 8  # 工业、农业、文旅项目: how long a name in a list sharing one figure may be
BARE_MIN = 2  # a phrase keeps at least this many characters of its own to name something
PHRASE_JUNK_CHARACTERS = "".join(sorted(PHRASE_JUNK))
START_OF = attrgetter("start")
# 签约率由年初的65%提高到98%, 园区面积从3平方公里扩大到12: 由/从 and a time open
# the figure's starting point (the end of the phrase before it)
CHANGE_FROM = re.compile(r"[由从](?:[0-9]{4}年(?:底|末|初)?|去年年?底|去年|上年末|上年|年初|年底|年末|此前|原来)?的?$")


@dataclass(frozen=True)
class Names:
    """Spans of names in a document: of projects and companies (``owners``), and of
    every other named thing but dates and persons (``places``), each sorted."""

    owners: tuple[tuple[int, int], ...]
    places: tuple[tuple[int, int], ...]

    def scope(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` says whose figure it is: it holds a project
        or company name, or opens with a place (松涛县新增贷款; not 涉及文昌街道居民,
        where the place is what is reached, not who reports)."""
        return self.holds_owner(start, end) or bool(self.opening(text, start, end))

    def holds_owner(self, start: int, end: int) -> bool:
        """Whether a project or company name lies inside ``[start, end)``."""
        # owners are sorted: only those that start in [start, end] can lie inside
        first, last = bisect_left(self.owners, (start,)), bisect_right(self.owners, (end, math.inf))
        return first < last and any(e <= end for _, e in self.owners[first:last])  # mostly none start there

    def opening(self, text: str, start: int, end: int) -> str:
        """The name ``text[start:end]`` opens with, or ""."""
        while start < end and text[start] in PHRASE_JUNK:
            start += 1
        # places are sorted: those that start at ``start`` and end by ``end`` are one run
        first, last = bisect_left(self.places, (start,)), bisect_right(self.places, (start, end))
        return text[start:self.places[last - 1][1]] if last > first else ""


# Immutable like a frozen dataclass, but built 4x faster: one is made per number or figure.
class MeasurePhrase(NamedTuple):
    start: int
    end: int
    text: str
    anaphor: ProjectMention | None  # the anaphor the phrase was cut after (该项目, 项目一期)
    named: ProjectMention | None  # a project named inside the phrase
    opening: str  # the name the phrase opens with (松涛县 of 松涛县新增贷款), or ""
    scoped: bool
    continuation: bool

    @property
    def bare(self) -> bool:
        """See :func:`is_bare`; asked only of a phrase that becomes the figure's own
        words (about half of them), so it is not worked out for every phrase."""
        return is_bare(self.text)


def phrase_floor(text: str, c: Candidate, previous_end: int, item: int | None = None) -> int:
    """Start of the figure's list item, or the end of the figure before it in the
    clause, or a colon's end. A list closed by 等 (供水、供热、燃气等老旧管网) is one item.
    ``item`` is the start of the list item when the caller has it."""
    if item is None:
        item = clause_start(text, c.start, c.clause_start, ITEM_BREAKS)
    if c.cue is not None and c.cue[1] <= c.clause_start:
        # 年税收增加一倍，达1500万元: the cue, in the clause before, says what is measured
        return clause_start(text, c.cue[0], c.sentence.start)
    if text.find("等", item, c.start) >= 0 or _after_unfigured_list(text, item, c):
        item = c.clause_start
    colon = max(text.rfind("：", item, c.start), text.rfind(":", item, c.start))  # 建设内容：新建机房楼4栋
    if colon >= 0 and not text[colon + 1:c.start].strip():
        colon = -1  # 征地亩数：约45亩: a label right before the figure is what it measures
    floor = max(item, previous_end, colon + 1)
    if previous_end and floor == previous_end and (opener := open_aside(text, floor, c.start)) >= 0:
        # 39宗新开工项目(已开工8宗): a bracket after a figure opens an aside about it;
        # the figure inside is measured by the words inside
        return opener + 1
    # 总投资14亿元的重点项目114个: the 的 ties the amount before to the noun; it is no part of it
    return floor + 1 if floor == previous_end and text.startswith("的", floor) else floor


def _after_unfigured_list(text: str, item: int, c: Candidate) -> bool:
    """城关镇、白石镇3个镇; 签约工业、农业、文旅项目18个: items joined by 、 with no
    figure of their own are all what the figure after the last one counts or measures.
    储备2个百亿级项目、5个50亿级项目: items with figures are lists of figures."""
    if item <= c.clause_start or text[item - 1] != "、":
        return False
    items = text[c.clause_start:item - 1].split("、")
    # 总量指标全省进位次、单项工作苏北争前列、…工业销售收入: long items are goals, not a list of names
    return all(len(listed) <= LISTED_ITEM_MAX and not any(ch.isdigit() for ch in listed) for listed in items[1:]) \
        and not any(ch.isdigit() for ch in items[0])


def measure_phrase(text: str, c: Candidate, mentions: list[ProjectMention], names: Names,
                   previous_end: int = 0) -> MeasurePhrase:
    """The measure phrase of candidate ``c``; ``previous_end`` is where the figure
    before it in the same clause ends (0 when none). ``mentions`` are in text order."""
    item = clause_start(text, c.start, c.clause_start, ITEM_BREAKS)
    floor = phrase_floor(text, c, previous_end, item)
    end = c.start
    if c.cue is not None and c.cue[0] >= floor:
        end = c.cue[1]  # 一般公共预算收入完成27.15亿元: the cue ends the phrase
    start, anaphor, named = floor, None, None
    for index in range(bisect_left(mentions, floor, key=START_OF), len(mentions)):
        mention = mentions[index]
        if mention.start > end:
            break  # mentions are in text order: none after this one lies inside
        if mention.end <= end and not mention.predicate:
            if mention.anaphor:
                start, anaphor, named = mention.end, mention, None
            elif start <= mention.start:
                start, named = mention.start, mention  # 由某公司投资的A项目计划投资: A项目 on
    opening = names.opening(text, start, end)  # also the second half of names.scope
    # the opening is known already: asked first, it spares the other two tests
    scoped = (bool(opening) or SCOPE_PATTERN.search(text, min(item, floor), end) is not None
              or names.holds_owner(start, end))
    if named is None or named.start != start:
        # 完成率为93.4%: the links go first, so that trimming 完成 cannot leave 率 alone
        start = _trim_start(text, c, start, _trim_links(text, start, end))
    end = _trim_links(text, start, end)
    if (change := CHANGE_FROM.search(text, start, end)) is not None and change.start() > start:
        end = change.start()  # 规上企业由年初的58家: the starting point is no part of what is measured
    phrase = text[start:end]
    said = text[floor:end].lstrip(PHRASE_JUNK_CHARACTERS)  # 完成年度目标的86%: before 完成 is trimmed
    continuation = ((phrase.startswith(CONTINUATION_OPENERS) and not phrase.startswith(CONTINUATION_BLOCKERS))
                    or (said.startswith(CONTINUATION_OPENERS) and not said.startswith(CONTINUATION_BLOCKERS)))
    # positional, in field order: a NamedTuple built from keywords costs 3x as much
    return MeasurePhrase(start, end, phrase, anaphor, named, opening, scoped, continuation)


def _trim_start(text: str, c: Candidate, start: int, end: int) -> int:
    """确保全年完成投资 → 完成投资: time and verbs go, but never into the cue word,
    and never so far that a lone character (率 of 完成率) is left."""
    limit = c.cue[0] + 1 if c.cue is not None and end == c.cue[1] else end - 1
    return trim_leading(text, start, max(start, limit))


def _trim_links(text: str, start: int, end: int) -> int:
    changed = True
    while changed and end > start:
        changed = False
        while end > start and text[end - 1] in PHRASE_JUNK:
            end, changed = end - 1, True
        word = LINK_TRIM_LIST.ending_at(text, end, start)
        if word is not None:
            end, changed = end - len(word), True
    return end


def is_bare(phrase: str) -> bool:
    """True when nothing is left of ``phrase`` once measure words, cue words and
    verbs are stripped from both ends (总投资, 累计签约, 复工率).

    >>> is_bare("年度计划投资"), is_bare("在岗工人"), is_bare("腾空率"), is_bare("专项债券资金")
    (True, False, True, False)
    """
    # what is left is phrase[start:end]: indices move, no string is cut per step
    start, end, changed = 0, len(phrase), True
    while changed and start < end:
        changed = False
        head = HEAD_LIST.ending_at(phrase, end, start)
        if head is not None:
            end, changed = end - len(head), True
        modifier = MODIFIER_LIST.starting_at(phrase, start, end) if start < end else None
        if modifier is not None:
            start, changed = start + len(modifier), True
    return end - start < BARE_MIN
