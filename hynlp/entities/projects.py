"""PROJECT candidates: named construction, investment and signed projects.

* A name ending in 项目 or 工程: ``山东某某扩产能项目``, ``某某路改造提升工程``
  (in ``某某项目一期`` the project is ``某某项目``).
* A name ending in a stage: ``某某二期``, ``某某新能源产业园二期``.
* A name ending in 产业园, 基地, 综合体… counts only in a clause that builds,
  starts or signs something (开工, 签约, 落户, 投产…): ``打造…生产基地`` is a
  plan, not a project.
* Members of a list a sentence about projects introduces: ``签约项目分别是A、B和C``
  (see :mod:`hynlp.entities.project_lists`).
* Members of ``A、B、C等10个项目``; without a count, members named like an
  existing venue (某某广场, 某某商区) are left out: they are referred to,
  not built.

The left edge is where the scanner stops (在, 抓好, 位于, 的, numbers...),
after a subdistrict, town or county written before the name
(``某某街道|某某广场项目``); leading modifiers and construction verbs are
trimmed (``建设某某项目`` -> ``某某项目``). A name made only of generic words
is no name: 重大项目, 在建项目, 省市区重点项目, 该项目, 项目一期.

>>> from hynlp.entities.lexicon import WordLists
>>> from hynlp.entities.boundaries import NameScanner
>>> from hynlp.entities.candidates import CandidatePool
>>> words = WordLists.read("entity_words.txt")
>>> rules = ProjectRules(words, NameScanner(words))
>>> pool = CandidatePool("今年抓好山东某某扩产能项目，推进128个省市区重点项目。", [])
>>> rules(pool)
>>> [c.text(pool.text) for c in pool.of_type("PROJECT")]
['山东某某扩产能项目']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hynlp.entities.boundaries import (CLAUSE_BREAKS, CLOSING_BRACKETS, PUNCTUATION, NameScanner, is_cjk, is_cjk_text,
                                      made_of)
from hynlp.entities.candidates import PRIORITY_SHAPE, Candidate, CandidatePool
from hynlp.entities.lexicon import WordFinder, WordLists, WordSet
from hynlp.entities.lists import members_ending_at
from hynlp.entities.places import admin_level, hosts_event
from hynlp.entities.project_lists import (after_counted_group, introduced_members, joint_before_generic,
                                          parallel_mark_before, without_site)

# Punctuation right before a head: the scan and every fallback stop there (a closing bracket may hold a stage).
NAME_BREAKS = PUNCTUATION - CLOSING_BRACKETS
STRONG_HEADS = ("项目", "工程")
WEAK_HEADS = ("总部基地", "产业基地", "产业园", "科技园", "工业园", "物流园", "孵化园", "创业园", "产业城",
              "综合体", "基地", "小镇")
STAGE = re.compile(r"[一二三四五六七八九十]期(?:工程)?")
NOT_BEFORE_STAGE = frozenset("一二三四五六七八九十百千零〇两第本上下同近每前后首末当新")
# A character after the head that makes it part of another word: 工程车, 项目库.
HEAD_BLOCKERS = {"项目": frozenset("库化制法群组"), "工程": frozenset("车师院局学兵队款量机技咨")}
BUILD_CONTEXT = ("开工", "动工", "奠基", "签约", "落户", "建成", "投产", "竣工", "封顶", "开建", "试运营",
                 "投用", "完工", "开园", "揭牌", "落地", "在建", "正在建设", "加快建设")
LEADING_MODIFIERS = WordSet(("重大", "重点", "优质", "在建", "续建", "新开工", "省级", "市级", "区级", "县级",
                             "省重点", "市重点", "区重点", "县重点", "省市重点", "大型", "首批", "新一批"))
# A subdistrict, town or village written before a name is where the project
# is (某某街道|某某广场项目); a county, district or city opens many names
# (某某县城乡供水一体化工程) and stays in them.
UNIT_TYPES = frozenset(("PLACE", "GOV"))
LOCATION_LEVELS = frozenset(("街道", "镇", "乡", "村", "社区"))
NAME_OPENING_LEVELS = frozenset(("省", "市", "区", "县"))
UNIT_SUFFIX_CHARACTERS = frozenset("省市区县镇乡")
MAX_UNIT_PREFIX = 10  # 某某市某某县: two units at most
NOT_PROJECT_LISTS = ("的", "领域", "行业", "产业", "方面", "类")
VENUES = ("广场", "商区", "商圈", "商场", "商城", "大厦", "街", "路", "公园", "小区", "市场", "景区")
# 某某和|项目投资者代表: a head right after a conjunction is a bare noun
# (the projects), so nothing before the conjunction is its name.
BARE_AFTER = frozenset("和与及、或")
ROUTE_JOINER = re.compile(r"(?<![截直乃以甚])至$")  # 东岚至临河快速路, not 截至
WORKING_BODY_AFTER = ("指挥部", "领导小组", "工作专班")
WORKING_BODIES = ("小组", "工作组", "专班")
CAPACITY_VERBS = ("年产", "年产能", "年加工", "年处理", "日处理", "年生产", "年出栏", "年吞吐", "年装配")
CAPACITY_SPEC = re.compile(f"(?:{'|'.join(CAPACITY_VERBS)})[0-9.一二三四五六七八九十百千万亿]+"
                           r"(?:万|亿)?(?:吨|台|套|辆|件|片|只|头|平方米|立方米|千瓦|兆瓦|标箱|条|颗|块|张|瓶|个)$")
CAPACITY_OPENERS = frozenset(verb[0] for verb in CAPACITY_VERBS)  # no 年 or 日 nearby: no capacity spec
BARE_UNITS = ("吨", "千瓦", "兆瓦", "吉瓦", "千伏", "立方米", "标箱")
BARE_CAPACITY = re.compile(r"(?<![0-9.．一二三四五六七八九十百千万亿])[0-9.一二三四五六七八九十百千]+(?:万|亿)?"
                           f"(?:{'|'.join(BARE_UNITS)})$")
# A bare capacity ends with a unit's last character ($ also matches before a final newline).
BARE_CAPACITY_ENDINGS = frozenset(unit[-1] for unit in BARE_UNITS) | {"\n"}
CAPACITY_IN_TEXT = re.compile(CAPACITY_SPEC.pattern.rstrip("$"))
MAX_PRODUCT_SPAN = 32  # 年产3.5万吨 and up to 20-odd characters of products
LIST_MARK_CHAR = "、"
OTHERS = ("其他", "其它")
JOINABLE_RULES = frozenset(f"project:{head}" for head in STRONG_HEADS)  # 高频、高速覆铜板|项目
LIST_CONTINUES = frozenset("、等")
MAX_PRODUCT_GAP = 12  # 年产8万吨|有机肥及|生物菌剂项目: the products after the capacity
MAX_CAPACITY_GAP = 3  # 3万吨|碳纤维|拉丝项目: one short word the trimming dropped
# 等10个重点项目, 等项目, or a bare count: A、B两个项目.
LIST_TAIL = re.compile(r"(?:等(?P<count>[0-9一二两三四五六七八九十百几]+[个项])?|(?P<bare>[0-9一二两三四五六七八九十百几]+[个项]))"
                       r"(?P<mods>[\u4e00-\u9fff]{0,8}?)(?:项目|工程)")


@dataclass(frozen=True)
class _Units:
    """The article's administrative units, indexed for the name scans."""

    location_by_end: dict[int, Candidate]  # subdistricts, towns, villages: where a project is
    opening_ends: dict[int, list[int]]  # start -> ends of counties, districts, cities

    @classmethod
    def of(cls, pool: CandidatePool) -> _Units:
        location_by_end: dict[int, Candidate] = {}
        opening_ends: dict[int, list[int]] = {}
        for unit in pool.of_type("PLACE", "GOV"):
            level = admin_level(unit.text(pool.text))
            if level in LOCATION_LEVELS:
                location_by_end[unit.end] = unit
            elif level in NAME_OPENING_LEVELS:
                opening_ends.setdefault(unit.start, []).append(unit.end)
        return cls(location_by_end, opening_ends)


