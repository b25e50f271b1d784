"""PROJECT rules: named heads, stages, build context, lists, generic phrases."""

from __future__ import annotations

import pytest

from hynlp.document import Document
from hynlp.entities import EntityTagger
from hynlp.normalize.fixers import Normalizer
from hynlp.segment import Segmenter


@pytest.fixture(scope="module")
def projects():
    normalizer, segmenter, tagger = Normalizer(), Segmenter(), EntityTagger()

    def run(text: str) -> set[str]:
        doc = tagger(segmenter(Document(doc_id="p", raw=text, normalized=normalizer(text))))
        return {e.text for e in doc.entities if e.type == "PROJECT"}
    return run


@pytest.mark.parametrize("text, name", [
    ("今年将抓好鲁中新材料扩产能项目，打造一流产业集群。", "鲁中新材料扩产能项目"),
    ("在国网锦河电力调度中心建设项目里，塔吊林立。", "国网锦河电力调度中心建设项目"),
    ("记者来到位于兴华街道的泉城妇幼保健院项目，主体已完工。", "泉城妇幼保健院项目"),
    ("在滨河路（建设路至和平路）改造提升工程现场，工人正在施工。", "滨河路（建设路至和平路）改造提升工程"),
    ("加快建设锦河数字经济产业园二期。", "锦河数字经济产业园二期"),
    ("临港物流园项目一期已竣工验收。", "临港物流园项目"),  # the phase of the project
])
def test_named_projects_without_verbs_or_quantities(projects, text, name):
    assert projects(text) == {name}


def test_a_subdistrict_before_the_name_is_a_place(projects):
    assert projects("在长青街道恒隆广场项目内，装修正在进行。") == {"恒隆广场项目"}


def test_an_institution_keeps_its_district(projects):
    assert projects("先后来到锦河区人民医院新院区项目现场。") == {"锦河区人民医院新院区项目"}


def test_a_generic_kind_of_works_is_named_by_its_place(projects):
    assert projects("督导东城街道老旧小区改造工程。") == {"东城街道老旧小区改造工程"}


def test_capacity_and_owner_belong_to_the_name(projects):
    assert projects("推进年产5万吨高性能复合材料项目建设。") == {"年产5万吨高性能复合材料项目"}


def test_weak_heads_need_a_clause_that_builds(projects):
    assert projects("打造全国重要的光伏组件生产基地，培育新的增长极。") == set()
    assert projects("锦河智能制造产业园昨日正式开工。") == {"锦河智能制造产业园"}


def test_list_members(projects):
    found = projects("开工仪式上，弥河生态修复工程、青州经济开发区智能制造产业园、王坟镇乡村振兴示范片区等项目集中开工。")
    assert found == {"弥河生态修复工程", "青州经济开发区智能制造产业园", "王坟镇乡村振兴示范片区"}
    assert projects("签约了鲁西化工新材料项目、齐鲁制药研发中心两个项目。") == {"鲁西化工新材料项目", "齐鲁制药研发中心"}


def test_uncounted_list_of_existing_places_keeps_only_project_like_members(projects):
    found = projects("新商圈将串联起泰和广场、万隆广场、滨江商区、北站交通综合体等一批项目。")
    assert found == {"北站交通综合体"}


@pytest.mark.parametrize("text", [
    "全县重大项目陆续复工，在建项目进展顺利。",
    "今年共安排总投资560亿元的88个省市区重点项目。",
    "该项目一期主体封顶，二期同步推进。",
    "全年计划引进过亿元项目30个，落地签约项目45个以上。",
    "工地上工程车往来穿梭，工程师现场指导。",
    "坚持拼项目、比项目，推动优质项目落地。",
    "要实施“企业专利试点工程”，这是一项系统工程。",
    "通报了一季度全市重点项目建设情况。",
    "储备了新能源、新材料、现代物流等行业的好项目。",
])
def test_generic_project_phrases_are_not_entities(projects, text):
    assert projects(text) == set()


def test_a_route_name_keeps_both_ends(projects):
    assert projects("加快推进锦河至临河快速路工程建设。") == {"锦河至临河快速路工程"}


