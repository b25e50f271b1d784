"""EntityTagger: the rule and gazetteer entity layer as a pipeline component.

>>> from hynlp.document import Document
>>> from hynlp.normalize import normalize
>>> doc = Document(doc_id="d", raw="在某河街道恒隆广场项目内，工人们正在装修。")
>>> doc.normalized = normalize(doc.raw)
>>> [(e.type, e.text) for e in EntityTagger()(doc).entities]
[('PLACE', '某河街道'), ('PROJECT', '恒隆广场项目')]
"""

from __future__ import annotations

from pydantic import TypeAdapter

from hynlp.config import EntityConfig
from hynlp.document import Document
from hynlp.entities.boundaries import NameScanner
from hynlp.entities.bylines import metadata_spans
from hynlp.entities.candidates import Candidate, CandidatePool
from hynlp.entities.companies import CompanyRules
from hynlp.entities.dates import DateRules
from hynlp.entities.fusion import repeated_mentions, select, with_model, short_form_mentions, with_canonical
from hynlp.entities.gazetteer import Gazetteer
from hynlp.entities.government import GovRules
from hynlp.entities.lexicon import Surnames, TitleTable, WordLists
from hynlp.entities.lookup import GazetteerRule
from hynlp.entities.orgs import OrgRules
from hynlp.entities.persons import PersonRules
from hynlp.entities.places import PlaceRules
from hynlp.entities.projects import ProjectRules
from hynlp.records import Entity


class EntityTagger:
    """Fills ``doc.entities`` from rules and gazetteers, fused with any entities already there.

    Entities already in ``doc.entities`` are fused as candidates with their
    own source and confidence. A statistical model's (``source="model"``)
    confirm the rules' or fill their gaps: see :func:`~hynlp.entities.fusion.with_model`.
    ``short_form_mentions`` also tags bare short names (某某 for 某某区, with
    ``canonical`` set); it is off by default because the annotation
    conventions list each entity once, in its fullest form.
    """

    def __init__(self, config: EntityConfig | None = None, *, short_form_mentions: bool = False):
        self.config = config or EntityConfig()
        self.short_form_mentions = short_form_mentions
        # One validation call for the article's entities: a third cheaper than an Entity() each.
        self.entity_list = TypeAdapter(list[Entity])
        words = WordLists.read("entity_words.txt")
        titles = TitleTable.read()
        self.scanner = NameScanner(words, titles)
        self.gazetteer = Gazetteer.load(self.config.gazetteers)
        places = PlaceRules(words, self.scanner)
        # Order matters: places bound the names of organs, projects and titles.
        self.rules = (
            GazetteerRule(self.gazetteer, self.scanner),
            places,
            GovRules(words, self.scanner, places, titles),
            CompanyRules(words, self.scanner, self.gazetteer),
            ProjectRules(words, self.scanner),
            PersonRules(words, self.scanner, titles, Surnames.read()),
            OrgRules(self.scanner, self.gazetteer),
            DateRules(),
        )

    def __call__(self, doc: Document) -> Document:
        pool = self.candidates(doc)
        chosen = select(pool.candidates)
        extra = repeated_mentions(chosen, pool.text)
        if self.short_form_mentions:
            extra += short_form_mentions(chosen, pool, self.scanner)
        if extra:
            chosen = select(chosen + _outside_metadata(extra, pool.text))
        chosen = with_canonical(chosen, pool.text)
        text = doc.text
        doc.entities = self.entity_list.validate_python([self._entity_fields(doc, text, c) for c in chosen])
        return doc

    def candidates(self, doc: Document) -> CandidatePool:
        """Every candidate the rules and earlier components propose, before fusion.

        Candidates inside source lines and reporter credits are dropped: they
        are article metadata.
        """
        pool = CandidatePool(doc.text, doc.tokens)
        earlier = [Candidate.from_entity(e) for e in doc.entities]
        pool.extend(c for c in earlier if c.source != "model")
        for rule in self.rules:
            rule(pool)
        pool.candidates = with_model([c for c in earlier if c.source == "model"], pool.candidates,
                                     frozenset(self.config.model_types))
        pool.candidates = _outside_metadata(pool.candidates, pool.text)
        return pool

    @staticmethod
    def _entity_fields(doc: Document, text: str, cand: Candidate) -> dict[str, object]:
        """The fields of the :class:`Entity` for ``cand``."""
        raw_start, raw_end = doc.raw_span(cand.start, cand.end)
        return dict(type=cand.type, text=cand.text(text), start=cand.start, end=cand.end,
                    raw_start=raw_start, raw_end=raw_end, title=cand.title,
                    organization=cand.organization, canonical=cand.canonical,
                    confidence=round(cand.confidence, 3), source=cand.source, rule=cand.rule)


def _outside_metadata(candidates: list[Candidate], text: str) -> list[Candidate]:
    spans = metadata_spans(text)
    if not spans:
        return list(candidates)
    return [c for c in candidates if not any(start < c.end and c.start < end for start, end in spans)]

