"""How plausible a short stretch of text is as Chinese: a word-unigram model.

Repairs that must choose between readings (which byte was lost, which
character a bare pinyin reading stood for) compare candidates in context with
the log-probability of their best segmentation under jieba's dictionary, the
same model jieba segments with. Punctuation costs a fixed log-probability so
that a clause boundary competes fairly with a word.

>>> model = Plausibility.default()
>>> model.logprob("为确保工人") > model.logprob("为却保工人")
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from math import log

import jieba

from hynlp.normalize.charfreq import CharFrequencies

PUNCTUATION = frozenset("。，、；：？！“”‘’（）《》—…·「」")
PUNCT_LOGPROB = -5.0
NON_CHINESE_LOGPROB = -14.0
SEGMENT = re.compile(r"[\u3400-\u9fff]+|.", re.DOTALL)


class Plausibility:
    """Word-unigram log-probabilities over simplified text."""

    def __init__(self, tokenizer: jieba.Tokenizer, to_simplified: Callable[[str], str],
                 freq: CharFrequencies):
        tokenizer.initialize()
        self._words = tokenizer.FREQ
        self._log_total = log(tokenizer.total)
        self._simplify = to_simplified
        self.freq = freq
        # Repairs score the same candidate characters again and again; the
        # score is a pure function of the character (bounded by the charset).
        self._char_scores: dict[str, float] = {}

    @classmethod
    def default(cls, freq: CharFrequencies | None = None) -> Plausibility:
        """jieba's dictionary and OpenCC t2s; ``freq`` reuses a table already loaded."""
        import opencc

        return cls(jieba.Tokenizer(), opencc.OpenCC("t2s").convert, freq or CharFrequencies.load())

    def logprob(self, text: str) -> float:
        """Log-probability of the best segmentation of ``text``."""
        total = 0.0
        for piece in SEGMENT.findall(self._simplify(text)):
            if piece in PUNCTUATION:
                total += PUNCT_LOGPROB
            elif len(piece) == 1 and not "\u3400" <= piece <= "\u9fff":
                total += NON_CHINESE_LOGPROB
            else:
                total += self._route(piece)
        return total

    def best(self, candidates: list[str], before: str, after: str) -> str | None:
        """The candidate that reads best between ``before`` and ``after``."""
        if not candidates:
            return None
        return max(candidates, key=lambda c: (self.logprob(before + c + after), c))

    def char_score(self, char: str) -> float:
        """Log frequency of a single character (punctuation counts as common)."""
        score = self._char_scores.get(char)
        if score is None:
            score = self._char_scores[char] = 12.5 if char in PUNCTUATION else self.freq.log(self._simplify(char))
        return score

    def _route(self, sentence: str) -> float:
        """jieba's ``calc(sentence, get_DAG(sentence))[0][0]`` in one loop with no DAG
        dict: twice as fast, and the same float operations in the same order."""
        words, log_total, size = self._words, self._log_total, len(sentence)
        best: list[float] = [0.0] * size + [0]  # jieba's route ends on the int 0
        for start in range(size - 1, -1, -1):
            top = None
            end, fragment = start + 1, sentence[start]
            while end <= size and fragment in words:  # prefixes of dictionary words
                count = words[fragment]
                if count:
                    score = log(count) - log_total + best[end]
                    if top is None or score > top:
                        top = score
                end += 1
                fragment = sentence[start:end]
            if top is None:  # no word starts here: the character alone
                top = log(words.get(sentence[start]) or 1) - log_total + best[start + 1]
            best[start] = top
        return best[0]


def rarest(model: Plausibility, text: str) -> float:
    """Lowest character score; ASCII and fullwidth forms inside Chinese score 0."""
    return min((0.0 if c.isascii() or "\uff01" <= c <= "\uff5e" else model.char_score(c)
                for c in text), default=0.0)


__all__ = ["Plausibility", "rarest"]
