"""COMPANY rules: legal suffixes, industry words, signing lists."""

from __future__ import annotations

import pytest

from hynlp.document import Document
from hynlp.entities import EntityTagger
from hynlp.normalize.fixers import Normalizer
from hynlp.segment import Segmenter


@pytest.fixture(scope="module")
def companies():
    normalizer, segmenter, tagger = Normalizer(), Segmenter(), EntityTagger()

    def run(text: str, kind: str = "COMPANY") -> set[str]:
        doc = tagger(segmenter(Document(doc_id="c", raw=text, normalized=normalizer(text))))
        return {e.text for e in doc.entities if e.type == kind}
    return run


def test_legal_and_group_suffixes(companies):
    text = ("山东鲁晟新材料股份有限公司与锦河城投集团签约，泰恒人寿保险、齐鲁农商银行和"
            "恒信（山东）有限公司提供金融支持。")
    assert companies(text) == {"山东鲁晟新材料股份有限公司", "锦河城投集团", "泰恒人寿保险", "齐鲁农商银行",
                               "恒信（山东）有限公司"}


def test_industry_words_need_a_place_or_a_title(companies):
    assert companies("与江苏汇川科技、浙江华瑞控股签约。") == {"江苏汇川科技", "浙江华瑞控股"}
    assert companies("汇川科技董事长李明说。") == {"汇川科技"}
    assert companies("发展金融科技，培育生物医药高科技产业集群。") == set()


def test_members_of_a_signing_list(companies):
    text = "此行共拜访了上海恒和集团、江苏泰康人寿保险、浙江恒锐……多家企业表达了投资意向。"
    assert companies(text) == {"上海恒和集团", "江苏泰康人寿保险", "浙江恒锐"}


@pytest.mark.parametrize("text", [
    "该公司负责人介绍，子公司和分公司都已投产。",
    "大部分银行已出台细则，市民可持银行卡办理。",
    "打造现代服务业产业集群，推动企业集团化发展。",
    "企业集团和产业集团加快转型。",
])
def test_generic_company_words_are_not_companies(companies, text):
    assert companies(text) == set()


def test_a_company_inside_a_project_name_stays_in_the_project(companies):
    text = "推进江苏恒晶光电有限公司年产200万片光学镜片项目建设。"
    assert companies(text) == set()
    assert companies(text, "PROJECT") == {"江苏恒晶光电有限公司年产200万片光学镜片项目"}


def test_short_name_gets_the_full_name_as_canonical():
    normalizer, tagger = Normalizer(), EntityTagger()
    text = "江苏永鼎集团股份有限公司副总裁一行来访，希望永鼎集团在我县投资。"
    doc = tagger(Document(doc_id="c", raw=text, normalized=normalizer(text)))
    assert [(e.text, e.canonical) for e in doc.entities if e.type == "COMPANY"] == [
        ("江苏永鼎集团股份有限公司", None), ("永鼎集团", "江苏永鼎集团股份有限公司")]


def test_a_list_that_says_it_names_companies(companies):
    text = "恒芯科技、绿禾食品、海通物流、远帆新能源等企业参加签约，岚州银行锦河支行提供授信。"
    assert companies(text) == {"恒芯科技", "绿禾食品", "海通物流", "远帆新能源", "岚州银行锦河支行"}


def test_kinds_of_companies_are_not_companies(companies):
    assert companies("建成后可引进智能装备、汽车零部件等企业50家以上。") == set()


def test_a_representative_is_not_part_of_the_company_name(companies):
    found = companies("签约企业代表青禾市蓝湾新能源科技有限公司总经理周建伟发言。")
    assert found == {"青禾市蓝湾新能源科技有限公司"}


def test_a_platform_short_name_before_group_is_a_company(companies):
    assert companies("会同区住建局、城投集团召开会议。") == {"城投集团"}
    assert companies("该集团公司表示将加快建设。") == set()


def test_state_construction_bureaus_are_companies(companies):
    found = companies("中建十二局、中铁二十八局与中交第九公路工程局签约，中交二十航务局也到场。")
    assert found == {"中建十二局", "中铁二十八局", "中交第九公路工程局", "中交二十航务局"}


def test_a_speaker_is_not_part_of_a_company():
    normalizer, tagger = Normalizer(), EntityTagger()
    doc = tagger(Document(doc_id="c", raw="他说青禾科技有限公司已签约。", normalized=normalizer("他说青禾科技有限公司已签约。")))
    assert {e.text for e in doc.entities if e.type == "COMPANY"} == {"青禾科技有限公司"}


def test_ji_in_the_last_member_of_a_company_list_joins_two_companies(companies):
    assert companies("签约仪式上，青禾启明、松涛远帆及北原恒达等3家企业现场签约。") == {"北原恒达", "松涛远帆", "青禾启明"}


def test_a_company_named_by_its_level_and_generic_words(companies):
    # A county's or province's own platform company, written with the bare level character.
    text = "省交通投资集团有限公司总经理周明远发言，县城乡建设投资有限公司、县自然资源局作表态发言。"
    assert companies(text) == {"省交通投资集团有限公司", "县城乡建设投资有限公司"}
    # A bare level character before a short generic word, or not at a name edge, names no company.
    assert companies("全县有限公司数量增长，县投资有限公司不多。") == set()


def test_a_brand_the_trimming_took_for_an_adverb(companies):
    # 长远/d 食品: dropping the brand would leave only an industry word.
    assert companies("东岚县与长远食品有限公司举行签约仪式。") == {"长远食品有限公司"}
    assert companies("积极引进食品有限公司。") == {"食品有限公司"}  # unchanged: 积极 is a stop word
