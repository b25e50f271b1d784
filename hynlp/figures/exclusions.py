"""Numbers that look like figures but are not: ordinals, slogans, labels, ids, thresholds.

Each check returns a short reason, or None when the number may be a figure.
Dates, clock times and durations need no check of their own: 年, 月, 日,
天 and 小时 are not units, and a measure word followed by a time noun
(3个月) is rejected by :func:`counts_time`.

>>> ordinal("列入第三批", 3)
'ordinal'
>>> quoted_slogan("构建“两个产业高地”", 3)
'slogan'
>>> identifier("0531", "电话0531", 2)
'identifier'
"""

from __future__ import annotations

import re
from types import MappingProxyType

from hynlp.figures.lexicon import MONEY_CUES, MONEY_NOUN_HEADS, TIME_NOUNS
from hynlp.figures.phrases import ITEM_BREAKS, clause_end, first_counted_noun
from hynlp.figures.wordlists import WordList
from hynlp.numbers import CHINESE_DIGITS, NumberSpan

OPENING_QUOTES = "“「『‘《"
CLOSING_QUOTES = "”」』’》"
QUOTE_REACH = 20
TIME_NOUN_LIST = WordList(TIME_NOUNS)
WORDS_AFTER_YUAN = frozenset("化素旦宵结论件器帅老首宇气")
WORDS_AFTER_MEASURE = MappingProxyType({
    "部": "门署委长分位件", "道": "路", "处": "理置长", "条": "件例款", "批": "准复", "支": "持撑付出",
    "所": "以在有属", "场": "所景馆地", "间": "隔",
    "套": "班",  # 四套班子: the leading bodies of a district, a collective, not a count
})
DIGIT_COUNT = re.compile(r"位数(?![据字学码控])")
SLOGAN_MAX = 12
IDENTIFIER_CUES = ("电话", "热线", "传真", "手机", "编号", "代码", "备案号", "ICP备", "邮编", "QQ")
PROGRESS_VERBS = ("完成", "签约", "开工", "竣工", "投产", "腾空", "拆除", "交付", "落地")
THRESHOLD_NOUN_GAP = 5
# 50亿元或5亿美元以上项目: one size class written in two currencies; the first amount
# sorts projects as the second does, and takes the bound written after the second.
ALTERNATIVE_AMOUNT = re.compile(r"(?:或者|或)[0-9.]+[十百千万亿]*(?:元|美元|欧元|港元|港币)((?:及)?以上)?")
# One search for any of the words, instead of an ``in`` per word
MONEY_NOUN_PATTERN = re.compile("|".join(re.escape(head) for head, _ in MONEY_NOUN_HEADS))
MONEY_CUE_PATTERN = re.compile("|".join(re.escape(cue) for cue, _ in MONEY_CUES))
SPEED_CUES = ("设计时速", "时速", "速度", "车速")
GROUP_UNITS_FOR_THRESHOLDS = frozenset({"projects", "enterprises", "companies"})
EQUALS = frozenset("≈=＝")
ROUND_MAGNITUDES = frozenset("十百千万亿")
MEMBER_BOUND_MAX = 10 ** 8  # 超亿元, 过千万元: a bound this round is said of each member
EACH_WORDS = ("都", "均", "各")  # 7个项目投资额均超百亿元: said of each, whatever the size
# 每3天, 每月, 每个工作日: a count said per period is a pace (每3天落地1个项目), not
# how many there are. A bare 每年 is left alone: 每年 targets are reported as totals.
PER_PERIOD = re.compile(r"每(?:[0-9一二两三四五六七八九十半]+个?|个)?(?:工作日|季度|小时|天|日|周|星期|月)"
                        r"|每[0-9一二两三四五六七八九十]+年")


def ordinal(text: str, start: int) -> str | None:
    """第三批, 排名第一: an ordinal, unless it counts progress (:func:`progress_ordinal`)."""
    return "ordinal" if start > 0 and text[start - 1] == "第" else None


