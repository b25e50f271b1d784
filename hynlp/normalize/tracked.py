"""Text that remembers where every character came from.

Each fixer rewrites a :class:`TrackedText` into a new one. Every output
character keeps the raw span it was made from, so offsets survive any number
of fixers. Written here rather than taken from a library because no kept
library tracks character provenance through regex rewrites.

>>> t = TrackedText.from_raw("a,,b")
>>> t2, repairs = t.sub(r",,", lambda m: "，", kind="punctuation")
>>> t2.text, t2.span(1, 2), repairs[0].before
('a，b', (1, 3), ',,')
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass

from hynlp.records import Repair

Replacement = Callable[[re.Match[str]], "str | None"]


@dataclass(frozen=True)
class TrackedText:
    text: str
    starts: array  # raw start of each character
    ends: array  # raw end of each character

    @classmethod
    def from_raw(cls, raw: str) -> TrackedText:
        n = len(raw)
        return cls(raw, array("l", range(n)), array("l", range(1, n + 1)))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covered by the characters ``[start, end)``."""
        if end <= start:
            anchor = self.starts[start] if start < len(self.text) else (self.ends[-1] if self.text else 0)
            return anchor, anchor
        return self.starts[start], self.ends[end - 1]

    def sub(self, pattern: str | re.Pattern[str], replace: Replacement, *, kind: str,
            confidence: float = 1.0) -> tuple[TrackedText, list[Repair]]:
        """Replace each match with ``replace(match)``; ``None`` keeps the match.

        A replacement of the same length maps character to character; any
        other replacement maps every new character to the whole matched span.
        """
        regex = re.compile(pattern) if isinstance(pattern, str) else pattern
        edits = []
        for match in regex.finditer(self.text):
            new = replace(match)
            if new is not None and new != match.group(0):
                edits.append((match.start(), match.end(), new))
        return self.apply(edits, kind=kind, confidence=confidence)

    def apply(self, edits: list[tuple[int, int, str]], *, kind: str, confidence: float = 1.0,
              notes: list[str] | None = None,
              confidences: list[float] | None = None) -> tuple[TrackedText, list[Repair]]:
        """Apply non-overlapping, sorted ``(start, end, new_text)`` edits."""
        if not edits:
            return self, []
        pieces: list[str] = []
        starts, ends = array("l"), array("l")
        repairs: list[Repair] = []
        cursor = 0
        for i, (start, end, new) in enumerate(edits):
            pieces.append(self.text[cursor:start])
            starts.extend(self.starts[cursor:start])
            ends.extend(self.ends[cursor:start])
            raw_start, raw_end = self.span(start, end)
            if len(new) == end - start:
                starts.extend(self.starts[start:end])
                ends.extend(self.ends[start:end])
            else:
                starts.extend([raw_start] * len(new))
                ends.extend([raw_end] * len(new))
            pieces.append(new)
            note = notes[i] if notes else ""
            repairs.append(Repair(kind=kind, raw_start=raw_start, raw_end=raw_end,
                                  before=self.text[start:end], after=new,
                                  confidence=confidences[i] if confidences else confidence,
                                  note=note))
            cursor = end
        pieces.append(self.text[cursor:])
        starts.extend(self.starts[cursor:])
        ends.extend(self.ends[cursor:])
        return TrackedText("".join(pieces), starts, ends), repairs
