"""Chinese, Arabic and mixed numerals: tokens, their exact values, and back.

This is the grammar of one numeral. Finding numerals in running text, with
ranges, percentages and qualifiers, is :mod:`hynlp.numbers`.

Values are exact (:class:`~decimal.Decimal` built from digit strings and
integer magnitudes, never from floats), so ``1.57`` stays ``1.57``.

>>> found = longest_number("三千一百四十万元", 0)
>>> found[0], found[1].value
(7, Decimal('31400000'))
>>> format_chinese(100010)
'十万零一十'
"""

from __future__ import annotations

import re
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

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
MAX_TOKENS = 64  # the longest standard numeral below 10**16 has 35 tokens
ARABIC_START = frozenset("0123456789０１２３４５６７８９")


# Tuples, not frozen dataclasses: tokens are made for every numeral character
# read, and a tuple is built 3x faster.
class Token(NamedTuple):
    """One numeral token; ``kind`` is arabic, digit, zero, small, big, fraction or fuzz."""

    kind: str
    value: Decimal
    end: int
    single: bool = False  # one digit character, usable as an abbreviation (三万五)


class Numeral(NamedTuple):
    """The value of a whole token list; ``fuzzy`` for 多/余/几, ``bare`` for 百 or 千亿 alone."""

    value: Decimal
    fuzzy: bool = False
    bare: bool = False


# Kind, value and single of each one-character token, built once (not a Decimal per character read).
CHARACTER_TOKENS = MappingProxyType({
    **{ch: ("zero" if value == 0 else "digit", Decimal(value), True) for ch, value in CHINESE_DIGITS.items()},
    **{ch: ("small", Decimal(value), False) for ch, value in SMALL_UNITS.items()},
    **{ch: ("big", Decimal(value), False) for ch, value in BIG_UNITS.items()},
})
FUZZ_VALUE = Decimal(0)


def tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation.

    >>> tidy(Decimal("35410700.00")), tidy(Decimal("98.7100"))
    (Decimal('35410700'), Decimal('98.71'))
    """
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def tokenize(text: str, start: int) -> list[Token]:
    """Numeral tokens from ``start``, stopping where no numeral can go on.

    Stopping early (万万, 十百, 一一一) keeps the longest-prefix search short
    on runs of numeral characters that are not numbers.
    """
    tokens: list[Token] = []
    i = start
    while i < len(text) and len(tokens) < MAX_TOKENS:
        token = _next_token(text, i, tokens)
        if token is None or _cannot_follow(tokens, token):
            break
        tokens.append(token)
        i = token.end
    return tokens


def _next_token(text: str, i: int, tokens: list[Token]) -> Token | None:
    ch = text[i]
    if ch in ARABIC_START:
        arabic = ARABIC.match(text, i)
        digits = arabic.group(0).translate(FULLWIDTH_DIGITS).replace(",", "")
        return Token("arabic", Decimal(digits), arabic.end(), len(arabic.group(0)) == 1)
    if ch in UNIT_AFTER_MAGNITUDE and text[i + 1:i + 2] in UNIT_AFTER_MAGNITUDE[ch]:
        return None
    if ch in CHARACTER_TOKENS:
        kind, value, single = CHARACTER_TOKENS[ch]
        return Token(kind, value, i + 1, single)
    if ch == " " and tokens and tokens[-1].kind == "arabic" and text[i + 1:i + 2] in BIG_UNITS:
        # 22.15 亿元: text taken from a PDF keeps a space between digits and magnitude
        return Token("big", Decimal(BIG_UNITS[text[i + 1]]), i + 2)
    if ch in FUZZ and tokens:
        return Token("fuzz", FUZZ_VALUE, i + 1)
    if ch == "点" and tokens and tokens[-1].kind in ("digit", "zero", "small"):
        return _chinese_fraction(text, i + 1)
    return None


def _cannot_follow(tokens: list[Token], token: Token) -> bool:
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


def _section_start(tokens: list[Token]) -> int:
    """Index after the last 万/亿 token: where the current four-digit section begins."""
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index].kind == "big":
            return index + 1
    return 0


def _chinese_fraction(text: str, start: int) -> Token | None:
    end = start
    while end < len(text) and text[end] in CHINESE_DIGITS:
        end += 1
    if end == start:
        return None
    digits = "".join(str(CHINESE_DIGITS[ch]) for ch in text[start:end])
    return Token("fraction", Decimal("0." + digits), end)


def evaluate(tokens: list[Token]) -> Numeral | None:
    """Value of a whole token list, or None when it is not one number."""
    if not tokens or tokens[0].kind in ("fuzz", "fraction", "big") and len(tokens) == 1:
        return None
    bigs = [t.value for t in tokens if t.kind == "big"]
    if not bigs:
        return _evaluate_small(tokens)
    top = max(bigs)
    split = next(i for i, t in enumerate(tokens) if t.kind == "big" and t.value == top)
    left, right = tokens[:split], tokens[split + 1:]
    head = evaluate(left) if left else Numeral(Decimal(1), bare=True)
    if head is None:
        return None
    fuzzy = head.fuzzy
    if right and right[-1].kind == "fuzz":
        right, fuzzy = right[:-1], True
    tail = _evaluate_tail(right, top)
    if tail is None:
        return None
    return Numeral(head.value * top + tail, fuzzy, head.bare)


def _evaluate_tail(tokens: list[Token], magnitude: Decimal) -> Decimal | None:
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
    tail = evaluate(tokens)
    if tail is None or tail.fuzzy or tail.bare or tail.value >= magnitude:
        return None
    return tail.value


def _evaluate_small(tokens: list[Token]) -> Numeral | None:
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


def _chinese_sections(tokens: list[Token], fuzzy: bool) -> Numeral | None:
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
    return Numeral(total, fuzzy, bare)


def longest_number(text: str, start: int) -> tuple[int, Numeral, list[Token]] | None:
    return longest_prefix(tokenize(text, start))


def longest_prefix(tokens: list[Token]) -> tuple[int, Numeral, list[Token]] | None:
    """The longest prefix of ``tokens`` that is one number: (its end, value, tokens)."""
    for size in range(len(tokens), 0, -1):
        value = evaluate(tokens[:size])
        if value is not None:
            return tokens[size - 1].end, value, tokens[:size]
    return None


def trailing_magnitude(tokens: list[Token]) -> Decimal:
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
