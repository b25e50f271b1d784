"""Numbers in running text: numerals, ranges, percentages and the words that are numbers.

The grammar of a single numeral lives in :mod:`hynlp.numerals`; its public
names are re-exported here so ``from hynlp.numbers import …`` keeps working.

>>> parse_number("1,100万")
Decimal('11000000')
>>> parse_number("三千一百四十"), parse_number("13万2"), parse_number("二十万亿")
(Decimal('3140'), Decimal('132000'), Decimal('20000000000000'))
>>> span = parse_expression("一千多万")
>>> span.value, span.qualifier
(Decimal('10000000'), 'at_least')
>>> span = parse_expression("5至8亿")
>>> span.value, span.value_max
(Decimal('500000000'), Decimal('800000000'))
>>> [(s.text, s.value) for s in scan_numbers("总投资3541.07万元2期")]
[('3541.07万', Decimal('35410700')), ('2', Decimal('2'))]
>>> parse_expression("百分之九十八点七一").value
Decimal('98.71')
>>> format_chinese(100010)
'十万零一十'
"""

from __future__ import annotations

import re
from decimal import Decimal, getcontext
from types import MappingProxyType
from typing import Literal, NamedTuple

from hynlp.numerals import (
    ARABIC,
    ARABIC_START,
    BIG_UNITS,
    CHARACTER_TOKENS,
    CHINESE_DIGITS,
    FULLWIDTH_DIGITS,
    FUZZ,
    SMALL_UNITS,
    UNIT_AFTER_MAGNITUDE,
    Token,
    evaluate,
    format_chinese,
    longest_number,
    longest_prefix,
    tidy,
    tokenize,
    trailing_magnitude,
)

__all__ = [
    "ARABIC", "BIG_UNITS", "CHINESE_DIGITS", "FULLWIDTH_DIGITS", "FUZZ", "SMALL_UNITS",
    "UNIT_AFTER_MAGNITUDE", "Hint", "NumberSpan", "format_chinese", "parse_expression",
    "parse_number", "scan_numbers", "tidy",
]

Hint = Literal["at_least", "approx"]

RANGE_CONNECTORS = frozenset("至到-~～—－")
NUMBER_START = frozenset("0123456789０１２３４５６７８９上过翻百") | frozenset(CHINESE_DIGITS) \
    | frozenset(SMALL_UNITS) | frozenset(BIG_UNITS)
NUMBER_START_AT = re.compile("[" + re.escape("".join(sorted(NUMBER_START))) + "]")
# 成 after a numeral reads as tenths only before these, never inside a word.
TENTHS_FOLLOWERS = frozenset("以左多余的，。；、,;)）”")
# 近三成企业, 六成农户: a share of a whole written straight before the noun it divides.
TENTHS_NOUN_FOLLOWERS = ("企业", "农户", "居民", "村民", "群众", "市民", "商户", "项目")
DOUBLINGS = MappingProxyType({"": 1, "一": 1, "两": 2, "二": 2, "三": 3})
DOUBLING = re.compile(r"翻(?:了)?([一两二三]?)番")
TIME_AFTER_HALF = frozenset("年月天日小个周")
VAGUE_BEFORE = frozenset("几数")
MAGNITUDES = frozenset(SMALL_UNITS) | frozenset(BIG_UNITS)  # 上百, 上万: what 上 may stand before
BIG_UNIT_CHARACTERS = frozenset(BIG_UNITS)  # a set answers `in` faster than the mapping
QUALIFIED_MAGNITUDE = frozenset("近超过逾约")  # 超亿元: a lone 亿 counts after these
# What may follow Arabic digits in a longer numeral or a range: numeral characters,
# 多/余/几, a space (before 万 or 亿) and range connectors; after 万 or 亿, digits too.
ARABIC_CONTINUERS = CHARACTER_TOKENS.keys() | FUZZ | {" "} | RANGE_CONNECTORS
MAGNITUDE_CONTINUERS = ARABIC_CONTINUERS | ARABIC_START
# What may follow one Chinese digit in a longer numeral (digits, 十, 点…), a range, or 六成.
DIGIT_CONTINUERS = CHARACTER_TOKENS.keys() | ARABIC_START | FUZZ | RANGE_CONNECTORS | {"点", "成"}
ZERO = Decimal(0)


# Immutable like a frozen dataclass, but built 4x faster: one is made per number or figure.
class NumberSpan(NamedTuple):
    """One numeric expression found in text, with its exact value.

    ``qualifier`` is a hint the expression itself carries: ``at_least`` for
    十几, 百余, 一千多万, 过半; ``approx`` for 上百. ``percent`` marks
    百分之…, 六成, 过半 and 翻番. ``bare`` marks a magnitude written without a
    coefficient (百, 千亿): such numbers are labels unless qualified.
    """

    start: int
    end: int
    text: str
    value: Decimal
    value_max: Decimal | None = None
    qualifier: Hint | None = None
    percent: bool = False
    chinese: bool = False
    bare: bool = False


