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
from dataclasses import dataclass

from hynlp.normalize.charfreq import CharFrequencies
from hynlp.normalize.plausibility import Plausibility

_LETTERS = "a-zA-Z\u00e0-\u00fc\u0101\u0113\u011b\u012b\u014d\u016b\u01ce\u01d0\u01d2\u01d4\u01d6\u01d8\u01da\u01dc\u0300-\u036f:"
# One to four syllables, optional tone digits, inside ASCII or fullwidth parentheses.
ANNOTATION_BODY = rf"[{_LETTERS}]{{1,7}}[1-5]?(?:[ '][{_LETTERS}]{{1,7}}[1-5]?){{0,3}}"
ANNOTATION = re.compile(rf"[(（]({ANNOTATION_BODY})[)）]")
# A lost character: '?' with its annotation, the '(' possibly swallowed too.
LOST_ANNOTATION = re.compile(rf"[?\ufffd][(（]?({ANNOTATION_BODY})[)）]")
GARBAGE_ANNOTATION = re.compile(rf"([\x40-\x7e])[(（]({ANNOTATION_BODY})[)）]")
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


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    new: str
    kind: str
    confidence: float
    note: str = ""


class PinyinFixer:
    def __init__(self, readings_of: dict[str, tuple[tuple[str, str], ...]], freq: CharFrequencies):
        self._readings_of = readings_of
        self.freq = freq
        self._by_syllable: dict[str, list[str]] | None = None  # built on the first lost character
        # reads_as is asked about one annotation against many characters (every
        # GBK candidate of a lost byte): parse each annotation once. Bounded by
        # the distinct annotations seen, which are short pinyin strings.
        self._keys_of: dict[str, tuple[tuple[str, str], ...]] = {}

    @classmethod
    def default(cls) -> PinyinFixer:
        from pypinyin.pinyin_dict import pinyin_dict

        readings = {}
        for code, value in pinyin_dict.items():
            readings[chr(code)] = tuple(syllable_keys(v)[0] for v in value.split(","))
        return cls(readings, CharFrequencies.load())

    def readings(self, char: str) -> tuple[tuple[str, str], ...]:
        return self._readings_of.get(char, ())

    def reads_as(self, chars: str, annotation: str) -> bool:
        keys = self._keys_of.get(annotation)
        if keys is None:
            keys = self._keys_of[annotation] = tuple(syllable_keys(annotation))
        if len(keys) != len(chars) or not all(k[0] for k in keys):
            return False
        return all(any(keys_match(k, r) for r in self.readings(c)) for k, c in zip(keys, chars))

    def find(self, text: str, model: Plausibility | None = None) -> list[Edit]:
        """Edits for every annotation in ``text``, sorted and non-overlapping.

        ``model`` picks a lost character among those with its reading, in
        context; without one the most frequent character is taken.
        """
        edits = self._annotations(text) + self._lost(text, model) + self._garbage(text)
        edits.sort(key=lambda e: (e.start, -e.end))
        kept: list[Edit] = []
        for edit in edits:
            if not kept or edit.start >= kept[-1].end:
                kept.append(edit)
        return kept

    def _annotations(self, text: str) -> list[Edit]:
        edits = []
        for match in ANNOTATION.finditer(text):
            body = match.group(1)
            count = len(syllable_keys(body))
            before = text[max(0, match.start() - count):match.start()]
            # Chained annotations ("項(xiàng)(xiàng)") read the same characters.
            if self.reads_as(before, body) or self._follows_removed(text, match.start(), body):
                edits.append(Edit(match.start(), match.end(), "", "pinyin", 1.0))
        return edits

    def _follows_removed(self, text: str, position: int, body: str) -> bool:
        previous = ANNOTATION.search(text, max(0, position - 40), position)
        while previous and previous.end() != position:
            previous = ANNOTATION.search(text, previous.end(), position)
        return bool(previous) and self.reads_as(text[previous.start() - 1:previous.start()], body)

    def _lost(self, text: str, model: Plausibility | None) -> list[Edit]:
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
            context = (text[max(0, match.start() - CONTEXT):match.start()], text[match.end():match.end() + CONTEXT])
            char = self._most_plausible(match.group(1), context, model)
            if char:
                edits.append(Edit(match.start(), match.end(), char, "pinyin_recovered", 0.5,
                                  f"character restored from its reading {match.group(1)}"))
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

    def _most_plausible(self, body: str, context: tuple[str, str], model: Plausibility | None) -> str | None:
        keys = syllable_keys(body)
        if len(keys) != 1 or not keys[0][0]:
            return None
        # A character whose main reading matches beats one where it is a rare reading.
        scored = []
        for char in self._chars_read(keys[0][0]):
            readings = self._readings_of[char]
            if any(keys_match(keys[0], r) for r in readings):
                scored.append((keys_match(keys[0], readings[0]), self.freq.log(char), char))
        scored.sort(reverse=True)
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
