"""The benchmark command reports every measure of the goals, beside its baseline (not a timed test)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from hynlp.bench import GOALS, peak_rss_mb, read_texts

ARTICLE = "东岚县28个重点项目集中开工，总投资56.8亿元。县委书记李国华出席。"


def test_hynlp_bench_json_reports_the_goals_measures(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE * 3, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes((ARTICLE * 2).encode("gb18030"))
    done = subprocess.run([sys.executable, "-m", "hynlp.cli", "bench", str(tmp_path), "--json", "--repeat", "2"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["text"] == {"documents": 4, "chars": 5 * len(ARTICLE) * 2}
    rules = report["rules_path"]
    assert rules["chars_per_s"] > 0 and rules["baseline_jieba_cut_chars_per_s"] > 0
    assert rules["ratio_to_jieba_cut"] == round(rules["chars_per_s"] / rules["baseline_jieba_cut_chars_per_s"], 3)
    assert set(report["workers"]["chars_per_s"]) == {"1", "2"} and report["workers"]["speedup"] > 0
    assert report["workers"]["baseline_jieba_cut_speedup"] > 0
    assert report["workers"]["peak_rss_mb_per_worker"] > 50
    assert 0 < report["startup_s"]["baseline_import_jieba_and_load"] and report["startup_s"]["import_and_load"] > 0
    model_path = report["transformer_path"]
    assert model_path["chars_per_s"] > 0 and model_path["model_alone_chars_per_s"] > 0
    assert model_path["model"] == "hynlp-ner-small" and report["startup_s"]["import_and_load_with_model"] > 0
    assert report["goals"] == GOALS


def test_peak_rss_of_this_process_and_texts_of_any_encoding(tmp_path):
    assert peak_rss_mb(os.getpid()) > 10
    (tmp_path / "big5.txt").write_bytes("臺北市重點項目開工".encode("big5"))
    assert read_texts([tmp_path]) == ["臺北市重點項目開工"]
