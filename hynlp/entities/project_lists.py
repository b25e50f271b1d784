"""Project lists without a closing 等 or count, and the sites written after a project.

* ``签约项目分别是A、B和C``: a list that a sentence about projects introduces
  with 分别是, 分别为, 包括 (or 项目有, 项目为) names projects, though no
  ``等N个项目`` closes it. A sentence that names fields or firms
  (``项目涉及的领域包括…``) introduces no projects.
* ``某某项目建设工地``, ``某某工程施工现场``: the site is where the project is
  built; the project's name ends at 项目/工程.
* Joints inside one name: ``某某高频、高速覆铜板项目`` (parallel words),
  ``某某种植基地及生产加工项目`` (a generic part after 及); and the counted group
  a list is drawn from (``33个重点工程中|某某大道、…``), which is no part of it.

>>> text = "签约项目分别是青禾智能装备、东岚冷链物流园和澜溪文旅综合体。"
>>> [text[s:e] for s, e in introduced_members(text, lambda s, e: s)]
['青禾智能装备', '东岚冷链物流园', '澜溪文旅综合体']
>>> text = "来到某某物流项目建设工地。"
>>> text[2:without_site(text, 2, len(text) - 1)]
'某某物流项目'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hynlp.entities.boundaries import is_cjk_text, made_of
from hynlp.entities.candidates import CandidatePool
from hynlp.entities.lexicon import WordSet

# 项目有|A、B, but not 项目有关情况, 项目为主.
# Each branch opens with a literal (项目有 is matched as 有 then a look back at 项目), so the
# regex engine can skip to the next 分, 包, 有 or 为 in C instead of trying every offset.
_NOT_INTRO_AFTER = "(?![关效力所望序助利益主了何止])"
INTRO = re.compile(rf"(?:分别是|分别为|包括|包含|有(?<=项目有){_NOT_INTRO_AFTER}|为(?<=项目为){_NOT_INTRO_AFTER})[：:]?")
SENTENCE_BREAKS = "。；;！？!?\n"
MEMBER_BREAKS = "，,。；;！？!?\n"
PROJECT_WORDS = ("项目", "工程")
# Words between 项目 and the intro that make the list name something else.
NOT_PROJECTS = ("领域", "行业", "产业", "方面", "类", "企业", "公司", "单位", "部门", "内容", "涉及")
ONE_PROJECT = ("该", "此", "本", "这个", "这一", "一个", "单个")
LAST_JOINERS = ("以及", "和", "及", "与")
SITES = ("建设工地", "施工工地", "施工现场", "建设现场", "工地", "现场")
MIN_JOINED = 3  # 东岚物流园和澜溪综合体: both sides long enough to be names
LIST_MARK = "、"
MAX_AFTER_MARK = 8  # 高速覆铜板: a short product phrase between the 、 and the head
MAX_PARALLEL_WORD = 2
NOT_PARALLEL_TAGS = frozenset(("nr", "ns", "nt", "nz", "nrt", "nrfg", "j", "m", "x", "title"))
# The word after the 、 modifies (高速, 反刍); a noun there (某某装备、冷链项目) may open a second name.
MODIFIER_TAGS = frozenset(("a", "ad", "an", "b", "d", "v", "vn"))
NAME_JOINER = "及"
MAX_JOINT_GAP = 3  # 及|生产|加工项目: the words the trimming dropped after the 及
# 33个重点工程中|某某大道、…: a counted group the list is drawn from, not part of its first member
# (the count tells it from 某某项目中水管网工程, where 中水 is reclaimed water).
MAX_COUNT = 6  # 33个, 一百二十个
COUNTED_GROUP = re.compile(r"[0-9一二两三四五六七八九十百几]+[个项][\u4e00-\u9fff]{0,8}?(?:项目|工程)中")


def introduced_members(text: str, accept: Callable[[int, int], int | None]) -> list[tuple[int, int]]:
    """Spans of the projects listed after an intro in a sentence about projects.

    ``accept(start, end)`` validates a member and returns its trimmed start, or None.
    """
    found = []
    for intro in INTRO.finditer(text):
        if not _about_projects(text, intro.start()):
            continue
        end = min((i for i in (text.find(ch, intro.end()) for ch in MEMBER_BREAKS) if i >= 0), default=len(text))
        if "等" in text[intro.end():end]:
            continue  # A、B等项目: the closed list is read elsewhere
        members = [(s, e) for s, e in _members(text, intro.end(), end) if accept(s, e) is not None]
        if len(members) >= 2:  # one phrase after 包括 is no list: 项目有|关情况
            found += [(accept(s, e), e) for s, e in members]
    return found


def _about_projects(text: str, intro_start: int) -> bool:
    sentence_start = max(text.rfind(ch, 0, intro_start) for ch in SENTENCE_BREAKS) + 1
    sentence = text[sentence_start:intro_start]
    last = max(sentence.rfind(word) for word in PROJECT_WORDS)
    if last < 0 or sentence[:last].endswith(ONE_PROJECT):
        return False  # 该项目…包括商业综合体、写字楼: the parts of one project
    return not any(word in sentence[last:] for word in NOT_PROJECTS)


def _members(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """、-separated members, the last split at its conjunction; each after its last 的
    (总投资2亿元的|某某项目) and without a site after it."""
    spans, pos = [], start
    for mark in [i for i in range(start, end) if text[i] == "、"] + [end]:
        spans.append((pos, mark))
        pos = mark + 1
    spans[-1:] = _split_last(text, *spans[-1])
    result = []
    for s, e in spans:
        s = max(s, text.rfind("的", s, e) + 1)
        result.append((s, without_site(text, s, e)))
    return [(s, e) for s, e in result if e - s >= 2]


def _split_last(text: str, start: int, end: int) -> list[tuple[int, int]]:
    for joiner in LAST_JOINERS:
        at = text.rfind(joiner, start, end)
        if at - start >= MIN_JOINED and end - at - len(joiner) >= MIN_JOINED:
            return [(start, at), (at + len(joiner), end)]
    return [(start, end)]


def parallel_mark_before(pool: CandidatePool, edge: int, head_start: int) -> int | None:
    """Offset of a 、 that joins two parallel short words inside one name, or None.

    In 某某电子高频、高速覆铜板项目 the scan stops at the 、, and trimming drops
    高速覆 as if it were a verb. Two short common words on either side of the 、
    (高频、高速; 畜禽、反刍), the second a modifier, are parallel; a proper name
    or a noun after it (某某装备、松涛冷链项目) may open a second project. Only
    a name that ends the list and is headed by 项目 or 工程 is read so.
    """
    text = pool.text
    mark = text.rfind(LIST_MARK, max(0, head_start - MAX_AFTER_MARK - 1), edge)
    if mark <= 0 or not is_cjk_text(text[mark + 1:head_start]) or text.endswith(PROJECT_WORDS, 0, mark):
        return None
    before, after = pool.token_ending_at(mark), pool.token_at(mark + 1)
    if before is None or after is None:
        return None
    if any(len(token.text) > MAX_PARALLEL_WORD or token.tag in NOT_PARALLEL_TAGS for token in (before, after)):
        return None
    return mark if after.tag in MODIFIER_TAGS else None


def joint_before_generic(text: str, edge: int, head_start: int, generic: WordSet) -> int | None:
    """Offset of a 及 before a generic second part, or None: in 某某种植基地及生产加工项目
    生产加工 names nothing alone, so the name is the whole phrase. A second part
    with a name of its own (某某景区及索道建设项目) is left as it is."""
    joint = text.rfind(NAME_JOINER, max(0, edge - MAX_JOINT_GAP - 1), edge)
    if joint <= 0 or not is_cjk_text(text[joint + 1:head_start]):
        return None
    return joint if made_of(text[joint + 1:head_start], generic) else None


def after_counted_group(text: str, start: int, end: int) -> int:
    """Start of a list's first member written after the counted group it belongs to.
    The count may lie before ``start``: the member's trimming drops a leading quantity."""
    group = COUNTED_GROUP.search(text, max(0, start - MAX_COUNT), end)
    return group.end() if group is not None and start < group.end() <= end - 2 else start


def without_site(text: str, start: int, end: int) -> int:
    """End of a project name written before its site: 某某项目|建设工地."""
    for site in SITES:
        head_end = end - len(site)
        if head_end - start > 2 and text.startswith(site, head_end) and text.endswith(PROJECT_WORDS, 0, head_end):
            return head_end
    return end
