"""What a count counts, in the words of the text.

:mod:`~hynlp.figures.candidates` finds the counted noun (its unit); this
module turns it into a phrase that says which ones are counted:

- ``counted_phrase``: 216个 **省市区重点项目**, **签约落地项目** 90个;
- ``list_count``: 同日开工的还有A、B等31个项目 → **同日开工的项目**;
- ``noun_predicate``: a bare noun and what it does, 两家 **企业签署合作协议**;
- ``noun_modifier``: a bare noun and the clause before it, **现场签约的12个项目**;
- ``copula_noun``: 其中有3家为 **中国500强企业**;
- ``frame_count``: 87个在建项目中，已有79个 **复工**;
- ``activity``: a count of bare 项目 on a trip, 赴 **长三角进行考察招商**.

>>> from hynlp.records import Sentence
>>> from hynlp.figures.candidates import find_candidates
>>> text = "同日开工的还有甲项目、乙工程等31个项目，两家企业签署合作协议。"
>>> found = find_candidates(text, [Sentence(index=0, start=0, end=len(text))])
>>> [count_phrase(text, c, [], []).text for c in found]
['同日开工的项目', '企业签署合作协议']
"""

from __future__ import annotations

import re
from typing import NamedTuple

from hynlp.figures.candidates import Candidate
from hynlp.figures.lexicon import COUNTED_NOUNS, GROUP_UNITS, LIST_HEAD_TRIMS, LIST_OPENERS
from hynlp.figures.measures import is_bare
from hynlp.figures.phrases import (
    ITEM_BREAKS, clause_end, clause_start, first_counted_noun, is_cjk, trim_leading,
)
from hynlp.records import Sentence

ACTIVITY = re.compile(r"赴([^，。；！？,;!?\n]{1,12}?)(?:进行|开展|举行)?"
                      r"(?:考察招商|招商考察|招商推介|招商引资|考察|招商|调研|洽谈|推介)")
ACTIVITY_LOOKBACK = 3  # sentences
PREDICATE_MAX = 12
ASIDE_MARKS = ("(", "（", ":", "：")
CLAUSE_NOUN_MIN = 2  # 有3个项目: one character before the count names nothing
COPULA_REACH = 14  # 有3家为中国500强企业: how far the noun after 为 may end
BARE_NOUNS = frozenset(noun for noun, _ in COUNTED_NOUNS)
SHORT_NOUN_MAX = 2  # 就业: a counted noun this short is named with the verb before the count
VERB_BEFORE_MAX = 4
VERB_MIN = 2
# 其中3人获奖: time and scope words before a count do nothing
NOT_VERBS = frozenset({"其中", "今年", "全年", "去年", "目前", "共有", "共计", "累计", "总计", "合计", "全区",
                       "全市", "全县", "全镇", "此次", "本次", "现场", "还有", "以及", "已有", "当天", "当日"})
MODAL_CHARACTERS = "可将能会也还再"
PERSON_UNITS = frozenset({"people", "person_times"})
# A count or a date opening a clause (22个…, 2021…, 1-4月): what follows it names the list after
COUNT_OR_YEAR = re.compile(r"[0-9]+(?:[个家项名座所处栋幢套件批户]|年度?|月份?|日)|(?:19|20)[0-9]{2}")
AMOUNT = re.compile(r"[0-9][0-9.]*(?:[万亿]|%|％)")
# 青禾区分别签约5、8个项目: 分别, the words after it, and the numbers listed before this one
RESPECTIVE_LIST = re.compile(r"分别([^，。；、0-9]{0,4}?)[有为是达]?(?:[0-9.]+、)*$")


# Immutable like a frozen dataclass, but built 4x faster: one is made per number or figure.
class Part(NamedTuple):
    """A phrase of the text and the rule that found it; ``bare`` when it needs a topic."""

    text: str
    start: int
    end: int
    rule: str
    bare: bool = False


