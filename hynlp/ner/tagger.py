"""Running a trained NER model: batched, windowed, CPU by default and the GPU when present.

``NerModel.predict(texts, head)`` returns each text's spans ``(start, end,
label)`` in the head's label scheme. Texts longer than the window are cut
after punctuation (see :func:`hynlp.ner.batches.windows`) and the pieces'
spans are shifted back, so any length works.
"""

from __future__ import annotations

from collections.abc import Sequence

import torch

from hynlp.ner.batches import tensors, windows
from hynlp.ner.features import Featurizer, Vocab
from hynlp.ner.network import CharNerNetwork
from hynlp.ner.spans import Span, spans_from_tags

WINDOW = 200
BATCH_SIZE = 64


def pick_device(device: str | None) -> torch.device:
    """The named device, else CUDA when torch sees one, else the CPU."""
    if device:
        return torch.device(device)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


class NerModel:
    """A :class:`~hynlp.ner.network.CharNerNetwork` (or its ``transformers`` twin) with its
    vocabulary, ready to tag text."""

    def __init__(self, model: CharNerNetwork, vocab: Vocab, device: str | None = None,
                 batch_size: int = BATCH_SIZE):
        self.device = pick_device(device)
        self.model = model.to(self.device).eval()
        self.featurizer = Featurizer(vocab)
        self.batch_size = batch_size

    @property
    def heads(self) -> dict[str, list[str]]:
        return self.model.heads

    def predict(self, texts: Sequence[str], head: str) -> list[list[Span]]:
        return self.predict_heads(texts, [head])[head]

    def predict_heads(self, texts: Sequence[str], heads: list[str],
                      word_tags: Sequence[list[int]] | None = None) -> dict[str, list[list[Span]]]:
        """Spans per head for every text, all heads from one encoding of each window.

        ``word_tags`` (one B/M/E/S id per character, per text) reuse a
        segmentation already made instead of cutting the text again.
        """
        pieces = [(n, start, end) for n, text in enumerate(texts) for start, end in windows(text, [], WINDOW)
                  if end > start]
        order = sorted(range(len(pieces)), key=lambda i: pieces[i][2] - pieces[i][1])
        found: dict[str, list[list[Span]]] = {head: [[] for _ in texts] for head in heads}
        for i in range(0, len(order), self.batch_size):
            chosen = [pieces[j] for j in order[i:i + self.batch_size]]
            given = None if word_tags is None else [word_tags[n][start:end] for n, start, end in chosen]
            tags = self._decode([texts[n][start:end] for n, start, end in chosen], heads, given)
            for head in heads:
                labels = self.heads[head]
                for (n, start, _), path in zip(chosen, tags[head]):
                    found[head][n].extend((s + start, e + start, label)
                                          for s, e, label in spans_from_tags([labels[t] for t in path]))
        return {head: [sorted(spans) for spans in per_text] for head, per_text in found.items()}

    def _decode(self, texts: list[str], heads: list[str], word_tags=None) -> dict[str, list[list[int]]]:
        features = [self.featurizer(t, None if word_tags is None else word_tags[i]) for i, t in enumerate(texts)]
        inputs = {k: v.to(self.device) for k, v in tensors(features).items()}
        return self.model.decode(heads=heads, **inputs)