class ProjectRules:
    def __init__(self, words: WordLists, scanner: NameScanner):
        self.scanner = scanner
        self.construction = words["construction"]
        self.modifiers = words["modifier"]
        self.qualifiers = WordSet(self.modifiers.words | words["sector"].words)
        self.generic_parts = WordSet(self.qualifiers.words | self.construction.words | words["generic"].words)
        self.head_finder = WordFinder(STRONG_HEADS + WEAK_HEADS)

    def __call__(self, pool: CandidatePool) -> None:
        units = _Units.of(pool)
        pool.extend(self._headed(pool, units))
        pool.extend(self._staged(pool, units))
        pool.extend(self._list_members(pool, units))
        pool.extend(self._introduced(pool, units))

    def _introduced(self, pool: CandidatePool, units: _Units) -> list[Candidate]:
        """签约项目分别是A、B和C: the members of a list a sentence about projects introduces."""
        def accept(start: int, end: int) -> int | None:
            if not self.scanner.is_valid_name(pool.text[start:end]):
                return None
            return self._member_start(pool, start, end, units)
        return [Candidate("PROJECT", s, e, rule="project:introduced", confidence=0.65)
                for s, e in introduced_members(pool.text, accept)]

    def _headed(self, pool: CandidatePool, units: _Units) -> list[Candidate]:
        text, found = pool.text, []
        occurring = self.head_finder.find_all(text)
        for head in STRONG_HEADS + WEAK_HEADS:
            for start in occurring.get(head, ()):
                end = start + len(head)
                if end < len(text) and text[end] in HEAD_BLOCKERS.get(head, ()):
                    continue
                if head in WEAK_HEADS and (not self._builds(text, start) or hosts_event(text, end)):
                    continue  # 在某某工业园举行签约仪式: the park is the venue, a place
                if start and text[start - 1] in BARE_AFTER:
                    continue
                candidate = self._named(pool, start, end, units, f"project:{head}")
                if candidate is not None and not (head == "工程" and _quoted(text, candidate)):
                    found += [candidate, *self._units_inside(pool, candidate)]
        return found

    def _staged(self, pool: CandidatePool, units: _Units) -> list[Candidate]:
        """某某二期: a name followed by its stage."""
        found = []
        for stage in STAGE.finditer(pool.text):
            if pool.text[stage.end():stage.end() + 2] in STRONG_HEADS or pool.text.endswith(STRONG_HEADS, 0, stage.start()):
                continue  # 某某项目一期 is the phase of 某某项目, which is the entity
            if stage.start() and pool.text[stage.start() - 1] in NOT_BEFORE_STAGE:
                continue  # 第二期, 一百一十二期, 最近一期: an issue number, not a stage
            candidate = self._named(pool, stage.start(), stage.end(), units, "project:stage")
            if candidate is not None:
                found += [candidate, *self._units_inside(pool, candidate)]
        return found

    def _named(self, pool: CandidatePool, head_start: int, end: int, units: _Units,
               rule: str) -> Candidate | None:
        if not head_start or pool.text[head_start - 1] in NAME_BREAKS:
            return None  # 。项目: no name, and nothing before the head for the fallbacks either (a head in ten)
        edge = self.scanner.left_edge(pool, head_start, max_len=24, fences=units.location_by_end,
                                      accept=lambda s: self._name_start(pool, s, head_start, units))
        if edge is None or edge in units.location_by_end:
            qualified = self._place_qualified(pool, head_start, units)
            edge = qualified if qualified is not None else edge
        if edge is None and rule == "project:stage":
            edge = self._staged_kind(pool, head_start)
        if edge is None:
            edge = self._after_capacity(pool, head_start)
        if edge is None or edge > head_start - 2:
            edge = self._headed_list_member(pool, head_start, end, units) or edge
        if edge is None:
            return None
        if rule in JOINABLE_RULES and pool.text[end:end + 1] not in LIST_CONTINUES:
            edge = self._joined_across_mark(pool, edge, head_start, units)
        edge = self._with_written_before(pool, _after_working_body(pool.text, edge, head_start), units)
        nests = pool.text.startswith(WORKING_BODY_AFTER, end)
        return Candidate("PROJECT", edge, end, rule=rule, confidence=0.8, priority=PRIORITY_SHAPE, nests=nests)

    def _joined_across_mark(self, pool: CandidatePool, edge: int, head_start: int, units: _Units) -> int:
        """高频、高速覆铜板项目, 某某基地及生产加工项目: the name reaches back across a joint."""
        mark = parallel_mark_before(pool, edge, head_start)
        if mark is None and (mark := joint_before_generic(pool.text, edge, head_start, self.generic_parts)) is None:
            return edge
        start = self.scanner.left_edge(pool, mark, max_len=16, fences=units.location_by_end,
                                       accept=lambda s: self._name_start(pool, s, mark, units))
        inside_list = start is not None and start > 0 and pool.text[start - 1] == LIST_MARK_CHAR
        return edge if start is None or inside_list else start

    def _after_capacity(self, pool: CandidatePool, head_start: int) -> int | None:
        """年产3.5万吨|高性能工业涂料及检测中心|项目: products too long for the
        scan (a 及 inside stops it) start where the capacity spec ends; the
        capacity and its owner are added after."""
        text = pool.text
        window = text[max(0, head_start - MAX_PRODUCT_SPAN):head_start]
        if CAPACITY_OPENERS.isdisjoint(window):
            return None
        specs = [m for m in CAPACITY_IN_TEXT.finditer(window) if is_cjk_text(window[m.end():])]
        if not specs:
            return None
        start = head_start - len(window) + specs[-1].end()
        return start if self.scanner.is_valid_name(text[start:head_start]) else None

    def _headed_list_member(self, pool: CandidatePool, head_start: int, end: int, units: _Units) -> int | None:
        """甲项目、乙丙项目、丁项目: between list marks that follow another name
        with the same head, a member's edges are the marks, whatever the
        segmenter made of its words (安瓿瓶/v). A quantity before the head
        (乙丙两个|项目) still ends the name."""
        text = pool.text
        mark = text.rfind(LIST_MARK_CHAR, max(0, head_start - 24), head_start)
        head = text[head_start:end]
        if mark < 0 or not text.startswith(head, mark - len(head)) or self.scanner.is_hard_boundary(pool, head_start):
            return None
        member = text[mark + 1:head_start]
        if any(ch in CLAUSE_BREAKS or ch in BARE_AFTER or ch in "的等" for ch in member) or head in member:
            return None  # 甲项目、乙项目等10余个意向|项目: the list has closed
        if not self.scanner.is_valid_name(member) or self._unit_then_qualifiers(member):
            return None
        opening = units.opening_ends.get(mark + 1, ())
        return None if any(made_of(text[u:head_start], self.qualifiers) for u in opening) else mark + 1

    @staticmethod
    def _units_inside(pool: CandidatePool, project: Candidate) -> list[Candidate]:
        """The unit that opens a project's name stays an entity inside it:
        某某街道 in 某某街道老旧小区改造工程 is a place all the same."""
        # The offsets first: they rule out all but a unit or two of the article's candidates.
        return [unit.with_(nests=True) for unit in pool.candidates
                if unit.start == project.start and unit.end < project.end and unit.type in UNIT_TYPES
                and admin_level(unit.text(pool.text))]

    def _with_written_before(self, pool: CandidatePool, edge: int, units: _Units) -> int:
        """Extend the name over what belongs to it though a stop stands before:
        a capacity and its owner (某某公司年产5万吨|…项目), a route (东岚至|临河…工程)."""
        text = pool.text
        capacity = _capacity_before(text, edge)
        # A route's 至 ends right at the edge: search there, not from the article's start.
        if capacity is None and not ROUTE_JOINER.search(text, max(0, edge - 3), edge):
            return self._with_bare_capacity(text, edge)
        inner = capacity.start() if capacity is not None else edge - 1
        owner = self.scanner.left_edge(pool, inner, max_len=20, fences=units.location_by_end,
                                       accept=lambda s: self.scanner.clean_start(pool, s, inner))
        if owner is not None:
            return owner
        return inner if capacity is not None else edge

    @staticmethod
    def _with_bare_capacity(text: str, edge: int) -> int:
        """3万吨|碳纤维…项目, 20万千瓦|风电…项目: a plant's capacity written right
        before its name is part of it, and so is a word the trimming dropped
        between them (3万吨|碳纤维|拉丝项目)."""
        for gap in range(0, MAX_CAPACITY_GAP + 1):
            end = edge - gap
            capacity = (BARE_CAPACITY.search(text, max(0, end - 12), end)
                        if end > 0 and text[end - 1] in BARE_CAPACITY_ENDINGS else None)
            if capacity is not None:
                between = text[capacity.end():edge]
                return capacity.start() if is_cjk_text(between) else edge
            if edge - gap <= 0 or not is_cjk(text[edge - gap - 1]):
                break
        return edge

    def _place_qualified(self, pool: CandidatePool, head_start: int, units: _Units) -> int | None:
        """The place before a kind of works belongs to its name: 某某街道老旧小区改造工程,
        某某镇乡村振兴示范片区项目; before a proper name it does not (某某街道|恒隆广场项目)."""
        text, lowest = pool.text, max(0, head_start - 14)
        # Nearest first, the ends of places within reach (an article names few: no probe per offset).
        for kind_start in sorted((e for e in units.location_by_end if lowest <= e <= head_start - 2), reverse=True):
            place = units.location_by_end[kind_start]
            kind = text[kind_start:head_start]
            if not is_cjk_text(kind):
                continue
            works = self.construction.ending_at(text, head_start) or self.scanner.is_generic(kind)
            return place.start if works and not made_of(kind, self.qualifiers) else None
        return None

    def _staged_kind(self, pool: CandidatePool, stage_start: int) -> int | None:
        """新能源产业园二期: with its stage, a park or base of a named kind is one project."""
        text = pool.text

        def accept(start: int) -> int | None:
            start = self.scanner.trim_leading(pool, start, stage_start)
            name = text[start:stage_start]
            head = next((h for h in WEAK_HEADS if name.endswith(h)), None)
            if head is None or len(name) < len(head) + 2 or made_of(name[:-len(head)], self.modifiers):
                return None
            return start
        return self.scanner.left_edge(pool, stage_start, max_len=16, accept=accept)

    def _name_start(self, pool: CandidatePool, start: int, end: int, units: _Units) -> int | None:
        """Trimmed start of a valid project name in ``[start, end)``, or None.

        A name opened by a county or district needs more than modifiers after
        it: 某某区重点项目 names nothing, 某某区城市更新项目 does.
        """
        text = pool.text
        start = self.scanner.clean_start(pool, start, end, leading=(LEADING_MODIFIERS, self.construction))
        if start is None or any(text.find(word, start, end) >= 0 for word in OTHERS):
            return None  # 某某基础设施及其他优质项目: the rest of a kind, no name
        for unit_end in units.opening_ends.get(start, ()):
            if unit_end <= end and made_of(text[unit_end:end], self.qualifiers):
                return None
        if self._unit_then_qualifiers(text[start:end]):
            return None
        return start

    def _member_start(self, pool: CandidatePool, start: int, end: int, units: _Units) -> int | None:
        """Trimmed start of a list member. An inner member's left edge is its
        list mark, so a first word the segmenter calls a verb (织布/v 产业园)
        is part of the name, not a verb governing it."""
        trimmed = self._name_start(pool, start, end, units)
        if trimmed == start or not start or pool.text[start - 1] != LIST_MARK_CHAR:
            return trimmed
        token = pool.token_at(start)
        if token is None or token.tag != "v" or self._unit_then_qualifiers(pool.text[start:end]):
            return trimmed
        return start  # 大成/v 智造产业园: kept whole, not trimmed to 智造产业园

    def _unit_then_qualifiers(self, name: str) -> bool:
        """某某自治区集中开工定点, 某某市某某县秋季线上: a unit the place rules
        did not find, then qualifiers only, is a batch of projects, not a name."""
        if UNIT_SUFFIX_CHARACTERS.isdisjoint(name[1:min(len(name), MAX_UNIT_PREFIX + 1) - 1]):
            return False  # no unit suffix where a cut could follow one
        return any(name[cut - 1] in UNIT_SUFFIX_CHARACTERS and made_of(name[cut:], self.qualifiers)
                   for cut in range(2, min(len(name), MAX_UNIT_PREFIX + 1)))

    @staticmethod
    def _builds(text: str, pos: int) -> bool:
        """True when the clause around ``pos`` builds, starts or signs something."""
        left, right = pos, pos
        while left > 0 and text[left - 1] not in CLAUSE_BREAKS:
            left -= 1
        while right < len(text) and text[right] not in CLAUSE_BREAKS:
            right += 1
        clause = text[left:right]
        return any(word in clause for word in BUILD_CONTEXT)

    def _list_members(self, pool: CandidatePool, units: _Units) -> list[Candidate]:
        text, found = pool.text, []
        for tail in LIST_TAIL.finditer(text):
            mods = tail.group("mods")
            if mods and (not self.scanner.is_generic(mods) or any(w in mods for w in NOT_PROJECT_LISTS)):
                continue  # 新能源、新材料等领域的优质项目: the list names fields, not projects
            members = [(s, without_site(text, s, e)) for s, e in members_ending_at(pool, self.scanner, tail.start(),
                                                                                 split_at_clause=True)]
            members[:1] = [(after_counted_group(text, s, e), e) for s, e in members[:1]]
            members = [(s, e) for s, e in members
                       if self.scanner.is_valid_name(text[s:e]) and self._member_start(pool, s, e, units) is not None]
            if tail.group("bare") and len(members) < 2:
                continue  # 引进12个项目: a count with no list before it
            # 等10个项目 types every member, and so does a clause that builds or signs
            # them; otherwise a member named like an existing venue (某某广场, 某某商区)
            # is only being referred to.
            counted = tail.group("count") or tail.group("bare") or self._builds(text, tail.start())
            found += [Candidate("PROJECT", s, e, rule="project:list", confidence=0.7) for s, e in members
                      if counted or not text[s:e].endswith(VENUES)]
        return found


