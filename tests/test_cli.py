"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def hynlp(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hynlp.cli", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=600)


def test_extract_twice_is_idempotent_and_stats_add_up(tmp_path):
    db = tmp_path / "x.sqlite"
    first = hynlp("extract", str(CORPORA), "--db", str(db), "--json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["articles"] == summary["inputs"] == 32 and summary["errors"] == 0
    stats_before = json.loads(hynlp("stats", "--db", str(db), "--json", cwd=tmp_path).stdout)
    second = json.loads(hynlp("extract", str(CORPORA), "--db", str(db), "--json", cwd=tmp_path).stdout)
    assert second["skipped"] == 32 and second["articles"] == 0
    stats_after = json.loads(hynlp("stats", "--db", str(db), "--json", cwd=tmp_path).stdout)
    for key in ("articles_ok", "articles_error", "duplicates", "entities_by_type", "figures_by_kind"):
        assert stats_after[key] == stats_before[key]
    assert stats_after["articles_ok"] == 32 and stats_after["duplicates"] == 0


def test_extract_jsonl_contract_and_show(tmp_path):
    out = tmp_path / "s.jsonl"
    done = hynlp("extract", str(CORPORA / "noisy"), "--format", "jsonl", "--out", str(out), "--quiet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 16
    for record in records:
        assert {"doc_id", "text", "repairs", "entities", "figures"} <= set(record)
        for figure in record["figures"]:
            assert {"kind", "value", "value_max", "unit", "qualifier", "subject", "surface",
                    "start", "end", "raw_start", "raw_end"} <= set(figure)
            assert record["text"][figure["start"]:figure["end"]] == figure["surface"]
    assert json.loads((tmp_path / "s.config.json").read_text(encoding="utf-8"))["pipeline_version"]
    scores = hynlp("evaluate", str(out), str(CORPORA / "gold"), "--json", cwd=tmp_path)
    assert json.loads(scores.stdout)["documents"] == 32


def test_show_and_schema(tmp_path):
    db = tmp_path / "y.sqlite"
    hynlp("extract", str(CORPORA / "articles" / "qinghe-2024-03-groundbreaking.txt"), "--db", str(db), "-q",
          cwd=tmp_path)
    shown = hynlp("show", "qinghe-2024-03-groundbreaking", "--db", str(db), cwd=tmp_path)
    assert shown.returncode == 0 and "总投资" in shown.stdout
    missing = hynlp("show", "nope", "--db", str(db), cwd=tmp_path)
    assert missing.returncode == 3 and "E303" in missing.stderr
    schema = json.loads(hynlp("schema", cwd=tmp_path).stdout)
    assert "figures" in schema["properties"]


def test_bad_documents_become_error_rows(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("青禾区重点项目开工，总投资5亿元。", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "z.sqlite"
    done = hynlp("extract", str(folder), "--db", str(db), "--json", cwd=tmp_path)
    assert done.returncode == 1
    stats = json.loads(hynlp("stats", "--db", str(db), "--json", cwd=tmp_path).stdout)
    assert stats["articles_ok"] + stats["articles_error"] == 3
    assert stats["articles_error"] == 2
