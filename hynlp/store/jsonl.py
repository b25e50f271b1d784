"""JSONL output: one flat object per article (the evaluation contract).

The configuration and pipeline version are written beside the file as
``<name>.config.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from hynlp.errors import BadArchiveRow, InputNotFound, StoreError
from hynlp.records import ErrorRecord, ExtractionResult


class JsonlSink:
    """Appends results to a JSONL file and errors to ``<name>.errors.jsonl``."""

    def __init__(self, path: str | Path, *, config_json: str, pipeline_version: str):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._out = self.path.open("w", encoding="utf-8")
            self._errors_path = self.path.with_suffix(".errors.jsonl")
            self._errors = None
            config = {"pipeline_version": pipeline_version, "config": json.loads(config_json)}
            self.path.with_suffix(".config.json").write_text(
                json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"cannot write {self.path}: {exc}") from exc

    def write(self, results: Iterable[ExtractionResult]) -> int:
        count = 0
        for result in results:
            self._out.write(json.dumps(result.to_record(), ensure_ascii=False) + "\n")
            count += 1
        self._out.flush()
        return count

    def write_error(self, error: ErrorRecord) -> None:
        if self._errors is None:
            self._errors = self._errors_path.open("w", encoding="utf-8")
        self._errors.write(error.model_dump_json() + "\n")
        self._errors.flush()

    def close(self) -> None:
        self._out.close()
        if self._errors is not None:
            self._errors.close()


def read_records(path: str | Path) -> list[dict]:
    """The flat JSON records of a file written by :class:`JsonlSink`.

    Raises InputNotFound for a missing file and BadArchiveRow naming the
    first line that is not JSON.
    """
    try:
        with Path(path).open(encoding="utf-8") as handle:
            return [_parse(line, path, number) for number, line in enumerate(handle, 1) if line.strip()]
    except FileNotFoundError as exc:
        raise InputNotFound(f"no file {path}", hint=_WRITTEN_BY) from exc
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc}") from exc


_WRITTEN_BY = "Write the file with `hynlp extract INPUT... --format jsonl --out FILE`."


def _parse(line: str, path: str | Path, number: int) -> dict:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadArchiveRow(f"line {number} is not JSON: {exc.msg} (column {exc.colno})",
                            source=f"{path}:{number}",
                            hint=f"Fix or delete the line. {_WRITTEN_BY}") from exc


def read_jsonl(path: str | Path) -> list[ExtractionResult]:
    """Load results written by :class:`JsonlSink` as records."""
    return [ExtractionResult.from_record(record) for record in read_records(path)]
