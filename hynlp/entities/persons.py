"""PERSON candidates: officials found through their job titles.

A name alone is too ambiguous to find by rule; a name next to a job title is
not. The shapes handled:

* title before the name: ``区委书记孙某某``;
* several titles kept as written: ``县委副书记、县长曹某`` (title
  ``县委副书记、县长``); ``董事长兼总经理``;
* an organization written before the title: ``某某集团总裁肖某`` (the
  organization is the company), ``某某区委书记`` (某某区委);
* one title shared by a list: ``市领导徐某、余某``;
* title after the name: ``孙某某书记`` (plain titles only).

A name is a family name plus one or two characters. It is accepted when the
segmenter tagged it as a person name, or when what follows it ends a name:
punctuation, or a word such as 说, 主持, 率领, 一行. ``区委书记给出了思路`` has
no name, and neither has ``区委书记向客商介绍…``. Later bare mentions of a
found name are tagged PERSON without a title.

>>> from hynlp.entities.lexicon import WordLists, TitleTable, Surnames
>>> from hynlp.entities.boundaries import NameScanner
>>> from hynlp.entities.candidates import CandidatePool
>>> words = WordLists.read("entity_words.txt")
>>> rules = PersonRules(words, NameScanner(words), TitleTable.read(), Surnames.read())
>>> pool = CandidatePool("县委副书记、县长曹建国主持会议，市领导徐志强、余红梅出席。", [])
>>> rules(pool)
>>> [(c.text(pool.text), c.title) for c in pool.of_type("PERSON")]
[('曹建国', '县委副书记、县长'), ('徐志强', '市领导'), ('余红梅', '市领导')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hynlp.entities.boundaries import PUNCTUATION, NameScanner, is_cjk, occurrences
from hynlp.entities.candidates import PRIORITY_SHAPE, PRIORITY_STRUCTURE, Candidate, CandidatePool
from hynlp.entities.lexicon import Surnames, Title, TitleTable, WordLists
from hynlp.entities.officials import OrganizationResolver

CHAIN_SEPARATORS = ("、", "兼")
MAX_CHAIN_GAP = 8  # an organization written inside a chain: 市委常委、|某某|区委书记
LIST_JOINERS = frozenset("、和与及")
MIN_SANDWICHED, MAX_SANDWICHED = 2, 3  # a list member with an unknown family name: a name's length
MAX_NAME = 4  # a two-character family name and a two-character given name
NOT_IN_NAME = frozenset("的了在是和与等之也都就而或及着过被把对从到这那其该")
DEPARTMENT_ENDINGS = frozenset("部委局办厅处室科")
# Nouns are left out: jieba glues 王家/n 明 into a noun too often.
WORD_TAGS = frozenset(("a", "ad", "an", "d", "t", "p", "c", "m", "q", "v"))
ORGAN_ENDINGS = frozenset("区县市省镇乡村局委办部院所厅处司组")
COLLECTIVE_TITLE_END = "领导"  # 市领导, 区领导: a title shared by a list of officials
COLLECTIVE_AFTER_LIST = re.compile(r"等(?P<title>[省市区县镇乡]级?领导)")
NOT_GIVEN_NAMES = ("先生", "女士", "同志", "记者", "老师", "师傅", "阿姨", "大爷", "总")
# Tags of a word that is not a family name when it stands alone (向/p 记者).
# Pronouns and verbs are left out: jieba tags the surnames 何 and 包 so.
FUNCTION_TAGS = frozenset(("p", "c", "u", "uj", "ul", "uz", "ud", "y", "e"))


@dataclass(frozen=True)
class TitleChain:
    start: int
    end: int
    title: str  # the titles as written, organizations written between them left out
    last: Title
    last_start: int


class PersonRules:
    def __init__(self, words: WordLists, scanner: NameScanner, titles: TitleTable, surnames: Surnames):
        self.scanner = scanner
        self.titles = titles
        self.surnames = surnames
        self.follow = words["person_follow"]
        self.departments = words["gov_department"]

    def __call__(self, pool: CandidatePool) -> None:
        resolver = OrganizationResolver(pool, self.scanner)
        officials = []
        for chain in self._chains(pool):
            organization = resolver.resolve(chain.last, chain.last_start, chain.start)
            for start, end in self._names_after(pool, chain.end):
                officials.append(self._official(start, end, chain, organization, "person:title_before"))
            if chain.last.may_follow_name and chain.start == chain.last_start:
                span = self._name_before(pool, chain.start)
                if span is not None:
                    officials.append(self._official(*span, chain, None, "person:title_after"))
        officials += self._listed_before_collective(pool)
        pool.extend(_one_title_per_name(_with_known_names(officials, pool.text), pool.text))
        pool.extend(self._repeats(pool))

    @staticmethod
    def _official(start: int, end: int, chain: TitleChain, organization: str | None, rule: str) -> Candidate:
        return Candidate("PERSON", start, end, rule=rule, confidence=0.9, priority=PRIORITY_STRUCTURE,
                         title=chain.title, organization=organization)

    def _chains(self, pool: CandidatePool) -> list[TitleChain]:
        text, chains, pos = pool.text, [], 0
        # One regex search to the next title instead of a lookup per position.
        while (found := self.titles.next_from(text, pos)) is not None:
            pos, title = found
            if _inside_word(pool, pos, pos + len(title.text)):
                pos += 1
                continue
            start, written, last_start = pos, title.text, pos
            end = pos + len(title.text)
            while (link := self._next_in_chain(text, end)) is not None:
                separator, title, last_start = link
                gap = text[end + 1:last_start]
                # A department stays in the title (区委常委、宣传部部长); a place
                # (市委常委、某某区委书记) is the organization, resolved apart.
                written += separator + (gap if self._is_department(gap) else "") + title.text
                end = last_start + len(title.text)
            chains.append(TitleChain(start, end, written, title, last_start))
            pos = end
        return chains

    def _is_department(self, gap: str) -> bool:
        return bool(gap) and (gap[-1] in DEPARTMENT_ENDINGS or any(stem in gap for stem in self.departments.words))

    def _next_in_chain(self, text: str, end: int) -> tuple[str, Title, int] | None:
        if not text.startswith(CHAIN_SEPARATORS, end):
            return None
        first = end + 1
        for gap in range(MAX_CHAIN_GAP + 1):
            pos = first + gap
            if pos > len(text) or (gap and text[pos - 1] in PUNCTUATION):
                return None
            title = self.titles.longest_at(text, pos)
            if title is not None and not (gap and self.scanner.hard.starting_at(text, first)):
                return text[end], title, pos
        return None

    def _names_after(self, pool: CandidatePool, pos: int) -> list[tuple[int, int]]:
        """The name right after a title, and the names listed with it: 徐某、余某."""
        text = pool.text
        if text[pos:pos + 1] == " ":
            pos += 1
        listed = self._bounded_list(pool, pos)
        if listed:
            return listed
        names = []
        while (end := self.name_end(pool, pos)) is not None:
            names.append((pos, end))
            if text[end:end + 1] != "、" or self.titles.longest_at(text, end + 1) is not None:
                break
            pos = end + 1
        return names

    def _bounded_list(self, pool: CandidatePool, pos: int) -> list[tuple[int, int]]:
        """副县长甲某、乙某某，: in a 、-list after a title the marks bound every name.

        The segmenter's word edges are no evidence there (王/nr 江村/ns, 任会/n 刚/d),
        so a member of name length that starts with a family name is a whole
        name. One member must be a name by the ordinary test, so that a list of
        other things after a title stays out. The last member ends at
        punctuation, at 及/和/与, or where the ordinary test ends it.
        """
        text, names = pool.text, []
        if self._punctuation_within_name(text, pos) != "、":
            return []  # the first member is not followed by a mark: one name at most, no list
        while pos < len(text) and not self.titles.longest_at(text, pos):
            end = self._member_end(pool, pos)
            if end is None or not (self._listed_shape(text[pos:end]) or self._sandwiched(pool, names, pos, end)):
                break
            names.append((pos, end))
            if end >= len(text) or text[end] != "、":
                break
            pos = end + 1
        if len(names) < 2:
            return []  # no list: the strict test below is not needed
        strict = any(self.name_end(pool, start) == end for start, end in names)
        return names if strict else []

    def _member_end(self, pool: CandidatePool, pos: int) -> int | None:
        """End of a list member: the punctuation within a name's length, or the last name's end."""
        text = pool.text
        stop = next((i for i in range(pos, min(pos + MAX_NAME + 1, len(text))) if text[i] in PUNCTUATION), None)
        return stop if stop is not None else self._listed_last_end(pool, pos)

    def _sandwiched(self, pool: CandidatePool, names: list[tuple[int, int]], pos: int, end: int) -> bool:
        """县领导甲某、润某某、乙某: a name-length member between two names is a name,
        though its family name is too rare for the list of family names."""
        text = pool.text
        if not names or not MIN_SANDWICHED <= end - pos <= MAX_SANDWICHED or text[end:end + 1] != "、":
            return False
        if not self._plausible(text[pos:end]) or self.titles.longest_at(text, end + 1):
            return False
        after = self._member_end(pool, end + 1)
        return after is not None and self._listed_shape(text[end + 1:after])

    @staticmethod
    def _punctuation_within_name(text: str, pos: int) -> str | None:
        """The first punctuation mark within a name's length of ``pos``, or None."""
        return next((text[i] for i in range(pos, min(pos + MAX_NAME + 1, len(text))) if text[i] in PUNCTUATION), None)

    def _listed_last_end(self, pool: CandidatePool, pos: int) -> int | None:
        """End of a list's last name, followed by no punctuation: 乙某及… or 乙某参加."""
        joiner = next((i for i in range(pos + 2, min(pos + MAX_NAME + 1, len(pool.text)))
                       if pool.text[i] in LIST_JOINERS), None)
        return joiner if joiner is not None else self.name_end(pool, pos)

    def _listed_shape(self, name: str) -> bool:
        surname = self.surnames.length_at(name, 0)
        given = name[surname:]
        # 和 is a given-name character between two others (朱和金); alone it joins.
        middle_ok = len(given) == 2 and given[0] == "和" and self._plausible(given[1])
        return bool(surname) and 1 <= len(given) <= 2 and (self._plausible(given) or middle_ok)

    def name_end(self, pool: CandidatePool, pos: int) -> int | None:
        """End of a person's name starting at ``pos``, or None."""
        text = pool.text
        surname = self.surnames.length_at(text, pos)
        if not surname or text.startswith(NOT_GIVEN_NAMES, pos + surname) or self.titles.longest_at(text, pos + surname):
            return None
        token = pool.token_at(pos)
        if token is not None and token.tag.startswith("nr"):
            if surname < len(token.text) <= surname + 2 and self._plausible(token.text[surname:]):
                return self._stray_last_character(pool, token.end, len(token.text) - surname)
        elif token is not None and token.tag in FUNCTION_TAGS:
            return None  # 向/p 记者: a word, not a family name
        elif token is not None and len(token.text) > surname and token.tag in WORD_TAGS:
            return None  # 满意/a 地说, 周二/t 晚, 成立/v: the family name starts another word
        for given in (1, 2):
            end = pos + surname + given
            if end > len(text) or not self._plausible(text[pos + surname:end]):
                return None
            if pool.is_token_edge(end) and text[end - 1] not in ORGAN_ENDINGS and self._ends_name(pool, end):
                return end
        return None

    def _stray_last_character(self, pool: CandidatePool, end: int, given: int) -> int:
        """End of a name whose last character the segmenter left alone: 张某/nr 晨/zg ，
        is 张某晨 when that character stands by itself right before punctuation
        or a list separator, where no word of its own can stand."""
        text = pool.text
        after = end + 1
        if given != 1 or after > len(text) or not self._plausible(text[end:after]):
            return end
        token = pool.token_at(end)
        if token is not None and token.end > after and self.follow.starting_at(text, after) >= token.end - after:
            return after  # 周某/nr 民主/n 持: the segmenter glued the name's end to 主持, a word that follows names
        alone = (token is None or token.end == after and token.tag not in FUNCTION_TAGS
                 and not token.tag.startswith(("v", "d"))) and not self.follow.starting_at(text, end)
        closed = after == len(text) or text[after] in PUNCTUATION or text[after] in LIST_JOINERS
        # 李某/nr 杰/nr 分别…: a stray character the segmenter itself tags as part
        # of a name ends the name wherever a name may end.
        if token is not None and token.tag.startswith("nr") and token.end == after:
            closed = closed or self._ends_name(pool, after)
        return after if alone and closed else end

    @staticmethod
    def _plausible(given: str) -> bool:
        return all(is_cjk(ch) and ch not in NOT_IN_NAME for ch in given)

    def _ends_name(self, pool: CandidatePool, end: int) -> bool:
        """True when the text at ``end`` can follow a name: punctuation, 说, 主持, a title...

        With tokens, a verb, adverb or function word starting at ``end`` also does.
        """
        text = pool.text
        if end >= len(text) or text[end] in PUNCTUATION or not is_cjk(text[end]):
            return True
        if self.follow.starting_at(text, end) or self.titles.longest_at(text, end):
            return True
        token = pool.token_at(end)
        return token is not None and (token.tag in FUNCTION_TAGS or token.tag.startswith(("v", "d")))

    def _name_before(self, pool: CandidatePool, title_start: int) -> tuple[int, int] | None:
        """孙某某|书记: a name that ends where a plain title starts."""
        text = pool.text
        for length in (3, 2, 4):
            start = title_start - length
            if start < 0 or text[title_start - 1] in ORGAN_ENDINGS:
                continue
            surname = self.surnames.length_at(text, start)
            if not surname or not 1 <= length - surname <= 2 or not self._plausible(text[start + surname:title_start]):
                continue
            token = pool.token_at(start)
            if token is not None and token.tag.startswith("nr") and token.end == title_start:
                pass  # 感谢王建平/nr 书记: the segmenter marks the whole name
            elif not (self.scanner.is_boundary(pool, start) and pool.is_token_edge(start)):
                continue
            elif token is not None and not (token.tag.startswith("nr") or len(token.text) == surname
                                            and token.tag not in FUNCTION_TAGS and token.tag != "v"):
                continue  # 司法/n 部长, 祝/v 黄教授: before a title, a name or a lone family name
            if pool.covering(start, title_start, ("PLACE", "GOV", "COMPANY", "ORG", "PROJECT")) is None:
                return start, title_start
        return None

    def _listed_before_collective(self, pool: CandidatePool) -> list[Candidate]:
        """甲、乙、丙等区级领导: every name listed before a collective title is an
        official; a specific title found elsewhere for a name wins over it."""
        found = []
        for tail in COLLECTIVE_AFTER_LIST.finditer(pool.text):
            end = tail.start()
            while (start := self._listed_name_ending_at(pool, end)) is not None:
                found.append(Candidate("PERSON", start, end, rule="person:collective_after", confidence=0.8,
                                       priority=PRIORITY_STRUCTURE, title=tail.group("title")))
                if start == 0 or pool.text[start - 1] not in LIST_JOINERS:
                    break
                end = start - 1
        return found

    def _listed_name_ending_at(self, pool: CandidatePool, end: int) -> int | None:
        """Start of a name that ends at ``end`` and opens a clause or follows a list mark."""
        for length in (3, 2, 4):
            start = end - length
            if start < 0 or start and pool.text[start - 1] not in LIST_JOINERS | PUNCTUATION:
                continue
            if self.name_end(pool, start) == end:
                return start
        return None

    def _repeats(self, pool: CandidatePool) -> list[Candidate]:
        """Other mentions of the names found next to titles."""
        text = pool.text
        titled = {c.text(text) for c in pool.of_type("PERSON")}
        taken = {(c.start, c.end) for c in pool.of_type("PERSON")}
        found = []
        for name in titled:
            for start in occurrences(text, name):
                end = start + len(name)
                if (start, end) in taken or not self._ends_name(pool, end):
                    continue
                if self.scanner.is_boundary(pool, start) or self.titles.ending_at(text, start):
                    found.append(Candidate("PERSON", start, end, rule="person:repeat", confidence=0.8,
                                           priority=PRIORITY_SHAPE))
        return found


