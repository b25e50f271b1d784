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
from bisect import bisect_left, bisect_right
from importlib import resources
from math import log
from operator import itemgetter

import jieba
import jieba.posseg
from jieba._compat import strdecode

from hynlp.config import SegmentConfig
from hynlp.document import Document, Token
from hynlp.errors import ConfigError

NUMERAL = r"(?:\d[\d,，]*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿几]+)"
UNIT = (r"(?:万亿|千亿|百亿|亿|千万|百万|十万|万|千)?(?:元|美元|欧元|平方米|平方公里|平方千米|公顷|亩|公里|千米|米|"
        r"千瓦时|千瓦|兆瓦|吨|户|人|名|家|个|项|栋|座|条|套|间|台|%|％)?")
NUMBER_WITH_UNIT = re.compile(rf"{NUMERAL}(?:[.．]\d+)?{UNIT}")
DIGIT = re.compile(r"\d")  # in a NUMBER_WITH_UNIT match, the same test as str.isdigit
HAN_INTERNAL = jieba.posseg.re_han_internal  # the blocks jieba's posseg cuts with its dictionary
CRLF_OR_CHAR = re.compile(r"\r\n|.", re.DOTALL)  # jieba's pieces outside those blocks
MIN_FLOAT = -3.14e100  # jieba's floor for an unseen emission
TOKEN_START, TOKEN_END = itemgetter(1), itemgetter(2)
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
        if self._tagger is not None:
            tokens = self._tagger.tokens(text)
        else:
            tokens = tokens_in_order([(word, "") for word in self.tokenizer.cut(text)])
        return rejoin_numbers(text, tokens)


class MemoPOSTokenizer(jieba.posseg.POSTokenizer):
    """jieba's POS tokenizer, faster, with its HMM pass memoized per run of out-of-vocabulary characters.

    That pass (a Viterbi over word and tag states for runs no dictionary word
    covers: names, places, new organizations) takes most of the tokenizer's
    time, and the same runs recur across articles of one archive. The output
    is identical: it is a pure function of the run and the fixed HMM.
    """

    def __init__(self, tokenizer: jieba.Tokenizer, memo_size: int = OOV_MEMO_SIZE):
        super().__init__(tokenizer)
        tag_run = jieba.posseg.POSTokenizer._POSTokenizer__cut_detail  # type: ignore[attr-defined]
        self._tag_run = functools.lru_cache(maxsize=memo_size)(
            lambda run: tuple((pair.word, pair.flag) for pair in tag_run(self, run)))
        self._hmm = PosViterbi(jieba.posseg.char_state_tab_P, jieba.posseg.start_P,
                               jieba.posseg.trans_P, jieba.posseg.emit_P)

    def _POSTokenizer__cut_internal(self, sentence, HMM=True):  # noqa: N803 (jieba's name)
        """Overrides the name-mangled method behind ``cut``: :meth:`tokens` as jieba's pairs."""
        if not HMM:
            return super()._POSTokenizer__cut_internal(sentence, HMM)
        return (jieba.posseg.pair(token.text, token.tag) for token in self.tokens(strdecode(sentence)))

    def tokens(self, sentence: str) -> list[Token]:
        """The words and tags of jieba's ``cut(sentence)``, as tokens with their spans."""
        self.makesure_userdict_loaded()
        self.tokenizer.check_initialized()
        tokens: list[Token] = []
        position = 0
        # re.split alternates text between matches (even indices) and the matches (odd)
        for index, block in enumerate(HAN_INTERNAL.split(sentence)):
            if index % 2:
                self._dictionary_words(block, position, tokens)
            elif len(block) == 1:
                tokens.append(new_token(block, position, position + 1, "x"))
            elif block:
                # no ASCII letter, digit or dot gets here, so jieba tags every piece 'x'
                tokens += tokens_in_order([(piece, "x") for piece in CRLF_OR_CHAR.findall(block)], position)
            position += len(block)
        return tokens

    def _dictionary_words(self, block: str, offset: int, tokens: list[Token]) -> None:
        """jieba's ``__cut_DAG``: dictionary words on the best route; runs of single characters
        go to the HMM when they do not form a known word."""
        ends = best_route(block, self.tokenizer.FREQ, log(self.tokenizer.total))
        tags, new = self.word_tag_tab, tuple.__new__  # Token(...) runs a Python __new__: 2x slower
        start = run_start = 0
        size = len(block)
        while start < size:
            end = ends[start]
            if end - start > 1:
                if run_start < start:
                    self._single_chars(block[run_start:start], offset + run_start, tokens)
                word = block[start:end]
                tokens.append(new(Token, (word, offset + start, offset + end, tags.get(word, "x"))))
                run_start = end
            start = end
        if run_start < size:
            self._single_chars(block[run_start:], offset + run_start, tokens)

    def _single_chars(self, run: str, offset: int, tokens: list[Token]) -> None:
        tags = self.word_tag_tab
        if len(run) == 1:
            tokens.append(new_token(run, offset, offset + 1, tags.get(run, "x")))
        elif not self.tokenizer.FREQ.get(run):
            tokens += tokens_in_order(self._tag_run(run), offset)
        else:
            tokens += tokens_in_order([(char, tags.get(char, "x")) for char in run], offset)

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
    Here each state knows the states that can precede it, and one set
    intersection per state finds those among the previous step's states, so
    only real transitions are scored (about 5 of jieba's 25 per state: 3x
    faster). Sums are added in jieba's order and ties go to the larger
    previous state, as in jieba's ``max`` over ``(score, state)``, so the
    route is identical.
    """

    def __init__(self, states: dict, start_p: dict, trans_p: dict, emit_p: dict):
        self.states, self.start_p, self.trans_p, self.emit_p = states, start_p, trans_p, emit_p
        self.into: dict[tuple[str, str], dict[tuple[str, str], float]] = {state: {} for state in trans_p}
        for before, nexts in trans_p.items():
            for state, prob in nexts.items():
                self.into[state][before] = prob
        self.into_keys = {state: frozenset(befores) for state, befores in self.into.items()}

    def route(self, obs: str) -> list[tuple[str, str]]:
        all_states = self.trans_p.keys()
        prev = {y: self.start_p[y] + self.emit_p[y].get(obs[0], MIN_FLOAT)
                for y in self.states.get(obs[0], all_states)}
        paths: list[dict] = [dict.fromkeys(prev, "")]
        for char in obs[1:]:
            scores, path = self._step(prev, self.states.get(char, all_states), char)
            if not path:  # no state of this character can follow: jieba takes every state that can
                expect = {y for x in prev for y in self.trans_p[x]}
                if not expect:
                    # jieba fails here (max() over no states); so must we, the same way.
                    return jieba.posseg.viterbi(obs, self.states, self.start_p, self.trans_p, self.emit_p)[1]
                scores, path = self._step(prev, expect, char)
            prev = scores
            paths.append(path)
        _, state = max((p, y) for y, p in prev.items())
        route = [state] * len(obs)
        for i in range(len(obs) - 1, 0, -1):
            state = paths[i][state]
            route[i - 1] = state
        return route

    def _step(self, prev: dict, candidates, char: str) -> tuple[dict, dict]:
        """Best score and previous state of each candidate state some previous state leads to."""
        scores, path = {}, {}
        prev_states, into_keys, into, emit_p = set(prev), self.into_keys, self.into, self.emit_p
        for y in candidates:
            befores = prev_states & into_keys[y]
            if not befores:
                continue
            emit, into_y = emit_p[y].get(char, MIN_FLOAT), into[y]
            best = state = None
            for y0 in befores:  # a plain loop, not max() over tuples: 30% faster
                score = prev[y0] + into_y[y0] + emit
                if best is None or score > best or (score == best and y0 > state):
                    best, state = score, y0
            scores[y], path[y] = best, state
        return scores, path


def new_token(text: str, start: int, end: int, tag: str) -> Token:
    """``Token(text, start, end, tag)`` built in C: the NamedTuple's own ``__new__`` is Python code."""
    return tuple.__new__(Token, (text, start, end, tag))


