"""pandas DataFrames of extraction results, without a store.

``result.to_frame()`` and :func:`results_frames` give one DataFrame per kind
of record. Their columns are the store's frames (``store.figures()``,
``store.entities()``, ``store.officials()``) without the store's internal
``article_id``: ``doc_id``, ``article_source``, ``published``, ``idx`` (the
record's position in its article) and then the record's fields. So results
from ``nlp.pipe(...)`` and results read from a store analyse the same way.
Figure values stay exact :class:`~decimal.Decimal` objects.

>>> from hynlp.records import Article, Repair
>>> article = Article(doc_id="a1", raw_sha256="0" * 64, text="项目",
...                   repairs=[Repair(kind="script", raw_start=0, raw_end=2, before="項目", after="项目")])
>>> result = ExtractionResult(article=article, pipeline_version="0.1.0", config_hash="c" * 16)
>>> frames = results_frames([result])
>>> frames.repairs[["doc_id", "kind", "before", "after"]].to_dict("records")
[{'doc_id': 'a1', 'kind': 'script', 'before': '項目', 'after': '项目'}]
>>> len(frames.figures), list(frames.figures.columns[:5])
(0, ['doc_id', 'article_source', 'published', 'idx', 'kind'])
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from types import MappingProxyType

import pandas as pd
from pydantic import BaseModel

from hynlp.records import Entity, ExtractionResult, Figure, Official, Repair

# The article columns every frame leads with, named as in the store's frames.
ARTICLE_COLUMNS = ("doc_id", "article_source", "published")


@dataclass(frozen=True)
class ResultFrames:
    """One DataFrame per kind of record: entities, figures, officials, repairs."""

    entities: pd.DataFrame
    figures: pd.DataFrame
    officials: pd.DataFrame
    repairs: pd.DataFrame

    def as_dict(self) -> dict[str, pd.DataFrame]:
        return {field.name: getattr(self, field.name) for field in fields(self)}


# Frame name -> the record class of its rows.
_RECORDS: MappingProxyType[str, type[BaseModel]] = MappingProxyType({
    "entities": Entity, "figures": Figure, "officials": Official, "repairs": Repair,
})


def results_frames(results: Iterable[ExtractionResult]) -> ResultFrames:
    """The records of all ``results`` as DataFrames, in result order."""
    rows: dict[str, list[dict]] = {name: [] for name in _RECORDS}
    for result in results:
        article = result.article
        lead = {"doc_id": article.doc_id, "article_source": article.source, "published": article.published}
        for name in _RECORDS:
            records = article.repairs if name == "repairs" else getattr(result, name)
            rows[name] += [{**lead, "idx": idx, **record.model_dump()} for idx, record in enumerate(records)]
    return ResultFrames(**{
        name: pd.DataFrame(rows[name], columns=[*ARTICLE_COLUMNS, "idx", *cls.model_fields])
        for name, cls in _RECORDS.items()
    })
