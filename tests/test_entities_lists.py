"""Enumerations: members of 、-lists and their edges."""

from __future__ import annotations

import pytest

from hynlp.entities.boundaries import NameScanner
from hynlp.entities.candidates import CandidatePool
from hynlp.entities.lexicon import WordLists
from hynlp.entities.lists import enumerations, members_ending_at


@pytest.fixture(scope="module")
def scanner():
    return NameScanner(WordLists.read("entity_words.txt"))


@pytest.fixture(scope="module")
def members(scanner):
    def run(text: str, before: str) -> list[str]:
        pool = CandidatePool(text, [])
        return [text[s:e] for s, e in members_ending_at(pool, scanner, text.index(before))]
    return run


def test_members_of_a_list_ending_in_deng(members):
    assert members("开工现场，弥河生态修复工程、锦河智造产业园、王坟镇示范片区等项目集中开工。", "等") == [
        "弥河生态修复工程", "锦河智造产业园", "王坟镇示范片区"]


def test_the_first_member_starts_after_a_stop_word(members):
    assert members("会上签约了甲乙新材料项目、丙丁物流园两个项目。", "两") == ["甲乙新材料项目", "丙丁物流园"]


def test_every_list_in_a_text(scanner):
    text = "上海恒和集团、浙江恒锐……表达了意向，双方在现代物流、文化创意等方面合作。"
    pool = CandidatePool(text, [])
    # 现代物流 is a generic first member: that list has no usable members.
    assert [[text[s:e] for s, e in found] for found in enumerations(pool, scanner)] == [["上海恒和集团", "浙江恒锐"]]
