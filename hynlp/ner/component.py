"""The NER model as a pipeline component: its spans become ``source="model"`` entities,
which :class:`~hynlp.entities.EntityTagger` then fuses with the rules.

Every head of the model runs on one shared encoding: the CLUENER head
names companies, government bodies, organizations, people and places, the
MSRA head people and places; each label maps to one of our types (see
:data:`hynlp.ner.spans.OUR_TYPES`). What the entity layer does with them
(confirm the rules, or add spans of ``EntityConfig.model_types``) is
:func:`hynlp.entities.fusion.with_model`.
"""

from __future__ import annotations

from hynlp.document import Document
from hynlp.ner.spans import OUR_TYPES
from hynlp.records import Entity

MODEL_CONFIDENCE = 0.6
MIN_LENGTH = 2


class ModelEntities:
    """``Document -> Document``: adds the model's entities to ``doc.entities``."""

    def __init__(self, model):
        self.model = model
        self.heads = [head for head in model.heads if head in OUR_TYPES]

    def __call__(self, doc: Document) -> Document:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Document]) -> list[Document]:
        """Tag many documents in shared batches."""
        tags = [doc_word_tags(doc) for doc in docs]
        found = self.model.predict_heads([doc.text for doc in docs], self.heads,
                                         tags if all(t is not None for t in tags) else None)
        for n, doc in enumerate(docs):
            for head in self.heads:
                doc.entities = [*doc.entities, *self._entities(doc, found[head][n], OUR_TYPES[head])]
        return docs

    def _entities(self, doc: Document, spans, mapping: dict[str, str]) -> list[Entity]:
        entities = []
        for start, end, label in spans:
            our_type = mapping.get(label)
            text = doc.text[start:end]
            if our_type is None or end - start < MIN_LENGTH or text != text.strip():
                continue
            raw_start, raw_end = doc.raw_span(start, end)
            entities.append(Entity(type=our_type, text=text, start=start, end=end, raw_start=raw_start,
                                   raw_end=raw_end, confidence=MODEL_CONFIDENCE, source="model",
                                   rule=f"model:{label}"))
        return entities


def doc_word_tags(doc: Document) -> list[int] | None:
    """B/M/E/S ids from the pipeline's own segmentation (no second jieba pass);
    None when the tokens do not tile the text."""
    from hynlp.ner.features import tags_of_lengths

    if not doc.tokens or doc.tokens[0].start != 0 or doc.tokens[-1].end != len(doc.text):
        return None
    if any(a.end != b.start for a, b in zip(doc.tokens, doc.tokens[1:])):
        return None
    return tags_of_lengths(t.end - t.start for t in doc.tokens)
