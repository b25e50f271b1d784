"""The public entry points: load a pipeline, extract archives, open a store."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from functools import partial
from pathlib import Path
from typing import Literal

from hynlp.batch import BatchSummary, Progress, RunSink, extract
from hynlp.config import PIPELINE_VERSION, PipelineConfig
from hynlp.engines.work import MAX_DOC_BYTES, StoreTarget
from hynlp.errors import ConfigError
from hynlp.pipeline import Pipeline, load, with_ner_model
from hynlp.store import open_store
from hynlp.store.inputs import Columns
from hynlp.store.jsonl import JsonlSink

EngineName = Literal["local", "ray"]


def extract_paths(paths: Iterable[str | Path], *, db: str | Path | None = "hynlp.sqlite",
                  jsonl: str | Path | None = None, parquet: str | Path | None = None,
                  columns: Columns = Columns(), config: PipelineConfig | None = None,
                  ner_model: str | None = None, rules_only: bool = False, progress: Progress | None = None,
                  workers: int | None = None,
                  resume: bool = False, engine: EngineName = "local", address: str | None = None,
                  max_doc_bytes: int = MAX_DOC_BYTES) -> BatchSummary:
    """Extract every document under ``paths`` into the store ``db``, the file ``jsonl``
    or (Ray only) the Parquet folder ``parquet``.

    With a store, documents already stored with the same content hash and
    pipeline version are skipped, and the run is recorded with its config.
    ``resume`` continues the latest unfinished run of this configuration (one
    killed or interrupted) and also skips the inputs it recorded as errors.
    ``workers`` > 1 runs the pipeline in that many local processes (default 1);
    ``engine="ray"`` runs it on a Ray cluster (``address``; default: start a
    local one) in ``workers`` actors (default: one per CPU of the cluster).
    Ctrl-C raises :class:`~hynlp.batch.BatchInterrupted` after writing what was done.
    """
    paths = list(paths)
    config = with_ner_model(config or PipelineConfig(), ner_model, rules_only)
    if workers is not None and workers < 1:
        raise ConfigError(f"--workers must be at least 1, not {workers}")
    if resume and (jsonl is not None or parquet is not None):
        raise ConfigError("--resume needs a store (--db); JSONL and Parquet output are always written anew")
    if engine == "ray":
        from hynlp.engines.ray_engine import extract_with_ray

        return extract_with_ray(paths, db=db, jsonl=jsonl, parquet=parquet, columns=columns, config=config,
                                progress=progress, resume=resume, address=address, workers=workers,
                                max_doc_bytes=max_doc_bytes)
    if engine != "local":
        raise ConfigError(f"unknown engine {engine!r}", hint="Use --engine local or --engine ray.")
    if parquet is not None:
        raise ConfigError("Parquet output is written by --engine ray",
                          hint="Locally, extract into a store, then: hynlp export DIR --format parquet")
    workers = workers or 1
    options = {"columns": columns, "progress": progress, "max_doc_bytes": max_doc_bytes}
    if jsonl is not None:
        sink = JsonlSink(jsonl, config_json=config.model_dump_json(), pipeline_version=PIPELINE_VERSION)
        try:
            with local_engine(config, workers) as runner:
                return extract(paths, sink, runner, **options)
        finally:
            sink.close()
    with open_store(db) as store, RunSink(store, config, resume) as sink, \
            local_engine(config, workers, StoreTarget(str(db), sink.run_id)) as runner:
        return sink.finish(extract(paths, sink, runner, skip=partial(store.done_among, include_errors=resume),
                                   **options))


def local_engine(config: PipelineConfig, workers: int, store: StoreTarget | None = None) -> AbstractContextManager:
    """This process for one worker; otherwise a pool of spawned worker processes,
    which write to ``store`` themselves when given one."""
    if workers == 1:
        from hynlp.engines.inline import InlineEngine

        return InlineEngine(config)
    from hynlp.engines.parallel import WorkerPool

    return WorkerPool(config.model_dump_json(), workers, store=store)


__all__ = ["Pipeline", "extract_paths", "load", "open_store"]
