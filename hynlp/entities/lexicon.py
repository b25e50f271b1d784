"""Word lists, job titles and family names that the entity rules read.

Everything here is loaded from ``hynlp/data`` when a tagger is built; nothing
is cached at module level.

>>> words = WordSet(["推进", "抓好", "在"])
>>> text = "抓好山东某项目"
>>> words.ending_at(text, 2), words.starting_at(text, 0)
(2, 2)
>>> words.ending_at(text, 3)
0
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from hynlp.errors import ConfigError

SECTION = re.compile(r"^\[(\w+)\]$")


def read_data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a file in the ``hynlp.data`` package."""
    text = resources.files("hynlp.data").joinpath(name).read_text(encoding="utf-8")
    return [line.rstrip("\r") for line in text.split("\n")
            if line.strip() and not line.lstrip().startswith("#")]


class WordSet:
    """A set of words that can be looked up ending or starting at a text offset."""

    def __init__(self, words: Iterable[str]):
        self.words = frozenset(w for w in words if w)
        self.lengths = tuple(sorted({len(w) for w in self.words}, reverse=True))
        # Rules probe many offsets; most characters start or end no word at all.
        self.by_first = lengths_by_char(self.words, 0)
        self.by_last = lengths_by_char(self.words, -1)

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)

    def lengths_starting_at(self, text: str, pos: int) -> tuple[int, ...]:
        """Longest first, the lengths a word starting at ``pos`` can have (a superset of the matches)."""
        return self.by_first.get(text[pos], ()) if 0 <= pos < len(text) else self.lengths

    def lengths_ending_at(self, text: str, pos: int) -> tuple[int, ...]:
        """Longest first, the lengths a word ending at ``pos`` can have (a superset of the matches)."""
        return self.by_last.get(text[pos - 1], ()) if 0 < pos <= len(text) else self.lengths

    def ending_at(self, text: str, pos: int) -> int:
        """Length of the longest word that ends at ``pos`` (0 if none)."""
        if not 0 < pos <= len(text):
            return self._ending_at_any(text, pos)
        for length in self.by_last.get(text[pos - 1], ()):
            if length <= pos and text[pos - length:pos] in self.words:
                return length
        return 0

    def starting_at(self, text: str, pos: int) -> int:
        """Length of the longest word that starts at ``pos`` (0 if none)."""
        if not 0 <= pos < len(text):
            return self._starting_at_any(text, pos)
        for length in self.by_first.get(text[pos], ()):
            if pos + length <= len(text) and text[pos:pos + length] in self.words:
                return length
        return 0

    def _ending_at_any(self, text: str, pos: int) -> int:
        """The plain scan, kept for offsets outside the text (slices there are cut short)."""
        for length in self.lengths:
            if length <= pos and text[pos - length:pos] in self.words:
                return length
        return 0

    def _starting_at_any(self, text: str, pos: int) -> int:
        """The plain scan, kept for offsets outside the text (negative ones slice from the end)."""
        for length in self.lengths:
            if pos + length <= len(text) and text[pos:pos + length] in self.words:
                return length
        return 0


