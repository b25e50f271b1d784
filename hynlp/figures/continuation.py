"""Candidates read with their neighbours: ranges joined (5亿元至8亿元), and the
kind of an amount with no word of its own taken from the amount, count or
clause before it (同比多增7.2亿元; 签约项目14个，177.2亿元).

>>> from hynlp.figures.candidates import find_candidates
>>> from hynlp.records import Sentence
>>> text = "新增贷款45.8亿元，同比多增7.2亿元。"
>>> [c.kind for c in find_candidates(text, [Sentence(index=0, start=0, end=len(text))])]
['funding', 'funding']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hynlp.figures.kinds import money_cue
from hynlp.figures.lexicon import CONTINUATION_OPENERS, LINK_TRIMS
from hynlp.figures.phrases import clause_start, trim_leading
from hynlp.records import FigureKind

if TYPE_CHECKING:  # candidates imports this module; the class is only named here
    from hynlp.figures.candidates import Candidate

RANGE_MARKS = frozenset("至到-~～—－")


def continue_kinds(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """新增贷款45.8亿元，同比多增7.2亿元: money in a clause that continues the
    amount before it, with no cue of its own, is of that amount's kind."""
    result: list[Candidate] = []
    for candidate in candidates:
        last = result[-1] if result else None
        opening = text[candidate.clause_start:candidate.start].lstrip(" ")
        if (last is not None and candidate.family == "money" and last.family == "money"
                and candidate.kind == "other" and last.sentence == candidate.sentence
                and opening.startswith(CONTINUATION_OPENERS)):
            candidate = candidate._replace(kind=last.kind)
        elif last is not None and _projects_amount(text, last, candidate, opening):
            candidate = candidate._replace(kind="investment")
        elif candidate.family == "money" and candidate.kind == "other":
            cue = _cue_before_clause(text, candidate, result)
            candidate = candidate._replace(kind=cue[2], cue=cue) if cue is not None else candidate
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


def join_ranges(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """5亿元至8亿元, 5%-8%: two figures of one unit joined by 至 are one range."""
    joined: list[Candidate] = []
    for candidate in candidates:
        last = joined[-1] if joined else None
        if (last is not None and last.value_max is None and candidate.value_max is None
                and last.unit == candidate.unit and last.sentence == candidate.sentence
                and text[last.end:candidate.start] in RANGE_MARKS and candidate.value > last.value):
            qualifier = last.qualifier if last.qualifier != "exact" else candidate.qualifier
            joined[-1] = last._replace(end=candidate.end, value_max=candidate.value,
                                       qualifier=qualifier, noun=candidate.noun or last.noun)
            continue
        joined.append(candidate)
    return joined
