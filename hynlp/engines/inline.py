"""Extraction in this process: the engine for ``--workers 1`` and for notebooks."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import TracebackType

from hynlp.config import PipelineConfig
from hynlp.engines.work import Outcome, WorkItem, process_item
from hynlp.pipeline import Pipeline


class InlineEngine:
    """Runs one pipeline here, document by document; same interface as WorkerPool."""

    def __init__(self, pipeline: Pipeline | PipelineConfig | None = None):
        self.pipeline = pipeline if isinstance(pipeline, Pipeline) else Pipeline(pipeline)

    def map(self, items: Iterable[WorkItem]) -> Iterator[Outcome]:
        for item in items:
            yield process_item(item, self.pipeline)

    def drain(self) -> Iterator[Outcome]:
        """Nothing is in flight here: every outcome was handed out as it was made."""
        return iter(())

    def __enter__(self) -> InlineEngine:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        return None
