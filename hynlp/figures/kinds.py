"""The kind of a figure: from its unit family and, for money, the cue word before it.

>>> text = "总投资20亿元，年产值50亿元，旅游收入达到70亿元"
>>> money_cue(text, 3, 0)
(0, 3, 'investment')
>>> money_cue(text, 12, 8)[2], money_cue(text, 24, 17)[2]
('output', 'revenue')
>>> kind_for("percent", None, ""), kind_for("mass", None, "建成后年产")
('rate', 'capacity')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from hynlp.figures.lexicon import CAPACITY_CUES, MONEY_CUES
from hynlp.records import FigureKind

FAMILY_KINDS: Mapping[str, FigureKind] = MappingProxyType({
    "percent": "rate", "points": "rate", "households": "households", "area": "area",
    "length": "length", "power": "capacity", "count": "count",
    "volume": "other",
})
CUE_WINDOW = 16


def money_cue(text: str, start: int, floor: int) -> tuple[int, int, FigureKind] | None:
    """The rightmost money cue word in the clause before ``start``: (start, end, kind)."""
    begin = max(floor, start - CUE_WINDOW)
    best: tuple[int, int, FigureKind] | None = None
    for cue, kind in MONEY_CUES:
        found = text.rfind(cue, begin, start)
        if found < 0:
            continue
        end = found + len(cue)
        if best is None or end > best[1] or (end == best[1] and found < best[0]):
            best = (found, end, kind)  # type: ignore[assignment]
    return best


def kind_for(family: str, cue: tuple[int, int, FigureKind] | None, before: str) -> FigureKind:
    """Kind by unit family; money takes its cue's kind; tonnage and energy are
    capacity after 年产/产能/装机, else other.

    ``before`` is the clause text before the number.
    """
    if family == "money":
        return cue[2] if cue else "other"
    if family in ("mass", "energy"):
        return "capacity" if any(word in before for word in CAPACITY_CUES) else "other"
    return FAMILY_KINDS[family]
