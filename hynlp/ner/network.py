"""The NER network in plain torch: character + bigram + word-boundary embeddings,
a BiLSTM encoder, one CRF head per label scheme.

:class:`CharNerLayers` holds the layers and the maths; :class:`CharNerNetwork`
is it as a plain ``nn.Module``, which is what hynlp runs: loading it needs
torch and safetensors only, not the seconds ``transformers`` takes to import.
:mod:`hynlp.ner.model` puts the same layers, under the same parameter names,
in a ``transformers`` ``PreTrainedModel`` for ``save_pretrained`` /
``from_pretrained`` and the Auto classes.

>>> import torch
>>> net = CharNerNetwork(NetworkShape(char_vocab_size=10, bigram_vocab_size=10, heads={"msra": ["O", "B-PER", "I-PER"]}))
>>> ids = torch.tensor([[2, 3, 4]])
>>> tags = net.decode(ids, torch.tensor([[2, 3, 4, 5]]), torch.tensor([[1, 2, 3]]), torch.ones(1, 3), ["msra"])
>>> len(tags["msra"][0])
3
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import torch
from torch import nn

from hynlp.ner.crf import CRF

MODEL_TYPE = "hynlp-char-ner"


@dataclass(frozen=True)
class NetworkShape:
    """The sizes and label sets that make a network; stored in the model's ``config.json``."""

    char_vocab_size: int = 8000
    bigram_vocab_size: int = 100_000
    char_dim: int = 128
    bigram_dim: int = 64
    word_tag_dim: int = 16
    hidden_size: int = 192
    num_layers: int = 1
    dropout: float = 0.3
    heads: dict[str, list[str]] = field(default_factory=lambda: {"msra": ["O", "B-PER", "I-PER"]})

    @classmethod
    def of(cls, config) -> NetworkShape:
        """From a config object or a ``config.json`` mapping (other keys are ignored)."""
        get = config.get if isinstance(config, dict) else lambda name, default=None: getattr(config, name, default)
        return cls(**{f.name: get(f.name) for f in fields(cls) if get(f.name) is not None})

    def as_dict(self) -> dict:
        return asdict(self)


class CharNerLayers:
    """The layers and forward maths, mixed into an ``nn.Module`` subclass."""

    def build_layers(self, shape: NetworkShape) -> None:
        self.chars = nn.Embedding(shape.char_vocab_size, shape.char_dim, padding_idx=0)
        self.bigrams = nn.Embedding(shape.bigram_vocab_size, shape.bigram_dim, padding_idx=0)
        self.word_tags = nn.Embedding(5, shape.word_tag_dim, padding_idx=0)
        width = shape.char_dim + 2 * shape.bigram_dim + shape.word_tag_dim
        self.dropout = nn.Dropout(shape.dropout)
        self.encoder = nn.LSTM(width, shape.hidden_size, num_layers=shape.num_layers, batch_first=True,
                               bidirectional=True, dropout=shape.dropout if shape.num_layers > 1 else 0.0)
        self.emit = nn.ModuleDict({name: nn.Linear(2 * shape.hidden_size, len(labels))
                                   for name, labels in shape.heads.items()})
        self.crf = nn.ModuleDict({name: CRF(labels) for name, labels in shape.heads.items()})

    def encode(self, input_ids, bigram_ids, word_tag_ids) -> torch.Tensor:
        """Hidden states, one per character. ``bigram_ids`` has one more column than ``input_ids``."""
        pieces = [self.chars(input_ids), self.bigrams(bigram_ids[:, :-1]), self.bigrams(bigram_ids[:, 1:]),
                  self.word_tags(word_tag_ids)]
        hidden, _ = self.encoder(self.dropout(torch.cat(pieces, dim=-1)))
        return self.dropout(hidden)

    def loss_and_emissions(self, input_ids, bigram_ids, word_tag_ids, attention_mask, labels, head: str):
        mask = attention_mask.bool() if attention_mask is not None else torch.ones_like(input_ids, dtype=torch.bool)
        emissions = self.emit[head](self.encode(input_ids, bigram_ids, word_tag_ids))
        loss = None if labels is None else self.crf[head].neg_log_likelihood(emissions, labels.clamp(min=0), mask)
        return loss, emissions

    @torch.no_grad()
    def decode(self, input_ids, bigram_ids, word_tag_ids, attention_mask, heads: list[str]) -> dict[str, list[list[int]]]:
        """Best tag ids per head, from one shared encoding."""
        hidden = self.encode(input_ids, bigram_ids, word_tag_ids)
        mask = attention_mask.bool()
        return {head: self.crf[head].decode(self.emit[head](hidden), mask) for head in heads}


class CharNerNetwork(CharNerLayers, nn.Module):
    """The plain-torch network hynlp trains and runs."""

    def __init__(self, shape: NetworkShape, initialize: bool = True):
        nn.Module.__init__(self)
        self.shape = shape
        self.build_layers(shape)
        # Weights about to be loaded need no initialization of ours. (Building on
        # torch's meta device would skip torch's too, but its first use costs ~1 s.)
        for module in self.modules() if initialize else ():
            if isinstance(module, nn.Embedding):
                nn.init.normal_(module.weight, std=0.1)
                with torch.no_grad():
                    module.weight[0].zero_()

    @property
    def heads(self) -> dict[str, list[str]]:
        return self.shape.heads

    def forward(self, input_ids, bigram_ids, word_tag_ids, attention_mask=None, labels=None, head: str = ""):
        return self.loss_and_emissions(input_ids, bigram_ids, word_tag_ids, attention_mask, labels,
                                       head or next(iter(self.shape.heads)))

    @classmethod
    def load(cls, folder: str | Path) -> CharNerNetwork:
        """From a directory ``save_pretrained`` wrote: config.json and model.safetensors."""
        from safetensors.torch import load_file

        folder = Path(folder)
        shape = NetworkShape.of(json.loads((folder / "config.json").read_text(encoding="utf-8")))
        network = cls(shape, initialize=False)
        network.load_state_dict(load_file(str(folder / "model.safetensors")), assign=True)
        return network.eval()
