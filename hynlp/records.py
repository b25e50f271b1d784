"""The record schema: Pydantic models are the single source of truth.

Stores, JSONL output, the JSON Schema printed by ``hynlp schema`` and the
DataFrames of the Python API are all derived from these classes.

Values are :class:`~decimal.Decimal` inside hynlp so that ``1.57%`` never
becomes ``1.5699999999999998``; they serialize as JSON numbers, integers when
integral.

>>> fig = Figure(kind="investment", value=Decimal("314000000000"), unit="CNY",
...              surface="总投资3140亿元", start=0, end=9, raw_start=0, raw_end=9)
>>> fig.model_dump(mode="json")["value"]
314000000000
"""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

if TYPE_CHECKING:  # spaCy and pandas load only when a result is converted
    from spacy.tokens import Doc as SpacyDoc

    from hynlp.frames import ResultFrames

SCHEMA_VERSION = 1

EntityType = Literal["PROJECT", "COMPANY", "ORG", "GOV", "PERSON", "PLACE", "DATE"]
Qualifier = Literal["exact", "at_least", "at_most", "approx"]
FigureKind = Literal[
    "investment", "revenue", "output", "funding", "households", "rate",
    "area", "length", "count", "other",
]
Source = Literal["rule", "gazetteer", "model"]


def _json_number(value: Decimal | None) -> int | float | None:
    """Integral decimals become ints, others the shortest float that round-trips."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Repair(_Record):
    """One change the normalizer made, with the raw span it came from."""

    kind: str = Field(description="fixer name: pinyin, mojibake, unrepaired, script, punctuation, width, whitespace, control, boilerplate, ...")
    raw_start: int
    raw_end: int
    before: str
    after: str
    confidence: float = 1.0
    note: str = ""


class Sentence(_Record):
    index: int
    start: int
    end: int


class Entity(_Record):
    type: EntityType
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    title: str | None = Field(default=None, description="job title, for officials")
    organization: str | None = Field(default=None, description="organization of an official")
    canonical: str | None = Field(default=None, description="full form when this mention is a short form")
    confidence: float = 1.0
    source: Source = "rule"
    rule: str = ""


class Figure(_Record):
    kind: FigureKind
    value: Decimal
    value_max: Decimal | None = Field(default=None, description="high end of a range")
    unit: str = Field(description="CNY, USD, %, percentage_points, m2, mu, km2, km, m, kW, MW, households, or a counted noun: projects, enterprises, people, ...")
    qualifier: Qualifier = "exact"
    surface: str
    subject: str | None = None
    subject_entity: int | None = Field(default=None, description="index into the article's entities")
    subject_rule: str = ""
    sentence: int = 0
    start: int
    end: int
    raw_start: int
    raw_end: int
    confidence: float = 1.0
    rule: str = ""

    @field_serializer("value", "value_max", when_used="json")
    def _as_number(self, value: Decimal | None) -> int | float | None:
        return _json_number(value)


class Official(_Record):
    name: str
    titles: list[str]
    organization: str | None = None
    entity: int = Field(description="index of the PERSON entity")


class Article(_Record):
    doc_id: str
    source: str | None = None
    title: str | None = None
    published: date | None = None
    editor: str | None = None
    raw_sha256: str
    text: str
    repairs: list[Repair] = []
    metadata: dict[str, str] = {}


class ExtractionResult(_Record):
    """Everything hynlp knows about one article."""

    article: Article
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    figures: list[Figure] = []
    officials: list[Official] = []
    pipeline_version: str
    config_hash: str

    @property
    def doc_id(self) -> str:
        return self.article.doc_id

    @property
    def doc(self) -> SpacyDoc:
        """This article as a spaCy Doc, built from the record on each access:
        keep it in a variable (see :func:`hynlp.spacy_doc.result_doc`)."""
        from hynlp.spacy_doc import result_doc

        return result_doc(self)

    def to_frame(self) -> ResultFrames:
        """DataFrames of the entities, figures, officials and repairs (see :mod:`hynlp.frames`)."""
        from hynlp.frames import results_frames

        return results_frames([self])

    def to_record(self) -> dict:
        """The flat JSONL contract: article fields at the top level."""
        data = self.model_dump(mode="json", exclude={"article"})
        return {**self.article.model_dump(mode="json"), **data}

    @classmethod
    def from_record(cls, record: dict) -> ExtractionResult:
        article_fields = set(Article.model_fields)
        article = {k: v for k, v in record.items() if k in article_fields}
        rest = {k: v for k, v in record.items() if k not in article_fields}
        return cls(article=Article(**article), **rest)


class ErrorRecord(_Record):
    """A document that could not be processed: never a crash, always a row."""

    doc_id: str
    source: str | None = None
    code: str
    message: str
    raw_sha256: str | None = None


def sha256_text(text: str | bytes) -> str:
    """Content hash of an input as it was given: bytes as they are, text as UTF-8."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", errors="surrogatepass")
    return hashlib.sha256(data).hexdigest()