def progress_ordinal(text: str, start: int, measure_end: int, ceiling: int) -> bool:
    """第25个完成签约的项目: a rank that reports how many projects are done."""
    if not ordinal(text, start):
        return False
    end = clause_end(text, measure_end, ceiling)
    phrase = text[measure_end:end]
    return "项目" in phrase and any(verb in phrase for verb in PROGRESS_VERBS)


def quoted_slogan(text: str, start: int) -> str | None:
    """A number opening a short quoted phrase is a slogan (“两个产业高地”, “六个一”)."""
    if start == 0 or text[start - 1] not in OPENING_QUOTES:
        return None
    closing = min((i for i in (text.find(q, start, start + SLOGAN_MAX + 1) for q in CLOSING_QUOTES)
                   if i >= 0), default=-1)
    return "slogan" if closing >= 0 else None


def identifier(number_text: str, text: str, start: int) -> str | None:
    """Phone, ICP and other code numbers: a leading zero, eleven or more digits, or a cue."""
    digits = sum(map(str.isdigit, number_text))
    if digits > 1 and number_text[0] == "0" and not number_text.startswith("0."):
        return "identifier"
    if digits >= 11:
        return "identifier"
    before = text[max(0, start - 4):start]
    return "identifier" if digits and before.endswith(IDENTIFIER_CUES) else None


def speed(text: str, start: int, unit_end: int) -> str | None:
    """设计时速60公里, 80公里/小时: a speed is no length."""
    before = text[max(0, start - len(SPEED_CUES[0])):start]
    if before.endswith(SPEED_CUES) or text.startswith(("/小时", "每小时", "/h"), unit_end):
        return "speed"
    return None


def conversion(text: str, start: int, unit_end: int) -> str | None:
    """(1亩≈666.67平方米): a unit conversion explains a unit; neither side is a figure."""
    if text[unit_end:unit_end + 1] in EQUALS or (start > 0 and text[start - 1] in EQUALS):
        return "conversion"
    return None


def zero_word(span: NumberSpan) -> str | None:
    """零 alone opens words (零部件, 零距离, 零容忍): a count of nothing is never reported."""
    return "word" if span.chinese and span.value == 0 else None


def inside_name(start: int, end: int, names: list[tuple[int, int]]) -> str | None:
    """年产10万吨果蔬深加工项目: a number inside a project or company name is part
    of the name, not a figure of the article."""
    return "name" if any(s < start and end <= e for s, e in names) else None


def label_number(span: NumberSpan, prefix_qualified: bool) -> str | None:
    """Bare magnitudes (千家万户, 百亿级) are labels unless something qualifies them (近百家)."""
    if span.bare and span.qualifier is None and not prefix_qualified:
        return "label"
    return None


def article_one(span: NumberSpan, text: str) -> str | None:
    """一个, 一家, 一栋, 最后一公里, 一亩三分地: Chinese 一 before a unit reads as
    "a", not a quantity, except as an item of a list of counts (、一栋传染病楼)."""
    if span.text == "一" and not (span.start > 0 and text[span.start - 1] == "、"):
        return "article"
    return None


def not_a_unit_word(text: str, unit_end: int, unit: str, measure: str | None = None) -> str | None:
    """二元结构, 一元化: 元 that begins another word is no money; 12部门, 3条件: a
    measure word that begins another word counts nothing."""
    if unit == "CNY" and text[unit_end - 1:unit_end] == "元" and text[unit_end:unit_end + 1] in WORDS_AFTER_YUAN:
        return "word"
    if measure is not None and text[unit_end:unit_end + 1] in WORDS_AFTER_MEASURE.get(measure, ""):
        return "word"
    if measure == "位" and DIGIT_COUNT.match(text, unit_end - 1):
        return "word"  # 两位数增长: a number of digits, not of people (3位数据工程师 are people)
    return None


