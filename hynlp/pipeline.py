"""The pipeline: a list of ``Document -> Document`` components and records out.

>>> nlp = Pipeline()
>>> result = nlp("區委書記張建國調研，項目總投資3.2億元。", doc_id="demo")
>>> result.article.text
'区委书记张建国调研，项目总投资3.2亿元。'
>>> [(f.kind, f.value, f.unit) for f in result.figures]
[('investment', Decimal('320000000'), 'CNY')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from hynlp.config import PIPELINE_VERSION, EntityConfig, PipelineConfig
from hynlp.errors import ConfigError
from hynlp.document import Document
from hynlp.entities import EntityTagger, officials_from
from hynlp.figures import FigureExtractor
from hynlp.normalize.fixers import Normalizer
from hynlp.records import Article, ExtractionResult, sha256_text
from hynlp.segment import Segmenter
from hynlp.sentences import SentenceSplitter

Component = Callable[[Document], Document]
HEADLINE_MAX = 60
PIPE_BATCH_SIZE = 32
DATE_IN_TEXT = re.compile(r"(20\d{2}|19\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})")
# A dateline ("来源：青禾区融媒体中心  2024-03-18") stays in the text below the
# headline; only the first lines are searched, so dates in the body never count.
DATELINE = re.compile(r"来源|稿源|发布时间|发布日期")
DATELINE_LINES = 3


class NormalizeStep:
    """Component wrapper around :class:`Normalizer`."""

    def __init__(self, normalizer: Normalizer):
        self.normalizer = normalizer

    def __call__(self, doc: Document) -> Document:
        doc.normalized = self.normalizer(doc.raw, source=doc.source)
        doc.metadata.update(doc.normalized.metadata)
        return doc


class Pipeline:
    """Runs the components in order and builds an :class:`ExtractionResult`."""

    def __init__(self, config: PipelineConfig | None = None):
        self.config = config or PipelineConfig()
        self.config_hash = self.config.hash()
        self.components: list[tuple[str, Component]] = [
            ("normalize", NormalizeStep(Normalizer(self.config.normalize))),
            ("sentences", SentenceSplitter()),
            ("segment", Segmenter(self.config.segment)),
            *model_components(self.config.entities),
            ("entities", EntityTagger(self.config.entities)),
            ("figures", FigureExtractor()),
        ]

    @property
    def component_names(self) -> list[str]:
        return [name for name, _ in self.components]

    def make_doc(self, raw: str | bytes, doc_id: str = "doc", **fields: Any) -> Document:
        """Run every component and return the finished Document."""
        doc = Document(doc_id=doc_id, raw=raw, **fields)
        for _, component in self.components:
            doc = component(doc)
        return doc

    def __call__(self, raw: str | bytes, doc_id: str = "doc", **fields: Any) -> ExtractionResult:
        return self.result(self.make_doc(raw, doc_id, **fields))

    def pipe(self, texts: Iterable[Any], *, as_tuples: bool = False, batch_size: int = PIPE_BATCH_SIZE,
             n_process: int = 1) -> Iterator[Any]:
        """Stream results in input order, like spaCy's ``nlp.pipe`` (see :mod:`hynlp.streaming`).

        ``texts`` are str or bytes; with ``as_tuples=True`` they are
        ``(text, context)`` pairs and ``(result, context)`` pairs come out.
        """
        from hynlp.streaming import stream_results

        return stream_results(self, texts, as_tuples=as_tuples, batch_size=batch_size, n_process=n_process)

    def result(self, doc: Document) -> ExtractionResult:
        assert doc.normalized is not None
        article = Article(
            doc_id=doc.doc_id,
            source=doc.source,
            title=doc.title or headline(doc.text),
            published=published_date(doc),
            editor=doc.metadata.get("editor"),
            raw_sha256=sha256_text(doc.raw),
            text=doc.text,
            repairs=list(doc.normalized.repairs),
            metadata=doc.metadata,
        )
        return ExtractionResult(
            article=article, sentences=doc.sentences, entities=doc.entities, figures=doc.figures,
            officials=officials_from(doc), pipeline_version=PIPELINE_VERSION,
            config_hash=self.config_hash,
        )


def model_components(config: EntityConfig) -> list[tuple[str, Component]]:
    """The NER model step, when the configuration names a model."""
    if config.ner_model is None:
        return []
    from hynlp.ner.component import ModelEntities
    from hynlp.store.ner_models import load_ner_model, resolve_model_path

    model = load_ner_model(resolve_model_path(config.ner_model), device=config.device)
    return [("ner", ModelEntities(model))]


def headline(text: str) -> str | None:
    """The first line when it reads as a headline: short, no end mark."""
    first = text.split("\n", 1)[0].strip()
    if first and len(first) <= HEADLINE_MAX and "\n" in text and first[-1] not in "。！？!?；;…":
        return first
    return None


def published_date(doc: Document) -> date | None:
    """A date from the given field, the metadata, or a dateline in the first lines.

    >>> published_date(Document("d", "", published="2024-03-18"))
    datetime.date(2024, 3, 18)
    """
    datelines = [line for line in doc.text.split("\n", DATELINE_LINES)[:DATELINE_LINES] if DATELINE.search(line)]
    for candidate in (doc.published, doc.metadata.get("published"), doc.metadata.get("source"), *datelines):
        if candidate and (match := DATE_IN_TEXT.search(candidate)):
            try:
                return date(*map(int, match.groups()))
            except ValueError:
                continue
    return None


def load(config: PipelineConfig | None = None, *, ner_model: str | None = None,
         rules_only: bool = False) -> Pipeline:
    """The default pipeline, one with another NER model directory, or the rules alone.

    Raises ModelNotFound when ``ner_model`` is not a model directory (one with
    a ``config.json``) and ModelNotSupported when it holds a model hynlp
    cannot run.
    """
    return Pipeline(with_ner_model(config or PipelineConfig(), ner_model, rules_only))


def with_ner_model(config: PipelineConfig, ner_model: str | None, rules_only: bool = False) -> PipelineConfig:
    """The configuration with another NER model directory, or with none (``rules_only``)."""
    if rules_only and ner_model is not None:
        raise ConfigError("give either a NER model or rules only, not both")
    if ner_model is None and not rules_only:
        return config
    return config.model_copy(update={"entities": config.entities.model_copy(update={"ner_model": ner_model})})
