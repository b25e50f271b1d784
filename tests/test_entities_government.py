"""GOV rules: organs named after a place, departments, working bodies."""

from __future__ import annotations

import pytest

from hynlp.document import Document
from hynlp.entities import EntityTagger
from hynlp.normalize.fixers import Normalizer
from hynlp.segment import Segmenter


@pytest.fixture(scope="module")
def tag():
    normalizer, segmenter, tagger = Normalizer(), Segmenter(), EntityTagger()

    def run(text: str) -> dict[str, set[str]]:
        doc = tagger(segmenter(Document(doc_id="g", raw=text, normalized=normalizer(text))))
        kinds: dict[str, set[str]] = {}
        for e in doc.entities:
            kinds.setdefault(e.type, set()).add(e.text)
        return kinds
    return run


def test_place_organs(tag):
    found = tag("锦河区人民政府与锦河高新区管委会联合发文，中共锦河区委作出部署。")
    assert found["GOV"] == {"锦河区人民政府", "锦河高新区管委会", "中共锦河区委"}


def test_departments_with_a_level_or_a_place(tag):
    found = tag("市发改委、区住建局和锦河区行政审批服务局负责人参加，国家发改委有关司局给予指导。")
    assert found["GOV"] == {"市发改委", "区住建局", "锦河区行政审批服务局", "国家发改委"}
    found = tag("区委组织部、县政府办公室和锦河区人民政府办公室联合印发通知。")
    assert found["GOV"] == {"区委组织部", "县政府办公室", "锦河区人民政府办公室"}


def test_working_body_keeps_its_project(tag):
    found = tag("周末，北关片区城市更新项目指挥部组织专班逐户走访。")
    assert found["GOV"] == {"北关片区城市更新项目指挥部"}
    assert found["PROJECT"] == {"北关片区城市更新项目"}


@pytest.mark.parametrize("text", [
    "市委、市政府高度重视。",
    "县委县政府主要领导出席。",
    "区委书记孙某某、区长王某某分别讲话。",
    "项目指挥部统筹推进。",
    "中央和四大班子领导关心项目建设。",
])
def test_bare_organs_and_titles_are_not_gov(tag, text):
    assert "GOV" not in tag(text)


def test_national_organs(tag):
    assert tag("国务院常务会议审议通过，工信部、财政部联合印发通知。")["GOV"] == {"国务院", "工信部", "财政部"}


def test_an_organ_before_a_title_is_an_organ_unless_the_title_takes_its_unit(tag):
    assert tag("锦河经济开发区管委会主任冯志刚介绍情况。")["GOV"] == {"锦河经济开发区管委会"}
    found = tag("北园街道党工委书记周文斌介绍情况。")
    assert "GOV" not in found and found["PLACE"] == {"北园街道"}


def test_housing_and_inspection_offices(tag):
    found = tag("市房管局主动靠前服务，东岚县督查办随后开展督查。")
    assert found["GOV"] == {"市房管局", "东岚县督查办"}


@pytest.mark.parametrize("text, organ", [
    ("据市区城中村改造指挥部办公室统计，签约率过九成。", "市区城中村改造指挥部办公室"),
    ("青禾区棚户区改造指挥部召开调度会。", "青禾区棚户区改造指挥部"),
    ("6月2日，示范区督查办组织住建局等单位开展督查。", "示范区督查办"),
])
def test_working_bodies_named_by_a_task(tag, text, organ):
    assert organ in tag(text)["GOV"]


@pytest.mark.parametrize("text", [
    "王某对青园区人民政府一直以来的支持表示感谢。",
    "岚州公司与青园区人民政府签约，王某对青园区人民政府表示感谢。",
])
def test_a_preposition_before_an_organ_is_not_part_of_its_name(tag, text):
    # 青园区 is a district (青园 + 区), not a one-character park (青 + 园区).
    assert tag(text)["GOV"] == {"青园区人民政府"}


def test_the_short_office_of_an_organ(tag):
    found = tag("县政府办、青禾区政府办、东岚县委办和水利局负责同志参加会议。")
    # 水利局 after the named county is that county's bureau (see the test below).
    assert found["GOV"] == {"县政府办", "青禾区政府办", "东岚县委办", "水利局"}
    # 县委办主任 is a title; 办公厅 is a longer organ, not 办 + 公厅
    assert tag("县委常委、县委办主任李某出席。").get("GOV", set()) == set()
    assert "市政府办" not in tag("市政府办公厅印发通知。").get("GOV", set())


def test_a_bureau_written_without_its_owner_is_the_named_countys(tag):
    found = tag("东岚县召开防汛工作会议。水利局、应急管理局主要负责人汇报了工作。")
    assert found["GOV"] == {"东岚县", "水利局", "应急管理局"}
    # No county, district or city named: a bare bureau is any bureau.
    assert "GOV" not in tag("各地水利局要加强值守，住建局也要配合。")


def test_the_committee_of_a_countys_own_zone(tag):
    assert tag("东岚县工业集中区管委会介绍重点项目情况。")["GOV"] == {"东岚县工业集中区管委会"}


def test_a_level_after_a_verb_or_a_glued_character_owns_the_department(tag):
    found = tag("参加会议的有区建委、市国土资源局等部门负责人，材料上报区征迁办公室。")
    assert found["GOV"] == {"区建委", "市国土资源局", "区征迁办公室"}


@pytest.mark.parametrize("text", [
    "重建委托协议已签订，创建委员会成立。",
    "项目征迁工作由街道牵头，拆迁办公室设在现场。",
])
def test_no_department_without_an_owner(tag, text):
    assert "GOV" not in tag(text)