def count_phrase(text: str, c: Candidate, sentences: list[Sentence],
                 spans: list[tuple[int, int]]) -> Part | None:
    """The phrase naming what count ``c`` counts, or None when only the measure
    phrase before it can say (签约项目90个 is found there)."""
    noun = c.noun
    if noun is None:
        return copula_noun(text, c)
    if noun.side == "frame":
        stop = min(clause_end(text, c.end, c.sentence.end), c.end + PREDICATE_MAX)
        return Part(text[noun.start:noun.end] + text[c.end:stop], noun.start, noun.end, "frame_count")
    if noun.side != "after":
        return None
    listed = respective_count(text, c) or list_count(text, c, spans)
    if listed is not None:
        return listed
    phrase = text[noun.start:noun.end]
    if phrase not in BARE_NOUNS:
        verb = _verb_before(text, c) if len(phrase) <= SHORT_NOUN_MAX and c.unit in PERSON_UNITS else ""
        # 带动2000人就业: 就业 alone says little; the verb before the count says what is done
        return Part(verb + phrase, c.start - len(verb) if verb else noun.start, noun.end, "counted_phrase")
    if c.unit not in GROUP_UNITS:
        return Part(phrase, noun.start, noun.end, "counted_noun", bare=True)
    return noun_predicate(text, c) or activity(text, c, sentences) or clause_noun(text, c) or Part(
        phrase, noun.start, noun.end, "counted_noun", bare=True)


def _verb_before(text: str, c: Candidate) -> str:
    """The short verb right before a count (可带动 → 带动), or "" (其中3人: no verb)."""
    begin = max(c.clause_start, c.start - VERB_BEFORE_MAX)
    words = text[begin:c.start]
    if not words or not all(map(is_cjk, words)):
        return ""
    modal = max(words.rfind(ch) for ch in MODAL_CHARACTERS)
    start = begin + modal + 1 if modal >= 0 else c.start - VERB_MIN
    verb = text[start:c.start]
    return verb if len(verb) >= VERB_MIN and verb not in NOT_VERBS else ""


def clause_noun(text: str, c: Candidate, predicate: Part | None = None) -> Part | None:
    """策划储备了45个项目, 签约A园等14个项目: a bare noun is named by the words of
    its clause before the count (and what it does after, when said)."""
    assert c.noun is not None
    opening = max(text.rfind(mark, c.clause_start, c.start) for mark in ASIDE_MARKS) + 1
    start = trim_leading(text, max(opening, c.clause_start), c.start)
    said = text[start:c.start]
    opener = None
    for opener in COUNT_OR_YEAR.finditer(said):
        pass  # the last one: 2021中外…活动签约A等14个项目, 22个重大产业项目中A、B等14个项目
    if opener is not None:
        # a year, an event's number or an earlier count opens the clause; what follows names the list
        start = trim_leading(text, start + opener.end(), c.start)
        said = text[start:c.start]
    # 涉及户数275户(包含10家企业): a clause with an amount of its own names nothing
    if sum(1 for ch in said if is_cjk(ch)) < CLAUSE_NOUN_MIN or AMOUNT.search(said) is not None:
        return None
    tail = text[predicate.start:predicate.end] if predicate is not None else text[c.noun.start:c.noun.end]
    return Part(said + tail, start, c.noun.end, "clause_noun")


def respective_count(text: str, c: Candidate) -> Part | None:
    """一季度和二季度，青禾区分别签约5、8个项目: each count of a list after 分别
    counts the same noun, named by the clause without 分别 and the list."""
    assert c.noun is not None
    respective = RESPECTIVE_LIST.search(text, c.clause_start, c.start)
    if respective is None:
        return None
    start = trim_leading(text, c.clause_start, respective.start())
    said = text[start:respective.start()] + respective.group(1)
    return Part(said + text[c.noun.start:c.noun.end], start, c.noun.end, "respective_count")


