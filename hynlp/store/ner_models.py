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


def import_model_classes():
    """Our model module, or a coded error naming the extra to install."""
    try:
        from hynlp.ner import model
    except ImportError as error:
        raise ModelDependencyMissing(f"cannot import torch/transformers: {error}") from error
    return model


def save_ner_model(folder: str | Path, model, vocab, training: dict, card: str) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder)
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
    model_module = import_model_classes()
    from hynlp.ner.features import Vocab
    from hynlp.ner.tagger import NerModel

    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    if config.get("model_type") != model_module.MODEL_TYPE:
        return load_foreign_model(folder, config, device)
    if not (folder / VOCAB_FILE).is_file():
        raise ModelNotSupported(f"{folder} has no {VOCAB_FILE}: save hynlp models with `hynlp train ner`")
    model = model_module.CharNerForTokenClassification.from_pretrained(folder)
    vocab = Vocab.from_json(json.loads((folder / VOCAB_FILE).read_text(encoding="utf-8")))
    return NerModel(model, vocab, device=device)


def load_foreign_model(folder: Path, config: dict, device: str | None):
    """Another token-classification model, with the tokenizer saved beside it."""
    from hynlp.ner.foreign import ForeignModel

    if "ForTokenClassification" not in " ".join(config.get("architectures") or []):
        raise ModelNotSupported(f"{folder} holds a {config.get('model_type')!r} model that is not a token "
                                f"classifier (architectures: {config.get('architectures')})")
    try:
        return ForeignModel(folder, device=device)
    except (OSError, ValueError) as error:
        raise ModelNotSupported(f"{folder}: transformers cannot load it as a token classifier ({error})") from error


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
