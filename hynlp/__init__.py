"""hynlp: structured facts from Chinese government and local news.

The public API is ``__all__``; everything else may change between releases.

>>> import hynlp
>>> [name for name in hynlp.__all__ if name[0].islower()]  # functions; the rest are classes
['extract_paths', 'load', 'normalize', 'open_store']
"""

from types import MappingProxyType

from hynlp.config import PIPELINE_VERSION, PipelineConfig
from hynlp.errors import HynlpError
from hynlp.lazy import lazy_exports
from hynlp.normalize import NormalizedText, normalize
from hynlp.records import Article, Entity, ErrorRecord, ExtractionResult, Figure, Official, Repair, Sentence

__version__ = PIPELINE_VERSION

# Public classes whose modules load spaCy, jieba, SQLAlchemy or pandas are
# imported on first use, so `import hynlp` stays fast (PEP 562).
_LAZY = MappingProxyType({
    "Pipeline": "hynlp.pipeline",
    "ProjectFrames": "hynlp.store.projects",
    "ResultFrames": "hynlp.frames",
    "Store": "hynlp.store.store",
})
__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())


def load(config: PipelineConfig | None = None, *, ner_model: str | None = None, rules_only: bool = False):
    """The default pipeline (see :func:`hynlp.pipeline.load`): ``nlp = hynlp.load()``."""
    from hynlp.pipeline import load as _load

    return _load(config, ner_model=ner_model, rules_only=rules_only)


def open_store(target="hynlp.sqlite", *, create: bool = True):
    """Open a SQLite file or PostgreSQL URL (see :func:`hynlp.store.open_store`)."""
    from hynlp.store import open_store as _open

    return _open(target, create=create)


def extract_paths(paths, **options):
    """Batch extraction into a store or JSONL (see :func:`hynlp.api.extract_paths`)."""
    from hynlp.api import extract_paths as _extract

    return _extract(paths, **options)


__all__ = [
    "Article", "Entity", "ErrorRecord", "ExtractionResult", "Figure", "HynlpError", "NormalizedText",
    "Official", "Pipeline", "PipelineConfig", "ProjectFrames", "Repair", "ResultFrames", "Sentence",
    "Store", "__version__", "extract_paths", "load", "normalize", "open_store",
]
