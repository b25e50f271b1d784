"""Batch extraction over files and archives into a store or a JSONL file.

A bad document never stops the batch: it becomes an error record naming its
file/row and the coded error. Inputs are read as a stream and checked
against the store a chunk at a time (``skip``), so a run can simply be
repeated or resumed and memory stays flat whatever the archive's size.
Where the pipeline runs is the engine's business (see :mod:`hynlp.engines`).

Ctrl-C stops a batch cleanly: the outcomes already computed are written,
then :class:`BatchInterrupted` (a KeyboardInterrupt) carries the summary out.
"""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from hynlp.config import PIPELINE_VERSION, PipelineConfig
from hynlp.engines.work import MAX_DOC_BYTES, Outcome, Stored, WorkItem, batched, prepare
from hynlp.records import ErrorRecord, ExtractionResult
from hynlp.store.inputs import (Columns, InputDoc, InputError, count_documents, input_files, is_single_document,
                                read_file)
from hynlp.store.reader import DoneKey

if TYPE_CHECKING:
    from hynlp.store import Store

BATCH_SIZE = 32
CHECK_CHUNK = 64
Progress = Callable[["BatchSummary"], None]
SkipCheck = Callable[[list[DoneKey]], set[DoneKey]]


class Sink(Protocol):
    def write(self, results: Iterable[ExtractionResult]) -> int: ...
    def write_error(self, error: ErrorRecord) -> None: ...


class Engine(Protocol):
    def map(self, items: Iterable[WorkItem]) -> Iterator[Outcome]: ...
    def drain(self) -> Iterator[Outcome]: ...


@dataclass
class BatchSummary:
    """What a batch did; printed by the CLI, returned by the API.

    ``inputs`` counts documents finished so far (articles + errors + skipped);
    ``total`` is how many there are, when cheap to know (folders of files).
    """

    inputs: int = 0
    articles: int = 0
    skipped: int = 0
    errors: int = 0
    chars: int = 0
    seconds: float = 0.0
    total: int | None = None
    run_id: str | None = None
    resumed: bool = False
    interrupted: bool = False
    entities_by_type: Counter = field(default_factory=Counter)
    figures_by_kind: Counter = field(default_factory=Counter)
    error_codes: Counter = field(default_factory=Counter)

    def count(self, result: ExtractionResult | Stored) -> None:
        if isinstance(result, ExtractionResult):
            result = Stored.of(result)
        self.articles += 1
        self.chars += result.chars
        self.entities_by_type.update(result.entity_types)
        self.figures_by_kind.update(result.figure_kinds)

    def count_error(self, code: str) -> None:
        self.errors += 1
        self.error_codes[code] += 1

    def counts(self) -> dict[str, int]:
        """The integer counts, as recorded with the run."""
        return {"inputs": self.inputs, "articles": self.articles, "skipped": self.skipped,
                "errors": self.errors, "chars": self.chars}

    def as_dict(self) -> dict:
        return {
            **self.counts(), "seconds": round(self.seconds, 3), "total": self.total,
            "run_id": self.run_id, "resumed": self.resumed, "interrupted": self.interrupted,
            "entities_by_type": dict(sorted(self.entities_by_type.items())),
            "figures_by_kind": dict(sorted(self.figures_by_kind.items())),
            "error_codes": dict(self.error_codes),
        }


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped the batch after writing what was done; ``summary`` says what that was."""

    def __init__(self, summary: BatchSummary):
        super().__init__("batch interrupted")
        self.summary = summary


def extract(paths: Iterable[str | Path], sink: Sink, engine: Engine, *, columns: Columns = Columns(),
            skip: SkipCheck | None = None, progress: Progress | None = None,
            batch_size: int = BATCH_SIZE, max_doc_bytes: int = MAX_DOC_BYTES) -> BatchSummary:
    """Run ``engine`` over every document under ``paths`` and write the outcomes to ``sink``.

    ``skip`` answers, for a chunk of inputs' keys, which are already done.
    """
    paths = list(paths)
    summary = BatchSummary(total=count_documents(paths) if progress is not None else None)
    recorder = Recorder(sink, summary, progress, batch_size)
    try:
        work = _pending_work(iter_documents(paths, columns), recorder, skip, max_doc_bytes)
        for outcome in engine.map(work):
            recorder.record(outcome)
    except KeyboardInterrupt:
        with interrupts_deferred():  # a second Ctrl-C waits for what is done to be kept
            for outcome in engine.drain():
                recorder.record(outcome)
        recorder.flush()
        summary.interrupted = True
        raise BatchInterrupted(summary) from None
    recorder.flush()
    return summary


class Recorder:
    """Writes outcomes to a sink in batches and keeps the summary and progress current."""

    def __init__(self, sink: Sink, summary: BatchSummary, progress: Progress | None,
                 batch_size: int = BATCH_SIZE):
        self.sink, self.summary, self.progress, self.batch_size = sink, summary, progress, batch_size
        self._pending: list[ExtractionResult] = []
        self._started = time.perf_counter() - summary.seconds

    def record(self, outcome: Outcome) -> None:
        with interrupts_deferred():  # an outcome is kept and counted together, or neither
            self._record(outcome)

    def _record(self, outcome: Outcome) -> None:
        if isinstance(outcome, Stored):  # a worker wrote it already
            if outcome.error_code is not None:
                self.summary.count_error(outcome.error_code)
            else:
                self.summary.count(outcome)
        elif isinstance(outcome, ErrorRecord):
            self.sink.write_error(outcome)
            self.summary.count_error(outcome.code)
        else:
            self._pending.append(outcome)
            self.summary.count(outcome)
            if len(self._pending) >= self.batch_size:
                self.flush()
        self._tick()

    def skip(self) -> None:
        with interrupts_deferred():
            self.summary.skipped += 1
            self._tick()

    def flush(self) -> None:
        if self._pending:
            self.sink.write(self._pending)
            self._pending = []
        self.summary.seconds = time.perf_counter() - self._started

    def _tick(self) -> None:
        self.summary.inputs += 1
        self.summary.seconds = time.perf_counter() - self._started
        if self.progress is not None:
            self.progress(self.summary)


@contextmanager
def interrupts_deferred():
    """Hold a Ctrl-C that arrives inside the block and raise it at the end.

    A KeyboardInterrupt between "result kept for writing" and "input counted"
    would store an article the summary does not count; deferring it makes
    the pair atomic. Only the main thread receives signals, so elsewhere
    this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


