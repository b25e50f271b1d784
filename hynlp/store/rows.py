"""Conversion between :class:`~hynlp.records.ExtractionResult` and table rows.

Columns are named after record fields (see :mod:`hynlp.store.tables`), so the
conversion is field by field in both directions and needs no per-field code.

>>> from hynlp.records import Article
>>> result = ExtractionResult(article=Article(doc_id="a1", raw_sha256="0" * 64, text="项目"),
...                           sentences=[Sentence(index=0, start=0, end=2)],
...                           pipeline_version="0.1.0", config_hash="c" * 16)
>>> child_rows(result)["sentences"]
[{'idx': 0, 'index': 0, 'start': 0, 'end': 2}]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from types import MappingProxyType

from pydantic import BaseModel

from hynlp.records import Article, Entity, ErrorRecord, ExtractionResult, Figure, Official, Sentence
from hynlp.store.tables import source_key

# Child table name -> the record class of its rows (also the ExtractionResult field name).
RECORD_CLASSES: Mapping[str, type[BaseModel]] = MappingProxyType({
    "sentences": Sentence,
    "entities": Entity,
    "figures": Figure,
    "officials": Official,
})


def article_row(result: ExtractionResult, run_id: str | None, now: datetime) -> dict:
    """The articles row of a result (without the generated ``id``)."""
    return {
        **result.article.model_dump(),
        "source_key": source_key(result.article.source),
        "pipeline_version": result.pipeline_version,
        "config_hash": result.config_hash,
        "run_id": run_id,
        "created_at": now,
    }


def child_rows(result: ExtractionResult) -> dict[str, list[dict]]:
    """Rows of every child table, keyed by table name, without ``article_id``."""
    # One dump of the whole result, not one per record: pydantic's Python
    # wrapper around each model_dump cost more than the dumping itself.
    dumped = result.model_dump(include=set(RECORD_CLASSES))
    return {name: [{"idx": idx, **row} for idx, row in enumerate(dumped[name])] for name in RECORD_CLASSES}


def error_row(err: ErrorRecord, pipeline_version: str, run_id: str | None, now: datetime) -> dict:
    return {
        **err.model_dump(),
        "source_key": source_key(err.source),
        "pipeline_version": pipeline_version,
        "run_id": run_id,
        "created_at": now,
    }


def result_from_rows(article: Mapping, children: Mapping[str, Sequence[Mapping]]) -> ExtractionResult:
    """Rebuild a result from its articles row and its child rows (each list in ``idx`` order)."""
    return ExtractionResult(
        article=_record(Article, article),
        pipeline_version=article["pipeline_version"],
        config_hash=article["config_hash"],
        **{
            name: [_record(cls, row) for row in children.get(name, ())]
            for name, cls in RECORD_CLASSES.items()
        },
    )


def _record(cls: type[BaseModel], row: Mapping) -> BaseModel:
    return cls.model_validate({field: row[field] for field in cls.model_fields})
