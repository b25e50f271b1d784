"""Reading articles as researchers have them: folders, .txt/.html, JSONL, CSV, Parquet.

Every input becomes an :class:`InputDoc` or, when it cannot be read, an
:class:`InputError` naming the file/row and the coded error, so a batch never
stops on a bad document. Archives are streamed row by row.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hynlp.errors import BadArchiveRow, HynlpError, InputNotFound, UnsupportedInput

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
ARCHIVE_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".parquet"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | ARCHIVE_SUFFIXES
TEXT_COLUMNS = ("text", "content", "body", "正文")
ID_COLUMNS = ("doc_id", "id", "uuid")
PARQUET_BATCH = 256


@dataclass(frozen=True)
class Columns:
    """Which archive columns hold the text, id, title, date and url (None: guess)."""

    text: str | None = None
    id: str | None = None
    title: str | None = "title"
    date: str | None = "date"
    url: str | None = "url"


@dataclass(frozen=True)
class InputDoc:
    doc_id: str
    source: str
    raw: str | bytes
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class InputError:
    doc_id: str
    source: str
    error: HynlpError


def iter_inputs(paths: Iterable[str | Path], columns: Columns = Columns()) -> Iterator[InputDoc | InputError]:
    """All documents under ``paths`` (files or folders, recursively, sorted)."""
    for file in input_files(paths):
        yield from read_file(file, columns)


def input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files under ``paths`` that :func:`iter_inputs` reads, in its order."""
    for path in map(Path, paths):
        if not path.exists():
            raise InputNotFound(f"no such file or folder: {path}")
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED and p.is_file())
        else:
            yield path


def is_single_document(path: Path) -> bool:
    """Whether the file holds one document (.txt, .html) rather than an archive of rows."""
    return path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents ``paths`` hold, when that is cheap to know: every file
    is a single document. None when an archive is among them (rows unknown)."""
    count = 0
    for file in input_files(paths):
        if not is_single_document(file):
            return None
        count += 1
    return count


def read_file(path: Path, columns: Columns = Columns()) -> Iterator[InputDoc | InputError]:
    """The documents of one file: one for .txt/.html, one per row for archives."""
    suffix = path.suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES:
            yield InputDoc(path.stem, str(path), path.read_bytes())
        elif suffix in HTML_SUFFIXES:
            yield _read_html(path)
        elif suffix in (".jsonl", ".ndjson"):
            yield from _read_jsonl(path, columns)
        elif suffix == ".csv":
            yield from _read_csv(path, columns)
        elif suffix == ".parquet":
            yield from _read_parquet(path, columns)
        else:
            raise UnsupportedInput(f"unsupported file type {suffix!r}", source=str(path))
    except HynlpError as error:
        yield InputError(path.stem, str(path), error)
    except OSError as exc:
        yield InputError(path.stem, str(path), InputNotFound(f"cannot read file: {exc}", source=str(path)))


def _read_html(path: Path) -> InputDoc:
    """The article body of a scraped page, through trafilatura."""
    import trafilatura

    from hynlp.normalize.decode import decode_bytes

    html, _ = decode_bytes(path.read_bytes(), source=str(path))
    body = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not body:
        raise BadArchiveRow("no article body found in the HTML page", source=str(path))
    metadata = trafilatura.extract_metadata(html)
    fields = {}
    if metadata is not None:
        fields = {k: v for k, v in (("title", metadata.title), ("published", metadata.date)) if v}
    return InputDoc(path.stem, str(path), body, fields)


def _row_doc(row: dict, path: Path, number: int, columns: Columns) -> InputDoc | InputError:
    source = f"{path}:{number}"
    text_key = columns.text or next((c for c in TEXT_COLUMNS if c in row), None)
    id_key = columns.id or next((c for c in ID_COLUMNS if c in row), None)
    doc_id = str(row[id_key]) if id_key and row.get(id_key) not in (None, "") else f"{path.stem}:{number}"
    text = row.get(text_key) if text_key else None
    if not isinstance(text, str):
        error = BadArchiveRow(f"row has no text in column {text_key or '|'.join(TEXT_COLUMNS)!r}", source=source)
        return InputError(doc_id, source, error)
    fields = {}
    for name, key in (("title", columns.title), ("published", columns.date), ("url", columns.url)):
        if key and row.get(key) not in (None, ""):
            fields[name] = str(row[key])
    return InputDoc(doc_id, fields.get("url", source), text, fields)


def _read_jsonl(path: Path, columns: Columns) -> Iterator[InputDoc | InputError]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise ValueError("a JSON object is expected on each line")
            except (ValueError, UnicodeDecodeError) as exc:
                source = f"{path}:{number}"
                yield InputError(f"{path.stem}:{number}", source, BadArchiveRow(f"broken JSON line: {exc}", source=source))
                continue
            yield _row_doc(row, path, number, columns)


def _read_csv(path: Path, columns: Columns) -> Iterator[InputDoc | InputError]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), 2):
            yield _row_doc(row, path, number, columns)


def _read_parquet(path: Path, columns: Columns) -> Iterator[InputDoc | InputError]:
    import pyarrow.parquet as pq

    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=PARQUET_BATCH):
        for row in batch.to_pylist():
            number += 1
            yield _row_doc(row, path, number, columns)
