"""The number grammar: Arabic, Chinese and mixed numerals, percentages, ranges.

Values are exact (:class:`~decimal.Decimal` built from digit strings and
integer magnitudes, never from floats), so ``1.57`` stays ``1.57``.

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
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Literal

Hint = Literal["at_least", "approx"]

CHINESE_DIGITS = MappingProxyType({
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
    "陆": 6, "柒": 7, "捌": 8, "玖": 9,
})
SMALL_UNITS = MappingProxyType({"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000})
BIG_UNITS = MappingProxyType({"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8})
FUZZ = frozenset("多余几")
ARABIC = re.compile(r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?")
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
# A magnitude character that is really the first character of a unit:
# 千瓦 (kW), 千米 (km), 百分点 (percentage points), 万千瓦 keeps 万.
UNIT_AFTER_MAGNITUDE = MappingProxyType({"千": frozenset("瓦米克伏帕赫卡焦"), "百": frozenset("分")})
RANGE_CONNECTORS = frozenset("至到-~～—－")
NUMBER_START = frozenset("0123456789０１２３４５６７８９上过翻百") | frozenset(CHINESE_DIGITS) \
    | frozenset(SMALL_UNITS) | frozenset(BIG_UNITS)
# 成 after a numeral reads as tenths only before these, never inside a word.
TENTHS_FOLLOWERS = frozenset("以左多余的，。；、,;)）”")
DOUBLINGS = MappingProxyType({"": 1, "一": 1, "两": 2, "二": 2, "三": 3})
DOUBLING = re.compile(r"翻(?:了)?([一两二三]?)番")
TIME_AFTER_HALF = frozenset("年月天日小个周")
VAGUE_BEFORE = frozenset("几数")
QUALIFIED_MAGNITUDE = frozenset("近超过逾约")  # 超亿元: a lone 亿 counts after these
MAX_TOKENS = 64  # the longest standard numeral below 10**16 has 35 tokens


@dataclass(frozen=True)
class NumberSpan:
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


@dataclass(frozen=True)
class _Token:
    kind: str  # arabic, digit, zero, small, big, fraction, fuzz
    value: Decimal
    end: int
    single: bool = False  # one digit character, usable as an abbreviation (三万五)


@dataclass(frozen=True)
class _Value:
    value: Decimal
    fuzzy: bool = False
    bare: bool = False


def tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation.

    >>> tidy(Decimal("35410700.00")), tidy(Decimal("98.7100"))
    (Decimal('35410700'), Decimal('98.71'))
    """
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _tokenize(text: str, start: int) -> list[_Token]:
    """Numeral tokens from ``start``, stopping where no numeral can go on.

    Stopping early (万万, 十百, 一一一) keeps the longest-prefix search short
    on runs of numeral characters that are not numbers.
    """
    tokens: list[_Token] = []
    i = start
    while i < len(text) and len(tokens) < MAX_TOKENS:
        token = _next_token(text, i, tokens)
        if token is None or _cannot_follow(tokens, token):
            break
        tokens.append(token)
        i = token.end
    return tokens


def _next_token(text: str, i: int, tokens: list[_Token]) -> _Token | None:
    ch = text[i]
    arabic = ARABIC.match(text, i)
    if arabic:
        digits = arabic.group(0).translate(FULLWIDTH_DIGITS).replace(",", "")
        return _Token("arabic", Decimal(digits), arabic.end(), len(arabic.group(0)) == 1)
    if ch in UNIT_AFTER_MAGNITUDE and text[i + 1:i + 2] in UNIT_AFTER_MAGNITUDE[ch]:
        return None
    if ch in CHINESE_DIGITS:
        kind = "zero" if CHINESE_DIGITS[ch] == 0 else "digit"
        return _Token(kind, Decimal(CHINESE_DIGITS[ch]), i + 1, True)
    if ch in SMALL_UNITS:
        return _Token("small", Decimal(SMALL_UNITS[ch]), i + 1)
    if ch in BIG_UNITS:
        return _Token("big", Decimal(BIG_UNITS[ch]), i + 1)
    if ch in FUZZ and tokens:
        return _Token("fuzz", Decimal(0), i + 1)
    if ch == "点" and tokens and tokens[-1].kind in ("digit", "zero", "small"):
        return _chinese_fraction(text, i + 1)
    return None


