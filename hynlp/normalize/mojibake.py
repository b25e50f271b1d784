"""Repair runs of misaligned-GBK mojibake.

Scraped pages sometimes show GBK text decoded one byte off: the first byte of
the run is lost (shown as ``?``), every following character is made of the
trail byte of one true character and the lead byte of the next, and the run
ends at the last trail byte, shown as itself when it is ASCII (``a``, ``L``,
``w``) or as ``?`` when it is not. Fullwidth marks produced on the way
(``；！？``) have often been narrowed to ASCII by the scraper.

To undo it we re-encode the run, put back a lead byte in front (and a trail
byte at the end when it was lost), and decode again. The missing bytes are
chosen by how plausible the decoded characters are as Chinese text, and a
pinyin annotation after the run, when there is one, must agree with the last
character. Written here because no kept library (ftfy, charset-normalizer)
handles a one-byte shift inside otherwise valid text.

>>> from hynlp.normalize.mojibake import MojibakeRepairer
>>> repairer = MojibakeRepairer.default()
>>> [(r.new, r.confident) for r in repairer.find("今年,?＝刂?(zhì)目前")]
[('。截至', True)]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from hynlp.normalize.pinyin import ANNOTATION_BODY, gbk_pair
from hynlp.normalize.plausibility import PUNCTUATION, Plausibility, rarest

if TYPE_CHECKING:
    from hynlp.normalize.pinyin import PinyinFixer

# ASCII marks that stand for the fullwidth mark GBK decoding produced.
NARROWED = {";": "；", "!": "！", "?": "？", ",": "，", ":": "："}
LOST = ("?", "\ufffd")
MAX_RUN = 10
MIN_CHAR_LOG = 4.0
RARE_CHAR_LOG = 6.0
SHORTLIST = 24
CONTEXT = 3
LOST_TRAIL_ANNOTATION = re.compile(rf"[?\ufffd][(（]?({ANNOTATION_BODY})[)）]")
ANNOTATION = re.compile(rf"[(（]({ANNOTATION_BODY})[)）]")
STRAY_READING = re.compile(rf"[?\ufffd]{ANNOTATION_BODY}[)）]")


@dataclass(frozen=True)
class RunRepair:
    start: int
    end: int
    old: str
    new: str
    confident: bool
    note: str


@dataclass(frozen=True)
class Unrepaired:
    start: int
    end: int
    old: str


class MojibakeRepairer:
    """Finds and repairs misaligned-GBK runs in a text."""

    def __init__(self, model: Plausibility, pinyin: PinyinFixer):
        self._model = model
        self._pinyin = pinyin
        # Every lost byte tries the same 126 or 191 byte pairs: decode each
        # byte's partners once, best first (at most 256 lists per table).
        self._with_trail: dict[int, tuple[list[str], list[str]]] = {}
        self._with_lead: dict[int, list[str]] = {}

    @classmethod
    def default(cls, model: Plausibility | None = None) -> MojibakeRepairer:
        from hynlp.normalize.pinyin import PinyinFixer

        return cls(model or Plausibility.default(), PinyinFixer.default())

    def find(self, text: str) -> list[RunRepair | Unrepaired]:
        """All runs in ``text``, repaired where a plausible reading exists."""
        found: list[RunRepair | Unrepaired] = []
        position = 0
        while (start := _next_lost(text, position)) >= 0:
            best = self._best_repair(text, start)
            if best is not None:
                found.append(best)
                position = best.end
                continue
            suspect = _suspect_run_end(text, start, self._is_rare)
            if suspect:
                found.append(Unrepaired(start, suspect, text[start:suspect]))
            position = start + 1
        return found

    def _best_repair(self, text: str, start: int) -> RunRepair | None:
        best, best_score = None, float("-inf")
        for run_end, middle in self._shapes(text, start):
            repaired = self._decode(text, start, run_end, middle)
            if repaired is None:
                continue
            if not any(c not in NARROWED and not c.isascii() for c in _run_text(text, start, run_end)):
                continue  # only marks between the lost bytes: "???" is not a run
            score = rarest(self._model, repaired.new)
            # The repair must read better than what is there: a run of common
            # characters and real marks is left alone.
            if score <= rarest(self._model, _run_text(text, start, run_end)) + 1:
                continue
            if score > best_score:
                best, best_score = repaired, score
        return best

    @staticmethod
    def _shapes(text: str, start: int):
        """Run shapes at a lost byte: plain ``?``, or ``?`` with a stray reading.

        The byte shift sometimes swallows the "(" of a pinyin annotation, which
        leaves ``?qū)`` in front of the run: that too marks the lost lead byte.
        """
        marker = STRAY_READING.match(text, start)
        if marker:
            yield from _run_candidates(text, marker.end())
        yield from _run_candidates(text, start + 1)

    def _decode(self, text: str, start: int, run_end: int, middle: bytes) -> RunRepair | None:
        """Decode ``?`` + run + terminator at ``text[run_end]`` with the best lost bytes."""
        inner = _decode_inner(middle)
        if inner is None:
            return None
        terminator = text[run_end]
        # The lost trail byte often swallowed the "(" of the annotation after it.
        annotation = (LOST_TRAIL_ANNOTATION if terminator in LOST else ANNOTATION).match(
            text, run_end if terminator in LOST else run_end + 1)
        reading = annotation.group(1) if annotation else None
        end = annotation.end() if annotation else run_end + 1
        if terminator in LOST:
            last = self._best_last(middle[-1], reading, inner, text[end:end + CONTEXT])
        else:
            last = gbk_pair(middle[-1], ord(terminator))
            if last is not None and reading is not None and not self._pinyin.reads_as(last, reading):
                return None
        if last is None:
            return None
        raw_before = text[max(0, start - CONTEXT):start]
        first = self._best_first(middle[0], _chinese_context(raw_before), inner + last,
                                 after_comma=raw_before.endswith(","))
        if first is None:
            return None
        new = first + inner + last
        if not all(self._plausible(c) for c in new):
            return None
        confident = terminator not in LOST or reading is not None
        note = "pinyin confirms the last character" if reading else ""
        return RunRepair(start, end, text[start:end], new, confident, note)

    def _best_first(self, trail: int, before: str, rest: str, *, after_comma: bool) -> str | None:
        """The run's first character, whose lead byte was lost, chosen in context.

        Converters double punctuation with an ASCII comma (",。" ",”"), so a
        run right after a comma starts with a mark when one fits.
        """
        chars, marks = self._chars_with_trail(trail)
        if after_comma and marks:
            chars = marks
        return self._model.best(chars[:SHORTLIST], before, rest[:CONTEXT])

    def _best_last(self, lead: int, reading: str | None, before: str, after: str) -> str | None:
        """The run's last character, whose trail byte was lost: the reading
        after it decides when there is one, the words around it otherwise."""
        chars = self._chars_with_lead(lead)
        if reading is not None:
            # The list is sorted already (stably), so its first readers are the best.
            chars = list(islice(self._pinyin.readers(chars, reading), SHORTLIST))
        return self._model.best(chars[:SHORTLIST], before[-CONTEXT:], after)

    def _chars_with_trail(self, trail: int) -> tuple[list[str], list[str]]:
        """The plausible characters GBK lead bytes make with ``trail``, and the marks among
        them, most common first (a stable sort of the characters in lead byte order)."""
        if trail not in self._with_trail:
            chars = [c for lead in range(0x81, 0xFF) if (c := gbk_pair(lead, trail)) and self._plausible(c)]
            chars.sort(key=self._model.char_score, reverse=True)
            self._with_trail[trail] = (chars, [c for c in chars if c in PUNCTUATION])
        return self._with_trail[trail]

    def _chars_with_lead(self, lead: int) -> list[str]:
        """The characters ``lead`` makes with trail bytes 0x40-0xFE, most common first
        (a stable sort of the characters in trail byte order)."""
        if lead not in self._with_lead:
            chars = [c for trail in range(0x40, 0xFF) if (c := gbk_pair(lead, trail))]
            chars.sort(key=self._model.char_score, reverse=True)
            self._with_lead[lead] = chars
        return self._with_lead[lead]

    def _plausible(self, char: str) -> bool:
        return self._model.char_score(char) >= MIN_CHAR_LOG

    def _is_rare(self, char: str) -> bool:
        return self._model.char_score(char) < RARE_CHAR_LOG


def _chinese_context(text: str) -> str:
    """The Chinese part just before a run (doubled ASCII commas say nothing)."""
    return text.rstrip(",.;:!?")


def _next_lost(text: str, position: int) -> int:
    hits = [i for i in (text.find(mark, position) for mark in LOST) if i >= 0]
    return min(hits) if hits else -1


def _run_candidates(text: str, begin: int):
    """Yield ``(terminator_index, middle_bytes)`` for every run whose characters start at ``begin``."""
    middle = b""
    for index in range(begin, min(len(text) - 1, begin + MAX_RUN)):
        char = NARROWED.get(text[index], text[index])
        if char.isascii() or char == "\n":
            return
        try:
            encoded = char.encode("gbk")
        except UnicodeEncodeError:
            return
        if len(encoded) != 2:
            return
        middle += encoded
        terminator = text[index + 1]
        if terminator in LOST or 0x40 <= ord(terminator) <= 0x7E:
            yield index + 1, middle


def _run_text(text: str, start: int, run_end: int) -> str:
    """The run's characters between the lost byte(s) and the terminator."""
    marker = STRAY_READING.match(text, start)
    begin = marker.end() if marker and marker.end() <= run_end else start + 1
    return text[begin:run_end]


def _decode_inner(middle: bytes) -> str | None:
    """Characters made of the run's inner byte pairs (between the lost bytes)."""
    inner = middle[1:-1]
    try:
        return inner.decode("gbk") if inner else ""
    except UnicodeDecodeError:
        return None


def _suspect_run_end(text: str, start: int, is_rare: Callable[[str], bool]) -> int:
    """End of a run that has the shape of mojibake but no plausible repair, else 0.

    Only runs with a rare character or a narrowed mark are suspects, so that an
    ASCII question mark before ordinary words is left alone.
    """
    for end, _ in _run_candidates(text, start + 1):
        run = text[start + 1:end]
        if any(c in NARROWED or is_rare(c) for c in run):
            return end + 1
        return 0
    return 0


__all__ = ["MojibakeRepairer", "RunRepair", "Unrepaired"]
