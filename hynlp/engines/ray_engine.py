"""Extraction on a Ray cluster with Ray Data: ``hynlp extract … --engine ray [--address auto]``.

* Reading: the driver lists the input files (paths only, with the local
  engine's document ids); ``map_batches`` hands them to an actor pool, and
  each actor reads its files with the local engine's reader (encodings, HTML
  bodies, archive rows streamed in pieces, bad rows as error rows).
* Extraction: each actor loads the pipeline once (with a GPU when the
  configuration names a NER model and the cluster has GPUs) and runs
  :func:`~hynlp.engines.work.process_item`, the local engine's per-document
  function, so results are equal.
* Output: outcomes stream back to the driver, which writes the store (or
  JSONL) exactly as a local run does: the same run ledger, skipping and
  ``--resume``. With ``parquet=DIR`` the actors' outcomes are written by Ray
  as one Parquet dataset instead, without passing through the driver.

Ray is an optional extra (``pip install 'hynlp[ray]'``); every node needs hynlp
installed in the same version.
"""

from __future__ import annotations

import json
import logging
import pickle
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from hynlp.batch import BatchSummary, Progress, Recorder, RunSink, file_doc_ids, with_doc_id
from hynlp.config import PIPELINE_VERSION, PipelineConfig
from hynlp.engines.work import MAX_DOC_BYTES, WorkItem, batched, prepare, process_item
from hynlp.errors import EngineUnavailable
from hynlp.records import ErrorRecord
from hynlp.store.inputs import Columns, count_documents, input_files, read_file
from hynlp.store.reader import DoneKey

FILES_PER_BATCH = 16
OUTPUT_ROWS = 64  # outcomes per table an actor yields: an archive file streams out in pieces
# The Parquet output's columns: one row per input document.
READABLE_SCHEMA = pa.schema([("doc_id", pa.string()), ("source", pa.string()), ("status", pa.string()),
                             ("code", pa.string()), ("message", pa.string()), ("raw_sha256", pa.string()),
                             ("pipeline_version", pa.string()), ("record", pa.string())])
# An outcome row's status: the document's result, its error row, or "already stored".
OK, ERROR, SKIPPED = "ok", "error", "skipped"


def extract_with_ray(paths: Iterable[str | Path], *, db: str | Path | None, jsonl: str | Path | None = None,
                     parquet: str | Path | None = None, columns: Columns = Columns(),
                     config: PipelineConfig | None = None, progress: Progress | None = None,
                     resume: bool = False, address: str | None = None, workers: int | None = None,
                     max_doc_bytes: int = MAX_DOC_BYTES) -> BatchSummary:
    """Run the pipeline over ``paths`` on Ray; write a store ``db``, a ``jsonl`` file or a ``parquet`` folder."""
    ray = import_ray()
    job = RayJob(config or PipelineConfig(), columns, max_doc_bytes, workers)
    paths = list(paths)
    connect(ray, address)
    files = files_dataset(ray, paths)
    if parquet is not None:
        return _write_parquet(ray, files, parquet, job)
    summary = BatchSummary(total=count_documents(paths) if progress is not None else None)
    if jsonl is not None:
        from hynlp.store.jsonl import JsonlSink

        sink = JsonlSink(jsonl, config_json=job.config.model_dump_json(), pipeline_version=PIPELINE_VERSION)
        try:
            _drain(ray, files, Recorder(sink, summary, progress), job, skip=frozenset())
        finally:
            sink.close()
        return summary
    from hynlp.store import open_store

    with open_store(db) as store, RunSink(store, job.config, resume) as sink:
        done = frozenset(store.done_keys(include_errors=resume))
        _drain(ray, files, Recorder(sink, summary, progress), job, skip=done)
        return sink.finish(summary)


@dataclass(frozen=True)
class RayJob:
    """What every actor needs to know; ``workers`` None means one actor per CPU of the cluster."""

    config: PipelineConfig
    columns: Columns
    max_doc_bytes: int
    workers: int | None


def import_ray():
    try:
        import ray
        import ray.data  # noqa: F401 - the Data library is the part hynlp uses
    except ImportError as exc:
        raise EngineUnavailable("--engine ray needs Ray Data, which is not installed",
                                hint="pip install 'hynlp[ray]'  (or: pip install 'ray[data]')") from exc
    return ray


def connect(ray, address: str | None) -> None:
    """Join the cluster at ``address`` ("auto": the one this machine belongs to), or
    start a local instance; a Ray already initialized in this process is used as it is."""
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, logging_level="WARNING")


