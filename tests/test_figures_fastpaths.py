"""The figure rules' fast paths give what the plain loops they replace gave.

Each fast path (a word list matched by one regex or set lookup, a clause
found by a regex, units matched by one alternation) is checked against the
loop it replaced, written out here, on generated text and on fictional
sentences that take the fast path and that must not.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hynlp.figures import kinds, phrases
from hynlp.figures.lexicon import COUNTED_NOUNS, LATIN_UNITS, MEASURES, MONEY_CUES, UNITS
from hynlp.figures.phrases import CLAUSE_BREAKS, GENERIC_BY_LENGTH, ITEM_BREAKS, clause_end, clause_start
from hynlp.figures.units import UnitMatch, match_unit
from hynlp.figures.wordlists import WordList

# Characters that make the words below, breaks, and a few others.
ALPHABET = "达到了为是总投资额项目工程重点新建全区,、，。；\n 元万亿个家5%"
WORDS = st.lists(st.text(alphabet="达到了为是总投资额", min_size=1, max_size=3), min_size=1, max_size=8)


def first_starting(words, text, pos, limit=None):
    return next((w for w in words if text.startswith(w, pos) and (limit is None or pos + len(w) <= limit)), None)


def first_ending(words, text, end, start):
    return next((w for w in words if text.endswith(w, start, end) and end - len(w) >= start), None)


def next_from(words, first, matches):
    return next((i for i in range(first, len(words)) if matches(words[i])), None)


@settings(max_examples=300)
@given(WORDS, st.text(alphabet=ALPHABET, max_size=12), st.data())
def test_word_list_matches_as_the_loops_did(words, text, data):
    listed = WordList(tuple(words))
    pos = data.draw(st.integers(0, len(text)))
    start = data.draw(st.integers(0, pos))
    first = data.draw(st.integers(0, len(words)))
    assert listed.starting_at(text, pos) == first_starting(words, text, pos)
    assert listed.starting_at(text, start, pos) == first_starting(words, text, start, pos)
    assert listed.ending_at(text, pos, start) == first_ending(words, text, pos, start)
    assert listed.next_starting_at(text, pos, first) == next_from(words, first, lambda w: text.startswith(w, pos))
    assert listed.next_ending_at(text, pos, first) == next_from(words, first, lambda w: text.endswith(w, 0, pos))


def step_clause_start(text, pos, floor, breaks):
    index = pos - 1
    while index >= floor and not phrases.is_break(text, index, breaks):
        index -= 1
    return index + 1


def step_clause_end(text, pos, ceiling, breaks):
    index = pos
    while index < ceiling and not phrases.is_break(text, index, breaks):
        index += 1
    return index


@settings(max_examples=300)
@given(st.text(alphabet=ALPHABET, max_size=20), st.data())
def test_clauses_are_found_as_the_character_steps_found_them(text, data):
    pos = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, len(text)))
    for breaks in (CLAUSE_BREAKS, ITEM_BREAKS):
        assert clause_start(text, pos, floor, breaks) == step_clause_start(text, pos, floor, breaks)
        assert clause_end(text, pos, floor, breaks) == step_clause_end(text, pos, floor, breaks)


def test_a_stray_comma_before_the_list_mark_is_no_break():
    text = "青禾区新建厂房,、东岚县新增企业5家"
    assert clause_start(text, text.index("5"), 0, CLAUSE_BREAKS) == 0
    assert clause_start(text, text.index("5"), 0, ITEM_BREAKS) == text.index("东")


def tried_in_turn(text: str, pos: int) -> UnitMatch | None:
    """The unit loop the one alternation replaced (small change left out)."""
    if text[pos:pos + 1] == " ":
        pos += 1
    for written, unit, family, factor in UNITS:
        if text.startswith(written, pos):
            return UnitMatch(unit, family, pos + len(written), factor)
    for written, unit, family in LATIN_UNITS:
        end = pos + len(written)
        after = text[end:end + 1]
        if text.startswith(written, pos) and not (after.isascii() and after.isalnum()):
            return UnitMatch(unit, family, end)
    for measure in sorted(MEASURES, key=len, reverse=True):
        if text.startswith(measure, pos):
            return UnitMatch(MEASURES[measure] or "", "count", pos + len(measure), measure=measure)
    return None


UNIT_TEXT = st.lists(st.sampled_from(
    [w for w, *_ in UNITS] + [w for w, *_ in LATIN_UNITS] + list(MEASURES) + ["h", "2", " ", "项目", "人员"]),
    max_size=4).map("".join)


@settings(max_examples=300)
@given(UNIT_TEXT)
def test_units_are_matched_as_the_loop_matched_them(text):
    expected = tried_in_turn(text, 0)
    found = match_unit(text, 0)
    if expected is not None and expected.unit == "CNY":
        assert found is not None and (found.unit, found.family) == ("CNY", "money")  # 元 reads its small change
    else:
        assert found == expected


def rightmost_cue(text, start, floor):
    begin, best = max(floor, start - kinds.CUE_WINDOW), None
    for cue, kind in MONEY_CUES:
        found = text.rfind(cue, begin, start)
        if found >= 0 and (best is None or found + len(cue) > best[1]
                           or (found + len(cue) == best[1] and found < best[0])):
            best = (found, found + len(cue), kind)
    return best


@settings(max_examples=300)
@given(st.lists(st.sampled_from([cue for cue, _ in MONEY_CUES] + ["总", "额", "，", "达"]), max_size=6).map("".join),
       st.data())
def test_the_money_cue_is_the_rightmost_as_before(text, data):
    start = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, start))
    assert kinds.money_cue(text, start, floor) == rightmost_cue(text, start, floor)


def stripped_in_turn(phrase: str) -> bool:
    """is_generic as it was: every generic word in turn, from the start or the end."""
    rest = phrase
    for noun, _ in COUNTED_NOUNS:
        if rest.endswith(noun):
            rest = rest[: -len(noun)]
            break
    changed = True
    while changed and rest:
        changed = False
        for word in GENERIC_BY_LENGTH:
            if rest.startswith(word):
                rest, changed = rest[len(word):], True
            elif rest.endswith(word):
                rest, changed = rest[: -len(word)], True
    return len(rest) < 2


@settings(max_examples=300)
@given(st.lists(st.sampled_from(list(GENERIC_BY_LENGTH) + ["项目", "物流", "港", "一批"]), max_size=5).map("".join))
def test_generic_phrases_are_stripped_as_before(phrase):
    assert phrases.is_generic(phrase) == stripped_in_turn(phrase)


def test_fictional_sentences_take_and_skip_the_fast_paths():
    text = "青禾区重点项目总投资5亿元，东岚县新开工项目12个，澜溪区开工率达到98.5%"
    assert match_unit(text, text.index("5") + 1) is None  # 亿 is no unit: the first-character test
    assert match_unit(text, text.index("5亿") + 2).unit == "CNY"
    assert kinds.money_cue(text, text.index("5亿"), 0) == (text.index("总投资"), text.index("5亿"), "investment")
    assert phrases.is_generic("重点项目") and not phrases.is_generic("北原物流港项目")
