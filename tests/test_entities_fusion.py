"""Fusion: one entity per mention, from candidates of any source."""

from __future__ import annotations

from hynlp.entities.boundaries import NameScanner
from hynlp.entities.candidates import Candidate, CandidatePool
from hynlp.entities.fusion import (merge_duplicates, repeated_mentions, select, short_form_mentions,
                                   with_canonical)
from hynlp.entities.lexicon import WordLists

TEXT = "北关片区城市更新项目指挥部召开会议，北关片区城市更新项目进展顺利。"


def spans(cands: list[Candidate]) -> list[tuple[str, str]]:
    return [(c.type, c.text(TEXT)) for c in cands]


def test_longest_span_wins_an_overlap():
    chosen = select([Candidate("PLACE", 0, 4), Candidate("PROJECT", 0, 10), Candidate("COMPANY", 2, 6)])
    assert spans(chosen) == [("PROJECT", "北关片区城市更新项目")]


def test_equal_spans_go_to_priority_then_confidence_whatever_the_source():
    rule = Candidate("PLACE", 0, 4, confidence=0.9, priority=2)
    model = Candidate("ORG", 0, 4, source="model", confidence=0.95, priority=2)
    assert select([rule, model]) == [model]
    assert select([rule.with_(priority=3), model]) == [rule.with_(priority=3)]


def test_crossing_spans_never_both_survive():
    chosen = select([Candidate("PROJECT", 0, 10), Candidate("GOV", 4, 13, priority=3)])
    assert spans(chosen) == [("PROJECT", "北关片区城市更新项目")]  # longer first, then priority


def test_a_nesting_candidate_stays_inside_its_working_body():
    working_body = Candidate("GOV", 0, 13, priority=3)
    project = Candidate("PROJECT", 0, 10, nests=True)
    assert spans(select([project, working_body])) == [("GOV", "北关片区城市更新项目指挥部"),
                                                       ("PROJECT", "北关片区城市更新项目")]
    assert spans(select([project.with_(nests=False), working_body])) == [("GOV", "北关片区城市更新项目指挥部")]


def test_duplicates_merge_and_keep_the_title():
    plain = Candidate("PERSON", 0, 3, priority=3, confidence=0.95)
    titled = Candidate("PERSON", 0, 3, priority=3, confidence=0.9, title="区委书记", organization="某区委")
    merged = merge_duplicates([plain, titled])
    assert len(merged) == 1 and merged[0].title == "区委书记" and merged[0].confidence == 0.95


def test_names_found_once_are_tagged_where_they_recur():
    first = select([Candidate("GOV", 0, 13, priority=3)])
    repeats = repeated_mentions(first, TEXT)
    assert repeats == []  # the second mention is of the project, not the body
    project = select([Candidate("PROJECT", 18, 28)])
    assert spans(repeated_mentions(project, TEXT)) == [("PROJECT", "北关片区城市更新项目")]


def test_a_part_of_a_longer_name_of_its_kind_gets_it_as_canonical():
    text = "抓好山东恒晶扩产能项目，恒晶扩产能等项目"
    chosen = with_canonical([Candidate("PROJECT", 2, 11), Candidate("PROJECT", 12, 17)], text)
    assert [(c.text(text), c.canonical) for c in chosen] == [
        ("山东恒晶扩产能项目", None), ("恒晶扩产能", "山东恒晶扩产能项目")]


def test_short_forms_of_units_point_to_the_full_name():
    text = "锦河区召开大会。走进锦河，处处是工地。"
    pool = CandidatePool(text, [])
    full = [Candidate("GOV", 0, 3)]
    mentions = short_form_mentions(full, pool, NameScanner(WordLists.read("entity_words.txt")))
    assert [(c.type, c.text(text), c.canonical) for c in mentions] == [("GOV", "锦河", "锦河区")]
