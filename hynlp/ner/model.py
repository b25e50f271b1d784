"""The NER network as a ``transformers`` model class.

:class:`CharNerForTokenClassification` has the layers of
:class:`~hynlp.ner.network.CharNerNetwork` under the same parameter names, so
``save_pretrained``/``from_pretrained`` give and read the usual directory
(``config.json`` + ``model.safetensors``), and after ``import
hynlp.ner.model`` the Auto classes know ``model_type`` ``hynlp-char-ner``.

>>> config = CharNerConfig(char_vocab_size=10, bigram_vocab_size=10, heads={"msra": ["O", "B-PER", "I-PER"]})
>>> model = CharNerForTokenClassification(config)
>>> import torch
>>> out = model(input_ids=torch.tensor([[2, 3, 4]]), bigram_ids=torch.tensor([[2, 3, 4, 5]]),
...             word_tag_ids=torch.tensor([[1, 2, 3]]))
>>> tuple(out.logits.shape)
(1, 3, 3)
"""

from __future__ import annotations

from torch import nn
from transformers import AutoConfig, AutoModelForTokenClassification, PretrainedConfig, PreTrainedModel
from transformers.modeling_outputs import TokenClassifierOutput

from hynlp.ner.network import MODEL_TYPE, CharNerLayers, CharNerNetwork, NetworkShape


class CharNerConfig(PretrainedConfig):
    model_type = MODEL_TYPE

    def __init__(self, **kwargs):
        shape = NetworkShape.of({k: kwargs.pop(k) for k in list(kwargs) if k in NetworkShape.__dataclass_fields__})
        for name, value in shape.as_dict().items():
            setattr(self, name, value)
        first = next(iter(shape.heads.values()))
        kwargs.setdefault("id2label", dict(enumerate(first)))  # what generic token-classification tools read
        super().__init__(**kwargs)


class CharNerForTokenClassification(CharNerLayers, PreTrainedModel):
    config_class = CharNerConfig
    base_model_prefix = "char_ner"
    main_input_name = "input_ids"

    def __init__(self, config: CharNerConfig):
        PreTrainedModel.__init__(self, config)
        self.build_layers(NetworkShape.of(config))
        self.post_init()

    @property
    def heads(self) -> dict[str, list[str]]:
        return self.config.heads

    def _init_weights(self, module: nn.Module) -> None:
        if isinstance(module, nn.Embedding):
            nn.init.normal_(module.weight, std=0.1)

    def forward(self, input_ids, bigram_ids, word_tag_ids, attention_mask=None, labels=None,
                head: str | None = None, **_) -> TokenClassifierOutput:
        loss, emissions = self.loss_and_emissions(input_ids, bigram_ids, word_tag_ids, attention_mask, labels,
                                                  head or next(iter(self.config.heads)))
        return TokenClassifierOutput(loss=loss, logits=emissions)

    @classmethod
    def from_network(cls, network: CharNerNetwork) -> CharNerForTokenClassification:
        model = cls(CharNerConfig(**network.shape.as_dict()))
        model.load_state_dict(network.state_dict())
        return model


AutoConfig.register(MODEL_TYPE, CharNerConfig, exist_ok=True)
AutoModelForTokenClassification.register(CharNerConfig, CharNerForTokenClassification, exist_ok=True)
