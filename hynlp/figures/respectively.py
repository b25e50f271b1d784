"""Figures spread by 分别 over items listed before them.

``甲项目、乙项目总投资分别为5亿元、3亿元``: the k-th figure after 分别 goes with
the k-th item. The items share the cue before 分别 (总投资), or the words after
it (一、二季度分别签约项目5个、8个), unless each names its own measure
(年产值和税收分别为5亿元、3000万元), which then also says the figure's kind.

>>> from hynlp.records import Sentence
>>> from hynlp.figures.candidates import find_candidates
>>> text = "达产后年产值和税收分别为5亿元、3000万元。"
>>> found = find_candidates(text, [Sentence(index=0, start=0, end=len(text))])
>>> pairs = [(c, None) for c in found]
>>> [(respectively(text, c, pairs[:i]).text, respective_kind(text, c, respectively(text, c, pairs[:i])))
...  for i, c in enumerate(found)]
[('达产后年产值', 'output'), ('税收', 'revenue')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hynlp.figures.candidates import Candidate
from hynlp.figures.kinds import money_cue
from hynlp.figures.nouns import Part
from hynlp.figures.phrases import is_cjk

MARKER = "分别"
ITEM_SPLIT = re.compile("[、和及与]")
LINKS = "为是达有约：:"  # 分别为12个、20个: links, not what is measured
SAID_MIN = 2
# 一、二季度分别…: numerals listed before one noun are one phrase, not the items
NUMERAL_LIST = re.compile("[一二三四五六七八九十两]、[一二三四五六七八九十两]")


def respectively(text: str, c: Candidate, earlier: Sequence[tuple[Candidate, object]]) -> Part | None:
    """The item of the list before 分别 that ``c`` goes with, as its own words;
    ``earlier`` pairs the candidates before ``c`` in its sentence, in order, with what
    is known of each (only the candidates are read)."""
    marker = text.rfind(MARKER, c.clause_start, c.start)
    if marker < 0:
        return None  # most figures: no 分别 before them in their clause
    rank = sum(1 for p, _ in earlier if marker < p.start)
    cue_before = c.cue is not None and c.cue[0] < marker
    own_measures = cue_before and _each_names_a_measure(text, c.clause_start, marker)
    head_end = c.cue[0] if c.cue is not None and cue_before and not own_measures else marker
    items = [item for item in ITEM_SPLIT.split(text[c.clause_start:head_end]) if item]
    if len(items) < 2 or rank >= len(items) or NUMERAL_LIST.search(text, c.clause_start, head_end):
        return None
    start = c.clause_start + sum(len(item) + 1 for item in items[:rank])
    cue = text[c.cue[0]:c.cue[1]] if c.cue is not None and cue_before and not own_measures else ""
    if not cue and not own_measures:  # 一、二季度分别签约项目5个、8个: the words after 分别
        first = next((p.start for p, _ in earlier if marker < p.start), c.start)
        said = text[marker + len(MARKER):first].lstrip(LINKS)
        cue = said if len(said) >= SAID_MIN and all(map(is_cjk, said)) else ""
    return Part(items[rank] + cue, start, start + len(items[rank]), "respectively")


def respective_kind(text: str, c: Candidate, own: Part | None) -> str:
    """The kind the cue inside a 分别 item names (年产值 of 年产值和税收分别为…),
    or "" to keep the one found before the number."""
    if own is None or c.family != "money" or own.rule != "respectively":
        return ""
    cue = money_cue(text, own.end, own.start)
    return cue[2] if cue is not None else ""


def _each_names_a_measure(text: str, start: int, end: int) -> bool:
    items = [item for item in ITEM_SPLIT.split(text[start:end]) if item]
    return len(items) >= 2 and all(money_cue(item, len(item), 0) is not None for item in items)
