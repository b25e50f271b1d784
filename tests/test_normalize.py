"""Normalization: repairs on real-shaped noise, and hypothesis properties."""

from __future__ import annotations

import json
from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypinyin import Style, pinyin

from hynlp.errors import BinaryInput, HynlpError
from hynlp.normalize import normalize
from hynlp.normalize.fixers import Normalizer


@pytest.fixture(scope="module")
def normalizer() -> Normalizer:
    return Normalizer()


def misaligned_gbk(true_text: str) -> str:
    """Corrupt ``true_text`` the way scraped pages show it: lose the first byte,
    decode the rest one byte off, end on the last trail byte."""
    data = true_text.encode("gbk")
    shifted = data[1:-1].decode("gbk")
    last = data[-1]
    return "?" + shifted + (chr(last) if 0x40 <= last <= 0x7E else "?")


def test_pinyin_annotations_removed_real_parentheses_kept(normalizer):
    nt = normalizer("重點項(xiàng)目(區域醫療中心)建設,,簽(qiān)約率高")
    assert nt.text == "重点项目(区域医疗中心)建设，签约率高"
    assert {r.kind for r in nt.repairs} >= {"pinyin", "script", "punctuation"}


@pytest.mark.parametrize("annotation", ["xiàng", "xia\u0300ng", "xiang4", "xia\u0300ng4"[:-1]])
def test_every_tone_form_is_an_annotation(normalizer, annotation):
    assert normalizer(f"項({annotation})目").text == "项目"


def test_english_in_parentheses_is_not_pinyin(normalizer):
    assert normalizer("利用建筑信息模型(BIM)和(an)施工").text == "利用建筑信息模型(BIM)和(an)施工"


# Runs whose last trail byte is lost carry the reading of that character.
@pytest.mark.parametrize("true_text", ["。截至", "。今年", "。青禾區", "。”青禾區", "。”家住北"])
def test_misaligned_gbk_run_is_repaired(normalizer, true_text):
    corrupted = misaligned_gbk(true_text)
    if corrupted.endswith("?"):
        # As on real pages: the reading of the character whose byte was lost follows.
        corrupted += "(" + pinyin(true_text[-1], style=Style.TONE)[0][0] + ")"
    nt = normalizer(f"今年工作取得进展,{corrupted}业发展集团正式签约。")
    expected = f"今年工作取得进展{opencc.OpenCC('t2s').convert(true_text)}业发展集团正式签约。"
    assert nt.text == expected
    assert any(r.kind == "mojibake" and r.after == true_text for r in nt.repairs)


def test_lost_trail_byte_is_confirmed_by_pinyin(normalizer):
    corrupted = misaligned_gbk("。”家住北")
    assert corrupted.endswith("?")
    nt = normalizer(f"居民说很满意{corrupted}(běi)關片區的老住户")
    assert nt.text == "居民说很满意。”家住北关片区的老住户"


def test_unrepairable_run_is_flagged_not_dropped(normalizer):
    nt = normalizer("今年,?;譕a发展")
    flagged = [r for r in nt.repairs if r.kind == "unrepaired"]
    assert flagged and flagged[0].before.startswith("?")
    assert "譕" in nt.text


def test_question_mark_before_ordinary_words_is_left_alone(normalizer):
    nt = normalizer("怎么干?我们A股市场")
    assert not [r for r in nt.repairs if r.kind in ("mojibake", "unrepaired")]


def test_boilerplate_goes_to_metadata_and_stays_in_raw(normalizer):
    raw = "青禾区项目开工\n总投资5亿元。\n编辑:王小明\n- 热点推荐\n版权所有 京ICP备12345678号"
    nt = normalizer(raw)
    assert nt.text == "青禾区项目开工\n总投资5亿元。"
    assert nt.metadata["editor"] == "王小明"
    assert "ICP" in nt.raw


def test_fullwidth_digits_and_marks(normalizer):
    assert normalizer("总投资３１４０亿元，增长５．２％").text == "总投资3140亿元，增长5.2%"


