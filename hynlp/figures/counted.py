"""What a count counts: the noun after it (216个重点项目), before it (签约项目90个)
or set up by the clause before (87个在建项目中，已有79个复工).

The noun decides the count's unit (projects, enterprises, …) and is the
subject's core; :mod:`~hynlp.figures.candidates` asks :func:`count_noun` for it.

>>> text = "签约项目90个，涉及企业12家。"
>>> noun = counted_noun(text, 4, 7, 0, len(text))
>>> (text[noun.start:noun.end], noun.unit, noun.side)
('签约项目', 'projects', 'before')
"""

from __future__ import annotations

import re
from typing import NamedTuple

from hynlp.figures.lexicon import (
    ABSTRACT_NOUNS, COUNTED_NOUNS, GROUP_UNITS, LINK_TRIMS, MEASURE_TOKENS, MONEY_CUES,
    PREDICATE_OPENERS,
)
from hynlp.figures.phrases import (
    ITEM_BREAKS, TRAILING_TRIM_LIST, WINDOW, clause_end, clause_start, counted_noun_ending,
    first_counted_noun, is_cjk, trim, trim_leading,
)
from hynlp.figures.units import UnitMatch
from hynlp.numbers import NumberSpan

GENERAL_NOUN_MAX = 8  # 组建8个产业招商专班: how long an unlisted counted noun may be
FRAME_ITEM_MAX = 3  # 87个项目中，已有79个复工: what may stand before a count that refers back
FRAME_ENDS = ("之中", "当中", "中", "里")
CONJUNCTIONS = ("及", "和", "与", "以及", "或")
ITEM_OPENERS = ("及", "以及")
PROJECT_WORDS = ("项目", "工程")
FIRM_UNITS = frozenset({"enterprises", "companies"})
ITEM_MEASURES = ("项", "宗")  # 宗 counts projects in some provinces' reports (重点项目91宗)
LEVEL_ENDINGS = ("级", "类")  # 省级6项, 工业类5项: a level or class, not a thing counted
PROJECT_LOOKBACK = 200  # 其中：\n省级6项: how far back a level count looks for projects
ITEM_VERBS = ("建设", "实施", "推进", "有")  # 已开工建设17项, 属于…的有23项
PERSON_UNITS = frozenset({"people", "person_times"})  # 17名乡镇长: 名 counts people, whatever noun follows
ASIDE_OPENERS = ("(", "（")  # 444项(打包项目拆分后…): an aside names nothing the count counts
# joined once here, not a new tuple per count
NEXT_ITEM_OPENERS = CONJUNCTIONS + ASIDE_OPENERS
PREDICATE_OR_ITEM_VERBS = PREDICATE_OPENERS + ITEM_VERBS
# the nouns for groups of firms, picked out of COUNTED_NOUNS once: one startswith, not a pass over all
GROUP_NOUNS = tuple(noun for noun, unit in COUNTED_NOUNS if unit in GROUP_UNITS)
# 17个子项目3490套: a measure that names its own unit (套) does not take a noun
# that another count before it already measures (312个项目开复工265个 shares it).
# 签约14个投资总额16.52亿元项目, 3个总投资超亿元的项目: an amount between a
# count and its noun says how big the counted things are; the noun is after it.
INNER_AMOUNT = re.compile(
    "(?:" + "|".join(re.escape(cue) for cue, kind in MONEY_CUES if kind == "investment") + ")"
    r"(?:约|达|超过|超|近|逾)?[0-9.一二两三四五六七八九十百千]*[万亿]*元(?:以上|左右)?的?")
# 4个10亿元以上项目, 5个50亿级项目, 3个超10亿元项目: a size class between a count
# and its noun sorts what is counted; the noun is after it, and the class
# belongs to the subject (10亿元以上项目), as CONVENTIONS asks.
INNER_THRESHOLD = re.compile(
    r"(?:(?:超过|超|逾)[0-9.]*[十百千]?[万亿]+元?|[0-9.]*[十百千]?[万亿]+元?(?:以上|级))的?")
# 新开工项目和竣工项目分别有6、9个: numbers listed with 、 before the last count
# stand between it and the noun before them
LISTED_NUMBERS = re.compile(r"(?:[0-9][0-9.]*、)+")
OTHER_COUNT = re.compile(r"[0-9一二两三四五六七八九十百千]+[个家项座所处栋幢套名位条]")


# Immutable like a frozen dataclass, but built 4x faster: one is made per number or figure.
class NounPhrase(NamedTuple):
    """What a count counts: ``text[start:end]`` ends in the counted noun."""

    start: int
    end: int
    unit: str
    side: str  # "after" (216个重点项目), "before" (签约项目90个) or "frame" (项目中，已有79个)


