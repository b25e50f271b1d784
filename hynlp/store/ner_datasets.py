"""Readers for annotated NER datasets: character BIO/BMES columns and CLUENER JSON.

Every reader yields :class:`~hynlp.ner.spans.TaggedSentence` objects: the
sentence's characters and its gold spans ``(start, end, label)``, end
exclusive, with the dataset's own label names.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "t.bio").write_text("青\\tB-LOC\\n禾\\tI-LOC\\n区\\tI-LOC\\n好\\tO\\n\\n", encoding="utf-8")
>>> [(s.text, s.spans) for s in read_tagged(folder / "t.bio")]
[('青禾区好', [(0, 3, 'LOC')])]
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from hynlp.errors import DatasetFormatError
from hynlp.ner.spans import TaggedSentence, spans_from_tags

FORMATS = ("bio", "bmes", "cluener")


def detect_format(path: Path) -> str:
    """``cluener`` for JSON lines, otherwise ``bmes`` when an E-/S- tag occurs, else ``bio``."""
    with open(path, encoding="utf-8") as handle:
        head = [line for _, line in zip(range(400), handle)]
    if any(line.lstrip().startswith("{") for line in head[:5]):
        return "cluener"
    tags = {_split_column_line(line, path, i)[1][:2] for i, line in enumerate(head, 1) if line.strip()}
    return "bmes" if tags & {"E-", "S-", "M-"} else "bio"


def read_tagged(path: str | Path, fmt: str | None = None) -> Iterator[TaggedSentence]:
    """Sentences of a BIO/BMES column file or a CLUENER JSON-lines file."""
    path = Path(path)
    if not path.is_file():
        raise DatasetFormatError(f"no dataset file at {path}")
    fmt = fmt or detect_format(path)
    if fmt not in FORMATS:
        raise DatasetFormatError(f"unknown dataset format {fmt!r} for {path}: use one of {', '.join(FORMATS)}")
    yield from (_read_cluener(path) if fmt == "cluener" else _read_columns(path))


def _split_column_line(line: str, path: Path, number: int) -> tuple[str, str]:
    """``char<TAB or space>tag``; Weibo's ``char+segment-index`` column keeps only its character."""
    parts = line.rstrip("\n").split("\t") if "\t" in line else line.rstrip("\n").split(" ")
    if len(parts) != 2 or not parts[0]:
        raise DatasetFormatError(f"{path}:{number}: expected 'character<TAB>tag', got {line.rstrip()!r}")
    char, tag = parts
    return char[0], tag.strip() or "O"  # MSRA's train file has a few lines with an empty tag


def _read_columns(path: Path) -> Iterator[TaggedSentence]:
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                if chars:
                    yield TaggedSentence("".join(chars), spans_from_tags(tags, where=f"{path}:{number}"))
                chars, tags = [], []
                continue
            char, tag = _split_column_line(line, path, number)
            chars.append(char)
            tags.append(tag)
    if chars:
        yield TaggedSentence("".join(chars), spans_from_tags(tags, where=str(path)))


def _read_cluener(path: Path) -> Iterator[TaggedSentence]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = item["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise DatasetFormatError(f"{path}:{number}: not a CLUENER line ({error})") from error
            spans = [(start, end + 1, label)  # CLUENER ends are inclusive
                     for label, names in (item.get("label") or {}).items()
                     for offsets in names.values() for start, end in offsets]
            yield TaggedSentence(text, sorted(spans))


def is_ner_dataset(path: str | Path) -> bool:
    """A column file (``char<TAB>tag``) or CLUENER JSON lines (``text`` and ``label`` keys)."""
    path = Path(path)
    if not path.is_file():
        return False
    with open(path, encoding="utf-8", errors="strict") as handle:
        try:
            first = next((line for line in handle if line.strip()), "")
        except UnicodeDecodeError:
            return False
    if first.lstrip().startswith("{"):
        try:
            item = json.loads(first)
        except json.JSONDecodeError:
            return False
        return isinstance(item, dict) and "text" in item and "label" in item
    parts = first.rstrip("\n").split("\t" if "\t" in first else " ")
    return len(parts) == 2 and len(parts[0]) <= 3 and bool(parts[1]) and parts[1][:2] in ("O", "B-", "I-", "S-")
