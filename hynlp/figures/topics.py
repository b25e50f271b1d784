"""Topics: the project, company or place a sentence reports figures about.

A figure's own phrase often says only what is measured (总投资, 装机容量,
新增税收); the sentence says of what. The sentence topic of a position is
the nearest of, before it in its sentence:

- ``project_in_sentence`` / ``project_carried``: a project name, or an
  anaphor (该项目, 项目一期, 这条) and the name it points back to — see
  :mod:`~hynlp.figures.projects`, which also skips names said of another
  (该工程是…重点交通项目);
- ``company_carried``: 该集团, 该企业 and the company named last before it;
- ``sentence_opening``: a project, company or place named at the head of the
  sentence, before its first verb (东岚经济开发区规划面积…，已建成区面积…);
- ``ba_topic``: the object of 把…作为 (把老旧小区改造作为重要民生实事).

A paragraph topic (the project named in the last sentences of the same
paragraph) is weaker: only a bare phrase takes it.

>>> from hynlp.document import Document
>>> from hynlp.normalize import normalize
>>> from hynlp.sentences import SentenceSplitter
>>> from hynlp.figures.projects import ProjectContext
>>> text = "青禾区把老旧小区改造作为民生实事，完成投资5.9亿元。"
>>> doc = SentenceSplitter()(Document(doc_id="x", raw=text, normalized=normalize(text)))
>>> topic = TopicFinder(doc, ProjectContext(doc)).sentence_topic(text.index("5.9"), doc.sentences[0])
>>> topic.text, topic.rule
('老旧小区改造', 'ba_topic')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, NamedTuple

from hynlp.document import Document
from hynlp.figures.lexicon import COMPANY_ANAPHORS, LEADING_TRIMS
from hynlp.figures.phrases import CLAUSE_BREAKS, LEADING_DATE, LEADING_TRIM_LIST, first_counted_noun, trim
from hynlp.figures.projects import ANAPHOR_REACH, PHASE, ProjectContext
from hynlp.records import Entity, Sentence

if TYPE_CHECKING:  # candidates come from a module that does not import this one
    from hynlp.figures.candidates import Candidate

BA_TOPIC = re.compile(r"把([^，。；！？,;!?\n把]{2,16}?)(?:作为|列为|当作|当成|摆在)")
COMPANY_ANAPHOR = re.compile("|".join(COMPANY_ANAPHORS))
# A government organ at the head of a sentence is who reports (区发改委通报，…), not
# what is reported on; so are persons.
OPENING_TYPES = frozenset({"PROJECT", "COMPANY", "PLACE"})
SPEAKER_GAP = 4  # 青禾区住建局局长汤文斌介绍: a person this close after the name speaks for it
OPENING_CLAUSE_MAX = 6  # 据介绍， 目前， 1-4月，: a short first clause only sets the time
LOCATION_AFTER = ("现场", "内", "里", "上", "中", "门口", "一线")
LEAD_SENTENCE_MAX = 16  # 全县重点工程进展顺利。: a short lead clause names what follows
LEAD_PREDICATE_MAX = 6  # 进展顺利, 加快推进: what the lead clause says of its noun
SELF_SCOPES = ("我县", "我区", "我市", "我镇", "我乡")
CLAUSE_BREAK_AT = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")


# Immutable like a frozen dataclass, but built 4x faster: one is made per number or figure.
class Topic(NamedTuple):
    text: str
    anchor: int  # where the sentence introduces it (the name, or the anaphor)
    rule: str
    entity: int | None = None
    phase: str = ""  # 一期 of 项目一期: the part of the named project meant
    named: bool = True  # a project named in or carried into the sentence


class TopicFinder:
    """The topic of each position of one document."""

    def __init__(self, doc: Document, projects: ProjectContext):
        self.doc = doc
        self.text = doc.text
        self.projects = projects
        # Entities that may open a sentence, by start: one lookup per figure, not a pass over all.
        self.openers: dict[int, list[tuple[int, Entity]]] = {}
        for index, entity in enumerate(doc.entities):
            if entity.type in OPENING_TYPES:
                self.openers.setdefault(entity.start, []).append((index, entity))
        self.person_starts = sorted(e.start for e in doc.entities if e.type == "PERSON")
        # Where each sentence's subject starts, found once per sentence of this
        # document (every figure of the sentence asks), by the sentence's span.
        self.head_starts: dict[tuple[int, int], int] = {}

    def sentence_topic(self, pos: int, sentence: Sentence) -> Topic | None:
        """The nearest topic introduced before ``pos`` in its sentence."""
        nearest = None  # the first of those introduced last, as max() over them gave
        for topic in (self._project(pos, sentence), self._company(pos, sentence),
                      self._opening(pos, sentence), self._ba(pos, sentence)):
            if topic is not None and (nearest is None or topic.anchor > nearest.anchor):
                nearest = topic
        return nearest

    def paragraph_topic(self, pos: int) -> Topic | None:
        resolved = self.projects.topic(pos)
        if resolved is None:
            return None
        mention, rule = resolved
        return Topic(mention.text, mention.start, rule, mention.entity)

    def lead_topic(self, c: Candidate) -> Topic | None:
        """全县重点工程进展顺利，1-12月份，完成投资77.57亿元: a short clause (or
        sentence) with no number that names a group and says how it goes, before
        a bare figure with only time words between, says what the figure is of."""
        spans = self._clauses(c.sentence.start, c.clause_start)
        if c.sentence.index > 0:
            lead = self.doc.sentences[c.sentence.index - 1]
            spans.append((lead.start, lead.end))
        for start, end in spans:
            begin, stop = trim(self.text, start, end)
            if begin >= stop:
                continue  # 1-12月份， 目前，: time only
            return self._lead(begin, stop)
        return None

    def _clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        """The clauses of ``text[start:end]``, last first."""
        found, begin = [], start
        for index in range(start, end):
            if self.text[index] in CLAUSE_BREAKS:
                found.append((begin, index))
                begin = index + 1
        return found[::-1]

    def _lead(self, start: int, end: int) -> Topic | None:
        words = self.text[start:end]
        if len(words) > LEAD_SENTENCE_MAX or any(ch.isdigit() for ch in words):
            return None
        start += 2 if words.startswith(SELF_SCOPES) else 0
        noun = first_counted_noun(self.text, start, end)
        if noun is None or end - noun[0] > LEAD_PREDICATE_MAX:
            return None  # 坚持项目为王: a noun deep in a clause is no topic
        begin, stop = trim(self.text, start, noun[0])
        if stop - begin < 2:
            return None
        return Topic(self.text[begin:stop], begin, "lead_clause", named=False)

    def _project(self, pos: int, sentence: Sentence) -> Topic | None:
        found = self.projects.resolve(pos, sentence.start)
        if found is None:
            return None
        phase = ""
        if found.anchor.anaphor and (match := PHASE.search(found.anchor.text)):
            phase = "" if match.group(0) in found.mention.text else match.group(0)
        return Topic(found.mention.text, found.anchor.start, found.rule, found.mention.entity, phase)

    def _company(self, pos: int, sentence: Sentence) -> Topic | None:
        if COMPANY_ANAPHOR.search(self.text, sentence.start, pos) is None:
            return None  # most sentences: no anaphor to list
        anaphors = list(COMPANY_ANAPHOR.finditer(self.text, sentence.start, pos))
        if not anaphors:
            return None
        anaphor = anaphors[-1]
        begin = self.projects.sentences_back(anaphor.start(), ANAPHOR_REACH)
        companies = [(i, e) for i, e in enumerate(self.doc.entities)
                     if e.type == "COMPANY" and begin <= e.start and e.end <= anaphor.start()]
        if not companies:
            return None
        index, entity = companies[-1]
        return Topic(entity.text, anaphor.start(), "company_carried", index)

    def _opening(self, pos: int, sentence: Sentence) -> Topic | None:
        span = (sentence.start, sentence.end)
        start = self.head_starts.get(span)
        if start is None:
            start = self.head_starts[span] = self._head_start(sentence)
        for index, entity in self.openers.get(start, ()):
            if entity.end <= pos:
                if self.text.startswith(LOCATION_AFTER, entity.end) or self._speaker_after(entity.end):
                    return None  # 在A项目现场: a place where, not what the sentence is about
                return Topic(entity.text, entity.start, "sentence_opening", index,
                             named=entity.type == "PROJECT")
        mention = next((m for m in self.projects.mentions if m.start == start and not m.anaphor), None)
        if mention is not None and mention.end <= pos and not self.text.startswith(LOCATION_AFTER, mention.end):
            return Topic(mention.text, mention.start, "sentence_opening", mention.entity)
        return None

    def _speaker_after(self, end: int) -> bool:
        first = bisect_left(self.person_starts, end)
        return first < len(self.person_starts) and self.person_starts[first] <= end + SPEAKER_GAP

    def _head_start(self, sentence: Sentence) -> int:
        """Where the sentence's subject starts: after short time clauses (目前，) and
        leading time or scope words."""
        start = sentence.start
        while True:
            found = CLAUSE_BREAK_AT.search(self.text, start, sentence.end)
            end = found.start() if found is not None else sentence.end
            if end - start > OPENING_CLAUSE_MAX or end >= sentence.end:
                break
            start = end + 1
        changed = True
        while changed:
            changed = False
            date = LEADING_DATE.match(self.text, start)
            if date:
                start, changed = date.end(), True
            # every trim word in turn, as many as follow one another in list order
            index = 0
            while (index := LEADING_TRIM_LIST.next_starting_at(self.text, start, index)) is not None:
                start, changed = start + len(LEADING_TRIMS[index]), True
                index += 1
        return start

    def _ba(self, pos: int, sentence: Sentence) -> Topic | None:
        if self.text.find("把", sentence.start, pos) < 0:
            return None  # the pattern opens with 把: no 把, no topic
        found = list(BA_TOPIC.finditer(self.text, sentence.start, pos))
        if not found:
            return None
        return Topic(found[-1].group(1), found[-1].start(1), "ba_topic", named=False)
