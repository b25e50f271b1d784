"""Batch extraction in this process into a real SQLite store: skip, resume, interrupt, bad inputs."""

from __future__ import annotations

import json

import pytest

from hynlp.api import extract_paths
from hynlp.batch import BatchInterrupted, iter_documents
from hynlp.config import PipelineConfig
from hynlp.engines.work import WorkItem, process_item
from hynlp.errors import ConfigError
from hynlp.pipeline import Pipeline
from hynlp.store import open_store

PLACES = ("青禾区", "东岚县", "澜溪镇", "北原市")


def article(n: int) -> str:
    return f"{PLACES[n % 4]}第{n}号重点项目开工，总投资{n % 90 + 1}亿元，签约率{n % 40 + 60}%。"


def make_folder(root, good: int = 12):
    """``good`` articles, one binary and one empty file, and a JSONL archive with a broken line."""
    folder = root / "in"
    (folder / "sub").mkdir(parents=True)
    for n in range(good):
        (folder / f"a{n:03d}.txt").write_text(article(n), encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    rows = [json.dumps({"id": "j1", "text": article(100)}, ensure_ascii=False), "{broken"]
    (folder / "sub" / "news.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def stop_after(count: int):
    """A progress callback that presses Ctrl-C once ``count`` documents are done."""
    def progress(summary) -> None:
        if summary.inputs >= count:
            raise KeyboardInterrupt
    return progress


def test_rerun_skips_stored_results_and_retries_errors(tmp_path):
    folder, db = make_folder(tmp_path), tmp_path / "x.sqlite"
    first = extract_paths([folder], db=db)
    assert (first.inputs, first.articles, first.errors) == (16, 13, 3)
    second = extract_paths([folder], db=db)
    assert (second.skipped, second.articles, second.errors) == (13, 0, 3)
    with open_store(db) as store:
        stats = store.stats()
        assert (stats["articles_ok"], stats["articles_error"], stats["duplicates"]) == (13, 3, 0)
        assert stats["runs"] == 2 and store.frame("runs")["finished_at"].notna().all()


def test_interrupt_writes_what_is_done_and_resume_finishes_the_run(tmp_path):
    folder, db = make_folder(tmp_path), tmp_path / "x.sqlite"
    with pytest.raises(BatchInterrupted) as stopped:
        extract_paths([folder], db=db, progress=stop_after(7))
    partial = stopped.value.summary
    assert partial.interrupted and partial.inputs == 7 and partial.total is None  # an archive is among the inputs
    with open_store(db) as store:
        stats = store.stats()
        assert stats["articles_ok"] + stats["articles_error"] == 7
        assert store.frame("runs")["finished_at"].isna().all()
    resumed = extract_paths([folder], db=db, resume=True)
    assert resumed.resumed and resumed.run_id == partial.run_id
    assert resumed.skipped == 7 and resumed.inputs == 16  # errors of the run are skipped too
    with open_store(db) as store:
        stats = store.stats()
        assert stats["articles_ok"] + stats["articles_error"] == 16 and stats["duplicates"] == 0
        runs = store.frame("runs")
        assert len(runs) == 1 and runs.loc[0, "counts"]["inputs"] == 16


def test_resume_without_an_unfinished_run_starts_one(tmp_path):
    folder, db = make_folder(tmp_path, good=2), tmp_path / "x.sqlite"
    summary = extract_paths([folder], db=db, resume=True)
    assert not summary.resumed and summary.run_id and summary.articles == 3


def test_progress_knows_the_total_for_plain_files(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    for n in range(3):
        (folder / f"p{n}.txt").write_text(article(n), encoding="utf-8")
    seen = []
    extract_paths([folder], db=tmp_path / "x.sqlite", progress=lambda s: seen.append((s.inputs, s.total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_oversized_document_is_an_error_row(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "huge.txt").write_text(article(1) * 200, encoding="utf-8")
    (folder / "small.txt").write_text(article(2), encoding="utf-8")
    summary = extract_paths([folder], db=tmp_path / "x.sqlite", max_doc_bytes=4096)
    assert summary.error_codes == {"E104": 1} and summary.articles == 1


def test_same_stem_in_two_folders_gets_two_ids(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "same.txt").write_text(article(3), encoding="utf-8")
    ids = [doc.doc_id for doc in iter_documents([tmp_path])]
    assert ids == ["same", str(tmp_path / "b" / "same")]


def test_unexpected_exception_becomes_an_e105_row():
    # Not a str or bytes: the normalizer fails with a plain Python error, not a coded one.
    outcome = process_item(WorkItem("odd", "odd.txt", 12345, "0" * 64), Pipeline())  # type: ignore[arg-type]
    assert outcome.code == "E105" and "Error" in outcome.message and outcome.raw_sha256 == "0" * 64


def test_bad_options_are_coded_errors(tmp_path):
    with pytest.raises(ConfigError, match="needs a store"):
        extract_paths([tmp_path], jsonl=tmp_path / "x.jsonl", resume=True)
    with pytest.raises(ConfigError, match="at least 1"):
        extract_paths([tmp_path], db=tmp_path / "x.sqlite", workers=0)
    with pytest.raises(ConfigError, match="unknown engine"):
        extract_paths([tmp_path], db=tmp_path / "x.sqlite", engine="spark")  # type: ignore[arg-type]


def test_jsonl_output_with_workers_keeps_input_order(tmp_path):
    folder = make_folder(tmp_path, good=10)
    out = tmp_path / "out.jsonl"
    summary = extract_paths([folder], jsonl=out, workers=2, config=PipelineConfig())
    ids = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"a{n:03d}" for n in range(10)] + ["j1"]
    assert summary.errors == 3 and len(out.with_suffix(".errors.jsonl").read_text().splitlines()) == 3
