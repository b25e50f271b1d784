"""Subject attribution: the short phrase of the text that names what a figure measures.

A subject joins two parts, each found by rules whose names go, joined by
``+``, to ``Figure.subject_rule``:

1. the figure's **own** words (:mod:`~hynlp.figures.measures`,
   :mod:`~hynlp.figures.nouns`): ``measure_phrase`` (改造建筑面积, 在岗工人),
   ``counted_phrase``, ``list_count``, ``noun_predicate``, ``noun_modifier``,
   ``copula_noun``, ``frame_count``, ``activity``, ``trailing_noun`` (万元
   **风险补偿资金池**), ``noun_after_unit`` (270万平方米 **商务楼宇**);
2. its **context**, when its own words do not name the thing measured
   (:mod:`~hynlp.figures.topics`): the sentence topic (``project_in_sentence``,
   ``project_carried``, ``company_carried``, ``sentence_opening``,
   ``ba_topic``); for a bare phrase (总投资, 腾空率) also ``previous_figure``,
   what the figure before it in the sentence was about, and
   ``project_in_paragraph``; for a clause that continues the figure before
   (同比增长, 占年度计划的) ``continuation``, that figure's subject.

The two are joined with their overlap merged: 老旧小区改造 + 改造建筑面积 →
老旧小区改造建筑面积. A phrase that names a project or scopes itself to the
whole area (全县…) takes no context. ``de_phrase`` alone is a whole subject:
总投资10.6亿元的 **A项目**.

>>> from hynlp.document import Document
>>> from hynlp.normalize import normalize
>>> from hynlp.sentences import SentenceSplitter
>>> from hynlp.figures.projects import ProjectContext
>>> from hynlp.figures.candidates import find_candidates
>>> text = "城北物流港项目位于城北。该项目总投资5亿元，占地120亩，年产值同比增长12%。"
>>> doc = SentenceSplitter()(Document(doc_id="x", raw=text, normalized=normalize(text)))
>>> finder, previous = SubjectFinder(doc, ProjectContext(doc)), []
>>> for candidate in find_candidates(doc.text, doc.sentences):
...     previous.append((candidate, finder.find(candidate, previous)))
>>> [(s.text, s.rule) for _, s in previous]  # doctest: +NORMALIZE_WHITESPACE
[('城北物流港项目总投资', 'project_carried+measure_phrase'), ('城北物流港项目占地', 'project_carried+measure_phrase'),
 ('城北物流港项目年产值同比增长', 'project_carried+measure_phrase')]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from hynlp.document import Document
from hynlp.figures.candidates import Candidate
from hynlp.figures.lexicon import DE_PHRASE_STOPS, MEASURE_NOUNS, MONEY_CUES
from hynlp.figures.measures import MeasurePhrase, Names, measure_phrase
from hynlp.figures.nouns import Part, count_phrase
from hynlp.figures.phrases import (
    ASIDE_CLOSER, ASIDE_OPENERS, ITEM_BREAKS, WINDOW, clause_end, clause_start, first_counted_noun,
    join_phrases, negates, open_aside, trim,
)
from hynlp.figures.projects import ProjectContext
from hynlp.figures.respectively import respective_kind, respectively
from hynlp.figures.topics import Topic, TopicFinder

DE_PHRASE_MAX = 25
COORDINATED_MEASURE_MAX = 14  # 总投资22亿元、占地面积900多亩的: how far the linking 的 may be
ASIDE_OPENER = re.compile("[" + re.escape("".join(ASIDE_OPENERS)) + "]")
RATE_AT = re.compile(r"[0-9.]+(?:%|％|个百分点)")  # 完成年任务75亿元的23.7%
NOUN_AFTER_MAX = 12
NOUN_AFTER_FAMILIES = frozenset({"area", "length", "households"})
BUILD_VERBS = ("建设", "新建", "兴建", "打造", "实施")
NOT_CONTEXT_TYPES = frozenset({"DATE", "PERSON"})
OWNER_TYPES = frozenset({"PROJECT", "COMPANY"})
# A bare phrase is said of the figure before it only when that one could own
# it: 签约项目15个，协议总投资128亿元; not 新增标准厂房3万平方米，完成投资175亿元.
OWNING_FAMILIES = frozenset({"count", "money"})
# What a clause may name as the measure a 同比 clause after it continues.
MEASURE_WORDS = tuple(word for word in (*MEASURE_NOUNS, *(cue for cue, _ in MONEY_CUES)) if len(word) >= 2)


# Immutable like a frozen dataclass, but built 4x faster: one is made per number or figure.
class Subject(NamedTuple):
    text: str
    start: int  # span of the figure's own words
    end: int
    rule: str
    entity: int | None = None
    referent: str = ""  # what a bare figure after this one in the sentence is about
    measure: str = ""  # what a clause continuing this figure (同比增长) continues
    kind: str = ""  # a kind its own words name that the cue before the number did not (分别)


# Immutable like a frozen dataclass, but built 4x faster: one is made per number or figure.
class Context(NamedTuple):
    text: str
    rule: str
    entity: int | None = None


class SubjectFinder:
    """Finds the subject of each candidate of one document, in reading order."""

    def __init__(self, doc: Document, projects: ProjectContext):
        self.doc = doc
        self.text = doc.text
        self.projects = projects
        self.topics = TopicFinder(doc, projects)
        owners = {(e.start, e.end) for e in doc.entities if e.type in OWNER_TYPES} | {
            (m.start, m.end) for m in projects.mentions if not m.anaphor and not m.predicate}
        places = {(e.start, e.end) for e in doc.entities if e.type not in NOT_CONTEXT_TYPES}
        self.names = Names(tuple(sorted(owners)), tuple(sorted(places)))
        self.spans = sorted(owners | places)
        # The first entity at each start and at each span: a lookup per figure, not a pass.
        # Read backwards so that the first entity at a key is written last and wins.
        backwards = list(enumerate(doc.entities))[::-1]
        self.entity_starting = {entity.start: index for index, entity in backwards}
        self.entity_spanning = {(entity.start, entity.end): index for index, entity in backwards}

    def find(self, c: Candidate, previous: list[tuple[Candidate, Subject | None]]) -> Subject | None:
        """The subject of ``c``; ``previous`` are the candidates before it, in reading
        order, with their subjects (those of its sentence end the list)."""
        if c.family == "money":  # only an amount has a whole subject of its own (both ask)
            whole = self.de_phrase(c) or self.built_project(c)
            if whole is not None:
                return whole  # its own phrase is the subject: no measure phrase to find
        earlier = _same_sentence(previous, c)
        # no bracket opens in the sentence before c (most sentences): none of the
        # figures before it sits in an aside, and one search answers for all
        if earlier and ASIDE_OPENER.search(self.text, c.sentence.start, c.start) is not None:
            earlier = [(p, s) for p, s in earlier if not _in_closed_aside(self.text, p, c)]
        same_clause = bool(earlier) and earlier[-1][0].clause_start == c.clause_start
        phrase = measure_phrase(self.text, c, self.projects.mentions, self.names,
                                earlier[-1][0].end if same_clause else 0)
        own = respectively(self.text, c, earlier)
        if own is None and earlier and _listed_after(self.text, earlier[-1][0], c):
            listed = earlier[-1][1]  # 新开工项目分别有6、9个: 9 counts what 6 counts
            return listed._replace(referent=listed.text) if listed is not None else None
        own = own or self._own(c, phrase)
        context, measure = self._context_for(c, phrase, own, earlier, same_clause)
        if context is None and not own.text:
            return None
        joined = self._joined(c, phrase, context, own, measure)
        kind = respective_kind(self.text, c, own)
        return joined._replace(kind=kind) if kind else joined

    def _context_for(self, c: Candidate, phrase: MeasurePhrase, own: Part,
                     earlier: list[tuple[Candidate, Subject | None]],
                     same_clause: bool) -> tuple[Context | None, str | None]:
        """The context, and for a continuation the measure it continues."""
        subjects = [s for _, s in earlier if s is not None]
        if phrase.continuation and subjects and own.rule == "measure_phrase":
            base = subjects[-1].measure
            return Context(base, "continuation", subjects[-1].entity), base
        if phrase.continuation and not subjects and own.rule == "measure_phrase":
            base = self.measure_before(c)  # 主营业务收入出现负增长，同比下降1.2%
            if base:
                return Context(base, "previous_clause"), base
        aside = same_clause and open_aside(self.text, earlier[-1][0].end, c.start) >= 0
        if aside and earlier[-1][1] is not None:
            last = earlier[-1][1]  # 39宗新开工项目(已开工8宗): an aside is about the figure it follows
            return Context(last.referent or last.text, "aside", last.entity), None
        if not own.text and same_clause and subjects:  # 安置住房18栋、2860套: the item before names it
            return Context(subjects[-1].text, "previous_figure", subjects[-1].entity), None
        if same_clause and earlier[-1][1] is not None and _opens_with_counted_noun(earlier[-1][0], phrase):
            last = earlier[-1][1]  # 集中开工的19个项目总投资…: the amount is those projects'
            return Context(last.referent or last.text, "previous_figure", last.entity), None
        owners = [s for p, s in _past_breakdown(self.text, c, earlier) if s is not None and _may_own(p, c)]
        return self._context(c, phrase, own, owners), None

    def _own(self, c: Candidate, phrase: MeasurePhrase) -> Part:
        found = None
        if c.family == "money" and c.trailing is not None:
            start, end, _ = c.trailing
            found = Part(self.text[start:end], start, end, "trailing_noun")
        elif c.family == "count":
            found = count_phrase(self.text, c, self.doc.sentences, self.spans)
        elif c.family in NOUN_AFTER_FAMILIES or (c.family == "percent" and c.number.text.endswith("成")):
            found = self.noun_after_unit(c)  # 近三成企业: a share is said of the noun it divides
        if found is not None:
            return found
        if phrase.text:
            return Part(phrase.text, phrase.start, phrase.end, "measure_phrase", bare=phrase.bare)
        if c.noun is not None:
            noun = c.noun
            return Part(self.text[noun.start:noun.end], noun.start, noun.end, "counted_noun", bare=True)
        if c.cue is not None:
            return Part(self.text[c.cue[0]:c.cue[1]], c.cue[0], c.cue[1], "cue", bare=True)
        return Part("", c.start, c.start, "none", bare=True)

    def _context(self, c: Candidate, phrase: MeasurePhrase, own: Part,
                 earlier: list[Subject]) -> Context | None:
        """The topic, or the figure before, that the own words are said of."""
        if phrase.named is not None or (phrase.scoped and phrase.anaphor is None):
            return None
        if c.family == "count" and c.unit == "projects" and not own.bare:
            return None  # a count of projects is never about one project
        topic = self.topics.sentence_topic(c.number.start, c.sentence)
        if not own.bare or phrase.anaphor is not None and topic is not None:
            return _from_topic(topic)
        # 重大项目共有6个，…，项目总投资42.5亿元: an anaphor with no name to
        # point to is about the projects the figure before counted.
        if topic is not None and topic.named:
            return _from_topic(topic)
        if earlier and earlier[-1].referent and not negates(earlier[-1].referent, own.text):
            return Context(earlier[-1].referent, "previous_figure", earlier[-1].entity)
        topic = topic or self.topics.paragraph_topic(c.number.start) or self.topics.lead_topic(c)
        if topic is None and (found := self.projects.following(c.end, c.sentence.end)) is not None:
            return Context(found[0].text, found[1], found[0].entity)  # 计划投资5亿元，新建A项目
        return _from_topic(topic)

    def _joined(self, c: Candidate, phrase: MeasurePhrase, context: Context | None, own: Part,
                measure: str | None = None) -> Subject:
        head = context.text if context is not None else ""
        text = join_phrases(head, own.text)
        context_rule, own_rule = (context.rule if context else ""), (own.rule if own.text else "")
        rule = f"{context_rule}+{own_rule}" if context_rule and own_rule else context_rule or own_rule
        entity = context.entity if context is not None else self._own_entity(phrase, own)
        referent = head or self._referent(c, phrase, own)
        return Subject(text, own.start, own.end, rule, entity, referent, measure or text)

    def _referent(self, c: Candidate, phrase: MeasurePhrase, own: Part) -> str:
        """新签约亿元以上项目18个, 156个市区重点项目: a count with its noun phrase; a
        phrase that names a project, that name; else the own words."""
        if phrase.named is not None and own.rule == "measure_phrase":
            return phrase.named.text
        if phrase.opening and own.rule == "measure_phrase" and c.family != "count":
            return phrase.opening  # 东岚经济开发区规划面积…，已建成区面积…
        if c.family == "count" and own.text:
            if own.rule == "respectively":
                return ""  # 一、二季度…分别为4、7个: one item of a list is not what follows is about
            if own.end <= c.start:
                return self.text[own.start:c.end]
            if own.start >= c.end and own.rule in ("counted_phrase", "noun_predicate"):
                return self.text[c.start:own.end]
        return "" if own.bare else own.text

    def measure_before(self, c: Candidate) -> str:
        """The measure the clause before ``c`` names, up to its last measure word
        (…主营业务收入出现负增长 → …主营业务收入), or "" when it names none."""
        if c.clause_start <= c.sentence.start:
            return ""
        start = clause_start(self.text, c.clause_start - 1, c.sentence.start)
        clause = self.text[start:c.clause_start - 1]
        ends = [clause.rfind(word) + len(word) for word in MEASURE_WORDS if word in clause]
        if not ends:
            return ""
        begin, end = trim(self.text, start, start + max(ends))
        return self.text[begin:end] if end - begin >= 2 else ""

    def built_project(self, c: Candidate) -> Subject | None:
        """某公司拟投资3.2亿元建设A项目: money spent to build a project named right
        after it is that project's investment."""
        if c.family != "money" or c.cue is None or c.kind != "investment":
            return None
        verb = next((word for word in BUILD_VERBS if self.text.startswith(word, c.end)), None)
        if verb is None:
            return None
        mention = next((m for m in self.projects.mentions
                        if m.start in (c.end, c.end + len(verb)) and not m.anaphor), None)
        if mention is None:
            return None
        name = self.text[c.end + len(verb):mention.end]  # a name walked left may hold the verb
        text = name + self.text[c.cue[0]:c.cue[1]]
        return Subject(text, mention.start, mention.end, "built_project", mention.entity, name, text)

    def de_phrase(self, c: Candidate) -> Subject | None:
        """总投资10.6亿元的A项目: the phrase after 的, up to a word that ends it
        (已, 同步, 开工, 和总投资…), or the tagged entity that starts there."""
        if c.family != "money" or c.trailing is not None:
            return None
        link = self._de_link(c)
        if link < 0:
            return None
        start = link + 1
        entity = self.entity_starting.get(start)
        if entity is not None:
            end = self.doc.entities[entity].end
            return Subject(self.text[start:end], start, end, "de_phrase", entity, self.text[start:end],
                           self.text[start:end])
        stop = min(clause_end(self.text, start, c.sentence.end), start + WINDOW)
        for word in DE_PHRASE_STOPS:
            found = self.text.find(word, start + 1, stop)
            stop = found if found >= 0 else stop
        start, stop = trim(self.text, start, stop)
        if not 2 <= stop - start <= DE_PHRASE_MAX or RATE_AT.match(self.text, start):
            return None  # 完成年任务75亿元的23.7%: a figure after 的 is no thing the amount is of
        text = self.text[start:stop]
        return Subject(text, start, stop, "de_phrase", self._entity_at(start, stop), text, text)

    def _de_link(self, c: Candidate) -> int:
        """Where the 的 that links an amount to what it is of stands: right after it
        (总投资10.6亿元的A项目), or after other measures joined to it by 、
        (总投资22亿元、占地900多亩的15个工业项目); -1 when none does."""
        if self.text.startswith("的", c.end):
            return c.end
        if not self.text.startswith("、", c.end):
            return -1
        stop = min(clause_end(self.text, c.end, c.sentence.end), c.end + COORDINATED_MEASURE_MAX)
        link = self.text.find("的", c.end, stop)
        if link < 0 or not any(ch.isdigit() for ch in self.text[c.end:link]):
            return -1
        return link

    def noun_after_unit(self, c: Candidate) -> Part | None:
        """270万平方米商务楼宇: the noun the measure describes."""
        start = c.end + 1 if self.text.startswith("的", c.end) else c.end
        if self.text.startswith(ASIDE_OPENERS, start):
            return None  # 88户(含4家商铺): a bracket after the unit is an aside
        stop = min(clause_end(self.text, start, c.sentence.end, ITEM_BREAKS), start + NOUN_AFTER_MAX)
        noun = first_counted_noun(self.text, start, stop)
        return Part(self.text[start:noun[0]], start, noun[0], "noun_after_unit") if noun is not None else None

    def _own_entity(self, phrase: MeasurePhrase, own: Part) -> int | None:
        """The entity the own words name: a project inside the measure phrase, or
        an entity whose span they are."""
        if own.rule == "measure_phrase" and phrase.named is not None and phrase.named.entity is not None:
            return phrase.named.entity
        return self._entity_at(own.start, own.end)

    def _entity_at(self, start: int, end: int) -> int | None:
        return self.entity_spanning.get((start, end))


