"""PROJECT candidates: named construction, investment and signed projects.

* A name ending in 项目 or 工程, with its stage kept (``…项目二期``):
  ``山东某某扩产能项目``, ``某某路改造提升工程``.
* A name ending in a stage: ``某某二期``.
* A name ending in 产业园, 基地, 综合体… counts only in a clause that builds,
  starts or signs something (开工, 签约, 落户, 投产…): ``打造…生产基地`` is a
  plan, not a project.
* Members of ``A、B、C等10个项目``; without a count, only members that look
  like project names (a project head, a stage, 扩产能, 改造…).

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
>>> pool = CandidatePool("今年抓好山东某某扩产能项目，推进216个省市区重点项目。", [])
>>> rules(pool)
>>> [c.text(pool.text) for c in pool.of_type("PROJECT")]
['山东某某扩产能项目']
"""

from __future__ import annotations

import re

from hynlp.entities.boundaries import CLAUSE_BREAKS, NameScanner, is_cjk, occurrences
from hynlp.entities.candidates import PRIORITY_SHAPE, Candidate, CandidatePool
from hynlp.entities.lexicon import WordLists, WordSet
from hynlp.entities.lists import members_ending_at
from hynlp.entities.places import admin_level

STRONG_HEADS = ("项目", "工程")
WEAK_HEADS = ("总部基地", "产业基地", "产业园", "科技园", "工业园", "物流园", "孵化园", "创业园", "产业城",
              "综合体", "基地", "小镇")
STAGE = re.compile(r"[一二三四五六七八九十]期(?:工程)?")
NOT_BEFORE_STAGE = frozenset("一二三四五六七八九十百千零〇两第本上下同近每前后首末当新")
STAGE_AFTER_HEAD = re.compile(r"[（(]?[一二三四五六七八九十]期(?:工程)?[）)]?")
# A character after the head that makes it part of another word: 工程车, 项目库.
HEAD_BLOCKERS = {"项目": frozenset("库化制法群组"), "工程": frozenset("车师院局学兵队款量机技咨")}
BUILD_CONTEXT = ("开工", "动工", "奠基", "签约", "落户", "建成", "投产", "竣工", "封顶", "开建", "试运营",
                 "投用", "完工", "开园", "揭牌", "落地", "在建", "正在建设", "加快建设")
LEADING_MODIFIERS = WordSet(("重大", "重点", "优质", "在建", "续建", "新开工", "省级", "市级", "区级", "县级",
                             "省重点", "市重点", "区重点", "县重点", "省市重点", "大型", "首批", "新一批"))
FENCE_LEVELS = frozenset(("区", "县", "街道", "镇", "乡", "村", "社区"))
WORKING_BODY_AFTER = ("指挥部", "领导小组", "工作专班")
CAPACITY_SPEC = re.compile(r"(?:年产|年产能|年加工|年处理|日处理|年生产|年出栏|年吞吐|年装配)[0-9.一二三四五六七八九十百千万亿]+"
                           r"(?:万|亿)?(?:吨|台|套|辆|件|片|只|头|平方米|立方米|千瓦|兆瓦|标箱|条|颗|块|张|瓶|个)$")
# 等10个重点项目, 等项目, or a bare count: A、B两个项目.
LIST_TAIL = re.compile(r"(?:等(?P<count>[0-9一二两三四五六七八九十百几]+[个项批])?|(?P<bare>[0-9一二两三四五六七八九十百几]+[个项]))"
                       r"(?P<mods>[\u4e00-\u9fff]{0,8}?)(?:项目|工程)")


