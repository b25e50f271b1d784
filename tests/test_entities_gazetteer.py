"""Gazetteers: the shipped lists, user files, and the lookup rule."""

from __future__ import annotations

import pytest

from hynlp.entities.boundaries import NameScanner
from hynlp.entities.candidates import CandidatePool
from hynlp.entities.gazetteer import Gazetteer
from hynlp.entities.lexicon import WordLists
from hynlp.entities.lookup import GazetteerRule
from hynlp.errors import ConfigError


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def test_shipped_places_cover_provinces_and_prefectures(gazetteer):
    places = [e for e in gazetteer.entries() if e.type == "PLACE"]
    provinces = [e for e in places if e.name.endswith(("省", "自治区", "特别行政区")) or e.name in
                 ("北京市", "天津市", "上海市", "重庆市")]
    assert len(provinces) == 34
    assert {"济南市", "苏州市", "延边朝鲜族自治州", "阿克苏地区"} <= {e.name for e in places}
    assert gazetteer.lookup("山东") == (next(e for e in places if e.name == "山东省"), True)


def test_ambiguous_short_forms_are_not_shipped(gazetteer):
    # 来宾 (guests), 白银 (silver), 开封 (to unseal) stay full names only.
    assert gazetteer.lookup("来宾") is None and gazetteer.lookup("白银") is None
    assert gazetteer.lookup("开封市") is not None


def test_find_is_leftmost_longest(gazetteer):
    matches = [(m.text, m.entry.name) for m in gazetteer.find("长三角和京津冀、国家发改委")]
    assert matches == [("长三角", "长三角"), ("京津冀", "京津冀"), ("国家发改委", "国家发展和改革委员会")]


def test_user_file_entries_override_and_add(tmp_path):
    path = tmp_path / "user.txt"
    path.write_text("# my list\nCOMPANY\t泰和新材\t泰和\nPROJECT\t黄河大桥工程\n", encoding="utf-8")
    gaz = Gazetteer.load([str(path)])
    assert gaz.lookup("泰和")[0].name == "泰和新材"
    assert gaz.lookup("黄河大桥工程")[0].type == "PROJECT"


@pytest.mark.parametrize("line", ["COMPANY", "FIRM\t某某", "COMPANY\t\t", "PLACE\ta\tb\tc"])
def test_malformed_lines_are_errors(tmp_path, line):
    path = tmp_path / "bad.txt"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 1"):
        Gazetteer.load([str(path)])


def test_missing_user_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        Gazetteer.load([str(tmp_path / "nope.txt")])


def lookup(text: str) -> list[tuple[str, str, str | None]]:
    words = WordLists.read("entity_words.txt")
    pool = CandidatePool(text, [])
    GazetteerRule(Gazetteer.load(), NameScanner(words))(pool)
    return [(c.type, c.text(text), c.canonical) for c in pool.candidates]


def test_short_forms_need_boundaries_on_both_sides():
    assert lookup("考察团先赴南京，再到无锡和常州。") == [
        ("PLACE", "南京", "南京市"), ("PLACE", "无锡", "无锡市"), ("PLACE", "常州", "常州市")]
    assert lookup("浙江大学和魅力青岛等品牌") == []


def test_company_brand_with_place_or_bureau():
    assert lookup("投运后将是国网江苏最大的储能站，中建八局承建。") == [
        ("COMPANY", "国网江苏", None), ("COMPANY", "中建八局", None)]


def test_a_name_whose_last_character_starts_a_word_is_skipped():
    assert lookup("公安部门统计显示") == []
