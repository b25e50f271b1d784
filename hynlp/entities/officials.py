"""Officials: whose organization a title belongs to, and the Official records.

The organization of a title is taken, in order, from

1. the organization written before it: ``某某集团总裁`` -> 某某集团,
   ``某某镇党委书记`` -> 某某镇党委, ``某某区委书记`` -> 某某区委 (also when
   only the short name 某某 is written);
2. for a title of a level (区委书记, 县长, 镇长…), the article's own unit of
   that level, the one it mentions most: ``区委书记`` in an article about
   某某区 -> 某某区委;
3. nothing: a company title with no company before it, 市领导, 书记.

>>> from hynlp.document import Document
>>> from hynlp.normalize import normalize
>>> from hynlp.entities import EntityTagger
>>> doc = Document(doc_id="d", raw="某河区召开大会。区委书记孙某某讲话。")
>>> doc.normalized = normalize(doc.raw)
>>> doc = EntityTagger()(doc)
>>> [(o.name, o.titles, o.organization) for o in officials_from(doc)]
[('孙某某', ['区委书记'], '某河区委')]
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property

from hynlp.document import Document
from hynlp.entities.boundaries import NameScanner, is_cjk_text
from hynlp.entities.candidates import Candidate, CandidatePool
from hynlp.entities.lexicon import Title
from hynlp.entities.places import admin_level, admin_short_form
from hynlp.records import Official

LEVELS = ("街道", "社区", "省", "市", "区", "县", "旗", "镇", "乡", "村")
TITLE_SEPARATORS = re.compile(r"[、兼]")
WRITTEN_PREFIX_MAX = 4
CONJUNCTIONS = frozenset("和与及、")


class OrganizationResolver:
    """Resolves the organization of a title against one article's places."""

    def __init__(self, pool: CandidatePool, scanner: NameScanner):
        self.pool = pool
        self.scanner = scanner

    @cached_property
    def main_units(self) -> dict[str, list[str]]:
        """The article's units by level; counted on first use, as most articles name no official."""
        return _main_units(self.pool)

    def resolve(self, title: Title, title_start: int, chain_start: int | None = None) -> str | None:
        """Organization of ``title`` written at ``title_start``.

        In a chain (某某高新区党工委书记、管委会主任) the organization written
        before the first title also serves the last one.
        """
        organization = self._resolve_at(title, title_start)
        if organization is None and chain_start is not None and chain_start != title_start:
            organization = self._resolve_at(title, chain_start)
        return organization

    def _resolve_at(self, title: Title, title_start: int) -> str | None:
        kind = title.organization
        if kind == "-":
            return None
        written = self.pool.ending_at(title_start, ("COMPANY", "GOV", "PLACE", "ORG"))
        if kind == "@company":
            return written.text(self.pool.text) if written is not None and written.type == "COMPANY" else None
        if kind == "@org":
            return written.text(self.pool.text) if written is not None else None
        level = next((lv for lv in LEVELS if kind.startswith(lv)), None)
        if level is None:  # an organ named by what is written before it: 某某高新区 + 管委会
            owner = written.text(self.pool.text) if written is not None else self._written_name(title_start)
            return owner + kind if owner is not None else None
        return self._level_organ(level, kind[len(level):], written, title_start)

    def _level_organ(self, level: str, organ: str, written: Candidate | None, title_start: int) -> str | None:
        text = self.pool.text
        if written is not None and admin_level(written.text(text)) == level:
            return written.text(text) + organ
        for unit in self.main_units.get(level, []):
            short = admin_short_form(unit)
            if short and text.endswith(short, 0, title_start):
                return unit + organ
        prefix = self._written_name(title_start)
        if prefix is not None:
            return prefix + level + organ
        units = self.main_units.get(level)
        return units[0] + organ if units else None

    def _written_name(self, title_start: int) -> str | None:
        """A short unit name written right before a level title: 某某|区委书记."""
        pool = self.pool
        if title_start and pool.text[title_start - 1] in CONJUNCTIONS:
            return None  # 某某和|区长: the word before is a conjunction, no unit is written
        start = self.scanner.left_edge(
            pool, title_start, max_len=WRITTEN_PREFIX_MAX,
            accept=lambda s: s if 2 <= title_start - s and is_cjk_text(pool.text[s:title_start])
            and not self.scanner.is_generic(pool.text[s:title_start]) else None)
        return pool.text[start:title_start] if start is not None else None


def _main_units(pool: CandidatePool) -> dict[str, list[str]]:
    """The article's administrative units by level, most mentioned first."""
    text = pool.text
    names = {c.text(text) for c in pool.of_type("PLACE", "GOV") if admin_level(c.text(text))}
    counts: Counter[str] = Counter()
    for name in names:
        short = admin_short_form(name)
        counts[name] = text.count(short) if short else text.count(name)
    by_level: dict[str, list[str]] = {}
    for name, _ in sorted(counts.items(), key=lambda item: (-item[1], text.find(item[0]))):
        by_level.setdefault(admin_level(name), []).append(name)
    return by_level


def officials_from(doc: Document) -> list[Official]:
    """One :class:`~hynlp.records.Official` per titled person, title and organization.

    ``entity`` is the index of the first such mention in ``doc.entities``.
    """
    officials, seen = [], set()
    for index, entity in enumerate(doc.entities):
        if entity.type != "PERSON" or not entity.title:
            continue
        key = (entity.text, entity.title, entity.organization)
        if key in seen:
            continue
        seen.add(key)
        titles = [t for t in TITLE_SEPARATORS.split(entity.title) if t]
        officials.append(Official(name=entity.text, titles=titles,
                                  organization=entity.organization, entity=index))
    return officials