def tokens_in_order(words, start: int = 0) -> list[Token]:
    """Tokens for consecutive ``(word, tag)`` pairs, the first starting at ``start``."""
    tokens = []
    for word, tag in words:
        end = start + len(word)
        tokens.append(new_token(word, start, end, tag))
        start = end
    return tokens


def best_route(sentence: str, freq: dict[str, int], log_total: float) -> list[int]:
    """End of the best dictionary word starting at each position: jieba's
    ``calc(sentence, get_DAG(sentence), route)`` in one loop with no DAG dict.

    The same float operations in the same order, and ties go to the longer
    word as in jieba's ``max`` over ``(score, end)``, so the route is identical.
    """
    size = len(sentence)
    scores: list[float] = [0.0] * size + [0]  # jieba's route ends on the int 0
    ends = list(range(1, size + 1))
    for start in range(size - 1, -1, -1):
        top = None
        end = start + 1
        count = freq.get(sentence[start])
        while count is not None:  # prefixes of dictionary words; a count of 0 is a prefix only
            if count:
                score = log(count) - log_total + scores[end]
                if top is None or score >= top:
                    top, ends[start] = score, end
            if end == size:
                break
            end += 1
            count = freq.get(sentence[start:end])
        if top is None:  # no word starts here: the character alone
            top = log(freq.get(sentence[start]) or 1) - log_total + scores[start + 1]
        scores[start] = top
    return ends


def rejoin_numbers(text: str, tokens: list[Token]) -> list[Token]:
    """Merge the tokens of each number-with-unit span into one ``m`` token."""
    # the regex also matches numbers in words (一流, 十大); only spans with a digit are rejoined
    spans = [m.span() for m in NUMBER_WITH_UNIT.finditer(text) if DIGIT.search(text, m.start(), m.end())]
    if not spans:
        return tokens
    # the tokens inside a span are consecutive: find them by bisection instead of a test per token
    merged: list[Token] = []
    done = 0
    for span_start, span_end in spans:
        first = bisect_left(tokens, span_start, done, key=TOKEN_START)
        stop = bisect_right(tokens, span_end, first, key=TOKEN_END)
        if first < stop:
            start, end = tokens[first].start, tokens[stop - 1].end
            merged += tokens[done:first]
            merged.append(Token(text[start:end], start, end, "m"))
            done = stop
    merged += tokens[done:]
    return merged
