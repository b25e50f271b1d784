"""Store contract tests (class StoreContract) run on a real SQLite file, plus SQLite specifics.

tests/test_store_postgres.py runs the same contract against PostgreSQL.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import random
import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import create_engine, update

from hynlp.errors import (
    AmbiguousDocument,
    DocumentNotFound,
    StoreError,
    StoreSchemaMismatch,
    UnknownRun,
)
from hynlp.records import (
    SCHEMA_VERSION,
    Article,
    Entity,
    ErrorRecord,
    ExtractionResult,
    Figure,
    Official,
    Repair,
    Sentence,
    sha256_text,
)
from hynlp.store import DoneKey, open_store
from hynlp.store.connect import target_url
from hynlp.store.rows import RECORD_CLASSES
from hynlp.store.tables import CHILD_TABLES, meta

TEXT = "国家发展改革委主任郑栅洁表示，雄安新区项目总投资3140亿元，签约率98.71%。"
SOURCE = "archive/2024-03.jsonl"


def make_result(
    doc_id: str = "xinhua-2024-0001",
    *,
    raw: str = TEXT,
    pipeline_version: str = "0.1.0",
    source: str | None = SOURCE,
    n_figures: int = 2,
) -> ExtractionResult:
    """A realistic result: Chinese text, repairs, entities, exact figures, an official."""
    entities = [
        Entity(type="GOV", text="国家发展改革委", start=0, end=7, raw_start=0, raw_end=7,
               canonical="国家发展和改革委员会", rule="gov_suffix"),
        Entity(type="PERSON", text="郑栅洁", start=9, end=12, raw_start=9, raw_end=12,
               title="主任", organization="国家发展改革委", confidence=0.93, source="gazetteer"),
        Entity(type="PLACE", text="雄安新区", start=15, end=19, raw_start=15, raw_end=19),
    ]
    figures = [
        Figure(kind="investment", value=Decimal("314000000000"), unit="CNY", qualifier="approx",
               surface="总投资3140亿元", subject="雄安新区项目", subject_entity=2, subject_rule="nearest",
               start=21, end=30, raw_start=21, raw_end=30, rule="money_yi"),
        Figure(kind="rate", value=Decimal("98.71"), value_max=Decimal("98.710"), unit="%",
               surface="签约率98.71%", start=31, end=40, raw_start=31, raw_end=40, confidence=0.8),
    ][:n_figures]
    article = Article(
        doc_id=doc_id,
        source=source,
        title="雄安新区建设提速",
        published=date(2024, 3, 5),
        editor="张三",
        raw_sha256=sha256_text(raw),
        text=TEXT,
        repairs=[Repair(kind="width", raw_start=30, raw_end=31, before="，", after="，", note="全角")],
        metadata={"channel": "要闻", "url": "http://example.cn/a/1"},
    )
    return ExtractionResult(
        article=article,
        sentences=[Sentence(index=0, start=0, end=len(TEXT))],
        entities=entities,
        figures=figures,
        officials=[Official(name="郑栅洁", titles=["主任", "党组书记"], organization="国家发展改革委", entity=1)],
        pipeline_version=pipeline_version,
        config_hash="0123456789abcdef",
    )


def table_counts(store) -> dict[str, int]:
    return {name: len(store.frame(name)) for name in ("articles", "errors", *CHILD_TABLES)}


def set_schema_version(target: str, value: str) -> None:
    """Rewrite the stored schema version the way an older or newer hynlp would have left it."""
    engine = create_engine(target_url(target))
    with engine.begin() as conn:
        conn.execute(update(meta).where(meta.c.key == "schema_version").values(value=value))
    engine.dispose()


def concurrent_writer(target: str, worker: int, start_together) -> None:
    """One of several processes writing overlapping inputs, replacements and errors."""
    rng = random.Random(worker)
    doc_ids = [f"doc-{n:03d}" for n in range(worker * 10, worker * 10 + 25)]
    version = f"0.{worker % 2 + 1}.0"
    with open_store(target) as store:
        start_together.wait(timeout=120)
        for _ in range(3):
            rng.shuffle(doc_ids)
            for start in range(0, len(doc_ids), 5):
                batch = doc_ids[start:start + 5]
                store.write([make_result(d, pipeline_version=version, n_figures=worker % 2 + 1) for d in batch])
                store.write_error(ErrorRecord(doc_id=batch[0], source=SOURCE, code="E101", message="坏编码"))


class StoreContract:
    """Behaviour every backend must have; subclasses provide the ``target`` fixture."""

    def test_round_trip_is_exact(self, target):
        result = make_result()
        with open_store(target) as store:
            assert store.write([result]) == 1
            loaded = store.get(result.doc_id)
            assert loaded == result
            assert loaded.figures[0].value == Decimal("314000000000")
            assert str(loaded.figures[1].value) == "98.71"
            assert str(loaded.figures[1].value_max) == "98.710"
            assert loaded.to_record() == result.to_record()
            assert list(store.results()) == [result]

    def test_double_write_is_a_no_op(self, target):
        results = [make_result("a"), make_result("b")]
        with open_store(target) as store:
            assert store.write(results) == 2
            before = table_counts(store)
            assert store.write(results) == 0
            assert table_counts(store) == before
        with open_store(target) as store:  # and across reopening
            assert store.write(results) == 0
            assert table_counts(store) == before

    def test_changed_hash_replaces_rows(self, target):
        with open_store(target) as store:
            store.write([make_result("a", n_figures=2)])
            changed = make_result("a", raw=TEXT + "（完）", n_figures=1)
            assert store.write([changed]) == 1
            assert store.get("a") == changed
            counts = table_counts(store)
            assert counts["articles"] == 1 and counts["figures"] == 1

    def test_changed_pipeline_version_replaces_rows(self, target):
        with open_store(target) as store:
            store.write([make_result("a")])
            newer = make_result("a", pipeline_version="0.2.0", n_figures=1)
            assert store.write([newer]) == 1
            assert store.get("a").pipeline_version == "0.2.0"
            assert store.stats()["pipeline_versions"] == {"0.2.0": 1}

    def test_last_duplicate_in_a_batch_wins(self, target):
        with open_store(target) as store:
            last = make_result("a", pipeline_version="0.2.0", n_figures=1)
            store.write([make_result("a"), last])
            assert store.get("a") == last
            assert store.stats()["duplicates"] == 0

    def test_error_then_success_keeps_one_outcome_per_input(self, target):
        with open_store(target) as store:
            store.write_error(ErrorRecord(doc_id="a", source=SOURCE, code="E101", message="无法解码"))
            store.write_error(ErrorRecord(doc_id="b", source=SOURCE, code="E103", message="empty"))
            with pytest.raises(DocumentNotFound, match=r"failed with \[E101\]"):
                store.get("a")
            store.write([make_result("a")])
            stats = store.stats()
            assert (stats["articles_ok"], stats["articles_error"]) == (1, 1)
            assert stats["errors_by_code"] == {"E103": 1}

    def test_error_after_success_replaces_the_result(self, target):
        with open_store(target) as store:
            store.write([make_result("a")])
            store.write_error(ErrorRecord(doc_id="a", source=SOURCE, code="E103", message="empty"))
            counts = table_counts(store)
            assert counts == {"articles": 0, "errors": 1, "sentences": 0, "entities": 0,
                              "figures": 0, "officials": 0}

    def test_source_is_part_of_the_identity(self, target):
        with open_store(target) as store:
            store.write([make_result("1", source="a.jsonl"), make_result("1", source="b.jsonl")])
            assert store.stats()["articles_ok"] == 2
            with pytest.raises(AmbiguousDocument, match="a.jsonl"):
                store.get("1")
            assert store.get("1", source="b.jsonl").article.source == "b.jsonl"
            with pytest.raises(DocumentNotFound):
                store.get("1", source="c.jsonl")

    def test_is_done_and_done_keys(self, target):
        result = make_result("a")
        sha = result.article.raw_sha256
        with open_store(target) as store:
            assert not store.is_done("a", sha, "0.1.0", source=SOURCE)
            store.write([result])
            assert store.is_done("a", sha, "0.1.0", source=SOURCE)
            assert not store.is_done("a", sha, "0.2.0", source=SOURCE)
            assert not store.is_done("a", sha, "0.1.0", source=None)
            assert store.done_keys() == {DoneKey("a", SOURCE, sha, "0.1.0")}

    def test_runs_record_config_and_counts(self, target):
        with open_store(target) as store:
            run_id = store.start_run('{"normalize": {"opencc": "t2s"}}', "0123456789abcdef", "0.1.0")
            store.write([make_result("a")], run_id=run_id)
            store.write_error(ErrorRecord(doc_id="b", code="E101", message="x"), run_id=run_id)
            store.finish_run(run_id, {"ok": 1, "error": 1})
            runs = store.frame("runs")
            assert runs.loc[0, "counts"] == {"ok": 1, "error": 1}
            assert runs.loc[0, "config"] == '{"normalize": {"opencc": "t2s"}}'
            assert runs.loc[0, "finished_at"] >= runs.loc[0, "started_at"]
            assert store.frame("articles").loc[0, "run_id"] == run_id
            assert store.stats()["runs"] == 1
            with pytest.raises(UnknownRun):
                store.write([make_result("c")], run_id="no-such-run")
            with pytest.raises(UnknownRun):
                store.finish_run("no-such-run", {})

    def test_stats(self, target):
        with open_store(target) as store:
            store.write([make_result("a"), make_result("b", n_figures=1)])
            store.write_error(ErrorRecord(doc_id="c", code="E102", message="binary"))
            assert store.stats() == {
                "schema_version": SCHEMA_VERSION,
                "articles_ok": 2,
                "articles_error": 1,
                "duplicates": 0,
                "entities_by_type": {"GOV": 2, "PERSON": 2, "PLACE": 2},
                "figures_by_kind": {"investment": 2, "rate": 1},
                "officials": 2,
                "errors_by_code": {"E102": 1},
                "pipeline_versions": {"0.1.0": 2},
                "runs": 0,
            }

    def test_dataframes(self, target):
        with open_store(target) as store:
            old = make_result("old")
            old = old.model_copy(update={"article": old.article.model_copy(update={"published": date(2020, 1, 1)})})
            store.write([make_result("a"), old])
            figures = store.figures(kind="investment")
            assert list(figures["doc_id"]) == ["a", "old"]
            assert figures["value"].tolist() == [Decimal("314000000000")] * 2
            assert list(store.figures(since="2024-01-01")["doc_id"]) == ["a", "a"]
            assert list(store.figures(since=date(2024, 1, 1), doc_id="old")["doc_id"]) == []
            assert store.figures(doc_id="old")["value"].tolist() == [Decimal("314000000000"), Decimal("98.71")]
            people = store.entities(type="PERSON")
            assert people["text"].tolist() == ["郑栅洁", "郑栅洁"]
            assert set(people["source"]) == {"gazetteer"} and set(people["article_source"]) == {SOURCE}
            assert store.officials()["titles"].tolist() == [["主任", "党组书记"]] * 2
            assert store.entities().shape[0] == 6
            assert store.figures(kind="area").empty
            assert store.frame("articles")["metadata"].tolist()[0] == {"channel": "要闻", "url": "http://example.cn/a/1"}
            with pytest.raises(StoreError, match="no table"):
                store.frame("nope")

    @pytest.mark.parametrize("format", ["parquet", "jsonl", "csv"])
    def test_export_writes_one_file_per_table(self, target, tmp_path, format):
        with open_store(target) as store:
            store.write([make_result("a")])
            store.write_error(ErrorRecord(doc_id="b", code="E101", message="无法解码"))
            paths = store.export(tmp_path / "out", format=format)
        assert sorted(p.name for p in paths) == sorted(
            f"{name}.{format}" for name in ("articles", "entities", "errors", "figures", "meta",
                                            "officials", "runs", "sentences"))
        out = tmp_path / "out"
        figures, articles = (_read_export(out / f"{name}.{format}") for name in ("figures", "articles"))
        assert len(figures) == 2 and len(articles) == 1
        assert articles[0]["title"] == "雄安新区建设提速"
        if format == "parquet":
            assert [f["value"] for f in figures] == [Decimal("314000000000"), Decimal("98.71")]
            assert articles[0]["published"] == date(2024, 3, 5)
        elif format == "jsonl":
            assert [f["value"] for f in figures] == [314000000000, 98.71]
            assert articles[0]["metadata"]["channel"] == "要闻"
        else:
            assert [f["value"] for f in figures] == ["314000000000", "98.71"]
            assert json.loads(articles[0]["metadata"])["channel"] == "要闻"
        assert len(_read_export(out / f"runs.{format}")) == 0

    def test_export_rejects_unknown_format(self, target, tmp_path):
        with open_store(target) as store, pytest.raises(StoreError, match="unknown export format"):
            store.export(tmp_path, format="xlsx")

    def test_other_schema_version_is_refused(self, target):
        open_store(target).close()
        set_schema_version(target, str(SCHEMA_VERSION + 1))
        with pytest.raises(StoreSchemaMismatch, match="upgrade hynlp") as info:
            open_store(target)
        assert info.value.code == "E302"
        set_schema_version(target, "0")
        with pytest.raises(StoreSchemaMismatch, match="into a new --db"):
            open_store(target)

    def test_concurrent_writers_never_duplicate(self, target):
        open_store(target).close()
        context = multiprocessing.get_context("spawn")  # no engine state inherited by fork
        start_together = context.Barrier(4)
        workers = [
            context.Process(target=concurrent_writer, args=(target, n, start_together)) for n in range(4)
        ]
        for process in workers:
            process.start()
        for process in workers:
            process.join(timeout=240)
        assert [p.exitcode for p in workers] == [0, 0, 0, 0]
        with open_store(target) as store:
            stats = store.stats()
            assert stats["duplicates"] == 0
            assert stats["articles_ok"] + stats["articles_error"] == 55  # doc-000 .. doc-054
            # No article mixes rows of two writes: its figures match its pipeline version.
            figures = store.frame("figures").groupby("article_id").size()
            for row in store.frame("articles").itertuples():
                assert figures.get(row.id, 0) == (2 if row.pipeline_version == "0.2.0" else 1)


def _read_export(path: Path) -> list[dict]:
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pylist()
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class TestSQLiteStore(StoreContract):
    @pytest.fixture
    def target(self, tmp_path) -> str:
        return str(tmp_path / "hynlp.sqlite")


# -- SQLite specifics -------------------------------------------------------


def test_sqlite_uses_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "nested" / "dir" / "results.sqlite"
    with open_store(path) as store:
        store.write([make_result()])
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    connection.close()


def test_sqlite_url_is_accepted(tmp_path):
    with open_store(f"sqlite:///{tmp_path}/x.sqlite") as store:
        assert store.stats()["articles_ok"] == 0
    assert (tmp_path / "x.sqlite").exists()


def test_directory_target_is_refused(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)


def test_non_database_file_is_refused_and_kept(tmp_path):
    path = tmp_path / "input.jsonl"
    path.write_text('{"id": 1, "text": "不是数据库"}\n' * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open store"):
        open_store(path)
    assert path.read_text(encoding="utf-8").startswith('{"id": 1')


def test_unsupported_url_is_refused():
    with pytest.raises(StoreError, match="unsupported database URL"):
        open_store("mysql://user@host/db")


def test_foreign_tables_without_version_are_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE articles (id INTEGER)")
    connection.close()
    with pytest.raises(StoreSchemaMismatch, match="no schema version"):
        open_store(path)


def test_child_tables_mirror_record_fields():
    for name, table in CHILD_TABLES.items():
        assert set(table.c.keys()) == {"article_id", "idx", *RECORD_CLASSES[name].model_fields}
