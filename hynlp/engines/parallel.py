"""Extraction in local worker processes; the parent process keeps the run (and, without a store, the output).

Workers are started with ``spawn``: nothing of the parent (an open store's
connections, threads, locks) is inherited, so a Store never crosses a fork.
Each worker loads the pipeline once, then takes chunks of work items from its
own inbox and sends back one outcome per document over its own pipe. Sends
are synchronous, so when a worker dies (out of memory, a crash in native
code) every outcome it finished has arrived, and the first unfinished
document of its chunks is the one it died on: that document becomes an E106
error row, a fresh worker takes over the rest, and the batch goes on.

Outcomes come back in input order. Each worker is kept ``chunks_per_worker``
chunks ahead, so a slow document holds back only the emitting of the ones
after it, not the other workers; memory stays flat because at most
``REORDER_FACTOR`` times that many chunks are held at once.

Given a store (``hynlp extract --workers N`` into SQLite or PostgreSQL),
each worker writes its outcomes itself, each document in its own
transaction, and sends back only a :class:`~hynlp.engines.work.Stored` note
to count: one parent decoding and writing every article kept up with about
two and a half workers. Writes are idempotent per input, so a document
written by a worker the parent no longer heard from is still stored once.

Workers ignore SIGINT. Ctrl-C reaches the whole process group; the parent
alone decides what happens: it asks the workers to stop after the document
each is on, counts (and, without a store, writes) what they finished, then
stops them.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from types import TracebackType

from hynlp.engines.work import (Outcome, Stored, StoreTarget, WorkItem, batched, decode_outcome, encode_outcome,
                                error_record, process_item)
from hynlp.errors import HynlpError, WorkerCrashed
from hynlp.records import ErrorRecord

CHUNK_SIZE = 8
CHUNKS_PER_WORKER = 3
REORDER_FACTOR = 8
_POLL_S = 1.0
_STOP_TIMEOUT_S = 30
_PARENT_CHECK_S = 1.0


@dataclass
class _Chunk:
    seq: int
    items: list[WorkItem]
    outcomes: list[Outcome | None]
    missing: int

    @property
    def done(self) -> bool:
        return self.missing == 0


@dataclass
class _Worker:
    slot: int
    process: multiprocessing.process.BaseProcess
    inbox: multiprocessing.queues.Queue
    conn: Connection
    ready: bool = False
    # (seq, index) of documents sent and not yet answered, in the order the worker takes them.
    assigned: list[tuple[int, int]] = field(default_factory=list)


class WorkerPool:
    """``workers`` processes running the pipeline of ``config_json``; use as a context manager."""

    def __init__(self, config_json: str, workers: int, *, chunk_size: int = CHUNK_SIZE,
                 chunks_per_worker: int = CHUNKS_PER_WORKER, store: StoreTarget | None = None):
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        self.config_json = config_json
        # With a store, workers write their outcomes themselves and send back
        # only a Stored note: one parent decoding and writing every article
        # kept up with about two and a half workers.
        self.store = store
        self.chunk_size = chunk_size
        self.queued_per_worker = chunk_size * chunks_per_worker
        # Chunks held for ordering behind a slow one; bounds memory, not the workers.
        self.reorder_limit = workers * chunks_per_worker * REORDER_FACTOR
        self._context = multiprocessing.get_context("spawn")
        self._stop = self._context.Event()  # set: workers stop after the document they are on
        self._size = workers
        self._workers: list[_Worker] = []
        self._pending: dict[int, _Chunk] = {}
        self.crashes = 0

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is None:
            self.close()
        else:
            self.terminate()

    def map(self, items: Iterable[WorkItem]) -> Iterator[Outcome]:
        """The outcome of every item, in input order, computed by the workers."""
        chunks = (_Chunk(seq, chunk, [None] * len(chunk), len(chunk))
                  for seq, chunk in enumerate(batched(items, self.chunk_size)))
        # Held on the pool, not in this generator: after a Ctrl-C, drain() gives
        # the outcomes that arrived but were not yet handed out.
        self._pending = pending = {}
        next_seq = 0
        exhausted = False
        while True:
            while not exhausted and len(pending) < self.reorder_limit and self._has_room():
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    self._start_all()  # only once there is work: a re-run that skips all needs none
                    pending[chunk.seq] = chunk
                    self._send(self._least_busy(), chunk, range(len(chunk.items)))
            while next_seq in pending and pending[next_seq].done:
                outcomes = pending[next_seq].outcomes
                while outcomes:  # one at a time: an interrupt between two loses neither
                    yield outcomes.pop(0)  # type: ignore[misc]
                del pending[next_seq]
                next_seq += 1
            if exhausted and not pending:
                return
            self._receive(pending)

    def drain(self) -> Iterator[Outcome]:
        """After a Ctrl-C: stop the workers after the document each is on, and give
        every outcome that arrived and was not handed out yet (for a pool that
        writes, the articles its workers stored), so that what is done is counted."""
        self._stop.set()
        deadline = time.monotonic() + _STOP_TIMEOUT_S
        alive = [worker for worker in self._workers if worker.process.is_alive()]
        while alive and time.monotonic() < deadline:
            wait([worker.process.sentinel for worker in alive], timeout=_POLL_S)
            for worker in alive:
                self._read(worker, self._pending)  # a finished worker's last messages too
            alive = [worker for worker in alive if worker.process.is_alive()]
        for worker in self._workers:
            self._read(worker, self._pending)
        for seq in sorted(self._pending):
            yield from (outcome for outcome in self._pending[seq].outcomes if outcome is not None)
        self._pending = {}

    def worker_pids(self) -> list[int]:
        """Process ids of the running workers, for monitoring (and tests that kill one)."""
        return [worker.process.pid for worker in self._workers if worker.process.pid is not None]

    def close(self) -> None:
        """Let the workers finish their inboxes and exit."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.inbox.put(None)
        for worker in self._workers:
            worker.process.join(_STOP_TIMEOUT_S)
        self.terminate()

    def terminate(self) -> None:
        """Stop the workers now, discarding their unfinished work."""
        for worker in self._workers:
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in self._workers:
            worker.process.join(_STOP_TIMEOUT_S)
            _release(worker)
        self._workers = []

    # -- internals ------------------------------------------------------------

    def _start_all(self) -> None:
        if not self._workers:
            with _sigint_ignored():  # spawned children inherit the ignored disposition
                self._workers = [self._start(slot) for slot in range(self._size)]

    def _start(self, slot: int) -> _Worker:
        parent_end, child_end = self._context.Pipe(duplex=False)
        inbox = self._context.Queue()
        process = self._context.Process(target=serve, args=(self.config_json, inbox, child_end, self.store, self._stop),
                                        name=f"hynlp-worker-{slot}", daemon=True)
        process.start()
        child_end.close()
        return _Worker(slot, process, inbox, parent_end)

    def _has_room(self) -> bool:
        """Whether a worker has fewer documents queued than it needs to never wait."""
        return not self._workers or len(self._least_busy().assigned) < self.queued_per_worker

    def _least_busy(self) -> _Worker:
        return min(self._workers, key=lambda worker: len(worker.assigned))

    def _send(self, worker: _Worker, chunk: _Chunk, indices: Iterable[int]) -> None:
        indices = list(indices)
        worker.assigned.extend((chunk.seq, index) for index in indices)
        # The queue's feeder thread writes, so the parent never blocks on a busy worker.
        worker.inbox.put((chunk.seq, indices, [chunk.items[index] for index in indices]))

    def _receive(self, pending: dict[int, _Chunk]) -> None:
        """Take every message that is ready (waiting up to _POLL_S); replace dead workers."""
        by_handle = {}
        for worker in self._workers:
            by_handle[worker.conn] = worker
            by_handle[worker.process.sentinel] = worker
        for handle in wait(list(by_handle), timeout=_POLL_S):
            worker = by_handle[handle]
            if handle is worker.conn:
                self._read(worker, pending)
        for worker in list(self._workers):
            if not worker.process.is_alive():
                self._replace(worker, pending)

    def _read(self, worker: _Worker, pending: dict[int, _Chunk]) -> None:
        while worker.conn.poll():
            try:
                kind, payload = worker.conn.recv()
            except EOFError:
                return  # the worker is gone; _receive replaces it
            if kind == "ready":
                worker.ready = True
            elif kind == "failed":
                error_class, message, hint = payload
                raise error_class(message, hint=hint)
            else:
                seq, index, kind, data = payload
                worker.assigned.remove((seq, index))
                chunk = pending[seq]
                chunk.outcomes[index] = decode_outcome(kind, data)
                chunk.missing -= 1

    def _replace(self, dead: _Worker, pending: dict[int, _Chunk]) -> None:
        """Record the document a dead worker was on as an error; restart it with the rest."""
        self._read(dead, pending)
        exitcode = dead.process.exitcode
        if not dead.ready:
            raise WorkerCrashed(f"a worker process died while loading the pipeline (exit code {exitcode})",
                                hint="Its error output is above; try `hynlp extract` with --workers 1.")
        self.crashes += 1
        assigned = dead.assigned
        _release(dead)
        with _sigint_ignored():
            fresh = self._start(dead.slot)
        self._workers[self._workers.index(dead)] = fresh
        if not assigned:
            return
        (seq, index), rest = assigned[0], assigned[1:]
        chunk = pending[seq]
        item = chunk.items[index]
        crash = WorkerCrashed(f"the worker process died (exit code {exitcode}) while processing this document")
        chunk.outcomes[index] = error_record(item.doc_id, item.source, crash, item.raw_sha256)
        chunk.missing -= 1
        for other_seq in dict.fromkeys(s for s, _ in rest):
            self._send(fresh, pending[other_seq], [i for s, i in rest if s == other_seq])


