"""Round-2 fast paths of the entity rules: each gives the answer of the slower way it skips.

Every test has a case that takes the fast path and one that must not.
"""

from __future__ import annotations

import random

import pytest

from hynlp.document import Document, Token
from hynlp.entities import EntityTagger
from hynlp.entities.boundaries import CONNECTORS, NameScanner, made_of
from hynlp.entities.candidates import CandidatePool
from hynlp.entities.lexicon import TitleTable, WordLists, WordSet
from hynlp.entities.places import PlaceRules
from hynlp.normalize.fixers import Normalizer
from hynlp.segment import Segmenter


@pytest.fixture(scope="module")
def words():
    return WordLists.read("entity_words.txt")


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


@pytest.fixture(scope="module")
def tag(segmenter):
    normalizer, tagger = Normalizer(), EntityTagger()

    def run(text: str) -> list[tuple[str, str]]:
        doc = tagger(segmenter(Document(doc_id="s", raw=text, normalized=normalizer(text))))
        return [(e.type, e.text) for e in doc.entities]
    return run


def _reachable_split(name: str, words: WordSet) -> bool:
    """made_of without its opening and closing tests: the plain split."""
    reachable = [True] + [False] * len(name)
    for i in range(len(name)):
        if not reachable[i]:
            continue
        if name[i].isdigit() or name[i] in CONNECTORS:
            reachable[i + 1] = True
        for length in words.lengths:
            if name[i:i + length] in words.words and i + length <= len(name):
                reachable[i + length] = True
    return reachable[len(name)]


def test_made_of_answers_as_the_plain_split_on_random_names():
    words = WordSet(["城市", "更新", "改造", "新城", "市"])
    alphabet = "城市更新改造新和2x"
    rng = random.Random(5)
    for _ in range(3000):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 9)))
        assert made_of(name, words) == _reachable_split(name, words), name
    assert not made_of("城市更x", words)  # closes on no word: rejected before the split
    assert not made_of("x城市", words)  # opens on no word
    assert made_of("城市和更新", words)


def test_the_inlined_stop_tests_answer_as_stop_ending_at(words, segmenter):
    scanner = NameScanner(words, TitleTable.read())
    text = "在青禾区委书记孙某的带领下，向东岚县和澜溪区推进2个项目，以大项目带动。"
    for tokens in (segmenter.tokenize(text), []):
        pool = CandidatePool(text, tokens)
        for pos in range(1, len(text) + 1):
            if pool.is_token_edge(pos) and text[pos - 1] in scanner.weak.by_last:
                assert scanner._weak_ends_at(text, pool.token_edges, pos) == bool(
                    scanner.stop_ending_at(pool, pos, scanner.weak))


def test_streets_are_read_only_where_the_text_has_a_street(words):
    rules = PlaceRules(words, NameScanner(words))
    text = "澜溪街开展活动"
    pool = CandidatePool(text, [Token("澜溪", 0, 2, "ns"), Token("街", 2, 3, "n"), Token("开展", 3, 5, "v"),
                                Token("活动", 5, 7, "n")])
    assert [(c.start, c.end) for c in rules._streets(pool)] == [(0, 3)]
    text = "澜溪开展活动"  # no 街: the tokens are not read
    pool = CandidatePool(text, [Token("澜溪", 0, 2, "ns"), Token("开展", 2, 4, "v"), Token("活动", 4, 6, "n")])
    assert rules._streets(pool) == []


def test_a_head_after_punctuation_names_no_project(tag):
    assert [e for e in tag("松涛县青禾新材料产业项目开工。项目总投资5亿元。") if e[0] == "PROJECT"] == [
        ("PROJECT", "松涛县青禾新材料产业项目")]
    assert [e for e in tag("签约仪式结束。项目总投资5亿元。") if e[0] == "PROJECT"] == []


def test_company_lists_are_skipped_only_without_a_company_or_a_list_tail(tag):
    assert [e for e in tag("岚州恒器、北原某和等企业签约。") if e[0] == "COMPANY"] == [
        ("COMPANY", "岚州恒器"), ("COMPANY", "北原某和")]  # no company yet, but a tail: read
    assert [e for e in tag("岚州恒器、北原某和签约。") if e[0] == "COMPANY"] == []


def test_the_left_edge_skips_only_token_edges_that_bound_no_name(words, segmenter):
    scanner = NameScanner(words, TitleTable.read())
    text = "在青禾区委书记孙某的带领下，东岚县2个项目、澜溪区3家企业开工，以及岚州市长王某到场。"
    pool = CandidatePool(text, segmenter.tokenize(text))
    skipped = 0
    for pos in range(1, len(text) + 1):
        before = text[pos - 1]
        if pos in pool.token_edges and "\u4e00" <= before <= "\u9fff" and before not in scanner.edge_boundary_endings:
            skipped += 1  # what left_edge assumes without calling is_hard_boundary
            assert not scanner.is_hard_boundary(pool, pos)
    assert skipped
    assert scanner.is_hard_boundary(pool, text.index("项目"))  # 2个|项目: a quantity ends there
