"""From numbers in text to figure candidates: unit, value, qualifier, kind, counted noun.

A number becomes a candidate only when a unit follows it (or it is a
percentage word such as 六成); that alone keeps dates, clock times, durations,
names (阳光100) and numbered slogans (十大领域, 五兴) out. The checks in
:mod:`hynlp.figures.exclusions` remove the rest.

>>> from hynlp.records import Sentence
>>> text = "精心谋划总投资3140亿元的216个省市区重点项目，亿元以上项目118个。"
>>> found = find_candidates(text, [Sentence(index=0, start=0, end=len(text))])
>>> [(c.surface(text), c.kind, c.value, c.unit) for c in found]
[('3140亿元', 'investment', Decimal('314000000000'), 'CNY'), ('216个', 'count', Decimal('216'), 'projects'), ('118个', 'count', Decimal('118'), 'projects')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal

from hynlp.figures import exclusions
from hynlp.figures.kinds import kind_for, money_cue, trailing_cue
from hynlp.figures.lexicon import (
    ABSTRACT_NOUNS, CONTINUATION_OPENERS, COUNTED_NOUNS, GROUP_UNITS, LINK_TRIMS, MEASURE_TOKENS,
    PREDICATE_OPENERS, TRAILING_TRIMS,
)
from hynlp.figures.phrases import (
    ITEM_BREAKS, WINDOW, clause_end, clause_start, counted_noun_ending, first_counted_noun, is_cjk,
    trim, trim_leading,
)
from hynlp.figures.qualifiers import prefix_qualifier, resolve_qualifier, suffix_qualifier
from hynlp.figures.units import UnitMatch, match_unit
from hynlp.numbers import NumberSpan, scan_numbers, tidy
from hynlp.records import FigureKind, Qualifier, Sentence

RANGE_MARKS = frozenset("至到-~～—－")
CUE_GAP = 2  # 总投资约, 签约金额达: a cue this close introduces the money itself
GENERAL_NOUN_MAX = 8  # 组建8个产业招商专班: how long an unlisted counted noun may be
FRAME_ITEM_MAX = 3  # 87个项目中，已有79个复工: what may stand before a count that refers back
FRAME_ENDS = ("之中", "当中", "中", "里")
CONJUNCTIONS = ("及", "和", "与", "以及", "或")
ITEM_OPENERS = ("及", "以及")
PROJECT_WORDS = ("项目", "工程")
ITEM_VERBS = ("建设", "实施", "推进", "有")  # 已开工建设17项, 属于…的有23项
PROGRESS_MEASURES = frozenset("个家项")  # 第25个完成签约的项目; never 第二批重大项目签约
PERSON_UNITS = frozenset({"people", "person_times"})  # 17名乡镇长: 名 counts people, whatever noun follows
ASIDE_OPENERS = ("(", "（")  # 444项(打包项目拆分后…): an aside names nothing the count counts
# 17个子项目3490套: a measure that names its own unit (套) does not take a noun
# that another count before it already measures (312个项目开复工265个 shares it).
OTHER_COUNT = re.compile(r"[0-9一二两三四五六七八九十百千]+[个家项座所处栋幢套名位条]")
YUANLESS_LINKS = frozenset("总共合累计达到约为超近逾过")  # what may stand between a cue and 1.85亿


@dataclass(frozen=True)
class NounPhrase:
    """What a count counts: ``text[start:end]`` ends in the counted noun."""

    start: int
    end: int
    unit: str
    side: str  # "after" (216个重点项目), "before" (签约项目90个) or "frame" (项目中，已有79个)


@dataclass(frozen=True)
class Candidate:
    start: int  # surface start: a qualifier word before the number is included
    end: int  # surface end: unit and a qualifier word after it included
    number: NumberSpan
    value: Decimal
    value_max: Decimal | None
    unit: str
    family: str
    qualifier: Qualifier
    kind: FigureKind
    sentence: Sentence
    clause_start: int
    cue: tuple[int, int, FigureKind] | None = None  # the money cue word before the amount
    trailing: tuple[int, int, FigureKind] | None = None  # the money noun after it (万元专项资金)
    noun: NounPhrase | None = None
    rule: str = ""

    def surface(self, text: str) -> str:
        return text[self.start:self.end]


def find_candidates(text: str, sentences: list[Sentence]) -> list[Candidate]:
    """Every figure candidate of ``text``, in order, ranges joined."""
    starts = [s.start for s in sentences]
    found = []
    for span in scan_numbers(text):
        index = bisect_right(starts, span.start) - 1
        if index < 0 or span.start >= sentences[index].end:
            continue
        candidate = _candidate(text, span, sentences[index])
        if candidate is not None:
            found.append(candidate)
    return _continue_kinds(text, _join_ranges(text, found))


def _unit_of(text: str, span: NumberSpan) -> UnitMatch | None:
    if span.percent:
        return UnitMatch("%", "percent", span.end)
    if span.end >= len(text):
        return None
    return match_unit(text, span.end)


def _yuanless_money(text: str, span: NumberSpan, floor: int) -> UnitMatch | None:
    """到位投资总计1.85亿: an amount in 万/亿 with 元 left out, right after a money cue."""
    after = text[span.end:span.end + 1]
    if span.percent or span.text[-1:] not in "万亿" or (is_cjk(after) and after != "的"):
        return None
    cue = money_cue(text, span.start, floor)
    if cue is None or span.start - cue[1] > CUE_GAP + 1:
        return None
    if any(ch not in YUANLESS_LINKS for ch in text[cue[1]:span.start]):
        return None
    return UnitMatch("CNY", "money", span.end)


def _candidate(text: str, span: NumberSpan, sentence: Sentence) -> Candidate | None:
    floor, ceiling = clause_start(text, span.start, sentence.start), sentence.end
    unit = _unit_of(text, span) or _yuanless_money(text, span, floor)
    if unit is None:
        return None
    if unit.family == "households" and _firm_noun_at(text, unit.end):
        unit = UnitMatch("", "count", unit.end, measure="户")  # 11户企业: 户 counts firms here
    progress = (unit.measure in PROGRESS_MEASURES
                and exclusions.progress_ordinal(text, span.start, unit.end, ceiling))
    if not progress and _excluded(text, span, unit):
        return None
    if unit.family in ("count", "households") and exclusions.per_period(text, floor, span.start):
        return None
    prefix, start = prefix_qualifier(text, span.start, floor)
    if exclusions.label_number(span, prefix is not None):
        return None
    suffix, end = suffix_qualifier(text, unit.end, ceiling)
    unit_code, noun = unit.unit, None
    if unit.family == "count":
        noun = _count_noun(text, span, unit, (start, end), (floor, ceiling, sentence.start))
        unit_code = noun.unit if noun is not None and unit.unit not in PERSON_UNITS else unit.unit
        if _counts_projects_by_item(text, unit.measure, noun, sentence.start, start):
            unit_code = "projects"
        if not unit_code:
            return None
    cue = money_cue(text, start, floor) if unit.family == "money" else None
    trailing = None
    if unit.family == "money":
        cue_adjacent = cue is not None and start - cue[1] <= CUE_GAP
        bound = suffix is not None or prefix in ("at_least", "at_most")
        if exclusions.threshold(text, end, ceiling, bound=bound, cue_adjacent=cue_adjacent):
            return None
        trailing = None if cue_adjacent else trailing_cue(text, end, ceiling)
    value = tidy(span.value * unit.factor + unit.extra)
    value_max = tidy(span.value_max * unit.factor) if span.value_max is not None else None
    return Candidate(
        start=start, end=end, number=span, value=value, value_max=value_max, unit=unit_code,
        family=unit.family, qualifier=resolve_qualifier(prefix, suffix, span.qualifier),
        kind="count" if progress else kind_for(unit.family, trailing or cue),
        sentence=sentence, clause_start=floor, cue=cue, trailing=trailing, noun=noun,
        rule=f"{unit.family}:{unit.measure or unit_code}" + (":progress" if progress else ""),
    )


def _count_noun(text: str, span: NumberSpan, unit: UnitMatch, surface: tuple[int, int],
                bounds: tuple[int, int, int]) -> NounPhrase | None:
    """What a count counts: a listed noun, else an unlisted one for a measure
    that needs a noun (个), else words after a measure that has its own unit (名, 栋)."""
    (start, end), (floor, ceiling, _) = surface, bounds
    noun = counted_noun(text, start, end, floor, ceiling)
    if noun is None and not unit.unit:
        return unlisted_noun(text, span, start, end, bounds, unit.measure or "")
    if (noun is None or unit.unit in PERSON_UNITS and noun.unit not in PERSON_UNITS) and not span.chinese:
        return _named_after(text, end, ceiling, unit.unit) or noun
    if noun is not None and noun.side == "before" and unit.unit \
            and OTHER_COUNT.search(text, clause_start(text, noun.start, floor, ITEM_BREAKS), noun.end):
        return None
    return noun


def _firm_noun_at(text: str, pos: int) -> bool:
    return any(text.startswith(noun, pos) for noun, unit in COUNTED_NOUNS if unit in GROUP_UNITS)


def _named_after(text: str, end: int, ceiling: int, unit: str) -> NounPhrase | None:
    """派出20名招商大使, 4栋破旧危房: a measure that says what it counts (名, 栋)
    may still be followed by words that say which ones, for the subject."""
    found = _unlisted_after(text, end, ceiling)
    return NounPhrase(found[0], found[1], unit, "after") if found else None


def _counts_projects_by_item(text: str, measure: str | None, noun: NounPhrase | None,
                             sentence_start: int, start: int) -> bool:
    """重点项目52项，已开工建设17项; 项目中…的有23项: 项 with no noun of its own,
    in a sentence about projects, counts projects."""
    if measure != "项" or noun is not None and (noun.side == "after" or noun.unit != "items"):
        return False
    # 办结审批事项35项 counts what its own noun names; only a verb or 有 before
    # the count leaves the sentence's projects as what is counted.
    if noun is not None and not text.endswith(PREDICATE_OPENERS + ITEM_VERBS, 0, start):
        return False
    return any(word in text[sentence_start:start] for word in PROJECT_WORDS)


def _excluded(text: str, span: NumberSpan, unit: UnitMatch) -> str | None:
    reason = (exclusions.ordinal(text, span.start) or exclusions.quoted_slogan(text, span.start)
              or exclusions.identifier(span.text, text, span.start) or exclusions.zero_word(span)
              or exclusions.conversion(text, span.start, unit.end))
    if reason is None:
        reason = (exclusions.article_one(span, text)
                  or exclusions.not_a_unit_word(text, unit.end, unit.unit, unit.measure))
    if reason is None and unit.family in ("count", "households"):
        reason = exclusions.inside_quotes(span, text)
    if reason is None and unit.family == "count":
        reason = exclusions.counts_time(text, unit.end)
    if reason is None and unit.family == "length":
        reason = exclusions.speed(text, span.start, unit.end)
    return reason


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
    if pos >= ceiling or text[pos] in ITEM_BREAKS or text.startswith(CONJUNCTIONS + ASIDE_OPENERS, pos):
        return None  # 幼儿园3所、中小学2所, 厂房16栋及研发楼: the next item is not what is counted
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
    start = pos + 1 if text[pos] in "是为" and found[0] - pos > 2 else pos
    return NounPhrase(start, found[0], found[1], "after")


def _rate_at(text: str, pos: int) -> bool:
    """True when the number at ``pos`` is a percentage (100%签约)."""
    end = pos
    while end < len(text) and (text[end].isdigit() or text[end] == "."):
        end += 1
    return text.startswith(("%", "％"), end)


def _noun_before(text: str, start: int, floor: int) -> NounPhrase | None:
    item = clause_start(text, start, floor, ITEM_BREAKS)
    end, changed = start, True
    while changed:
        changed = False
        for word in TRAILING_TRIMS:
            if text.endswith(word, item, end) and end - len(word) > item:
                end, changed = end - len(word), True
                break
    found = counted_noun_ending(text, item, end)
    if found is None:
        return None
    return NounPhrase(trim_leading(text, item, found[0]), end, found[1], "before")


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


def _continue_kinds(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """新增贷款45.8亿元，同比多增7.2亿元: money in a clause that continues the
    amount before it, with no cue of its own, is of that amount's kind."""
    result: list[Candidate] = []
    for candidate in candidates:
        last = result[-1] if result else None
        opening = text[candidate.clause_start:candidate.start].lstrip(" ")
        if (last is not None and candidate.family == "money" and last.family == "money"
                and candidate.kind == "other" and last.sentence == candidate.sentence
                and opening.startswith(CONTINUATION_OPENERS)):
            candidate = replace(candidate, kind=last.kind)
        elif last is not None and _projects_amount(text, last, candidate, opening):
            candidate = replace(candidate, kind="investment")
        elif candidate.family == "money" and candidate.kind == "other":
            cue = _cue_before_clause(text, candidate, result)
            candidate = replace(candidate, kind=cue[2], cue=cue) if cue is not None else candidate
        result.append(candidate)
    return result


