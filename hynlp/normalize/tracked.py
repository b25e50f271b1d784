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
from struct import pack
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
        # Packed in C: array("l", range(n)) iterates in Python, 3x slower.
        starts = array("l", pack(f"{n + 1}l", *range(n + 1)))
        return cls(raw, starts[:n], starts[1:])

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
        text, starts, ends = self.text, self.starts, self.ends
        pieces: list[str] = []
        repairs: list[Repair] = []
        cursor = 0
        for i, (start, end, new) in enumerate(edits):
            pieces.append(text[cursor:start])
            pieces.append(new)
            raw_start, raw_end = (starts[start], ends[end - 1]) if end > start else self.span(start, end)
            # The validator itself: Repair(**fields) adds 40% to every one of
            # the thousands of repairs a noisy page logs; validation still runs.
            repairs.append(_validate_repair({
                "kind": kind, "raw_start": raw_start, "raw_end": raw_end, "before": text[start:end],
                "after": new, "confidence": confidences[i] if confidences else confidence,
                "note": notes[i] if notes else ""}))
            cursor = end
        pieces.append(text[cursor:])
        if all(len(new) == end - start for start, end, new in edits):
            # Character for character (script, width, marks): every offset stays,
            # and the arrays are never written after construction, so share them.
            return TrackedText("".join(pieces), starts, ends), repairs
        return TrackedText("".join(pieces), *self._shifted_offsets(edits)), repairs

    def _shifted_offsets(self, edits: list[tuple[int, int, str]]) -> tuple[array, array]:
        """Offsets after ``edits``: a new character of a resized edit maps to the whole matched span."""
        new_starts, new_ends = array("l"), array("l")
        starts, ends = self.starts, self.ends
        cursor = 0
        for start, end, new in edits:
            new_starts.extend(starts[cursor:start])
            new_ends.extend(ends[cursor:start])
            if len(new) == end - start:
                new_starts.extend(starts[start:end])
                new_ends.extend(ends[start:end])
            elif new:
                raw_start, raw_end = self.span(start, end)
                new_starts.extend(array("l", [raw_start]) * len(new))
                new_ends.extend(array("l", [raw_end]) * len(new))
            cursor = end
        new_starts.extend(starts[cursor:])
        new_ends.extend(ends[cursor:])
        return new_starts, new_ends


# Pydantic's documented per-model validator: the same checks as Repair(...).
_validate_repair = Repair.__pydantic_validator__.validate_python
