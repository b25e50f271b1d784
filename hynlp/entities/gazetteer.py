"""Gazetteers: lists of known names, matched longest first in the text.

Every gazetteer file, shipped or user-supplied (``EntityConfig.gazetteers``),
has one entry a line: ``TYPE<TAB>name`` with an optional third column of
comma-separated short forms (``PLACE<TAB>山东省<TAB>山东``). ``#`` starts a
comment line.

>>> gaz = Gazetteer.from_lines(["PLACE\\t山东省\\t山东", "GOV\\t国务院"], source="demo")
>>> [(m.text, m.entry.name, m.short) for m in gaz.find("国务院支持山东发展")]
[('国务院', '国务院', False), ('山东', '山东省', True)]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from hynlp.entities.lexicon import longest_word_pattern, read_data_lines
from hynlp.errors import ConfigError
from hynlp.records import EntityType

PACKAGE_GAZETTEERS = ("places_cn.txt", "organizations_cn.txt")
ENTITY_TYPES = frozenset(get_args(EntityType))


@dataclass(frozen=True)
class GazetteerEntry:
    type: str
    name: str
    short_forms: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)  # slots: built for every match, a quarter faster
class GazetteerMatch:
    start: int
    end: int
    text: str
    entry: GazetteerEntry
    short: bool


class Gazetteer:
    """Known names with their types; later files override earlier ones."""

    def __init__(self, entries: Iterable[GazetteerEntry]):
        self.forms: dict[str, tuple[GazetteerEntry, bool]] = {}
        for entry in entries:
            self.forms[entry.name] = (entry, False)
            for short in entry.short_forms:
                # A short form never shadows another entry's full name.
                if short not in self.forms or self.forms[short][1]:
                    self.forms[short] = (entry, True)
        self.lengths = tuple(sorted({len(f) for f in self.forms}, reverse=True))
        # One regex scan for find() instead of a dictionary probe per text position.
        self._pattern = longest_word_pattern(self.forms)

    @classmethod
    def load(cls, extra_files: Iterable[str] = ()) -> Gazetteer:
        """The shipped gazetteers, then each user file in order."""
        entries: list[GazetteerEntry] = []
        for name in PACKAGE_GAZETTEERS:
            entries += parse_lines(read_data_lines(name), source=name)
        for path in extra_files:
            entries += parse_lines(_read_user_file(path), source=str(path))
        return cls(entries)

    @classmethod
    def from_lines(cls, lines: Iterable[str], *, source: str) -> Gazetteer:
        return cls(parse_lines(lines, source=source))

    def lookup(self, form: str) -> tuple[GazetteerEntry, bool] | None:
        """The entry a full or short form belongs to, and whether it is short."""
        return self.forms.get(form)

    def entries(self) -> list[GazetteerEntry]:
        return list({id(e): e for e, _ in self.forms.values()}.values())

    def find(self, text: str) -> Iterator[GazetteerMatch]:
        """Leftmost-longest, non-overlapping matches of every known form."""
        for found in self._pattern.finditer(text):
            form = found.group()
            entry, short = self.forms[form]
            yield GazetteerMatch(found.start(), found.end(), form, entry, short)


def parse_lines(lines: Iterable[str], *, source: str) -> list[GazetteerEntry]:
    """Entries of one gazetteer file; a malformed line is an error, never skipped."""
    entries = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) not in (2, 3) or fields[0] not in ENTITY_TYPES or not fields[1].strip():
            raise ConfigError(
                f"gazetteer {source}, line {number}: expected 'TYPE<TAB>name[<TAB>short,forms]' "
                f"with TYPE one of {sorted(ENTITY_TYPES)}, got {line!r}")
        shorts = tuple(s.strip() for s in fields[2].split(",") if s.strip()) if len(fields) == 3 else ()
        entries.append(GazetteerEntry(fields[0], fields[1].strip(), shorts, source))
    return entries


def _read_user_file(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").split("\n")
    except FileNotFoundError:
        raise ConfigError(f"gazetteer file not found: {path}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"gazetteer file is not UTF-8: {path}") from None