def count_noun(text: str, span: NumberSpan, unit: UnitMatch, surface: tuple[int, int],
                bounds: tuple[int, int, int]) -> NounPhrase | None:
    """What a count counts: a listed noun, else an unlisted one for a measure
    that needs a noun (个), else words after a measure that has its own unit (名, 栋)."""
    (start, end), (floor, ceiling, _) = surface, bounds
    noun = counted_noun(text, start, end, floor, ceiling)
    if noun is None and not unit.unit and (first := _chain_start(text, start, floor, unit.measure)) < start:
        # 新开工、续建项目分别为12个、20个: a count listed after another with the same
        # measure counts what the first of the list counts
        noun = counted_noun(text, first, first + text[first:start].index("、"), floor, ceiling)
    if noun is None and not unit.unit:
        return unlisted_noun(text, span, start, end, bounds, unit.measure or "")
    if (noun is None or unit.unit in PERSON_UNITS and noun.unit not in PERSON_UNITS) and not span.chinese:
        return _named_after(text, end, ceiling, unit.unit) or noun
    if noun is not None and noun.side == "before" and unit.unit \
            and OTHER_COUNT.search(text, clause_start(text, noun.start, floor, ITEM_BREAKS), noun.end):
        return None
    return noun


def _chain_start(text: str, start: int, floor: int, measure: str | None) -> int:
    """Where a run of counts joined by 、 (12个、20个、8个) that ends at ``start``
    begins; ``start`` when no count with the same measure stands right before."""
    first = start
    while measure and first - 2 > floor and text[first - 1] == "、" and text[first - 2] == measure:
        digits = first - 2
        while digits > floor and (text[digits - 1].isdigit() or text[digits - 1] == "."):
            digits -= 1
        if digits == first - 2:
            break
        first = digits
    return first


def firm_noun_at(text: str, pos: int) -> bool:
    return text.startswith(GROUP_NOUNS, pos)


def firm_noun_before(text: str, start: int, floor: int) -> bool:
    """规模以上企业达32户, 入园企业11户: 户 after a noun for firms counts the firms."""
    item, end = clause_start(text, start, floor, ITEM_BREAKS), start
    while (word := next((w for w in LINK_TRIMS if text.endswith(w, item, end)), None)) is not None:
        end -= len(word)
    found = counted_noun_ending(text, item, end)
    return found is not None and found[1] in FIRM_UNITS  # 市场主体8600户 stays households


def _named_after(text: str, end: int, ceiling: int, unit: str) -> NounPhrase | None:
    """派出20名招商大使, 4栋破旧危房: a measure that says what it counts (名, 栋)
    may still be followed by words that say which ones, for the subject."""
    found = _unlisted_after(text, end, ceiling)
    return NounPhrase(found[0], found[1], unit, "after") if found else None


def counts_projects_by_item(text: str, measure: str | None, noun: NounPhrase | None,
                             sentence_start: int, start: int) -> bool:
    """重点项目52项，已开工建设17项; 项目中…的有23项; 新开工项目(已开工8宗): 项 or 宗
    with no noun of its own, in a sentence about projects, counts projects; so
    does one after a level or class (省级6项、市级5项) in a passage about projects."""
    if measure not in ITEM_MEASURES:
        return False
    level = noun is not None and noun.side == "before" and text.endswith(LEVEL_ENDINGS, noun.start, noun.end)
    if noun is not None and not level:
        if noun.side == "after" or noun.unit != "items":
            return False
        # 办结审批事项35项 counts what its own noun names; only a verb or 有 before
        # the count leaves the sentence's projects as what is counted.
        if not text.endswith(PREDICATE_OR_ITEM_VERBS, 0, start):
            return False
    begin = max(0, start - PROJECT_LOOKBACK) if level else sentence_start
    return any(word in text[begin:start] for word in PROJECT_WORDS)