def test_bytes_are_decoded_by_detection(normalizer):
    text = "青禾区重点项目总投资3140亿元，签约率98.71%。"
    traditional = opencc.OpenCC("s2t").convert(text)
    for raw in (text.encode("utf-8"), text.encode("gb18030"), traditional.encode("big5")):
        assert normalizer(raw).text == text


def test_binary_input_raises_a_coded_error(normalizer):
    with pytest.raises(BinaryInput) as info:
        normalizer(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert info.value.code == "E102"


def test_offsets_point_back_to_raw(normalizer):
    raw = "走進(jìn)青禾,,總投資3140億元"
    nt = normalizer(raw)
    start = nt.text.index("3140")
    raw_start, raw_end = nt.raw_span(start, start + 4)
    assert raw[raw_start:raw_end] == "3140"
    # A deleted annotation belongs to no character, but to the span around it.
    assert raw[slice(*nt.raw_span(0, 2))] == "走進"
    assert raw[slice(*nt.raw_span(0, 3))] == "走進(jìn)青"


# -- properties ---------------------------------------------------------------

NOISE_PIECES = st.sampled_from([
    "項(xiàng)目", "區(qū)委書記", "總投資", "3140億元", ",,", ",。", ",?", "、", "。", "“", "”", "\n",
    "(區域醫療中心)", "?", "?＝刂?(zhì)", "簽約率98.71%", "  ", "\u200b", "\u3000", "編輯:王某", "热点推荐",
    "ａｂ１２", "abc", "(guó)", "^", "产业", "青禾区", "!", ";", "…",
])
TEXTS = st.one_of(st.lists(NOISE_PIECES, max_size=25).map("".join), st.text(max_size=60))
SETTINGS = settings(max_examples=int(__import__("os").environ.get("HYNLP_HYPOTHESIS_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(TEXTS)
def test_normalize_is_idempotent(normalizer, raw):
    try:
        once = normalizer(raw).text
        twice = normalizer(once).text
    except HynlpError:
        return
    assert twice == once


@SETTINGS
@given(TEXTS)
def test_offset_map_is_monotone_and_in_range(normalizer, raw):
    try:
        nt = normalizer(raw)
    except HynlpError:
        return
    offsets = nt.offsets()
    assert len(offsets) == len(nt.text)
    for (s1, e1), (s2, e2) in zip(offsets, offsets[1:]):
        assert s1 <= s2 and e1 <= e2
    assert all(0 <= s <= e <= len(raw) for s, e in offsets)


@SETTINGS
@given(TEXTS)
def test_unrepaired_spans_are_their_raw_source(normalizer, raw):
    try:
        nt = normalizer(raw)
    except HynlpError:
        return
    repaired = [(r.raw_start, r.raw_end) for r in nt.repairs]
    for i, char in enumerate(nt.text):
        start, end = nt.raw_span(i, i + 1)
        if not any(a < end and start < b or a == start == b for a, b in repaired):
            assert raw[start:end] == char


@SETTINGS
@given(st.one_of(st.binary(max_size=80), TEXTS))
def test_only_coded_errors_are_raised(normalizer, raw):
    try:
        normalizer(raw)
    except HynlpError:
        pass


def test_normalize_function_matches_normalizer(normalizer):
    assert normalize("項(xiàng)目").text == normalizer("項(xiàng)目").text == "项目"


# -- the case corpus: in the wild, negatives, known failures ------------------

CASES = [json.loads(line) for line in
         (Path(__file__).parent / "cases" / "normalize_cases.jsonl").read_text(encoding="utf-8").splitlines()]


def _case_param(case: dict):
    marks = [pytest.mark.xfail(strict=True, reason=case["note"])] if case["part"] == "known_failure" else []
    return pytest.param(case, marks=marks, id=f"{case['part']}:{case['note']}")


@pytest.mark.parametrize("case", [_case_param(c) for c in CASES])
def test_case_corpus(normalizer, case):
    assert normalizer(case["raw"]).text == case["expected"], case["note"]
