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
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from hynlp.document import Document
from hynlp.figures.lexicon import (
    PROJECT_ANAPHORS, PROJECT_EVENT_WORDS, PROJECT_NAME_OPENERS, PROJECT_SUFFIXES,
)
from hynlp.figures.phrases import CLAUSE_BREAKS, LEADING_DATE, is_generic, trim_leading
from hynlp.figures.wordlists import WordList

NAME_MAX = 30
# 48个项目, 重点项目12个: a count of projects, after which a bare 项目 is those projects
GROUP_COUNT = re.compile(r"[0-9一二两三四五六七八九十百]+个[^，。；,;]{0,8}项目|项目(?:共|共有|总计)?[0-9]+个")
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
# The look-behinds come after the numeral, so the regex skips ahead to a numeral
# before it checks them, not at every character.
PHASE_PATTERN = re.compile(r"[一二三四五六](?<!项目[一二三四五六])(?<!工程[一二三四五六])期(?!项目|工程|工作)")
PHASE = re.compile(r"[一二三四五六]期")
ANAPHOR_PATTERN = re.compile(
    f"(?:{'|'.join(sorted(PROJECT_ANAPHORS, key=len, reverse=True))})(?![{OFFICE_MARKS}])")
NAME_BAD_OPENINGS = ("该", "本", "此", "这", "其")
COPULAS = ("是", "为", "作为", "属于")
LIST_MARKS = ("、", "等", ",、")
EVENT_WORDS, CLAUSE_OPENER_LIST = WordList(PROJECT_EVENT_WORDS), WordList(CLAUSE_OPENERS)
# What a name is not made of (Chinese characters, ASCII letters and digits,
# NAME_CHARS): the last such character before a suffix is where the name may open.
LAST_NON_NAME = re.compile("(?s:.*)[^\u4e00-\u9fff0-9A-Za-z" + re.escape("".join(sorted(NAME_CHARS))) + "]")
CLAUSE_BREAK_AT = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
# The opener words written backwards: in a window read backwards, the first match
# is the opener that ends last (one search where rfind per opener took 60).
REVERSED_OPENERS = re.compile("|".join(re.escape(word[::-1]) for word in PROJECT_NAME_OPENERS))
DIGIT = re.compile(r"\d")
LAST_COUNT_MARK = re.compile("(?s:.*)[" + "".join(sorted(COUNT_MARKS)) + "]")  # greedy: the last one


# Immutable like a frozen dataclass, but built 4x faster: one is made per number or figure.
class ProjectMention(NamedTuple):
    start: int
    end: int
    text: str
    entity: int | None = None
    anaphor: bool = False
    predicate: bool = False  # 该工程是…的重点交通项目: describes the name before it
    listed: bool = False  # 加快推进A、B等项目: one of several, the topic of no figure