def _same_sentence(previous: list[tuple[Candidate, Subject | None]],
                   c: Candidate) -> list[tuple[Candidate, Subject | None]]:
    """The end of ``previous`` (in reading order) that is in the sentence of ``c``."""
    begin = len(previous)
    while begin > 0 and previous[begin - 1][0].sentence.index == c.sentence.index:
        begin -= 1
    return previous[begin:]


def _past_breakdown(text: str, c: Candidate,
                    earlier: list[tuple[Candidate, Subject | None]]) -> list[tuple[Candidate, Subject | None]]:
    """签约项目15个，其中，A类1个、B类2个，总投资额285亿元: a figure after a list
    that breaks the one before 其中 down is said of that one, not of the list's last item."""
    marker = text.rfind("其中", c.sentence.start, c.start)
    if marker < 0:
        return earlier
    items = [(p, s) for p, s in earlier if p.start > marker]
    if len(items) < 2 or c.clause_start <= items[-1][0].end:
        return earlier
    if any("、" not in text[a.end:b.start] for (a, _), (b, _) in zip(items, items[1:])):
        return earlier
    return [(p, s) for p, s in earlier if p.end <= marker]


def _in_closed_aside(text: str, p: Candidate, c: Candidate) -> bool:
    """444项(打包项目拆分后共569项)，项目总投资…: a figure in a bracket closed before
    ``c`` is an aside; what follows the bracket is not said of it."""
    if open_aside(text, c.sentence.start, p.start) < 0:
        return False
    return ASIDE_CLOSER.search(text, p.end, c.start) is not None


def _opens_with_counted_noun(count: Candidate, phrase: MeasurePhrase) -> bool:
    """Whether ``phrase`` opens with the noun the count right before it counts
    (19个 **项目** 总投资): the figure is then said of what was counted."""
    noun = count.noun
    return (count.family == "count" and noun is not None and noun.side == "after"
            and noun.start <= phrase.start < noun.end)


def _listed_after(text: str, earlier: Candidate, c: Candidate) -> bool:
    """Whether ``c`` is the next count of a list written with 、 before one measure (6、9个)."""
    return (earlier.family == c.family == "count" and earlier.unit == c.unit
            and earlier.end == earlier.number.end and text[earlier.end:c.number.start] == "、")


def _may_own(earlier: Candidate, c: Candidate) -> bool:
    """Whether a bare figure may be said of the figure before it: of a count or
    an amount (签约项目15个，协议总投资…), of its own family, or, for a rate, of
    anything (累计签约461户，签约率98.71%)."""
    return earlier.family in OWNING_FAMILIES or earlier.family == c.family or c.family == "percent"


def _from_topic(topic: Topic | None) -> Context | None:
    if topic is None:
        return None
    return Context(topic.text + topic.phase, topic.rule, topic.entity)