def test_a_town_before_a_kind_of_works_belongs_to_the_name(projects):
    assert projects("在白石镇乡村振兴示范片区项目，农田建设正酣。") == {"白石镇乡村振兴示范片区项目"}
    assert projects("兴隆街道纺织厂宿舍改造项目通过验收。") == {"兴隆街道纺织厂宿舍改造项目"}


@pytest.mark.parametrize("text", [
    "截至目前，县内重点项目全部复工。",
    "锦河区新能源项目、锦河区招商引资项目进展顺利。",
    "全区87个在建重点项目中，已有79个复工。",
])
def test_a_place_with_modifiers_names_no_project(projects, text):
    assert projects(text) == set()


def test_a_park_of_a_named_kind_with_its_stage(projects):
    assert projects("目前，新能源产业园二期正在加紧建设。") == {"新能源产业园二期"}


@pytest.mark.parametrize("text", [
    "区长钱立群和项目投资方代表刘某发言。",  # 和 before the head: the projects, bare
    "在长河地区招商引资和项目推介会上签约。",
    "我区举行2021年首轮项目集中开工仪式。",  # a round, a season, a signing form: a batch
    "参加全市首轮新基建项目集中开工活动。",
    "签订合作框架性协议项目5个。",
    "2023年云岭市松林县秋季线上项目签约大会召开。",
    "在溪口回族区集中开工定点项目现场。",
])
def test_batches_and_bare_heads_are_not_projects(projects, text):
    assert projects(text) == set()


def test_a_capacity_written_before_the_name_belongs_to_it(projects):
    found = projects("洽谈了3万吨碳纤维拉丝项目、松涛智能仓储项目。")
    assert found == {"3万吨碳纤维拉丝项目", "松涛智能仓储项目"}


def test_a_working_group_before_the_name_is_not_part_of_it(projects):
    assert projects("随着第二拆迁小组松柏巷项目最后一户签约。") == {"松柏巷项目"}


@pytest.mark.parametrize("text, name", [
    ("竣工项目分别是：亿丰诚智能装备项目、青禾精密铸件项目。", "亿丰诚智能装备项目"),
    ("签约的还有余家坪丰泰公司新型建材项目。", "余家坪丰泰公司新型建材项目"),
])
def test_a_name_may_open_with_a_magnitude_character(projects, text, name):
    # 亿, 余 and 万 never open a number, so they do not end a name's left edge.
    assert name in projects(text)


def test_kinds_of_building_work_are_not_projects(projects):
    assert projects("目前松涛县文体中心项目正在进行桩基和土方工程，综合楼正在进行装饰工程。") == {"松涛县文体中心项目"}


def test_a_park_hosting_an_event_is_its_venue(projects):
    assert projects("东岚县项目集中签约仪式在东岚临河工业园隆重举行，签约项目5个。") == set()


@pytest.mark.parametrize("text, names", [
    ("本次签约项目分别是青禾智能装备制造、东岚冷链物流园和澜溪文旅综合体。",
     {"青禾智能装备制造", "东岚冷链物流园", "澜溪文旅综合体"}),
    ("集中开工的项目包括：北原污水处理厂扩建、松涛大道改造提升和岚州数据中心。",
     {"北原污水处理厂扩建", "松涛大道改造提升", "岚州数据中心"}),
    ("签约项目共3个，分别为总投资2亿元的青禾光伏组件、总投资1亿元的东岚生物制药。",
     {"青禾光伏组件", "东岚生物制药"}),
])
def test_a_list_introduced_after_projects_names_projects(projects, text, names):
    assert projects(text) == names


@pytest.mark.parametrize("text", [
    "项目涉及的领域包括新能源、新材料和生物医药。",
    "参加活动的企业分别是青禾科技、东岚农业和澜溪物流。",
])
def test_a_list_of_fields_or_firms_names_no_projects(projects, text):
    assert projects(text) == set()


def test_a_capacity_before_a_product_list_belongs_to_the_name(projects):
    found = projects("签约的岚州丰源集团有限公司年产8万吨有机肥及生物菌剂加工项目进展顺利。")
    assert found == {"岚州丰源集团有限公司年产8万吨有机肥及生物菌剂加工项目"}


def test_a_name_with_a_conjunction_character_keeps_its_stage(projects):
    assert projects("松和酒业二期正式开工。") == {"松和酒业二期"}