def list_count(text: str, c: Candidate, spans: list[tuple[int, int]]) -> Part | None:
    """A count closing a list of names (A、B等31个项目; 城关镇、白石镇3个镇): the
    words that open the list, and the counted noun; with no such words, the
    names themselves (目前A项目等8个项目已开工 → A项目等项目已开工)."""
    assert c.noun is not None
    before = text[c.clause_start:c.start]
    noun = text[c.noun.start:c.noun.end]
    if "、" not in before and not (before.endswith("等") and noun in BARE_NOUNS):
        return None
    if before.endswith("、"):
        return None  # 储备2个百亿级项目、5个50亿级项目: a list of counts, each with its own noun
    first = c.clause_start + (before.index("、") if "、" in before else len(before) - 1)
    head_end = _list_start(text, c.clause_start, first, spans)
    start = trim_leading(text, c.clause_start, head_end) if head_end > c.clause_start else head_end
    end = head_end
    for word in LIST_HEAD_TRIMS:
        if text.endswith(word, start, end):
            end -= len(word)
            break
    head = text[start:end]
    # 签约A园等14个项目: one name, and no list to open; the whole clause says more.
    # 其中18个产业项目中A、B等9个项目: words with a count of their own do not open the list
    if noun in BARE_NOUNS and (not head or "、" not in before or COUNT_OR_YEAR.search(head) is not None):
        predicate = noun_predicate(text, c)
        return clause_noun(text, c, predicate if predicate and predicate.rule == "noun_predicate" else None)
    return Part(head + noun, start, c.noun.end, "list_count")


def _list_start(text: str, floor: int, first_break: int, spans: list[tuple[int, int]]) -> int:
    """Where the first item of a list begins: after the last word that opens a
    list (还有, 包括, 涉及, 了) outside a name, else at a name ending at its first 、."""
    best = floor
    for word in LIST_OPENERS:
        found = text.rfind(word, floor, first_break)
        if found >= 0 and not any(s <= found < e for s, e in spans):
            best = max(best, found + len(word))
    if best > floor:
        return best
    named = [start for start, end in spans if end == first_break and floor <= start]
    return min(named) if named else floor


def noun_predicate(text: str, c: Candidate) -> Part | None:
    """两家企业签署合作协议, 现场签约的12个项目: a bare noun is named by what it
    does next, or by the clause that modifies it."""
    assert c.noun is not None
    # 启动5个项目、16万平方米房屋征收: a 、 opens the next item, no predicate
    stop = min(clause_end(text, c.noun.end, c.sentence.end, ITEM_BREAKS), c.noun.end + PREDICATE_MAX)
    # 企业兑现补助资金143万元: the predicate ends at the next amount, once it says something
    stop = next((i for i in range(c.noun.end + 2, stop) if text[i].isdigit()), stop)
    predicate = text[c.noun.end:stop] if stop - c.noun.end >= 2 else ""  # 项目中: no predicate
    if stop < len(text) and text[stop].isdigit() and is_bare(predicate):
        predicate = ""  # 集中开工的19个项目总投资86.53亿元: 总投资 measures the amount, not the count
    item = clause_start(text, c.start, c.clause_start, ITEM_BREAKS)
    if text.endswith("的", item, c.start):
        start = trim_leading(text, item, c.start - 1)
        phrase = text[start:c.start - 1] + "的" + text[c.noun.start:c.noun.end] + predicate
        return Part(phrase, start, c.noun.end, "noun_modifier")
    if not predicate:
        return None
    return Part(text[c.noun.start:stop], c.noun.start, stop, "noun_predicate")


def activity(text: str, c: Candidate, sentences: list[Sentence]) -> Part | None:
    """九个项目 on a trip: the trip (赴长三角进行考察招商) said shortly before."""
    paragraph = text.rfind("\n", 0, c.start) + 1
    earlier = [s for s in sentences if s.index <= c.sentence.index]
    begin = max(paragraph, earlier[-ACTIVITY_LOOKBACK].start if len(earlier) >= ACTIVITY_LOOKBACK else 0)
    found = list(ACTIVITY.finditer(text, begin, c.start))
    if not found:
        return None
    return Part(text[found[-1].start(1):found[-1].end()], found[-1].start(1), found[-1].end(), "activity")


def copula_noun(text: str, c: Candidate) -> Part | None:
    """其中有3家为中国500强企业: the noun after 为/是 says what the count is."""
    if not text.startswith(("为", "是"), c.end):
        return None
    start = c.end + 1
    stop = min(clause_end(text, start, c.sentence.end), start + COPULA_REACH)
    found = first_counted_noun(text, start, stop)
    if found is None:
        return None
    return Part(text[start:found[0]], start, found[0], "copula_noun")