def _with_known_names(officials: list[Candidate], text: str) -> list[Candidate]:
    """Extend a two-character name to a three-character one found elsewhere:
    after 县领导万某某, the 万某 of 县委书记万某|某在 (jieba glued the last
    character to the next word) is the same person."""
    names = {c.text(text) for c in officials}
    return [c.with_(end=c.end + 1) if len(c) == 2 and c.end < len(text) and text[c.start:c.end + 1] in names else c
            for c in officials]


def _one_title_per_name(officials: list[Candidate], text: str) -> list[Candidate]:
    """Give every mention of a person the fullest title found for that name.

    ``区委书记孙某`` and later ``孙某书记`` are one official, 区委书记.
    """
    best: dict[str, Candidate] = {}
    for cand in officials:
        name, kept = cand.text(text), best.get(cand.text(text))
        if kept is None or _completeness(cand) > _completeness(kept):
            best[name] = cand
    return [_titled_as(c, best[c.text(text)]) for c in officials]


def _titled_as(cand: Candidate, best: Candidate) -> Candidate:
    if (cand.title, cand.organization) == (best.title, best.organization):
        return cand  # already the fullest title: no copy to make
    return cand.with_(title=best.title, organization=best.organization)


def _completeness(cand: Candidate) -> tuple:
    # A collective title (区领导) says least: 区领导张某 and later 区长张某 is 区长.
    specific = not (cand.title or "").endswith(COLLECTIVE_TITLE_END)
    return (cand.rule == "person:title_before", specific, cand.organization is not None, len(cand.title or ""))


def _inside_word(pool: CandidatePool, start: int, end: int) -> bool:
    """True when a segmenter word runs across both ends of ``[start, end)``:
    主席 in 毛主席纪念堂 is no title. A word that ends with the title (局局长)
    or starts before it (探沂镇|党委书记) does not count: jieba splits those badly."""
    token = pool.token_covering(start)
    return token is not None and token.start < start and token.end > end

