"""The number grammar: anchors other tools get wrong, and round-trip properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hynlp.numbers import format_chinese, parse_expression, parse_number, scan_numbers

FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@pytest.mark.parametrize("text, value", [
    ("1,100万", "11000000"),
    ("143.4299万", "1434299"),
    ("１２３", "123"),
    ("三千一百四十", "3140"),
    ("两", "2"),
    ("十几", "10"),
    ("百余", "100"),
    ("千亿", "100000000000"),
    ("二十万亿", "20000000000000"),
    ("零", "0"),
    ("3.2万", "32000"),
    ("1亿2千万", "120000000"),
    ("13万2", "132000"),
    ("三万五", "35000"),
    ("一千多万", "10000000"),
    ("一亿五", "150000000"),
    ("一百五", "150"),
    ("一千零五十", "1050"),
    ("十万零一十", "100010"),
    ("九十八点七一", "98.71"),
    ("一点五亿", "150000000"),
    ("3千5", "3500"),
    ("5000余万", "50000000"),
    ("1.57", "1.57"),
])
def test_parse_number(text, value):
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "亿", "万亿", "几十", "数百", "三点", "abc", "1万2023", "二〇二三", "两三"])
def test_parse_number_refuses(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text, value, value_max, qualifier, percent", [
    ("十几", "10", None, "at_least", False),
    ("百余", "100", None, "at_least", False),
    ("一千多万", "10000000", None, "at_least", False),
    ("上百", "100", None, "approx", False),
    ("两三", "2", "3", None, False),
    ("三四十", "30", "40", None, False),
    ("七八百万", "7000000", "8000000", None, False),
    ("5至8亿", "500000000", "800000000", None, False),
    ("5-8亿", "500000000", "800000000", None, False),
    ("5~8万", "50000", "80000", None, False),
    ("五至二十万", "50000", "200000", None, False),
    ("5000万至1亿", "50000000", "100000000", None, False),
    ("3-5千", "3000", "5000", None, False),
    ("百分之九十八点七一", "98.71", None, None, True),
    ("百分之百", "100", None, None, True),
    ("六成", "60", None, None, True),
    ("过半", "50", None, "at_least", True),
    ("翻番", "100", None, None, True),
    ("翻一番", "100", None, None, True),
    ("翻两番", "300", None, None, True),
])
def test_parse_expression(text, value, value_max, qualifier, percent):
    span = parse_expression(text)
    assert span is not None
    assert span.value == Decimal(value)
    assert span.value_max == (Decimal(value_max) if value_max else None)
    assert span.qualifier == qualifier
    assert span.percent is percent


def _scanned(text):
    return [(s.text, s.value, s.value_max) for s in scan_numbers(text)]


def test_trailing_digit_after_unit_is_its_own_number():
    assert _scanned("合同额3541.07万元2") == [
        ("3541.07万", Decimal("35410700"), None), ("2", Decimal("2"), None)]


def test_range_is_never_concatenated():
    assert _scanned("投资5至8亿元") == [("5至8亿", Decimal("500000000"), Decimal("800000000"))]
    assert _scanned("两三个村") == [("两三", Decimal("2"), Decimal("3"))]


def test_year_after_magnitude_is_a_new_number():
    assert _scanned("1万2023年") == [("1万", Decimal("10000"), None), ("2023", Decimal("2023"), None)]


def test_no_float_artefacts():
    assert parse_number("1.57") == Decimal("1.57")
    assert str(parse_number("0.1万")) == "1000"
    assert str(parse_expression("百分之一点五七").value) == "1.57"


def test_names_glued_to_letters_are_skipped():
    assert _scanned("G20峰会，PM2.5浓度") == []


def test_vague_magnitudes_are_skipped():
    assert _scanned("数十家企业，几百人") == []


def test_long_currency_phrase_does_not_hang():
    assert _scanned("8亿元人民币" * 200)[0] == ("8亿", Decimal("800000000"), None)


def test_tenths_only_as_a_word():
    assert _scanned("一成不变，三五成群") == [("一", Decimal("1"), None), ("三五", Decimal("3"), Decimal("5"))]
    assert parse_expression("七成").value == Decimal(70)


def test_tenths_before_the_noun_they_divide():
    # 近三成企业: a share of a whole may stand right before its noun; 成 opening
    # another word (三成员) is not a share
    assert _scanned("近三成企业")[0] == ("三成", Decimal("30"), None)
    assert _scanned("六成农户")[0] == ("六成", Decimal("60"), None)
    assert _scanned("三成员")[0] == ("三", Decimal("3"), None)


def test_format_chinese_examples():
    assert format_chinese(0) == "零"
    assert format_chinese(10) == "十"
    assert format_chinese(110000) == "十一万"
    assert format_chinese(100000005) == "一亿零五"
    assert format_chinese(1200000000000) == "一万二千亿"
    with pytest.raises(ValueError):
        format_chinese(-1)


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_chinese_numerals_round_trip(n):
    assert parse_number(format_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_round_trip(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n).translate(FULLWIDTH)) == n


@given(st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_decimals_round_trip_exactly(d):
    text = format(d, "f")
    assert parse_number(text) == d
    assert parse_number(text + "万") == d * 10000
    assert parse_number(text + "亿") == d * 10**8


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9999))
def test_mixed_magnitudes(high, low):
    # 1亿2千万-style: an Arabic count of 亿 followed by a Chinese count of 万
    assert parse_number(f"{high}亿{format_chinese(low)}万") == high * 10**8 + low * 10**4


@given(st.integers(min_value=1, max_value=998), st.integers(min_value=1, max_value=999))
def test_ranges_keep_both_ends(low, extra):
    span = parse_expression(f"{low}至{low + extra}亿")
    assert (span.value, span.value_max) == (low * 10**8, (low + extra) * 10**8)


NUMBERISH = st.text(alphabet="0123456789.,，一二两三四五六七八九十百千万亿零多余几点至-~上过半翻番分之成元个年月第“”%亿元人民币 ",
                    max_size=40)


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=60), NUMBERISH))
def test_scanner_never_raises_and_spans_are_exact(text):
    spans = scan_numbers(text)
    last_end = 0
    for span in spans:
        assert text[span.start:span.end] == span.text
        assert span.start >= last_end
        assert span.value_max is None or span.value_max > span.value
        last_end = span.end
    parse_number(text)


def test_space_before_magnitude_joins_the_number():
    # text taken from PDFs keeps a space between digits and 亿/万 (22.15 亿元)
    assert [(s.text, s.value) for s in scan_numbers("产值 36.4 亿元，创汇 820 万美元，第 3 批")] == [
        ("36.4 亿", Decimal("3640000000")), ("820 万", Decimal("8200000")), ("3", Decimal("3"))]


def read_by_the_full_grammar(text: str, start: int):
    """numbers._match_at without its fast paths for plain Arabic numbers and lone digits."""
    from hynlp import numbers

    special = numbers._special(text, start)
    if special is not None or text[start] in "上过翻":
        return special
    core = numbers._core(text, start)
    if core is None and start > 0 and text[start - 1] in numbers.QUALIFIED_MAGNITUDE:
        return numbers._lone_magnitude(text, start)
    return numbers._tenths(text, core) if core is not None else None


@settings(max_examples=500)
@given(st.one_of(NUMBERISH, st.text(alphabet="0123456789０１２.,一二三零两万亿千百十多点成至- 个元年超近", max_size=12)))
def test_fast_paths_read_numbers_as_the_full_grammar(text):
    from hynlp import numbers

    for start, ch in enumerate(text):
        if ch in numbers.ARABIC_START:
            fast = numbers._plain_arabic(text, start)
        elif ch in numbers.CHINESE_DIGITS:
            fast = numbers._lone_digit(text, start)
        elif ch in numbers.BIG_UNITS and text[start + 1:start + 2] not in numbers.MAGNITUDE_CONTINUERS:
            # a lone 万 or 亿: a number only after 超, 近…, read with no grammar either way
            assert numbers._match_at(text, start) == read_by_the_full_grammar(text, start)
            continue
        else:
            continue
        if fast is not None:  # the same span, the values written alike (1.5, not 1.50)
            full = read_by_the_full_grammar(text, start)
            assert full is not None and tuple(map(str, fast)) == tuple(map(str, full))


def test_plain_numbers_take_the_fast_path_and_others_do_not():
    from hynlp import numbers

    text = "青禾区新开工项目12个，总投资3541.07万元，东岚县一批项目，三四十家企业，5至8亿元"
    assert numbers._plain_arabic(text, text.index("12")).value == Decimal(12)
    assert numbers._plain_arabic(text, text.index("3541")).value == Decimal("35410700")
    assert numbers._lone_digit(text, text.index("一批")).value == Decimal(1)
    assert numbers._lone_digit(text, text.index("三四十")) is None  # 三四十 is a range
    assert numbers._plain_arabic(text, text.index("5至")) is None  # 5至8亿 is a range
    assert [(s.text, s.value, s.value_max) for s in scan_numbers(text)][-2:] == [
        ("三四十", Decimal(30), Decimal(40)), ("5至8亿", Decimal(500000000), Decimal(800000000))]


def test_a_lone_magnitude_is_a_number_only_after_a_qualifier():
    text = "青禾区超亿元项目12个，亿元以上项目5个，东岚县引资3亿5千万元"
    assert [(s.text, s.value) for s in scan_numbers(text)] == [
        ("亿", Decimal(100000000)), ("12", Decimal(12)), ("5", Decimal(5)), ("3亿5千万", Decimal(350000000))]
