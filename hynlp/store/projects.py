"""One project across the archive: ``store.project("北关片区城市更新项目")``.

A project is found by its PROJECT mentions: the name itself, a mention whose
full form (``canonical``) is the name, or a phase named after it
(``北关片区城市更新项目一期``). Its figures are those whose subject is one of
these mentions (``subject_entity``) or whose subject text is the mention's
text. The officials are those named in the same articles. Every frame is
ordered by publication date, so it reads as the project's history; its
columns are those of ``store.entities()``, ``store.figures()`` and
``store.officials()``, plus ``project`` (the mention a figure is about).

>>> is_phase_of("北关片区城市更新项目一期", "北关片区城市更新项目")
True
>>> is_phase_of("北关片区城市更新项目指挥部", "北关片区城市更新项目")
False
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, or_, select

from hynlp.errors import ProjectNotFound
from hynlp.store.frames import entities_query, figures_query, officials_query, read_frame
from hynlp.store.tables import entities, figures, officials

PHASE_SUFFIX = re.compile(r"[一二三四五六七八九十\d]+期(?:工程|项目)?")
_SUGGESTIONS = 5
_ORDER = ["published", "doc_id", "idx"]


@dataclass(frozen=True)
class ProjectFrames:
    """A project's mentions, figures and officials as DataFrames, oldest first."""

    name: str
    mentions: pd.DataFrame
    figures: pd.DataFrame
    officials: pd.DataFrame

    @property
    def doc_ids(self) -> list[str]:
        """The articles that mention the project, oldest first."""
        return list(dict.fromkeys(self.mentions["doc_id"]))


def is_phase_of(text: str, name: str) -> bool:
    """Whether ``text`` names a phase of the project ``name`` (``…一期``, ``…二期工程``)."""
    return text.startswith(name) and PHASE_SUFFIX.fullmatch(text[len(name):]) is not None


def project_frames(engine: Engine, name: str) -> ProjectFrames:
    mentions = _mentions(engine, name)
    if mentions.empty:
        raise ProjectNotFound(f"no PROJECT mention named {name!r} in this store", hint=_suggest(engine, name))
    article_ids = sorted(set(mentions["article_id"]))
    return ProjectFrames(
        name=name,
        mentions=_by_date(mentions),
        figures=_by_date(_figures(engine, mentions, article_ids)),
        officials=_by_date(read_frame(engine, officials_query().where(officials.c.article_id.in_(article_ids)))),
    )


def _mentions(engine: Engine, name: str) -> pd.DataFrame:
    query = entities_query(type="PROJECT").where(
        or_(entities.c.text.startswith(name, autoescape=True), entities.c.canonical == name)
    )
    found = read_frame(engine, query)
    keep = [text == name or canonical == name or is_phase_of(text, name)
            for text, canonical in zip(found["text"], found["canonical"])]
    return found[keep]


def _figures(engine: Engine, mentions: pd.DataFrame, article_ids: list[int]) -> pd.DataFrame:
    """Figures whose subject is one of the mentions, with that mention as ``project``."""
    candidates = read_frame(engine, figures_query().where(figures.c.article_id.in_(article_ids)))
    by_index = {(row.article_id, row.idx): row.text for row in mentions.itertuples()}
    by_text = {(row.article_id, row.text): row.text for row in mentions.itertuples()}
    project = [
        by_index.get((article_id, int(entity))) if pd.notna(entity) else by_text.get((article_id, subject))
        for article_id, entity, subject in zip(candidates["article_id"], candidates["subject_entity"],
                                                candidates["subject"])
    ]
    return candidates.assign(project=project).dropna(subset=["project"])


def _by_date(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(_ORDER, na_position="last", kind="stable").reset_index(drop=True)


def _suggest(engine: Engine, name: str) -> str:
    query = select(entities.c.text).where(entities.c.type == "PROJECT").distinct().order_by(entities.c.text)
    with engine.connect() as conn:
        known = list(conn.execute(query).scalars())
    close = [text for text in known if name in text or text in name]
    close += difflib.get_close_matches(name, known, n=_SUGGESTIONS, cutoff=0.4)
    close = list(dict.fromkeys(close))[:_SUGGESTIONS]
    if not close:
        return "List the stored projects with store.entities(type='PROJECT')."
    return f"Projects with similar names: {', '.join(close)}. List all with store.entities(type='PROJECT')."