# Immutable like a frozen dataclass, but built 4x faster: one is made per number or figure.
class Resolution(NamedTuple):
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
        self.mention_starts = [m.start for m in self.mentions]  # mentions are sorted by start

    def within(self, begin: int, end: int) -> list[ProjectMention]:
        """The mentions inside ``[begin, end)``, in text order: those starting in
        it, found by bisection, that also end in it."""
        first = bisect_left(self.mention_starts, begin)
        last = bisect_right(self.mention_starts, end)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def sentences_back(self, pos: int, count: int) -> int:
        """Start of the sentence ``count`` sentences before the one holding ``pos``."""
        index = bisect_right(self.sentence_starts, pos) - 1
        return self.sentence_starts[max(0, index - count)] if index >= 0 else 0

    def topic(self, pos: int) -> tuple[ProjectMention, str] | None:
        """The project named last in the paragraph, a sentence or two before ``pos``."""
        begin = max(self.text.rfind("\n", 0, pos) + 1, self.sentences_back(pos, TOPIC_REACH))
        named = [m for m in self.within(begin, pos) if not m.anaphor and not m.predicate]
        return (named[-1], "project_in_paragraph") if named else None

    def following(self, pos: int, sentence_end: int) -> tuple[ProjectMention, str] | None:
        """The first project named after ``pos`` in its sentence (投资5亿元建设X项目)."""
        named = [m for m in self.within(pos, sentence_end) if not m.anaphor]
        return (named[0], "project_after") if named else None

    def mentioned(self, start: int, end: int) -> bool:
        """Whether a project name or anaphor lies inside ``[start, end)``."""
        return any(start <= m.start and m.end <= end for m in self.mentions)

    def resolve(self, pos: int, sentence_start: int) -> Resolution | None:
        """The project the text at ``pos`` is about: the last mention earlier in
        its sentence that is not a predicate, or, when that mention is an
        anaphor, the name it points to (within :data:`ANAPHOR_REACH` sentences)."""
        earlier = [m for m in self.within(sentence_start, pos) if not m.predicate and not m.listed]
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
        named = [m for m in self.within(begin, anaphor.start) if not m.anaphor and not m.predicate]
        if named and anaphor.text == "项目" and GROUP_COUNT.search(self.text, named[-1].end, anaphor.start):
            return None  # A工程开工。…总计48个项目…。项目总投资…: bare 项目 is the group counted since
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
    taken = TakenSpans(len(text), mentions)
    for pattern in (SUFFIX_PATTERN, PHASE_PATTERN):
        for match in pattern.finditer(text):
            if taken.overlaps(match.start(), match.end()):
                continue  # a name ending in this suffix would overlap too: no need to find it
            name = _name_ending_at(text, match.start(), match.end())
            if name is not None and not taken.overlaps(name.start, name.end):
                mentions.append(name)
                taken.add(name.start, name.end)
    for match in ANAPHOR_PATTERN.finditer(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        if match.group(0) == "项目" and not _opens_clause(text, match.start()):
            continue
        mentions.append(ProjectMention(match.start(), match.end(), match.group(0), anaphor=True))
        taken.add(match.start(), match.end())
    return _mark_predicates(text, sorted(mentions, key=lambda m: (m.start, m.end)))


class TakenSpans:
    """The spans of the mentions found so far. Whether a span overlaps one is a
    single ``bytearray.find`` over the characters they cover, not a pass over
    every mention (an empty span covers none: those few are kept apart).

    >>> taken = TakenSpans(10, [])
    >>> taken.add(2, 4)
    >>> taken.overlaps(3, 6), taken.overlaps(4, 6)
    (True, False)
    """

    def __init__(self, size: int, mentions: list[ProjectMention]):
        self.covered = bytearray(size)
        self.empty: list[tuple[int, int]] = []
        for mention in mentions:
            self.add(mention.start, mention.end)

    def add(self, start: int, end: int) -> None:
        if start < end:
            self.covered[start:end] = b"\x01" * (end - start)
        else:
            self.empty.append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` (not empty) overlaps a span taken."""
        return (self.covered.find(1, start, end) >= 0
                or bool(self.empty) and any(start < e and s < end for s, e in self.empty))


def _mark_predicates(text: str, mentions: list[ProjectMention]) -> list[ProjectMention]:
    """A mention after 是/为 in the clause of an earlier mention describes that one;
    a mention in a list (A、B等项目) is one of several."""
    marked = []
    for index, mention in enumerate(mentions):
        predicate = index > 0 and _is_predicate(text, mentions[index - 1], mention)
        listed = text.startswith(LIST_MARKS, mention.end) or text.endswith("、", 0, mention.start)
        if predicate or listed:
            mention = mention._replace(predicate=predicate, listed=listed)
        marked.append(mention)
    return marked


def _is_predicate(text: str, before: ProjectMention, mention: ProjectMention) -> bool:
    return (text.startswith(COPULAS, before.end, mention.start)
            and CLAUSE_BREAK_AT.search(text, before.end, mention.start) is None)


def _name_ending_at(text: str, suffix_start: int, suffix_end: int) -> ProjectMention | None:
    if EVENT_WORDS.starting_at(text, suffix_end) is not None:
        return None
    if _category(text[max(0, suffix_start - 1):suffix_end]) or _counted_class(text, suffix_end):
        return None
    # the run of name characters (at most NAME_MAX) that ends at the suffix
    reach = max(0, suffix_start - NAME_MAX)
    last_other = LAST_NON_NAME.match(text, reach, suffix_start)
    begin = last_other.end() if last_other is not None else reach
    if suffix_start - begin < NAME_MIN:
        return None  # 、项目: the cuts and trims below only shorten the name further
    window = text[begin:suffix_start]
    # the name opens after the last opener word or count mark in it: the first
    # opener of the window read backwards ends last
    opener = REVERSED_OPENERS.search(window[::-1])
    cut = len(window) - opener.start() if opener is not None else 0
    last_mark = LAST_COUNT_MARK.match(window)
    cut = max(cut, last_mark.end() if last_mark is not None else 0)
    if DIGIT.search(window) is not None:  # a date needs a digit
        for date in LEADING_DATE.finditer(window):
            cut = max(cut, date.end())  # 2023年招商引资项目 is an event of that year, not a name
    if len(window) - cut < NAME_MIN:
        return None  # 5个项目: nothing left between the cut and the suffix; trimming would not add any
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


def _opens_clause(text: str, start: int) -> bool:
    opener = CLAUSE_OPENER_LIST.ending_at(text, start)
    if opener is not None:
        start -= len(opener)
    return start == 0 or text[start - 1] in CLAUSE_BREAKS or text[start - 1] in "”」"
