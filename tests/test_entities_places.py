"""PLACE rules: administrative units, zones, located places, acting units."""

from __future__ import annotations

import pytest

from hynlp.entities.boundaries import NameScanner
from hynlp.entities.candidates import CandidatePool
from hynlp.entities.gazetteer import Gazetteer
from hynlp.entities.lexicon import TitleTable, WordLists
from hynlp.entities.lookup import GazetteerRule
from hynlp.entities.places import PlaceRules, admin_level, admin_short_form
from hynlp.segment import Segmenter


@pytest.fixture(scope="module")
def run():
    words = WordLists.read("entity_words.txt")
    scanner = NameScanner(words, TitleTable.read())
    lookup, places, segmenter = GazetteerRule(Gazetteer.load(), scanner), PlaceRules(words, scanner), Segmenter()

    def places_in(text: str) -> list[tuple[str, str]]:
        pool = CandidatePool(text, segmenter.tokenize(text))
        lookup(pool)
        places(pool)
        return sorted({(c.type, c.text(text)) for c in pool.candidates if c.type in ("PLACE", "GOV")})
    return places_in


def test_administrative_units(run):
    assert run("项目位于兴华街道，涉及西关村、东关村，由白马镇负责。") == [
        ("PLACE", "东关村"), ("PLACE", "兴华街道"), ("PLACE", "白马镇"), ("PLACE", "西关村")]


def test_higher_unit_bounds_a_lower_one(run):
    assert run("地址在山东省济南市长清区。") == [("PLACE", "山东省"), ("PLACE", "济南市"), ("PLACE", "长清区")]


@pytest.mark.parametrize("text", [
    "全区上下齐心协力。",            # 全区: a determiner, not a name
    "农贸市场人头攒动。",            # 市场
    "区委书记到城区检查。",          # 区委, 城区
    "老旧小区改造有序推进。",        # 小区
    "贫困地区和沿海地区。",          # 地区
    "美丽乡村建设和特色小镇。",      # generic kinds of village and town
    "市委、市政府，县委县政府。",    # bare organs
    "该企业成功上市。",              # 上市
    "获得授信后，向县里汇报。",      # 向 is no county name
    "棚户区和建成区面貌一新。",      # generic kinds of area
])
def test_words_ending_in_a_unit_character_are_not_places(run, text):
    assert run(text) == []


def test_zones_and_located_places(run):
    assert run("新材料项目在锦河经济开发区开工，在泉城国际会展中心，签约仪式同步举行。") == [
        ("PLACE", "泉城国际会展中心"), ("PLACE", "锦河经济开发区")]


def test_a_centre_without_a_location_context_is_not_a_place(run):
    assert run("建设检验检测中心和算力中心。") == []


def test_an_acting_county_level_unit_is_gov_everywhere_in_the_article(run):
    text = "锦河区要抓好项目建设。今年锦河区共签约项目40个。项目落户在锦河区。白马镇召开会议。"
    assert set(run(text)) == {("GOV", "锦河区"), ("PLACE", "白马镇")}


def test_a_unit_used_only_as_a_location_stays_place(run):
    assert run("项目落户锦河区，锦河区的发展势头强劲。") == [("PLACE", "锦河区")]


def test_levels_and_short_forms():
    assert admin_level("长清区") == "区" and admin_level("白马镇") == "镇"
    assert admin_level("锦河经济开发区") is None
    assert admin_short_form("长清区") == "长清" and admin_short_form("单县") is None


def test_verbs_of_relevance_and_attendance_are_not_part_of_a_name(run):
    assert run("事关临江生态新区建设的有8项。") == [("PLACE", "临江生态新区")]
    assert run("与会县领导见证签约。") == []


def test_a_park_hosting_an_event_is_a_place(run):
    assert ("PLACE", "澜溪新材料产业园") in run("开工仪式在澜溪新材料产业园隆重举行。")
    assert run("签约仪式在县会议中心举行。") == []  # a hall is a building, not a place


def test_a_road_before_a_zone_is_not_part_of_its_name(run):
    assert run("在青禾大道北原经济开发区段，塔吊林立。") == [("PLACE", "北原经济开发区")]


