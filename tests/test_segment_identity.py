"""hynlp.segment's faster paths give exactly jieba's words, routes and tags."""

from __future__ import annotations

from importlib import resources
from math import log

import jieba
import jieba.posseg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hynlp.document import Token
from hynlp.segment import (NUMBER_WITH_UNIT, MemoPOSTokenizer, PosViterbi, Segmenter, best_route,
                           rejoin_numbers)

# Characters that form many dictionary words (so routes branch and compete), a few
# rare or unknown ones, and the ASCII that jieba's word blocks also take in.
WORDY = "青禾区东岚县澜溪北原松涛岚州市委书记副区长项目建设开工总投资亿元万平方米年月日签约率累计户人个工业园"
RARE = "囧嬲夊丶〇\U00020000"
ASCII = "ab9Z.0_+#&"
OUTSIDE = "，。、“”：；（）%\n\r -"
CHINESE_TEXT = st.text(alphabet=st.sampled_from(WORDY + RARE), min_size=1, max_size=40)
MIXED_TEXT = st.text(alphabet=st.sampled_from(WORDY + RARE + ASCII + OUTSIDE), max_size=60)


def domain_tokenizer() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    with resources.as_file(resources.files("hynlp.data").joinpath("domain_dict.txt")) as path:
        tokenizer.load_userdict(str(path))
    return tokenizer


@pytest.fixture(scope="module")
def taggers() -> tuple[MemoPOSTokenizer, jieba.posseg.POSTokenizer]:
    """Ours and jieba's, each on its own tokenizer: the first cut takes the user dictionary's tags."""
    ours = MemoPOSTokenizer(domain_tokenizer())
    return ours, jieba.posseg.POSTokenizer(domain_tokenizer())


def jieba_route(tokenizer: jieba.Tokenizer, sentence: str) -> list[int]:
    route: dict[int, tuple[float, int]] = {}
    tokenizer.calc(sentence, tokenizer.get_DAG(sentence), route)
    return [route[start][1] + 1 for start in range(len(sentence))]


@settings(max_examples=300, deadline=None)
@given(CHINESE_TEXT)
def test_best_route_is_jiebas_dag_route(taggers, sentence):
    tokenizer = taggers[0].tokenizer
    tokenizer.check_initialized()
    assert best_route(sentence, tokenizer.FREQ, log(tokenizer.total)) == jieba_route(tokenizer, sentence)


def test_a_tie_goes_to_the_longer_word_as_in_jieba():
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = {"甲": 5, "甲乙": 5, "乙": 0, "乙丙": 5, "丙": 5}
    tokenizer.total, tokenizer.initialized = 20, True
    # 甲|乙丙 and 甲乙|丙 score exactly the same; jieba's max over (score, end) takes 甲乙
    assert jieba_route(tokenizer, "甲乙丙") == best_route("甲乙丙", tokenizer.FREQ, log(20)) == [2, 3, 3]


@settings(max_examples=300, deadline=None)
@given(CHINESE_TEXT)
def test_pos_viterbi_is_jiebas(sentence):
    model = (jieba.posseg.char_state_tab_P, jieba.posseg.start_P,
             jieba.posseg.trans_P, jieba.posseg.emit_P)
    assert PosViterbi(*model).route(sentence) == jieba.posseg.viterbi(sentence, *model)[1]


@settings(max_examples=300, deadline=None)
@given(MIXED_TEXT)
def test_tagging_is_jiebas(taggers, text):
    ours, theirs = taggers
    expected = [(pair.word, pair.flag) for pair in theirs.cut(text)]
    assert [(pair.word, pair.flag) for pair in ours.cut(text)] == expected
    assert [(token.text, token.tag) for token in ours.tokens(text)] == expected
    assert [(pair.word, pair.flag) for pair in ours.cut(text, HMM=False)] == \
        [(pair.word, pair.flag) for pair in theirs.cut(text, HMM=False)]


def test_user_dictionary_tags_reach_the_tokens(taggers):
    ours, theirs = taggers
    text = "澜溪区委书记出席青禾区项目开工仪式"
    assert [(t.text, t.tag) for t in ours.tokens(text)] == [(p.word, p.flag) for p in theirs.cut(text)]


def rejoin_one_token_at_a_time(text: str, tokens: list[Token]) -> list[Token]:
    """The former rejoin_numbers: a test per token; the reference for the bisecting one."""
    spans = [m.span() for m in NUMBER_WITH_UNIT.finditer(text) if any(c.isdigit() for c in m.group(0))]
    merged: list[Token] = []
    span_index = 0
    for token in tokens:
        while span_index < len(spans) and spans[span_index][1] <= token.start:
            span_index += 1
        if span_index < len(spans):
            start, end = spans[span_index]
            if start <= token.start and token.end <= end:
                if merged and merged[-1].start >= start and merged[-1].tag == "m":
                    last = merged.pop()
                    token = Token(text[last.start:token.end], last.start, token.end, "m")
                else:
                    token = Token(token.text, token.start, token.end, "m")
        merged.append(token)
    return merged


NUMBER_PIECES = ["3140", "亿元", "98.71", "%", "461", "户", "1,100", "万", "平方米", "三", "十", ".5", "．",
                 "项目", "青禾区", "开工", "，", "总投资", "2024年", "12", "个", " ", "签约率", "约"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_PIECES), max_size=20))
def test_rejoining_numbers_by_bisection_is_the_token_by_token_merge(taggers, pieces):
    text = "".join(pieces)
    tokens = taggers[0].tokens(text)
    assert rejoin_numbers(text, tokens) == rejoin_one_token_at_a_time(text, tokens)


def test_text_without_a_digit_keeps_its_tokens_untouched():
    tokens = Segmenter().tokenize("北原区十大项目集中开工")
    assert rejoin_numbers("北原区十大项目集中开工", tokens) is tokens  # no number: nothing rebuilt
    assert [t.text for t in Segmenter().tokenize("松涛县新增12个项目")][-3:] == ["新增", "12个", "项目"]


def test_pieces_outside_word_blocks_are_tagged_x_like_jieba(taggers):
    ours, theirs = taggers
    text = "岚州市：\r\n东岚县，“项目” 开工。\n"
    tokens = ours.tokens(text)
    assert [(t.text, t.tag) for t in tokens] == [(p.word, p.flag) for p in theirs.cut(text)]
    assert "\r\n" in [t.text for t in tokens]
    assert all(text[t.start:t.end] == t.text for t in tokens)
