"""Clause geometry and short noun phrases around a figure.

A clause runs between the marks in :data:`CLAUSE_BREAKS`; a list item also
ends at 、. Scraped text often keeps a stray ASCII comma before 、 (``,、``);
that comma is noise, not a break.

>>> text = "确保全年签约落地项目90个以上，引进企业5家"
>>> clause_start(text, 10, 0), clause_end(text, 10, len(text))
(0, 15)
>>> trim(text, 0, 10)
(4, 10)
>>> counted_noun_ending(text, 4, 10)
(8, 'projects')
"""

from __future__ import annotations

import re

from hynlp.figures.lexicon import (
    COMPOUND_BREAKERS, COUNTED_NOUNS, GENERIC_WORDS, LEADING_TRIMS, SHORT_COUNTED_NOUNS,
    TRAILING_TRIMS,
)

CLAUSE_BREAKS = frozenset("，。；！？,;!?\n")
ITEM_BREAKS = CLAUSE_BREAKS | {"、"}
PHRASE_JUNK = frozenset(" \t“”\"‘’'《》「」『』()（）:：,，、")
WINDOW = 30
ASIDE_OPENERS = ("(", "（", "[", "【")
ASIDE_CLOSERS = (")", "）", "]", "】")
GENERIC_BY_LENGTH = tuple(sorted(GENERIC_WORDS, key=len, reverse=True))
COMPOUND_GAP = 4  # 社区服务中心: 服务 joins 社区 to 中心
# A date or period at the start of a phrase (2022年, 1-5月, 2月16日) says when, not what.
LEADING_DATE = re.compile(r"(?:\d{1,4}\s*[-—~至]\s*)?\d{1,4}(?:年|月|日|号)(?:以来|底|末|初|前|份)?")


def is_break(text: str, index: int, breaks: frozenset[str] = CLAUSE_BREAKS) -> bool:
    if text[index] not in breaks:
        return False
    return not (text[index] == "," and text[index + 1:index + 2] == "、")


def clause_start(text: str, pos: int, floor: int, breaks: frozenset[str] = CLAUSE_BREAKS) -> int:
    """First index of the clause that holds ``pos`` (never before ``floor``)."""
    index = pos - 1
    while index >= floor and not is_break(text, index, breaks):
        index -= 1
    return index + 1


def clause_end(text: str, pos: int, ceiling: int, breaks: frozenset[str] = CLAUSE_BREAKS) -> int:
    """Index of the break that ends the clause holding ``pos`` (or ``ceiling``)."""
    index = pos
    while index < ceiling and not is_break(text, index, breaks):
        index += 1
    return index


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip leading scope/time/verb words and trailing linking words from a phrase."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in PHRASE_JUNK:
            start, changed = start + 1, True
        while end > start and text[end - 1] in PHRASE_JUNK:
            end, changed = end - 1, True
        start, changed = _skip_leading(text, start, end, end, changed)
        for word in TRAILING_TRIMS:
            if text.endswith(word, start, end) and end - len(word) >= start:
                end, changed = end - len(word), True
                break
    return start, end


def trim_leading(text: str, start: int, end: int) -> int:
    """Only the leading part of :func:`trim` (keeps the head noun at the end)."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in PHRASE_JUNK:
            start, changed = start + 1, True
        start, changed = _skip_leading(text, start, end, end - 1, changed)
    return start


def _skip_leading(text: str, start: int, end: int, limit: int, changed: bool) -> tuple[int, bool]:
    """Skip one leading date or trim word, when it ends at or before ``limit``."""
    date = LEADING_DATE.match(text, start, end)
    if date and date.end() <= limit:
        return date.end(), True
    for word in LEADING_TRIMS:
        if text.startswith(word, start) and start + len(word) <= limit:
            return start + len(word), True
    return start, changed


def counted_noun_ending(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The counted noun that ``text[start:end]`` ends with: (its start, unit)."""
    for noun, unit in COUNTED_NOUNS:
        if end - start >= len(noun) and text.endswith(noun, start, end):
            return end - len(noun), unit
    if end > start and text[end - 1] in SHORT_COUNTED_NOUNS:
        return end - 1, SHORT_COUNTED_NOUNS[text[end - 1]]
    return None


def first_counted_noun(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The first counted noun phrase in ``text[start:end]``: (its end, unit).

    A one-character noun counts only right at ``start`` or where its word ends
    (before 、, 的, a break or a non-Chinese character). A compound whose head
    comes a few characters later (社区服务中心) takes the later head.
    """
    found = _first_noun(text, start, end)
    while found is not None:
        later = _first_noun(text, found[0], min(end, found[0] + COMPOUND_GAP + 2), compound=True)
        gap = text[found[0]:later[0]] if later else ""
        if later is None or any(word in gap for word in COMPOUND_BREAKERS) or not all(map(is_cjk, gap)):
            return found
        found = later
    return None


def _first_noun(text: str, start: int, end: int, compound: bool = False) -> tuple[int, str] | None:
    for index in range(start, end):
        for noun, unit in COUNTED_NOUNS:
            if text.startswith(noun, index) and index + len(noun) <= end:
                return index + len(noun), unit
        ch = text[index]
        if ch in SHORT_COUNTED_NOUNS:
            after = text[index + 1:index + 2]
            at_start = index == start and not compound
            if at_start or not after or after in "、的等" or not is_cjk(after):
                return index + 1, SHORT_COUNTED_NOUNS[ch]
    return None


def is_generic(phrase: str) -> bool:
    """True when a phrase names nothing in particular (重点项目, 签约落地项目)."""
    rest = phrase
    for noun, _ in COUNTED_NOUNS:
        if rest.endswith(noun):
            rest = rest[: -len(noun)]
            break
    changed = True
    while changed and rest:
        changed = False
        for word in GENERIC_BY_LENGTH:
            if rest.startswith(word):
                rest, changed = rest[len(word):], True
            elif rest.endswith(word):
                rest, changed = rest[: -len(word)], True
    return len(rest) < 2


def open_aside(text: str, start: int, end: int) -> int:
    """Index of a bracket opened in ``text[start:end]`` and not closed there, or -1."""
    opener = max(text.rfind(mark, start, end) for mark in ASIDE_OPENERS)
    if opener < 0 or any(mark in text[opener:end] for mark in ASIDE_CLOSERS):
        return -1
    return opener