def test_a_site_after_the_project_is_not_part_of_it(projects):
    found = projects("调研组先后来到青禾区东岚农产品冷链物流项目建设工地、松涛城市综合体等建设项目施工现场。")
    assert found == {"青禾区东岚农产品冷链物流项目", "松涛城市综合体"}


@pytest.mark.parametrize("text, name", [
    ("他说青禾智能产业园将于下月开工。", "青禾智能产业园"),
    ("她表示东岚新能源产业园已开工。", "东岚新能源产业园"),
])
def test_a_speaker_is_not_part_of_a_project(text, name):
    normalizer, tagger = Normalizer(), EntityTagger()
    doc = tagger(Document(doc_id="p", raw=text, normalized=normalizer(text)))  # no tokens: the word lists alone
    assert {e.text for e in doc.entities if e.type == "PROJECT"} == {name}


def test_the_parts_of_one_project_are_not_projects(projects):
    assert projects("该项目总投资9亿元，包括青禾商业广场、澜溪写字楼和住宅。") == set()


def test_a_single_phrase_after_an_intro_is_no_list(projects):
    assert projects("他介绍了青禾区项目有关情况。") == set()


def test_a_member_of_a_list_of_headed_projects_keeps_its_list_edge(projects):
    # The segmenter reads 安瓿瓶 as a verb; the list marks bound the name all the same.
    text = "一行先后走访了澜溪恒达新能源汽车项目、青禾玻璃安瓿瓶项目、北原总机退城入园项目。"
    assert {"澜溪恒达新能源汽车项目", "青禾玻璃安瓿瓶项目", "北原总机退城入园项目"} <= projects(text)
    closed = projects("签约了青禾光伏电站项目、东岚精密刀具生产项目等10余个意向项目。")
    assert closed == {"青禾光伏电站项目", "东岚精密刀具生产项目"}


def test_an_inner_list_member_opening_with_a_verb_like_word(projects):
    text = "深入青禾智造园、织布产业园、东岚冷链中心等8个项目现场调研。"
    assert "织布产业园" in projects(text)


def test_a_long_product_phrase_after_a_capacity_stays_in_the_name(projects):
    text = "分别是总投资5亿元的岚州青木涂料年产3.5万吨高性能工业涂料及检测工程中心项目，总投资2亿元的松涛恒远电子产品生产项目。"
    assert "岚州青木涂料年产3.5万吨高性能工业涂料及检测工程中心项目" in projects(text)


def test_a_slogan_verb_before_project_is_no_name(projects):
    assert not projects("各部门要树牢项目为先理念，全力推进项目建设。")


def test_the_speakers_own_unit_is_not_part_of_a_project(projects):
    assert projects("我区青禾花园二期安置房项目开工，我县澜溪大道改造工程同步推进。") == {
        "青禾花园二期安置房项目", "澜溪大道改造工程"}
    # 我区项目, 重视项目: the district's projects in general, no name.
    assert projects("区长周明远在分会场报告我区项目开工情况，东岚县委、县政府高度重视项目工作。") == set()


@pytest.mark.parametrize("text, names", [
    # A batch verb or an "among the key works" phrase before the first member is no part of it.
    ("同时集中开工岚山庄园二期、澜溪绕城公路等2个重点项目。", {"岚山庄园二期", "澜溪绕城公路"}),
    ("33个重点工程中澜溪大道、青禾路北延等21个项目已复工。", {"澜溪大道", "青禾路北延"}),
    # Without a count, 项目中 is inside the name: 中水 is reclaimed water.
    ("走访了青禾热电联产项目中水管网铺设工程、松涛大桥等2个项目。", {"青禾热电联产项目中水管网铺设工程", "松涛大桥"}),
    # A title inside a member opens the list: the official reports on the projects.
    ("县委常委、常务副县长周明远对青禾文化创意产业园、松涛冷链物流仓储项目等3个项目情况进行了通报。",
     {"青禾文化创意产业园", "松涛冷链物流仓储项目"}),
    # A one-character joiner inside a member stays: the member is one name.
    ("松涛大桥、北原路与青禾路交叉口改造工程等2个项目开工。", {"北原路与青禾路交叉口改造工程", "松涛大桥"}),
])
def test_the_first_list_member_starts_after_a_clause(projects, text, names):
    assert projects(text) == names


