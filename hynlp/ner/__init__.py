"""The statistical NER model: data, features, the model class, training, scoring and tagging.

torch and transformers are imported only by the modules that need them, so
the rules-only pipeline runs without them.
"""

from pathlib import Path

DEFAULT_MODEL_NAME = "hynlp-ner-small"


def default_model_path() -> Path:
    """The model shipped in the repository's ``models/`` folder."""
    return Path(__file__).resolve().parents[2] / "models" / DEFAULT_MODEL_NAME
