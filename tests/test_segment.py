"""Segmentation: per-instance jieba, domain dictionary, numbers with units."""

import jieba
import pytest

from hynlp.config import SegmentConfig
from hynlp.errors import ConfigError
from hynlp.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


def words(segmenter, text):
    return [t.text for t in segmenter.tokenize(text)]


@pytest.mark.parametrize("phrase", ["3140亿元", "98.71%", "461户", "1,100万元", "270万平方米", "143.4299万元"])
def test_numbers_stay_with_their_units(segmenter, phrase):
    assert phrase in words(segmenter, f"累计完成{phrase}，同比增长")


@pytest.mark.parametrize("title", ["区委书记", "县委副书记", "管委会主任", "常务副区长"])
def test_domain_titles_are_single_words(segmenter, title):
    assert title in words(segmenter, f"{title}王立新出席活动")


def test_tokens_cover_the_text_exactly(segmenter):
    text = "东岚县 重点项目\n集中开工，总投资56.8亿元。"
    tokens = segmenter.tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_each_segmenter_owns_its_tokenizer_and_leaves_jieba_alone(tmp_path):
    user_dict = tmp_path / "words.txt"
    user_dict.write_text("青禾智造谷 5000 ns\n", encoding="utf-8")
    custom = Segmenter(SegmentConfig(user_dicts=(str(user_dict),)))
    plain = Segmenter()
    assert custom.tokenizer is not plain.tokenizer
    assert "青禾智造谷" in words(custom, "落户青禾智造谷园区")
    assert "青禾智造谷" not in words(plain, "落户青禾智造谷园区")
    assert "青禾智造谷" not in jieba.lcut("落户青禾智造谷园区")


def test_missing_user_dictionary_is_a_coded_error(tmp_path):
    with pytest.raises(ConfigError):
        Segmenter(SegmentConfig(user_dicts=(str(tmp_path / "missing.txt"),)))
