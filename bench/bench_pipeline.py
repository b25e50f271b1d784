"""Throughput of the rules pipeline against bare ``jieba.cut``, in one process.

    python bench/bench_pipeline.py [--repeat N]

Prints chars/s for each path and the ratio to the baseline; not a timed test.
The text is the corpus (clean and noisy articles) repeated N times.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import jieba

ROOT = Path(__file__).resolve().parent.parent


def corpus_texts() -> list[str]:
    files = sorted((ROOT / "corpora").rglob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def rate(label: str, work, texts: list[str]) -> float:
    chars = sum(map(len, texts))
    started = time.perf_counter()
    for text in texts:
        work(text)
    seconds = time.perf_counter() - started
    print(f"{label:<28} {chars / seconds:>12,.0f} chars/s  ({seconds:.2f}s for {chars:,} chars)")
    return chars / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = corpus_texts() * args.repeat

    started = time.perf_counter()
    import hynlp

    nlp = hynlp.load()
    nlp("预热：总投资1亿元。", doc_id="warmup")
    print(f"import + pipeline load: {time.perf_counter() - started:.2f}s")

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    baseline = rate("bare jieba.cut (baseline)", lambda t: list(tokenizer.cut(t)), texts)
    rules = rate("hynlp rules pipeline", lambda t: nlp(t), texts)
    print(f"ratio rules/jieba.cut: {rules / baseline:.2f}x")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
