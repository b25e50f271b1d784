"""The working object that flows through pipeline components.

A component is a callable ``Document -> Document``. Components fill in the
fields in order: normalize (``normalized``, ``text``), sentences, segment
(``tokens``), entities, figures. Records (:mod:`hynlp.records`) are built from
a finished Document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from hynlp.normalize import NormalizedText
from hynlp.records import Entity, Figure, Sentence


class Token(NamedTuple):
    """One word from the segmenter: its text, span in the normalized text, POS tag."""

    text: str
    start: int
    end: int
    tag: str


@dataclass
class Document:
    doc_id: str
    raw: str | bytes
    source: str | None = None
    title: str | None = None
    published: str | None = None
    normalized: NormalizedText | None = None
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The normalized text (empty before normalization)."""
        return self.normalized.text if self.normalized is not None else ""

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text span of the normalized span ``[start, end)``."""
        assert self.normalized is not None, "normalize the document first"
        return self.normalized.raw_span(start, end)

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (0 when unknown)."""
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence.index
        return 0
