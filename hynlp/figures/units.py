"""The unit written after a number: money, percent, area, measure words...

>>> text = "123元1角1分，8亿元人民币，5个中心"
>>> match_unit(text, 3)
UnitMatch(unit='CNY', family='money', end=8, factor=Decimal('1'), extra=Decimal('0.11'), measure=None)
>>> match_unit(text, 11).end
15
>>> match_unit(text, 17).measure
'个'
"""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

from hynlp.figures.lexicon import LATIN_UNITS, MEASURES, UNITS
from hynlp.numbers import CHINESE_DIGITS

DIGIT_VALUES = MappingProxyType({**{str(d): d for d in range(10)}, **CHINESE_DIGITS})
# 分 is a cent only where no other word goes on (not 分钟, 分别, 分之).
CENT_FOLLOWERS = frozenset("，。；！？,;!? \n)）、")


class UnitMatch(NamedTuple):
    unit: str  # unit code; for a measure word, the default counted unit or ""
    family: str  # money, percent, points, area, length, power, energy, volume, mass, households, count
    end: int
    factor: Decimal = Decimal(1)
    extra: Decimal = Decimal(0)  # 角 and 分 after 元
    measure: str | None = None


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The unit starting at ``pos`` (one space allowed before it), or None."""
    if text[pos:pos + 1] == " ":
        pos += 1
    for written, unit, family, factor in UNITS:
        if text.startswith(written, pos):
            end = pos + len(written)
            if family == "money" and unit == "CNY":
                return _with_small_change(text, end, factor)
            return UnitMatch(unit, family, end, factor)
    for written, unit, family in LATIN_UNITS:
        end = pos + len(written)
        after = text[end:end + 1]
        if text.startswith(written, pos) and not (after.isascii() and after.isalnum()):
            return UnitMatch(unit, family, end)
    for measure in sorted(MEASURES, key=len, reverse=True):
        if text.startswith(measure, pos):
            return UnitMatch(MEASURES[measure] or "", "count", pos + len(measure), measure=measure)
    return None


def _with_small_change(text: str, end: int, factor: Decimal) -> UnitMatch:
    """元 then 角 and 分 (123元1角1分): the small change joins the amount."""
    if text.startswith("人民币", end):
        return UnitMatch("CNY", "money", end + 3, factor)
    extra, cursor = Decimal(0), end
    for mark, worth in (("角", Decimal("0.1")), ("分", Decimal("0.01"))):
        digit = DIGIT_VALUES.get(text[cursor:cursor + 1])
        if digit is None or text[cursor + 1:cursor + 2] != mark:
            continue
        after = text[cursor + 2:cursor + 3]
        if mark == "分" and after and after not in CENT_FOLLOWERS:
            break
        extra += digit * worth
        cursor += 2
    return UnitMatch("CNY", "money", cursor, factor, extra)
