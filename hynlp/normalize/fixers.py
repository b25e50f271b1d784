"""The fixer sequence: each step rewrites a TrackedText and logs its repairs."""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress, count
from operator import ne

import opencc

from hynlp.config import NormalizeConfig
from hynlp.errors import EmptyInput
from hynlp.normalize import boilerplate, punctuation, whitespace
from hynlp.normalize.decode import decode_bytes
from hynlp.normalize.mojibake import MojibakeRepairer, RunRepair
from hynlp.normalize.charfreq import CharFrequencies
from hynlp.normalize.pinyin import MAYBE_ANNOTATED, PinyinFixer
from hynlp.normalize.plausibility import Plausibility
from hynlp.normalize.tracked import TrackedText
from hynlp.records import Repair

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
        self._freq = CharFrequencies.load()
        # Built on the first text with an annotation (0.2 s: pypinyin's table).
        self._pinyin: PinyinFixer | None = None
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
        return steps + [self._width, self._marks_and_spaces]

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
            self._model = Plausibility.default(self._freq)
            self._mojibake = MojibakeRepairer(self._model, self._pinyin_fixer())
        return self._mojibake

    def _pinyin_fixer(self) -> PinyinFixer:
        if self._pinyin is None:
            self._pinyin = PinyinFixer.default(self._freq)
        return self._pinyin

    def _strip_pinyin(self, tracked: TrackedText):
        repairs: list[Repair] = []
        if not MAYBE_ANNOTATED.search(tracked.text):
            return tracked, repairs  # no annotation: pypinyin's table is not even built
        lost = "?" in tracked.text or "\ufffd" in tracked.text
        model = self._repairer() and self._model if lost else None
        fixer = self._pinyin_fixer()
        found = fixer.find_unresolved(tracked.text)
        # A recovered character can meet a second annotation of its own
        # (``?(guó)(guó)``): rounds go on until nothing is found.
        for _ in range(PINYIN_ROUNDS):
            if not found:
                break
            for kind in ("pinyin", "pinyin_garbage", "pinyin_recovered", "mojibake"):
                edits = [e if e.pending is None else fixer.resolve(e, model) for e in found if e.kind == kind]
                if not edits:
                    continue  # the text is unchanged, so ``found`` still holds for the next kind
                tracked, logged = tracked.apply([(e.start, e.end, e.new) for e in edits], kind=kind,
                                                notes=[e.note for e in edits],
                                                confidences=[e.confidence for e in edits])
                repairs += logged
                found = fixer.find_unresolved(tracked.text)
        return tracked, repairs

    def _convert_script(self, tracked: TrackedText):
        """OpenCC at phrase level, line by line, in traditional-script text; each changed run is one repair.

        Some characters OpenCC maps are also in everyday simplified use (乾 in
        a company name is not 干). They are no evidence of traditional script:
        a line is converted when it, or the document, has other traditional
        characters, so simplified text keeps its names.
        """
        changed = [(start, old, new, _differing(old, new))
                   for start, old, new in _converted_lines(tracked.text, self._opencc.convert)]
        evidence = [self._traditional_evidence(old, differing) for _, old, _, differing in changed]
        traditional_document = sum(evidence) >= TRADITIONAL_DOCUMENT_CHARS
        edits = []
        for (start, old, new, differing), found in zip(changed, evidence):
            if found or traditional_document:
                edits += _changed_runs(old, new, start, differing)
        return tracked.apply(edits, kind="script")

    def _traditional_evidence(self, old: str, differing: list[int] | None) -> int:
        """How many characters OpenCC changes that simplified text does not commonly use."""
        if differing is None:
            return len(old)
        return self._freq.count_below(map(old.__getitem__, differing), SIMPLIFIED_USE_LOG)

    def _width(self, tracked: TrackedText):
        return tracked.apply(punctuation.fullwidth_ascii(tracked.text), kind="width")

    def _punctuation(self, tracked: TrackedText):
        tracked, doubled = tracked.apply(punctuation.doubled_marks(tracked.text), kind="punctuation")
        tracked, single = tracked.apply(punctuation.ascii_marks_in_cjk(tracked.text), kind="punctuation")
        return tracked, doubled + single

    def _marks_and_spaces(self, tracked: TrackedText):
        """Marks, then spaces, in two rounds when the first removes spaces.

        Removing spaces can bring marks together and merging marks can bring
        spaces next to them: a second round reaches the fixed point. Without a
        space removed the second round would find nothing: the marks step is
        idempotent (a merged run was maximal, a narrowed mark stands alone), so
        it leaves the text the first spaces step already left alone.
        """
        tracked, marks = self._punctuation(tracked)
        tracked, spaces = self._spaces(tracked)
        if not spaces:
            return tracked, marks
        tracked, more_marks = self._punctuation(tracked)
        tracked, more_spaces = self._spaces(tracked)
        return tracked, marks + spaces + more_marks + more_spaces

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


def _converted_lines(text: str, convert: Callable[[str], str]) -> list[tuple[int, str, str]]:
    """``(start, old, new)`` for each line that ``convert`` changes.

    One conversion of the whole text instead of one call per line (15% of the
    step's time was call overhead): OpenCC matches dictionary phrases, and
    none holds a line break, so each line converts as it would alone. A text
    with no change, most simplified pages, costs one call and one comparison.
    """
    converted = convert(text)
    if converted == text:
        return []
    olds, news = text.split("\n"), converted.split("\n")
    if len(olds) != len(news):
        raise ValueError("the script conversion added or removed a line break")
    changed, start = [], 0
    for old, new in zip(olds, news):
        if old != new:  # an unchanged line has neither evidence nor edits
            changed.append((start, old, new))
        start += len(old) + 1
    return changed


def _differing(old: str, new: str) -> list[int] | None:
    """Positions where ``old`` and ``new`` differ; None when their lengths do.

    One pass, compared in C by map/compress, serves both the evidence count and
    the edit runs (each line used to be walked twice in Python).
    """
    if len(old) != len(new):
        return None
    return list(compress(count(), map(ne, old, new)))


def _changed_runs(old: str, new: str, offset: int, differing: list[int] | None) -> list[tuple[int, int, str]]:
    """Edits turning ``old`` into ``new``: each run of ``differing`` positions, else the whole line."""
    if differing is None:
        return [(offset, offset + len(old), new)]
    edits = []
    run_start = previous = differing[0]
    for i in differing[1:]:
        if i != previous + 1:
            edits.append((offset + run_start, offset + previous + 1, new[run_start:previous + 1]))
            run_start = i
        previous = i
    edits.append((offset + run_start, offset + previous + 1, new[run_start:previous + 1]))
    return edits