def inside_quotes(span: NumberSpan, text: str) -> str | None:
    """A count in Chinese numerals inside a short quotation is part of a slogan
    (“一个项目、一名领导、一个专班”)."""
    if not span.chinese:
        return None
    begin = max(0, span.start - QUOTE_REACH)
    opening = max(text.rfind(q, begin, span.start) for q in OPENING_QUOTES)
    if opening < 0:
        return None
    closing = max(text.rfind(q, opening + 1, span.start) for q in CLOSING_QUOTES)
    return "slogan" if closing < 0 else None


def counts_time(text: str, measure_end: int) -> str | None:
    """3个月, 两个小时, 六个一: the measure word counts time or a slogan's parts."""
    if TIME_NOUN_LIST.starting_at(text, measure_end) is not None:
        return "duration"
    if text[measure_end:measure_end + 1] in CHINESE_DIGITS:
        return "slogan"
    return None


def per_period(text: str, floor: int, start: int) -> str | None:
    """每3天落地1个亿元项目: a count in a clause that opens with a period is a pace."""
    return "pace" if PER_PERIOD.search(text, floor, start) else None


def threshold(text: str, end: int, ceiling: int, *, bound: bool, cue_adjacent: bool) -> str | None:
    """亿元以上项目, 10亿元级项目, 投资超10亿元的项目8个: money that sorts projects.

    ``end`` is where the money (with any 以上) ends; ``bound`` says a qualifier
    (超, 以上) is written. A category when a project or enterprise noun follows
    closely and either a bound or 级 is written, no cue word introduces the
    money and no 的 links it, or a count follows. An exact amount that a cue
    introduces and 的 links (总投资1410亿元的重点项目114个) is what those
    projects add up to, even with a count after. Other counted nouns need 的
    and a bound or a count (收入50万元以上的村10个).
    """
    alternative = ALTERNATIVE_AMOUNT.match(text, end)
    if alternative is not None:
        end, bound = alternative.end(), bound or alternative.group(1) is not None
    cursor = end
    level = text.startswith("级", cursor)
    cursor += 1 if level else 0
    linked = text.startswith("的", cursor)
    cursor += 1 if linked else 0
    stop = min(clause_end(text, cursor, ceiling, ITEM_BREAKS), cursor + THRESHOLD_NOUN_GAP + 2)
    noun = first_counted_noun(text, cursor, stop)
    # 500万元以上招商引资项目: with a bound written, only a money noun (资金) names the money
    cues = MONEY_NOUN_PATTERN if bound else MONEY_CUE_PATTERN
    if noun is None or cues.search(text, cursor, noun[0]) is not None:
        return None  # 2500万元专项资金支持企业: the money is named, not a category
    bounded = bound or level or _count_follows(text, noun[0], ceiling)
    if linked and cue_adjacent and not (bound or level):
        return None
    if noun[1] not in GROUP_UNITS_FOR_THRESHOLDS:
        return "threshold" if linked and bounded else None
    return "threshold" if bounded or not (linked or cue_adjacent) else None


def member_threshold(text: str, span: NumberSpan, group_unit: str, gap: tuple[int, int], *,
                     bound: bool) -> str | None:
    """12家企业营业收入超亿元, 7个项目投资额都超亿元: a bound written as a bare
    magnitude (超亿元, 上亿元) right after a count of projects or enterprises in
    the clause sorts them by size. A larger round sum (15个项目总投资超百亿元) is
    what they add up to, unless 都, 均 or 各 says it is each one's."""
    if group_unit not in GROUP_UNITS_FOR_THRESHOLDS or any(ch.isdigit() for ch in span.text):
        return None
    written = span.text.removeprefix("上")
    if not written or any(ch not in ROUND_MAGNITUDES for ch in written):
        return None
    if not (bound or span.text.startswith("上")):
        return None
    each = any(word in text[gap[0]:gap[1]] for word in EACH_WORDS)
    return "threshold" if span.value <= MEMBER_BOUND_MAX or each else None


def _count_follows(text: str, pos: int, ceiling: int) -> bool:
    end = clause_end(text, pos, ceiling)
    gap = text[pos:end]
    return any(ch.isdigit() or ch in CHINESE_DIGITS for ch in gap[:3])