def _adjacent_range(text: str, start: int, tokens: list[Token]) -> NumberSpan | None:
    """两三个, 三四十, 七八百万: two neighbouring digits share what follows
    (``tokens`` are those read from ``start``)."""
    if len(tokens) < 2 or tokens[0].kind != "digit" or tokens[1].kind != "digit":
        return None
    if not tokens[0].value < tokens[1].value:
        return None
    rest = tokens[2:]
    for size in range(len(rest), -1, -1):
        low, high = evaluate([tokens[0], *rest[:size]]), evaluate([tokens[1], *rest[:size]])
        if low is not None and high is not None and not (low.fuzzy or high.fuzzy):
            end = rest[size - 1].end if size else tokens[1].end
            return NumberSpan(start, end, text[start:end], tidy(low.value), tidy(high.value),
                              chinese=True)
    return None


def _core(text: str, start: int) -> NumberSpan | None:
    tokens = tokenize(text, start)  # read once, for both readings
    paired = _adjacent_range(text, start, tokens)
    if paired is not None:
        return paired
    found = longest_prefix(tokens)
    if found is None:
        return None
    end, value, tokens = found
    chinese = not any(t.kind == "arabic" for t in tokens)
    span = NumberSpan(start, end, text[start:end], tidy(value.value),
                      qualifier="at_least" if value.fuzzy else None, chinese=chinese, bare=value.bare)
    return _with_range_tail(text, span, tokens)


def _with_range_tail(text: str, low: NumberSpan, low_tokens: list[Token]) -> NumberSpan:
    """5至8亿 and 5-8万: one span, low end lent the high end's magnitude."""
    if low.end >= len(text) - 1 or text[low.end] not in RANGE_CONNECTORS or low.qualifier:
        return low
    found = longest_number(text, low.end + 1)
    if found is None or found[1].fuzzy:
        return low
    end, high, high_tokens = found
    value = low.value
    if not any(t.kind in ("big", "small") for t in low_tokens):
        value = tidy(value * trailing_magnitude(high_tokens))
    if not high.value > value:
        return low
    return NumberSpan(low.start, end, text[low.start:end], value, tidy(high.value),
                      chinese=low.chinese, bare=low.bare)


def _special(text: str, start: int) -> NumberSpan | None:
    """过半, 翻番, 上百/上千, 百分之…: words that are numbers."""
    ahead = text[start:start + 2]
    if ahead == "过半" and text[start + 2:start + 3] not in TIME_AFTER_HALF:
        return NumberSpan(start, start + 2, ahead, Decimal(50), qualifier="at_least", percent=True,
                          chinese=True)
    doubling = DOUBLING.match(text, start)
    if doubling:
        value = Decimal(100 * (2 ** DOUBLINGS[doubling.group(1)] - 1))
        return NumberSpan(start, doubling.end(), doubling.group(0), value, percent=True, chinese=True)
    if text[start] == "上" and ahead[1:] and ahead[1] in MAGNITUDES:
        if start > 0 and text[start - 1] == "以":
            return None
        inner = _core(text, start + 1) or _lone_magnitude(text, start + 1)
        if inner is not None and inner.bare:
            return NumberSpan(start, inner.end, text[start:inner.end], inner.value,
                              qualifier="approx", chinese=True)
        return None
    if text.startswith("百分之", start):
        inner = _core(text, start + 3)
        if inner is not None:
            return NumberSpan(start, inner.end, text[start:inner.end], inner.value, inner.value_max,
                              inner.qualifier, percent=True, chinese=inner.chinese)
    return None


def _lone_magnitude(text: str, start: int) -> NumberSpan | None:
    """万 or 亿 alone, as in 上亿元 and 超亿元: a bare number of one unit."""
    if text[start:start + 1] not in BIG_UNITS:
        return None
    return NumberSpan(start, start + 1, text[start], Decimal(BIG_UNITS[text[start]]), chinese=True,
                      bare=True)


def _tenths(text: str, span: NumberSpan) -> NumberSpan:
    """六成 is 60%: a Chinese numeral of two to ten, then 成 as its own word."""
    if not span.chinese or span.percent or span.end >= len(text) or text[span.end] != "成":
        return span
    follower = text[span.end + 1:span.end + 2]
    if follower and follower not in TENTHS_FOLLOWERS \
            and not text.startswith(TENTHS_NOUN_FOLLOWERS, span.end + 1):
        return span
    if not (1 < span.value <= 10) or span.text == "一":
        return span
    high = span.value_max * 10 if span.value_max is not None else None
    return NumberSpan(span.start, span.end + 1, text[span.start:span.end + 1], span.value * 10, high,
                      span.qualifier, percent=True, chinese=True)


