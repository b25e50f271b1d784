"""Qualifiers: is a figure exact, a floor (以上), a ceiling (不到) or approximate (约)?

>>> text = "超过3000亿元，约120亩，70亿元以上"
>>> prefix_qualifier(text, 2, 0)
('at_least', 0)
>>> suffix_qualifier(text, 19, len(text)), prefix_qualifier(text, 10, 9)
(('at_least', 21), ('approx', 9))
>>> resolve_qualifier(None, None, None)
'exact'
"""

from __future__ import annotations

from types import MappingProxyType

from hynlp.figures.lexicon import QUALIFIER_BLOCKERS, QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES
from hynlp.figures.wordlists import WordList
from hynlp.records import Qualifier

PREFIX_LAST_CHARACTERS = frozenset(word[-1] for word, _ in QUALIFIER_PREFIXES)
SUFFIX_LIST = WordList(tuple(word for word, _ in QUALIFIER_SUFFIXES))
SUFFIX_QUALIFIERS = MappingProxyType(dict(reversed(QUALIFIER_SUFFIXES)))  # the first listed wins


def prefix_qualifier(text: str, start: int, floor: int) -> tuple[Qualifier | None, int]:
    """A qualifier word right before the number, and where it begins."""
    if start < 1 or text[start - 1] not in PREFIX_LAST_CHARACTERS:
        return None, start  # most numbers: no qualifier word can end here
    for word, qualifier in QUALIFIER_PREFIXES:
        begin = start - len(word)
        if begin < floor or not text.startswith(word, begin):
            continue
        blockers = QUALIFIER_BLOCKERS.get(word, "")
        if begin > 0 and text[begin - 1] in blockers:
            continue
        return qualifier, begin  # type: ignore[return-value]
    return None, start


def suffix_qualifier(text: str, end: int, ceiling: int) -> tuple[Qualifier | None, int]:
    """A qualifier word right after the unit, and where the figure then ends."""
    word = SUFFIX_LIST.starting_at(text, end, limit=ceiling)
    if word is None:
        return None, end
    return SUFFIX_QUALIFIERS[word], end + len(word)  # type: ignore[return-value]


def resolve_qualifier(prefix: Qualifier | None, suffix: Qualifier | None,
                      inherent: str | None) -> Qualifier:
    """The word before the number wins, then the word after, then the number's own
    hint (百余 at_least, 上百 approx); otherwise exact."""
    return prefix or suffix or inherent or "exact"  # type: ignore[return-value]
