"""GOV candidates: named government organs and working bodies.

* A place plus an organ: ``某某区人民政府``, ``某某高新区管委会``, ``某某区委``.
  The bare level forms (市政府, 区委, 县委县政府) name no specific organ and
  are not entities.
* A department: place or level + stem + organ, ``市发改委``, ``某某区住建局``,
  ``国家发改委``, ``某某区委宣传部``.
* A working body named after its task: ``某某片区城市更新项目指挥部``.

An organ written as part of a title that takes in its unit
(``某某区委书记``, ``某某街道党工委书记``) is left to the official: it becomes
his organization. A full organ name before a title
(``某某经济开发区管委会主任``) is an organ all the same.

>>> from hynlp.entities.lexicon import WordLists, TitleTable
>>> from hynlp.entities.boundaries import NameScanner, is_cjk, occurrences
>>> from hynlp.entities.candidates import CandidatePool
>>> from hynlp.entities.places import PlaceRules
>>> words = WordLists.read("entity_words.txt")
>>> scanner = NameScanner(words)
>>> places = PlaceRules(words, scanner)
>>> rules = GovRules(words, scanner, places, TitleTable.read())
>>> pool = CandidatePool("某某区人民政府与市发改委、市委市政府会商。", [])
>>> places(pool); rules(pool)
>>> sorted(c.text(pool.text) for c in pool.of_type("GOV"))
['市发改委', '某某区人民政府']
"""

from __future__ import annotations

from hynlp.entities.boundaries import NameScanner, is_cjk_text
from hynlp.entities.candidates import PRIORITY_STRUCTURE, Candidate, CandidatePool
from hynlp.entities.lexicon import TitleTable, WordFinder, WordLists
from hynlp.entities.places import ADMIN_BY_SUFFIX, PlaceRules, admin_level

# Organs named after a place; longest first.
PLACE_ORGANS = (
    "人民代表大会常务委员会", "街道办事处", "人大常委会", "管理委员会", "人民政府", "纪委监委", "人民法院",
    "人民检察院", "公安分局", "公安局", "管委会", "办事处", "党工委", "检察院", "法院", "政府", "政协",
    "党委", "纪委", "监委", "人大",
)
DEPARTMENT_ORGANS = ("委员会", "办公室", "服务中心", "管理局", "事务中心", "总局", "分局", "中心",
                     "局", "委", "厅", "部", "办", "署")
# A bureau or commission written without its owner (水利局, 发改委) is the named county's;
# 部, 办, 中心 alone are too often parts of other words (宣传部 of a company, 项目办).
BARE_DEPARTMENT_ORGANS = frozenset(("局", "委", "管理局"))
OWNING_LEVELS = frozenset(("市", "区", "县", "旗"))
OWNER_GLUED_OPENERS = frozenset("有在向到由和与及对从将把被")  # 有|区建委: not a place name
WORKING_BODIES = ("指挥部办公室", "领导小组办公室", "指挥部", "领导小组", "工作专班")
COMMITTEE_LEVELS = ("省", "市", "区", "县", "旗")
# Owners of a department written without a place name: 市发改委, 区委组织部,
# 县政府办公室, 国家发改委. Longest first.
# A zone written bare (示范区督查办) is the one zone the article is about.
BARE_OWNERS = (tuple(f"{level}{organ}" for organ in ("政府", "委") for level in "省市区县")
               + ("示范区", "开发区", "经开区", "高新区") + tuple("省市区县镇乡") + ("国家",))


