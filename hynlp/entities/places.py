"""PLACE candidates: administrative units, zones, and places named as locations.

* Administrative units end in 省/市/区/县/镇/乡/街道/村/社区…: ``长青街街道``,
  ``某某区``. The name before the suffix is found by the left-edge scanner and
  must not be generic (``全区``, ``城区``, ``美丽乡村`` are not places).
* Ethnic and autonomous units hold their groups between name and level:
  ``某某回族区``, ``某某土家族苗族自治州``, ``某某满族乡``.
* Zones end in 经济开发区, 高新区, 片区, 园区…: ``某某经济开发区``; one
  character before 园区 is no park's name but a district's (``梁园区``).
* A place word the segmenter found, then 街, is a street or a subdistrict
  written short: ``某某街``.
* A name ending in 中心/产业园/基地… is a place when the text says something
  happens *in* it: ``在某某国际医学中心，…``.
* A county-level unit that opens a clause and acts (``某某区要…``,
  ``某某区召开…``) is the government acting, so every mention of it in the
  article is typed GOV, as the annotation conventions do. Towns, townships
  and subdistricts stay PLACE even when they act.

>>> from hynlp.entities.lexicon import WordLists
>>> from hynlp.entities.candidates import CandidatePool
>>> from hynlp.entities.boundaries import NameScanner
>>> words = WordLists.read("entity_words.txt")
>>> rules = PlaceRules(words, NameScanner(words))
>>> pool = CandidatePool("在长青街街道，全区上下齐心。", [])
>>> rules(pool)
>>> [(c.type, c.text(pool.text)) for c in pool.candidates]
[('PLACE', '长青街街道')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from hynlp.entities.boundaries import CLAUSE_BREAKS, NameScanner, is_cjk, is_cjk_text
from hynlp.entities.candidates import PRIORITY_SHAPE, Candidate, CandidatePool
from hynlp.entities.lexicon import WordFinder, WordLists
from hynlp.entities.lookup import tagged_place_ends_at


@dataclass(frozen=True)
class AdminSuffix:
    suffix: str
    level: str
    min_name: int
    max_name: int
    blocked_next: str  # a following character that makes the suffix part of a word: 市场, 区委, 县长
    blocked_prev: str = ""  # a preceding character that does: 上市, 小区, 城镇


# Ordered from the highest level down, so that a higher unit found first
# can bound the name of a lower one (某某市 + 某某区).
ADMIN_SUFFIXES = (
    AdminSuffix("特别行政区", "省", 2, 2, ""),
    AdminSuffix("自治区", "省", 2, 6, "域"),
    AdminSuffix("省", "省", 2, 3, "委长级份会政属直辖", "节反内外全本我各该"),
    AdminSuffix("自治州", "市", 2, 10, "委长"),
    AdminSuffix("市", "市", 2, 4, "场民政容级委长貌值面井辖属直管域", "上股楼车夜早集城都超门闹花菜黑开休罢互坊汇房债晚期闭油"),
    AdminSuffix("自治县", "县", 2, 8, "委长"),
    AdminSuffix("区", "区", 2, 3, "委长域位块县级间别划隔分", "小社园片景辖郊矿校灾街展库林牧渔疫商营战禁误赛学老警地特市元厂"),
    AdminSuffix("县", "县", 1, 3, "委长城域级", "州郡知"),
    AdminSuffix("旗", "县", 2, 4, "委长帜舰下号", "花红国锦彩党军队校会战大令"),
    AdminSuffix("街道", "街道", 2, 4, "办", "背主"),
    AdminSuffix("镇", "镇", 2, 4, "委长党政", "城集重古名小坐冰市乡村"),
    AdminSuffix("乡", "乡", 2, 4, "村镇长亲土愁党政里", "城家故老同异他水梦还返下回思望怀醉侨之"),
    AdminSuffix("社区", "社区", 2, 5, "居党"),
    AdminSuffix("村", "村", 2, 4, "民庄委级落镇党支两", "农乡山渔城寨度假"),
)
ADMIN_BY_SUFFIX = {unit.suffix: unit for unit in ADMIN_SUFFIXES}
# The units by their suffix's last character, in ADMIN_SUFFIXES order: a name is tried against few.
ADMIN_BY_LAST_CHARACTER = {last: tuple(u for u in ADMIN_SUFFIXES if u.suffix[-1] == last)
                           for last in {u.suffix[-1] for u in ADMIN_SUFFIXES}}
ZONE_SUFFIXES = (
    "经济技术开发区", "高新技术产业开发区", "高新技术开发区", "经济开发区", "综合保税区", "自由贸易试验区",
    "自贸试验区", "工业集中区", "产业园区", "工业园区", "开发区", "高新区", "新区", "自贸区", "保税区", "示范区",
    "试验区", "先行区", "起步区", "合作区", "集聚区", "片区", "园区", "商务区", "新城", "科学城", "科技城", "港区",
    "度假区", "风景区", "旅游区",
)
# Zones a county, district or city names after itself alone: 某某县经济开发区, 某某市高新区.
OWNED_ZONE_SUFFIXES = frozenset(("经济技术开发区", "高新技术产业开发区", "高新技术开发区", "经济开发区", "综合保税区",
                                 "工业集中区", "产业园区", "工业园区", "开发区", "高新区"))
ZONE_OWNERS = frozenset(("市", "区", "县", "旗"))
# For each unit suffix, the longer unit or zone suffixes that end with it (区: 自治区, 社区, 开发区...).
LONGER_SUFFIXES = {unit.suffix: tuple(s for s in (*ADMIN_BY_SUFFIX, *ZONE_SUFFIXES)
                                      if len(s) > len(unit.suffix) and s.endswith(unit.suffix))
                   for unit in ADMIN_SUFFIXES}
LOCATION_HEADS = ("中心", "产业园", "科技园", "工业园", "园区", "基地", "小镇", "片区", "商圈", "街区", "城", "谷", "港")
LOCATION_TRIGGERS = ("在", "位于", "落户", "落户于", "入驻", "走进", "来到", "地处", "坐落于", "坐落在", "进驻", "扎根")
SERVICE_CENTRES = ("服务中心", "办事中心", "政务中心", "融媒体中心", "指挥中心")
LOCATION_AFTER = frozenset("，。、；内里的,")
UNIT_CHARACTERS = frozenset("省市区县镇乡村")
INNER_UNITS = frozenset("省县区乡镇村")
DETERMINERS = frozenset("全各本该我每其此这那邻外贵辖郊两三几多数")
# 工业强县, 旅游兴镇, 生态立区: development slogans shaped like unit names.
SLOGAN_VERBS = frozenset("兴强立富活美优")
SLOGAN_FIELDS = frozenset(("人才", "开放", "改革", "质量", "品牌", "法治", "平安", "实业", "项目", "招商", "民营"))
ACTOR_LEVELS = frozenset(("市", "区", "县"))
CLAUSE_OPENERS = CLAUSE_BREAKS | frozenset("“‘（(《")
ROAD_SUFFIXES = ("大道", "大街", "路")
MIN_ROAD_NAME, MIN_ZONE_NAME = 3, 2  # 某某路 + 某某 + 开发区
# 在某某工业园举行…: a park or base where an event is held is its venue, a place.
# Only a park or zone hosting an event is a place; a hall (会议中心) is a building.
EVENT_VENUE_HEADS = frozenset(("产业园", "科技园", "工业园", "园区", "基地", "小镇", "片区"))
EVENT_VERBS = ("举行", "召开", "举办", "开幕", "隆重举行", "隆重召开", "顺利举行", "成功举办", "盛大开幕")
# 某某回族区, 某某土家族苗族自治州, 某某鄂伦春自治旗: the ethnic groups sit
# between the name and the level, which the plain suffixes cannot span.
ETHNIC_AUTONOMOUS, ETHNIC_PLAIN = ("自治州", "自治县", "自治旗"), ("区", "乡", "镇")
# Every ethnic unit ends so: a search for these skips the long ethnic pattern in most articles.
ETHNIC_ENDINGS = re.compile("|".join(ETHNIC_AUTONOMOUS + tuple("族" + level for level in ETHNIC_PLAIN)))
ETHNIC_NAME = AdminSuffix("", "", 2, 4, "")
STREET_NAME = AdminSuffix("街", "街道", 2, 3, "")
# Kinds of street the segmenter may still tag as places (美食街/ns).
STREET_KINDS = frozenset(("步行", "美食", "小吃", "商业", "特色", "风情", "文化", "酒吧", "休闲", "购物", "夜市"))
PARK_SUFFIX = "园区"
PARK_SECTIONS = frozenset("东西南北中新老大小主分总一二三四五六七八九十")  # 北|园区 is a park's north section
NOT_NAME_TAGS = frozenset(("a", "ad", "d", "m", "q", "r", "f", "v", "p", "c", "u", "uj"))  # 新|园区, 该|园区
NAME_TOKEN_TAGS = ("ns", "nr", "nz")
# 集镇 and 市镇 are generic words (market towns), but 杨集镇 and 街河市镇 are towns:
# the character before 镇 is part of the name when a real name precedes it.
MARKET_TOWN_PARTS = frozenset("集市")
MARKET_TOWN_NOT_NEXT = frozenset("村街级区域")
MARKET_TOWN_TITLE = re.compile("镇[党政委长]")  # 街河市|镇党委书记: the 市 is in a town's name
MARKET_TOWN_MODIFIERS = frozenset("小大中新老各全本该每城乡村农一二三四五六七八九十几多")
TIME_OPENERS = ("今年以来", "近年来", "近日", "日前", "今年", "去年", "目前", "当前", "同时", "此外", "另外", "年内")


def admin_level(name: str) -> str | None:
    """Level of an administrative unit's name from its suffix: 省, 市, 区, 县, 镇...

    >>> admin_level("某某街道"), admin_level("某某区"), admin_level("某某开发区")
    ('街道', '区', None)
    """
    if name.endswith(ZONE_SUFFIXES):
        return None
    for unit in ADMIN_BY_LAST_CHARACTER.get(name[-1:], ()):
        if name.endswith(unit.suffix) and len(name) > len(unit.suffix):
            return unit.level
    return None


def hosts_event(text: str, end: int) -> bool:
    """True when an event verb follows a name ending at ``end``: …工业园|隆重举行."""
    return text.startswith(EVENT_VERBS, end)


def admin_short_form(name: str) -> str | None:
    """The name without its unit suffix when that is still a name: 某某区 -> 某某."""
    for unit in ADMIN_BY_LAST_CHARACTER.get(name[-1:], ()):
        if name.endswith(unit.suffix) and len(name) - len(unit.suffix) >= 2:
            return name[:-len(unit.suffix)]
    return None


class PlaceRules:
    """Adds PLACE candidates to a pool, then retypes acting county-level units as GOV."""

    def __init__(self, words: WordLists, scanner: NameScanner):
        self.scanner = scanner
        self.actor_follow = words["actor_follow"]
        self.ethnic_unit = _ethnic_pattern(words["ethnic"].words)
        self.finder = WordFinder([u.suffix for u in ADMIN_SUFFIXES] + list(ZONE_SUFFIXES) + list(LOCATION_HEADS))

    def __call__(self, pool: CandidatePool) -> None:
        fences = {c.end for c in pool.of_type("PLACE")}
        ethnic = self._ethnic_units(pool, fences)
        pool.extend(ethnic)
        fences.update(c.end for c in ethnic)
        found = self.finder.find_all(pool.text)
        for unit in ADMIN_SUFFIXES:
            for candidate in self._admin_units(pool, unit, found.get(unit.suffix, ()), fences):
                if any(c.end == candidate.end for c in ethnic):
                    continue  # the ethnic unit knows where its name starts
                pool.add(candidate)
                fences.add(candidate.end)
        pool.extend(self._streets(pool))
        units = {c.end for c in pool.of_type("PLACE") if c.rule == "admin:区"}
        pool.extend(z for z in self._zones(pool, found, fences) if z.end not in units)
        pool.extend(self._located(pool, found))
        self._retype_actors(pool)

    def _admin_units(self, pool: CandidatePool, unit: AdminSuffix, starts: Iterable[int],
                     fences: set[int]) -> list[Candidate]:
        text, found = pool.text, []
        for start in starts:
            end = start + len(unit.suffix)
            over_park = unit.suffix == "区" and self._unit_over_park(pool, end)
            market_town = unit.suffix == "镇" and start > 0 and text[start - 1] in MARKET_TOWN_PARTS
            if start > 0 and text[start - 1] in unit.blocked_prev and not over_park and not market_town:
                continue
            if end < len(text) and text[end] in unit.blocked_next and not tagged_place_ends_at(pool, end):
                continue  # 某某市长 is a title, unless the segmenter ends a place there: 济南市/ns 长清区
            if unit.suffix == "市" and MARKET_TOWN_TITLE.match(text, end):
                continue
            if _longer_suffix_ends_at(text, end, unit.suffix) and not over_park:
                continue
            if market_town and end < len(text) and text[end] in MARKET_TOWN_NOT_NEXT:
                continue  # 岚州市镇村干部: the city's towns and villages
            # 街河市|镇: the city found inside the town's name does not fence it off.
            edge = self.unit_name_start(pool, start, unit, fences - {start} if market_town else fences)
            if edge is not None and market_town and not self._market_town_name(text[edge:start]):
                continue
            if edge is not None:
                found.append(Candidate("PLACE", edge, end, rule=f"admin:{unit.suffix}", confidence=0.8))
        return found

    def _market_town_name(self, name: str) -> bool:
        """杨集|镇, 街河市|镇 name towns; 小集|镇, 城市|镇, 各集|镇 are the generic words."""
        stem = name[:-1]
        return bool(stem) and not MARKET_TOWN_MODIFIERS.intersection(stem) and not self.scanner.is_generic(stem)

    def _unit_over_park(self, pool: CandidatePool, end: int) -> bool:
        """对|梁园区: a park (园区) needs a name of its own, and one character
        after a boundary is none, so the text names a district 梁园 + 区."""
        park = end - len(PARK_SUFFIX)
        if park < 1 or not pool.text.startswith(PARK_SUFFIX, park):
            return False
        name = pool.text[park - 1]
        token = pool.token_at(park - 1)
        return (is_cjk(name) and name not in DETERMINERS | UNIT_CHARACTERS | PARK_SECTIONS
                and (token is None or token.tag not in NOT_NAME_TAGS)
                and self.scanner.is_boundary(pool, park - 1))

    def _streets(self, pool: CandidatePool) -> list[Candidate]:
        """丹江/ns 街, 澜溪街/ns: a place word and 街 name a street or a
        subdistrict written short; 步行街, 美食街 are kinds of street, no place words."""
        found = []
        if "街" not in pool.text:
            return found  # both shapes end in 街: most articles name no street
        for token in [t for t in pool.tokens if t.tag == "ns"]:  # a comprehension filters faster than the loop
            if token.text.removesuffix("街") in STREET_KINDS:
                continue
            after = pool.token_at(token.end)
            if token.text.endswith("街") and self._is_unit_name(token.text[:-1], STREET_NAME):
                found.append(Candidate("PLACE", token.start, token.end, rule="street", confidence=0.7))
            elif after is not None and after.text == "街" and self._is_unit_name(token.text, STREET_NAME):
                found.append(Candidate("PLACE", token.start, after.end, rule="street", confidence=0.7))
        return found

    def _ethnic_units(self, pool: CandidatePool, fences: set[int]) -> list[Candidate]:
        """某某回族区, 某某满族乡, 某某蒙古族自治旗: name + ethnic groups + level."""
        found = []
        if not ETHNIC_ENDINGS.search(pool.text):
            return found
        for match in self.ethnic_unit.finditer(pool.text):
            end = match.end()
            if end < len(pool.text) and pool.text[end] in "委长":
                continue  # 某某回族区委, 某某满族乡长: an organ or a title
            edge = self._ethnic_name_start(pool, match.start(), fences)
            if edge is not None:
                found.append(Candidate("PLACE", edge, end, rule="admin:ethnic", confidence=0.85))
        return found

    def _ethnic_name_start(self, pool: CandidatePool, ethnic_start: int, fences: set[int]) -> int | None:
        """Start of the name before the ethnic groups. A name word the segmenter
        found right there is the name (惠及|东岚|土家族…); else the scanner's edge."""
        token = pool.token_ending_at(ethnic_start)
        if (token is not None and token.tag.startswith(NAME_TOKEN_TAGS)
                and self._is_unit_name(token.text, ETHNIC_NAME)):
            return token.start
        return self.unit_name_start(pool, ethnic_start, ETHNIC_NAME, fences)

    def unit_name_start(self, pool: CandidatePool, suffix_start: int, unit: AdminSuffix,
                        fences: set[int] | frozenset[int] = frozenset()) -> int | None:
        """Start of the unit name that ends at ``suffix_start`` (某某 in 某某区), or None."""
        def accept(start: int) -> int | None:
            start = self.scanner.trim_leading_tokens(
                pool, start, suffix_start, lambda name: self._is_unit_name(name, unit))
            if start is None or not self._is_unit_name(pool.text[start:suffix_start], unit):
                return None
            return None if self._verb_on_generic(pool, start, suffix_start + len(unit.suffix)) else start

        edge = self.scanner.left_edge(pool, suffix_start, max_len=unit.max_name, fences=fences, accept=accept)
        if edge is None:  # 符合|临颍县: no stop word within reach, but a verb the segmenter found ends the context
            def accept_after_verb(start: int) -> int | None:
                found = accept(start)  # a one-character name needs a real boundary (在职|副县以上)
                return found if found is not None and suffix_start - found >= 2 else None
            edge = self.scanner.left_edge(pool, suffix_start, max_len=unit.max_name, fences=fences,
                                          accept=accept_after_verb, verb_stops=True)
        return edge

    def _slogan(self, name: str) -> bool:
        """工业强|镇, 旅游兴|县, 人才强|市: a field and a verb of building up, a slogan
        (嘉兴|市, 永兴|县 name a place: one character before the verb)."""
        field = name[:-1]
        return (name[-1] in SLOGAN_VERBS and len(field) >= 2
                and (field in SLOGAN_FIELDS or self.scanner.is_generic(field)))

    def _verb_on_generic(self, pool: CandidatePool, start: int, end: int) -> bool:
        """拆除/v 城区: a verb before a generic word with the unit's suffix (城区, 辖区) is no unit."""
        first = pool.token_at(start)
        return (first is not None and first.tag == "v" and first.end < end
                and self.scanner.is_generic(pool.text[first.end:end]))

    def _is_unit_name(self, name: str, unit: AdminSuffix) -> bool:
        if not unit.min_name <= len(name) <= unit.max_name or not is_cjk_text(name):
            return False
        if name[0] in UNIT_CHARACTERS or INNER_UNITS.intersection(name):
            return False  # 邢台县|南市, 三桥村|村: a unit name does not hold another unit
        if name[-1] in DETERMINERS:  # 还有全|区, 向各|县: a determiner, not a name, before the unit
            return False
        if self._slogan(name):
            return False
        if len(name) == 1 and (name in self.scanner.hard or name in self.scanner.weak):
            return False  # 向|县: a one-character county name is never a function word
        return not self.scanner.is_generic(name)

    def _zones(self, pool: CandidatePool, occurring: dict[str, list[int]], fences: set[int]) -> list[Candidate]:
        found, seen_ends = [], set()
        for suffix in ZONE_SUFFIXES:  # longest first: 经济开发区 before 开发区
            for start in occurring.get(suffix, ()):
                end = start + len(suffix)
                if end in seen_ends:
                    continue
                seen_ends.add(end)
                edge = self.scanner.left_edge(
                    pool, start, max_len=10, fences=fences,
                    accept=lambda s, start=start: self._zone_name(pool, s, start))
                if edge is None and suffix in OWNED_ZONE_SUFFIXES:
                    edge = self._owning_unit(pool, start)
                if edge is not None:
                    found.append(Candidate("PLACE", edge, end, rule=f"zone:{suffix}", confidence=0.75))
        return found

    @staticmethod
    def _owning_unit(pool: CandidatePool, start: int) -> int | None:
        """某某县|经济开发区: a county's or city's own zone is named by the unit alone."""
        unit = pool.ending_at(start, ("PLACE",))
        return unit.start if unit is not None and admin_level(unit.text(pool.text)) in ZONE_OWNERS else None

    def _zone_name(self, pool: CandidatePool, start: int, end: int) -> int | None:
        start = self.scanner.clean_start(pool, start, end)
        return None if start is None else _after_road(pool.text, start, end)

    def _located(self, pool: CandidatePool, occurring: dict[str, list[int]]) -> list[Candidate]:
        """在/位于/落户 + name ending in 中心, 产业园, 基地... + 内/，: a place."""
        text, found = pool.text, []
        for head in LOCATION_HEADS:
            for start in occurring.get(head, ()):
                end = start + len(head)
                venue = head in EVENT_VENUE_HEADS and hosts_event(text, end)
                if end >= len(text) or text[end] not in LOCATION_AFTER and not venue:
                    continue
                edge = self.scanner.left_edge(pool, end, max_len=16,
                                              accept=lambda s, end=end: self._located_name(pool, s, end))
                if text.endswith(SERVICE_CENTRES, 0, end):
                    continue  # 某某区企业服务中心 is an office, not a place
                if edge is not None and text.endswith(LOCATION_TRIGGERS, 0, edge):
                    found.append(Candidate("PLACE", edge, end, rule="located", confidence=0.7,
                                           priority=PRIORITY_SHAPE - 1))
        return found

    def _located_name(self, pool: CandidatePool, start: int, end: int) -> int | None:
        return self.scanner.clean_start(pool, start, end, min_len=4)

    def _retype_actors(self, pool: CandidatePool) -> None:
        text = pool.text
        # Slices, not c.text(): these run over every candidate of the article.
        actors = {text[c.start:c.end] for c in pool.of_type("PLACE")
                  if self._acts(text, c) and admin_level(text[c.start:c.end]) in ACTOR_LEVELS}
        if not actors:
            return  # nothing to retype: keep the list as it is
        pool.candidates = [c.with_(type="GOV", rule=c.rule + "+actor")
                           if c.type == "PLACE" and text[c.start:c.end] in actors else c
                           for c in pool.candidates]

    def _acts(self, text: str, place: Candidate) -> bool:
        start = place.start
        opener = (next(w for w in TIME_OPENERS if text.endswith(w, 0, start))
                  if text.endswith(TIME_OPENERS, 0, start) else "")
        start -= len(opener)  # 今年某某区共签约…: a time word may open the clause
        opens_clause = start == 0 or text[start - 1] in CLAUSE_OPENERS
        return opens_clause and bool(self.actor_follow.starting_at(text, place.end))


