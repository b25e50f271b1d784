"""Character features for the NER model: the character, its two bigrams, and its place in a jieba word.

Bigrams carry most of what a word would, and the jieba word-boundary tag
(B/M/E/S, the "soft word" feature) tells the model where the segmenter puts
word edges; both help a small model without pretraining.

>>> vocab = Vocab.build(["青禾区开工"], min_bigram_count=1)
>>> features = Featurizer(vocab)("青禾区")
>>> features.chars[:3] == [vocab.char_id("青"), vocab.char_id("禾"), vocab.char_id("区")]
True
>>> features.word_tags  # jieba keeps 青禾区 as one word or splits it; either way tags are B/M/E/S ids
[1, 2, 3]
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import jieba

PAD, UNK = 0, 1
WORD_TAGS = {"B": 1, "M": 2, "E": 3, "S": 4}
BOUNDARY = "\x02"  # stands for the sentence edge in the first and last bigrams


@lru_cache(maxsize=65536)
def fold_char(char: str) -> str:
    """One spelling per character: NFKC width folding, lower case, all digits as 0."""
    folded = unicodedata.normalize("NFKC", char)[:1] or char
    if folded.isdigit():
        return "0"
    return folded.lower()


@dataclass(frozen=True)
class Vocab:
    """Character and bigram ids; 0 pads and 1 stands for anything unseen."""

    chars: dict[str, int]
    bigrams: dict[str, int]

    @classmethod
    def build(cls, texts: Iterable[str], *, min_bigram_count: int = 2, max_bigrams: int = 150_000) -> Vocab:
        char_counts: Counter = Counter()
        bigram_counts: Counter = Counter()
        for text in texts:
            folded = [fold_char(c) for c in text]
            char_counts.update(folded)
            bigram_counts.update(bigrams(folded))
        chars = {c: i for i, (c, _) in enumerate(char_counts.most_common(), start=2)}
        kept = [b for b, n in bigram_counts.most_common(max_bigrams) if n >= min_bigram_count]
        return cls(chars, {b: i for i, b in enumerate(kept, start=2)})

    def char_id(self, char: str) -> int:
        return self.chars.get(fold_char(char), UNK)

    def to_json(self) -> dict:
        return {"chars": list(self.chars), "bigrams": list(self.bigrams)}

    @classmethod
    def from_json(cls, data: dict) -> Vocab:
        return cls({c: i for i, c in enumerate(data["chars"], start=2)},
                   {b: i for i, b in enumerate(data["bigrams"], start=2)})


def bigrams(folded: list[str]) -> list[str]:
    """The n+1 bigrams of n characters, sentence edges included: bigram i ends at character i."""
    padded = [BOUNDARY, *folded, BOUNDARY]
    return [padded[i] + padded[i + 1] for i in range(len(padded) - 1)]


@dataclass(frozen=True)
class Features:
    chars: list[int]
    bigrams: list[int]  # one more than chars: character i sits between bigrams i and i+1
    word_tags: list[int]


class Featurizer:
    """Text -> :class:`Features`. Owns its jieba tokenizer (default dictionary, as in training)."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self.tokenizer = jieba.Tokenizer()

    def __call__(self, text: str, word_tags: list[int] | None = None) -> Features:
        """Features of ``text``; ``word_tags`` from a segmentation already made, else jieba's own."""
        folded = [fold_char(c) for c in text]
        chars = [self.vocab.chars.get(c, UNK) for c in folded]
        pairs = [self.vocab.bigrams.get(b, UNK) for b in bigrams(folded)]
        return Features(chars, pairs, word_tags if word_tags is not None else self.word_tags(text))

    def word_tags(self, text: str) -> list[int]:
        return tags_of_lengths(len(word) for word in self.tokenizer.cut(text, HMM=True))


def tags_of_lengths(lengths) -> list[int]:
    """B/M/E/S ids of consecutive words of these lengths.

    >>> tags_of_lengths([2, 1, 3])
    [1, 3, 4, 1, 2, 3]
    """
    tags: list[int] = []
    for n in lengths:
        tags.extend([WORD_TAGS["S"]] if n == 1 else [WORD_TAGS["B"], *[WORD_TAGS["M"]] * (n - 2), WORD_TAGS["E"]])
    return tags
