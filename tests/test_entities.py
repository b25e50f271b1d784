"""EntityTagger end to end: articles written in the genre, every type, officials, negatives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hynlp.config import EntityConfig
from hynlp.document import Document
from hynlp.entities import EntityTagger, officials_from
from hynlp.normalize.fixers import Normalizer
from hynlp.records import Entity
from hynlp.segment import Segmenter

GROUNDBREAKING = (
    "3月18日上午，历城区2023年第一季度重点项目集中开工仪式在华山街道举行。区委书记王家明宣布项目开工，"
    "区委副书记、区长刘晓东主持仪式。本次集中开工的项目共28个，总投资186亿元。其中，中铁建华山片区棚户区改造项目、"
    "济南恒瑞智能装备产业园一期、鲁信科技城二期等8个项目投资超过10亿元。\n"
    "在开工现场，山东鲁晟新材料有限公司董事长赵永刚表示，公司将加快推进年产5万吨高性能复合材料项目建设。\n"
    "据了解，今年历城区共谋划实施省市区重点项目156个，其中新开工项目72个。市领导张立群、李红出席开工仪式。"
)
SIGNING = (
    "4月6日，高新区与浙江华瑞控股集团签署战略合作协议，双方将共同建设华瑞新能源汽车零部件产业基地项目。"
    "高新区党工委书记、管委会主任陈志远，浙江华瑞控股集团总裁孙海波见证签约。此次活动中，深圳拓普电子、"
    "苏州汇川科技、江苏中天钢铁等企业负责人参加座谈。陈志远书记表示，将全力做好要素保障。"
)
RENEWAL = (
    "连日来，明湖区城市更新项目指挥部全力推进北园片区旧村改造工作。截至目前，北园片区旧村改造项目已累计签约1268户。"
    "北园街道党工委书记周文斌介绍，下一步将加快推进西关村、东关村拆迁腾空。“我们坚持阳光征收。”区住建局局长马洪涛说。"
)


@pytest.fixture(scope="module")
def tagger():
    return EntityTagger()


@pytest.fixture(scope="module")
def normalize():
    return Normalizer()


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


@pytest.fixture(scope="module")
def tag(tagger, segmenter, normalize):
    def run(text: str, *, tokens: bool = True) -> Document:
        doc = Document(doc_id="t", raw=text)
        doc.normalized = normalize(text)
        if tokens:
            segmenter(doc)
        return tagger(doc)
    return run


def found(doc: Document, kind: str) -> set[str]:
    return {e.text for e in doc.entities if e.type == kind}


def titles(doc: Document) -> set[tuple[str, str, str | None]]:
    return {(e.text, e.title, e.organization) for e in doc.entities if e.type == "PERSON" and e.title}


def test_groundbreaking_article(tag):
    doc = tag(GROUNDBREAKING)
    assert found(doc, "PROJECT") == {
        "中铁建华山片区棚户区改造项目", "济南恒瑞智能装备产业园一期", "鲁信科技城二期",
        "年产5万吨高性能复合材料项目"}
    assert found(doc, "COMPANY") == {"山东鲁晟新材料有限公司"}
    assert "华山街道" in found(doc, "PLACE")
    assert titles(doc) == {
        ("王家明", "区委书记", "历城区委"),
        ("刘晓东", "区委副书记、区长", "历城区政府"),
        ("赵永刚", "董事长", "山东鲁晟新材料有限公司"),
        ("张立群", "市领导", None),
        ("李红", "市领导", None),
    }


def test_signing_article(tag):
    doc = tag(SIGNING)
    assert found(doc, "COMPANY") == {"浙江华瑞控股集团", "深圳拓普电子", "苏州汇川科技", "江苏中天钢铁"}
    assert found(doc, "PROJECT") == {"华瑞新能源汽车零部件产业基地项目"}
    # the later 陈志远书记 is the same official, with the fuller title
    assert titles(doc) == {
        ("陈志远", "党工委书记、管委会主任", "高新区管委会"),
        ("孙海波", "总裁", "浙江华瑞控股集团"),
    }


def test_renewal_article(tag):
    doc = tag(RENEWAL)
    assert "明湖区城市更新项目指挥部" in found(doc, "GOV")
    assert "区住建局" in found(doc, "GOV")
    assert "北园片区旧村改造项目" in found(doc, "PROJECT")
    assert {"北园街道", "西关村", "东关村"} <= found(doc, "PLACE")
    assert titles(doc) == {("周文斌", "街道党工委书记", "北园街道党工委"), ("马洪涛", "局长", "区住建局")}


def test_district_acting_is_gov_and_place_stays_place(tag):
    doc = tag("新年伊始，锦河区全力冲刺一季度目标。我们来到位于长青街道的一家工厂。锦河区召开项目推进会。")
    assert found(doc, "GOV") == {"锦河区"}
    assert found(doc, "PLACE") == {"长青街道"}


def test_negatives_are_not_entities(tag):
    doc = tag("市委、市政府高度重视，县委县政府全力推进，重大项目、在建项目进展顺利，"
              "该项目一期已投产，全年引进过亿元项目30个，88个省市区重点项目加快建设。区委书记给出了思路。"
              "中央和四大班子领导十分关心。")
    assert [e for e in doc.entities if e.type not in ("DATE",)] == []


def test_officials_from_dedupes_and_splits_titles(tag):
    doc = tag("县委副书记、县长曹建国主持会议。曹建国强调，要抓好项目。县委副书记、县长曹建国作总结。")
    officials = officials_from(doc)
    assert [(o.name, o.titles) for o in officials] == [("曹建国", ["县委副书记", "县长"])]
    assert doc.entities[officials[0].entity].text == "曹建国"


def test_entities_are_sorted_and_offsets_map_to_raw(tag):
    raw = "區委書記王家明調研，在華山街道恒隆廣場項目內察看。"
    doc = tag(raw)
    starts = [e.start for e in doc.entities]
    assert starts == sorted(starts)
    for entity in doc.entities:
        assert doc.text[entity.start:entity.end] == entity.text
        assert 0 <= entity.raw_start < entity.raw_end <= len(raw)
    assert ("PROJECT", "恒隆广场项目") in {(e.type, e.text) for e in doc.entities}


def test_without_tokens_the_rules_still_work(tag):
    doc = tag(SIGNING, tokens=False)
    assert "华瑞新能源汽车零部件产业基地项目" in found(doc, "PROJECT")
    assert ("孙海波", "总裁", "浙江华瑞控股集团") in titles(doc)


def test_short_form_mentions_are_opt_in(normalize):
    text = "锦河区召开推进会。锦河将加快建设。"
    doc = Document(doc_id="t", raw=text, normalized=normalize(text))
    plain = EntityTagger()(doc)
    assert [e.text for e in plain.entities] == ["锦河区"]
    doc = Document(doc_id="t", raw=text, normalized=normalize(text))
    with_short = EntityTagger(short_form_mentions=True)(doc)
    assert [(e.text, e.canonical) for e in with_short.entities] == [("锦河区", None), ("锦河", "锦河区")]


def test_user_gazetteer_adds_names(tmp_path, normalize):
    path = tmp_path / "mine.txt"
    path.write_text("COMPANY\t鼎新重工\n", encoding="utf-8")
    text = "我们与鼎新重工达成合作。"
    doc = Document(doc_id="t", raw=text, normalized=normalize(text))
    doc = EntityTagger(EntityConfig(gazetteers=(str(path),)))(doc)
    assert [(e.type, e.text, e.source) for e in doc.entities] == [("COMPANY", "鼎新重工", "gazetteer")]


def test_entities_from_an_earlier_component_are_fused(tagger, normalize):
    text = "某某新材料产业园开工建设。"
    doc = Document(doc_id="t", raw=text, normalized=normalize(text))
    first = tagger(doc).entities
    assert first and first[0].text == "某某新材料产业园"
    # The model agreeing with a rule confirms it: same entity, higher confidence.
    doc.entities = [first[0].model_copy(update={"source": "model", "confidence": 0.6})]
    (confirmed,) = tagger(doc).entities
    assert confirmed.source == "rule" and confirmed.rule.endswith("+model") and confirmed.confidence > first[0].confidence
    # A model span crossing a rule's span loses: the rules decide where they spoke.
    doc.entities = [first[0].model_copy(update={"end": 9, "text": "某某新材料产业园开", "source": "model"})]
    assert [(e.text, e.source) for e in tagger(doc).entities] == [("某某新材料产业园", "rule")]


def test_model_entities_fill_gaps_only_for_the_types_allowed(normalize):
    text = "某某新材料产业园开工建设，观礼的有澜溪兴业。"
    model_span = Entity(type="COMPANY", text="澜溪兴业", start=17, end=21, raw_start=17, raw_end=21,
                        confidence=0.6, source="model")
    found = {}
    for types in ((), ("COMPANY",)):
        doc = Document(doc_id="t", raw=text, normalized=normalize(text))
        doc.entities = [model_span]
        found[types] = [(e.text, e.source) for e in EntityTagger(EntityConfig(model_types=types))(doc).entities]
    assert found[()] == [("某某新材料产业园", "rule")]
    assert found[("COMPANY",)] == [("某某新材料产业园", "rule"), ("澜溪兴业", "model")]


FRAGMENTS = ["区委书记", "孙某某", "、", "，", "。", "项目", "工程", "某某", "街道", "集团", "有限公司", "在", "的",
             "二期", "等", "个", "12", "重点", "指挥部", "区", "县长", "市领导", "开工", "签约", "山东", "人民政府",
             "产业园", "（", "）", "与", "和", "经济开发区", "书记", "说", "科技"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30))
def test_spans_never_cross(tagger, normalize, pieces):
    text = "".join(pieces)
    doc = Document(doc_id="p", raw=text, normalized=normalize(text))
    entities = tagger(doc).entities
    for i, a in enumerate(entities):
        assert doc.text[a.start:a.end] == a.text and a.start < a.end
        for b in entities[i + 1:]:
            crossing = a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end
            assert not crossing, (a.text, b.text)


def test_a_place_inside_a_project_name_is_still_a_place(tag):
    doc = tag("12月26日，随着兴隆街道纺织厂宿舍改造项目通过验收，改造任务全面完成。")
    assert {(e.type, e.text) for e in doc.entities if e.type != "DATE"} == {
        ("PROJECT", "兴隆街道纺织厂宿舍改造项目"), ("PLACE", "兴隆街道")}
