"""ORG candidates: universities, research institutes and associations.

The annotation conventions do not score ORG, so this rule stays narrow:
a name before 大学, 研究院, 商会, 协会… that is not generic (行业协会 is
not) and that opens with a place or a word the segmenter tags as a proper
name. A university or institute inside a project name stays part of the
project.

>>> from hynlp.entities.lexicon import WordLists
>>> from hynlp.entities.boundaries import NameScanner
>>> from hynlp.entities.candidates import CandidatePool
>>> words = WordLists.read("entity_words.txt")
>>> pool = CandidatePool("与浙江商会、行业协会签约。", [])
>>> OrgRules(NameScanner(words), Gazetteer.load())(pool)
>>> [c.text(pool.text) for c in pool.candidates]
['浙江商会']
"""

from __future__ import annotations

from hynlp.entities.boundaries import NameScanner
from hynlp.entities.candidates import PRIORITY_SHAPE, Candidate, CandidatePool
from hynlp.entities.gazetteer import Gazetteer
from hynlp.entities.lexicon import WordFinder

PROPER_TAGS = frozenset(("nt", "ns", "nz", "nr", "j"))
ORG_SUFFIXES = ("科学院", "工程院", "研究院", "研究所", "联合会", "促进会", "基金会", "大学", "学院", "协会",
                "商会", "学会")


class OrgRules:
    def __init__(self, scanner: NameScanner, gazetteer: Gazetteer):
        self.scanner = scanner
        self.gazetteer = gazetteer
        self.suffix_finder = WordFinder(ORG_SUFFIXES)

    def __call__(self, pool: CandidatePool) -> None:
        text, claimed_ends = pool.text, set()
        occurring = self.suffix_finder.find_all(text)
        for suffix in ORG_SUFFIXES:
            for start in occurring.get(suffix, ()):
                end = start + len(suffix)
                if end in claimed_ends:
                    continue
                claimed_ends.add(end)
                edge = self.scanner.left_edge(pool, start, max_len=14, verb_stops=True,
                                              accept=lambda s, start=start: self._name_start(pool, s, start))
                if edge is not None:
                    pool.add(Candidate("ORG", edge, end, rule=f"org:{suffix}", confidence=0.7,
                                       priority=PRIORITY_SHAPE - 1))

    def _name_start(self, pool: CandidatePool, start: int, end: int) -> int | None:
        start = self.scanner.clean_start(pool, start, end)
        return start if start is not None and self._proper(pool, start) else None

    def _proper(self, pool: CandidatePool, start: int) -> bool:
        """The name opens with a place (山东|大学) or a word the segmenter calls a proper name."""
        found = self.gazetteer.lookup(pool.text[start:start + 2]) or self.gazetteer.lookup(pool.text[start:start + 3])
        if found and found[0].type == "PLACE":
            return True
        token = pool.token_at(start)
        return token is not None and token.tag in PROPER_TAGS
