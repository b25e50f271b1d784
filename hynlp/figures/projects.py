"""Project mentions a figure can be about: tagged entities, names ending in 项目, anaphors.

PROJECT entities from the tagger come first. Names the tagger missed are
found by walking left from 项目/工程, or from a phase (产业园二期), to the word
that opens the name; generic phrases (重点项目, 一批在建项目) are not names.
该项目, 项目一期, 这条 and a clause that opens with 项目 point back to the
last name in the same paragraph. A name said of another (该工程是全区的
重点交通项目) is a predicate: it describes the project, it is not a new one.

>>> from hynlp.document import Document
>>> from hynlp.normalize import normalize
>>> text = "2月16日，北关片区城市更新项目指挥部上门入户。项目一期累计签约461户。"
>>> doc = Document(doc_id="x", raw=text, normalized=normalize(text))
>>> context = ProjectContext(doc)
>>> [(m.text, m.anaphor) for m in context.mentions]
[('北关片区城市更新项目', False), ('项目一期', True)]
>>> found = context.resolve(text.index("461"), text.index("项目一期"))
>>> found.mention.text, found.anchor.text, found.rule
('北关片区城市更新项目', '项目一期', 'project_carried')
>>> text = "北原枢纽工程现场一片繁忙。该工程是今年的重点交通项目，计划投资8.6亿元。"
>>> doc = Document(doc_id="x", raw=text, normalized=normalize(text))
>>> [(m.text, m.predicate) for m in ProjectContext(doc).mentions]
[('北原枢纽工程', False), ('该工程', False), ('重点交通项目', True)]
>>> ProjectContext(doc).resolve(text.index("8.6"), text.index("该工程")).mention.text
'北原枢纽工程'
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from hynlp.document import Document
from hynlp.figures.lexicon import (
    PROJECT_ANAPHORS, PROJECT_EVENT_WORDS, PROJECT_NAME_OPENERS, PROJECT_SUFFIXES,
)
from hynlp.figures.phrases import CLAUSE_BREAKS, LEADING_DATE, is_cjk, is_generic, trim_leading

NAME_MAX = 30
ANAPHOR_REACH = 4  # sentences back that 该项目 may point, across paragraphs
TOPIC_REACH = 2  # sentences back, within the paragraph, that a project stays the topic
NAME_MIN = 3
NAME_CHARS = frozenset("（）()·-")
COUNT_MARKS = frozenset("个家批项元")
CATEGORY_MARKS = frozenset("级类")
COUNTED_CLASS = re.compile(r"[0-9一二两三四五六七八九十]+[个项]")
CLAUSE_OPENERS = ("目前", "同时", "当前", "现在", "今年", "届时", "其中", "据悉", "据了解")
# 项目部, 工程组, 项目库: a team, an office or a list that handles projects, not a project
OFFICE_MARKS = "部办组库"
SUFFIX_PATTERN = re.compile(f"(?:{'|'.join(PROJECT_SUFFIXES)})(?![{OFFICE_MARKS}])")
# 产业园二期, 北关学校二期: a phase of a named thing is a project (not 项目二期, not 二期项目).
PHASE_PATTERN = re.compile(r"(?<!项目)(?<!工程)[一二三四五六]期(?!项目|工程|工作)")
PHASE = re.compile(r"[一二三四五六]期")
ANAPHOR_PATTERN = re.compile(
    f"(?:{'|'.join(sorted(PROJECT_ANAPHORS, key=len, reverse=True))})(?![{OFFICE_MARKS}])")
NAME_BAD_OPENINGS = ("该", "本", "此", "这", "其")
COPULAS = ("是", "为", "作为", "属于")
LIST_MARKS = ("、", "等", ",、")


@dataclass(frozen=True)
class ProjectMention:
    start: int
    end: int
    text: str
    entity: int | None = None
    anaphor: bool = False
    predicate: bool = False  # 该工程是…的重点交通项目: describes the name before it
    listed: bool = False  # 加快推进A、B等项目: one of several, the topic of no figure


@dataclass(frozen=True)
class Resolution:
    """The named project a position is about, and the mention in its sentence that says so."""

    mention: ProjectMention
    anchor: ProjectMention  # the mention in the sentence: the name itself, or the anaphor
    rule: str


class ProjectContext:
    """The project mentions of one document, and which one a position is about."""

    def __init__(self, doc: Document):
        self.text = doc.text
        self.sentence_starts = [s.start for s in doc.sentences]
        self.mentions = project_mentions(doc)

    def sentences_back(self, pos: int, count: int) -> int:
        """Start of the sentence ``count`` sentences before the one holding ``pos``."""
        index = bisect_right(self.sentence_starts, pos) - 1
        return self.sentence_starts[max(0, index - count)] if index >= 0 else 0

    def topic(self, pos: int) -> tuple[ProjectMention, str] | None:
        """The project named last in the paragraph, a sentence or two before ``pos``."""
        begin = max(self.text.rfind("\n", 0, pos) + 1, self.sentences_back(pos, TOPIC_REACH))
        named = [m for m in self.mentions if not m.anaphor and not m.predicate
                 and begin <= m.start and m.end <= pos]
        return (named[-1], "project_in_paragraph") if named else None

    def following(self, pos: int, sentence_end: int) -> tuple[ProjectMention, str] | None:
        """The first project named after ``pos`` in its sentence (投资5亿元建设X项目)."""
        named = [m for m in self.mentions if not m.anaphor and pos <= m.start and m.end <= sentence_end]
        return (named[0], "project_after") if named else None

    def mentioned(self, start: int, end: int) -> bool:
        """Whether a project name or anaphor lies inside ``[start, end)``."""
        return any(start <= m.start and m.end <= end for m in self.mentions)

    def resolve(self, pos: int, sentence_start: int) -> Resolution | None:
        """The project the text at ``pos`` is about: the last mention earlier in
        its sentence that is not a predicate, or, when that mention is an
        anaphor, the name it points to (within :data:`ANAPHOR_REACH` sentences)."""
        earlier = [m for m in self.mentions
                   if sentence_start <= m.start and m.end <= pos and not m.predicate and not m.listed]
        if not earlier:
            return None
        last = earlier[-1]
        if not last.anaphor:
            return Resolution(last, last, "project_in_sentence")
        named = self.antecedent(last)
        return Resolution(named, last, "project_carried") if named else None

    def antecedent(self, anaphor: ProjectMention) -> ProjectMention | None:
        """The name an anaphor points back to. A phased anaphor (二期项目) prefers
        a name of the same phase."""
        begin = self.sentences_back(anaphor.start, ANAPHOR_REACH)
        named = [m for m in self.mentions if not m.anaphor and not m.predicate
                 and begin <= m.start and m.end <= anaphor.start]
        phase = PHASE.search(anaphor.text)
        if phase is not None:
            same = [m for m in named if phase.group(0) in m.text]
            named = same or named
        return named[-1] if named else None


def project_mentions(doc: Document) -> list[ProjectMention]:
    text = doc.text
    mentions = [ProjectMention(e.start, e.end, e.text, entity=index)
                for index, e in enumerate(doc.entities)
                if e.type == "PROJECT" and not _category(e.text) and not _counted_class(text, e.end)]
    for pattern in (SUFFIX_PATTERN, PHASE_PATTERN):
        for match in pattern.finditer(text):
            name = _name_ending_at(text, match.start(), match.end())
            if name is not None and not _overlaps(name, mentions):
                mentions.append(name)
    for match in ANAPHOR_PATTERN.finditer(text):
        mention = ProjectMention(match.start(), match.end(), match.group(0), anaphor=True)
        if _overlaps(mention, mentions):
            continue
        if match.group(0) == "项目" and not _opens_clause(text, match.start()):
            continue
        mentions.append(mention)
    return _mark_predicates(text, sorted(mentions, key=lambda m: (m.start, m.end)))


def _mark_predicates(text: str, mentions: list[ProjectMention]) -> list[ProjectMention]:
    """A mention after 是/为 in the clause of an earlier mention describes that one;
    a mention in a list (A、B等项目) is one of several."""
    marked = []
    for index, mention in enumerate(mentions):
        predicate = index > 0 and _is_predicate(text, mentions[index - 1], mention)
        listed = text.startswith(LIST_MARKS, mention.end) or text.endswith("、", 0, mention.start)
        if predicate or listed:
            mention = replace(mention, predicate=predicate, listed=listed)
        marked.append(mention)
    return marked


def _is_predicate(text: str, before: ProjectMention, mention: ProjectMention) -> bool:
    between = text[before.end:mention.start]
    return (not any(ch in CLAUSE_BREAKS for ch in between)
            and any(between.startswith(word) for word in COPULAS))


def _name_ending_at(text: str, suffix_start: int, suffix_end: int) -> ProjectMention | None:
    if any(text.startswith(word, suffix_end) for word in PROJECT_EVENT_WORDS):
        return None
    if _category(text[max(0, suffix_start - 1):suffix_end]) or _counted_class(text, suffix_end):
        return None
    begin = suffix_start
    while begin > 0 and suffix_start - begin < NAME_MAX and _name_char(text[begin - 1]):
        begin -= 1
    window = text[begin:suffix_start]
    cut = 0
    for opener in PROJECT_NAME_OPENERS:
        found = window.rfind(opener)
        if found >= 0:
            cut = max(cut, found + len(opener))
    for index, ch in enumerate(window):
        if ch in COUNT_MARKS:
            cut = max(cut, index + 1)
    for date in LEADING_DATE.finditer(window):
        cut = max(cut, date.end())  # 2023年招商引资项目 is an event of that year, not a name
    start = trim_leading(text, begin + cut, suffix_start)
    if suffix_start - start < NAME_MIN or is_generic(text[start:suffix_end]) \
            or text.startswith(NAME_BAD_OPENINGS, start):
        return None
    return ProjectMention(start, suffix_end, text[start:suffix_end])


def _counted_class(text: str, end: int) -> bool:
    """城市综合体项目2个: projects named only to be counted are a class, not a name."""
    return COUNTED_CLASS.match(text, end) is not None


def _category(name: str) -> bool:
    """100亿级项目, 基础设施类项目: a class of projects, not a name."""
    match = SUFFIX_PATTERN.search(name)
    if match is None or match.end() != len(name):
        return False
    return name[match.start() - 1:match.start()] in CATEGORY_MARKS


def _name_char(ch: str) -> bool:
    return is_cjk(ch) or (ch.isascii() and ch.isalnum()) or ch in NAME_CHARS


def _opens_clause(text: str, start: int) -> bool:
    for opener in CLAUSE_OPENERS:
        if text.endswith(opener, 0, start):
            start -= len(opener)
            break
    return start == 0 or text[start - 1] in CLAUSE_BREAKS or text[start - 1] in "”」"


def _overlaps(mention: ProjectMention, others: list[ProjectMention]) -> bool:
    return any(mention.start < other.end and other.start < mention.end for other in others)
