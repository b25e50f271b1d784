"""ORG candidates: universities, institutes, associations."""

import pytest

from hynlp.entities.boundaries import NameScanner
from hynlp.entities.candidates import CandidatePool
from hynlp.entities.gazetteer import Gazetteer
from hynlp.entities.lexicon import WordLists
from hynlp.entities.orgs import OrgRules
from hynlp.segment import Segmenter


@pytest.fixture(scope="module")
def orgs():
    segmenter = Segmenter()
    rule = OrgRules(NameScanner(WordLists.read("entity_words.txt")), Gazetteer.load())

    def run(text: str) -> list[str]:
        pool = CandidatePool(text, segmenter.tokenize(text))
        rule(pool)
        return sorted(c.text(text) for c in pool.candidates)
    return run


def test_named_institutions(orgs):
    assert orgs("与浙江大学、清华大学合作，浙江商会会员参加。") == ["浙江商会", "浙江大学", "清华大学"]


def test_generic_institutions_are_not_named(orgs):
    assert orgs("借助行业协会和招商大使的力量，年轻大学生当兵上大学。") == []
