"""Entities: the rule and gazetteer layer (PROJECT, COMPANY, GOV, PLACE, PERSON, ORG, DATE).

Each rule module proposes :class:`~hynlp.entities.candidates.Candidate`
spans; :mod:`hynlp.entities.fusion` keeps one per mention;
:class:`EntityTagger` is the pipeline component and :func:`officials_from`
turns titled persons into :class:`~hynlp.records.Official` records.

>>> from hynlp.document import Document
>>> from hynlp.normalize import normalize
>>> doc = Document(doc_id="d", raw="某某集团总裁肖某说，项目将于年内开工。")
>>> doc.normalized = normalize(doc.raw)
>>> doc = EntityTagger()(doc)
>>> [(e.type, e.text, e.title, e.organization) for e in doc.entities]
[('COMPANY', '某某集团', None, None), ('PERSON', '肖某', '总裁', '某某集团')]
"""

from hynlp.entities.candidates import Candidate, CandidatePool
from hynlp.entities.gazetteer import Gazetteer
from hynlp.entities.officials import officials_from
from hynlp.entities.tagger import EntityTagger

__all__ = ["Candidate", "CandidatePool", "EntityTagger", "Gazetteer", "officials_from"]
