"""Officials: every title shape, organizations, negatives, Official records."""

from __future__ import annotations

import pytest

from hynlp.document import Document
from hynlp.entities import EntityTagger, officials_from
from hynlp.normalize.fixers import Normalizer
from hynlp.segment import Segmenter


@pytest.fixture(scope="module")
def tag():
    normalizer, segmenter, tagger = Normalizer(), Segmenter(), EntityTagger()

    def run(text: str, tokens: bool = True) -> Document:
        doc = Document(doc_id="o", raw=text, normalized=normalizer(text))
        return tagger(segmenter(doc) if tokens else doc)
    return run


def officials(doc: Document) -> list[tuple[str, str, str | None]]:
    return [(o.name, "、".join(o.titles), o.organization) for o in officials_from(doc)]


@pytest.mark.parametrize("tokens", [True, False])
def test_title_before_the_name(tag, tokens):
    doc = tag("锦河区召开推进会。区委书记孙立新给出了答案。", tokens)
    assert officials(doc) == [("孙立新", "区委书记", "锦河区委")]


def test_several_titles_kept_as_written(tag):
    doc = tag("县委副书记、县长曹建国主持会议，董事长兼总经理李为民介绍情况。")
    assert officials(doc) == [("曹建国", "县委副书记、县长", None), ("李为民", "董事长、总经理", None)]


def test_company_before_the_title_is_the_organization(tag):
    doc = tag("锦江文旅控股集团总裁周岩说：“我们对合作很有信心。”")
    assert officials(doc) == [("周岩", "总裁", "锦江文旅控股集团")]


def test_one_title_shared_by_a_list(tag):
    doc = tag("市领导徐志强、余红梅参加活动。")
    assert officials(doc) == [("徐志强", "市领导", None), ("余红梅", "市领导", None)]


def test_title_after_the_name_takes_the_fuller_title(tag):
    doc = tag("锦河区委书记孙立新调研。孙立新书记强调，要抓好项目。")
    assert officials(doc) == [("孙立新", "区委书记", "锦河区委")]
    assert [e.title for e in doc.entities if e.text == "孙立新"] == ["区委书记", "区委书记"]


def test_title_after_the_name_alone(tag):
    doc = tag("感谢王建平书记的关心。")
    assert officials(doc) == [("王建平", "书记", None)]


def test_organization_written_before_a_chain(tag):
    doc = tag("锦河高新区党工委书记、管委会主任陈志远见证签约。")
    assert officials(doc) == [("陈志远", "党工委书记、管委会主任", "锦河高新区管委会")]


def test_department_inside_a_chain_stays_in_the_title(tag):
    doc = tag("区委常委、宣传部部长林晓燕带队督导。党组书记、局长何建平汇报工作。")
    assert officials(doc) == [("林晓燕", "区委常委、宣传部部长", None), ("何建平", "党组书记、局长", None)]


def test_government_department_is_the_organization(tag):
    doc = tag("“我们坚持阳光征收。”区住建局局长马洪涛说。")
    assert officials(doc) == [("马洪涛", "局长", "区住建局")]


def test_subdistrict_title(tag):
    doc = tag("北园街道党工委书记周文斌介绍情况。")
    assert officials(doc) == [("周文斌", "街道党工委书记", "北园街道党工委")]


@pytest.mark.parametrize("text", [
    "区委书记给出了思路。",
    "区委书记向客商介绍营商环境。",
    "企业负责人与部门负责人共同研究。",
    "办公室王主任向记者透露了进展。",
    "负责人姚先生告诉记者。",
    "要把区长的要求落实到位。",
])
def test_no_false_names_after_titles(tag, text):
    assert officials(tag(text)) == []


def test_reporters_are_not_officials(tag):
    assert officials(tag("记者张明、通讯员李华报道。")) == []


def test_later_mentions_are_persons_without_title(tag):
    doc = tag("市委书记郭春雷调研。郭春雷指出，要坚持项目为王。")
    assert [(e.text, e.title, e.rule) for e in doc.entities if e.type == "PERSON"] == [
        ("郭春雷", "市委书记", "person:title_before"), ("郭春雷", None, "person:repeat")]


def test_a_name_followed_by_a_conjunction_keeps_its_title(tag):
    # 和 after the name starts no project: 项目 here is the investors' noun.
    doc = tag("区委副书记、区长钱立群和项目投资方代表刘某先后发言。")
    assert officials(doc)[0] == ("钱立群", "区委副书记、区长", None)
    assert not [e for e in doc.entities if e.type == "PROJECT"]


def test_a_last_character_the_segmenter_left_alone_stays_in_the_name(tag):
    doc = tag("区长林旭晨和副区长吴海出席。")
    assert [name for name, _, _ in officials(doc)] == ["林旭晨", "吴海"]


def test_a_verb_after_a_two_character_name_is_not_its_last_character(tag):
    doc = tag("县委书记王明说，要抓好项目。")
    assert [name for name, _, _ in officials(doc)] == ["王明"]


def test_a_name_before_a_conjunction_is_not_the_next_titles_unit(tag):
    doc = tag("副市长李强和区长赵刚出席。")
    assert officials(doc) == [("李强", "副市长", None), ("赵刚", "区长", None)]


def test_a_specific_title_beats_a_collective_one(tag):
    doc = tag("区领导钟明远、韩启东带队察看。区长钟明远一行来到现场。")
    assert ("钟明远", "区长", None) in officials(doc)