def test_ethnic_and_autonomous_units_are_whole_places(run):
    found = run("项目位于澜溪回族区，惠及东岚土家族自治县、岚州彝族苗族自治州、北原蒙古族自治旗和松涛满族乡。")
    assert {("PLACE", "澜溪回族区"), ("PLACE", "东岚土家族自治县"), ("PLACE", "岚州彝族苗族自治州"),
            ("PLACE", "北原蒙古族自治旗"), ("PLACE", "松涛满族乡")} <= set(found)
    assert ("PLACE", "惠及东岚土家族自治县") not in found


def test_a_district_whose_name_ends_in_yuan_is_no_park(run):
    assert run("李某与青园区副区长分别代表双方签约。") == [("PLACE", "青园区")]
    assert run("企业入驻园区，全园区产值增长。北园区建成投用。") == []


def test_a_county_after_a_verb_without_a_boundary(run):
    assert ("PLACE", "东岚县") in run("符合东岚县休闲食品之都的发展定位。")


def test_a_street_named_by_a_place_word(run):
    assert ("PLACE", "北原街") in run("王某到北原街调研重点项目，街党委书记陪同。")
    assert run("游客漫步在步行街和美食街。") == []


def test_a_prefecture_short_name_the_segmenter_makes_a_word():
    words = WordLists.read("entity_words.txt")
    rule = GazetteerRule(Gazetteer.from_lines(["PLACE\t岚州市\t岚州"], source="t"), NameScanner(words))
    text = "作为岚州“东进”主战场，建设现代化岚州。印象岚州等品牌和岚州新材料科技公司。"
    pool = CandidatePool(text, Segmenter().tokenize(text))
    rule(pool)
    assert [c.start for c in pool.candidates] == [text.index("岚州"), text.index("岚州。")]


def test_the_whole_of_a_unit_is_not_a_place(run):
    assert run("镇党政班子全体成员、全体镇干部出席仪式。") == []
    assert run("全体干部到松涛镇调研。") == [("PLACE", "松涛镇")]


def test_a_countys_own_zone_is_named_by_the_county(run):
    assert ("PLACE", "东岚县经济开发区") in run("现场会在东岚县经济开发区举行。")
    assert ("PLACE", "东岚县工业集中区") in run("项目落户东岚县工业集中区。")
    # A generic zone word after a county is no zone name.
    assert run("东岚县片区改造加快。") == [("PLACE", "东岚县")]


@pytest.mark.parametrize("text", [
    "共拆除城区铁皮棚9个。",  # a verb before a generic 城区
    "各项指标均高于市平均水平。",  # a verb before a bare level
    "2021年第一季度市招商项目集中签约。",  # a quarter is no unit name
])
def test_a_verb_or_a_period_before_a_generic_unit_is_no_place(run, text):
    assert run(text) == []


def test_the_project_locality_is_no_village(run):
    assert run("项目包保领导、相关部门、项目属地村(社区)要增强责任感。") == []


def test_development_slogans_are_no_places(run):
    assert run("大力实施生态立县、旅游兴县、工业强县战略，坚持人才强市。") == []
    assert run("嘉兴市、永兴县代表参加。") == [("PLACE", "嘉兴市"), ("PLACE", "永兴县")]


def test_market_towns_named_with_ji_or_shi(run):
    # 集镇 and 市镇 are generic words, but a name before them makes a town.
    assert run("观摩组到王集镇、临河镇观摩。") == [("PLACE", "临河镇"), ("PLACE", "王集镇")]
    assert ("PLACE", "青禾市镇") in run("青禾市镇党委书记李国华介绍，青禾市镇今年签约项目5个。")


@pytest.mark.parametrize("text", [
    "加快小集镇建设，各集镇要抓好环境整治，农村集镇面貌改善。",
    "推进典型镇建设，打造示范镇。",
])
def test_generic_towns_are_no_places(run, text):
    assert run(text) == []


def test_a_city_before_its_towns_and_villages(run):
    assert run("岚州市镇村干部参加培训。") == [("PLACE", "岚州市")]
