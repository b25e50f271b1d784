"""The Ray engine on a local Ray instance: equal to the local engine, Parquet output, missing Ray."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from hynlp.api import extract_paths
from hynlp.engines.ray_engine import import_ray
from hynlp.errors import EngineUnavailable
from hynlp.store import open_store

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def ray_instance():
    ray = pytest.importorskip("ray", reason="the Ray engine is optional: pip install 'hynlp[ray]'")
    ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING", configure_logging=False)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Clean and noisy articles, a GBK file, a binary one, and a JSONL archive with a broken line."""
    folder = tmp_path_factory.mktemp("ray") / "in"
    (folder / "noisy").mkdir(parents=True)
    for path in sorted((CORPORA / "articles").glob("*.txt"))[:5]:
        (folder / path.name).write_bytes(path.read_bytes())
    for path in sorted((CORPORA / "noisy").glob("*.txt"))[:3]:
        (folder / "noisy" / path.name).write_bytes(path.read_bytes())
    (folder / "legacy.txt").write_bytes("澜溪镇项目总投资9.6亿元，签约率98.71%。".encode("gbk"))
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    rows = [json.dumps({"id": "n1", "text": "北原市新建学校3所，总投资2亿元。"}, ensure_ascii=False), "{broken"]
    (folder / "news.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def test_ray_results_equal_the_local_engine(ray_instance, archive, tmp_path):
    local = extract_paths([archive], db=tmp_path / "local.sqlite")
    on_ray = extract_paths([archive], db=tmp_path / "ray.sqlite", engine="ray", workers=2)
    assert on_ray.as_dict() | {"seconds": 0, "run_id": ""} == local.as_dict() | {"seconds": 0, "run_id": ""}
    with open_store(tmp_path / "local.sqlite") as a, open_store(tmp_path / "ray.sqlite") as b:
        assert sorted_results(b) == sorted_results(a) and len(sorted_results(a)) == 10
        assert error_rows(b) == error_rows(a) and len(error_rows(a)) == 2
        assert b.stats() | {"runs": 0} == a.stats() | {"runs": 0}
    again = extract_paths([archive], db=tmp_path / "ray.sqlite", engine="ray", workers=2)
    assert (again.skipped, again.articles) == (10, 0)


def test_ray_writes_parquet(ray_instance, archive, tmp_path):
    summary = extract_paths([archive], db=None, parquet=tmp_path / "out", engine="ray", workers=2)
    assert (summary.inputs, summary.articles, summary.errors) == (12, 10, 2)
    rows = pq.read_table(tmp_path / "out").to_pylist()
    records = {row["doc_id"]: json.loads(row["record"]) for row in rows if row["status"] == "ok"}
    assert records["legacy"]["figures"][0]["value"] == 960000000
    assert {row["code"] for row in rows if row["status"] == "error"} == {"E102", "E203"}


def test_missing_ray_is_a_coded_error_with_the_install_hint(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # as if Ray were not installed
    with pytest.raises(EngineUnavailable, match="Ray Data") as info:
        import_ray()
    assert info.value.code == "E601" and "hynlp[ray]" in str(info.value)


def sorted_results(store):
    return sorted(store.results(), key=lambda result: (result.doc_id, result.article.source))


def error_rows(store):
    frame = store.frame("errors")[["doc_id", "source", "code", "message", "raw_sha256"]]
    return sorted(map(tuple, frame.itertuples(index=False)))
