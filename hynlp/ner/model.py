"""The NER model as a ``transformers`` model class: character + bigram + word-boundary
embeddings, a BiLSTM encoder, and one CRF head per label scheme.

It is a ``PreTrainedModel``, so ``save_pretrained``/``from_pretrained`` give
the usual directory (``config.json`` + ``model.safetensors``), and after
``import hynlp.ner.model`` the Auto classes know ``model_type`` ``hynlp-char-ner``.

>>> config = CharNerConfig(char_vocab_size=10, bigram_vocab_size=10, heads={"msra": ["O", "B-PER", "I-PER"]})
>>> model = CharNerForTokenClassification(config)
>>> import torch
>>> ids = torch.tensor([[2, 3, 4]])
>>> out = model(input_ids=ids, bigram_ids=torch.tensor([[2, 3, 4, 5]]), word_tag_ids=torch.tensor([[1, 2, 3]]))
>>> tuple(out.logits.shape)
(1, 3, 3)
"""

from __future__ import annotations

import torch
from torch import nn
from transformers import AutoConfig, AutoModelForTokenClassification, PretrainedConfig, PreTrainedModel
from transformers.modeling_outputs import TokenClassifierOutput

from hynlp.ner.crf import CRF

MODEL_TYPE = "hynlp-char-ner"


class CharNerConfig(PretrainedConfig):
    model_type = MODEL_TYPE

    def __init__(self, char_vocab_size: int = 8000, bigram_vocab_size: int = 100_000, char_dim: int = 128,
                 bigram_dim: int = 64, word_tag_dim: int = 16, hidden_size: int = 192, num_layers: int = 1,
                 dropout: float = 0.3, heads: dict[str, list[str]] | None = None, **kwargs):
        self.char_vocab_size = char_vocab_size
        self.bigram_vocab_size = bigram_vocab_size
        self.char_dim = char_dim
        self.bigram_dim = bigram_dim
        self.word_tag_dim = word_tag_dim
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.dropout = dropout
        self.heads = heads or {"msra": ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]}
        first = next(iter(self.heads.values()))
        kwargs.setdefault("id2label", dict(enumerate(first)))  # what generic token-classification tools read
        super().__init__(**kwargs)


class CharNerForTokenClassification(PreTrainedModel):
    config_class = CharNerConfig
    base_model_prefix = "char_ner"
    main_input_name = "input_ids"

    def __init__(self, config: CharNerConfig):
        super().__init__(config)
        self.chars = nn.Embedding(config.char_vocab_size, config.char_dim, padding_idx=0)
        self.bigrams = nn.Embedding(config.bigram_vocab_size, config.bigram_dim, padding_idx=0)
        self.word_tags = nn.Embedding(5, config.word_tag_dim, padding_idx=0)
        width = config.char_dim + 2 * config.bigram_dim + config.word_tag_dim
        self.dropout = nn.Dropout(config.dropout)
        self.encoder = nn.LSTM(width, config.hidden_size, num_layers=config.num_layers, batch_first=True,
                               bidirectional=True, dropout=config.dropout if config.num_layers > 1 else 0.0)
        self.emit = nn.ModuleDict({name: nn.Linear(2 * config.hidden_size, len(labels))
                                   for name, labels in config.heads.items()})
        self.crf = nn.ModuleDict({name: CRF(labels) for name, labels in config.heads.items()})
        self.post_init()

    def _init_weights(self, module: nn.Module) -> None:
        if isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, std=0.1)
            if module.padding_idx is not None:
                with torch.no_grad():
                    module.weight[module.padding_idx].zero_()

    def encode(self, input_ids, bigram_ids, word_tag_ids) -> torch.Tensor:
        """Hidden states, one per character. ``bigram_ids`` has one more column than ``input_ids``."""
        pieces = [self.chars(input_ids), self.bigrams(bigram_ids[:, :-1]), self.bigrams(bigram_ids[:, 1:]),
                  self.word_tags(word_tag_ids)]
        hidden, _ = self.encoder(self.dropout(torch.cat(pieces, dim=-1)))
        return self.dropout(hidden)

    def forward(self, input_ids, bigram_ids, word_tag_ids, attention_mask=None, labels=None,
                head: str | None = None, **_) -> TokenClassifierOutput:
        head = head or next(iter(self.config.heads))
        mask = attention_mask.bool() if attention_mask is not None else torch.ones_like(input_ids, dtype=torch.bool)
        emissions = self.emit[head](self.encode(input_ids, bigram_ids, word_tag_ids))
        loss = None
        if labels is not None:
            loss = self.crf[head].neg_log_likelihood(emissions, labels.clamp(min=0), mask)
        return TokenClassifierOutput(loss=loss, logits=emissions)

    @torch.no_grad()
    def decode(self, input_ids, bigram_ids, word_tag_ids, attention_mask, heads: list[str]) -> dict[str, list[list[int]]]:
        """Best tag ids per head, from one shared encoding."""
        hidden = self.encode(input_ids, bigram_ids, word_tag_ids)
        mask = attention_mask.bool()
        return {head: self.crf[head].decode(self.emit[head](hidden), mask) for head in heads}


AutoConfig.register(MODEL_TYPE, CharNerConfig, exist_ok=True)
AutoModelForTokenClassification.register(CharNerConfig, CharNerForTokenClassification, exist_ok=True)
