"""The normalizer's fast paths: each skips work only when the slow path would change nothing."""

from __future__ import annotations

from array import array

import jieba
import opencc
import pytest
from pydantic import ValidationError

from hynlp.normalize.fixers import Normalizer, _changed_runs, _converted_lines, _differing
from hynlp.normalize.pinyin import MAYBE_ANNOTATED, PinyinFixer, keys_match, syllable_keys
from hynlp.normalize.plausibility import Plausibility
from hynlp.normalize.tracked import TrackedText
from hynlp.normalize.whitespace import spaces
from hynlp.records import Repair


@pytest.fixture(scope="module")
def fixer() -> PinyinFixer:
    return PinyinFixer.default()


def test_pinyin_table_is_built_only_for_an_annotated_text():
    normalizer = Normalizer()
    plain = normalizer("青禾区项目(区域医疗中心)开工，总投资3亿元。")
    assert plain.text == "青禾区项目(区域医疗中心)开工，总投资3亿元。"
    assert normalizer._pinyin is None
    annotated = normalizer("東嵐縣項(xiàng)目開工。")
    assert annotated.text == "东岚县项目开工。"
    assert normalizer._pinyin is not None


@pytest.mark.parametrize("text, annotated", [
    ("澜溪区签约(BIM)项目", True),  # letters in parentheses: the full check decides
    ("北原区?(nèi)容", True),
    ("松涛县?nèi)容", True),
    ("岚州市(区域医疗中心)建设", False),
    ("青禾区投资3140亿元", False),
])
def test_annotation_precheck(text, annotated):
    assert bool(MAYBE_ANNOTATED.search(text)) is annotated


def test_reads_as_agrees_with_keys_match(fixer):
    for char in "项行长乐的了吗区":
        for annotation in ("xiàng", "hang2", "zhang", "le", "ma5", "qu1", "de", "yue4"):
            heard = syllable_keys(annotation)[0]
            expected = any(keys_match(heard, known) for known in fixer.readings(char))
            assert fixer.reads_as(char, annotation) is expected, (char, annotation)


def test_readers_filter_like_reads_as(fixer):
    chars = list("项向象像相乡行")
    assert list(fixer.readers(chars, "xiàng")) == [c for c in chars if fixer.reads_as(c, "xiàng")]
    assert list(fixer.readers(chars, "xiang xiang")) == []


def test_restored_character_is_chosen_when_applied(fixer):
    text = "东岚县?(nèi)容丰富"
    pending = [e for e in fixer.find_unresolved(text) if e.kind == "pinyin_recovered"]
    assert pending and pending[0].new == "" and pending[0].pending is not None
    assert fixer.resolve(pending[0], None) == fixer.find(text)[0]
    assert fixer.find(text)[0].new == "内"


def test_route_matches_jieba_calc():
    model = Plausibility.default()
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for sentence in ("青禾区重点项目开工", "澜溪区融媒体中心", "为确保工人", "龘", "北原区"):
        route: dict = {}
        tokenizer.calc(sentence, tokenizer.get_DAG(sentence), route)
        assert model._route(sentence) == route[0][0]


def test_changed_runs_follow_differing_positions():
    old, new = "北原區重點項目", "北原区重点项目"
    assert _differing(old, new) == [2, 4, 5]
    assert _changed_runs(old, new, 10, _differing(old, new)) == [(12, 13, "区"), (14, 16, "点项")]
    assert _differing("乾隆", "干隆隆") is None
    assert _changed_runs("乾隆", "干隆隆", 3, None) == [(3, 5, "干隆隆")]


def test_same_length_edits_keep_offsets_and_resized_edits_map_to_spans():
    tracked = TrackedText.from_raw("a,,b，c")
    assert tracked.starts == array("l", range(6)) and tracked.ends == array("l", range(1, 7))
    same, _ = tracked.apply([(4, 5, ",")], kind="punctuation")
    assert same.text == "a,,b,c" and same.starts is tracked.starts
    resized, repairs = tracked.apply([(1, 3, "，"), (5, 5, "d")], kind="punctuation")
    assert resized.text == "a，b，dc"
    assert list(zip(resized.starts, resized.ends)) == [(0, 1), (1, 3), (3, 4), (4, 5), (5, 5), (5, 6)]
    assert [(r.raw_start, r.raw_end, r.before, r.after) for r in repairs] == [(1, 3, ",,", "，"), (5, 5, "", "d")]


@pytest.mark.parametrize("text, expected", [
    ("青禾区\n东岚县", []),  # plain line breaks: nothing to do
    ("\n青禾区  东岚县\u3000\n\n松涛县 ", [(0, 1, ""), (4, 6, " "), (9, 12, "\n"), (15, 16, "")]),
])
def test_space_runs(text, expected):
    assert spaces(text) == expected


