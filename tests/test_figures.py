"""The figure extractor on real-shaped sentences: the case corpus, records, properties.

The corpus (tests/cases/figures_cases.tsv) has one case a line:
``part<TAB>text<TAB>expected<TAB>note`` (a line break in the text is written
``\\n``). ``part`` is ``wild`` (shapes seen in
district and county news), ``negative`` (must yield no figure) or ``xfail``
(known failures; the note says why). ``expected`` lists the figures in text
order, separated by `` | ``, each ``kind value[~value_max] unit qualifier
[@subject]``, or ``-`` for none. A subject matches as the scorer matches it:
a shared run of at least 3 characters and 30% of the expected subject.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hynlp.document import Document
from hynlp.evaluate import longest_common_run, subject_matches
from hynlp.figures import FigureExtractor
from hynlp.normalize import normalize
from hynlp.normalize.fixers import Normalizer
from hynlp.records import Entity
from hynlp.sentences import SentenceSplitter

CASES = Path(__file__).parent / "cases" / "figures_cases.tsv"
# CI lays a copy of shared/ beside the clone.
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "huaiyin-2023-noisy.txt"
SAMPLE_GOLD = SAMPLE.with_suffix(".gold.json")


class Extract:
    """Normalize, split and extract, with the components built once."""

    def __init__(self):
        self.normalize = Normalizer()
        self.split = SentenceSplitter()
        self.figures = FigureExtractor()

    def __call__(self, text: str, entities: list[Entity] | None = None) -> Document:
        doc = self.split(Document(doc_id="case", raw=text, normalized=self.normalize(text)))
        doc.entities = entities or []
        return self.figures(doc)


@pytest.fixture(scope="module")
def extract() -> Extract:
    return Extract()


def parse_expected(field: str) -> list[dict]:
    if field.strip() == "-":
        return []
    figures = []
    for item in field.split(" | "):
        head, _, subject = item.partition(" @")
        kind, value, unit, qualifier = head.split()
        low, _, high = value.partition("~")
        figures.append({"kind": kind, "value": Decimal(low), "value_max": Decimal(high) if high else None,
                        "unit": unit, "qualifier": qualifier, "subject": subject or None})
    return figures


def load_cases():
    cases = []
    for number, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        part, text, expected, *note = line.split("\t")
        text = text.replace("\\n", "\n")  # a line break inside a case is written \n
        marks = [pytest.mark.xfail(reason=note[0] if note else "known failure", strict=True)] \
            if part == "xfail" else []
        cases.append(pytest.param(text, expected, id=f"{part}-{number}", marks=marks))
    return cases


def corpus_parts() -> dict[str, int]:
    parts: dict[str, int] = {}
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts[line.split("\t")[0]] = parts.get(line.split("\t")[0], 0) + 1
    return parts


@pytest.mark.parametrize("text, expected", load_cases())
def test_case(extract, text, expected):
    doc = extract(text)
    got = doc.figures
    want = parse_expected(expected)
    described = [f"{f.kind} {f.value}~{f.value_max} {f.unit} {f.qualifier} @{f.subject}" for f in got]
    assert len(got) == len(want), described
    for figure, wanted in zip(got, want):
        assert (figure.kind, figure.value, figure.value_max, figure.unit, figure.qualifier) == (
            wanted["kind"], wanted["value"], wanted["value_max"], wanted["unit"], wanted["qualifier"]), described
        if wanted["subject"]:
            assert subject_matches(figure.subject, wanted["subject"]), described
        assert figure.surface == doc.text[figure.start:figure.end]


def test_corpus_has_all_three_parts():
    parts = corpus_parts()
    assert set(parts) == {"wild", "negative", "xfail"}
    assert sum(parts.values()) >= 150


def test_record_fields_and_raw_offsets(extract):
    raw = "項(xiàng)目總投資3140億元，簽約率98.71%。"
    doc = extract(raw)
    investment, rate = doc.figures
    assert investment.surface == "3140亿元" and investment.kind == "investment"
    assert raw[investment.raw_start:investment.raw_end] == "3140億元"
    assert raw[rate.raw_start:rate.raw_end] == "98.71%"
    assert investment.model_dump(mode="json")["value"] == 314000000000
    assert rate.model_dump(mode="json")["value"] == 98.71


def test_sentence_index(extract):
    doc = extract("全区召开推进会。新签约项目12个。")
    assert [f.sentence for f in doc.figures] == [1]


def test_headline_repeat_is_one_figure(extract):
    doc = extract("总投资50亿元的智能制造产业园开工\n记者获悉，总投资50亿元的智能制造产业园今日开工，占地300亩。")
    assert [(f.value, f.sentence) for f in doc.figures] == [(Decimal(5000000000), 1), (Decimal(300), 1)]


def test_same_number_of_two_subjects_is_two_figures(extract):
    doc = extract("甲镇新签约项目5个，乙镇新签约项目5个。")
    assert [f.subject for f in doc.figures] == ["甲镇新签约项目", "乙镇新签约项目"]


def test_project_entity_becomes_the_linked_subject(extract):
    text = "观摩团走进城北物流港项目，项目总投资8亿元，已建成仓库4栋。"
    start = text.index("城北物流港项目")
    entity = Entity(type="PROJECT", text="城北物流港项目", start=start, end=start + 7,
                    raw_start=start, raw_end=start + 7)
    doc = extract(text, [entity])
    assert [(f.subject, f.subject_entity, f.subject_rule) for f in doc.figures] == [
        ("城北物流港项目总投资", 0, "project_carried+measure_phrase"),
        ("城北物流港项目建成仓库", 0, "project_carried+measure_phrase")]


def test_subject_rule_is_recorded(extract):
    doc = extract("今年旅游收入达到70亿元以上。")
    (figure,) = doc.figures
    assert (figure.subject, figure.subject_rule, figure.qualifier) == ("旅游收入", "measure_phrase", "at_least")


def test_subject_joins_the_sentence_topic_and_the_figure_own_words(extract):
    doc = extract("南湖片区综合整治工程是全县今年的重点民生工程，改造建筑面积12万平方米，惠及居民860户。")
    assert [(f.subject, f.subject_rule) for f in doc.figures] == [
        ("南湖片区综合整治工程改造建筑面积", "project_in_sentence+measure_phrase"),
        ("南湖片区综合整治工程惠及居民", "project_in_sentence+measure_phrase")]


def _entity(text: str, name: str, kind: str) -> Entity:
    start = text.index(name)
    return Entity(type=kind, text=name, start=start, end=start + len(name), raw_start=start,
                  raw_end=start + len(name))


def test_company_anaphor_points_to_the_company(extract):
    text = "代表团走访了恒川通讯集团。该集团是世界500强企业，去年营业收入超过900亿元。"
    doc = extract(text, [_entity(text, "恒川通讯集团", "COMPANY")])
    assert [(f.subject, f.subject_entity, f.subject_rule) for f in doc.figures] == [
        ("恒川通讯集团营业收入", 0, "company_carried+measure_phrase")]


def test_place_opening_the_sentence_names_its_bare_measures(extract):
    text = "北湖高新区规划面积9.2平方公里，已建成区面积4.1平方公里。"
    doc = extract(text, [_entity(text, "北湖高新区", "PLACE")])
    assert [(f.subject, f.subject_rule) for f in doc.figures] == [
        ("北湖高新区规划面积", "measure_phrase"), ("北湖高新区建成区面积", "previous_figure+measure_phrase")]


def test_number_inside_a_project_name_is_no_figure(extract):
    text = "年产5万吨饲料加工项目获得授信2000万元。"
    doc = extract(text, [_entity(text, "年产5万吨饲料加工项目", "PROJECT")])
    assert [(f.surface, f.kind) for f in doc.figures] == [("2000万元", "funding")]


def test_scorer_overlap_helpers_come_from_evaluate():
    assert longest_common_run("老旧小区改造建筑面积", "改造建筑面积") == 6
    assert subject_matches("东岚快速路工程总投资", "东岚快速路工程")
    assert not subject_matches("项目", "东岚快速路工程")


def test_needs_sentences():
    doc = Document(doc_id="x", raw="总投资5亿元", normalized=normalize("总投资5亿元"))
    with pytest.raises(ValueError, match="sentence"):
        FigureExtractor()(doc)


def test_needs_normalized_text():
    with pytest.raises(ValueError, match="normalized"):
        FigureExtractor()(Document(doc_id="x", raw="总投资5亿元"))


def test_text_without_figures(extract):
    assert extract("抓项目就是抓发展。").figures == []


FRAGMENTS = st.sampled_from([
    "总投资", "3140亿元", "的", "216个", "重点项目", "，", "。", "签约率", "98.71%", "累计签约", "461户",
    "两三个", "百余家", "企业", "以上", "约", "近", "2023年", "第三批", "“", "”", "十大领域", "\n",
    "1,100万元", "13万2", "、", "平方米", "亩", "超过", "项目一期", "该项目", "5至8亿元", "过半", "六成",
    "個", "億元", "(xiàng)", ",,", "一千多万元", "123元1角1分", "3541.07万元2", "A", "8亿元人民币",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(FRAGMENTS, max_size=30))
def test_surfaces_are_exact_on_any_text(extract, parts):
    raw = "".join(parts)
    try:
        doc = extract(raw)
    except ValueError:
        return  # nothing left to read: the normalizer's own error
    for figure in doc.figures:
        assert figure.surface == doc.text[figure.start:figure.end]
        assert 0 <= figure.raw_start <= figure.raw_end <= len(raw)
        assert figure.value_max is None or figure.value_max > figure.value


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample not mounted")
def test_shared_sample_surfaces_and_not_figures(extract):
    raw = SAMPLE.read_text(encoding="utf-8")
    doc = extract(raw)
    gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    required = [g for g in gold["figures"] if not g.get("optional")]
    assert len(doc.figures) >= len(required)
    for figure in doc.figures:
        assert figure.surface == doc.text[figure.start:figure.end]
        assert figure.value != 100 or figure.unit == "people"  # 阳光100 is a name


def test_a_bracket_after_the_unit_is_an_aside_not_the_subject(extract):
    figures = extract("征收情况：涉及户数88户(含4家商铺)。").figures
    assert [(f.value, f.unit) for f in figures] == [(Decimal(88), "households"), (Decimal(4), "shops")]
    assert not figures[0].subject.startswith(("(", "（", "含"))


def test_a_class_of_projects_is_no_topic(extract):
    # Tagged as PROJECT, yet 城市综合体项目2个 and 基础设施类项目 name classes being counted:
    # the district total after them is not about either.
    text = "北原区共签约项目16个，签约总额98.6亿元。其中基础设施类项目3个，城市综合体项目2个。今年共计签约总额215.4亿元。"
    entities = [_entity(text, "基础设施类项目", "PROJECT"), _entity(text, "城市综合体项目", "PROJECT")]
    doc = extract(text, entities)
    assert doc.figures[-1].value == Decimal("21540000000")
    assert "综合体" not in doc.figures[-1].subject and "基础设施" not in doc.figures[-1].subject