class ProjectRules:
    def __init__(self, words: WordLists, scanner: NameScanner):
        self.scanner = scanner
        self.construction = words["construction"]

    def __call__(self, pool: CandidatePool) -> None:
        # A unit written right before a name is where the project is, not part
        # of its name (某某街道|某某广场项目), unless an institution named after
        # the unit follows (某某区人民医院, 某某县第一中学).
        fences = {c.end for c in pool.of_type("PLACE", "GOV")
                  if admin_level(c.text(pool.text)) in FENCE_LEVELS and not pool.text.startswith(("人民", "第"), c.end)}
        pool.extend(self._headed(pool, fences))
        pool.extend(self._staged(pool, fences))
        pool.extend(self._list_members(pool))

    def _headed(self, pool: CandidatePool, fences: set[int]) -> list[Candidate]:
        text, found = pool.text, []
        for head in STRONG_HEADS + WEAK_HEADS:
            for start in occurrences(text, head):
                end = start + len(head)
                if end < len(text) and text[end] in HEAD_BLOCKERS.get(head, ()):
                    continue
                if head in WEAK_HEADS and not self._builds(text, start):
                    continue
                if head in STRONG_HEADS and (stage := STAGE_AFTER_HEAD.match(text, end)):
                    end = stage.end()
                candidate = self._named(pool, start, end, fences, f"project:{head}")
                if candidate is not None and not (head == "工程" and _quoted(text, candidate)):
                    found.append(candidate)
        return found

    def _staged(self, pool: CandidatePool, fences: set[int]) -> list[Candidate]:
        """某某二期: a name followed by its stage (项目二期 is handled with its head)."""
        found = []
        for stage in STAGE.finditer(pool.text):
            if pool.text[stage.end():stage.end() + 2] in STRONG_HEADS:
                continue
            if stage.start() and pool.text[stage.start() - 1] in NOT_BEFORE_STAGE:
                continue  # 第二期, 一百一十二期, 最近一期: an issue number, not a stage
            candidate = self._named(pool, stage.start(), stage.end(), fences, "project:stage")
            if candidate is not None:
                found.append(candidate)
        return found

    def _named(self, pool: CandidatePool, head_start: int, end: int, fences: set[int],
               rule: str) -> Candidate | None:
        edge = self.scanner.left_edge(pool, head_start, max_len=24, fences=fences,
                                      accept=lambda s: self._name_start(pool, s, head_start))
        if edge is None:
            edge = self._place_qualified(pool, head_start)
        if edge is None:
            return None
        if capacity := CAPACITY_SPEC.search(pool.text, max(0, edge - 16), edge):
            # 年产5万吨|某某材料项目: the capacity is part of the name, and so is the
            # company written before it.
            edge = capacity.start()
            owner = self.scanner.left_edge(pool, edge, max_len=20, fences=fences,
                                           accept=lambda s: self.scanner.clean_start(pool, s, edge))
            edge = owner if owner is not None else edge
        nests = pool.text.startswith(WORKING_BODY_AFTER, end)
        return Candidate("PROJECT", edge, end, rule=rule, confidence=0.8, priority=PRIORITY_SHAPE, nests=nests)

    def _place_qualified(self, pool: CandidatePool, head_start: int) -> int | None:
        """某某街道|老旧小区改造|工程: a generic kind of works names a project once
        its place is written before it; the place then belongs to the name."""
        text = pool.text
        for place in pool.of_type("PLACE", "GOV"):
            kind = text[place.end:head_start]
            if (admin_level(place.text(text)) in FENCE_LEVELS and 2 <= len(kind) <= 12
                    and self.construction.ending_at(text, head_start) and self.scanner.is_generic(kind)
                    and all(is_cjk(ch) for ch in kind)):
                return place.start
        return None

    def _name_start(self, pool: CandidatePool, start: int, end: int) -> int | None:
        """Trimmed start of a valid project name in ``[start, end)``, or None."""
        return self.scanner.clean_start(pool, start, end, leading=(LEADING_MODIFIERS, self.construction))

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

    def _list_members(self, pool: CandidatePool) -> list[Candidate]:
        text, found = pool.text, []
        for tail in LIST_TAIL.finditer(text):
            mods = tail.group("mods")
            if mods and not self.scanner.is_generic(mods):
                continue
            members = [(s, e) for s, e in members_ending_at(pool, self.scanner, tail.start())
                       if self.scanner.is_valid_name(text[s:e])]
            if tail.group("bare") and len(members) < 2:
                continue  # 引进12个项目: a count with no list before it
            looking = [(s, e) for s, e in members if self._looks_like_project(text[s:e])]
            # 等10个项目 types every member; without a count, a list where most
            # members look like projects does too, otherwise only those members.
            if tail.group("count") or tail.group("bare") or 2 * len(looking) >= len(members):
                looking = members
            found += [Candidate("PROJECT", s, e, rule="project:list", confidence=0.7) for s, e in looking]
        return found

    def _looks_like_project(self, name: str) -> bool:
        if name.endswith(STRONG_HEADS + WEAK_HEADS) or STAGE.search(name[-4:]):
            return True
        return bool(self.construction.ending_at(name, len(name)))


def _quoted(text: str, candidate: Candidate) -> bool:
    """“某某工程” in quotation marks is a programme's slogan, not a construction project."""
    return (candidate.start > 0 and text[candidate.start - 1] in "“‘\""
            and text[candidate.end:candidate.end + 1] in ("”", "’", "\""))