def _plain_arabic(text: str, start: int) -> NumberSpan | None:
    """3541.07 or 3541.07万, with nothing after it that a numeral or a range goes
    on with (千, 多, 至, a space before 亿): the value is the digits' times the
    magnitude. Most numbers are such; the full grammar reads them to the same value
    at several times the cost. None when the full grammar must read it."""
    end = ARABIC.match(text, start).end()
    after = text[end:end + 1]
    magnitude = after in BIG_UNIT_CHARACTERS
    if magnitude:
        if text[end + 1:end + 2] in MAGNITUDE_CONTINUERS:
            return None
    elif after in ARABIC_CONTINUERS:
        return None
    written = text[start:end]
    if written.isascii() and written.isdigit():  # most numbers: no full-width digit or comma to undo
        if not magnitude and end - start <= getcontext().prec:
            # an integer that arithmetic keeps exact is already tidy
            return NumberSpan(start, end, written, Decimal(written))
        digits = written
    else:
        digits = written.translate(FULLWIDTH_DIGITS).replace(",", "")
        if not magnitude and digits.isdigit() and len(digits) <= getcontext().prec:
            return NumberSpan(start, end, written, Decimal(digits))
    # ZERO + …: the grammar adds the digits to a running total, rounding as it does
    value = ZERO + Decimal(digits)
    if magnitude:
        value, end = value * CHARACTER_TOKENS[after][1] + ZERO, end + 1
    return NumberSpan(start, end, text[start:end], tidy(value))


def _lone_digit(text: str, start: int) -> NumberSpan | None:
    """一 of 一批, 三 of 三个: one Chinese digit that no numeral, fraction, tenths or
    range goes on from is worth itself. None when the full grammar must read it."""
    if text[start + 1:start + 2] in DIGIT_CONTINUERS:
        return None
    return NumberSpan(start, start + 1, text[start], CHARACTER_TOKENS[text[start]][1], chinese=True)


def _match_at(text: str, start: int) -> NumberSpan | None:
    if text[start] in ARABIC_START and (plain := _plain_arabic(text, start)) is not None:
        return plain
    if text[start] in CHINESE_DIGITS and (digit := _lone_digit(text, start)) is not None:
        return digit
    if text[start] in BIG_UNIT_CHARACTERS and text[start + 1:start + 2] not in MAGNITUDE_CONTINUERS:
        # 亿元以上, 万人: 万 or 亿 with no numeral character after it is one token, and
        # one magnitude alone is no numeral; the grammar need not read it to say so
        return _lone_magnitude(text, start) if start > 0 and text[start - 1] in QUALIFIED_MAGNITUDE else None
    special = _special(text, start)
    if special is not None or text[start] in "上过翻":
        return special
    core = _core(text, start)
    if core is None and start > 0 and text[start - 1] in QUALIFIED_MAGNITUDE:
        return _lone_magnitude(text, start)
    return _tenths(text, core) if core is not None else None


def scan_numbers(text: str) -> list[NumberSpan]:
    """Every numeric expression in ``text``, left to right, non-overlapping.

    Digits glued to Latin letters (G20, PM2.5) are skipped: they are names.

    >>> [(s.text, s.value, s.value_max) for s in scan_numbers("两三个村，G20峰会")]
    [('两三', Decimal('2'), Decimal('3'))]
    """
    found: list[NumberSpan] = []
    i = 0
    # One regex search to the next character that may start a number, instead of
    # a Python step per character: most of a text holds no number.
    while (start := NUMBER_START_AT.search(text, i)) is not None:
        i = start.start()
        ch = text[i]
        if i > 0 and text[i - 1] in VAGUE_BEFORE and (ch in SMALL_UNITS or ch in BIG_UNITS):
            i += 1  # 数十, 几百: no value to give
            continue
        if ch.isascii() and i > 0 and text[i - 1].isascii() and (text[i - 1].isalpha() or text[i - 1] == "."):
            while i < len(text) and text[i].isascii() and (text[i].isalnum() or text[i] == "."):
                i += 1
            continue
        span = _match_at(text, i)
        if span is None:
            i += 1
            continue
        found.append(span)
        i = span.end
    return found


def parse_expression(text: str) -> NumberSpan | None:
    """The single numeric expression that is the whole of ``text``, else None."""
    stripped = text.strip()
    if not stripped or stripped[0] not in NUMBER_START:
        return None
    span = _match_at(stripped, 0)
    return span if span is not None and span.end == len(stripped) else None


def parse_number(text: str) -> Decimal | None:
    """Exact value of a whole-string number (not a range); None when it is not one.

    >>> parse_number("143.4299万"), parse_number("两"), parse_number("十几"), parse_number("两三")
    (Decimal('1434299'), Decimal('2'), Decimal('10'), None)
    """
    span = parse_expression(text)
    if span is None or span.value_max is not None:
        return None
    return span.value
