"""Word segmentation with jieba, one tokenizer per Segmenter.

Every Segmenter owns its ``jieba.Tokenizer`` (no global jieba state), loads
the domain dictionary shipped in ``hynlp/data/domain_dict.txt`` plus any user
dictionaries, and re-joins numbers with their units so that ``3140亿元``,
``98.71%`` and ``461户`` are single tokens.

>>> seg = Segmenter()
>>> [t.text for t in seg.tokenize("精心谋划总投资3140亿元，签约率98.71%，累计签约461户")]
['精心', '谋划', '总投资', '3140亿元', '，', '签约率', '98.71%', '，', '累计', '签约', '461户']
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import jieba
import jieba.posseg

from hynlp.config import SegmentConfig
from hynlp.document import Document, Token
from hynlp.errors import ConfigError

NUMERAL = r"(?:\d[\d,，]*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿几]+)"
UNIT = (r"(?:万亿|千亿|百亿|亿|千万|百万|十万|万|千)?(?:元|美元|欧元|平方米|平方公里|平方千米|公顷|亩|公里|千米|米|"
        r"千瓦时|千瓦|兆瓦|吨|户|人|名|家|个|项|栋|座|条|套|间|台|%|％)?")
NUMBER_WITH_UNIT = re.compile(rf"{NUMERAL}(?:[.．]\d+)?{UNIT}")
OOV_MEMO_SIZE = 50_000  # distinct out-of-vocabulary runs remembered per Segmenter (a few MB)


class Segmenter:
    """Component: fills ``doc.tokens`` with jieba words, POS-tagged."""

    def __init__(self, config: SegmentConfig | None = None, *, pos: bool = True):
        self.config = config or SegmentConfig()
        self.tokenizer = jieba.Tokenizer()
        self._tagger = MemoPOSTokenizer(self.tokenizer) if pos else None
        with resources.as_file(resources.files("hynlp.data").joinpath("domain_dict.txt")) as path:
            self.tokenizer.load_userdict(str(path))
        for user_dict in self.config.user_dicts:
            try:
                self.tokenizer.load_userdict(user_dict)
            except OSError as exc:
                raise ConfigError(f"cannot read user dictionary {user_dict}: {exc}") from exc

    def __call__(self, doc: Document) -> Document:
        doc.tokens = self.tokenize(doc.text)
        return doc

    def tokenize(self, text: str) -> list[Token]:
        tokens = []
        position = 0
        for word, tag in self._words(text):
            tokens.append(Token(word, position, position + len(word), tag))
            position += len(word)
        return rejoin_numbers(text, tokens)

    def _words(self, text: str):
        if self._tagger is not None:
            return ((pair.word, pair.flag) for pair in self._tagger.cut(text))
        return ((word, "") for word in self.tokenizer.cut(text))


class MemoPOSTokenizer(jieba.posseg.POSTokenizer):
    """jieba's POS tokenizer, with its HMM pass memoized per run of out-of-vocabulary characters.

    That pass (a Viterbi over word and tag states for runs no dictionary word
    covers: names, places, new organizations) takes most of the tokenizer's
    time, and the same runs recur across articles of one archive. The output
    is identical: it is a pure function of the run and the fixed HMM.
    """

    def __init__(self, tokenizer: jieba.Tokenizer, memo_size: int = OOV_MEMO_SIZE):
        super().__init__(tokenizer)
        tag_run = jieba.posseg.POSTokenizer._POSTokenizer__cut_detail  # type: ignore[attr-defined]
        self._tag_run = functools.lru_cache(maxsize=memo_size)(lambda run: tuple(tag_run(self, run)))

    def _POSTokenizer__cut_detail(self, sentence: str):  # overrides the name-mangled private method
        return iter(self._tag_run(sentence))


def rejoin_numbers(text: str, tokens: list[Token]) -> list[Token]:
    """Merge the tokens of each number-with-unit span into one ``m`` token."""
    spans = [m.span() for m in NUMBER_WITH_UNIT.finditer(text) if any(c.isdigit() for c in m.group(0))]
    if not spans:
        return tokens
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