def _cannot_follow(tokens: list[_Token], token: _Token) -> bool:
    """Sequences no numeral contains: 万万, 一亿…一亿, 十一十, 十百, 一一一, 多多, anything
    but a magnitude after a fraction or 多."""
    if not tokens:
        return False
    last = tokens[-1]
    if last.kind in ("fraction", "fuzz") and token.kind != "big":
        return True
    if token.kind == "big":
        if last.kind == "big" and last.value > token.value:
            return True
        seen = [t.value for t in tokens if t.kind == "big"]
        if token.value in seen:  # again only after a larger magnitude (一万二千亿三千万)
            return max(seen[len(seen) - 1 - seen[::-1].index(token.value):]) <= token.value
        return False
    if token.kind == "small":
        section = [t.value for t in tokens[_section_start(tokens):] if t.kind == "small"]
        return last.kind == "small" or any(unit <= token.value for unit in section)
    return token.kind == "digit" and len(tokens) >= 2 and tokens[-2].kind == last.kind == "digit"


def _section_start(tokens: list[_Token]) -> int:
    """Index after the last 万/亿 token: where the current four-digit section begins."""
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index].kind == "big":
            return index + 1
    return 0


def _chinese_fraction(text: str, start: int) -> _Token | None:
    end = start
    while end < len(text) and text[end] in CHINESE_DIGITS:
        end += 1
    if end == start:
        return None
    digits = "".join(str(CHINESE_DIGITS[ch]) for ch in text[start:end])
    return _Token("fraction", Decimal("0." + digits), end)


def _evaluate(tokens: list[_Token]) -> _Value | None:
    """Value of a whole token list, or None when it is not one number."""
    if not tokens or tokens[0].kind in ("fuzz", "fraction", "big") and len(tokens) == 1:
        return None
    bigs = [t.value for t in tokens if t.kind == "big"]
    if not bigs:
        return _evaluate_small(tokens)
    top = max(bigs)
    split = next(i for i, t in enumerate(tokens) if t.kind == "big" and t.value == top)
    left, right = tokens[:split], tokens[split + 1:]
    head = _evaluate(left) if left else _Value(Decimal(1), bare=True)
    if head is None:
        return None
    fuzzy = head.fuzzy
    if right and right[-1].kind == "fuzz":
        right, fuzzy = right[:-1], True
    tail = _evaluate_tail(right, top)
    if tail is None:
        return None
    return _Value(head.value * top + tail, fuzzy, head.bare)


def _evaluate_tail(tokens: list[_Token], magnitude: Decimal) -> Decimal | None:
    """What follows a 万/亿: nothing, 零…, a one-digit abbreviation, or a smaller number."""
    if not tokens:
        return Decimal(0)
    after_zero = tokens[0].kind == "zero"
    if after_zero:
        tokens = tokens[1:]
        if not tokens:
            return None
    if len(tokens) == 1 and tokens[0].single and tokens[0].kind in ("digit", "arabic"):
        return tokens[0].value if after_zero else tokens[0].value * magnitude / 10
    if tokens[0].kind == "arabic" and all(t.kind in ("arabic", "fuzz") for t in tokens):
        return None  # 1万2023年 is two numbers, not 12023
    tail = _evaluate(tokens)
    if tail is None or tail.fuzzy or tail.bare or tail.value >= magnitude:
        return None
    return tail.value


def _evaluate_small(tokens: list[_Token]) -> _Value | None:
    """A number below 万: Arabic (with 千/百 after it) or Chinese numerals."""
    fuzzy = tokens[-1].kind == "fuzz"
    body = tokens[:-1] if fuzzy else tokens
    if not body or any(t.kind == "fuzz" for t in body):
        return None
    if fuzzy and body[-1].kind in ("digit", "fraction"):
        return None  # 三多 is not a number; 十多 and 500多 are
    if body[0].kind == "arabic" and len(body) > 1 and body[1].kind != "small":
        return None
    return _chinese_sections(body, fuzzy)


def _chinese_sections(tokens: list[_Token], fuzzy: bool) -> _Value | None:
    total, pending, last_unit, after_zero = Decimal(0), None, None, False
    fraction = None
    for index, token in enumerate(tokens):
        if fraction is not None:
            return None
        if token.kind in ("digit", "arabic"):
            if pending is not None or (token.kind == "arabic" and index > 0 and not token.single):
                return None
            pending = token.value
        elif token.kind == "zero":
            if pending is not None:
                return None
            after_zero = True
        elif token.kind == "small":
            if (last_unit is not None and token.value >= last_unit) or (pending is None and last_unit):
                return None
            total += (pending if pending is not None else 1) * token.value
            last_unit, pending, after_zero = token.value, None, False
        elif token.kind == "fraction":
            fraction = token.value
        else:
            return None
    if pending is not None:
        total += pending * last_unit / 10 if last_unit and not after_zero else pending
    if fraction is not None:
        if pending is None or (last_unit and last_unit > 10 and not after_zero):
            return None
        total += fraction
    bare = tokens[0].kind == "small" and tokens[0].value > 10
    if tokens[0].kind == "zero" and len(tokens) > 1:
        return None
    return _Value(total, fuzzy, bare)


