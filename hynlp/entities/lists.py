"""Enumerations: the members of ``A、B、C`` lists.

Lists carry two kinds of evidence: a member's type can be read from its
neighbours (a company list, ``A、B、C等10个项目``), and the ``、`` marks give
every inner member clean edges. The first member's left edge comes from the
name scanner, so ``不远处的A、B等项目`` starts at ``A``.

>>> from hynlp.entities.lexicon import WordLists
>>> from hynlp.entities.boundaries import NameScanner
>>> from hynlp.entities.candidates import CandidatePool
>>> scanner = NameScanner(WordLists.read("entity_words.txt"))
>>> pool = CandidatePool("不远处的甲乙扩产能、丙丁二期等项目，也在推进。", [])
>>> end = pool.text.index("等")
>>> [pool.text[s:e] for s, e in members_ending_at(pool, scanner, end)]
['甲乙扩产能', '丙丁二期']
"""

from __future__ import annotations

from hynlp.entities.boundaries import CLAUSE_BREAKS, NameScanner, occurrences
from hynlp.entities.candidates import CandidatePool

LIST_MARK = "、"
LIST_ENDERS = frozenset("等")


def members_ending_at(pool: CandidatePool, scanner: NameScanner, end: int,
                      max_member: int = 24) -> list[tuple[int, int]]:
    """Member spans of the list whose last member ends at ``end``, left to right."""
    text = pool.text
    spans: list[tuple[int, int]] = []
    member_end, pos = end, end
    while pos > 0 and text[pos - 1] not in CLAUSE_BREAKS and member_end - pos <= max_member:
        if text[pos - 1] == LIST_MARK:
            spans.append((pos, member_end))
            member_end = pos - 1
        pos -= 1
    def is_member(name: str) -> bool:
        return len(name) >= 2 and not scanner.is_generic(name)

    def accept(start: int) -> int | None:
        start = scanner.trim_leading_tokens(pool, scanner.trim_leading(pool, start, member_end), member_end, is_member)
        return start if start is not None and is_member(text[start:member_end]) else None

    # The first member's suffix may follow a weak stop (上海恒和|集团), so the
    # scan goes on past a weak stop until the member is more than a generic word.
    first = scanner.left_edge(pool, member_end, max_len=max_member, accept=accept, stop_at_weak_word=False)
    if first is not None:
        spans.append((first, member_end))
    spans.reverse()
    return [(scanner.trim_leading(pool, s, e), e) for s, e in spans if e - s >= 2]


def enumerations(pool: CandidatePool, scanner: NameScanner) -> list[list[tuple[int, int]]]:
    """Every 、-list in the text, as lists of member spans."""
    text, found, covered = pool.text, [], -1
    for mark in occurrences(text, LIST_MARK):
        if mark <= covered:
            continue  # part of a list found at an earlier mark
        end = mark + 1
        while end < len(text) and (text[end] not in CLAUSE_BREAKS and text[end] not in LIST_ENDERS
                                   or text[end] == LIST_MARK):
            end += 1
        covered = end
        members = members_ending_at(pool, scanner, end)
        if len(members) >= 2:
            found.append(members)
    return found
