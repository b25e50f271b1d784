"""The local worker pool: equal results in input order, workers that write, crashed workers, Ctrl-C of a real run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_probe import stored_rows

from hynlp.config import PipelineConfig, SegmentConfig
from hynlp.engines.parallel import WorkerPool
from hynlp.engines.work import Stored, StoreTarget, prepare
from hynlp.errors import ConfigError
from hynlp.pipeline import Pipeline
from hynlp.store import open_store
from hynlp.store.inputs import iter_inputs

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
DOCS = 80  # corpus articles take ~0.1 s each: the run is still going when Ctrl-C comes


@pytest.fixture(scope="module")
def corpus_items():
    """Clean and noisy articles, a few of each kind, to keep the suite fast."""
    items = [prepare(doc) for doc in iter_inputs([CORPORA])]
    return items[::2]


@pytest.fixture(scope="module")
def inline_outcomes(corpus_items):
    pipeline = Pipeline()
    return [pipeline(item.raw, doc_id=item.doc_id, source=item.source) for item in corpus_items]


def test_pool_results_equal_this_process_and_keep_input_order(corpus_items, inline_outcomes):
    with WorkerPool(PipelineConfig().model_dump_json(), 2, chunk_size=3) as pool:
        outcomes = list(pool.map(iter(corpus_items)))
        assert len(pool.worker_pids()) == 2
    assert outcomes == inline_outcomes


def test_a_killed_worker_costs_at_most_its_document(corpus_items, inline_outcomes):
    outcomes = []
    with WorkerPool(PipelineConfig().model_dump_json(), 2, chunk_size=4) as pool:
        for outcome in pool.map(iter(corpus_items)):
            if not outcomes:
                os.kill(pool.worker_pids()[0], signal.SIGKILL)
            outcomes.append(outcome)
        assert pool.crashes == 1
    crashed = [n for n, outcome in enumerate(outcomes) if getattr(outcome, "code", None) == "E106"]
    assert len(outcomes) == len(corpus_items) and len(crashed) <= 1
    assert [o.doc_id for o in outcomes] == [i.doc_id for i in corpus_items]
    assert [o for n, o in enumerate(outcomes) if n not in crashed] == \
        [o for n, o in enumerate(inline_outcomes) if n not in crashed]


def test_workers_given_a_store_write_the_results_and_send_notes(corpus_items, inline_outcomes, tmp_path):
    db = str(tmp_path / "workers.sqlite")
    config = PipelineConfig()
    with open_store(db) as store:
        target = StoreTarget(db, store.start_run(config.model_dump_json(), config.hash()))
    with WorkerPool(config.model_dump_json(), 2, chunk_size=3, store=target) as pool:
        notes = list(pool.map(iter(corpus_items)))
    assert notes == [Stored.of(outcome) for outcome in inline_outcomes]  # in input order, nothing decoded
    with open_store(db) as store:
        assert [store.get(o.doc_id, source=o.article.source) for o in inline_outcomes] == inline_outcomes
        assert store.stats()["duplicates"] == 0


def test_a_pipeline_that_cannot_load_is_its_coded_error(corpus_items):
    config = PipelineConfig(segment=SegmentConfig(user_dicts=("/no/such/dict.txt",)))
    with pytest.raises(ConfigError, match="user dictionary"), WorkerPool(config.model_dump_json(), 2) as pool:
        list(pool.map(iter(corpus_items[:4])))


def test_ctrl_c_keeps_what_is_done_and_resume_completes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = sorted(CORPORA.rglob("*.txt"))
    for n in range(DOCS):
        (folder / f"d{n:03d}.txt").write_bytes(texts[n % len(texts)].read_bytes())
    db = tmp_path / "x.sqlite"
    command = [sys.executable, "-m", "hynlp.cli", "extract", str(folder), "--db", str(db), "--workers", "2", "--json"]
    # A terminal sends Ctrl-C's SIGINT to the whole foreground process group.
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    wait_for_articles(db, 1, run)  # results are written 32 at a time
    os.killpg(run.pid, signal.SIGINT)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 130, err
    partial = json.loads(out)
    assert partial["interrupted"] and "--resume" in err
    assert stored_rows(db) == partial["inputs"] < DOCS  # everything done was written, nothing more
    done = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    final = json.loads(done.stdout)
    assert final["resumed"] and final["run_id"] == partial["run_id"] and final["skipped"] == partial["inputs"]
    assert stored_rows(db) == DOCS


def wait_for_articles(db: Path, count: int, run: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and run.poll() is None:
        if db.exists() and stored_rows(db) >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"the run stored fewer than {count} articles (exit code {run.poll()})")
