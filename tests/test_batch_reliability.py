"""Reliability of real runs: a corrupt archive, kill -9 then resume, concurrent runs on PostgreSQL.

Each run is a ``hynlp extract`` subprocess, as a user or a scheduler runs it.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_probe import stored_rows
from test_store_postgres import POSTGRES_URL, postgres_schema  # noqa: F401 - a fixture, one schema per test

from hynlp.store import open_store

PLACES = ("青禾区", "东岚县", "澜溪镇", "北原市", "松涛县", "雄安新区")
TOTAL = 2000
PG_DOCS = 80


def article(n: int) -> str:
    place = PLACES[n % len(PLACES)]
    return (f"{place}第{n}批重点项目集中开工\n{place}第{n}批{n % 30 + 2}个重点项目集中开工，"
            f"总投资{n % 90 + 1}.{n % 10}亿元，签约率{n % 40 + 60}%。区长王建{n % 7}出席并讲话。")


def make_corrupt_archive(root: Path) -> tuple[Path, dict[str, str]]:
    """TOTAL documents, 5% of them bad; returns the folder and the expected outcome
    ("ok" or "error") of each bad or re-encoded document by doc_id."""
    rng = random.Random(5)
    folder = root / "archive"
    for sub in ("a", "b", "bad", "legacy"):
        (folder / sub).mkdir(parents=True)
    expected: dict[str, str] = {}
    for n in range(20):
        (folder / "bad" / f"binary{n}.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(300))
        (folder / "bad" / f"empty{n}.txt").write_bytes(b"" if n % 2 else b" \n\t\n")
        (folder / "legacy" / f"gbk{n}.txt").write_bytes(article(n).encode("gbk"))
        (folder / "legacy" / f"big5{n}.txt").write_bytes(article(n).encode("big5", errors="replace"))
        (folder / "bad" / f"soup{n}.html").write_text(
            "<html><div><p><b>" + "<td>&nbsp;</td>" * n + "</div></span><script>var x=1;</script>",
            encoding="utf-8")
        expected |= {f"binary{n}": "error", f"empty{n}": "error", f"gbk{n}": "ok", f"big5{n}": "ok"}
    (folder / "bad" / "huge.txt").write_text("项目" * (5 * 1024 * 1024 // 6 + 1), encoding="utf-8")  # 5 MB
    expected["huge"] = "error"
    rows = []
    for n in range(300):
        if n % 15 == 7:
            rows.append('{"id": "row%d", "text": "断开的一行' % n)
            expected[f"news:{n + 1}"] = "error"
        else:
            rows.append(json.dumps({"id": f"row{n}", "text": article(1000 + n)}, ensure_ascii=False))
    (folder / "b" / "news.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    files = TOTAL - 5 * 20 - 1 - len(rows)
    for n in range(files):
        (folder / "ab"[n % 2] / f"doc{n:04d}.txt").write_text(article(n), encoding="utf-8")
    return folder, expected


def extract_command(folder: Path, db: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "hynlp.cli", "extract", str(folder), "--db", db, "--workers", "2", "--json", *extra]


def test_corrupt_archive_killed_and_resumed_is_stored_exactly_once(tmp_path):
    folder, expected = make_corrupt_archive(tmp_path)
    db = tmp_path / "x.sqlite"
    run = subprocess.Popen(extract_command(folder, str(db)), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_rows(db, 300, run)
    workers = children_of(run.pid)
    run.send_signal(signal.SIGKILL)  # kill -9 of the run: its workers get no word of it
    run.communicate(timeout=60)
    assert run.returncode == -signal.SIGKILL and len(workers) >= 2  # and the resource tracker
    wait_until_gone(workers)  # orphaned workers notice and exit by themselves
    before, unhashed = stored_rows(db), unreadable_rows(db)
    assert 300 <= before < TOTAL
    resumed = subprocess.run(extract_command(folder, str(db), "--resume"), capture_output=True, text=True,
                             timeout=600)
    assert resumed.returncode == 1, resumed.stderr  # 1: some documents are error rows; no crash
    summary = json.loads(resumed.stdout)
    # Everything stored is skipped but the rows of unreadable inputs: with no content to hash, they are redone.
    assert summary["resumed"] and summary["inputs"] == TOTAL and summary["skipped"] == before - unhashed
    with open_store(db) as store:
        stats = store.stats()
        assert stats["articles_ok"] + stats["articles_error"] == TOTAL and stats["duplicates"] == 0
        articles, errors = store.frame("articles"), store.frame("errors")
    assert not articles["doc_id"].duplicated().any() and not errors["doc_id"].duplicated().any()
    assert not set(articles["doc_id"]) & set(errors["doc_id"])
    outcome = {**dict.fromkeys(articles["doc_id"], "ok"), **dict.fromkeys(errors["doc_id"], "error")}
    assert {doc_id: outcome[doc_id] for doc_id in expected} == expected
    codes = dict(zip(errors["doc_id"], errors["code"]))
    assert codes["huge"] == "E104" and codes["binary0"] == "E102" and codes["news:8"] == "E203"


@pytest.mark.skipif(not POSTGRES_URL, reason='HYNLP_TEST_POSTGRES_URL is not set; start a server with: '
                                            'eval "$(bash .ci/postgres.sh)"')
def test_concurrent_runs_on_postgresql_store_each_input_once(tmp_path, postgres_schema):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(PG_DOCS):
        (folder / f"p{n:03d}.txt").write_text(article(n), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    # Two runs of the same archive at once, as two machines would start them.
    command = extract_command(folder, postgres_schema)
    command[command.index("--workers") + 1] = "1"
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        run.communicate(timeout=300)
        assert run.returncode == 1  # the binary file is an error row
    with open_store(postgres_schema) as store:
        stats = store.stats()
    assert (stats["articles_ok"], stats["articles_error"], stats["duplicates"]) == (PG_DOCS, 1, 0)


def wait_for_rows(db: Path, count: int, run: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and run.poll() is None:
        if stored_rows(db) >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"the run stored fewer than {count} rows (exit code {run.poll()})")


def unreadable_rows(db: Path) -> int:
    connection = sqlite3.connect(db, timeout=30)
    try:
        return connection.execute("SELECT count(*) FROM errors WHERE raw_sha256 IS NULL").fetchone()[0]
    finally:
        connection.close()


def children_of(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and _stat(int(entry.name))[1] == pid:
            children.append(int(entry.name))
    return children


def wait_until_gone(pids: list[int], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(_stat(pid)[0] in ("gone", "Z") for pid in pids):
            return
        time.sleep(0.1)
    raise AssertionError(f"worker processes {pids} outlived their killed parent")


def _stat(pid: int) -> tuple[str, int]:
    """(state, parent pid) of a process, ("gone", 0) when it has exited."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return "gone", 0
    return fields[0], int(fields[1])