def _longest_number(text: str, start: int) -> tuple[int, _Value, list[_Token]] | None:
    tokens = _tokenize(text, start)
    for size in range(len(tokens), 0, -1):
        value = _evaluate(tokens[:size])
        if value is not None:
            return tokens[size - 1].end, value, tokens[:size]
    return None


def _adjacent_range(text: str, start: int) -> NumberSpan | None:
    """两三个, 三四十, 七八百万: two neighbouring digits share what follows."""
    tokens = _tokenize(text, start)
    if len(tokens) < 2 or tokens[0].kind != "digit" or tokens[1].kind != "digit":
        return None
    if not tokens[0].value < tokens[1].value:
        return None
    rest = tokens[2:]
    for size in range(len(rest), -1, -1):
        low, high = _evaluate([tokens[0], *rest[:size]]), _evaluate([tokens[1], *rest[:size]])
        if low is not None and high is not None and not (low.fuzzy or high.fuzzy):
            end = rest[size - 1].end if size else tokens[1].end
            return NumberSpan(start, end, text[start:end], tidy(low.value), tidy(high.value),
                              chinese=True)
    return None


def _trailing_magnitude(tokens: list[_Token]) -> Decimal:
    """The magnitude a range's high end ends with, lent to a bare low end.

    Trailing 万/亿, and a 百/千 right after a one-digit coefficient (八千万,
    5千): 五至二十万 lends 万 only, never 十.
    """
    multiplier, index = Decimal(1), len(tokens) - 1
    while index >= 0 and tokens[index].kind == "big":
        multiplier *= tokens[index].value
        index -= 1
    if index == 1 and tokens[1].kind == "small" and tokens[1].value >= 100 and tokens[0].single:
        multiplier *= tokens[1].value
    return multiplier


def _core(text: str, start: int) -> NumberSpan | None:
    paired = _adjacent_range(text, start)
    if paired is not None:
        return paired
    found = _longest_number(text, start)
    if found is None:
        return None
    end, value, tokens = found
    chinese = not any(t.kind == "arabic" for t in tokens)
    span = NumberSpan(start, end, text[start:end], tidy(value.value),
                      qualifier="at_least" if value.fuzzy else None, chinese=chinese, bare=value.bare)
    return _with_range_tail(text, span, tokens)


def _with_range_tail(text: str, low: NumberSpan, low_tokens: list[_Token]) -> NumberSpan:
    """5至8亿 and 5-8万: one span, low end lent the high end's magnitude."""
    if low.end >= len(text) - 1 or text[low.end] not in RANGE_CONNECTORS or low.qualifier:
        return low
    found = _longest_number(text, low.end + 1)
    if found is None or found[1].fuzzy:
        return low
    end, high, high_tokens = found
    value = low.value
    if not any(t.kind in ("big", "small") for t in low_tokens):
        value = tidy(value * _trailing_magnitude(high_tokens))
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
    if text[start] == "上" and ahead[1:] and ahead[1] in SMALL_UNITS.keys() | BIG_UNITS.keys():
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
    if follower and follower not in TENTHS_FOLLOWERS:
        return span
    if not (1 < span.value <= 10) or span.text == "一":
        return span
    high = span.value_max * 10 if span.value_max is not None else None
    return NumberSpan(span.start, span.end + 1, text[span.start:span.end + 1], span.value * 10, high,
                      span.qualifier, percent=True, chinese=True)


def _match_at(text: str, start: int) -> NumberSpan | None:
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
    while i < len(text):
        ch = text[i]
        if ch not in NUMBER_START:
            i += 1
            continue
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


def _section(number: int) -> str:
    """A number below 10000 in Chinese numerals, 零 marking skipped places."""
    out, zero = [], False
    for magnitude, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // magnitude % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append("零一二三四五六七八九"[digit] + unit)
    return "".join(out)


def format_chinese(number: int) -> str:
    """``number`` (0 ≤ n < 10¹⁶) written in standard Chinese numerals.

    >>> format_chinese(3140), format_chinese(1005), format_chinese(12), format_chinese(2 * 10**13)
    ('三千一百四十', '一千零五', '十二', '二十万亿')
    """
    if not 0 <= number < 10**16:
        raise ValueError(f"format_chinese takes 0 <= n < 10**16, not {number}")
    if number == 0:
        return "零"
    words = _format_positive(number)
    return words[1:] if words.startswith("一十") else words


def _format_positive(number: int) -> str:
    for magnitude, unit in ((10**8, "亿"), (10**4, "万")):
        if number >= magnitude:
            high, low = divmod(number, magnitude)
            words = _format_positive(high) + unit
            if low:
                words += ("零" if low < magnitude // 10 else "") + _format_positive(low)
            return words
    return _section(number)
