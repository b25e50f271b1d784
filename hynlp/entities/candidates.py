"""Candidate spans: what every entity source proposes before fusion.

Rules, gazetteers and (later) a statistical model all emit :class:`Candidate`
objects; :mod:`hynlp.entities.fusion` picks one per mention. A candidate
carries its source and confidence, a ``priority`` that breaks ties between
spans of equal length, and the official's title and organization for persons.

>>> pool = CandidatePool("区委书记孙某说", [])
>>> pool.add(Candidate("PERSON", 4, 6, rule="title_before", title="区委书记"))
>>> [c.text(pool.text) for c in pool.of_type("PERSON")]
['孙某']
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from operator import itemgetter, le

from hynlp.document import Token
from hynlp.records import Entity

# Priorities: a specific structure (a titled name, a named organ) beats a
# generic shape (a suffix-based name), which beats a bare list lookup.
PRIORITY_STRUCTURE = 3
PRIORITY_SHAPE = 2
PRIORITY_LOOKUP = 1

# A Token's start and end by position (a NamedTuple): itemgetter in map runs in C, a comprehension does not.
_START, _END = itemgetter(1), itemgetter(2)


@dataclass(frozen=True, slots=True)  # slots: a quarter faster to build, and rules build many
class Candidate:
    type: str
    start: int
    end: int
    source: str = "rule"
    rule: str = ""
    confidence: float = 0.8
    priority: int = PRIORITY_SHAPE
    title: str | None = None
    organization: str | None = None
    canonical: str | None = None
    nests: bool = False  # may stay inside a longer accepted span (a project inside its 指挥部)

    def __len__(self) -> int:
        return self.end - self.start

    def text(self, text: str) -> str:
        return text[self.start:self.end]

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def inside(self, other: Candidate) -> bool:
        return other.start <= self.start and self.end <= other.end

    def with_(self, **changes) -> Candidate:
        return replace(self, **changes)

    @classmethod
    def from_entity(cls, entity: Entity, priority: int = PRIORITY_SHAPE) -> Candidate:
        """An entity found by an earlier component (a model), as a candidate to fuse."""
        return cls(entity.type, entity.start, entity.end, source=entity.source, rule=entity.rule,
                   confidence=entity.confidence, priority=priority, title=entity.title,
                   organization=entity.organization, canonical=entity.canonical)


class CandidatePool:
    """The article text, its tokens, and the candidates proposed so far."""

    def __init__(self, text: str, tokens: Sequence[Token]):
        self.text = text
        self.tokens = list(tokens)
        self.candidates: list[Candidate] = []
        # Columns of starts and ends: the lookups below are then built in C (map, zip, frozenset).
        starts = list(map(_START, self.tokens))
        ends = list(map(_END, self.tokens))
        self._token_by_start = dict(zip(starts, self.tokens))
        self._token_by_end = dict(zip(ends, self.tokens))
        self._starts, self._ends = starts, ends
        self._ordered: bool | None = None  # whether tokens follow each other without overlap; see token_covering
        self._token_index: list[int] | None = None
        self.token_edges: frozenset[int] | None = frozenset(starts).union(ends) if self.tokens else None

    def add(self, candidate: Candidate) -> None:
        self.candidates.append(candidate)

    def extend(self, candidates: Iterable[Candidate]) -> None:
        self.candidates.extend(candidates)

    def of_type(self, *types: str) -> list[Candidate]:
        return [c for c in self.candidates if c.type in types]

    def token_at(self, start: int) -> Token | None:
        return self._token_by_start.get(start)

    def token_covering(self, pos: int) -> Token | None:
        """The token that holds the character at ``pos``."""
        if self._ordered is None:
            self._ordered = all(map(le, self._ends, self._starts[1:]))  # each token ends before the next starts
        if self._ordered:  # the segmenter's tokens: a binary search, no index over every character
            index = bisect_right(self._starts, pos) - 1
            found = self.tokens[index] if index >= 0 and 0 <= pos < len(self.text) else None
            return found if found is not None and pos < found.end else None
        if self._token_index is None:  # tokens in any order: the last one listed over a character holds it
            self._token_index = [-1] * len(self.text)
            for index, token in enumerate(self.tokens):
                self._token_index[token.start:token.end] = [index] * (token.end - token.start)
        index = self._token_index[pos] if 0 <= pos < len(self._token_index) else -1
        return self.tokens[index] if index >= 0 else None

    def token_ending_at(self, end: int) -> Token | None:
        return self._token_by_end.get(end)

    def is_token_edge(self, pos: int) -> bool:
        """True at a token boundary, and everywhere when there are no tokens."""
        return self.token_edges is None or pos in self.token_edges

    def ending_at(self, pos: int, types: Iterable[str]) -> Candidate | None:
        """The longest candidate of one of ``types`` that ends exactly at ``pos``."""
        wanted = set(types)
        found = [c for c in self.candidates if c.end == pos and c.type in wanted]
        return max(found, key=len, default=None)

    def covering(self, start: int, end: int, types: Iterable[str]) -> Candidate | None:
        """A candidate of one of ``types`` that overlaps ``[start, end)``."""
        wanted = set(types)
        return next((c for c in self.candidates
                     if c.type in wanted and c.start < end and start < c.end), None)