class RunSink:
    """Writes a store's results and errors under one run id: a new run, or with
    ``resume`` the latest unfinished run of this configuration when there is one.

    The run is finished only when the batch ends; a killed or interrupted run
    stays unfinished, which is what ``resume`` looks for. The counts recorded
    with a finished run are those of its last invocation (skipped included).
    """

    def __init__(self, store: Store, config: PipelineConfig, resume: bool):
        self.store = store
        unfinished = store.unfinished_run(config.hash(), PIPELINE_VERSION) if resume else None
        self.resumed = unfinished is not None
        self.run_id = unfinished or store.start_run(config.model_dump_json(), config.hash(), PIPELINE_VERSION)

    def write(self, results):
        return self.store.write(results, run_id=self.run_id)

    def write_error(self, error):
        self.store.write_error(error, run_id=self.run_id)

    def finish(self, summary: BatchSummary) -> BatchSummary:
        self._label(summary)
        self.store.finish_run(self.run_id, summary.counts())
        return summary

    def __enter__(self) -> RunSink:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if isinstance(exc, BatchInterrupted):
            self._label(exc.summary)

    def _label(self, summary: BatchSummary) -> None:
        summary.run_id, summary.resumed = self.run_id, self.resumed


def _pending_work(documents: Iterator[InputDoc | InputError], recorder: Recorder,
                  skip: SkipCheck | None, max_doc_bytes: int) -> Iterator[WorkItem]:
    """The documents that need the pipeline. Unreadable, oversized and already
    done ones are recorded here, as the engine pulls, so memory stays flat."""
    for chunk in batched(documents, CHECK_CHUNK):
        prepared = [prepare(document, max_doc_bytes) for document in chunk]
        items = [item for item in prepared if isinstance(item, WorkItem)]
        done = skip([done_key(item) for item in items]) if skip is not None and items else set()
        for item in prepared:
            if isinstance(item, ErrorRecord):
                recorder.record(item)
            elif done_key(item) in done:
                recorder.skip()
            else:
                yield item


def done_key(item: WorkItem) -> DoneKey:
    return DoneKey(item.doc_id, item.source, item.raw_sha256, PIPELINE_VERSION)


def iter_documents(paths: Iterable[str | Path], columns: Columns = Columns()) -> Iterator[InputDoc | InputError]:
    """Every input under ``paths``, with unique ids for single-document files."""
    for path, doc_id in file_doc_ids(input_files(paths)):
        yield from with_doc_id(read_file(path, columns), doc_id)


def file_doc_ids(files: Iterable[Path]) -> Iterator[tuple[Path, str | None]]:
    """Each file with the doc_id of its document: the file stem, or, when an
    earlier file had that stem, the path without suffix. None for archives,
    whose rows carry their own ids."""
    seen: set[str] = set()
    for path in files:
        if not is_single_document(path):
            yield path, None
            continue
        doc_id = path.stem if path.stem not in seen else str(path.with_suffix(""))
        seen.add(doc_id)
        yield path, doc_id


def with_doc_id(items: Iterable[InputDoc | InputError], doc_id: str | None) -> Iterator[InputDoc | InputError]:
    for item in items:
        if doc_id is None or item.doc_id == doc_id:
            yield item
        elif isinstance(item, InputDoc):
            yield InputDoc(doc_id, item.source, item.raw, item.fields)
        else:
            yield InputError(doc_id, item.source, item.error)
