"""Word lists, job titles and family names loaded from hynlp/data."""

from __future__ import annotations

import pytest

from hynlp.entities.lexicon import Surnames, TitleTable, WordLists, WordSet
from hynlp.errors import ConfigError


def test_word_lists_have_every_section_the_rules_read():
    words = WordLists.read("entity_words.txt")
    for section in ("hard_stop", "weak_stop", "construction", "generic", "person_follow", "actor_follow",
                    "gov_department"):
        assert len(words[section]) > 10 or section == "weak_stop"
    assert "抓好" in words["hard_stop"] and "重点" in words["generic"] and "发改" in words["gov_department"]


def test_a_missing_section_is_an_error():
    with pytest.raises(ConfigError, match="missing"):
        WordLists.read("entity_words.txt")["no_such_section"]


def test_word_set_lookups_at_offsets():
    words = WordSet(["位于", "位于的", "在"])
    text = "走进位于的园区"
    assert words.ending_at(text, 4) == 2 and words.ending_at(text, 5) == 3
    assert words.starting_at(text, 2) == 3 and words.starting_at(text, 0) == 0


def test_titles_longest_first_and_their_organs():
    titles = TitleTable.read()
    assert titles.longest_at("常务副市长王某", 0).text == "常务副市长"
    assert titles.longest_at("镇党委书记", 0).organization == "镇党委"
    assert titles.longest_at("市领导", 0).organization == "-"
    assert titles.by_text["书记"].may_follow_name and not titles.by_text["区委书记"].may_follow_name
    assert titles.longest_at("记者张某", 0) is None  # reporters are metadata, not officials


def test_surnames_single_and_compound():
    names = Surnames.read()
    assert names.length_at("欧阳华", 0) == 2
    assert names.length_at("诸葛明", 0) == 2
    assert names.length_at("曹某", 0) == 1
    assert names.length_at("和平", 0) == 0  # a rare surname that is mostly a conjunction is left out
