"""Subject attribution: the short phrase of the text that names what a figure measures.

Rules are tried in an order that depends on what the figure is; the first
that finds a phrase wins, and its name goes to ``Figure.subject_rule``:

- ``de_phrase``: 总投资10.6亿元的 **A项目** (the phrase the figure modifies);
- ``before_cue``: **A项目**总投资5亿元;
- ``cue_noun``: **旅游收入**达到70亿元, **上级资金**3000万元;
- ``counted_phrase``: 216个 **省市区重点项目**, **签约落地项目** 90个;
- ``noun_predicate``: a bare noun and what it does, 两家 **企业签署合作协议**;
- ``noun_modifier``: a bare noun and the clause before it, **现场签约的12个项目**;
- ``activity``: a count of bare 项目 on a trip, 赴 **长三角进行考察招商**;
- ``project_in_sentence`` / ``project_carried``: the project named earlier in
  the sentence, or the one an anaphor (该项目, 项目一期) points back to;
- ``project_in_paragraph``: the project the paragraph has just been about;
- ``project_after``: 计划投资5亿元，新建 **X产业园项目** (named later in the sentence);
- ``noun_after_unit``: 270万平方米 **商务楼宇**;
- ``metric_phrase``: **固定资产投资**同比增长12%;
- ``previous_figure``: 新开工项目49个，总投资92.8亿元 (the list's earlier subject);
- ``clause``: last resort, the clause text before the figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hynlp.document import Document
from hynlp.figures.candidates import Candidate
from hynlp.figures.lexicon import (
    COUNTED_NOUNS, CUE_MODIFIER_NOISE, DE_PHRASE_STOPS, GROUP_UNITS, METRIC_CUES, PROJECT_ANAPHORS,
    SUBJECT_CUE_KINDS,
)
from hynlp.figures.phrases import (
    ITEM_BREAKS, WINDOW, clause_end, clause_start, counted_noun_ending, first_counted_noun, is_generic,
    trim, trim_leading,
)
from hynlp.figures.projects import ProjectContext

ACTIVITY = re.compile(r"赴([^，。；！？,;!?\n]{1,12}?)(?:进行|开展|举行)?"
                      r"(?:考察招商|招商考察|招商推介|招商引资|考察|招商|调研|洽谈|推介)")
ACTIVITY_LOOKBACK = 3  # sentences
DE_PHRASE_MAX = 25
CUE_NOUN_MAX = 10
INVESTMENT_MODIFIER_MAX = 4
NOT_INVESTMENT_MODIFIERS = ("项目", "公司", "集团", "企业", "拟", "将", "已", "计划")
PREDICATE_MAX = 12
BARE_NOUNS = frozenset(noun for noun, _ in COUNTED_NOUNS)


@dataclass(frozen=True)
class Subject:
    text: str
    start: int
    end: int
    rule: str
    entity: int | None = None


Rule = Callable[[Candidate, list[tuple[Candidate, "Subject | None"]]], "Subject | None"]


class SubjectFinder:
    """Finds the subject of each candidate of one document, in reading order."""

    def __init__(self, doc: Document, projects: ProjectContext):
        self.doc = doc
        self.text = doc.text
        self.projects = projects

    def find(self, candidate: Candidate, previous: list[tuple[Candidate, Subject | None]]) -> Subject | None:
        for rule in self._rules(candidate):
            subject = rule(candidate, previous)
            if subject is not None and subject.text:
                return self._linked(subject)
        return None

    def _rules(self, c: Candidate) -> tuple[Rule, ...]:
        if c.family == "money":
            return (self.de_phrase, self.before_cue, self.cue_noun, self.project,
                    self.previous_figure, self.topic, self.project_after, self.clause)
        if c.family == "count" and c.unit in GROUP_UNITS:
            return (self.counted_phrase, self.noun_predicate, self.activity, self.project, self.clause)
        if c.family == "count":
            return (self.project, self.topic, self.counted_phrase, self.noun_predicate, self.clause)
        if c.family in ("percent", "points", "households"):
            return (self.metric_phrase, self.project, self.previous_figure, self.topic, self.clause)
        return (self.noun_after_unit, self.metric_phrase, self.project, self.previous_figure, self.topic,
                self.project_after, self.clause)

    def _span(self, start: int, end: int, rule: str, entity: int | None = None) -> Subject | None:
        if end <= start:
            return None
        return Subject(self.text[start:end], start, end, rule, entity)

    def de_phrase(self, c: Candidate, _previous) -> Subject | None:
        """总投资10.6亿元的A项目: the phrase after 的, up to a word that ends it
        (已, 同步, 开工, 和总投资…), or the tagged entity that starts there."""
        if not self.text.startswith("的", c.end):
            return None
        start = c.end + 1
        entity = next((i for i, e in enumerate(self.doc.entities) if e.start == start), None)
        if entity is not None:
            return self._span(start, self.doc.entities[entity].end, "de_phrase", entity)
        stop = min(clause_end(self.text, start, c.sentence.end), start + WINDOW)
        for word in DE_PHRASE_STOPS:
            found = self.text.find(word, start + 1, stop)
            stop = found if found >= 0 else stop
        start, stop = trim(self.text, start, stop)
        return self._span(start, stop, "de_phrase") if 2 <= stop - start <= DE_PHRASE_MAX else None

    def before_cue(self, c: Candidate, _previous) -> Subject | None:
        """A项目总投资5亿元: a named thing right before the cue word."""
        if c.cue is None:
            return None
        start, end = trim(self.text, c.clause_start, c.cue[0])
        phrase = self.text[start:end]
        if not phrase or is_generic(phrase) or phrase in PROJECT_ANAPHORS:
            return None
        if counted_noun_ending(self.text, start, end) or self._entity_within(start, end) is not None:
            return self._span(start, end, "before_cue")
        return None

    def cue_noun(self, c: Candidate, _previous) -> Subject | None:
        """旅游收入达到70亿元, 实际使用外资1.8亿美元: a measure named by its cue word.

        Revenue, output and funding cues need a qualifying word (旅游, 上级);
        investment cues need one that is not a project anaphor (工业投资);
        measure names such as 固定资产投资 stand alone.
        """
        if c.cue is None:
            return None
        cue_start, cue_end, kind = c.cue
        item = clause_start(self.text, c.start, c.clause_start, ITEM_BREAKS)
        begin = max(item, cue_start - CUE_NOUN_MAX)
        start = self._skip_noise(trim_leading(self.text, begin, cue_end), cue_start)
        modifier = self.text[start:cue_start]
        for noise in CUE_MODIFIER_NOISE:
            modifier = modifier.replace(noise, "")
        qualified = len(modifier) >= 2
        if kind == "investment":  # 工业投资, 实际使用外资; not 某某公司拟投资
            qualified = (qualified and begin == item and len(modifier) <= INVESTMENT_MODIFIER_MAX
                         and not any(word in modifier for word in NOT_INVESTMENT_MODIFIERS)
                         and not is_generic(modifier))
        elif kind not in SUBJECT_CUE_KINDS:
            return None
        if qualified or self.text[cue_start:cue_end] in METRIC_CUES:
            return self._span(start, cue_end, "cue_noun")
        return None

    def _skip_noise(self, start: int, end: int) -> int:
        changed = True
        while changed:
            changed = False
            for noise in CUE_MODIFIER_NOISE:
                if self.text.startswith(noise, start) and start + len(noise) < end:
                    start, changed = start + len(noise), True
        return start

    def counted_phrase(self, c: Candidate, _previous) -> Subject | None:
        """216个省市区重点项目, 签约落地项目90个: the counted phrase, unless it is a bare noun."""
        if c.noun is None or self.text[c.noun.start:c.noun.end] in BARE_NOUNS:
            return None
        return self._span(c.noun.start, c.noun.end, "counted_phrase")

    def noun_predicate(self, c: Candidate, _previous) -> Subject | None:
        """两家企业签署合作协议, 现场签约的12个项目: a bare noun is named by what it
        does next, or by the clause that modifies it."""
        if c.noun is None or c.noun.side != "after":
            return None
        item = clause_start(self.text, c.start, c.clause_start, ITEM_BREAKS)
        if self.text.endswith("的", item, c.start):
            return self._span(trim_leading(self.text, item, c.start - 1), c.noun.end, "noun_modifier")
        stop = min(clause_end(self.text, c.noun.end, c.sentence.end), c.noun.end + PREDICATE_MAX)
        if stop - c.noun.end < 2:
            return None  # 项目中: a place word is no predicate
        return self._span(c.noun.start, stop, "noun_predicate")

    def activity(self, c: Candidate, _previous) -> Subject | None:
        """九个项目 on a trip: the trip (赴长三角进行考察招商) said shortly before."""
        paragraph = self.text.rfind("\n", 0, c.start) + 1
        sentences = [s for s in self.doc.sentences if s.index <= c.sentence.index]
        begin = max(paragraph, sentences[-ACTIVITY_LOOKBACK].start if len(sentences) >= ACTIVITY_LOOKBACK
                    else 0)
        found = list(ACTIVITY.finditer(self.text, begin, c.start))
        if not found:
            return None
        return self._span(found[-1].start(1), found[-1].end(), "activity")

    def project(self, c: Candidate, _previous) -> Subject | None:
        return self._mention(self.projects.resolve(c.number.start, c.sentence.start))

    def topic(self, c: Candidate, _previous) -> Subject | None:
        return self._mention(self.projects.topic(c.number.start))

    def project_after(self, c: Candidate, _previous) -> Subject | None:
        return self._mention(self.projects.following(c.end, c.sentence.end))

    @staticmethod
    def _mention(resolved) -> Subject | None:
        if resolved is None:
            return None
        mention, rule = resolved
        return Subject(mention.text, mention.start, mention.end, rule, mention.entity)

    def noun_after_unit(self, c: Candidate, _previous) -> Subject | None:
        """270万平方米商务楼宇: the noun the measure describes."""
        start = c.end + 1 if self.text.startswith("的", c.end) else c.end
        stop = min(clause_end(self.text, start, c.sentence.end), start + PREDICATE_MAX)
        noun = first_counted_noun(self.text, start, stop)
        return self._span(start, noun[0], "noun_after_unit") if noun is not None else None

    def metric_phrase(self, c: Candidate, _previous) -> Subject | None:
        """固定资产投资同比增长12%: the clause before the number, less verbs and metric words."""
        start, end = trim(self.text, c.clause_start, c.start)
        phrase = self.text[start:end]
        if len(phrase) < 2 or is_generic(phrase) or any(ch.isdigit() or ch == "%" for ch in phrase):
            return None
        if self.projects.mentioned(start, end):
            return None  # 该项目涉及征收房屋: the project is the subject
        return self._span(start, end, "metric_phrase")

    def previous_figure(self, c: Candidate, previous) -> Subject | None:
        for earlier, subject in reversed(previous):
            if earlier.sentence.index != c.sentence.index:
                break
            if subject is not None:
                return Subject(subject.text, subject.start, subject.end, "previous_figure", subject.entity)
        return None

    def clause(self, c: Candidate, _previous) -> Subject | None:
        """Last resort: the list item, else the clause, before the figure."""
        item = clause_start(self.text, c.start, c.clause_start, ITEM_BREAKS)
        for begin in (item, c.clause_start):
            start, end = trim(self.text, begin, c.start)
            if end - start >= 2:
                return self._span(start, end, "clause")
        if c.noun is not None:
            return self._span(c.noun.start, c.noun.end, "clause")
        return self._span(c.cue[0], c.cue[1], "clause") if c.cue else None

    def _entity_within(self, start: int, end: int) -> int | None:
        best, best_len = None, 0
        for index, entity in enumerate(self.doc.entities):
            overlap = min(end, entity.end) - max(start, entity.start)
            inside = start <= entity.start and entity.end <= end or entity.start <= start and end <= entity.end
            if inside and overlap > best_len:
                best, best_len = index, overlap
        return best

    def _linked(self, subject: Subject) -> Subject:
        """Link the subject to the entity whose span it is, if any."""
        if subject.entity is not None:
            return subject
        entity = next((i for i, e in enumerate(self.doc.entities)
                       if (e.start, e.end) == (subject.start, subject.end)), None)
        if entity is None:
            return subject
        return Subject(subject.text, subject.start, subject.end, subject.rule, entity)
