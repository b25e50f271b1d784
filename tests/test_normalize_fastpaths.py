"""The normalizer's fast paths: each skips work only when the slow path would change nothing."""

from __future__ import annotations

from array import array

import jieba
import pytest

from hynlp.normalize.fixers import Normalizer, _changed_runs, _differing
from hynlp.normalize.pinyin import MAYBE_ANNOTATED, PinyinFixer, keys_match, syllable_keys
from hynlp.normalize.plausibility import Plausibility
from hynlp.normalize.tracked import TrackedText
from hynlp.normalize.whitespace import spaces


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