def serve(config_json: str, inbox, conn: Connection, store: StoreTarget | None = None, stop=None) -> None:
    """A worker's life: load the pipeline once, then answer chunks until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # One worker is one core: torch's own thread pool would have the workers
    # fight over the same cores. Set before anything imports torch.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from hynlp.config import PipelineConfig
    from hynlp.pipeline import Pipeline

    # After importing jieba, which sets its own level: its start-up lines would cut through progress bars.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    writer = None
    try:
        pipeline = Pipeline(PipelineConfig.model_validate_json(config_json))
        writer = _StoreWriter(store) if store is not None else None
        conn.send(("ready", None))
        while (task := _next_task(inbox, stop)) is not None:
            seq, indices, items = task
            for index, item in zip(indices, items):
                if stop is not None and stop.is_set():
                    return
                outcome = process_item(item, pipeline)
                outcome = writer.write(outcome) if writer is not None else outcome
                conn.send(("done", (seq, index, *encode_outcome(outcome))))
    except HynlpError as error:  # a bad configuration, or a store that cannot be written
        # The class travels by reference; rebuilt in the parent with its message and hint.
        _send_quietly(conn, ("failed", (type(error), error.message, error.hint)))
    except (BrokenPipeError, ConnectionResetError):
        return  # the parent is gone (killed); nobody wants the outcome
    finally:
        if writer is not None:
            writer.close()


class _StoreWriter:
    """A worker's own connection to the run's store: it writes each outcome as it is made."""

    def __init__(self, target: StoreTarget):
        from hynlp.store import open_store

        self.store, self.run_id = open_store(target.db), target.run_id

    def write(self, outcome: Outcome) -> Stored:
        """Store ``outcome`` in its own transaction; a Stored note for the parent to count."""
        if isinstance(outcome, ErrorRecord):
            self.store.write_error(outcome, run_id=self.run_id)
        else:
            self.store.write([outcome], run_id=self.run_id)
        return Stored.of(outcome)

    def close(self) -> None:
        self.store.close()


def _send_quietly(conn: Connection, message: tuple) -> None:
    try:
        conn.send(message)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the parent is gone; it cannot be told


def _next_task(inbox, stop=None):
    """The next chunk, or None to stop: when told to (a None in the inbox, or
    ``stop`` set), or when the parent died (killed with SIGKILL it cannot tell
    us, and an orphan would wait forever)."""
    parent = multiprocessing.parent_process()
    while True:
        try:
            return inbox.get(timeout=_PARENT_CHECK_S)
        except queue.Empty:
            if parent is not None and not parent.is_alive() or stop is not None and stop.is_set():
                return None


def _release(worker: _Worker) -> None:
    worker.conn.close()
    # Unsent chunks of a dead worker must not keep the parent waiting at exit.
    worker.inbox.cancel_join_thread()
    worker.inbox.close()


@contextmanager
def _sigint_ignored():
    """Ignore SIGINT while starting workers, so they start with it ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may change handlers; Ctrl-C goes there anyway
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
