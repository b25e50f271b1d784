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
MIN_FLOAT = -3.14e100  # jieba's floor for an unseen emission
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
        self._hmm = PosViterbi(jieba.posseg.char_state_tab_P, jieba.posseg.start_P,
                               jieba.posseg.trans_P, jieba.posseg.emit_P)

    def _POSTokenizer__cut_detail(self, sentence: str):  # overrides the name-mangled private method
        return iter(self._tag_run(sentence))

    def _POSTokenizer__cut(self, sentence: str):
        """jieba's ``__cut`` over :class:`PosViterbi` instead of its ``viterbi`` (same route)."""
        pos_list = self._hmm.route(sentence)
        begin, nexti = 0, 0
        for i, char in enumerate(sentence):
            pos = pos_list[i][0]
            if pos == "B":
                begin = i
            elif pos == "E":
                yield jieba.posseg.pair(sentence[begin:i + 1], pos_list[i][1])
                nexti = i + 1
            elif pos == "S":
                yield jieba.posseg.pair(char, pos_list[i][1])
                nexti = i + 1
        if nexti < len(sentence):
            yield jieba.posseg.pair(sentence[nexti:], pos_list[nexti][1])


class PosViterbi:
    """jieba's word-and-tag Viterbi (``jieba.posseg.viterbi``), computed the same way but faster.

    jieba scores every (previous, next) state pair, most of them with no
    transition at all (-inf, which never wins while any state can be reached).
    Here each state lists the states that can precede it, so only real
    transitions are scored. Sums are added in jieba's order and ties broken by
    comparing ``(score, state)`` as jieba does, so the route is identical.
    """

    def __init__(self, states: dict, start_p: dict, trans_p: dict, emit_p: dict):
        self.states, self.start_p, self.trans_p, self.emit_p = states, start_p, trans_p, emit_p
        self.into: dict[tuple[str, str], list[tuple[tuple[str, str], float]]] = {}
        for before, nexts in trans_p.items():
            for state, prob in nexts.items():
                self.into.setdefault(state, []).append((before, prob))

    def route(self, obs: str) -> list[tuple[str, str]]:
        all_states = self.trans_p.keys()
        prev = {y: self.start_p[y] + self.emit_p[y].get(obs[0], MIN_FLOAT)
                for y in self.states.get(obs[0], all_states)}
        paths: list[dict] = [dict.fromkeys(prev, "")]
        for char in obs[1:]:
            expect = {y for x in prev for y in self.trans_p[x]}
            if not expect:
                # jieba fails here (max() over no states); so must we, the same way.
                return jieba.posseg.viterbi(obs, self.states, self.start_p, self.trans_p, self.emit_p)[1]
            obs_states = set(self.states.get(char, all_states)) & expect or expect
            prev, path = self._step(prev, obs_states, char)
            paths.append(path)
        _, state = max((p, y) for y, p in prev.items())
        route = [state] * len(obs)
        for i in range(len(obs) - 1, 0, -1):
            state = paths[i][state]
            route[i - 1] = state
        return route

    def _step(self, prev: dict, obs_states: set, char: str) -> tuple[dict, dict]:
        scores, path = {}, {}
        for y in obs_states:
            emit = self.emit_p[y].get(char, MIN_FLOAT)
            best = None
            for y0, trans in self.into[y]:
                score = prev.get(y0)
                if score is not None and (best is None or (score + trans + emit, y0) > best):
                    best = (score + trans + emit, y0)
            scores[y], path[y] = best
        return scores, path


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
