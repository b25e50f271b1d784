"""Our results as spaCy ``Doc`` objects: our text, sentences, entities and figures.

* :func:`to_spacy` converts a pipeline :class:`~hynlp.document.Document`
  (``nlp.make_doc(...)``): its tokens are the segmenter's words;
* :func:`result_doc` converts a record (``result.doc``), so results read back
  from a store or a JSONL file convert too. A record keeps no words, so its
  tokens are characters, as with spaCy's own default for Chinese.

Either way tokens are also split at every entity, figure and sentence
boundary, so every span is exact. ``doc.spans["entities"]`` holds every entity
and ``doc.spans["figures"]`` every figure (label: its kind). ``doc.ents``
cannot overlap, so where one entity lies inside another (a project inside its
headquarters' name) it keeps the outer, longer one; the inner one is still in
``doc.spans["entities"]``. Render with ``displacy.render(doc, style="ent")``
or ``displacy.render(doc, style="span", options={"spans_key": "figures"})``.

>>> from hynlp.records import Article, Entity, ExtractionResult, Sentence
>>> text = "北关片区城市更新项目指挥部成立。"
>>> result = ExtractionResult(
...     article=Article(doc_id="d", raw_sha256="0" * 64, text=text),
...     sentences=[Sentence(index=0, start=0, end=len(text))],
...     entities=[Entity(type="ORG", text=text[:13], start=0, end=13, raw_start=0, raw_end=13),
...               Entity(type="PROJECT", text=text[:10], start=0, end=10, raw_start=0, raw_end=10)],
...     pipeline_version="0.1.0", config_hash="c" * 16)
>>> doc = result_doc(result)
>>> [(e.text, e.label_) for e in doc.ents]
[('北关片区城市更新项目指挥部', 'ORG')]
>>> [s.label_ for s in doc.spans["entities"]]
['ORG', 'PROJECT']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.lang.zh import Chinese
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab, create_vocab

from hynlp.document import Document
from hynlp.records import Entity, ExtractionResult, Figure, Sentence


def new_vocab() -> Vocab:
    """A Chinese vocabulary (cheap to make); pass one to convert many documents."""
    return create_vocab("zh", Chinese.Defaults)


def to_spacy(doc: Document, vocab: Vocab | None = None) -> Doc:
    """A pipeline Document as a spaCy Doc whose tokens are the segmenter's words."""
    cuts = {edge for token in doc.tokens for edge in (token.start, token.end)}
    return build_doc(doc.text, cuts, doc.sentences, doc.entities, doc.figures, vocab)


def result_doc(result: ExtractionResult, vocab: Vocab | None = None) -> Doc:
    """A record as a spaCy Doc whose tokens are characters."""
    text = result.article.text
    return build_doc(text, range(len(text) + 1), result.sentences, result.entities, result.figures, vocab)


def build_doc(text: str, cuts: Iterable[int], sentences: Sequence[Sentence], entities: Sequence[Entity],
              figures: Sequence[Figure], vocab: Vocab | None = None) -> Doc:
    """A Doc of ``text`` cut at ``cuts`` and at every sentence, entity and figure edge."""
    edges = {0, len(text), *cuts}
    for span in [*sentences, *entities, *figures]:
        edges.update((span.start, span.end))
    bounds = sorted(edges)
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    starts = {sentence.start for sentence in sentences} | {0}
    doc = Doc(vocab or new_vocab(), words=[text[a:b] for a, b in pieces], spaces=[False] * len(pieces),
              sent_starts=[a in starts for a, _ in pieces] if sentences else None)
    entity_spans = [doc.char_span(e.start, e.end, label=e.type) for e in entities]
    doc.spans["entities"] = entity_spans
    doc.ents = filter_spans(entity_spans)
    doc.spans["figures"] = [doc.char_span(f.start, f.end, label=f.kind) for f in figures]
    return doc


__all__ = ["Span", "build_doc", "new_vocab", "result_doc", "to_spacy"]
