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
from types import MappingProxyType

from hynlp.figures.lexicon import (
    COMPOUND_BREAKERS, COUNTED_NOUNS, GENERIC_WORDS, LEADING_TRIMS, SHORT_COUNTED_NOUNS,
    TRAILING_TRIMS,
)
from hynlp.figures.wordlists import WordList

CLAUSE_BREAKS = frozenset("，。；！？,;!?\n")
ITEM_BREAKS = CLAUSE_BREAKS | {"、"}


def _break_patterns(breaks: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The first break at or after a position, and (greedy) the last one before an end:
    a regex finds them at C speed where a loop took a Python step per character."""
    marks = "[" + re.escape("".join(sorted(breaks))) + "]"
    return re.compile(marks), re.compile("(?s:.*)" + marks)


BREAK_PATTERNS = MappingProxyType({breaks: _break_patterns(breaks) for breaks in (CLAUSE_BREAKS, ITEM_BREAKS)})
PHRASE_JUNK = frozenset(" \t“”\"‘’'《》「」『』()（）:：,，、")
WINDOW = 30
NEGATIONS = ("未", "没有", "不")
MERGE_MIN = 2  # a one-character overlap is chance (…项目 + 目前), not a shared word
ASIDE_OPENERS = ("(", "（", "[", "【")
ASIDE_CLOSERS = (")", "）", "]", "】")
LAST_ASIDE_OPENER = re.compile("(?s:.*)[" + re.escape("".join(ASIDE_OPENERS)) + "]")  # greedy: the last one
ASIDE_CLOSER = re.compile("[" + re.escape("".join(ASIDE_CLOSERS)) + "]")
GENERIC_BY_LENGTH = tuple(sorted(GENERIC_WORDS, key=len, reverse=True))
GENERIC_LIST = WordList(GENERIC_BY_LENGTH)
COMPOUND_GAP = 4  # 社区服务中心: 服务 joins 社区 to 中心
# A date or period at the start of a phrase (2022年, 1-5月, 2月16日) says when, not what.
LEADING_TRIM_LIST, TRAILING_TRIM_LIST = WordList(LEADING_TRIMS), WordList(TRAILING_TRIMS)
LEADING_TRIM_INITIALS = frozenset(word[0] for word in LEADING_TRIMS)
COUNTED_NOUN_LIST = WordList(tuple(noun for noun, _ in COUNTED_NOUNS))
COUNTED_UNITS = MappingProxyType({noun: unit for noun, unit in reversed(COUNTED_NOUNS)})  # first listed wins
# The characters a counted noun opens with (a one-character noun is its own)
NOUN_INITIALS = sorted({noun[0] for noun, _ in COUNTED_NOUNS} | set(SHORT_COUNTED_NOUNS))
NOUN_INITIAL = re.compile("[" + re.escape("".join(NOUN_INITIALS)) + "]")
LEADING_DATE = re.compile(r"(?:\d{1,4}\s*[-—~至]\s*)?\d{1,4}(?:年|月|日|号)(?:以来|底|末|初|前|份)?")


def is_break(text: str, index: int, breaks: frozenset[str] = CLAUSE_BREAKS) -> bool:
    if text[index] not in breaks:
        return False
    return not (text[index] == "," and text[index + 1:index + 2] == "、")


def clause_start(text: str, pos: int, floor: int, breaks: frozenset[str] = CLAUSE_BREAKS) -> int:
    """First index of the clause that holds ``pos`` (never before ``floor``)."""
    patterns = BREAK_PATTERNS.get(breaks)
    if patterns is None or floor < 0:  # a break set of the caller's own: step back by character
        index = pos - 1
        while index >= floor and not is_break(text, index, breaks):
            index -= 1
        return index + 1
    end = pos
    while (found := patterns[1].match(text, floor, end)) is not None:
        index = found.end() - 1
        # the regex stops only at a break mark: what is_break asks beyond that, inline
        if text[index] != "," or text[index + 1:index + 2] != "、":
            return index + 1
        end = index  # ",、": a stray comma, no break
    return min(pos, floor)


def clause_end(text: str, pos: int, ceiling: int, breaks: frozenset[str] = CLAUSE_BREAKS) -> int:
    """Index of the break that ends the clause holding ``pos`` (or ``ceiling``)."""
    patterns = BREAK_PATTERNS.get(breaks)
    if patterns is None or pos < 0:  # a break set of the caller's own: step on by character
        index = pos
        while index < ceiling and not is_break(text, index, breaks):
            index += 1
        return index
    begin = pos
    while (found := patterns[0].search(text, begin, ceiling)) is not None:
        index = found.start()
        if text[index] != "," or text[index + 1:index + 2] != "、":  # is_break, past the mark test
            return index
        begin = index + 1  # ",、": a stray comma, no break
    return max(pos, ceiling)


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
        word = TRAILING_TRIM_LIST.ending_at(text, end, start)
        if word is not None:
            end, changed = end - len(word), True
    return start, end


def trim_leading(text: str, start: int, end: int) -> int:
    """Only the leading part of :func:`trim` (keeps the head noun at the end)."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in PHRASE_JUNK:
            start, changed = start + 1, True
        if start < end and text[start] not in LEADING_TRIM_INITIALS and not text[start].isdecimal():
            return start  # most phrases: no date and no trim word opens here, nothing more goes
        start, changed = _skip_leading(text, start, end, end - 1, changed)
    return start


def _skip_leading(text: str, start: int, end: int, limit: int, changed: bool) -> tuple[int, bool]:
    """Skip one leading date or trim word, when it ends at or before ``limit``."""
    # a date opens with a digit (\d is isdecimal): most phrases need no regex for it
    date = LEADING_DATE.match(text, start, end) if text[start:start + 1].isdecimal() else None
    if date and date.end() <= limit:
        return date.end(), True
    word = LEADING_TRIM_LIST.starting_at(text, start, limit)
    if word is not None:
        return start + len(word), True
    return start, changed


def counted_noun_ending(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The counted noun that ``text[start:end]`` ends with: (its start, unit)."""
    noun = COUNTED_NOUN_LIST.ending_at(text, end, start)
    if noun is not None:
        return end - len(noun), COUNTED_UNITS[noun]
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
    # A regex search skips to the next character a noun can open with, instead of
    # a startswith per noun and position; there the listed nouns come first.
    pos = start
    while (found := NOUN_INITIAL.search(text, pos, end)) is not None:
        index = found.start()
        noun = COUNTED_NOUN_LIST.starting_at(text, index, end)
        if noun is not None:
            return index + len(noun), COUNTED_UNITS[noun]
        if text[index] in SHORT_COUNTED_NOUNS:
            after = text[index + 1:index + 2]
            at_start = index == start and not compound
            if at_start or not after or after in "、的等" or not is_cjk(after):
                return index + 1, SHORT_COUNTED_NOUNS[text[index]]
        pos = index + 1
    return None


def is_generic(phrase: str) -> bool:
    """True when a phrase names nothing in particular (重点项目, 签约落地项目)."""
    noun = COUNTED_NOUN_LIST.ending_at(phrase, len(phrase))
    rest = phrase[: -len(noun)] if noun is not None else phrase
    changed = True
    while changed and rest:
        changed = False
        # each generic word in turn, stripped from the start or else the end; the
        # word lists jump to the next word that fits instead of trying every one
        index = 0
        while (found := _next_generic(rest, index)) is not None:
            word = GENERIC_BY_LENGTH[found]
            rest = rest[len(word):] if rest.startswith(word) else rest[: -len(word)]
            changed, index = True, found + 1
    return len(rest) < 2


def _next_generic(rest: str, first: int) -> int | None:
    """Index (from ``first`` on) of the next generic word that ``rest`` starts or ends with."""
    at_start = GENERIC_LIST.next_starting_at(rest, 0, first)
    at_end = GENERIC_LIST.next_ending_at(rest, len(rest), first)
    return min(at_start, at_end) if at_start is not None and at_end is not None else (
        at_start if at_end is None else at_end)


def open_aside(text: str, start: int, end: int) -> int:
    """Index of a bracket opened in ``text[start:end]`` and not closed there, or -1."""
    last = LAST_ASIDE_OPENER.match(text, start, end)
    if last is None or ASIDE_CLOSER.search(text, last.end() - 1, end) is not None:
        return -1
    return last.end() - 1


def negates(referent: str, phrase: str) -> bool:
    """未开工项目17个，开工率…: a group named by what it has not done (未开工, 尚未签约)
    is not what the rate of doing it measures.

    >>> negates("未开工项目17个", "开工率"), negates("新开工项目17个", "开工率")
    (True, False)
    """
    for mark in NEGATIONS:
        index = referent.find(mark)
        while index >= 0:
            verb = referent[index + len(mark):index + len(mark) + 2]
            if len(verb) == 2 and verb in phrase:
                return True
            index = referent.find(mark, index + 1)
    return False


def join_phrases(head: str, tail: str) -> str:
    """Join two phrases, merging the end of ``head`` with the start of ``tail``.

    >>> join_phrases("老旧小区改造", "改造建筑面积"), join_phrases("A二期项目", "二期项目")
    ('老旧小区改造建筑面积', 'A二期项目')
    """
    if not head or tail.startswith(head) or head in tail:
        return tail
    if not tail or tail in head:
        return head
    for size in range(min(len(head), len(tail)), MERGE_MIN - 1, -1):
        if head.endswith(tail[:size]):
            return head + tail[size:]
    return head + tail
