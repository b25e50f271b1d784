"""Export every table of a store to files: Parquet, JSON Lines or CSV.

Tables are read in pages from one read transaction, so the files are a
consistent snapshot even while a run is writing, and memory stays bounded.

Column encodings per format:

* JSON columns (``repairs``, ``metadata``, ``titles``, ``counts``): native
  JSON in ``.jsonl``, JSON text in ``.parquet`` and ``.csv``;
* figure values: exact decimals in Parquet (precision and scale sized to the
  data), decimal text in CSV, JSON numbers in JSONL (integers when integral,
  as in the records' JSON form);
* dates and timestamps: ISO 8601 text in JSONL and CSV, date32 and UTC
  timestamps in Parquet.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import JSON, Column, Connection, Date, Engine, Float, Integer, Table, Text, select

from hynlp.errors import StoreError
from hynlp.store.connect import is_postgres
from hynlp.store.tables import TABLES, ExactDecimal, UTCDateTime

ExportFormat = Literal["parquet", "jsonl", "csv"]
EXPORT_FORMATS: tuple[str, ...] = ("parquet", "jsonl", "csv")

_PAGE_ROWS = 5000


def export_tables(engine: Engine, out_dir: str | Path, format: ExportFormat) -> list[Path]:
    """Write ``<table>.<format>`` for every table into ``out_dir``, replacing existing files."""
    if format not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {format!r}", hint=f"Use one of: {', '.join(EXPORT_FORMATS)}.")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    writer = {"parquet": _write_parquet, "jsonl": _write_jsonl, "csv": _write_csv}[format]
    paths = []
    with engine.connect() as conn:
        if is_postgres(engine):
            conn.execution_options(isolation_level="REPEATABLE READ")  # one snapshot for all tables
        with conn.begin():
            for name, table in TABLES.items():
                path = out / f"{name}.{format}"
                writer(conn, table, path)
                paths.append(path)
    return paths


def _pages(conn: Connection, table: Table) -> Iterator[list[dict]]:
    query = select(table).order_by(*table.primary_key.columns)
    result = conn.execution_options(yield_per=_PAGE_ROWS).execute(query).mappings()
    for page in result.partitions():
        yield [dict(row) for row in page]


def _write_jsonl(conn: Connection, table: Table, path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for page in _pages(conn, table):
            for row in page:
                handle.write(json.dumps(row, ensure_ascii=False, default=_json_default) + "\n")


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot export {type(value).__name__} to JSON")


def _write_csv(conn: Connection, table: Table, path: Path) -> None:
    json_columns = [c.name for c in table.c if isinstance(c.type, JSON)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[c.name for c in table.c])
        writer.writeheader()
        for page in _pages(conn, table):
            for row in page:
                writer.writerow(_csv_row(row, json_columns))


def _csv_row(row: dict, json_columns: list[str]) -> dict:
    out = {}
    for name, value in row.items():
        if name in json_columns and value is not None:
            value = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, (date, datetime)):
            value = value.isoformat()
        out[name] = value  # None becomes an empty cell; Decimal prints exactly
    return out


def _write_parquet(conn: Connection, table: Table, path: Path) -> None:
    schema = pa.schema([pa.field(c.name, _arrow_type(conn, c), nullable=c.nullable) for c in table.c])
    json_columns = [c.name for c in table.c if isinstance(c.type, JSON)]
    with pq.ParquetWriter(path, schema) as writer:
        for page in _pages(conn, table):
            for row in page:
                for name in json_columns:
                    if row[name] is not None:
                        row[name] = json.dumps(row[name], ensure_ascii=False)
            writer.write_table(pa.Table.from_pylist(page, schema=schema))


def _arrow_type(conn: Connection, column: Column) -> pa.DataType:
    kind = column.type
    if isinstance(kind, ExactDecimal):
        return _decimal_type(conn, column)
    if isinstance(kind, UTCDateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(kind, Integer):
        return pa.int64()
    if isinstance(kind, Float):
        return pa.float64()
    if isinstance(kind, Date):
        return pa.date32()
    if isinstance(kind, (Text, JSON)):
        return pa.string()
    raise TypeError(f"no Parquet type for column {column} of type {kind!r}")


def _decimal_type(conn: Connection, column: Column) -> pa.DataType:
    """The smallest decimal type holding every stored value exactly."""
    scale, int_digits = 0, 1
    for (value,) in conn.execution_options(yield_per=_PAGE_ROWS).execute(select(column)):
        if value is None:
            continue
        if not value.is_finite():
            raise StoreError(f"{column} holds {value}, which Parquet decimals cannot represent")
        _, digits, exponent = value.as_tuple()
        scale = max(scale, -exponent)
        int_digits = max(int_digits, len(digits) + exponent)
    precision = int_digits + scale
    if precision <= 38:
        return pa.decimal128(precision, scale)
    if precision <= 76:
        return pa.decimal256(precision, scale)
    raise StoreError(f"{column} holds values with {precision} digits, beyond Parquet's 76")
