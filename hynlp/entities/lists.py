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

import re
from collections.abc import Callable

from hynlp.entities.boundaries import CLAUSE_BREAKS, NameScanner, occurrences
from hynlp.entities.candidates import CandidatePool

LIST_MARK = "、"
LIST_ENDERS = frozenset("等")
TITLE_TAG = "title"  # the segmenter's tag for a job title it knows
MAX_MEMBER = 24
# Regex classes for the character scans below: one search in C instead of a Python step per character.
LIST_END = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS | LIST_ENDERS))) + "]")
MARK_OR_BREAK = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS | {LIST_MARK}))) + "]")


def members_ending_at(pool: CandidatePool, scanner: NameScanner, end: int,
                      max_member: int = MAX_MEMBER, *, split_at_clause: bool = False) -> list[tuple[int, int]]:
    """Member spans of the list whose last member ends at ``end``, left to right.

    With ``split_at_clause``, a job title inside an inner member opens the list:
    in 县委常委、常务副县长某某对|甲产业园、乙项目等 the first member starts after
    the title's clause, and 县委常委 is no member.
    """
    text = pool.text
    spans, member_end = _inner_members(text, end, max_member)
    if split_at_clause:
        opening = next((index for index, (s, e) in enumerate(spans) if _holds_title(pool, s, e)), None)
        if opening is not None:
            spans, member_end = spans[:opening], spans[opening][1]

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


def _holds_title(pool: CandidatePool, start: int, end: int) -> bool:
    """True when a token inside ``text[start:end]`` is a job title. Stop words do not
    count: they occur inside names as often (某某镇产城融合示范园, 甲路与乙路交叉口改造)."""
    token = pool.token_at(start)
    while token is not None and token.end < end:
        if token.tag == TITLE_TAG:
            return True
        token = pool.token_at(token.end)
    return False


def _inner_members(text: str, end: int, max_member: int) -> tuple[list[tuple[int, int]], int]:
    """The members between list marks, right to left, and where the first member ends.

    Walks back mark by mark; a member longer than ``max_member`` or a clause
    break ends the list.
    """
    spans: list[tuple[int, int]] = []
    member_end = end
    while (mark := _last_mark_or_break(text, max(0, member_end - max_member - 1), member_end)) is not None:
        if text[mark] != LIST_MARK:
            break
        spans.append((mark + 1, member_end))
        member_end = mark
    return spans, member_end


def _last_mark_or_break(text: str, start: int, end: int) -> int | None:
    """Offset of the last list mark or clause break in ``text[start:end]``, or None."""
    last = None
    for last in MARK_OR_BREAK.finditer(text, start, end):
        pass
    return last.start() if last is not None else None


def enumerations(pool: CandidatePool, scanner: NameScanner,
                 may_matter: Callable[[list[int]], bool] | None = None) -> list[list[tuple[int, int]]]:
    """Every 、-list in the text, as lists of member spans.

    ``may_matter(ends)``, given every offset where a member of a list may end,
    lets the caller skip lists it has no use for before their members' left
    edges are scanned (the costly part).
    """
    text, found, covered = pool.text, [], -1
    for mark in occurrences(text, LIST_MARK):
        if mark <= covered:
            continue  # part of a list found at an earlier mark
        closing = LIST_END.search(text, mark + 1)
        end = closing.start() if closing is not None else len(text)
        covered = end
        if may_matter is not None:
            inner, first_end = _inner_members(text, end, MAX_MEMBER)
            if not may_matter([first_end] + [e for _, e in inner]):
                continue
        members = members_ending_at(pool, scanner, end)
        if len(members) >= 2:
            found.append(members)
    return found
