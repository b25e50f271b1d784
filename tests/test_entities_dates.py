"""DATE candidates."""

from hynlp.entities.candidates import CandidatePool
from hynlp.entities.dates import DateRules


def test_dates_and_ranges():
    text = "2023年全年，2月1日至3日赴长三角，1月29日召开会议，3140亿元不是日期。"
    pool = CandidatePool(text, [])
    DateRules()(pool)
    assert [c.text(text) for c in pool.candidates] == ["2023年", "2月1日至3日", "1月29日"]
