"""Sentences with gold spans, tag sequences, label schemes, and span scores.

A label *scheme* is the set of types one annotated dataset uses: the model
has one output head per scheme (``msra``: PER/LOC/ORG, ``cluener``: its ten
types), because the schemes disagree (MSRA's ORG is CLUENER's company,
government and organization at once).

>>> spans_from_tags(["B-PER", "I-PER", "O", "S-LOC"])
[(0, 2, 'PER'), (3, 4, 'LOC')]
>>> bio_tags(4, [(0, 2, "PER")])
['B-PER', 'I-PER', 'O', 'O']
>>> scheme_of(["PER", "ORG"])
'msra'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from hynlp.errors import DatasetFormatError

Span = tuple[int, int, str]

SCHEMES: dict[str, tuple[str, ...]] = {
    "msra": ("PER", "LOC", "ORG"),
    "cluener": ("address", "book", "company", "game", "government", "movie", "name", "organization",
                "position", "scene"),
}
# Other datasets' labels, folded into a scheme (Weibo's nominal mentions and
# Resume's titles/education have no counterpart and are left out).
FOLDED_LABELS = {"PER.NAM": "PER", "LOC.NAM": "LOC", "GPE.NAM": "LOC", "ORG.NAM": "ORG",
                 "NAME": "PER", "GPE": "LOC"}
# hynlp's entity types, per scheme label. 'position' is a title, not an entity;
# MSRA's ORG lumps companies and government bodies together, so it maps to none.
OUR_TYPES: dict[str, dict[str, str]] = {
    "msra": {"PER": "PERSON", "LOC": "PLACE"},
    "cluener": {"name": "PERSON", "address": "PLACE", "company": "COMPANY", "government": "GOV",
                "organization": "ORG"},
}


class TaggedSentence(NamedTuple):
    text: str
    spans: list[Span]


def spans_from_tags(tags: Sequence[str], where: str = "tags") -> list[Span]:
    """Spans of a BIO or BMES(S) tag sequence; a stray I-/M-/E- starts a span, as conlleval reads it."""
    spans: list[Span] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, name = tag.partition("-")
        if prefix not in ("O", "B", "I", "M", "E", "S") or (prefix != "O" and not name):
            raise DatasetFormatError(f"{where}: unknown tag {tag!r}")
        continues = prefix in ("I", "M", "E") and name == label and start is not None
        if not continues and start is not None:
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "S") or (prefix in ("I", "M", "E") and not continues):
            start, label = i, name
        if prefix in ("E", "S") and start is not None:
            spans.append((start, i + 1, label))
            start, label = None, None
    return spans


def bio_tags(length: int, spans: Iterable[Span]) -> list[str]:
    tags = ["O"] * length
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


def scheme_of(labels: Iterable[str]) -> str | None:
    """The scheme sharing most labels with the dataset's (after folding); None when none shares any."""
    found = {FOLDED_LABELS.get(label, label) for label in labels}
    shared = {name: len(found & set(scheme)) for name, scheme in SCHEMES.items()}
    best = max(shared, key=shared.get)
    return best if shared[best] else None


def fold(sentence: TaggedSentence, scheme: str) -> TaggedSentence:
    """The sentence with labels folded into ``scheme``; labels it lacks are dropped."""
    allowed = set(SCHEMES[scheme])
    spans = [(s, e, FOLDED_LABELS.get(label, label)) for s, e, label in sentence.spans]
    return TaggedSentence(sentence.text, [span for span in spans if span[2] in allowed])


class SpanScores(NamedTuple):
    """Exact-match span counts, micro over all types and per type."""

    true_positive: Counter
    predicted: Counter
    gold: Counter

    @classmethod
    def of(cls, pairs: Iterable[tuple[Iterable[Span], Iterable[Span]]]) -> SpanScores:
        """Counts over ``(predicted spans, gold spans)`` pairs, one pair a sentence."""
        tp, predicted, gold = Counter(), Counter(), Counter()
        for pred, true in pairs:
            pred, true = set(pred), set(true)
            tp.update(label for _, _, label in pred & true)
            predicted.update(label for _, _, label in pred)
            gold.update(label for _, _, label in true)
        return cls(tp, predicted, gold)

    def report(self) -> dict:
        """``precision``, ``recall``, ``f1`` (micro) and ``per_type`` with the same three and counts."""
        def measures(tp: int, pred: int, gold: int) -> dict:
            p = tp / pred if pred else 0.0
            r = tp / gold if gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                    "tp": tp, "predicted": pred, "gold": gold}

        labels = sorted(set(self.gold) | set(self.predicted))
        per_type = {label: measures(self.true_positive[label], self.predicted[label], self.gold[label])
                    for label in labels}
        total = measures(sum(self.true_positive.values()), sum(self.predicted.values()), sum(self.gold.values()))
        return {**total, "per_type": per_type}
