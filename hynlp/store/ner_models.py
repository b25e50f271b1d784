"""Saving and loading NER model directories.

A directory holds what ``save_pretrained`` writes (``config.json``,
``model.safetensors``), our ``vocab.json``, ``training.json`` (the training
configuration, data files with their SHA-256, metrics, time and hardware)
and the model card ``README.md``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from hynlp.errors import ModelDependencyMissing, ModelNotFound, ModelNotSupported

VOCAB_FILE = "vocab.json"
TRAINING_FILE = "training.json"
CARD_FILE = "README.md"


def import_network():
    """Our torch network module, or a coded error naming what to install."""
    try:
        from hynlp.ner import network
    except ImportError as error:
        raise ModelDependencyMissing(f"cannot import torch: {error}") from error
    return network


def save_ner_model(folder: str | Path, network, vocab, training: dict, card: str) -> Path:
    """The directory ``save_pretrained`` writes for the network's ``transformers`` twin, plus ours."""
    from hynlp.ner.model import CharNerForTokenClassification

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    CharNerForTokenClassification.from_network(network).save_pretrained(folder)
    (folder / VOCAB_FILE).write_text(json.dumps(vocab.to_json(), ensure_ascii=False), encoding="utf-8")
    (folder / TRAINING_FILE).write_text(json.dumps(training, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / CARD_FILE).write_text(card, encoding="utf-8")
    return folder


def resolve_model_path(name_or_path: str | Path) -> Path:
    """A directory as given, or the shipped model's directory for its name."""
    from hynlp.ner import DEFAULT_MODEL_NAME, default_model_path

    if str(name_or_path) == DEFAULT_MODEL_NAME and not Path(name_or_path).exists():
        return default_model_path()
    return Path(name_or_path)


def load_ner_model(folder: str | Path, device: str | None = None):
    """A :class:`~hynlp.ner.tagger.NerModel` from a directory ``save_ner_model`` wrote."""
    folder = Path(folder)
    if not (folder / "config.json").is_file():
        raise ModelNotFound(f"no model directory with a config.json at {folder}")
    network = import_network()
    from hynlp.ner.features import Vocab
    from hynlp.ner.tagger import NerModel

    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    if config.get("model_type") != network.MODEL_TYPE:
        return load_foreign_model(folder, config, device)
    if not (folder / VOCAB_FILE).is_file():
        raise ModelNotSupported(f"{folder} has no {VOCAB_FILE}: save hynlp models with `hynlp train ner`")
    model = network.CharNerNetwork.load(folder)
    vocab = Vocab.from_json(json.loads((folder / VOCAB_FILE).read_text(encoding="utf-8")))
    return NerModel(model, vocab, device=device)


def load_foreign_model(folder: Path, config: dict, device: str | None):
    """Another token-classification model, with the tokenizer saved beside it."""
    try:
        from hynlp.ner.foreign import ForeignModel
    except ImportError as error:
        raise ModelDependencyMissing(f"cannot import torch: {error}") from error

    if "ForTokenClassification" not in " ".join(config.get("architectures") or []):
        raise ModelNotSupported(f"{folder} holds a {config.get('model_type')!r} model that is not a token "
                                f"classifier (architectures: {config.get('architectures')})")
    try:
        return ForeignModel(folder, device=device)
    except ImportError as error:
        raise ModelDependencyMissing(f"cannot import transformers: {error}") from error
    except (OSError, ValueError) as error:
        raise ModelNotSupported(f"{folder}: transformers cannot load it as a token classifier ({error})") from error


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
