"""The memoized POS tokenizer of hynlp.segment gives jieba's own output."""

from pathlib import Path

import jieba
import jieba.posseg

from hynlp.segment import MemoPOSTokenizer

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def test_memoized_tagging_equals_jieba_posseg():
    tokenizer = jieba.Tokenizer()
    plain, memo = jieba.posseg.POSTokenizer(tokenizer), MemoPOSTokenizer(tokenizer)
    texts = [path.read_text(encoding="utf-8") for path in sorted((CORPORA / "articles").glob("*.txt"))[:6]]
    for text in texts + texts:  # the second pass is answered from the memo
        assert [(p.word, p.flag) for p in memo.cut(text)] == [(p.word, p.flag) for p in plain.cut(text)]
    assert memo._tag_run.cache_info().hits > memo._tag_run.cache_info().misses
