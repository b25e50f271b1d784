"""The figure extractor component: fills ``doc.figures``.

>>> from hynlp.document import Document
>>> from hynlp.normalize import normalize
>>> from hynlp.sentences import SentenceSplitter
>>> text = "新开工项目49个，总投资92.8亿元，其中10亿元以上项目2个。"
>>> doc = SentenceSplitter()(Document(doc_id="x", raw=text, normalized=normalize(text)))
>>> [(f.kind, f.value, f.unit, f.subject) for f in FigureExtractor()(doc).figures]
[('count', Decimal('49'), 'projects', '新开工项目'), ('investment', Decimal('9280000000'), 'CNY', '新开工项目49个总投资'), ('count', Decimal('2'), 'projects', '10亿元以上项目')]
"""

from __future__ import annotations

import re

from bisect import bisect_left
from itertools import accumulate

from pydantic import TypeAdapter

from hynlp.document import Document
from hynlp.figures.candidates import Candidate, find_candidates
from hynlp.figures.lexicon import RESTATING_WORDS
from hynlp.figures.projects import ProjectContext
from hynlp.figures.subjects import Subject, SubjectFinder
from hynlp.records import Figure

HEADLINE_MAX = 60
HEADLINE_LINES = 3  # a headline, a subtitle, and a source line at most
END_MARKS = "。！？!?；;…"
HEADLINE_EXCLAMATIONS = "！!"
SENTENCE_END = re.compile("[。！？!?；;]")
NAME_TYPES = frozenset({"PROJECT", "COMPANY"})


class FigureExtractor:
    """Component ``Document -> Document``: figures with kind, unit, qualifier and subject.

    Needs ``doc.normalized`` and ``doc.sentences``; uses ``doc.entities`` when
    the tagger has filled them (PROJECT entities become subjects).
    """

    def __init__(self, config=None):
        self.config = config
        # One validation call for all of a document's figures, not one per figure:
        # the same checks, without a Python-level model __init__ per figure
        # (1.4 us less each). Built in 0.3 ms.
        self.validate_figures = TypeAdapter(list[Figure]).validate_python

    def __call__(self, doc: Document) -> Document:
        if doc.normalized is None:
            raise ValueError("FigureExtractor needs a normalized document; run the normalizer first")
        text = doc.text
        if not text.strip():
            doc.figures = []
            return doc
        if not doc.sentences:
            raise ValueError("FigureExtractor needs doc.sentences; run the sentence splitter first")
        names = sorted((e.start, e.end) for e in doc.entities if e.type in NAME_TYPES)
        found = drop_restatements(text, drop_headline_repeats(text, find_candidates(text, doc.sentences)))
        candidates = outside_names(found, names)
        if not candidates:  # many an article reports no figure: no project mentions to find
            doc.figures = []
            return doc
        finder = SubjectFinder(doc, ProjectContext(doc))
        fields: list[dict] = []
        previous: list[tuple[Candidate, Subject | None]] = []
        for candidate in candidates:
            subject = finder.find(candidate, previous)
            previous.append((candidate, subject))
            fields.append(_record_fields(doc, text, candidate, subject))
        doc.figures = self.validate_figures(fields)
        return doc


def headline_end(text: str) -> int:
    """End of the headline: the first lines that read as one (short, no end
    mark), up to a blank line; a subtitle (总投资额285亿元) is headline too. 0 when none.

    >>> headline_end("签约15个项目\\n总投资85亿元\\n\\n9月27日，青禾区举行签约仪式。")
    15
    """
    end = 0
    for index in range(HEADLINE_LINES):
        line_end = text.find("\n", end)
        line = text[end:line_end].strip() if line_end >= 0 else ""
        # 签约率超87%，搬离近7万人！: a first line may shout; a sentence within it may not end
        shouted = index == 0 and line[-1:] in HEADLINE_EXCLAMATIONS and not SENTENCE_END.search(line[:-1])
        if not line or len(line) > HEADLINE_MAX or line[-1] in END_MARKS and not shouted:
            break
        end = line_end + 1
    return max(end - 1, 0)


def drop_headline_repeats(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A fact in the headline that the body repeats is one figure: keep the body's."""
    end = headline_end(text)

    def key(c: Candidate):
        # Kind and counted noun are left out: a headline says things tersely
        # (15个项目协议总投资…), so the same number may read as another noun there.
        return c.value, c.value_max, c.family if c.family == "count" else c.unit

    body = {key(c) for c in candidates if c.start >= end}
    return [c for c in candidates if c.start >= end or key(c) not in body]


def drop_restatements(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """这14个项目…: a count that a demonstrative points back to an equal count said
    before restates it, and so does an amount of that sentence equal to one said
    before (这14个项目…，投资总额16.52亿元): one fact, one figure.

    >>> text = "签约项目14个，总投资16亿元。这14个项目投资总额16亿元，均已开工。"
    >>> from hynlp.records import Sentence
    >>> found = find_candidates(text, [Sentence(index=0, start=0, end=15), Sentence(index=1, start=15, end=len(text))])
    >>> [c.surface(text) for c in drop_restatements(text, found)]
    ['14个', '16亿元']
    """
    kept: list[Candidate] = []
    restating = None  # index of the sentence opened by a restated count
    for c in candidates:
        points_back = c.family == "count" and text.endswith(RESTATING_WORDS, c.clause_start, c.start)
        in_restating = c.family == "money" and c.sentence.index == restating
        # only then is it asked whether an equal figure was said before
        if (points_back or in_restating) and any(
                (k.value, k.value_max, k.unit) == (c.value, c.value_max, c.unit) for k in kept):
            restating = c.sentence.index if points_back else restating
            continue
        kept.append(c)
    return kept


def outside_names(candidates: list[Candidate], names: list[tuple[int, int]]) -> list[Candidate]:
    """The candidates inside no name (see :func:`exclusions.inside_name`); ``names``
    are sorted spans.

    >>> text = "年产10万吨果蔬深加工项目总投资5亿元"
    >>> from hynlp.records import Sentence
    >>> found = find_candidates(text, [Sentence(index=0, start=0, end=len(text))])
    >>> [c.surface(text) for c in outside_names(found, [(0, 13)])]
    ['5亿元']
    """
    # The furthest end of the names opening before each position: a candidate lies
    # inside a name iff one opening before it ends at or after its end. A bisection
    # per candidate instead of a pass over every name.
    starts = [start for start, _ in names]
    furthest = list(accumulate((end for _, end in names), max))
    kept = []
    for c in candidates:
        before = bisect_left(starts, c.start)
        if before == 0 or furthest[before - 1] < c.end:
            kept.append(c)
    return kept


def _record_fields(doc: Document, text: str, candidate: Candidate, subject: Subject | None) -> dict:
    """The fields of the :class:`~hynlp.records.Figure` of ``candidate``."""
    raw_start, raw_end = doc.raw_span(candidate.start, candidate.end)
    return {
        # 年产值和税收分别为…: a kind the subject's own words name wins over the cue's
        "kind": (subject.kind if subject else "") or candidate.kind,
        "value": candidate.value, "value_max": candidate.value_max,
        "unit": candidate.unit, "qualifier": candidate.qualifier,
        "surface": text[candidate.start:candidate.end],
        "subject": subject.text if subject else None,
        "subject_entity": subject.entity if subject else None,
        "subject_rule": subject.rule if subject else "",
        "sentence": candidate.sentence.index, "start": candidate.start, "end": candidate.end,
        "raw_start": raw_start, "raw_end": raw_end, "rule": candidate.rule,
    }