def _after_working_body(text: str, edge: int, head_start: int) -> int:
    """征收小组|某某项目: a working body acts on the project; its name ends
    where the project's begins."""
    cut = max((text.rfind(body, edge, head_start) + len(body) for body in WORKING_BODY_AFTER + WORKING_BODIES
               if text.rfind(body, edge, head_start) >= 0), default=edge)
    return cut if head_start - cut >= 2 else edge


def _capacity_before(text: str, edge: int) -> re.Match[str] | None:
    """年产5万吨|…项目, or 年产8万吨有机肥及|…项目: the capacity spec before a
    name, with the products the scanner stopped at (a 及 joins two of them)."""
    if CAPACITY_OPENERS.isdisjoint(text[max(0, edge - MAX_PRODUCT_GAP - 16):edge]):
        return None  # every search below looks inside this window, and a spec opens with 年 or 日
    for gap in range(MAX_PRODUCT_GAP + 1):
        if gap and (edge - gap < 0 or not is_cjk(text[edge - gap]) or text[edge - gap] == "的"):
            return None
        capacity = CAPACITY_SPEC.search(text, max(0, edge - gap - 16), edge - gap)
        if capacity is not None:
            return capacity
    return None


def _quoted(text: str, candidate: Candidate) -> bool:
    """“某某工程” in quotation marks is a programme's slogan, not a construction project."""
    opening, closing = text.rfind("“", 0, candidate.start), text.rfind("”", 0, candidate.start)
    return opening > closing and text.startswith("”", candidate.end)

