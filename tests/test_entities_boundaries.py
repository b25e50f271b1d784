"""NameScanner: where a name that ends at a suffix starts."""

from __future__ import annotations

import pytest

from hynlp.entities.boundaries import NameScanner, occurrences
from hynlp.entities.candidates import CandidatePool
from hynlp.entities.lexicon import TitleTable, WordLists
from hynlp.segment import Segmenter


@pytest.fixture(scope="module")
def scanner():
    return NameScanner(WordLists.read("entity_words.txt"), TitleTable.read())


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def name_before(scanner, text: str, suffix: str, tokens=()) -> str | None:
    pool = CandidatePool(text, tokens)
    end = text.index(suffix)
    start = scanner.left_edge(pool, end, max_len=20, accept=lambda s: scanner.clean_start(pool, s, end))
    return None if start is None else text[start:end]


@pytest.mark.parametrize("text, suffix, name", [
    ("今年要抓好鲁中新材料扩产能项目。", "项目", "鲁中新材料扩产能"),
    ("记者来到位于兴华街道的泉城妇幼保健院项目，", "项目", "泉城妇幼保健院"),
    ("在齐鲁高端装备产业园项目内，工人们正在施工。", "项目", "齐鲁高端装备产业园"),
    ("总投资12亿元的临港物流园项目开工。", "项目", "临港物流园"),
    ("双方签约，上海中和集团、", "集团", "上海中和"),  # 和 inside a brand is kept
    ("与北京同仁科技合作", "科技", "北京同仁"),
])
def test_left_edge_stops_at_verbs_prepositions_and_quantities(scanner, text, suffix, name):
    assert name_before(scanner, text, suffix) == name


@pytest.mark.parametrize("text, suffix", [
    ("全县重大项目陆续复工", "项目"),
    ("目前在建项目进展顺利", "项目"),
    ("共安排88个省市区重点项目", "项目"),
    ("坚持拼项目", "项目"),
    ("全年引进过亿元项目30个", "项目"),
    ("区委书记孙某宣布项目开工", "项目"),  # a job title is a boundary
])
def test_generic_or_missing_names_are_rejected(scanner, text, suffix):
    assert name_before(scanner, text, suffix) is None


def test_stop_words_count_only_on_token_edges(scanner, segmenter):
    text = "加快推进泉城在线教育产业园项目"
    tokens = segmenter.tokenize(text)
    # 在 is a preposition elsewhere; inside the word 在线 it is not a boundary.
    assert name_before(scanner, text, "项目", tokens) == "泉城在线教育产业园"
    assert name_before(scanner, text, "项目") == "线教育产业园"  # what the characters alone give


def test_a_bracketed_aside_belongs_to_the_name(scanner):
    text = "在滨河路（建设路至和平路）改造提升工程现场"
    assert name_before(scanner, text, "工程") == "滨河路（建设路至和平路）改造提升"


def test_a_weak_stop_before_a_word_ends_the_name(scanner):
    # 向 could end a left context; what follows it is a generic word, so there is no name.
    assert name_before(scanner, "有关组织向全球会员银行发函", "银行") is None


def test_generic_names(scanner):
    assert scanner.is_generic("省市区重点")
    assert scanner.is_generic("过亿元")
    assert not scanner.is_generic("鲁中新材料")


def test_right_boundary(scanner):
    text = "先赴南京，再到无锡，国网江苏最大"
    assert scanner.is_right_boundary(text, text.index("南京") + 2)
    assert scanner.is_right_boundary(text, text.index("无锡") + 2)
    assert not scanner.is_right_boundary(text, text.index("江苏") + 1)  # inside a word


def test_occurrences_include_overlaps():
    assert list(occurrences("区区区", "区区")) == [0, 1]
