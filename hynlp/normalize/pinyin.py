"""Remove pinyin annotations that converters put after characters.

``項(xiàng)目`` becomes ``項目``. An annotation is removed only when it is a real
reading of the character before it, so a real parenthesis such as
``(区域医疗中心)`` or ``(BIM)`` always stays. Tone marks are accepted in every
form: precomposed (``xiàng``), combining (``xia\u0300ng``), tone numbers
(``xiang4``), and ``v`` or ``u:`` for ``ü``.

When the character itself was lost (``?(nèi)``, or ``?nèi)`` where the ``(``
was swallowed with the lost byte) the reading is all that is left; the most
plausible character with that reading is put back and the repair says so.
An ASCII character before an annotation (``^(qū)``) is what is left of a
GBK character whose lead byte was lost: the trail byte and the reading
together pick the character back.

>>> fixer = PinyinFixer.default()
>>> fixer.find("項(xiàng)目(区域医疗中心)")[0].new
''
>>> [e.new for e in fixer.find("融入^(qū)域")]
['區']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from hynlp.normalize.charfreq import CharFrequencies
from hynlp.normalize.plausibility import Plausibility

_LETTERS = "a-zA-Z\u00e0-\u00fc\u0101\u0113\u011b\u012b\u014d\u016b\u01ce\u01d0\u01d2\u01d4\u01d6\u01d8\u01da\u01dc\u0300-\u036f:"
# One to four syllables, optional tone digits, inside ASCII or fullwidth parentheses.
ANNOTATION_BODY = rf"[{_LETTERS}]{{1,7}}[1-5]?(?:[ '][{_LETTERS}]{{1,7}}[1-5]?){{0,3}}"
ANNOTATION = re.compile(rf"[(（]({ANNOTATION_BODY})[)）]")
# A lost character: '?' with its annotation, the '(' possibly swallowed too.
LOST_ANNOTATION = re.compile(rf"[?\ufffd][(（]?({ANNOTATION_BODY})[)）]")
GARBAGE_ANNOTATION = re.compile(rf"([\x40-\x7e])[(（]({ANNOTATION_BODY})[)）]")
# What the three patterns above share: one search proves a text has no annotation.
MAYBE_ANNOTATED = re.compile(rf"[(（?\ufffd]{ANNOTATION_BODY}[)）]")
SHORTLIST = 12
RARE_READING_PENALTY = 4.0
CONTEXT = 3
TONE_MARKS = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}


def syllable_keys(annotation: str) -> list[tuple[str, str]]:
    """``'xiàng'`` -> ``[('xiang', '4')]``; tone is ``''`` when unmarked.

    >>> syllable_keys("lü3 xia\u0300ng")
    [('lv', '3'), ('xiang', '4')]
    """
    keys = []
    for syllable in re.split(r"[ ']", annotation):
        decomposed = unicodedata.normalize("NFD", syllable.lower()).replace("u:", "v")
        tone = ""
        letters = []
        for char in decomposed:
            if char in TONE_MARKS:
                tone = TONE_MARKS[char]
            elif char == "\u0308":
                letters[-1] = "v"
            elif char.isdigit():
                tone = char
            elif "a" <= char <= "z":
                letters.append(char)
        keys.append(("".join(letters), tone))
    return keys


def keys_match(heard: tuple[str, str], known: tuple[str, str]) -> bool:
    return heard[0] == known[0] and (not heard[1] or not known[1] or heard[1] == known[1])


class Edit(NamedTuple):  # a tuple: built by the thousand, 3x cheaper than a frozen dataclass
    start: int
    end: int
    new: str
    kind: str
    confidence: float
    note: str = ""
    # ``(reading, before, after)`` of a character still to be restored: it is
    # chosen in context only when its edit is applied (see
    # :meth:`PinyinFixer.resolve`), since most finds are superseded first.
    pending: tuple[str, str, str] | None = None


class PinyinFixer:
    def __init__(self, readings_of: dict[str, tuple[tuple[str, str], ...]], freq: CharFrequencies):
        self._readings_of = readings_of
        self.freq = freq
        self._by_syllable: dict[str, list[str]] | None = None  # built on the first lost character
        # reads_as is asked about one annotation against many characters (every
        # GBK candidate of a lost byte): parse each annotation once. Bounded by
        # the distinct annotations seen, which are short pinyin strings.
        self._keys_of: dict[str, tuple[tuple[str, str], ...]] = {}
        self._unreadable: set[tuple[tuple[str, str], ...]] = set()  # parses with a syllable of no letters
        # Per character, the readings as a set: one lookup instead of a
        # keys_match loop. Bounded by the charset.
        self._heard_as: dict[str, tuple[frozenset[tuple[str, str]], frozenset[str]]] = {}
        # Characters with a reading, by frequency: a pure function of the
        # (syllable, tone) key, so bounded by the syllables of Mandarin.
        self._ranked: dict[tuple[str, str], list[tuple[bool, float, str]]] = {}

    @classmethod
    def default(cls, freq: CharFrequencies | None = None) -> PinyinFixer:
        """pypinyin's readings; ``freq`` reuses a table already loaded."""
        from pypinyin.pinyin_dict import pinyin_dict

        # 42K characters share 1.5K distinct readings: parse each reading once
        # instead of once per character (0.14 s -> 0.03 s).
        parsed: dict[str, tuple[tuple[str, str], ...]] = {}
        readings = {}
        for code, value in pinyin_dict.items():
            keys = parsed.get(value)
            if keys is None:
                keys = parsed[value] = tuple(syllable_keys(v)[0] for v in value.split(","))
            readings[chr(code)] = keys
        return cls(readings, freq or CharFrequencies.load())

    def readings(self, char: str) -> tuple[tuple[str, str], ...]:
        return self._readings_of.get(char, ())

    def reads_as(self, chars: str, annotation: str) -> bool:
        return self._reads_keys(chars, self._keys(annotation))

    def _reads_keys(self, chars: str, keys: tuple[tuple[str, str], ...]) -> bool:
        if len(keys) != len(chars) or keys in self._unreadable:
            return False
        for key, char in zip(keys, chars):
            exact, toneless = self._heard(char)
            # keys_match: same syllable, and same tone unless either has none.
            if key not in exact and not (key[1] and key[0] in toneless):
                return False
        return True

    def readers(self, chars: Iterable[str], annotation: str) -> Iterator[str]:
        """The characters of ``chars`` that :meth:`reads_as` ``annotation``, in order."""
        keys = self._keys(annotation)
        if len(keys) != 1 or not keys[0][0]:
            return  # one character reads as one syllable
        key = keys[0]
        syllable, tone = key
        heard_as, heard = self._heard_as.get, self._heard
        for char in chars:  # a lost trail byte asks this of ~190 characters: lookups inlined
            if len(char) == 1:
                exact, toneless = heard_as(char) or heard(char)
                if key in exact or (tone and syllable in toneless):
                    yield char

    def _keys(self, annotation: str) -> tuple[tuple[str, str], ...]:
        keys = self._keys_of.get(annotation)
        if keys is None:
            keys = self._keys_of[annotation] = tuple(syllable_keys(annotation))
            if not all(syllable for syllable, _ in keys):
                self._unreadable.add(keys)
        return keys

    def _heard(self, char: str) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
        """Keys ``char`` answers to exactly (each reading, and each toneless), and its toneless readings."""
        heard = self._heard_as.get(char)
        if heard is None:
            readings = self.readings(char)
            exact = frozenset(readings) | {(syllable, "") for syllable, _ in readings}
            heard = self._heard_as[char] = (exact, frozenset(s for s, tone in readings if not tone))
        return heard

    def find(self, text: str, model: Plausibility | None = None) -> list[Edit]:
        """Edits for every annotation in ``text``, sorted and non-overlapping.

        ``model`` picks a lost character among those with its reading, in
        context; without one the most frequent character is taken.
        """
        return [self.resolve(edit, model) for edit in self.find_unresolved(text)]

    def find_unresolved(self, text: str) -> list[Edit]:
        """:meth:`find`, except that restored characters are left to :meth:`resolve`."""
        if not MAYBE_ANNOTATED.search(text):
            return []  # every pattern below has a reading before a closing parenthesis
        edits = self._annotations(text)
        damaged = self._lost(text) + self._garbage(text)
        if not damaged:
            return edits  # one finditer's matches: sorted and apart already
        edits += damaged
        edits.sort(key=lambda e: (e.start, -e.end))
        kept: list[Edit] = []
        for edit in edits:
            if not kept or edit.start >= kept[-1].end:
                kept.append(edit)
        return kept

    def resolve(self, edit: Edit, model: Plausibility | None) -> Edit:
        """The edit with its restored character chosen (a no-op for other edits)."""
        if edit.pending is None:
            return edit
        body, before, after = edit.pending
        char = self._most_plausible(body, (before, after), model)
        return Edit(edit.start, edit.end, char, edit.kind, edit.confidence, edit.note)

    def _annotations(self, text: str) -> list[Edit]:
        edits = []
        for match in ANNOTATION.finditer(text):
            body = match.group(1)
            start = match.start()
            # Chained annotations ("項(xiàng)(xiàng)") read the same characters.
            if self._reads_before(text, start, body) or self._follows_removed(text, start, body):
                edits.append(Edit(start, match.end(), "", "pinyin", 1.0))
        return edits

    def _reads_before(self, text: str, position: int, body: str) -> bool:
        """:meth:`reads_as` of the characters before ``position``; one syllable, the
        usual annotation, is answered by two lookups (a third off the annotation scan)."""
        keys = self._keys_of.get(body) or self._keys(body)
        if len(keys) != 1 or not position:
            return self._reads_keys(text[max(0, position - len(keys)):position], keys)
        syllable, tone = key = keys[0]
        char = text[position - 1]
        exact, toneless = self._heard_as.get(char) or self._heard(char)
        # _reads_keys with one key: a syllable of no letters never reads.
        return bool(syllable) and (key in exact or bool(tone and syllable in toneless))

    def _follows_removed(self, text: str, position: int, body: str) -> bool:
        previous = ANNOTATION.search(text, max(0, position - 40), position)
        while previous and previous.end() != position:
            previous = ANNOTATION.search(text, previous.end(), position)
        return bool(previous) and self.reads_as(text[previous.start() - 1:previous.start()], body)

    def _lost(self, text: str) -> list[Edit]:
        edits = []
        for match in LOST_ANNOTATION.finditer(text):
            follower = LOST_ANNOTATION.match(text, match.end()) or GARBAGE_ANNOTATION.match(text, match.end())
            if follower:
                # A lost character right before another damaged one is debris
                # of the same byte shift; the reading after it belongs to the
                # character that follows.
                edits.append(Edit(match.start(), match.end(), "", "pinyin_garbage", 0.5,
                                  "annotation of a lost byte"))
                continue
            body = match.group(1)
            if self._candidates(body):  # exactly when a character would be restored
                pending = (body, text[max(0, match.start() - CONTEXT):match.start()],
                           text[match.end():match.end() + CONTEXT])
                edits.append(Edit(match.start(), match.end(), "", "pinyin_recovered", 0.5,
                                  f"character restored from its reading {body}", pending))
        return edits

    def _garbage(self, text: str) -> list[Edit]:
        edits = []
        for match in GARBAGE_ANNOTATION.finditer(text):
            trail, body = ord(match.group(1)), match.group(2)
            candidates = [c for lead in range(0x81, 0xFF) if (c := gbk_pair(lead, trail))
                          and self.reads_as(c, body)]
            if candidates:
                best = max(candidates, key=self.freq.log)
                edits.append(Edit(match.start(), match.end(), best, "mojibake", 0.8,
                                  "trail byte of a GBK character, confirmed by its reading"))
        return edits

    def _chars_read(self, syllable: str) -> list[str]:
        """Known characters with ``syllable`` among their readings (tone aside)."""
        if self._by_syllable is None:
            index: dict[str, list[str]] = {}
            for char, readings in self._readings_of.items():
                if self.freq.log(char) > 0:
                    for toneless in {r[0] for r in readings}:
                        index.setdefault(toneless, []).append(char)
            self._by_syllable = index
        return self._by_syllable.get(syllable, [])

    def _candidates(self, body: str) -> list[tuple[bool, float, str]]:
        """``(main reading?, log frequency, char)`` for the characters read as ``body``, best first."""
        keys = self._keys(body)
        if len(keys) != 1 or not keys[0][0]:
            return []
        key = keys[0]
        ranked = self._ranked.get(key)
        if ranked is None:
            # A character whose main reading matches beats one where it is a rare reading.
            ranked = []
            for char in self._chars_read(key[0]):
                readings = self._readings_of[char]
                if any(keys_match(key, r) for r in readings):
                    ranked.append((keys_match(key, readings[0]), self.freq.log(char), char))
            ranked.sort(reverse=True)
            self._ranked[key] = ranked
        return ranked

    def _most_plausible(self, body: str, context: tuple[str, str], model: Plausibility | None) -> str | None:
        scored = self._candidates(body)
        if model is None or not scored:
            return scored[0][2] if scored else None
        before, after = context
        by_frequency = sorted(scored, key=lambda item: item[1], reverse=True)[:SHORTLIST]
        # In context, with a penalty when the reading is not the character's main one.
        return max(by_frequency, key=lambda item: model.logprob(before + item[2] + after)
                   - (0.0 if item[0] else RARE_READING_PENALTY))[2]


def gbk_pair(lead: int, trail: int) -> str | None:
    """The character GBK bytes ``lead, trail`` decode to, if any."""
    try:
        char = bytes((lead, trail)).decode("gbk")
    except UnicodeDecodeError:
        return None
    return char if len(char) == 1 and not char.isascii() else None
