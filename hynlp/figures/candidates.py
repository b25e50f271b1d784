"""From numbers in text to figure candidates: unit, value, qualifier, kind, counted noun.

A number becomes a candidate only when a unit follows it (or it is a
percentage word such as 六成); that alone keeps dates, clock times, durations,
names (阳光100) and numbered slogans (十大领域, 五兴) out. The checks in
:mod:`hynlp.figures.exclusions` remove the rest; :mod:`hynlp.figures.counted`
says what a count counts, :mod:`hynlp.figures.continuation` joins ranges and
lends kinds between neighbours.

>>> from hynlp.records import Sentence
>>> text = "精心谋划总投资3140亿元的216个省市区重点项目，亿元以上项目118个。"
>>> found = find_candidates(text, [Sentence(index=0, start=0, end=len(text))])
>>> [(c.surface(text), c.kind, c.value, c.unit) for c in found]
[('3140亿元', 'investment', Decimal('314000000000'), 'CNY'), ('216个', 'count', Decimal('216'), 'projects'), ('118个', 'count', Decimal('118'), 'projects')]
"""

from __future__ import annotations

from bisect import bisect_right
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

from hynlp.figures import exclusions
from hynlp.figures.continuation import continue_kinds, join_ranges
from hynlp.figures.counted import (
    PERSON_UNITS, NounPhrase, count_noun, counts_projects_by_item, firm_noun_at,
    firm_noun_before,
)
from hynlp.figures.kinds import kind_for, money_cue, trailing_cue
from hynlp.figures.lexicon import PRODUCT_MEASURES
from hynlp.figures.phrases import clause_start, is_cjk
from hynlp.figures.qualifiers import prefix_qualifier, resolve_qualifier, suffix_qualifier
from hynlp.figures.units import UnitMatch, match_unit
from hynlp.numbers import NumberSpan, scan_numbers, tidy
from hynlp.records import FigureKind, Qualifier, Sentence

__all__ = ["Candidate", "NounPhrase", "find_candidates"]

CUE_GAP = 2  # 总投资约, 签约金额达: a cue this close introduces the money itself
PROGRESS_MEASURES = frozenset("个家项")  # 第25个完成签约的项目; never 第二批重大项目签约
YUANLESS_LINKS = frozenset("总共合累计达到约为超近逾过")  # what may stand between a cue and 1.85亿
MAGNITUDES = MappingProxyType({"万": Decimal(10 ** 4), "亿": Decimal(10 ** 8)})
SHARED_LABEL_MAX = 4  # 高于全国0.7、全省2.3个百分点: the label between two listed numbers
RESPECTIVE = "分别"
RESPECTIVE_REACH = 4  # 分别有5、 / 分别为5、: 分别 and a link word right before the list
# Units a listed number may borrow from the number after it; a count's noun is
# read after its own measure word, which a borrowed unit does not have.
SHARING_FAMILIES = frozenset({"money", "percent", "points", "area", "length", "power", "energy",
                              "volume", "mass", "households"})  # 分别签约320、280户


# Immutable like a frozen dataclass, but built 4x faster: one is made per number or figure.
class Candidate(NamedTuple):
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
    spans = list(scan_numbers(text))
    units = [_unit_of(text, span) for span in spans]  # read once: shared_units asks too
    shared = shared_units(text, spans, units)
    found = []
    for span, unit in zip(spans, units):
        if unit is None and span.start not in shared and not _may_be_yuanless(text, span):
            continue  # no unit, none borrowed, none left out: no figure (a third of all numbers)
        index = bisect_right(starts, span.start) - 1
        if index < 0 or span.start >= sentences[index].end:
            continue
        candidate = _candidate(text, span, sentences[index], shared.get(span.start), unit)
        if candidate is not None:
            found.append(candidate)
    found = spread_respective_counts(text, spans, found)
    return continue_kinds(text, drop_member_thresholds(text, join_ranges(text, found)))