def files_dataset(ray, paths: list[str | Path]):
    """One row per input file, with the doc_id of its document (None for archives)."""
    files = [{"path": str(path), "doc_id": doc_id} for path, doc_id in file_doc_ids(input_files(paths))]
    return ray.data.from_items(files, override_num_blocks=max(1, min(len(files), 200)))


class ExtractActor:
    """An actor of the pool: loads the pipeline once, then reads batches of
    files and yields their documents' outcomes, a bounded table at a time.

    Reading happens here rather than in a task stage before it: actors hold
    the CPUs, and tasks queued behind them would wait for ever.
    """

    def __init__(self, config_json: str, columns: Columns, max_doc_bytes: int, skip, readable: bool = False):
        import ray

        from hynlp.pipeline import Pipeline

        logging.getLogger("jieba").setLevel(logging.WARNING)  # start-up chatter, once per actor
        self.pipeline = Pipeline(PipelineConfig.model_validate_json(config_json))
        self.columns, self.max_doc_bytes, self.readable = columns, max_doc_bytes, readable
        # A set of many keys travels once through the object store, not with every batch.
        self.skip = ray.get(skip) if isinstance(skip, ray.ObjectRef) else skip

    def __call__(self, batch: pa.Table) -> Iterator[pa.Table]:
        for file in batch.to_pylist():
            documents = with_doc_id(read_file(Path(file["path"]), self.columns), file["doc_id"])
            for chunk in batched(documents, OUTPUT_ROWS):
                yield self._table([self._outcome(prepare(document, self.max_doc_bytes)) for document in chunk])

    def _outcome(self, prepared: WorkItem | ErrorRecord):
        if isinstance(prepared, ErrorRecord):
            return ERROR, prepared
        if DoneKey(prepared.doc_id, prepared.source, prepared.raw_sha256, PIPELINE_VERSION) in self.skip:
            return SKIPPED, None
        outcome = process_item(prepared, self.pipeline)
        return (ERROR if isinstance(outcome, ErrorRecord) else OK), outcome

    def _table(self, rows: list[tuple[str, object]]) -> pa.Table:
        if self.readable:
            return pa.Table.from_pylist([readable_row(*row) for row in rows], schema=READABLE_SCHEMA)
        return pa.table({"status": [status for status, _ in rows],
                         "outcome": pa.array([pickle.dumps(outcome) for _, outcome in rows], pa.binary())})


def _outcomes(ray, files, job: RayJob, skip, readable: bool = False):
    """The outcome rows of every document, from the job's pool of actors."""
    size = job.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    gpus = 1 if job.config.entities.ner_model and ray.cluster_resources().get("GPU", 0) >= size else None
    return files.map_batches(
        ExtractActor, batch_size=FILES_PER_BATCH, batch_format="pyarrow", concurrency=size, num_gpus=gpus,
        fn_constructor_kwargs={"config_json": job.config.model_dump_json(), "columns": job.columns,
                               "max_doc_bytes": job.max_doc_bytes, "skip": ray.put(skip), "readable": readable})


def _drain(ray, files, recorder: Recorder, job: RayJob, skip) -> None:
    """Stream the outcomes to the driver and record them, like a local run."""
    for row in _outcomes(ray, files, job, skip).iter_rows():
        if row["status"] == SKIPPED:
            recorder.skip()
        else:
            recorder.record(pickle.loads(row["outcome"]))
    recorder.flush()


def readable_row(status: str, outcome) -> dict:
    """An outcome as a Parquet row; ``record`` is the JSONL contract's object as JSON text."""
    if isinstance(outcome, ErrorRecord):
        return {"doc_id": outcome.doc_id, "source": outcome.source, "status": status, "code": outcome.code,
                "message": outcome.message, "raw_sha256": outcome.raw_sha256,
                "pipeline_version": PIPELINE_VERSION, "record": None}
    return {"doc_id": outcome.article.doc_id, "source": outcome.article.source, "status": status,
            "code": None, "message": None, "raw_sha256": outcome.article.raw_sha256,
            "pipeline_version": outcome.pipeline_version,
            "record": json.dumps(outcome.to_record(), ensure_ascii=False)}


def _write_parquet(ray, files, out: str | Path, job: RayJob) -> BatchSummary:
    _outcomes(ray, files, job, frozenset(), readable=True).write_parquet(str(out))
    statuses = pq.read_table(str(out), columns=["status", "code"]).to_pydict()
    summary = BatchSummary(inputs=len(statuses["status"]))
    summary.articles = statuses["status"].count(OK)
    summary.errors = statuses["status"].count(ERROR)
    summary.error_codes = Counter(code for code in statuses["code"] if code is not None)
    return summary


