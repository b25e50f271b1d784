"""COMPANY candidates: names with a company suffix, and brand names in signing lists.

* A legal or group suffix makes a company: ``…集团``, ``…股份有限公司``,
  ``…银行``, ``…人寿保险``.
* An industry word (``…科技``, ``…控股``, ``…新材料``) makes one only when the
  name also looks like a brand: a province or city before it
  (``山东某某科技``), or a company title after it (``某某科技董事长``).
* In a list where one member is a company, the other members that look like
  organization names (a place, then a two-to-four-character brand) are
  companies too: ``上海某某集团、浙江某某……``.

A company written inside a project name is not proposed on its own: the
project, being longer, wins in fusion.

>>> from hynlp.entities.lexicon import WordLists, WordSet
>>> from hynlp.entities.boundaries import NameScanner
>>> from hynlp.entities.candidates import CandidatePool
>>> from hynlp.entities.gazetteer import Gazetteer
>>> words = WordLists.read("entity_words.txt")
>>> rules = CompanyRules(words, NameScanner(words), Gazetteer.load())
>>> pool = CandidatePool("序幕拉开，上海某和集团、江苏泰恒人寿保险、浙江恒器……通过交流", [])
>>> rules(pool)
>>> sorted(c.text(pool.text) for c in pool.of_type("COMPANY"))
['上海某和集团', '江苏泰恒人寿保险', '浙江恒器']
"""

from __future__ import annotations

import re

from hynlp.entities.boundaries import NameScanner, is_cjk_text, made_of
from hynlp.entities.candidates import PRIORITY_SHAPE, Candidate, CandidatePool
from hynlp.entities.gazetteer import Gazetteer
from hynlp.entities.lexicon import WordFinder, WordLists, WordSet
from hynlp.entities.lists import enumerations

LEGAL_SUFFIXES = (
    "集团股份有限公司", "集团有限责任公司", "集团有限公司", "股份有限公司", "有限责任公司", "农村商业银行", "分公司",
    "支行", "分行",
    "有限公司", "集团公司", "农商银行", "商业银行", "人寿保险", "财产保险", "保险公司", "证券公司", "集团",
    "公司", "银行",
)
INDUSTRY_SUFFIXES = (
    "新材料", "新能源", "控股", "股份", "科技", "实业", "置业", "置地", "药业", "制药", "医药", "化工", "钢铁",
    "建工", "重工", "电子", "电气", "光电", "生物", "传媒", "物流", "商贸", "食品", "乳业", "酒业", "能源",
    "汽车", "地产", "资本", "电力", "通信", "软件", "环保", "装备", "材料", "纺织", "保险", "证券", "信托",
)
COMPANY_TITLES = ("董事长", "总经理", "总裁", "副总裁", "副总经理", "首席执行官", "创始人", "行长", "负责人")
# 等4家企业 closes a list of companies; 等企业50家 counts kinds of companies.
COMPANY_LIST_TAIL = re.compile(r"等(?:[0-9一二两三四五六七八九十百几多]+家)?(?:知名|重点|龙头|骨干|头部)?(?:企业|公司)(?![0-9一二两三四五六七八九十百几多])")
BLOCKED_AFTER = frozenset("化军群卡业")
GROUP_JOINER = "及"  # 集团化, 集团军, 银行卡, 银行业
# 县|城乡建设投资有限公司: a province's, city's or county's own company, named by its level
# alone and generic words. Only a limited-company suffix vouches for such a name.
LEVEL_OWNERS = frozenset("省市县区")
LIMITED_SUFFIXES = ("有限公司", "有限责任公司", "集团有限公司", "集团股份有限公司", "股份有限公司")
# Words the trimming drops that may be a brand (无穷/d, 健/a); verbs and function words are not.
BRAND_LIKE_TAGS = frozenset(("d", "a", "ad", "an", "b", "ng", "nr", "ns", "nz", "j"))
MIN_OWNED_NAME = 4  # 城乡建设投资, 交通投资集团: a short generic rest (县|投资) names nothing


