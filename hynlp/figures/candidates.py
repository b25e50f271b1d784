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

from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal

from hynlp.figures import exclusions
from hynlp.figures.kinds import kind_for, money_cue
from hynlp.figures.lexicon import TRAILING_TRIMS
from hynlp.figures.phrases import (
    ITEM_BREAKS, WINDOW, clause_end, clause_start, counted_noun_ending, first_counted_noun,
    trim_leading,
)
from hynlp.figures.qualifiers import prefix_qualifier, resolve_qualifier, suffix_qualifier
from hynlp.figures.units import UnitMatch, match_unit
from hynlp.numbers import NumberSpan, scan_numbers, tidy
from hynlp.records import FigureKind, Qualifier, Sentence

RANGE_MARKS = frozenset("至到-~～—－")
CUE_GAP = 2  # 总投资约, 签约金额达: a cue this close introduces the money itself


@dataclass(frozen=True)
class NounPhrase:
    """What a count counts: ``text[start:end]`` ends in the counted noun."""

    start: int
    end: int
    unit: str
    side: str  # "after" (216个重点项目) or "before" (签约项目90个)


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
    cue: tuple[int, int, FigureKind] | None = None
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
    return _join_ranges(text, found)


def _unit_of(text: str, span: NumberSpan) -> UnitMatch | None:
    if span.percent:
        return UnitMatch("%", "percent", span.end)
    if span.end >= len(text):
        return None
    return match_unit(text, span.end)


def _candidate(text: str, span: NumberSpan, sentence: Sentence) -> Candidate | None:
    unit = _unit_of(text, span)
    if unit is None:
        return None
    floor, ceiling = clause_start(text, span.start, sentence.start), sentence.end
    progress = unit.family == "count" and exclusions.progress_ordinal(text, span.start, unit.end, ceiling)
    if not progress and _excluded(text, span, unit):
        return None
    prefix, start = prefix_qualifier(text, span.start, floor)
    if exclusions.label_number(span, prefix is not None):
        return None
    suffix, end = suffix_qualifier(text, unit.end, ceiling)
    unit_code, noun = unit.unit, None
    if unit.family == "count":
        noun = counted_noun(text, start, end, floor, ceiling)
        unit_code = noun.unit if noun is not None else unit.unit
        if not unit_code:
            return None
    cue = money_cue(text, start, floor) if unit.family == "money" else None
    if unit.family == "money":
        cue_adjacent = cue is not None and start - cue[1] <= CUE_GAP
        if exclusions.threshold(text, end, ceiling, has_suffix=suffix is not None, cue_adjacent=cue_adjacent):
            return None
    value = tidy(span.value * unit.factor + unit.extra)
    value_max = tidy(span.value_max * unit.factor) if span.value_max is not None else None
    return Candidate(
        start=start, end=end, number=span, value=value, value_max=value_max, unit=unit_code,
        family=unit.family, qualifier=resolve_qualifier(prefix, suffix, span.qualifier),
        kind="count" if progress else kind_for(unit.family, cue, text[floor:span.start]),
        sentence=sentence, clause_start=floor, cue=cue, noun=noun,
        rule=f"{unit.family}:{unit.measure or unit_code}" + (":progress" if progress else ""),
    )


def _excluded(text: str, span: NumberSpan, unit: UnitMatch) -> str | None:
    reason = (exclusions.ordinal(text, span.start) or exclusions.quoted_slogan(text, span.start)
              or exclusions.identifier(span.text, text, span.start))
    if reason is None:
        reason = exclusions.article_one(span, text) or exclusions.not_a_unit_word(text, unit.end, unit.unit)
    if reason is None and unit.family in ("count", "households"):
        reason = exclusions.inside_quotes(span, text)
    if reason is None and unit.family == "count":
        reason = exclusions.counts_time(text, unit.end)
    return reason


def counted_noun(text: str, start: int, end: int, floor: int, ceiling: int) -> NounPhrase | None:
    """The noun a count measures: right after it (5个中心) or right before it
    (签约项目90个). The one after wins when close or when there is none before."""
    after = _noun_after(text, end, ceiling)
    before = _noun_before(text, start, floor)
    if after is not None and (before is None or after.end - end <= WINDOW // 2):
        return after
    return before


def _noun_after(text: str, pos: int, ceiling: int) -> NounPhrase | None:
    if pos >= ceiling or text[pos] in ITEM_BREAKS:
        return None  # 幼儿园3所、中小学2所: the next item is not what 3所 counts
    stop = min(clause_end(text, pos, ceiling), pos + WINDOW)
    digit = next((i for i in range(pos, stop) if text[i].isdigit()), stop)
    found = first_counted_noun(text, pos, digit)
    return NounPhrase(pos, found[0], found[1], "after") if found else None


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
