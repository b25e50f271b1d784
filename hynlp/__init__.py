"""hynlp: structured facts from Chinese government and local news.

>>> import hynlp
>>> sorted(hynlp.__all__)[:4]
['Article', 'Entity', 'ExtractionResult', 'Figure']
"""

from hynlp.config import PIPELINE_VERSION, PipelineConfig
from hynlp.normalize import NormalizedText, normalize
from hynlp.records import Article, Entity, ExtractionResult, Figure, Official, Repair

__version__ = PIPELINE_VERSION


def load(config: PipelineConfig | None = None, *, ner_model: str | None = None):
    """The default pipeline (see :func:`hynlp.pipeline.load`)."""
    from hynlp.pipeline import load as _load

    return _load(config, ner_model=ner_model)


def open_store(target="hynlp.sqlite"):
    """Open a SQLite file or PostgreSQL URL (see :func:`hynlp.store.open_store`)."""
    from hynlp.store import open_store as _open

    return _open(target)


def extract_paths(paths, **options):
    """Batch extraction into a store or JSONL (see :func:`hynlp.api.extract_paths`)."""
    from hynlp.api import extract_paths as _extract

    return _extract(paths, **options)


__all__ = [
    "Article", "Entity", "ExtractionResult", "Figure", "NormalizedText", "Official",
    "PipelineConfig", "Repair", "__version__", "extract_paths", "load", "normalize", "open_store",
]
