"""Fast paths of the entity rules: each gives the answer of the slower way it skips.

Every test has a case that takes the fast path and one that must not.
"""

from __future__ import annotations

import random
import re

import pytest

from hynlp.document import Document, Token
from hynlp.entities import EntityTagger
from hynlp.entities.boundaries import CONNECTORS, QUANTITY_ENDINGS, NameScanner, made_of, occurrences
from hynlp.entities.candidates import CandidatePool
from hynlp.entities.dates import DATE, dates
from hynlp.entities.lexicon import TitleTable, WordFinder, WordLists, WordSet, longest_word_pattern
from hynlp.entities.places import PlaceRules
from hynlp.entities.project_lists import INTRO
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
        doc = tagger(segmenter(Document(doc_id="f", raw=text, normalized=normalizer(text))))
        return [(e.type, e.text) for e in doc.entities]
    return run


def test_the_word_pattern_finds_the_longest_word_the_dictionary_scan_finds():
    table = TitleTable.read()
    text = "青禾区委副书记、区长曹某某主持，东岚县县长、副县长出席，澜溪区委书记讲话。"
    for pos in range(len(text)):
        found = table.pattern.match(text, pos)
        assert (found.end() - pos if found else 0) == table.words.starting_at(text, pos)
    assert longest_word_pattern([]).search(text) is None


def test_the_word_finder_finds_every_occurrence_overlaps_included():
    suffixes = ["区", "新区", "开发区", "经济开发区", "区区"]
    finder = WordFinder(suffixes)
    for text in ("松涛县经济开发区与澜溪新区、北原区区域", "青禾区召开大会。", "没有后缀的句子", ""):
        found = finder.find_all(text)
        assert {w: found.get(w, []) for w in suffixes} == {w: list(occurrences(text, w)) for w in suffixes}
    with pytest.raises(ValueError):
        WordFinder(["区", ""])


@pytest.mark.parametrize("text", [
    "2024年3月5日至8日，东岚县召开大会；二〇二三年全年。",
    "12024年、第2023年、3月5号—4月1号、13月45日、1月、2月3", "没有日期的句子", "",
])
def test_dates_are_the_date_pattern_matches(text):
    assert [m.span() for m in dates(text)] == [m.span() for m in DATE.finditer(text)]


def test_dates_match_the_date_pattern_on_random_numeral_strings():
    rng = random.Random(5)
    alphabet = "0123456789〇零一二三四五六七八九年月日号至到—-x \n"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        assert [m.span() for m in dates(text)] == [m.span() for m in DATE.finditer(text)]


def test_ethnic_units_are_read_only_where_an_ethnic_level_ends(words):
    rules = PlaceRules(words, NameScanner(words))
    ethnic = CandidatePool("松涛满族乡召开春耕大会。", [])
    rules(ethnic)
    assert [(c.rule, c.text(ethnic.text)) for c in ethnic.candidates] == [("admin:ethnic", "松涛满族乡")]
    plain = CandidatePool("青禾区召开春耕大会。", [])  # no 族区/族乡/族镇/自治…: the ethnic pattern is skipped
    rules(plain)
    assert all(c.rule != "admin:ethnic" for c in plain.candidates)


def test_an_industry_suffix_is_scanned_only_before_a_title_or_a_word_boundary(tag):
    assert ("COMPANY", "澜溪恒器科技") in tag("澜溪恒器科技董事长王某出席。")
    assert tag("澜溪恒器科技发展迅速。") == []  # 科技|发展: no boundary, no title, no scan


def test_only_lists_that_may_hold_a_company_are_read_for_companies(tag):
    assert [e for e in tag("北原恒器科技、岚州某和集团等企业签约。") if e[0] == "COMPANY"] == [
        ("COMPANY", "北原恒器科技"), ("COMPANY", "岚州某和集团")]
    assert [e for e in tag("青禾区、东岚县、澜溪区三地签约。") if e[0] == "COMPANY"] == []


def test_a_bounded_list_needs_a_mark_after_its_first_name(tag):
    assert [e for e in tag("东岚县副县长王某、李某某出席。") if e[0] == "PERSON"] == [
        ("PERSON", "王某"), ("PERSON", "李某某")]
    assert [e for e in tag("区委书记孙某说，要抓紧推进。") if e[0] == "PERSON"] == [("PERSON", "孙某")]


@pytest.mark.parametrize("text, project", [
    ("北原区年产5万吨有机肥项目开工。", "北原区年产5万吨有机肥项目"),  # 年 nearby: the capacity is searched
    ("北原区有机肥项目开工。", "北原区有机肥项目"),  # no 年 or 日: no capacity search
    ("北原区3万吨碳纤维拉丝项目开工。", "3万吨碳纤维拉丝项目"),  # ends in 吨: the bare capacity is searched
    ("截至目前，东岚至临河快速路工程开工。", "东岚至临河快速路工程"),  # 至 right at the edge, 截至 far off
])
def test_capacities_and_routes_are_searched_only_where_they_can_end(tag, text, project):
    assert ("PROJECT", project) in tag(text)


def test_the_token_under_an_offset_is_the_same_for_ordered_and_shuffled_tokens():
    text = "青禾区召开大会"
    tokens = [Token("青禾区", 0, 3, "ns"), Token("召开", 3, 5, "v"), Token("大会", 5, 7, "n")]
    ordered = CandidatePool(text, tokens)
    shuffled = CandidatePool(text, [tokens[2], tokens[0], tokens[1]])  # no binary search: the index
    for pos in range(-1, len(text) + 1):
        assert ordered.token_covering(pos) == shuffled.token_covering(pos)
    assert CandidatePool(text, []).token_covering(2) is None


def test_the_left_edge_skips_only_positions_that_bound_no_name(words, segmenter):
    scanner = NameScanner(words, TitleTable.read())
    text = "在青禾区委书记孙某的带领下，东岚县2个项目、澜溪区3家企业开工。"
    pool = CandidatePool(text, segmenter.tokenize(text))
    for pos in range(1, len(text) + 1):
        inside_word = (pos not in pool.token_edges and re.match("[\u4e00-\u9fff]", text[pos - 1])
                       and text[pos - 1] not in QUANTITY_ENDINGS)
        if inside_word:  # what left_edge assumes without calling is_hard_boundary
            assert not scanner.is_hard_boundary(pool, pos)
    assert scanner.is_hard_boundary(pool, text.index("项目"))  # 2个|项目: a quantity before


def test_made_of_stops_once_nothing_further_is_reachable():
    words = WordSet(["城市", "更新", "改造"])
    assert made_of("城市更新和改造2", words)
    assert not made_of("城市x更新", words)  # nothing reaches past x
    assert not made_of("新城市", words)
    assert made_of("①城市", words)  # ① is a digit to str.isdigit
    assert made_of("", words)


def test_the_intro_pattern_matches_what_its_lookbehind_form_matched():
    # The form before the branches were given literal openers, kept as the reference.
    reference = re.compile(r"(?:分别是|分别为|包括|包含|(?<=项目)[有为](?![关效力所望序助利益主了何止]))[：:]?")
    rng = random.Random(7)
    alphabet = "项目有为分别是包括含关效主：:，x"
    texts = ["签约项目分别是青禾智能装备、东岚冷链物流园。", "该项目有关情况", "项目有：澜溪文旅综合体"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    for text in texts:
        assert [m.span() for m in INTRO.finditer(text)] == [m.span() for m in reference.finditer(text)]


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
