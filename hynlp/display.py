"""Entities and figures highlighted in one displaCy view.

displaCy's ``style="span"`` puts a space after every token, which reads
badly in Chinese, and ``style="ent"`` cannot show overlapping spans. So the
view is built by character offsets for ``style="ent"``: every figure
(labelled with its kind, in lower case) and every entity (its type, upper
case) that overlaps no figure and lies inside no longer entity. Nothing is
lost from the result: all entities stay in ``result.entities`` and
``result.doc.spans["entities"]``.

>>> from hynlp.records import Article, Entity, ExtractionResult, Figure
>>> from decimal import Decimal
>>> text = "青禾区项目总投资42亿元。"
>>> result = ExtractionResult(
...     article=Article(doc_id="d", raw_sha256="0" * 64, text=text),
...     entities=[Entity(type="GOV", text="青禾区", start=0, end=3, raw_start=0, raw_end=3)],
...     figures=[Figure(kind="investment", value=Decimal("4200000000"), unit="CNY", surface="总投资42亿元",
...                     start=5, end=12, raw_start=5, raw_end=12)],
...     pipeline_version="0.1.0", config_hash="c" * 16)
>>> [(text[s["start"]:s["end"]], s["label"]) for s in displacy_data(result)["ents"]]
[('青禾区', 'GOV'), ('总投资42亿元', 'investment')]
>>> "总投资42亿元" in render(result)
True
"""

from __future__ import annotations

from typing import get_args

from spacy import displacy

from hynlp.records import ExtractionResult, FigureKind

ENTITY_COLORS = (
    ("PROJECT", "#7aecec"), ("COMPANY", "#bfeeb7"), ("ORG", "#feca74"), ("GOV", "#aa9cfc"),
    ("PERSON", "#ff9561"), ("PLACE", "#c887fb"), ("DATE", "#bfe1d9"),
)
FIGURE_COLOR = "#ffd700"


def displacy_data(result: ExtractionResult) -> dict:
    """``{"text", "ents", "title"}`` for ``displacy.render(..., style="ent", manual=True)``."""
    figures = [{"start": f.start, "end": f.end, "label": f.kind} for f in result.figures]
    entities = sorted(result.entities, key=lambda e: (e.start, -(e.end - e.start)))
    shown: list[dict] = []
    for entity in entities:
        if any(_overlaps(entity, span) for span in [*figures, *shown]):
            continue
        shown.append({"start": entity.start, "end": entity.end, "label": entity.type})
    spans = sorted([*figures, *shown], key=lambda span: span["start"])
    return {"text": result.article.text, "ents": spans, "title": result.article.title or result.doc_id}


def displacy_options() -> dict:
    """displaCy ``options``: a colour per entity type, one colour for every figure kind."""
    colors = {label: color for label, color in ENTITY_COLORS}
    colors.update({kind.upper(): FIGURE_COLOR for kind in get_args(FigureKind)})
    return {"colors": colors}


def render(result: ExtractionResult, *, jupyter: bool | None = None) -> str | None:
    """The highlighted article as HTML; in a notebook (``jupyter=True``) it is displayed."""
    return displacy.render(displacy_data(result), style="ent", manual=True,
                           options=displacy_options(), jupyter=jupyter)


def _overlaps(entity, span: dict) -> bool:
    return entity.start < span["end"] and span["start"] < entity.end