def counted_noun(text: str, start: int, end: int, floor: int, ceiling: int) -> NounPhrase | None:
    """The noun a count measures: right after it (5个中心) or right before it
    (签约项目90个). The one after wins when close or when there is none before."""
    after = _noun_after(text, end, ceiling)
    if after is None and text.startswith(ABSTRACT_NOUNS, end):
        return None  # 人才、楼宇七个方面: the count measures the aspects, not the noun before
    before = _noun_before(text, start, floor)
    if after is not None and (before is None or after.end - end <= WINDOW // 2):
        return after
    return before


def _noun_after(text: str, pos: int, ceiling: int) -> NounPhrase | None:
    if pos >= ceiling or text[pos] in ITEM_BREAKS or text.startswith(NEXT_ITEM_OPENERS, pos):
        return None  # 幼儿园3所、中小学2所, 厂房16栋及研发楼: the next item is not what is counted
    noun_start = pos
    inner = INNER_AMOUNT.match(text, pos)
    threshold = INNER_THRESHOLD.match(text, pos) if inner is None else None
    if threshold is not None and threshold.end() < ceiling and text[threshold.end()] not in ITEM_BREAKS:
        pos = threshold.end()  # the class stays in the phrase: noun_start is not moved
    elif inner is not None and inner.end() < ceiling and text[inner.end()] not in ITEM_BREAKS:
        pos = inner.end()  # 89个投资1000万元以上重大项目: a bound makes it a class, kept
        noun_start = noun_start if "以上" in inner.group() else pos
    stop = min(clause_end(text, pos, ceiling), pos + WINDOW)
    # Another count, or a conjunction that opens a second item
    # (四套班子及各乡镇…逐园区), ends what this count may measure; a
    # rate does not (第9个完成100%签约的项目).
    digit = next((i for i in range(pos, stop) if text[i].isdigit() and not _rate_at(text, i)
                  or text.startswith(ITEM_OPENERS, i)), stop)
    found = first_counted_noun(text, pos, digit)
    if found is None:
        return None
    # 有22家是招商引资企业: the copula links the count to its noun; it is no part of it
    start = noun_start + 1 if text[noun_start] in "是为" and found[0] - noun_start > 2 else noun_start
    return NounPhrase(start, found[0], found[1], "after")


def _rate_at(text: str, pos: int) -> bool:
    """True when the number at ``pos`` is a percentage (100%签约)."""
    end = pos
    while end < len(text) and (text[end].isdigit() or text[end] == "."):
        end += 1
    return text.startswith(("%", "％"), end)


def _noun_before(text: str, start: int, floor: int) -> NounPhrase | None:
    if text.startswith("、", start - 1):
        start = _list_start(text, start, floor)
    item = clause_start(text, start, floor, ITEM_BREAKS)
    end = start
    # strip linking words, never the whole item
    while (word := TRAILING_TRIM_LIST.ending_at(text, end, item + 1)) is not None:
        end -= len(word)
    found = counted_noun_ending(text, item, end)
    if found is None:
        return None
    return NounPhrase(trim_leading(text, item, found[0]), end, found[1], "before")


def _list_start(text: str, start: int, floor: int) -> int:
    """Where the run of numbers listed with 、 that ends at ``start`` begins."""
    begin = start - 1
    while begin > floor and (text[begin - 1].isdigit() or text[begin - 1] in ".、"):
        begin -= 1
    listed = LISTED_NUMBERS.fullmatch(text, begin, start)
    return begin if listed is not None else start


def unlisted_noun(text: str, span: NumberSpan, start: int, end: int, bounds: tuple[int, int, int],
                  measure: str) -> NounPhrase | None:
    """A noun not in COUNTED_NOUNS after a measure word that needs one (组建8个招商服务队,
    涵洞32道), or the counted noun of the clause before (87个在建项目中，已有79个复工).

    Only Arabic counts take an unlisted noun: Chinese small numerals before an
    unknown word are mostly rhetoric (三个方面, 两个维护).
    """
    floor, ceiling, sentence_start = bounds
    token = MEASURE_TOKENS.get(measure)
    if token is None:
        return None
    frame = _frame_noun(text, start, floor, sentence_start)
    if frame is not None or span.chinese:
        return frame
    after = _unlisted_after(text, end, ceiling)
    # 涵洞32道，: the noun before counts only when nothing follows the measure
    closed = end >= ceiling or text[end] in ITEM_BREAKS or not is_cjk(text[end])
    before = _unlisted_before(text, start, floor) if after is None and closed else None
    found = after or before
    if found is None:
        return None
    return NounPhrase(found[0], found[1], token, "after" if after else "before")


def _unlisted_after(text: str, pos: int, ceiling: int) -> tuple[int, int] | None:
    stop = pos
    while stop < ceiling and stop - pos < GENERAL_NOUN_MAX and is_cjk(text[stop]):
        if any(text.startswith(word, stop) for word in PREDICATE_OPENERS):
            break
        stop += 1
    return (pos, stop) if _plausible_noun(text[pos:stop]) else None


def _unlisted_before(text: str, start: int, floor: int) -> tuple[int, int] | None:
    begin, end = trim(text, clause_start(text, start, floor, ITEM_BREAKS), start)
    begin = max(begin, end - GENERAL_NOUN_MAX)
    phrase = text[begin:end]
    if not all(map(is_cjk, phrase)) or any(phrase.endswith(word) for word in PREDICATE_OPENERS):
        return None
    return (begin, end) if _plausible_noun(phrase) else None


def _plausible_noun(phrase: str) -> bool:
    return len(phrase) >= 2 and not any(phrase.startswith(word) or phrase.endswith(word)
                                        for word in ABSTRACT_NOUNS)


def _frame_noun(text: str, start: int, floor: int, sentence_start: int) -> NounPhrase | None:
    """87个在建重点项目中，已有79个复工: a count with little before it in its clause
    counts the things the clause before it sets up."""
    if floor <= sentence_start or start - floor > FRAME_ITEM_MAX:
        return None
    previous = clause_start(text, floor - 1, sentence_start)
    end = floor - 1
    frame_end = next((word for word in FRAME_ENDS if text.endswith(word, previous, end)), None)
    if frame_end is None:
        return None
    found = counted_noun_ending(text, previous, end - len(frame_end))
    if found is None:
        return None
    return NounPhrase(trim_leading(text, previous, found[0]), end - len(frame_end), found[1], "frame")