def test_a_name_cut_short_by_the_segmenter_takes_its_full_form(tag):
    doc = tag("市、县领导裴文涛、许志成出席。市人大常委会副主任、县委书记裴文涛在仪式上致辞。")
    assert [o for o in officials(doc) if o[0].startswith("裴")] == [
        ("裴文涛", "市人大常委会副主任、县委书记", None)]


def test_a_stray_last_character_tagged_as_a_name_stays_in_it(tag):
    doc = tag("澜溪能源有限责任公司执行总经理李俊杰分别上台发言。")
    assert [o[0] for o in officials(doc)] == ["李俊杰"]


def test_rare_family_names(tag):
    doc = tag("县长憨振国，县政协主席徐俊参加。")
    assert [o[0] for o in officials(doc)] == ["憨振国", "徐俊"]


def test_names_before_a_collective_title_are_officials(tag):
    doc = tag("区委书记林秋实出席。赵青山、钱雨桐、孙明远等区级领导参加活动。")
    assert ("赵青山", "区级领导", None) in officials(doc)
    assert {"钱雨桐", "孙明远"} <= {o[0] for o in officials(doc)}


def test_a_specific_title_beats_the_collective_one_after_a_list(tag):
    doc = tag("区长钱雨桐讲话。赵青山、钱雨桐等区领导参加。")
    found = {o[0]: o[1] for o in officials(doc)}
    assert found["钱雨桐"] == "区长" and found["赵青山"] == "区领导"


def test_a_companys_short_name_is_an_officials_organization(tag):
    doc = tag("中交第九公路工程局副总经理林志远发言。")
    assert officials(doc) == [("林志远", "副总经理", "中交第九公路工程局")]


def test_names_between_list_marks_after_a_title_are_whole_names(tag):
    # Inside a 、-list the marks bound each name, whatever the segmenter glued:
    # a name ending in 村, one holding 和, one whose last character reads as an adverb.
    doc = tag("副区长王江村、凌世宏参加。副县长黄朔、朱和金，青禾区管委会副主任荣波出席。")
    assert [o[0] for o in officials(doc)][:4] == ["王江村", "凌世宏", "黄朔", "朱和金"]
    assert not [e for e in doc.entities if e.type == "PLACE" and e.text == "王江村"]


def test_a_list_of_officials_before_companies_joined_by_ji(tag):
    doc = tag("县领导李俊伟、任会刚、陈召辉、于胜洋及澜溪云帆集团、岚州青石科技等8家企业负责人参加。"
              "县委副书记、县长任会刚致辞。")
    names = {o[0]: o[1] for o in officials(doc)}
    assert names == {"李俊伟": "县领导", "任会刚": "县委副书记、县长", "陈召辉": "县领导", "于胜洋": "县领导"}
    companies = {e.text for e in doc.entities if e.type == "COMPANY"}
    assert companies == {"澜溪云帆集团", "岚州青石科技"}


def test_a_town_or_subdistrict_leadership_list(tag):
    doc = tag("松涛镇举行签约仪式。镇党委书记郭明远，镇领导陆燕红、陈伟军、郑志宏出席。")
    names = {o[0]: o[1] for o in officials(doc)}
    assert names == {"郭明远": "镇党委书记", "陆燕红": "镇领导", "陈伟军": "镇领导", "郑志宏": "镇领导"}
    # 镇领导班子 is the leadership as a body: no name follows.
    assert officials(tag("镇领导班子成员参加会议。")) == []


def test_a_rare_family_name_inside_a_leadership_list(tag):
    doc = tag("县领导李国华、润道明、周明远、程立出席开工仪式。")
    assert {o[0] for o in officials(doc)} == {"李国华", "润道明", "周明远", "程立"}
    # Between names only: an organ after the names is no name.
    doc = tag("县领导李国华、周明远、各部门、各乡镇负责人参加。")
    assert {o[0] for o in officials(doc)} == {"李国华", "周明远"}


def test_an_inspection_verb_after_the_name_keeps_the_title(tag):
    # 带队/督查 start no project name: the official is not swallowed by 「…重点项目」.
    doc = tag("5月6日，市委书记周明远带队督查岚州重点项目建设进展情况。")
    assert officials(doc) == [("周明远", "市委书记", None)]
    assert not [e for e in doc.entities if e.type == "PROJECT" and "周明远" in e.text]


def test_a_common_family_name_in_a_listed_title(tag):
    doc = tag("副镇长李国华、洪晓燕，园区副主任周明远陪同调研。")
    assert officials(doc) == [("李国华", "副镇长", None), ("洪晓燕", "副镇长", None), ("周明远", "副主任", None)]


def test_flood_words_are_no_name(tag):
    assert officials(tag("洪水过后，县长李国华查看洪峰过境后的堤防。")) == [("李国华", "县长", None)]


def test_a_town_named_with_shi_is_no_city(tag):
    doc = tag("青禾市镇党委书记李国华介绍，青禾市镇今年签约项目5个。")
    assert officials(doc) == [("李国华", "镇党委书记", "青禾市镇党委")]
    assert {e.text for e in doc.entities if e.type == "PLACE"} == {"青禾市镇"}


def test_a_name_whose_end_the_segmenter_glued_to_the_next_verb(tag):
    # 周维/nr 民主/n 持: the name is 周维民, the verb 主持.
    assert officials(tag("项目分指挥部指挥长周维民主持召开例会。")) == [("周维民", "指挥长", None)]
    assert officials(tag("副县长李强调研项目进展。")) == [("李强", "副县长", None)]