class GovRules:
    def __init__(self, words: WordLists, scanner: NameScanner, places: PlaceRules, titles: TitleTable):
        self.scanner = scanner
        self.places = places
        self.titles = titles
        self.departments = words["gov_department"]
        self.finder = WordFinder([level + "委" for level in COMMITTEE_LEVELS] + list(PLACE_ORGANS)
                                 + list(DEPARTMENT_ORGANS) + list(WORKING_BODIES))

    def __call__(self, pool: CandidatePool) -> None:
        occurring = self.finder.find_all(pool.text)
        pool.extend(self._party_committees(pool, occurring))
        pool.extend(self._place_organs(pool, occurring))
        pool.extend(self._departments(pool, occurring))
        pool.extend(self._working_bodies(pool, occurring))

    def _in_title(self, text: str, pos: int) -> bool:
        """True when a job title starts at ``pos``: the organ is the official's."""
        return self.titles.longest_at(text, pos) is not None

    def _title_across(self, text: str, organ_start: int) -> bool:
        """A title that takes in the unit before the organ: 某某|街道党工委书记,
        某某|镇党委书记. The organ then belongs to the official."""
        for pos in range(max(0, organ_start - 3), organ_start):
            title = self.titles.longest_at(text, pos)
            if title is not None and pos + len(title.text) > organ_start:
                return True
        return False

    def _party_committees(self, pool: CandidatePool, occurring: dict[str, list[int]]) -> list[Candidate]:
        """某某区委, 中共某某县委: a unit name, its level, 委."""
        text, found = pool.text, []
        for level in COMMITTEE_LEVELS:
            for start in occurring.get(level + "委", ()):
                end = start + 2
                if self._in_title(text, start) or (end < len(text) and text[end] in "会员"):
                    continue
                edge = self.places.unit_name_start(pool, start, ADMIN_BY_SUFFIX[level])
                if edge is not None:
                    found.append(self._organ(text, edge, end, "party_committee"))
        return found

    def _place_organs(self, pool: CandidatePool, occurring: dict[str, list[int]]) -> list[Candidate]:
        text, found, seen_ends = pool.text, [], set()
        for organ in PLACE_ORGANS:
            for start in occurring.get(organ, ()):
                end = start + len(organ)
                if end in seen_ends or self._title_across(text, start):
                    continue
                seen_ends.add(end)
                edge = self._place_prefix(pool, start)
                if edge is not None:
                    found.append(self._organ(text, edge, end, f"organ:{organ}"))
        return found

    def _departments(self, pool: CandidatePool, occurring: dict[str, list[int]]) -> list[Candidate]:
        """Level or place + department stem + organ: 市发改委, 某某区自然资源局."""
        text, found, seen_ends = pool.text, [], set()
        for organ in DEPARTMENT_ORGANS:
            for start in occurring.get(organ, ()):
                end = start + len(organ)
                stem = self.departments.ending_at(text, start)
                office = self._office_of_organ(text, organ, start, end)
                if not (stem or office) or end in seen_ends or self._in_title(text, start):
                    continue
                seen_ends.add(end)
                edge = self._place_prefix(pool, start - stem, bare_level=True)
                if edge is None and stem and organ in BARE_DEPARTMENT_ORGANS:
                    edge = self._unowned_department(pool, start - stem)
                if edge is not None:
                    found.append(self._organ(text, edge, end, f"department:{organ}"))
        return found

    def _unowned_department(self, pool: CandidatePool, start: int) -> int | None:
        """水利局, 住建局 written alone after the article named its county: the county's
        own bureau. Alone means at a name edge (、水利局, 由|住建局); in an article that
        names no county, district or city, a bare bureau is any bureau."""
        if not self.scanner.is_boundary(pool, start):
            return None
        owners = (_without_organ(c.text(pool.text)) for c in pool.of_type("PLACE", "GOV") if c.end <= start)
        return start if any(admin_level(owner) in OWNING_LEVELS for owner in owners) else None

    def _office_of_organ(self, text: str, organ: str, start: int, end: int) -> bool:
        """区政府办公室, 县政府办, 某某区委办: the office of an organ needs no stem.
        The short 办 must end the word (not 办公厅) and start no title (县委办主任)."""
        if organ not in ("办公室", "办") or not text.endswith(("委", "政府"), 0, start):
            return False
        return organ == "办公室" or (self.scanner.is_right_boundary(text, end)
                                     and self.titles.longest_at(text, end) is None)

    def _working_bodies(self, pool: CandidatePool, occurring: dict[str, list[int]]) -> list[Candidate]:
        """某某项目指挥部: a body named after its task (a generic task names none)."""
        text, found, seen_ends = pool.text, [], set()
        for body in WORKING_BODIES:
            for start in occurring.get(body, ()):
                end = start + len(body)
                if end in seen_ends:
                    continue
                seen_ends.add(end)
                edge = self.scanner.left_edge(pool, start, max_len=24,
                                              accept=lambda s, start=start: self._task_name(pool, s, start))
                if edge is not None:
                    found.append(self._organ(text, edge, end, f"working_body:{body}"))
        return found

    def _task_name(self, pool: CandidatePool, start: int, end: int) -> int | None:
        named = self.scanner.clean_start(pool, start, end, min_len=3)
        return named if named is not None else self._works_task(pool, start, end)

    def _works_task(self, pool: CandidatePool, start: int, end: int) -> int | None:
        """城中村改造|指挥部: generic words, but an object and the works done to it
        name the task all the same; the works alone (建设|指挥部) do not."""
        text = pool.text
        start = self.scanner.trim_leading(pool, start, end)
        works = self.scanner.construction.ending_at(text, end)
        name = text[start:end]
        if not works or len(name) - works < 2 or not is_cjk_text(name):
            return None
        return None if self.scanner.construction.starting_at(text, start) else start

    def _place_prefix(self, pool: CandidatePool, end: int, bare_level: bool = False) -> int | None:
        """Start of the places written right before ``end`` (山东省某某市某某区), or None.

        With ``bare_level``, a lone level (市, 区委, 县政府) or 国家 also names the
        organ's owner: 市发改委 is the city's commission.
        """
        text, start, pos = pool.text, None, end
        while (place := pool.ending_at(pos, ("PLACE", "GOV"))) is not None and place.start < pos:
            start = pos = place.start
        if start is None and bare_level:
            owner = next((o for o in BARE_OWNERS if text.endswith(o, 0, end)), None)
            if owner is not None and (owner == "国家" or self._opens_owner(pool, end - len(owner))):
                start = end - len(owner)
        return start

    def _opens_owner(self, pool: CandidatePool, pos: int) -> bool:
        """A lone level starts the organ's name after a boundary, a verb (上报/v|区征迁办公室)
        or a function character the segmenter glued to it (有区/n 建委)."""
        if self.scanner.is_boundary(pool, pos) or pool.text[pos - 1:pos] in OWNER_GLUED_OPENERS:
            return True
        before = pool.token_ending_at(pos)
        return before is not None and before.tag == "v"

    @staticmethod
    def _organ(text: str, start: int, end: int, rule: str) -> Candidate:
        if text.endswith("中共", 0, start):  # 中共某某区委 is the committee's full name
            start -= 2
        return Candidate("GOV", start, end, rule=rule, confidence=0.85, priority=PRIORITY_STRUCTURE)


def _without_organ(name: str) -> str:
    """The unit an organ is named after: 某某县人民政府 -> 某某县."""
    organ = next((o for o in PLACE_ORGANS if name.endswith(o)), "")
    return name[:len(name) - len(organ)] if organ else name
