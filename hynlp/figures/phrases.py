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

from hynlp.figures.lexicon import (
    COUNTED_NOUNS, GENERIC_WORDS, LEADING_TRIMS, SHORT_COUNTED_NOUNS, TRAILING_TRIMS,
)

CLAUSE_BREAKS = frozenset("，。；！？,;!?\n")
ITEM_BREAKS = CLAUSE_BREAKS | {"、"}
PHRASE_JUNK = frozenset(" \t“”\"‘’'《》「」『』()（）:：,，、")
WINDOW = 30


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
        for word in LEADING_TRIMS:
            if text.startswith(word, start) and start + len(word) <= end:
                start, changed = start + len(word), True
                break
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
        for word in LEADING_TRIMS:
            if text.startswith(word, start) and start + len(word) < end:
                start, changed = start + len(word), True
                break
    return start


def counted_noun_ending(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The counted noun that ``text[start:end]`` ends with: (its start, unit)."""
    for noun, unit in COUNTED_NOUNS:
        if end - start >= len(noun) and text.endswith(noun, start, end):
            return end - len(noun), unit
    if end > start and text[end - 1] in SHORT_COUNTED_NOUNS:
        return end - 1, SHORT_COUNTED_NOUNS[text[end - 1]]
    return None


def first_counted_noun(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The first counted noun in ``text[start:end]``: (its end, unit).

    A one-character noun counts only right at ``start`` or where its word ends
    (before 、, 的, a break or a non-Chinese character).
    """
    for index in range(start, end):
        for noun, unit in COUNTED_NOUNS:
            if text.startswith(noun, index) and index + len(noun) <= end:
                return index + len(noun), unit
        ch = text[index]
        if ch in SHORT_COUNTED_NOUNS:
            after = text[index + 1:index + 2]
            if index == start or not after or after in "、的等" or not is_cjk(after):
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
        for word in GENERIC_WORDS:
            if rest.startswith(word):
                rest, changed = rest[len(word):], True
            elif rest.endswith(word):
                rest, changed = rest[: -len(word)], True
    return len(rest) < 2