@pytest.mark.parametrize("text, names", [
    # Two parallel short words joined by 、 inside one name.
    ("青禾电子高频、高速覆铜板项目正式开工。", {"青禾电子高频、高速覆铜板项目"}),
    ("签约松涛食品生产、销售项目。", {"松涛食品生产、销售项目"}),
    # A noun or a proper name after the 、 may open a second project: not joined.
    ("会上签约了青禾智能装备、松涛冷链物流项目。", {"松涛冷链物流项目"}),
])
def test_a_list_mark_between_parallel_words_stays_inside_the_name(projects, text, names):
    assert projects(text) == names


def test_venues_in_an_uncounted_list_are_projects_when_the_clause_builds(projects):
    assert projects("集中开工的青禾广场、澜溪公园等项目进展顺利。") == {"青禾广场", "澜溪公园"}
    assert projects("走访了青禾广场、松涛商城等项目周边商户。") == set()


@pytest.mark.parametrize("text, names", [
    # A lone numeral opens a brand: 三郑, 九岭 are names, not counts.
    ("投资2600万元的三郑众鑫服务大楼项目开工。", {"三郑众鑫服务大楼项目"}),
    # An inner member's first word the segmenter calls a verb stays in the name.
    ("青禾镇集中动工项目共有2个，包括松涛科技园项目、大成智造产业园项目。", {"松涛科技园项目", "大成智造产业园项目"}),
    # 举办 governs the event, never opens a name; 三个 counts.
    ("松涛镇举办重点项目集中签约仪式，三个项目已开工。", set()),
])
def test_numerals_and_verbs_that_open_names(projects, text, names):
    assert projects(text) == names


@pytest.mark.parametrize("text, names", [
    # A generic part after 及 names nothing alone: the name is the whole phrase.
    ("签约项目分别是：东岚县中药材种植基地及生产加工项目，总投资1亿元。", {"东岚县中药材种植基地及生产加工项目"}),
    # A person before 及 stays out: 青禾科技 is a name of its own.
    ("李国华及青禾科技项目负责人参加。", {"青禾科技项目"}),
    # The rest of a kind, a generic kind, an event verb: no name.
    ("推动澜溪土地整治项目建设，跟进澜溪基础设施及其他优质建设项目。", {"澜溪土地整治项目"}),
    ("棚户区改造项目是民生工程、发展工程，也在公益性项目等方面合作。", set()),
    ("东岚县人民政府在县委综合楼隆重举行合作项目集中签约仪式。", set()),
])
def test_joints_and_generic_kinds(projects, text, names):
    assert projects(text) == names


def test_a_campaign_slogan_is_no_project(projects):
    assert projects("青禾街道迅速掀起大干项目热潮。") == set()


def test_a_production_verb_ends_a_plant_name(projects):
    text = "签约项目分别是：澜溪景区开发建设项目，总投资1.2亿；青禾鑫通马鹿驯养项目，总投资992万。"
    assert projects(text) == {"澜溪景区开发建设项目", "青禾鑫通马鹿驯养项目"}


def test_a_venue_word_alone_is_no_name(projects):
    # 依然/d is the brand: trimming it would leave the bare venue word.
    assert projects("依然广场项目完成签约。") == {"依然广场项目"}
    assert projects("工人们在广场项目现场施工，项目已开工。") == set()


@pytest.mark.parametrize("text", [
    "常务副县长李国华督查重点项目建设进度。",
    "深入白石镇、东岚湖督查重点项目建设。",
    "区长周明远带领发改等部门负责人督办重点项目。",
])
def test_an_inspection_is_no_project(projects, text):
    assert not [p for p in projects(text) if "督" in p or "带" in p]


def test_a_meeting_on_a_project_is_not_part_of_its_name(projects):
    # 就 (about) ends the context before the project: 来白石|就…项目…召开会议.
    found = projects("区长李国华来白石就青禾大道东延工程的征迁工作召开专题会议。")
    assert not [p for p in found if "就" in p]
    assert "县就业服务中心项目" in projects("县就业服务中心项目开工。")
