"""The kind of a figure: from its unit family and, for money, the cue word before it.

The kinds are exactly those of the annotation conventions: investment,
revenue, output, funding, households, rate, area, length, count, other.
Power (千瓦, 兆瓦), tonnage and energy have no kind of their own: they are
``other``, whatever cue (装机容量, 年产) introduces them.

>>> text = "总投资20亿元，年产值50亿元，旅游收入达到70亿元"
>>> money_cue(text, 3, 0)
(0, 3, 'investment')
>>> money_cue(text, 12, 8)[2], money_cue(text, 24, 17)[2]
('output', 'revenue')
>>> kind_for("percent", None), kind_for("power", None), kind_for("mass", None)
('rate', 'other', 'other')
>>> trailing_cue("5000万元风险补偿资金池", 6, 13)
(6, 13, 'funding')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from hynlp.figures.lexicon import MONEY_CUES, MONEY_NOUN_HEADS
from hynlp.figures.phrases import ITEM_BREAKS, clause_end
from hynlp.records import FigureKind

FAMILY_KINDS: Mapping[str, FigureKind] = MappingProxyType({
    "percent": "rate", "points": "rate", "households": "households", "area": "area",
    "length": "length", "count": "count", "power": "other", "energy": "other", "mass": "other",
    "volume": "other",
})
CUE_WINDOW = 16
# The cues written backwards, longest first (as MONEY_CUES is ordered).
REVERSED_CUES = re.compile("|".join(re.escape(cue[::-1]) for cue, _ in MONEY_CUES))
LONGEST_CUE = max(len(cue) for cue, _ in MONEY_CUES)
CUE_KINDS: Mapping[str, FigureKind] = MappingProxyType(dict(MONEY_CUES))  # type: ignore[arg-type]
TRAILING_NOUN_MAX = 10  # 5000万元风险补偿资金池: how far the noun after the money may reach


def money_cue(text: str, start: int, floor: int) -> tuple[int, int, FigureKind] | None:
    """The rightmost money cue word in the clause before ``start``: (start, end, kind)."""
    begin = max(floor, start - CUE_WINDOW)
    # The rightmost end wins, and of two cues ending there the longer: in the window
    # read backwards, that is the first match, longest first.
    window = text[begin:start]
    found = REVERSED_CUES.search(window[::-1])
    if found is None:
        return None
    cue = found.group()[::-1]
    end = begin + len(window) - found.start()
    if end - len(cue) == begin and begin > floor:
        # 到位资金为5.4亿元、29.1亿元、19.2亿元: the window may cut a cue (到位|资金);
        # the whole cue ending there names the kind
        wider = text[max(floor, begin - LONGEST_CUE):end][::-1]
        cue = REVERSED_CUES.match(wider).group()[::-1]  # type: ignore[union-attr]
    return end - len(cue), end, CUE_KINDS[cue]


def trailing_cue(text: str, end: int, ceiling: int) -> tuple[int, int, FigureKind] | None:
    """A money noun right after the amount names it: 5000万元风险补偿资金池,
    50亿元的意向性授信. Returns the noun phrase's span and the kind of its head."""
    start = end + 1 if text.startswith("的", end) else end
    stop = min(clause_end(text, start, ceiling, ITEM_BREAKS), start + TRAILING_NOUN_MAX)
    best: tuple[int, int, FigureKind] | None = None
    for head, kind in MONEY_NOUN_HEADS:
        found = text.find(head, start, stop)
        if found < 0 or any(ch.isdigit() for ch in text[start:found]):
            continue
        if best is None or found + len(head) > best[1]:
            best = (start, found + len(head), kind)  # type: ignore[assignment]
    return best


def kind_for(family: str, cue: tuple[int, int, FigureKind] | None) -> FigureKind:
    """Kind by unit family; money takes its cue's kind, else ``other``."""
    if family == "money":
        return cue[2] if cue else "other"
    return FAMILY_KINDS[family]
