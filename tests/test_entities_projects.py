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
    ("在国网锦河电力调度中心建设项目内，工程车不停进出。", "国网锦河电力调度中心建设项目"),
    ("记者走进位于兴华街道的泉城国际医院项目，主体已完工。", "泉城国际医院项目"),
    ("在滨河路（建设路至和平路）改造提升工程现场，工人正在施工。", "滨河路（建设路至和平路）改造提升工程"),
    ("加快建设锦河数字经济产业园二期。", "锦河数字经济产业园二期"),
    ("临港物流园项目一期已建成投产。", "临港物流园项目一期"),
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
    assert projects("打造亚洲最大碳化硅生产基地，建设国内领先的创新技术产业高地。") == set()
    assert projects("锦河智能制造产业园昨日正式开工。") == {"锦河智能制造产业园"}


def test_list_members(projects):
    found = projects("开工仪式上，弥河生态修复工程、青州经济开发区智能制造产业园、王坟镇乡村振兴示范片区等项目集中开工。")
    assert found == {"弥河生态修复工程", "青州经济开发区智能制造产业园", "王坟镇乡村振兴示范片区"}
    assert projects("签约了鲁西化工新材料项目、齐鲁制药研发中心两个项目。") == {"鲁西化工新材料项目", "齐鲁制药研发中心"}


def test_uncounted_list_of_existing_places_keeps_only_project_like_members(projects):
    found = projects("该项目将融合和谐广场、连城广场、新世纪商区、东站交通枢纽综合体等项目。")
    assert found == {"东站交通枢纽综合体"}


@pytest.mark.parametrize("text", [
    "一个接一个重大项目接连开工，一批批在建项目如火如荼。",
    "精心谋划总投资3140亿元的216个省市区重点项目。",
    "目前项目一期已建成投产，二期正加快建设。",
    "今年至少引进10个以上过亿元项目，确保签约落地项目90个以上。",
    "一辆辆工程车不停进出，工程师现场指导。",
    "抓项目就是抓发展，谋项目就是谋未来，大项目好项目竞相落地。",
    "要实施“企业专利试点工程”，这是一项系统工程。",
    "通报了一季度全市重点项目建设情况。",
    "专项策划50个以上医养健康、半导体、高品质消费等领域的优质项目。",
])
def test_generic_project_phrases_are_not_entities(projects, text):
    assert projects(text) == set()
