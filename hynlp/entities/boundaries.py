"""Where names start: left-edge scanning shared by the suffix-based rules.

Most names in this genre are found from their right end (``…项目``,
``…集团``, ``…街道``); the hard part is the left edge. :class:`NameScanner`
walks left from the suffix and stops at punctuation, at numbers with a
measure word, and at words that cannot be part of a name (``在``, ``抓好``,
``位于``...). Ambiguous words (``和``, ``有``) and the verbs the segmenter
tags (``批准``) are *weak* stops: the name may start after them when what
remains is a valid name, otherwise the scan goes on, so ``上海恒和集团``
keeps its ``和``. When the segmenter has run, a stop word only counts where
it sits on token boundaries, so ``在`` in ``在线教育`` is not taken for the
preposition.

>>> from hynlp.entities.candidates import CandidatePool
>>> from hynlp.entities.lexicon import WordLists
>>> scanner = NameScanner(WordLists.read("entity_words.txt"))
>>> pool = CandidatePool("要抓好山东某某扩产能项目。", [])
>>> end = pool.text.index("项目")
>>> edge = scanner.left_edge(pool, end, max_len=20, accept=lambda s: s)
>>> pool.text[edge:end]
'山东某某扩产能'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator

from hynlp.entities.candidates import CandidatePool
from hynlp.entities.lexicon import TitleTable, WordLists, WordSet

PUNCTUATION = frozenset("，。、；：！？“”‘’（）()《》〈〉【】[]{}…—–,.;:!?\"' \t\n\r\u3000「」『』/|～~*#@")
CLAUSE_BREAKS = frozenset("，。；：！？“”‘’,.;:!?\n…")
NUMERAL = "0-9０-９.．零〇一二两三四五六七八九十百千万亿几多余"
MEASURE = ("个|家|项|批|座|栋|幢|条|名|位|所|户|辆|处|类|种|次|届|张|份|台|套|间|支|只|块|艘|架|片|件|头|瓶|颗|"
           "标箱|亿元|万元|元|亿|万|吨|亩|平方米|平方公里|立方米|米|公里|千瓦时|千瓦|兆瓦|年|月份|月|日|号|天|倍|成|%|％")
# A magnitude or approximation character never opens a number (5亿, 20余家),
# so a "quantity" that starts with one starts a name: 余家湖, 亿佳诚, 万达.
NOT_NUMBER_OPENERS = "亿万余"
NUMERAL_CHARACTERS = frozenset(NUMERAL.replace("0-9", "").replace("０-９", ""))
# The characters a quantity can open with: a test that skips the QUANTITY_AT match.
QUANTITY_OPENERS = (NUMERAL_CHARACTERS | frozenset("0123456789０１２３４５６７８９")) - frozenset(NOT_NUMBER_OPENERS)
QUANTITY_TAIL = re.compile(f"(?<![{NUMERAL}])(?![{NOT_NUMBER_OPENERS}])[{NUMERAL}]+(?:{MEASURE})(?:以上|以下|左右)?$")
# The last characters a quantity tail can end with: a test that skips the regex search.
QUANTITY_ENDINGS = frozenset(measure[-1] for measure in MEASURE.split("|")) | frozenset("上下右")
QUANTITY_HEAD = re.compile(f"^(?![{NOT_NUMBER_OPENERS}])[{NUMERAL}]+(?:{MEASURE})")
QUANTITY_AT = re.compile(QUANTITY_HEAD.pattern.removeprefix("^"))  # match(text, pos, end): no slice copied
CONNECTORS = frozenset("的和与及、")
BRACKETS = frozenset("（）()")
CLOSING_BRACKETS = frozenset("）)")
NAME_SYMBOLS = frozenset("·０１２３４５６７８９")
# is_cjk and is_valid_name's characters as classes: one fullmatch in C instead of a test per character.
CJK_TEXT = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]*")
NAME_TEXT = re.compile("[\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9·０-９（）()]*")
GLUED_PARTICLES = frozenset("了的着")
PARTICLE_WORDS = frozenset(("了解", "了结", "了然", "了不起", "的确", "的士", "着力", "着手", "着眼", "着重", "着想",
                            "着落", "着实", "着陆", "着急", "着迷"))
UNIT_CHARACTERS = frozenset("省市区县镇乡村")
# Segmenter tags of words that open a clause but never a name: prepositions,
# conjunctions, pronouns, particles, idioms. A name's first word with such a
# tag is trimmed; one tagged as a verb, adverb or numeral is trimmed when the
# rest is still a name. A name whose last word is a verb (跑出|项目,
# 匹配|项目) is no name.
CLAUSE_TAGS = frozenset(("p", "c", "r", "u", "uj", "ul", "uz", "uv", "ud", "ug", "l", "i", "y", "e", "o"))
MAYBE_NAME_TAGS = frozenset(("v", "d", "m", "q"))  # mis-tagged name words too: 振兴/v 街
SPEAKER_PRONOUN = "我"  # 我区, 我县: the speaker's own unit opens no name
SPEAKER_UNITS = frozenset("省市县区镇乡")
VERB_TAGS = frozenset(("v", "p", "r", "uj", "ul"))


def occurrences(text: str, word: str) -> Iterator[int]:
    """Start offsets of every occurrence of ``word`` in ``text``, overlaps included."""
    start = text.find(word)
    while start != -1:
        yield start
        start = text.find(word, start + 1)


def _bracket_opening(text: str, pos: int) -> int | None:
    """Start of a short bracketed aside that ends at ``pos``: （一期）, (山东)."""
    if pos < 3 or text[pos - 1] not in CLOSING_BRACKETS:
        return None
    opening = max(text.rfind("（", max(0, pos - 14), pos), text.rfind("(", max(0, pos - 14), pos))
    inside = text[opening + 1:pos - 1] if opening >= 0 else ""
    if opening > 0 and inside and all(is_name_char(ch) or ch in "至到、" for ch in inside):
        return opening
    return None


def _glued_particle(word: str) -> bool:
    """A particle the segmenter glued to the next word (了上 in 走访了上海…)."""
    return len(word) > 1 and word[0] in GLUED_PARTICLES and word not in PARTICLE_WORDS


def _after_numeral(text: str, pos: int) -> bool:
    """True when a numeral character stands right before ``pos`` (20|余家)."""
    return pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] in NUMERAL_CHARACTERS)


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def is_cjk_text(text: str) -> bool:
    """True when every character of ``text`` is CJK (and for the empty text)."""
    return CJK_TEXT.fullmatch(text) is not None


def is_name_char(ch: str) -> bool:
    """Characters a name may contain: CJK, Latin letters, digits, the middle dot."""
    # is_cjk inlined: this runs for every position the scanner passes.
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or ch.isascii() and ch.isalnum()
            or ch in NAME_SYMBOLS)


def made_of(name: str, words: WordSet) -> bool:
    """True when ``name`` splits entirely into ``words``, digits and connectors."""
    size, by_first, vocabulary = len(name), words.by_first, words.words
    # A split must open and close on a word, digit or connector: most names fail one of these at once,
    # before the table below is built.
    if size and not (_splits_at(name[-1], words.by_last) and _splits_at(name[0], by_first)):
        return False
    reachable = [True] + [False] * size
    furthest = 0  # the furthest reachable offset: past it, nothing more can be reached
    for i in range(size):
        if i > furthest:
            return False
        if not reachable[i]:
            continue
        if name[i].isdigit() or name[i] in CONNECTORS:
            reachable[i + 1] = True
            furthest = furthest if furthest > i + 1 else i + 1
        for length in by_first.get(name[i], ()):
            if i + length <= size and name[i:i + length] in vocabulary:
                reachable[i + length] = True
                furthest = furthest if furthest > i + length else i + length
    return reachable[size]


def _splits_at(ch: str, by_char: dict[str, tuple[int, ...]]) -> bool:
    """True when a split into words, digits and connectors may open (or close) with ``ch``."""
    return ch in by_char or ch in CONNECTORS or ch.isdigit()


class NameScanner:
    """Left-edge scanning and name validation against the word lists."""

    def __init__(self, words: WordLists, titles: TitleTable | None = None):
        self.titles = titles
        self.title_endings = frozenset(titles.words.by_last) if titles is not None else frozenset()
        self.hard = words["hard_stop"]
        self.weak = words["weak_stop"]
        self.construction = words["construction"]
        self.generic = words["generic"]
        self.follow = words["person_follow"]
        # Last characters of the words ends_with_stop looks for: most names end in none of them.
        self.stop_word_endings = frozenset(self.construction.by_last).union(self.hard.by_last, self.weak.by_last)
        self.stop_word_openers = frozenset(self.hard.by_first).union(self.weak.by_first)
        self.right_stop_openers = self.stop_word_openers.union(self.follow.by_first)
        # Last characters of whatever bounds a name on a token edge (a quantity, a title, a hard stop):
        # before any other CJK character is_hard_boundary is False, and left_edge need not call it.
        self.edge_boundary_endings = QUANTITY_ENDINGS.union(self.title_endings, self.hard.by_last)

    def stop_ending_at(self, pool: CandidatePool, pos: int, words: WordSet) -> int:
        """Length of a stop word of ``words`` that ends at ``pos`` on token edges."""
        text, edges = pool.text, pool.token_edges
        if edges is not None and pos not in edges:
            return 0
        lengths = words.by_last.get(text[pos - 1], ()) if 0 < pos <= len(text) else words.lengths
        for length in lengths:
            if length <= pos and text[pos - length:pos] in words.words and (edges is None or pos - length in edges):
                return length
        return 0

    def is_hard_boundary(self, pool: CandidatePool, pos: int) -> bool:
        """True when a name may not extend left past ``pos``."""
        text = pool.text
        if pos <= 0:
            return True
        before = text[pos - 1]
        # A CJK ideograph is a name character and no punctuation: most positions skip both tests.
        if not "\u4e00" <= before <= "\u9fff" and (before in PUNCTUATION or not is_name_char(before)):
            return True
        if before in QUANTITY_ENDINGS and QUANTITY_TAIL.search(text, max(0, pos - 14), pos):
            return True
        if pool.token_edges is not None and pos not in pool.token_edges:
            return False  # titles and stop words count only where a token ends
        if before in self.title_endings and self._title_ends_at(pool, pos):
            return True  # no name runs back across a job title: 区委书记某某宣布|项目
        # stop_ending_at(pool, pos, self.hard) inlined, its edge test done above: this runs for most positions.
        edges, hard = pool.token_edges, self.hard.words
        for length in self.hard.by_last.get(before, ()):
            if length <= pos and text[pos - length:pos] in hard and (edges is None or pos - length in edges):
                return True
        return False

    def _title_ends_at(self, pool: CandidatePool, pos: int) -> bool:
        """A job title ends at ``pos``, and is not a unit's last character plus more
        (东莞|市长|盈精密…: 东莞市 is a city, 长盈 a brand)."""
        title = self.titles.ending_at(pool.text, pos) if self.titles is not None else None
        if title is None or not pool.is_token_edge(pos):
            return False
        start = pos - len(title.text)
        return not (title.text[0] in UNIT_CHARACTERS and start > 0 and is_cjk(pool.text[start - 1]))

    def is_boundary(self, pool: CandidatePool, pos: int) -> bool:
        """Hard boundary, or a weak stop word right before ``pos``."""
        return self.is_hard_boundary(pool, pos) or bool(self.stop_ending_at(pool, pos, self.weak))

    def is_right_boundary(self, text: str, end: int) -> bool:
        """True when nothing at ``end`` continues the word: punctuation or a stop word."""
        if end >= len(text) or text[end] in PUNCTUATION or not is_name_char(text[end]):
            return True
        if text[end] not in self.right_stop_openers:
            return False  # no stop word starts with this character
        return any(words.starting_at(text, end) for words in (self.hard, self.weak, self.follow))

    def left_edge(self, pool: CandidatePool, end: int, *, max_len: int,
                  accept: Callable[[int], int | None], fences: Collection[int] = (),
                  stop_at_weak_word: bool = True, verb_stops: bool = False) -> int | None:
        """Start of the name ending at ``end``, or None when it has no clean edge.

        ``accept(start)`` validates ``text[start:end]`` and returns the
        (possibly trimmed) start, or None. Weak-stop edges are tried nearest
        first, then the hard limit; the scan only goes past a weak stop when
        what follows it is too short to be a word (恒和|集团), unless
        ``stop_at_weak_word`` is off. With ``verb_stops``, a verb the segmenter
        found is a weak stop too (批准|某某公司); project and place names keep
        theirs (农光互补光伏发电项目).
        """
        text, weak_edges = pool.text, []
        edges = pool.token_edges  # weak stops and verbs end only on token edges: skip the lookups elsewhere
        weak_endings, edge_endings = self.weak.by_last, self.edge_boundary_endings
        pos, limit = end, None
        while end - pos <= max_len:
            if pos >= 3 and text[pos - 1] in CLOSING_BRACKETS and (opening := _bracket_opening(text, pos)) is not None:
                pos = opening  # 某某路（甲路至乙路）改造工程: the bracket is inside the name
                continue
            on_edge = edges is None or pos in edges
            # is_hard_boundary's answer, known without the call, for most positions: a CJK
            # character that ends no quantity (inside a token) or nothing that bounds a name
            # (on a token edge) bounds no name.
            plain = (pos > 0 and "\u4e00" <= text[pos - 1] <= "\u9fff"
                     and text[pos - 1] not in (edge_endings if on_edge else QUANTITY_ENDINGS))
            if pos in fences or not plain and self.is_hard_boundary(pool, pos):
                limit = pos
                break
            if on_edge and (
                    text[pos - 1] in weak_endings and self._weak_ends_at(text, edges, pos)
                    or verb_stops and self._verb_ends_at(pool, pos)):
                weak_edges.append(pos)
            pos -= 1
        for edge in weak_edges + ([limit] if limit is not None else []):
            if edge < end:
                accepted = accept(edge)
                if accepted is not None:
                    return accepted
                if stop_at_weak_word and edge in weak_edges and end - edge >= 2:
                    # 向|全球会员银行: what follows the weak stop is a word, just not
                    # a name; the name does not reach back across it.
                    return None
        return None

    def _weak_ends_at(self, text: str, edges: frozenset[int] | None, pos: int) -> bool:
        """stop_ending_at(pool, pos, self.weak) for a ``pos`` inside the text and on a token edge,
        its range and edge tests left out: left_edge has made them."""
        weak = self.weak.words
        for length in self.weak.by_last[text[pos - 1]]:
            if length <= pos and text[pos - length:pos] in weak and (edges is None or pos - length in edges):
                return True
        return False

    def _verb_ends_at(self, pool: CandidatePool, pos: int) -> bool:
        """A segmenter verb of two or more characters ends at ``pos`` (批准|某某公司).

        Construction verbs belong to names (…改造提升工程) and are not stops.
        """
        token = pool.token_ending_at(pos)
        return (token is not None and token.tag == "v" and len(token.text) >= 2
                and not _glued_particle(token.text)  # 了上/v 海瑞禾: a particle glued to a name
                and not self.construction.ending_at(pool.text, pos))

    def trim_leading(self, pool: CandidatePool, start: int, end: int) -> int:
        """Move ``start`` past leading stop words, connectors and quantities."""
        text = pool.text
        while start < end:
            first = text[start]  # most names open with neither a numeral nor a stop word: skip both lookups
            quantity = QUANTITY_AT.match(text, start, end) if first in QUANTITY_OPENERS else None
            stop = self._leading_stop(pool, start) if first in self.stop_word_openers else 0
            step = max(stop, quantity.end() - start if quantity else 0)
            if first in CONNECTORS or first in PUNCTUATION:
                step = max(step, 1)
            # Never strip into nothing: a leading stop that is the whole name stays.
            if not step or start + step >= end:
                return start
            start += step
        return start

    def _leading_stop(self, pool: CandidatePool, start: int) -> int:
        text, first = pool.text, pool.text[start]
        for words in (self.hard, self.weak):
            for length in words.by_first.get(first, ()):
                if text[start:start + length] not in words.words or not pool.is_token_edge(start + length):
                    continue
                # Without tokens a one-character weak stop (和, 同, 无...) is too
                # often the first character of a name (和谐, 同济, 无锡) to strip.
                if pool.token_edges is None and words is self.weak and length == 1:
                    continue
                return length
        return 0

    def clean_start(self, pool: CandidatePool, start: int, end: int, *,
                    leading: Iterable[WordSet] = (), min_len: int = 2) -> int | None:
        """Start of the valid name in ``[start, end)`` after trimming, or None.

        Leading stop words, quantities and function-word tokens are dropped,
        then each of ``leading`` (modifiers such as 重点, verbs such as 建设)
        when what remains is still a name.
        """
        text = pool.text

        def valid(name: str) -> bool:
            return self.is_valid_name(name, min_len=min_len)

        start = self.trim_leading_tokens(pool, self.trim_leading(pool, start, end), end, valid)
        if start is None:
            return None
        for words in leading:
            length = words.starting_at(text, start)
            if length and valid(text[start + length:end]):
                start += length
        if not valid(text[start:end]) or self.ends_with_verb_token(pool, end):
            return None
        if self.weak.starting_at(text, start) == 1 and self.is_generic(text[start + 1:end]):
            return None  # 以|大项目: a preposition before a generic word
        return start

    def trim_leading_tokens(self, pool: CandidatePool, start: int, end: int,
                            valid: Callable[[str], bool]) -> int | None:
        """Drop leading tokens tagged as function words; verbs, adverbs and
        numerals too when what remains is still a name. None when a leading
        verb governs a generic rest (兼并|金融证券公司): there is no name."""
        while (token := pool.token_at(start)) is not None and token.end < end:
            if self.construction.starting_at(pool.text, start) == len(token.text):
                break
            rest = pool.text[token.end:end]
            if _glued_particle(token.text) and valid(pool.text[start + 1:end]):
                start += 1  # 了上/v 海瑞禾…: jieba glued a particle to the name; drop the particle only
                continue
            if token.tag == "m" and token.text[0] in NOT_NUMBER_OPENERS and not _after_numeral(pool.text, start):
                break  # 亿/m 佳诚…, 余家/m 湖…: no number starts so, a name does
            if token.tag == "m" and len(token.text) == 1 and token.text in NUMERAL_CHARACTERS:
                break  # 三/m 郑众鑫…, 三/m 乡美妆…: a lone numeral counts nothing; it opens a name
            if token.tag in CLAUSE_TAGS or token.tag in MAYBE_NAME_TAGS and valid(rest):
                start = token.end
                if token.text == SPEAKER_PRONOUN and pool.text[start:start + 1] in SPEAKER_UNITS and valid(rest[1:]):
                    start += 1  # 我/r 区润/… : the speaker's own district, which the segmenter split
                continue
            if token.tag == "v" and len(rest) >= 2 and self.is_generic(rest):
                return None
            break
        return start

    def ends_with_verb_token(self, pool: CandidatePool, end: int) -> bool:
        """True when the segmenter tagged the name's last word as a verb or function word."""
        token = pool.token_ending_at(end)
        if token is None or token.tag not in VERB_TAGS:
            return False
        if token.tag == "v" and len(token.text) < 2:
            return False  # a one-character "verb" is as often a name split badly: 岚州城/ns 发/v 集团
        return not self.construction.ending_at(pool.text, end)

    def is_generic(self, name: str) -> bool:
        """True when ``name`` is made only of generic words, digits and connectors."""
        return made_of(name, self.generic)

    def ends_with_stop(self, name: str) -> bool:
        """True when the last word of ``name`` is a function word or object-taking verb."""
        if not name or name[-1] not in self.stop_word_endings:
            return False
        if self.construction.ending_at(name, len(name)):
            return False
        # One-character weak stops end real names too (上海某和集团), so only
        # longer weak words count here.
        return bool(self.hard.ending_at(name, len(name)) or self.weak.ending_at(name, len(name)) > 1)

    def is_valid_name(self, name: str, *, min_len: int = 2) -> bool:
        """Long enough, made of name characters, not generic, not ending in a stop word."""
        # The cheap tests first; splitting into generic words is the costly one.
        return (len(name) >= min_len and NAME_TEXT.fullmatch(name) is not None
                and not QUANTITY_HEAD.match(name) and not self.ends_with_stop(name)
                and not made_of(name, self.generic))