def longest_word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A regex that matches, at a position, the longest of ``words`` starting there.

    The words are nested as a trie (``山东(?:省)?``), so ``search`` finds the
    leftmost word with one scan in C instead of a dictionary probe per
    position, and the greedy optional tails make the match the longest.

    >>> pattern = longest_word_pattern(["山东", "山东省", "东营"])
    >>> [m.group() for m in pattern.finditer("山东省东营山东")]
    ['山东省', '东营', '山东']
    """
    trie: dict[str, dict] = {}
    for word in words:
        if word:
            node = trie
            for char in word:
                node = node.setdefault(char, {})
            node[""] = {}
    if not trie:
        return re.compile(r"(?!)")  # no words: a pattern that never matches
    return re.compile(_trie_pattern(trie))


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


class WordFinder:
    """Every occurrence of each of a fixed set of words (suffixes, heads), found in one pass.

    One regex search per occurrence instead of a ``str.find`` scan of the
    whole text per word: rules look for dozens of suffixes, most absent.

    >>> WordFinder(["公司", "有限公司", "集团"]).find_all("某某有限公司与某某集团公司")
    {'有限公司': [2], '公司': [4, 11], '集团': [9]}
    """

    def __init__(self, words: Iterable[str]):
        self.words = tuple(dict.fromkeys(words))
        if not all(self.words):
            raise ValueError("WordFinder: the empty word occurs everywhere")
        self._pattern = longest_word_pattern(self.words)
        self._by_first: dict[str, list[str]] = {}
        for word in self.words:
            self._by_first.setdefault(word[0], []).append(word)

    def find_all(self, text: str) -> dict[str, list[int]]:
        """Each word found, with its start offsets ascending, overlaps included."""
        found: dict[str, list[int]] = {}
        match = self._pattern.search(text)
        while match is not None:
            pos = match.start()
            for word in self._by_first[text[pos]]:  # every word starting here, not only the longest
                if text.startswith(word, pos):
                    found.setdefault(word, []).append(pos)
            match = self._pattern.search(text, pos + 1)
        return found


def lengths_by_char(words: Iterable[str], index: int) -> dict[str, tuple[int, ...]]:
    """For each character, the lengths (longest first) of the words with it at ``index``."""
    lengths: dict[str, set[int]] = {}
    for word in words:
        if word:
            lengths.setdefault(word[index], set()).add(len(word))
    return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}


class WordLists:
    """Sectioned word lists: a ``[section]`` header, then one word a line."""

    def __init__(self, sections: dict[str, WordSet]):
        self.sections = sections

    @classmethod
    def read(cls, name: str) -> WordLists:
        sections: dict[str, list[str]] = {}
        current: list[str] | None = None
        for line in read_data_lines(name):
            header = SECTION.match(line.strip())
            if header:
                current = sections.setdefault(header.group(1), [])
            elif current is None:
                raise ConfigError(f"{name}: word before the first [section] header: {line!r}")
            else:
                current.append(line.strip())
        return cls({key: WordSet(words) for key, words in sections.items()})

    def __getitem__(self, section: str) -> WordSet:
        try:
            return self.sections[section]
        except KeyError:
            raise ConfigError(f"word list section [{section}] is missing") from None


@dataclass(frozen=True)
class Title:
    """A job title and the organ it belongs to (see ``titles.txt``)."""

    text: str
    organization: str
    may_follow_name: bool


class TitleTable:
    """Job titles, matched longest first.

    >>> table = TitleTable.read()
    >>> table.longest_at("区委副书记、区长", 0).text
    '区委副书记'
    >>> table.longest_at("某集团总裁", 3).organization
    '@company'
    """

    def __init__(self, titles: Iterable[Title]):
        self.by_text = {t.text: t for t in titles}
        self.words = WordSet(self.by_text)
        self.pattern = longest_word_pattern(self.by_text)

    @classmethod
    def read(cls, name: str = "titles.txt") -> TitleTable:
        titles = []
        for line in read_data_lines(name):
            fields = line.split("\t")
            if len(fields) != 3 or fields[2] not in ("b", "ba"):
                raise ConfigError(f"{name}: expected 'title<TAB>organization<TAB>b|ba', got {line!r}")
            titles.append(Title(fields[0], fields[1], fields[2] == "ba"))
        return cls(titles)

    def longest_at(self, text: str, pos: int) -> Title | None:
        length = self.words.starting_at(text, pos)
        return self.by_text[text[pos:pos + length]] if length else None

    def next_from(self, text: str, pos: int) -> tuple[int, Title] | None:
        """The first title starting at or after ``pos`` (the longest there), with its start.

        >>> table = TitleTable.read()
        >>> start, title = table.next_from("会上，区委书记讲话", 0)
        >>> start, title.text
        (3, '区委书记')
        """
        found = self.pattern.search(text, pos)
        return (found.start(), self.by_text[found.group()]) if found else None

    def ending_at(self, text: str, pos: int) -> Title | None:
        length = self.words.ending_at(text, pos)
        return self.by_text[text[pos - length:pos]] if length else None


class Surnames:
    """Chinese family names, single and compound.

    >>> names = Surnames.read()
    >>> names.length_at("欧阳明", 0), names.length_at("孙某", 0), names.length_at("给出", 0)
    (2, 1, 0)
    """

    def __init__(self, names: Iterable[str]):
        names = list(names)
        self.compound = frozenset(n for n in names if len(n) == 2)
        self.single = frozenset(n for n in names if len(n) == 1)

    @classmethod
    def read(cls, name: str = "surnames.txt") -> Surnames:
        return cls(line.strip() for line in read_data_lines(name))

    def length_at(self, text: str, pos: int) -> int:
        """Length of the family name starting at ``pos``: 2, 1, or 0 for none."""
        if text[pos:pos + 2] in self.compound:
            return 2
        return 1 if text[pos:pos + 1] in self.single else 0
