"""The public entry points: load a pipeline, extract archives, open a store."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from hynlp.batch import BatchSummary, Progress, extract, store_is_done
from hynlp.config import PIPELINE_VERSION, PipelineConfig
from hynlp.pipeline import Pipeline, load
from hynlp.store import open_store
from hynlp.store.inputs import Columns
from hynlp.store.jsonl import JsonlSink


def extract_paths(paths: Iterable[str | Path], *, db: str | Path | None = "hynlp.sqlite",
                  jsonl: str | Path | None = None, columns: Columns = Columns(),
                  config: PipelineConfig | None = None, ner_model: str | None = None,
                  progress: Progress | None = None) -> BatchSummary:
    """Extract every document under ``paths`` into the store ``db`` or the file ``jsonl``.

    With a store, documents already stored with the same content hash and
    pipeline version are skipped, and the run is recorded with its config.
    """
    pipeline = load(config, ner_model=ner_model)
    config_json = pipeline.config.model_dump_json()
    if jsonl is not None:
        sink = JsonlSink(jsonl, config_json=config_json, pipeline_version=PIPELINE_VERSION)
        try:
            return extract(paths, sink, pipeline, columns=columns, progress=progress)
        finally:
            sink.close()
    with open_store(db) as store:
        run_id = store.start_run(config_json, pipeline.config_hash, PIPELINE_VERSION)
        sink = _RunSink(store, run_id)
        summary = extract(paths, sink, pipeline, columns=columns, progress=progress,
                          is_done=store_is_done(store))
        store.finish_run(run_id, {k: v for k, v in summary.as_dict().items() if isinstance(v, int)})
    return summary


class _RunSink:
    """Writes a store's results and errors under one run id."""

    def __init__(self, store, run_id: str):
        self.store, self.run_id = store, run_id

    def write(self, results):
        return self.store.write(results, run_id=self.run_id)

    def write_error(self, error):
        self.store.write_error(error, run_id=self.run_id)


__all__ = ["Pipeline", "extract_paths", "load", "open_store"]