def spread_respective_counts(text: str, spans: list[NumberSpan], found: list[Candidate]) -> list[Candidate]:
    """两镇分别有5、8个项目: numbers listed with 、 after 分别 before one measure word
    count what the last one counts. Without 分别 a bare 3、5个 is a vague range
    (or a list marker), so it is left alone."""
    taken = {c.number.start for c in found}
    before = {span.end: span for span in spans}
    spread = []
    for c in found:
        items, first = [], c.number
        while c.family == "count" and text.startswith("、", first.start - 1):
            item = before.get(first.start - 1)
            if item is None or item.start in taken or item.percent or item.value_max is not None:
                break
            items.append(item)
            first = item
        if items and RESPECTIVE in text[max(c.clause_start, first.start - RESPECTIVE_REACH):first.start]:
            spread += [c._replace(start=item.start, end=item.end, number=item, value=tidy(item.value),
                                  value_max=None, qualifier=item.qualifier or "exact") for item in items]
    return sorted(found + spread, key=lambda c: c.start) if spread else found


def shared_units(text: str, spans: list[NumberSpan],
                 units: list[UnitMatch | None] | None = None) -> dict[int, UnitMatch]:
    """高于全国0.7、全省2.3个百分点: numbers listed with 、 before one unit all take
    that unit. Maps a unitless number's start to the unit it borrows; ``units``
    are the spans' own units when already read.

    >>> text = "分别高于全国0.7、全省2.3个百分点"
    >>> [(start, unit.unit) for start, unit in shared_units(text, list(scan_numbers(text))).items()]
    [(6, 'percentage_points')]
    """
    own = units if units is not None else [_unit_of(text, span) for span in spans]
    borrowed: dict[int, UnitMatch] = {}
    for index in range(len(spans) - 2, -1, -1):
        span, after = spans[index], spans[index + 1]
        unit = borrowed.get(after.start) or own[index + 1]
        if unit is None or unit.family not in SHARING_FAMILIES or own[index] is not None:
            continue
        if _lists_before(text, span, after):
            factor = unit.factor * _magnitude(after.text)  # 18.6、9.8亿元: 亿 is said once for both
            borrowed[span.start] = UnitMatch(unit.unit, unit.family, span.end, factor)
    return borrowed


def _magnitude(number: str) -> Decimal:
    """The worth of the 万 and 亿 a number ends with (9.8亿 → 1e8), 1 when none."""
    worth = Decimal(1)
    for ch in reversed(number):
        if ch not in MAGNITUDES:
            break
        worth *= MAGNITUDES[ch]
    return worth


def _lists_before(text: str, span: NumberSpan, after: NumberSpan) -> bool:
    """Whether ``span`` is an item of a list that ``after`` ends: written in digits,
    said after words (not a list marker at a line start: 1、新开工项目12个), and
    followed by 、 and at most a short label (全省)."""
    before = text[max(span.start - 2, 0):span.start]
    # 21.4 in 18.6、21.4、9.8亿元: an item in the middle of the list follows another
    chained = len(before) == 2 and before[1] == "、" and before[0].isdigit()
    if span.chinese or span.percent or not before or not (is_cjk(before[-1]) or chained):
        return False
    if text[span.end:span.end + 1] != "、":
        return False
    label = text[span.end + 1:after.start]
    return len(label) <= SHARED_LABEL_MAX and all(map(is_cjk, label))