def _ethnic_pattern(groups: Iterable[str]) -> re.Pattern[str]:
    """Ethnic groups then a level. A one-character group needs its 族
    (长白朝鲜族…, not 白|朝鲜族); before 自治 a longer one may drop it (鄂伦春自治旗)."""
    longer = "|".join(sorted((g for g in groups if len(g) > 1), key=len, reverse=True))
    single = "".join(sorted(g for g in groups if len(g) == 1))
    group = f"(?:(?:{longer})族?|[{single}]族)"
    autonomous, plain = "|".join(ETHNIC_AUTONOMOUS), "|".join(ETHNIC_PLAIN)
    return re.compile(f"{group}{{1,4}}(?:{autonomous})|(?:(?:{longer}|[{single}])族){{1,4}}(?:{plain})")


def _after_road(text: str, start: int, end: int) -> int:
    """在某某大道|某某经济开发区段: a road written before a zone's name is where
    along the road, not part of the zone; the zone starts after it."""
    for pos in range(end - MIN_ZONE_NAME, start + MIN_ROAD_NAME - 1, -1):
        if text.endswith(ROAD_SUFFIXES, 0, pos):
            return pos
    return start


def _longer_suffix_ends_at(text: str, end: int, suffix: str) -> bool:
    """True when a longer unit or zone suffix (自治区, 社区, 开发区) ends where ``suffix`` does."""
    return text.endswith(LONGER_SUFFIXES[suffix], 0, end)

