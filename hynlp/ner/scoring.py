"""Scoring a NER model on an annotated file: exact-match spans, P/R/F1 per type and micro."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from hynlp.ner.spans import SCHEMES, SpanScores, TaggedSentence, fold, scheme_of


def score_sentences(model, sentences: Sequence[TaggedSentence], head: str) -> dict:
    """The report of :meth:`SpanScores.report` for ``model``'s ``head`` on gold sentences."""
    predicted = model.predict([s.text for s in sentences], head)
    return SpanScores.of(zip(predicted, [s.spans for s in sentences])).report()


def evaluate_file(model, path: str | Path, fmt: str | None = None) -> dict:
    """Scores on a BIO/BMES/CLUENER file, with the head whose scheme the file's labels belong to."""
    from hynlp.store.ner_datasets import read_tagged

    sentences = list(read_tagged(path, fmt))
    scheme = scheme_of(label for s in sentences for _, _, label in s.spans)
    if scheme is None or scheme not in model.heads:
        from hynlp.errors import ModelNotSupported

        raise ModelNotSupported(f"the model has no {scheme!r} head for {path} (it has {', '.join(model.heads)})")
    folded = [fold(s, scheme) for s in sentences]
    report = score_sentences(model, folded, scheme)
    return {"dataset": str(path), "scheme": scheme, "labels": list(SCHEMES[scheme]),
            "sentences": len(folded), **report}


def evaluate_files(paths, model_path: str | None = None, fmt: str | None = None) -> list[dict]:
    """Reports for each file, with the model at ``model_path`` (default: the shipped one)."""
    from hynlp.ner import default_model_path
    from hynlp.store.ner_models import load_ner_model

    model = load_ner_model(model_path or default_model_path())
    return [evaluate_file(model, path, fmt) for path in paths]