def _cue_before_clause(text: str, c: Candidate,
                       earlier: list[Candidate]) -> tuple[int, int, FigureKind] | None:
    """年税收增加一倍，达1500万元; 投资方面，全年完成50亿元: an amount whose clause
    says nothing but a link (达, 完成) measures the money word of the clause before,
    when that clause has no amount of its own to take it."""
    if c.clause_start <= c.sentence.start or c.trailing is not None:
        return None
    start = trim_leading(text, c.clause_start, c.start)
    end = c.start
    while end > start and any(text.endswith(word, start, end) for word in LINK_TRIMS):
        end -= next(len(word) for word in LINK_TRIMS if text.endswith(word, start, end))
    if end > start:
        return None
    previous = clause_start(text, c.clause_start - 1, c.sentence.start)
    if any(e.family == "money" and previous <= e.start < c.clause_start for e in earlier):
        return None
    return money_cue(text, c.clause_start - 1, previous)


def _projects_amount(text: str, last: Candidate, candidate: Candidate, opening: str) -> bool:
    """签约项目14个，177.2亿元: an amount with no word of its own, right after a
    count of projects, is what those projects invest."""
    return (candidate.family == "money" and candidate.kind == "other" and not opening.strip()
            and last.unit == "projects" and last.sentence == candidate.sentence
            and not text[last.end:candidate.clause_start].strip(" ，,、"))


def _join_ranges(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """5亿元至8亿元, 5%-8%: two figures of one unit joined by 至 are one range."""
    joined: list[Candidate] = []
    for candidate in candidates:
        last = joined[-1] if joined else None
        if (last is not None and last.value_max is None and candidate.value_max is None
                and last.unit == candidate.unit and last.sentence == candidate.sentence
                and text[last.end:candidate.start] in RANGE_MARKS and candidate.value > last.value):
            qualifier = last.qualifier if last.qualifier != "exact" else candidate.qualifier
            joined[-1] = replace(last, end=candidate.end, value_max=candidate.value,
                                 qualifier=qualifier, noun=candidate.noun or last.noun)
            continue
        joined.append(candidate)
    return joined
