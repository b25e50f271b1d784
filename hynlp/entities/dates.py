"""DATE candidates: written calendar dates (not scored, useful for filtering).

>>> import re
>>> [m.group(0) for m in DATE.finditer("2023年全年；2月1日至3日赴长三角；1月29日召开；二〇二三年三月")]
['2023年', '2月1日至3日', '1月29日', '二〇二三年']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hynlp.entities.candidates import PRIORITY_STRUCTURE, Candidate, CandidatePool

_YEAR = r"(?:\d{4}|[〇零一二三四五六七八九]{4})年"
_MONTH_DAY = r"\d{1,2}月\d{1,2}[日号]"
_RANGE = r"(?:[至到—–-](?:\d{1,2}月)?\d{1,2}[日号])?"
DATE = re.compile(rf"(?<!\d){_YEAR}(?:\d{{1,2}}月(?:\d{{1,2}}[日号])?{_RANGE})?|(?<!\d){_MONTH_DAY}{_RANGE}")
# What every date starts with: numerals, then 年 or 月. Opening with a character class,
# it lets the regex engine skip to the next candidate in C; DATE (its lookbehind
# stops that) is then tried only there.
_NUMERAL = r"\d〇零一二三四五六七八九"
DATE_HINT = re.compile(rf"[{_NUMERAL}][{_NUMERAL}]{{0,3}}[年月]")


def dates(text: str) -> Iterator[re.Match[str]]:
    """The same matches as ``DATE.finditer(text)``, found faster.

    >>> [m.group(0) for m in dates("2023年全年；2月1日至3日赴长三角；二〇二三年三月")]
    ['2023年', '2月1日至3日', '二〇二三年']
    """
    pos = 0
    while (hint := DATE_HINT.search(text, pos)) is not None:
        found = DATE.match(text, hint.start())
        if found is None:
            pos = hint.start() + 1
            continue
        yield found
        pos = found.end()


class DateRules:
    def __call__(self, pool: CandidatePool) -> None:
        pool.extend(Candidate("DATE", m.start(), m.end(), rule="date", confidence=0.95,
                              priority=PRIORITY_STRUCTURE) for m in dates(pool.text))
