"""Candidates from gazetteer lookups, for every entity type.

A full name (``山东省``, ``国务院``) is taken wherever it occurs. A short form
or a two-character name (``山东``, ``国网``, ``鲁南``) is taken only where it
stands on its own, with a boundary on both sides, so that ``浙江`` inside
``浙江大学`` and ``江苏`` inside ``国网江苏最大…`` are left alone. A company brand followed by a
province or city, or by a numbered bureau, is one company: ``国网江苏``,
``中建八局``.

>>> from hynlp.entities.lexicon import WordLists
>>> from hynlp.entities.boundaries import NameScanner
>>> from hynlp.entities.candidates import CandidatePool
>>> from hynlp.entities.gazetteer import Gazetteer
>>> words = WordLists.read("entity_words.txt")
>>> rule = GazetteerRule(Gazetteer.load(), NameScanner(words))
>>> pool = CandidatePool("从南京到杭州，国网江苏最大的储能电站毗邻浙江大学。", [])
>>> rule(pool)
>>> [(c.type, c.text(pool.text)) for c in pool.candidates]
[('PLACE', '南京'), ('PLACE', '杭州'), ('COMPANY', '国网江苏')]
"""

from __future__ import annotations

import re

from hynlp.entities.boundaries import NameScanner
from hynlp.entities.candidates import PRIORITY_LOOKUP, PRIORITY_SHAPE, Candidate, CandidatePool
from hynlp.entities.gazetteer import Gazetteer, GazetteerMatch

WORD_ACROSS_END = frozenset(("部门", "部长", "局长", "厅长", "署长", "行长", "委员", "市长", "省长", "省会", "市场"))
# A state builder's numbered bureau: 中建八局, 中交一公局, 中交二航局, 中交第三公路工程局.
COMPOUND_TAGS = frozenset(("n", "nz", "nr", "ns", "nt", "ng"))
NUMBERED_BUREAU = re.compile(r"第?[一二三四五六七八九十]{1,3}(?:[\u4e00-\u9fff]{1,4}?工程|[航公]务?)?局")


class GazetteerRule:
    def __init__(self, gazetteer: Gazetteer, scanner: NameScanner):
        self.gazetteer = gazetteer
        self.scanner = scanner

    def __call__(self, pool: CandidatePool) -> None:
        for match in self.gazetteer.find(pool.text):
            if pool.text[match.end - 1:match.end + 1] in WORD_ACROSS_END and not tagged_place_ends_at(pool, match.end):
                continue  # 公安部|门, 某某市|长: the name's last character starts another word
            end = self._company_extension(pool.text, match) if match.entry.type == "COMPANY" else match.end
            extended = end != match.end
            if (match.short or len(match.text) <= 2) and not extended and not self._stands_alone(pool, match):
                continue
            if extended and not (self.scanner.is_right_boundary(pool.text, end) or self._title_at(pool.text, end)):
                continue  # 中建八局|副总经理: a title after the company ends its name too
            canonical = match.entry.name if match.short and not extended else None
            pool.add(Candidate(
                match.entry.type, match.start, end, source="gazetteer",
                rule=f"gazetteer:{match.entry.source}" + ("+short" if match.short else ""),
                confidence=0.7 if match.short else 0.9,
                priority=PRIORITY_LOOKUP if match.short else PRIORITY_SHAPE, canonical=canonical))

    def _title_at(self, text: str, pos: int) -> bool:
        titles = self.scanner.titles
        return titles is not None and titles.longest_at(text, pos) is not None

    def _stands_alone(self, pool: CandidatePool, match: GazetteerMatch) -> bool:
        if not self.scanner.is_right_boundary(pool.text, match.end):
            return False  # 湖南|某某科技, 濮阳|高新区: the start of a longer name
        return self.scanner.is_boundary(pool, match.start) or (
            match.entry.type == "PLACE" and _place_word(pool, match.start, match.end))

    def _company_extension(self, text: str, match: GazetteerMatch) -> int:
        """End of ``brand + province/city`` (国网江苏) or ``brand + 八局`` (中建八局)."""
        bureau = NUMBERED_BUREAU.match(text, match.end)
        if bureau:
            return bureau.end()
        for length in (3, 2):
            found = self.gazetteer.lookup(text[match.end:match.end + length])
            if found and found[0].type == "PLACE" and len(text) >= match.end + length:
                return match.end + length
        return match.end


def _place_word(pool: CandidatePool, start: int, end: int) -> bool:
    """现代化|漯河|“三城”: the segmenter made the short name a place word of its own.
    A noun right before it makes a compound (魅力青岛), not a mention."""
    token, before = pool.token_at(start), pool.token_ending_at(start)
    return (token is not None and token.end == end and token.tag == "ns"
            and not (before is not None and before.tag in COMPOUND_TAGS))


def tagged_place_ends_at(pool: CandidatePool, end: int) -> bool:
    """True when the segmenter ended a place-name word at ``end`` (济南市/ns 长清区)."""
    token = pool.token_ending_at(end)
    return token is not None and token.tag == "ns"

