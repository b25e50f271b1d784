"""Batch extraction over files and archives into a store or a JSONL file.

A bad document never stops the batch: it becomes an error record naming its
file/row and the coded error. Documents whose content hash and pipeline
version are already stored are skipped, so a run can simply be repeated.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from hynlp.config import PIPELINE_VERSION
from hynlp.errors import HynlpError
from hynlp.pipeline import Pipeline
from hynlp.records import ErrorRecord, ExtractionResult, sha256_text
from hynlp.store.inputs import Columns, InputDoc, InputError, iter_inputs

BATCH_SIZE = 32
Progress = Callable[["BatchSummary"], None]


class Sink(Protocol):
    def write(self, results: Iterable[ExtractionResult]) -> int: ...
    def write_error(self, error: ErrorRecord) -> None: ...


@dataclass
class BatchSummary:
    """What a batch did; printed by the CLI, returned by the API."""

    inputs: int = 0
    articles: int = 0
    skipped: int = 0
    errors: int = 0
    chars: int = 0
    seconds: float = 0.0
    entities_by_type: Counter = field(default_factory=Counter)
    figures_by_kind: Counter = field(default_factory=Counter)
    error_codes: Counter = field(default_factory=Counter)

    def count(self, result: ExtractionResult) -> None:
        self.articles += 1
        self.chars += len(result.article.text)
        self.entities_by_type.update(e.type for e in result.entities)
        self.figures_by_kind.update(f.kind for f in result.figures)

    def as_dict(self) -> dict:
        return {
            "inputs": self.inputs, "articles": self.articles, "skipped": self.skipped,
            "errors": self.errors, "chars": self.chars, "seconds": round(self.seconds, 3),
            "entities_by_type": dict(sorted(self.entities_by_type.items())),
            "figures_by_kind": dict(sorted(self.figures_by_kind.items())),
            "error_codes": dict(self.error_codes),
        }


def extract(paths: Iterable[str | Path], sink: Sink, pipeline: Pipeline, *,
            columns: Columns = Columns(), is_done: Callable[[InputDoc, str], bool] | None = None,
            progress: Progress | None = None, batch_size: int = BATCH_SIZE) -> BatchSummary:
    """Run ``pipeline`` over every document under ``paths`` and write to ``sink``."""
    summary = BatchSummary()
    started = time.perf_counter()
    pending: list[ExtractionResult] = []
    for item in _unique_ids(iter_inputs(paths, columns)):
        summary.inputs += 1
        outcome = _process(item, pipeline, is_done)
        if outcome is None:
            summary.skipped += 1
        elif isinstance(outcome, ErrorRecord):
            sink.write_error(outcome)
            summary.errors += 1
            summary.error_codes[outcome.code] += 1
        else:
            pending.append(outcome)
            summary.count(outcome)
        if len(pending) >= batch_size:
            sink.write(pending)
            pending = []
        summary.seconds = time.perf_counter() - started
        if progress is not None:
            progress(summary)
    if pending:
        sink.write(pending)
    summary.seconds = time.perf_counter() - started
    return summary


def _process(item: InputDoc | InputError, pipeline: Pipeline,
             is_done: Callable[[InputDoc, str], bool] | None) -> ExtractionResult | ErrorRecord | None:
    if isinstance(item, InputError):
        return ErrorRecord(doc_id=item.doc_id, source=item.source, code=item.error.code,
                           message=item.error.message)
    content_hash = sha256_text(item.raw)
    if is_done is not None and is_done(item, content_hash):
        return None
    try:
        return pipeline(item.raw, doc_id=item.doc_id, source=item.source,
                        title=item.fields.get("title"), published=item.fields.get("published"))
    except HynlpError as error:
        return ErrorRecord(doc_id=item.doc_id, source=item.source, code=error.code,
                           message=error.message, raw_sha256=content_hash)


def _unique_ids(items: Iterator[InputDoc | InputError]) -> Iterator[InputDoc | InputError]:
    """File stems can repeat across folders: later ones get their path as id."""
    seen: set[str] = set()
    for item in items:
        if item.doc_id in seen and isinstance(item, InputDoc):
            item = InputDoc(str(Path(item.source).with_suffix("")), item.source, item.raw, item.fields)
        seen.add(item.doc_id)
        yield item


def store_is_done(store) -> Callable[[InputDoc, str], bool]:
    """An ``is_done`` check backed by a store's finished keys."""
    from hynlp.store import DoneKey

    keys = store.done_keys()

    def check(item: InputDoc, content_hash: str) -> bool:
        return DoneKey(item.doc_id, item.source, content_hash, PIPELINE_VERSION) in keys

    return check
