"""ORG candidates: universities, institutes, associations."""

from hynlp.entities.boundaries import NameScanner
from hynlp.entities.candidates import CandidatePool
from hynlp.entities.gazetteer import Gazetteer
from hynlp.entities.lexicon import WordLists
from hynlp.entities.orgs import OrgRules
from hynlp.segment import Segmenter

SEGMENTER = Segmenter()
RULE = OrgRules(NameScanner(WordLists.read("entity_words.txt")), Gazetteer.load())


def orgs(text: str) -> list[str]:
    pool = CandidatePool(text, SEGMENTER.tokenize(text))
    RULE(pool)
    return sorted(c.text(text) for c in pool.candidates)


def test_named_institutions():
    assert orgs("与山东大学、清华大学合作，浙江商会会员参加。") == ["山东大学", "浙江商会", "清华大学"]


def test_generic_institutions_are_not_named():
    assert orgs("借助行业协会和招商大使的力量，年轻大学生当兵上大学。") == []
