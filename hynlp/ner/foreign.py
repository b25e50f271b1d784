"""Any ``transformers`` token-classification model directory, run character by character.

A directory with ``config.json``, weights and a tokenizer, whose labels are
BIO/BMES tags of a scheme hynlp knows (PER/LOC/ORG, CLUENER's types, or
Weibo's and Resume's, folded), is tagged with one head named after that
scheme. Each character is one "word" for the tokenizer, so predictions align
with characters whatever the tokenizer does; a character's first sub-token
carries its tag.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from hynlp.errors import ModelNotSupported
from hynlp.ner.batches import windows
from hynlp.ner.spans import FOLDED_LABELS, Span, scheme_of, spans_from_tags
from hynlp.ner.tagger import BATCH_SIZE, pick_device

WINDOW = 250  # characters; well under the 512 positions BERT-style models have


class ForeignModel:
    """The :class:`~hynlp.ner.tagger.NerModel` interface over a foreign model."""

    def __init__(self, folder, device: str | None = None, batch_size: int = BATCH_SIZE):
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        self.device = pick_device(device)
        self.tokenizer = AutoTokenizer.from_pretrained(folder)
        self.model = AutoModelForTokenClassification.from_pretrained(folder).to(self.device).eval()
        self.labels = [self.model.config.id2label[i] for i in range(len(self.model.config.id2label))]
        names = {tag.partition("-")[2] for tag in self.labels if tag != "O"}
        scheme = scheme_of(names)
        if scheme is None or not self.tokenizer.is_fast:
            raise ModelNotSupported(f"{folder}: labels {sorted(names)} (tokenizer fast: {self.tokenizer.is_fast}) "
                                    "are not BIO/BMES tags of PER/LOC/ORG or CLUENER's types")
        self.heads = {scheme: self.labels}
        self.batch_size = batch_size

    def predict(self, texts: Sequence[str], head: str) -> list[list[Span]]:
        return self.predict_heads(texts, [head])[head]

    def predict_heads(self, texts: Sequence[str], heads: list[str],
                      word_tags: Sequence[list[int]] | None = None) -> dict[str, list[list[Span]]]:
        """As :meth:`hynlp.ner.tagger.NerModel.predict_heads`; ``word_tags`` are not used:
        the model's own tokenizer reads the characters."""
        found: list[list[Span]] = [[] for _ in texts]
        pieces = [(n, s, e) for n, text in enumerate(texts) for s, e in windows(text, [], WINDOW) if e > s]
        for i in range(0, len(pieces), self.batch_size):
            chosen = pieces[i:i + self.batch_size]
            for (n, start, _), tags in zip(chosen, self._tags([texts[n][s:e] for n, s, e in chosen])):
                found[n].extend((s + start, e + start, FOLDED_LABELS.get(label, label))
                                for s, e, label in spans_from_tags(tags))
        return {head: [sorted(spans) for spans in found] for head in heads}

    @torch.no_grad()
    def _tags(self, texts: list[str]) -> list[list[str]]:
        # Whitespace has no token in most vocabularies; it gets a placeholder the model reads as unknown.
        words = [[c if not c.isspace() else "[UNK]" for c in text] for text in texts]
        batch = self.tokenizer(words, is_split_into_words=True, return_tensors="pt", padding=True, truncation=True)
        logits = self.model(**{k: v.to(self.device) for k, v in batch.items()}).logits.argmax(-1).cpu()
        tags = []
        for row, text in enumerate(texts):
            tag_of = ["O"] * len(text)
            seen = set()
            for position, word in enumerate(batch.word_ids(row)):
                if word is not None and word not in seen:
                    seen.add(word)
                    tag_of[word] = self.labels[int(logits[row, position])]
            tags.append(tag_of)
        return tags
