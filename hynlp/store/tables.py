"""Table definitions of a hynlp store (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Every child table (sentences, entities, figures, officials) has the same
shape: ``article_id`` (the articles row it belongs to), ``idx`` (its position
in the result's list) and then exactly the fields of its record class in
:mod:`hynlp.records`, so rows and records convert field by field.

>>> sorted(TABLES)
['articles', 'entities', 'errors', 'figures', 'meta', 'officials', 'runs', 'sentences']
>>> ExactDecimal().process_result_value("98.71", None)
Decimal('98.71')
"""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from types import MappingProxyType

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator


class ExactDecimal(TypeDecorator):
    """A Decimal stored as its exact text: SQLite has no exact numeric type.

    ``str(Decimal)`` round-trips exactly (``Decimal("3.140E+11")`` included), so
    a value loads back as the very Decimal that was written.
    """

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"ExactDecimal stores Decimal values only, got {type(value).__name__}")
        return str(value)

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


class UTCDateTime(TypeDecorator):
    """Timestamps stored as naive UTC, returned timezone-aware on every backend.

    SQLite drops time zones and PostgreSQL converts them to the session zone;
    storing naive UTC makes both return the same values.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs a timezone-aware datetime")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=timezone.utc)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


METADATA = MetaData()

meta = Table(
    "meta",
    METADATA,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

runs = Table(
    "runs",
    METADATA,
    Column("run_id", Text, primary_key=True),
    Column("started_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime),
    Column("pipeline_version", Text, nullable=False),
    Column("config", Text, nullable=False, comment="the configuration as JSON text, verbatim"),
    Column("config_hash", Text, nullable=False),
    Column("counts", JSON),
)

articles = Table(
    "articles",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", Text, nullable=False),
    Column("source", Text),
    # NULLs never collide in a UNIQUE constraint, so the identity uses '' for "no source".
    Column("source_key", Text, nullable=False),
    Column("title", Text),
    Column("published", Date),
    Column("editor", Text),
    Column("raw_sha256", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("repairs", JSON, nullable=False),
    Column("metadata", JSON, nullable=False),
    Column("pipeline_version", Text, nullable=False),
    Column("config_hash", Text, nullable=False),
    Column("run_id", Text, ForeignKey("runs.run_id")),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("doc_id", "source_key", name="uq_articles_identity"),
)


def _child_table(name: str, *columns: Column) -> Table:
    return Table(
        name,
        METADATA,
        Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        Column("idx", Integer, primary_key=True),
        *columns,
    )


sentences = _child_table(
    "sentences",
    Column("index", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

entities = _child_table(
    "entities",
    Column("type", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("raw_start", Integer, nullable=False),
    Column("raw_end", Integer, nullable=False),
    Column("title", Text),
    Column("organization", Text),
    Column("canonical", Text),
    Column("confidence", Float, nullable=False),
    Column("source", Text, nullable=False),
    Column("rule", Text, nullable=False),
)

figures = _child_table(
    "figures",
    Column("kind", Text, nullable=False),
    Column("value", ExactDecimal, nullable=False),
    Column("value_max", ExactDecimal),
    Column("unit", Text, nullable=False),
    Column("qualifier", Text, nullable=False),
    Column("surface", Text, nullable=False),
    Column("subject", Text),
    Column("subject_entity", Integer),
    Column("subject_rule", Text, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("raw_start", Integer, nullable=False),
    Column("raw_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("rule", Text, nullable=False),
)

officials = _child_table(
    "officials",
    Column("name", Text, nullable=False),
    Column("titles", JSON, nullable=False),
    Column("organization", Text),
    Column("entity", Integer, nullable=False),
)

errors = Table(
    "errors",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", Text, nullable=False),
    Column("source", Text),
    Column("source_key", Text, nullable=False),
    Column("code", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("raw_sha256", Text),
    Column("pipeline_version", Text, nullable=False),
    Column("run_id", Text, ForeignKey("runs.run_id")),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("doc_id", "source_key", name="uq_errors_identity"),
)

Index("ix_entities_type", entities.c.type)
Index("ix_figures_kind", figures.c.kind)

TABLES = MappingProxyType(dict(METADATA.tables))

# Child tables in the order results list them; used when reading and replacing.
CHILD_TABLES = MappingProxyType({
    "sentences": sentences,
    "entities": entities,
    "figures": figures,
    "officials": officials,
})


def source_key(source: str | None) -> str:
    return "" if source is None else source