class CompanyRules:
    def __init__(self, words: WordLists, scanner: NameScanner, gazetteer: Gazetteer):
        self.scanner = scanner
        self.gazetteer = gazetteer
        self.kinds = WordSet(words["sector"].words | words["generic"].words)
        self.platforms = words["platform_brand"]
        self.suffix_finder = WordFinder(LEGAL_SUFFIXES + INDUSTRY_SUFFIXES)

    def __call__(self, pool: CandidatePool) -> None:
        # A known company name is exact: no suffix rule re-reads its left edge.
        claimed_ends = {c.end for c in pool.of_type("COMPANY") if c.source == "gazetteer"}
        found = self.suffix_finder.find_all(pool.text)
        pool.extend(self._suffixed(pool, LEGAL_SUFFIXES, found, claimed_ends, strong=True))
        pool.extend(self._suffixed(pool, INDUSTRY_SUFFIXES, found, claimed_ends, strong=False))
        pool.extend(self._list_members(pool))

    def _suffixed(self, pool: CandidatePool, suffixes: tuple[str, ...], occurring: dict[str, list[int]],
                  claimed_ends: set[int], strong: bool) -> list[Candidate]:
        text, found = pool.text, []
        for suffix in suffixes:  # longest first, so 股份有限公司 claims its end before 公司
            for start in occurring.get(suffix, ()):
                end = start + len(suffix)
                if end in claimed_ends or (end < len(text) and text[end] in BLOCKED_AFTER):
                    continue
                claimed_ends.add(end)
                if not (strong or self._may_end_brand(text, end)):
                    continue  # what _brand_like asks after the name, tested before its costly left-edge scan
                edge = self._name_start(pool, start, strong)
                if edge is None and strong:
                    edge = self._platform_start(pool, start)
                if edge is None or not (strong or self._brand_like(pool, edge, start, end)):
                    continue
                found.append(Candidate("COMPANY", edge, end, rule=f"company:{suffix}",
                                       confidence=0.85 if strong else 0.65, priority=PRIORITY_SHAPE))
        return found

    def _name_start(self, pool: CandidatePool, end: int, strong: bool) -> int | None:
        text = pool.text
        # A bracketed place inside the name: 某某（山东）有限公司.
        if end > 3 and text[end - 1] in "）)":
            opening = max(text.rfind("（", 0, end), text.rfind("(", 0, end))
            if 0 < opening and end - opening <= 6 and is_cjk_text(text[opening + 1:end - 1]):
                end = opening
        limited = strong and pool.text.startswith(LIMITED_SUFFIXES, end)
        return self.scanner.left_edge(pool, end, max_len=20 if strong else 10, verb_stops=True,
                                      accept=lambda s: self._valid_name(pool, s, end, limited))

    def _platform_start(self, pool: CandidatePool, suffix_start: int) -> int | None:
        """城投|集团: a platform's short name, generic as a word, standing alone before the suffix."""
        length = self.platforms.ending_at(pool.text, suffix_start)
        start = suffix_start - length
        return start if length and self.scanner.is_hard_boundary(pool, start) else None

    def _valid_name(self, pool: CandidatePool, start: int, end: int, limited: bool = False) -> int | None:
        found = self.scanner.clean_start(pool, start, end)
        if found is None and limited and self._level_owned(pool, start, end):
            return start
        if found is not None and found > start and self._brand_trimmed(pool, start, found, end):
            return start  # 无穷/d 食品|有限公司: the trimmed word was the brand
        return found

    def _brand_trimmed(self, pool: CandidatePool, start: int, trimmed: int, end: int) -> bool:
        """True when trimming left only industry words (食品, 生态农业发展): what it
        dropped was the brand, and the untrimmed name is the company's."""
        text, dropped = pool.text, pool.token_at(start)
        if dropped is None or dropped.end != trimmed or dropped.tag not in BRAND_LIKE_TAGS or len(dropped.text) < 2:
            return False  # one word, a brand's length, was dropped
        if dropped.text in self.scanner.hard.words or dropped.text in self.scanner.weak.words:
            return False  # 大力|发展食品…: an adverb the stop lists know
        return made_of(text[trimmed:end], self.kinds) and self.scanner.is_valid_name(text[start:end])

    def _level_owned(self, pool: CandidatePool, start: int, end: int) -> bool:
        """县|城乡建设投资|有限公司: a level character at a hard edge, then generic words."""
        text = pool.text
        rest = text[start + 1:end]
        return (text[start] in LEVEL_OWNERS and len(rest) >= MIN_OWNED_NAME and is_cjk_text(rest)
                and self.scanner.is_hard_boundary(pool, start) and made_of(rest, self.kinds))

    def _may_end_brand(self, text: str, end: int) -> bool:
        """A company title or a word boundary after an industry word: the name may be a brand."""
        return text.startswith(COMPANY_TITLES, end) or self.scanner.is_right_boundary(text, end)

    def _brand_like(self, pool: CandidatePool, start: int, suffix_start: int, end: int) -> bool:
        """An industry-word name needs a place before the brand or a company title after it."""
        text = pool.text
        if text.startswith(COMPANY_TITLES, end):
            return True
        return self.scanner.is_right_boundary(text, end) and self._place_then_brand(text[start:suffix_start]) is not None

    def _place_then_brand(self, name: str) -> str | None:
        """The brand after a leading province or city (浙江恒器 -> 恒器), or None."""
        for length in (3, 2):
            found = self.gazetteer.lookup(name[:length])
            if found and found[0].type == "PLACE":
                return name[length:] if name[length:] else None
        return None

    def _list_members(self, pool: CandidatePool) -> list[Candidate]:
        """Members of a 、-list that holds a company and that look like organization names,
        and every member of a list that says it names companies: A、B、C等企业."""
        text = pool.text
        company_spans = {(c.start, c.end) for c in pool.of_type("COMPANY")}
        company_ends = {end for _, end in company_spans}
        if not company_ends and COMPANY_LIST_TAIL.search(text) is None:
            return []  # no list may matter (see may_matter): skip finding every list's members

        def may_matter(ends: list[int]) -> bool:  # a member may be a company, or a tail may close the list
            return any(end in company_ends or COMPANY_LIST_TAIL.match(text, end) for end in ends)

        found = []
        for members in enumerations(pool, self.scanner, may_matter):
            if COMPANY_LIST_TAIL.match(text, members[-1][1]):
                found += [Candidate("COMPANY", s, e, rule="company:list", confidence=0.65)
                          for s, e in _governed_by_tail(text, members)
                          if (s, e) not in company_spans and len(text[s:e]) <= 12
                          and self.scanner.is_valid_name(text[s:e]) and not made_of(text[s:e], self.kinds)]
                continue
            if not any(span in company_spans for span in members):
                continue
            for start, end in members:
                if (start, end) in company_spans:
                    continue
                brand = self._place_then_brand(text[start:end])
                if brand and 2 <= len(brand) <= 4 and self.scanner.is_valid_name(brand):
                    found.append(Candidate("COMPANY", start, end, rule="company:list", confidence=0.6))
        return found


def _governed_by_tail(text: str, members: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The members a closing 等N家企业 speaks of.

    A 及 inside a member joins two groups: in 县领导甲、乙及某集团、某科技等企业
    only what follows 及 are companies. A 及 in the last member joins its last two
    names: 某集团、某科技及某实业等企业 names three companies.
    """
    for index in range(len(members) - 1, -1, -1):
        start, end = members[index]
        joiner = text.find(GROUP_JOINER, start, end)
        if joiner < 0:
            continue
        after = (joiner + len(GROUP_JOINER), end)
        if index == len(members) - 1:
            return members[:index] + [(start, joiner), after]
        return [after] + members[index + 1:]
    return members
