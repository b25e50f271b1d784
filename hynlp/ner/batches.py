"""Training examples as padded tensors: windows of long sentences, length-sorted batches.

>>> windows("甲乙。丙丁。戊", [(0, 2, "PER")], max_len=4)
[(0, 3), (3, 7)]
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import torch

from hynlp.ner.features import Features, Featurizer
from hynlp.ner.spans import Span, TaggedSentence, bio_tags

BREAKS = "\n。！？；!?;，,"


def windows(text: str, spans: list[Span], max_len: int) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces of at most ``max_len`` characters, after a mark where one is near,
    never inside a span (a span longer than a window keeps its window long)."""
    inside = {i for s, e, _ in spans for i in range(s + 1, e)}
    pieces, start = [], 0
    while len(text) - start > max_len:
        cut = next((i for i in range(start + max_len, start, -1)
                    if text[i - 1] in BREAKS and i not in inside), None)
        if cut is None:
            cut = next((i for i in range(start + max_len, start, -1) if i not in inside), start + max_len)
        pieces.append((start, cut))
        start = cut
    pieces.append((start, len(text)))
    return pieces


@dataclass(frozen=True)
class Example:
    features: Features
    tags: list[int]
    head: str


def examples(sentences: list[TaggedSentence], head: str, labels: list[str], featurizer: Featurizer,
             max_len: int) -> list[Example]:
    index = {label: i for i, label in enumerate(labels)}
    found = []
    for sentence in sentences:
        for start, end in windows(sentence.text, sentence.spans, max_len):
            text = sentence.text[start:end]
            spans = [(s - start, e - start, label) for s, e, label in sentence.spans if start <= s and e <= end]
            tags = [index[tag] for tag in bio_tags(len(text), spans)]
            found.append(Example(featurizer(text), tags, head))
    return found


def tensors(batch: list[Features], tags: list[list[int]] | None = None) -> dict[str, torch.Tensor]:
    """Padded model inputs (and ``labels`` when tags are given)."""
    width = max(len(f.chars) for f in batch)
    def pad(rows: list[list[int]], size: int) -> torch.Tensor:
        return torch.tensor([row + [0] * (size - len(row)) for row in rows], dtype=torch.long)
    inputs = {
        "input_ids": pad([f.chars for f in batch], width),
        "bigram_ids": pad([f.bigrams for f in batch], width + 1),
        "word_tag_ids": pad([f.word_tags for f in batch], width),
        "attention_mask": pad([[1] * len(f.chars) for f in batch], width),
    }
    if tags is not None:
        inputs["labels"] = pad(tags, width)
    return inputs


def batches(found: list[Example], batch_size: int, rng: random.Random) -> list[list[Example]]:
    """Shuffled batches of one head each, lengths alike within a batch (less padding)."""
    result = []
    for head in sorted({e.head for e in found}):
        mine = [e for e in found if e.head == head]
        rng.shuffle(mine)
        pool = batch_size * 50
        for i in range(0, len(mine), pool):
            chunk = sorted(mine[i:i + pool], key=lambda e: len(e.tags))
            result.extend(chunk[j:j + batch_size] for j in range(0, len(chunk), batch_size))
    rng.shuffle(result)
    return result
