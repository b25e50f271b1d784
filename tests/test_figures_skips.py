"""Work the figure rules skip gives what doing it gave.

Each skip (an aside search for a whole sentence, a number with no unit left
before its sentence is looked up, a project name too short to trim, a phrase
stripped by moving indices, a phrase no trim word opens) is checked on fictional sentences that take it
and that must not, and, where a loop was replaced, against that loop.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from hynlp.document import Document
from hynlp.figures import FigureExtractor, phrases
from hynlp.figures.candidates import find_candidates
from hynlp.figures.lexicon import LEADING_TRIMS
from hynlp.figures.measures import HEAD_LIST, HEAD_WORDS, MODIFIER_LIST, MODIFIER_WORDS, is_bare
from hynlp.figures.projects import ProjectContext
from hynlp.normalize import normalize
from hynlp.numbers import scan_numbers
from hynlp.records import Figure
from hynlp.sentences import SentenceSplitter


def _document(text: str) -> Document:
    return SentenceSplitter()(Document(doc_id="x", raw=text, normalized=normalize(text)))


def _figures(text: str) -> list[tuple[str, str | None, str]]:
    return [(f.surface, f.subject, f.subject_rule) for f in FigureExtractor()(_document(text)).figures]


def bare_by_slicing(phrase: str) -> bool:
    """measures.is_bare as it was: the phrase cut down a string at a time."""
    rest, changed = phrase, True
    while changed and rest:
        changed = False
        head = HEAD_LIST.ending_at(rest, len(rest))
        if head is not None:
            rest, changed = rest[:-len(head)], True
        modifier = MODIFIER_LIST.starting_at(rest, 0)
        if modifier is not None:
            rest, changed = rest[len(modifier):], True
    return len(rest) < 2


@settings(max_examples=400)
@given(st.lists(st.sampled_from([*HEAD_WORDS, *MODIFIER_WORDS, "青禾", "物流", "港", "率", "区"]),
                max_size=5).map("".join))
def test_bare_phrases_are_found_as_by_slicing(phrase):
    assert is_bare(phrase) == bare_by_slicing(phrase)


def trimmed_in_steps(text: str, start: int, end: int) -> int:
    """phrases.trim_leading as it was: a step per round, whatever opens the phrase."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in phrases.PHRASE_JUNK:
            start, changed = start + 1, True
        start, changed = phrases._skip_leading(text, start, end, end - 1, changed)
    return start


@settings(max_examples=400)
@given(st.lists(st.sampled_from([*LEADING_TRIMS, "2023年", "1-5月", "，", "“", " ", "青禾", "项目", "率"]),
                max_size=5).map("".join), st.data())
def test_leading_trims_stop_as_the_steps_stopped(text, data):
    end = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, end))
    assert phrases.trim_leading(text, start, end) == trimmed_in_steps(text, start, end)

def test_a_phrase_no_trim_word_opens_is_left_at_once():
    assert phrases.trim_leading("北原区投资", 0, 5) == 0  # 北 opens no trim word: the fast path
    assert phrases.trim_leading("全年完成投资", 0, 6) == 4  # 全年, then 完成: two rounds
    assert phrases.trim_leading("2023年，青禾区新增", 0, 12) == 6  # a date, then a mark


def test_a_sentence_with_no_bracket_skips_the_aside_test():
    assert _figures("青禾区新建安置房18栋，总投资5亿元，同比增长12%。") == [
        ("18栋", "青禾区新建安置房", "measure_phrase"),
        ("5亿元", "青禾区新建安置房18栋总投资", "previous_figure+measure_phrase"),
        ("12%", "青禾区新建安置房18栋总投资同比增长", "continuation+measure_phrase"),
    ]


def test_a_figure_in_a_closed_bracket_is_still_passed_over():
    # 3栋 sits in a bracket closed before 5亿元: the amount is said of 18栋, not of it
    assert _figures("青禾区新建安置房18栋(其中东岚县3栋)，总投资5亿元。") == [
        ("18栋", "青禾区新建安置房", "measure_phrase"),
        ("3栋", "青禾区新建安置房18栋东岚县", "aside+measure_phrase"),
        ("5亿元", "青禾区新建安置房18栋总投资", "previous_figure+measure_phrase"),
    ]


def test_numbers_with_no_unit_are_skipped_but_borrowed_and_left_out_units_are_not():
    text = "松涛县分别高于全国0.7、全省2.3个百分点，2023年北原区到位投资总计1.85亿。"
    doc = _document(text)
    found = [(c.surface(text), c.unit) for c in find_candidates(doc.text, doc.sentences)]
    # 0.7 borrows 个百分点, 1.85亿 is money without 元 after a cue; 2023 has no unit
    assert found == [("0.7", "percentage_points"), ("2.3个百分点", "percentage_points"), ("1.85亿", "CNY")]


def test_short_names_are_refused_before_they_are_trimmed():
    text = "签约5个项目，、项目建设，青禾区智慧物流园项目总投资3亿元。该项目位于东岚县。"
    assert [(m.text, m.anaphor) for m in ProjectContext(_document(text)).mentions] == [
        ("青禾区智慧物流园项目", False), ("该项目", True)]
    text = "岚州市2023年招商引资项目，重点项目12个，北原区数字经济产业园二期开工。"
    assert [m.text for m in ProjectContext(_document(text)).mentions] == ["北原区数字经济产业园二期"]


def test_plain_digits_skip_the_full_width_and_comma_repair():
    text = "青禾区投资１２万元，澜溪区1,250个，东岚县3541.07万元，北原区86个"
    assert [(s.text, s.value) for s in scan_numbers(text)] == [
        ("１２万", Decimal(120000)), ("1,250", Decimal(1250)), ("3541.07万", Decimal(35410700)),
        ("86", Decimal(86))]


def test_figures_are_validated_together_as_records():
    figures = FigureExtractor()(_document("澜溪区签约项目14个(已开工8个)，总投资16亿元。")).figures
    assert all(type(f) is Figure for f in figures)
    assert [(f.surface, f.value, f.unit, f.sentence) for f in figures] == [
        ("14个", Decimal(14), "projects", 0), ("16亿元", Decimal(1600000000), "CNY", 0)]
    assert FigureExtractor()(_document("青禾区召开会议。")).figures == []
    # numbers, but none a figure: the document is done before its projects are read
    assert FigureExtractor()(_document("东岚县召开2023年第一次项目推进会。")).figures == []
