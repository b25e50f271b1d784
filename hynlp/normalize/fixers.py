"""The fixer sequence: each step rewrites a TrackedText and logs its repairs."""

from __future__ import annotations

import re

import opencc

from hynlp.config import NormalizeConfig
from hynlp.errors import EmptyInput
from hynlp.normalize import boilerplate, punctuation, whitespace
from hynlp.normalize.decode import decode_bytes
from hynlp.normalize.mojibake import MojibakeRepairer, RunRepair
from hynlp.normalize.pinyin import PinyinFixer
from hynlp.normalize.plausibility import Plausibility
from hynlp.normalize.tracked import TrackedText
from hynlp.records import Repair

SCRIPT_CHUNK = re.compile(r"[^\n]+")
# A character OpenCC maps that jieba's (simplified) dictionary counts this
# often is in simplified use too: 乾 (5705), 著 (27143); 後 (1209) is not.
SIMPLIFIED_USE_LOG = 7.6  # log of about 2000 occurrences
TRADITIONAL_DOCUMENT_CHARS = 2
PINYIN_ROUNDS = 3


class Normalizer:
    """Holds the converters and tables; call it on ``str`` or ``bytes``."""

    def __init__(self, config: NormalizeConfig | None = None):
        self.config = config or NormalizeConfig()
        self._opencc = opencc.OpenCC(self.config.opencc) if self.config.opencc else None
        self._pinyin = PinyinFixer.default()
        # Built on the first text with a lost byte: most texts never need them.
        self._model: Plausibility | None = None
        self._mojibake: MojibakeRepairer | None = None

    def __call__(self, raw: str | bytes, *, source: str | None = None):
        from hynlp.normalize import NormalizedText

        encoding = "str"
        if isinstance(raw, bytes):
            raw, encoding = decode_bytes(raw, source=source)
        tracked = TrackedText.from_raw(raw)
        repairs: list[Repair] = []
        for step in self._steps():
            tracked, logged = step(tracked)
            repairs += logged
        metadata: dict[str, str] = {}
        if self.config.strip_boilerplate:
            tracked, logged, metadata = self._boilerplate(tracked)
            repairs += logged
        if not tracked.text.strip():
            raise EmptyInput("the document is empty" if not raw.strip()
                             else "nothing but boilerplate or noise is left", source=source)
        return NormalizedText(raw=raw, tracked=tracked, repairs=tuple(repairs),
                              metadata=metadata, encoding=encoding)

    def _steps(self):
        steps = [self._invisible, self._lost_indentation]
        if self.config.repair_mojibake:
            steps.append(self._repair_mojibake)
        if self.config.strip_pinyin:
            steps.append(self._strip_pinyin)
        if self._opencc is not None:
            steps.append(self._convert_script)
        # Removing spaces can bring marks together and merging marks can bring
        # spaces next to them: a second round reaches the fixed point.
        return steps + [self._width, self._punctuation, self._spaces, self._punctuation, self._spaces]

    def _invisible(self, tracked: TrackedText):
        return tracked.apply(whitespace.invisible(tracked.text), kind="control")

    def _repair_mojibake(self, tracked: TrackedText):
        if "?" not in tracked.text and "\ufffd" not in tracked.text:
            return tracked, []
        found = self._repairer().find(tracked.text)
        repairs = [Repair(kind="unrepaired", raw_start=s, raw_end=e, before=tracked.text[f.start:f.end],
                          after=tracked.text[f.start:f.end], confidence=0.0,
                          note="looks like misaligned GBK; no plausible reading")
                   for f in found if not isinstance(f, RunRepair)
                   for s, e in [tracked.span(f.start, f.end)]]
        runs = [f for f in found if isinstance(f, RunRepair)]
        edits = [(r.start, r.end, r.new) for r in runs]
        notes = [r.note or "GBK bytes re-read one byte earlier" for r in runs]
        fixed, logged = tracked.apply(edits, kind="mojibake", notes=notes,
                                      confidences=[1.0 if r.confident else 0.6 for r in runs])
        return fixed, logged + repairs

    def _repairer(self) -> MojibakeRepairer:
        if self._mojibake is None:
            self._model = Plausibility.default(self._pinyin.freq)
            self._mojibake = MojibakeRepairer(self._model, self._pinyin.reads_as)
        return self._mojibake

    def _strip_pinyin(self, tracked: TrackedText):
        repairs: list[Repair] = []
        if ")" not in tracked.text and "\uff09" not in tracked.text:
            return tracked, repairs  # every annotation pattern ends in a closing parenthesis
        lost = "?" in tracked.text or "\ufffd" in tracked.text
        model = self._repairer() and self._model if lost else None
        found = self._pinyin.find(tracked.text, model)
        # A recovered character can meet a second annotation of its own
        # (``?(guó)(guó)``): rounds go on until nothing is found.
        for _ in range(PINYIN_ROUNDS):
            if not found:
                break
            for kind in ("pinyin", "pinyin_garbage", "pinyin_recovered", "mojibake"):
                edits = [e for e in found if e.kind == kind]
                if not edits:
                    continue  # the text is unchanged, so ``found`` still holds for the next kind
                tracked, logged = tracked.apply([(e.start, e.end, e.new) for e in edits], kind=kind,
                                                notes=[e.note for e in edits],
                                                confidences=[e.confidence for e in edits])
                repairs += logged
                found = self._pinyin.find(tracked.text, model)
        return tracked, repairs

    def _convert_script(self, tracked: TrackedText):
        """OpenCC at phrase level, line by line, in traditional-script text; each changed run is one repair.

        Some characters OpenCC maps are also in everyday simplified use (乾 in
        a company name is not 干). They are no evidence of traditional script:
        a line is converted when it, or the document, has other traditional
        characters, so simplified text keeps its names.
        """
        lines = [(line.group(0), line.start(), self._opencc.convert(line.group(0)))
                 for line in SCRIPT_CHUNK.finditer(tracked.text)]
        evidence = [self._traditional_evidence(old, new) for old, _, new in lines]
        traditional_document = sum(evidence) >= TRADITIONAL_DOCUMENT_CHARS
        edits = []
        for (old, start, new), found in zip(lines, evidence):
            if old != new and (found or traditional_document):
                edits += _changed_runs(old, new, start)
        return tracked.apply(edits, kind="script")

    def _traditional_evidence(self, old: str, new: str) -> int:
        """How many characters OpenCC changes that simplified text does not commonly use."""
        if len(old) != len(new):
            return len(old)
        common = self._pinyin.freq.log
        return sum(a != b and common(a) < SIMPLIFIED_USE_LOG for a, b in zip(old, new))

    def _width(self, tracked: TrackedText):
        return tracked.apply(punctuation.fullwidth_ascii(tracked.text), kind="width")

    def _punctuation(self, tracked: TrackedText):
        tracked, doubled = tracked.apply(punctuation.doubled_marks(tracked.text), kind="punctuation")
        tracked, single = tracked.apply(punctuation.ascii_marks_in_cjk(tracked.text), kind="punctuation")
        return tracked, doubled + single

    def _lost_indentation(self, tracked: TrackedText):
        return tracked.apply(whitespace.lost_indentation(tracked.text), kind="whitespace",
                             notes=None)

    def _spaces(self, tracked: TrackedText):
        tracked, inner = tracked.apply(whitespace.inner_spaces(tracked.text), kind="whitespace")
        tracked, runs = tracked.apply(whitespace.spaces(tracked.text), kind="whitespace")
        return tracked, inner + runs

    def _boilerplate(self, tracked: TrackedText):
        lines = boilerplate.split_boilerplate(tracked.text)
        metadata: dict[str, str] = {}
        for line in lines:
            metadata.setdefault(line.key, line.value)
        edits = [(line.start, line.end, "") for line in lines]
        tracked, logged = tracked.apply(edits, kind="boilerplate")
        tracked, trimmed = self._spaces(tracked)
        return tracked, logged + trimmed, metadata


def _changed_runs(old: str, new: str, offset: int) -> list[tuple[int, int, str]]:
    """Edits turning ``old`` into ``new``; 1:1 where lengths agree, else whole line."""
    if len(old) != len(new):
        return [(offset, offset + len(old), new)]
    edits, run_start = [], None
    for i, (a, b) in enumerate(zip(old, new)):
        if a != b and run_start is None:
            run_start = i
        elif a == b and run_start is not None:
            edits.append((offset + run_start, offset + i, new[run_start:i]))
            run_start = None
    if run_start is not None:
        edits.append((offset + run_start, offset + len(old), new[run_start:]))
    return edits