def test_repairs_from_the_validator_equal_model_validated_ones():
    tracked = TrackedText.from_raw("青禾区項(xiàng)目,,开工")
    _, repairs = tracked.apply([(4, 11, ""), (12, 14, "，")], kind="pinyin", notes=["注", ""],
                               confidences=[1, 0.5])
    for repair in repairs:
        validated = Repair.model_validate(repair.model_dump())
        assert repair == validated and hash(repair) == hash(validated)
        assert repair.model_dump_json() == validated.model_dump_json()
        assert repair.model_fields_set == validated.model_fields_set
    assert repairs[0].confidence == 1.0 and isinstance(repairs[0].confidence, float)
    with pytest.raises(ValidationError):  # still frozen like any Repair
        repairs[0].kind = "other"


@pytest.mark.parametrize("text", [
    "東嵐縣重點項目\n\n松濤縣乾盛公司\r\n岚州市",  # traditional lines, a blank line, a carriage return
    "青禾区重点项目开工\n澜溪区",  # simplified: one conversion, nothing changed
    "\n北原區\n",
])
def test_whole_text_conversion_matches_line_by_line(text):
    converter = opencc.OpenCC("t2s")
    expected, start = [], 0
    for line in text.split("\n"):
        if converter.convert(line) != line:
            expected.append((start, line, converter.convert(line)))
        start += len(line) + 1
    assert _converted_lines(text, converter.convert) == expected


def test_conversion_that_moves_a_line_break_is_refused():
    with pytest.raises(ValueError):
        _converted_lines("東嵐縣\n項目", lambda text: text.replace("\n", ""))


@pytest.mark.parametrize("text, removed", [
    ("青禾区項(xiàng)目", True),  # one syllable read by the character before
    ("东岚县项(xiang4)目", True),  # tone number
    ("澜溪区项(hang2)目", False),  # not a reading of 项
    ("(xiàng)北原区", False),  # nothing before it
    ("松涛县项目(xiàng mù)", True),  # two syllables: the general check
])
def test_single_syllable_fast_check_agrees_with_reads_as(fixer, text, removed):
    edits = [e for e in fixer.find(text) if e.kind == "pinyin"]
    assert bool(edits) is removed
    start = text.index("(")
    body = text[start + 1:text.index(")")]
    assert fixer._reads_before(text, start, body) is fixer._reads_keys(
        text[max(0, start - len(fixer._keys(body))):start], fixer._keys(body))


def test_count_below_counts_rare_and_unknown_characters():
    freq = Plausibility.default().freq
    chars = "的區龘"  # common, traditional (rare in simplified text), unknown
    assert freq.count_below(chars, 7.6) == sum(freq.log(c) < 7.6 for c in chars) == 2


def _two_rounds(normalizer: Normalizer, tracked: TrackedText):
    """The marks and spaces steps as they always ran: two full rounds."""
    repairs = []
    for step in (normalizer._punctuation, normalizer._spaces, normalizer._punctuation, normalizer._spaces):
        tracked, logged = step(tracked)
        repairs += logged
    return tracked, repairs


@pytest.mark.parametrize("text, rounds", [
    ("青禾区项目,,开工,总投资3亿元", 1),  # no space removed: the second round is skipped
    ("东岚县,\u3000,松涛县开工", 2),  # the removed space brings two commas together
    ("澜溪区 ， 北原区  岚州市", 2),
])
def test_second_marks_round_only_after_removed_spaces(text, rounds):
    normalizer = Normalizer()
    tracked = TrackedText.from_raw(text)
    fast, fast_repairs = normalizer._marks_and_spaces(tracked)
    slow, slow_repairs = _two_rounds(normalizer, tracked)
    assert (fast.text, list(fast.starts), list(fast.ends), fast_repairs) == \
        (slow.text, list(slow.starts), list(slow.ends), slow_repairs)
    assert bool(normalizer._spaces(normalizer._punctuation(tracked)[0])[1]) is (rounds == 2)


@pytest.mark.parametrize("text", [
    "青禾区項(xiàng)目(qū)域建设",  # annotations only: returned as found
    "东岚县?(nèi)容項(xiàng)目",  # a lost character too: merged and sorted
    "澜溪区融入^(qū)域項(xiàng)目",  # a GBK trail byte
])
def test_unresolved_finds_are_sorted_and_apart(fixer, text):
    merged = sorted(fixer._annotations(text) + fixer._lost(text) + fixer._garbage(text),
                    key=lambda e: (e.start, -e.end))
    expected = []
    for edit in merged:
        if not expected or edit.start >= expected[-1].end:
            expected.append(edit)
    assert fixer.find_unresolved(text) == expected


def test_marks_step_is_idempotent_on_mark_heavy_strings():
    """What skipping the second round rests on: marks fixed once stay fixed."""
    import random

    normalizer = Normalizer()
    alphabet = list(",，、。?？!！;；:：”’」』“‘（）") + list("青禾区1a ") + ["\u3000", "\n"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 9)))
        once, _ = normalizer._punctuation(TrackedText.from_raw(text))
        assert normalizer._punctuation(once)[1] == [], text
