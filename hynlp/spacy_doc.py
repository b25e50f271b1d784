"""Our Document as a spaCy ``Doc``: our tokens, our entities, our figures.

Tokens are split at every entity and figure boundary so the spans are exact.
Entities go to ``doc.ents`` (so ``spacy.displacy.render(doc, style="ent")``
works); figures go to ``doc.spans["figures"]`` with their kind as label
(``style="span", options={"spans_key": "figures"}``).
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from hynlp.document import Document


def new_vocab() -> Vocab:
    """A Chinese vocabulary; hold one per process and pass it to :func:`to_spacy`."""
    return spacy.blank("zh").vocab


def to_spacy(doc: Document, vocab: Vocab | None = None) -> Doc:
    vocab = vocab or new_vocab()
    cuts = {0, len(doc.text)}
    for token in doc.tokens:
        cuts.update((token.start, token.end))
    for span in [*doc.entities, *doc.figures]:
        cuts.update((span.start, span.end))
    bounds = sorted(cuts)
    words = [doc.text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
    spacy_doc = Doc(vocab, words=words, spaces=[False] * len(words))
    spacy_doc.ents = [spacy_doc.char_span(e.start, e.end, label=e.type) for e in doc.entities]
    spacy_doc.spans["figures"] = [spacy_doc.char_span(f.start, f.end, label=f.kind) for f in doc.figures]
    return spacy_doc


__all__ = ["Span", "new_vocab", "to_spacy"]