def drop_member_thresholds(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """12家企业营业收入超亿元: a round bound said of each member of a group counted
    just before sorts them (as 亿元以上企业 does); it is no figure. The count stays."""
    kept: list[Candidate] = []
    for c in candidates:
        # only an amount asks for the group before it in its clause
        group = next((p for p in reversed(kept) if p.clause_start == c.clause_start), None) \
            if c.family == "money" else None
        if (c.family == "money" and group is not None and group.family == "count"
                and exclusions.member_threshold(text, c.number, group.unit, (group.end, c.start),
                                                bound=c.qualifier in ("at_least", "at_most"))):
            continue
        kept.append(c)
    return kept


def _unit_of(text: str, span: NumberSpan) -> UnitMatch | None:
    if span.percent:
        return UnitMatch("%", "percent", span.end)
    if span.end >= len(text):
        return None
    return match_unit(text, span.end)


def _may_be_yuanless(text: str, span: NumberSpan) -> bool:
    """Whether ``span`` ends in 万/亿 with no word after it, as money without 元 does."""
    after = text[span.end:span.end + 1]
    return not (span.percent or span.text[-1:] not in "万亿" or (is_cjk(after) and after != "的"))


def _yuanless_money(text: str, span: NumberSpan, floor: int) -> UnitMatch | None:
    """到位投资总计1.85亿: an amount in 万/亿 with 元 left out, right after a money cue."""
    if not _may_be_yuanless(text, span):
        return None
    cue = money_cue(text, span.start, floor)
    if cue is None or span.start - cue[1] > CUE_GAP + 1:
        return None
    if any(ch not in YUANLESS_LINKS for ch in text[cue[1]:span.start]):
        return None
    return UnitMatch("CNY", "money", span.end)


def _candidate(text: str, span: NumberSpan, sentence: Sentence, shared: UnitMatch | None,
               own_unit: UnitMatch | None) -> Candidate | None:
    unit = own_unit or shared
    if unit is None and not _may_be_yuanless(text, span):
        return None  # most numbers with no unit: no need to find their clause
    floor, ceiling = clause_start(text, span.start, sentence.start), sentence.end
    unit = unit or _yuanless_money(text, span, floor)
    if unit is None:
        return None
    if unit.family == "households" and (firm_noun_at(text, unit.end)
                                        or firm_noun_before(text, span.start, floor)):
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
    unit_code, noun, kind = unit.unit, None, None
    if unit.family == "count":
        noun = count_noun(text, span, unit, (start, end), (floor, ceiling, sentence.start))
        unit_code = noun.unit if noun is not None and unit.unit not in PERSON_UNITS else unit.unit
        if counts_projects_by_item(text, unit.measure, noun, sentence.start, start):
            unit_code = "projects"
        if capacity_of_project(unit.measure, noun):
            unit_code, kind = unit.unit or "units", "other"
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
    # positional, in field order: a NamedTuple built from keywords costs 3x as much
    return Candidate(
        start, end, span, value, value_max, unit_code, unit.family,
        resolve_qualifier(prefix, suffix, span.qualifier),
        kind or ("count" if progress else kind_for(unit.family, trailing or cue)),
        sentence, floor, cue, trailing, noun,
        f"{unit.family}:{unit.measure or unit_code}" + (":progress" if progress else ""),
    )


def capacity_of_project(measure: str | None, noun: NounPhrase | None) -> bool:
    """100万套车灯项目, 20万台电机项目: a product measure before a project noun is
    the project's capacity, not a count of projects."""
    return (measure in PRODUCT_MEASURES and noun is not None
            and noun.unit == "projects" and noun.side == "after")


def _excluded(text: str, span: NumberSpan, unit: UnitMatch) -> str | None:
    # 一 of 一个 is the most common exclusion and the cheapest test: it goes first
    # (the caller asks only whether there is a reason, not which)
    reason = (exclusions.article_one(span, text) or exclusions.ordinal(text, span.start)
              or exclusions.quoted_slogan(text, span.start)
              or exclusions.identifier(span.text, text, span.start) or exclusions.zero_word(span)
              or exclusions.conversion(text, span.start, unit.end)
              or exclusions.not_a_unit_word(text, unit.end, unit.unit, unit.measure))
    if reason is None and unit.family in ("count", "households"):
        reason = exclusions.inside_quotes(span, text)
    if reason is None and unit.family == "count":
        reason = exclusions.counts_time(text, unit.end)
    if reason is None and unit.family == "length":
        reason = exclusions.speed(text, span.start, unit.end)
    return reason
