"""Word lists matched at a position, the first listed word winning.

The figure rules ask, many times per number, "which word of this list does
the text start (or end) with here?". A loop of ``startswith`` over sixty
words costs microseconds, and so does a regex alternation of them (it tries
its branches one by one). Words grouped by their first (or last) character
and their length answer with a few set lookups. Either way the answer is the
word that comes first in the list, as the loops it replaces returned.

>>> trims = WordList(("达到了", "达到", "达", "为"))
>>> trims.starting_at("达到5亿元", 0), trims.starting_at("达到5亿元", 0, limit=1)
('达到', '达')
>>> trims.ending_at("产值达到", 4), trims.ending_at("产值达到", 4, start=3)
('达到', None)
>>> trims.ending_at("总额为", 3), trims.ending_at("总额", 2)
('为', None)

A loop that strips every listed word in turn (``for word in words: if
text.startswith(word, pos): pos += len(word)``) goes on from the word after
the one it took; :meth:`WordList.next_starting_at` gives that next word:

>>> trims.next_starting_at("达到达", 0, 0), trims.next_starting_at("达到达", 0, 2)
(1, 2)
"""

from __future__ import annotations

from types import MappingProxyType

# For one first (or last) character: (length, {word: index of its first listing}), shortest first.
Groups = tuple[tuple[int, MappingProxyType], ...]


def _grouped(words: tuple[str, ...], edge: int) -> MappingProxyType:
    """The words by their character at ``edge`` (0 or -1), then by length."""
    table: dict[str, dict[int, dict[str, int]]] = {}
    for index, word in enumerate(words):
        table.setdefault(word[edge], {}).setdefault(len(word), {}).setdefault(word, index)
    return MappingProxyType({
        ch: tuple((length, MappingProxyType(lengths[length])) for length in sorted(lengths))
        for ch, lengths in table.items()})


class WordList:
    """An ordered word list with fast "starts with" and "ends with" lookups."""

    def __init__(self, words: tuple[str, ...]):
        if not words or not all(words):
            raise ValueError("a WordList needs at least one word, and no empty word")
        self.words = tuple(words)
        self._by_first = _grouped(self.words, 0)
        self._by_last = _grouped(self.words, -1)
        places: dict[str, list[int]] = {}
        for index, word in enumerate(self.words):
            places.setdefault(word, []).append(index)
        self._places = MappingProxyType({word: tuple(indices) for word, indices in places.items()})
        self._lengths = tuple(sorted({len(word) for word in self.words}))

    def starting_at(self, text: str, pos: int, limit: int | None = None) -> str | None:
        """The first listed word that ``text`` has at ``pos``, ending at or before
        ``limit`` when given (``text.startswith(word, pos)`` in list order); ``0 <= pos``."""
        groups: Groups | None = self._by_first.get(text[pos:pos + 1])
        if groups is None:
            return None
        best = None
        for length, index in groups:
            if limit is not None and pos + length > limit:
                break
            found = index.get(text[pos:pos + length])  # short near the end: then in no group
            if found is not None and (best is None or found < best):
                best = found
        return self.words[best] if best is not None else None

    def ending_at(self, text: str, end: int, start: int = 0) -> str | None:
        """The first listed word that ``text[start:end]`` ends with
        (``text.endswith(word, start, end)`` in list order); ``0 <= start``."""
        if end > len(text):
            end = len(text)
        groups: Groups | None = self._by_last.get(text[end - 1]) if end >= 1 else None
        if groups is None:
            return None
        best = None
        for length, index in groups:
            if end - length < start:
                break
            found = index.get(text[end - length:end])
            if found is not None and (best is None or found < best):
                best = found
        return self.words[best] if best is not None else None

    def next_starting_at(self, text: str, pos: int, first: int) -> int | None:
        """The smallest index from ``first`` on of a listed word that ``text`` has at ``pos``."""
        word = self.starting_at(text, pos)
        if word is None or self._places[word][0] >= first:  # none, or the first listed is the one
            return self._places[word][0] if word is not None else None
        return self._next_place((text[pos:pos + length] for length in self._lengths), first)

    def next_ending_at(self, text: str, end: int, first: int) -> int | None:
        """The smallest index from ``first`` on of a listed word that ``text[:end]`` ends with."""
        end = min(end, len(text))
        word = self.ending_at(text, end)
        if word is None or self._places[word][0] >= first:  # none, or the first listed is the one
            return self._places[word][0] if word is not None else None
        return self._next_place((text[end - length:end] for length in self._lengths if length <= end), first)

    def _next_place(self, pieces, first: int) -> int | None:
        best = None
        for piece in pieces:
            for index in self._places.get(piece, ()):
                if index >= first:
                    best = index if best is None else min(best, index)
                    break
        return best
