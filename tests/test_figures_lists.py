"""Figures in lists and classes: counts listed with 、, counts spread by 分别,
size classes between a count and its noun, and amounts joined before a 的.

Each fix has a case it must get right and a nearby case it must leave alone.
Sentences are fictional, written in the genre of district and county news.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from hynlp.evaluate import subject_matches
from test_figures import Extract


@pytest.fixture(scope="module")
def extract() -> Extract:
    return Extract()


def described(doc) -> list[tuple]:
    return [(f.surface, f.value, f.unit, f.qualifier, f.kind, f.subject) for f in doc.figures]


# --- a size class between a count and its noun (4个10亿元以上项目) -------------

@pytest.mark.parametrize("text, surface, subject", [
    ("青禾区今年签约4个10亿元以上项目。", "4个", "10亿元以上项目"),
    ("东岚县谋划储备2个百亿级项目、5个50亿级项目。", "5个", "50亿级项目"),
    ("澜溪区新引进3个超10亿元项目。", "3个", "超10亿元项目"),
    ("北原区开工建设12个投资5000万元以上产业项目。", "12个", "投资5000万元以上产业项目"),
])
def test_a_count_before_a_size_class_counts_the_projects_of_that_class(extract, text, surface, subject):
    doc = extract(text)
    counts = [f for f in doc.figures if f.surface == surface]
    assert len(counts) == 1, described(doc)
    assert counts[0].unit == "projects" and counts[0].subject == subject, described(doc)
    # the class is no figure of its own
    assert not [f for f in doc.figures if f.unit == "CNY"], described(doc)


def test_an_amount_between_a_count_and_its_noun_stays_a_figure_and_out_of_the_noun(extract):
    doc = extract("松涛县此次签约9个投资总额12.6亿元项目。")
    count, amount = doc.figures
    assert count.value == Decimal(9) and count.subject.endswith("签约项目"), described(doc)
    assert amount.value == Decimal(1260000000) and amount.kind == "investment", described(doc)


# --- the clause before a listed count, past a year or an earlier count ------------

@pytest.mark.parametrize("text, listed", [
    # a year opening the clause leaves the list as the subject
    ("2024岚州招商推介会签约青禾精工产业园等11个项目，总投资36.5亿元。", "青禾精工产业园等11个项目"),
    # digits inside listed names do not cut the list
    ("调研组深入青禾5G应用示范基地、东岚织布产业园、松涛风电基地3期等11个项目现场调研。",
     "青禾5G应用示范基地、东岚织布产业园、松涛风电基地3期等11个项目"),
])
def test_a_listed_count_keeps_its_list_as_the_subject(extract, text, listed):
    doc = extract(text)
    count = doc.figures[0]
    assert count.value == Decimal(11), described(doc)
    assert subject_matches(count.subject, listed), described(doc)


def test_a_count_inside_a_group_names_its_list(extract):
    doc = extract("其中18个产业项目中东岚新材料园、松涛冷链基地等9个项目已复工。")
    count = [f for f in doc.figures if f.value == Decimal(9)][0]
    assert subject_matches(count.subject, "东岚新材料园、松涛冷链基地等9个项目"), described(doc)


def test_a_count_with_no_list_before_it_keeps_its_own_noun(extract):
    doc = extract("2024年东岚县新开工项目26个。")
    assert [(f.value, f.subject) for f in doc.figures] == [(Decimal(26), "东岚县新开工项目")], described(doc)


# --- 、 lists that share one figure, and lists of figures --------------------

@pytest.mark.parametrize("text, subject", [
    ("澜溪区共签约工业、农业、文旅项目18个。", "工业、农业、文旅项目"),
    ("北原区落地产业项目、基础设施项目、民生项目共42个。", "产业项目、基础设施项目、民生项目"),
])
def test_items_with_no_figure_of_their_own_share_the_one_after_them(extract, text, subject):
    doc = extract(text)
    assert len(doc.figures) == 1 and subject in doc.figures[0].subject, described(doc)


def test_items_with_figures_of_their_own_keep_their_own_subjects(extract):
    doc = extract("青禾区新建学校3所、医院2所、养老院1所。")
    assert [f.subject for f in doc.figures] == ["青禾区新建学校", "医院", "养老院"], described(doc)
    doc = extract("东岚县新开工项目12个、续建项目20个。")
    assert [f.subject for f in doc.figures][1] == "续建项目", described(doc)


# --- counts spread by 分别 ----------------------------------------------------

def test_counts_listed_after_the_first_take_its_noun(extract):
    doc = extract("松涛县新开工、续建项目分别为12个、20个。")
    assert [(f.value, f.unit) for f in doc.figures] == [(Decimal(12), "projects"), (Decimal(20), "projects")]
    assert [f.subject for f in doc.figures] == ["松涛县新开工", "续建项目"], described(doc)


def test_words_after_fenbie_say_what_each_item_measures(extract):
    doc = extract("青禾区一季度、二季度分别签约项目5个、8个。")
    assert [f.value for f in doc.figures] == [Decimal(5), Decimal(8)], described(doc)
    assert [f.subject for f in doc.figures] == ["青禾区一季度签约项目", "二季度签约项目"], described(doc)
    doc = extract("城东、城西街道分别完成签约320户、280户。")
    assert [f.subject for f in doc.figures] == ["城东完成签约", "城西街道完成签约"], described(doc)


def test_a_lone_count_after_an_enumeration_mark_is_still_no_figure(extract):
    doc = extract("工作要求：1、2个专班每周调度。")
    assert [f.value for f in doc.figures if f.value == Decimal(1)] == [], described(doc)


def test_money_spread_by_fenbie_keeps_its_cue(extract):
    doc = extract("甲项目、乙项目总投资分别为5亿元、3亿元。")
    assert [f.subject for f in doc.figures] == ["甲项目总投资", "乙项目总投资"], described(doc)


# --- amounts joined by 、 before the 的 that links them ----------------------

def test_amounts_joined_before_de_are_of_what_follows_it(extract):
    doc = extract("日前，总投资达18亿元、占地面积600多亩的12个工业项目在东岚县集中开工。")
    amount, area, count = doc.figures
    assert subject_matches(amount.subject, "12个工业项目"), described(doc)
    assert (area.value, area.unit, area.qualifier) == (Decimal(600), "mu", "at_least"), described(doc)
    assert count.value == Decimal(12), described(doc)


def test_amounts_joined_with_no_de_keep_their_own_phrases(extract):
    doc = extract("北原区新建厂房总投资5亿元、新增产值8亿元，目标的完成率高。")
    assert [f.subject for f in doc.figures][0] == "北原区新建厂房总投资", described(doc)


# --- a shouted headline, a bound with 了, a 、 after a counted noun -------------

def test_a_headline_ending_in_an_exclamation_is_still_a_headline(extract):
    doc = extract("青禾区棚改最新进展：签约率超85%，搬离近6000人！\n截至本月10日，青禾区棚户区改造签约率已超85%，搬离近6000人。")
    assert [(f.value, f.sentence) for f in doc.figures] == [(Decimal(85), 1), (Decimal(6000), 1)], described(doc)


def test_only_the_first_line_may_end_in_an_exclamation(extract):
    doc = extract("项目开工啦！\n青禾区新签约项目5个！\n东岚县新签约项目5个。")
    assert [f.subject for f in doc.figures] == ["青禾区新签约项目", "东岚县新签约项目"], described(doc)


@pytest.mark.parametrize("text, qualifier", [
    ("截至本月，澜溪区棚户区改造签约的户数已超过了87%。", "at_least"),
    ("北原区征收面积已突破了10万平方米。", "at_least"),
    ("北原区征收面积已达到了10万平方米。", "exact"),
])
def test_a_bound_with_le_inside_it_is_still_a_bound(extract, text, qualifier):
    doc = extract(text)
    assert [f.qualifier for f in doc.figures] == [qualifier], described(doc)


def test_a_counted_noun_followed_by_the_next_item_has_no_predicate(extract):
    doc = extract("同时，松涛县启动5个项目、16.49万平方米房屋征收工作。")
    assert "、" not in doc.figures[0].subject and doc.figures[0].value == Decimal(5), described(doc)
    doc = extract("两家企业签署合作协议。")
    assert doc.figures[0].subject == "企业签署合作协议", described(doc)


# --- a change from one figure to another (由58家增加到72家) ---------------------

@pytest.mark.parametrize("text, subject", [
    ("青禾区规上企业由58家增加到72家。", "青禾区规上企业"),
    ("东岚县规上工业企业从去年底的20家增加至现在的26家。", "东岚县规上工业企业"),
    ("澜溪区征收签约率由年初的65%提高到98%。", "澜溪区征收签约率"),
    ("北原经济开发区规划面积从3平方公里扩大到12平方公里。", "北原经济开发区规划面积"),
])
def test_both_ends_of_a_change_measure_what_is_named_before_it(extract, text, subject):
    doc = extract(text)
    assert [f.subject for f in doc.figures] == [subject, subject], described(doc)


def test_you_that_opens_an_owner_is_kept(extract):
    doc = extract("由青禾建工投资的松涛物流园项目总投资5亿元。")
    assert "松涛物流园项目" in doc.figures[0].subject, described(doc)


# --- 分别 items that each name their own measure -------------------------------

def test_each_item_before_fenbie_names_the_kind_of_its_amount(extract):
    doc = extract("青禾新材料项目达产后年产值和税收分别为5亿元、3000万元。")
    assert [(f.kind, f.subject) for f in doc.figures] == [
        ("output", "青禾新材料项目达产后年产值"), ("revenue", "青禾新材料项目税收")], described(doc)
    doc = extract("东岚物流园项目总投资和年产值分别为20亿元、35亿元。")
    assert [f.kind for f in doc.figures] == ["investment", "output"], described(doc)


def test_items_without_a_measure_of_their_own_share_the_cue(extract):
    doc = extract("甲项目、乙项目总投资分别为5亿元、3亿元。")
    assert [(f.kind, f.subject) for f in doc.figures] == [
        ("investment", "甲项目总投资"), ("investment", "乙项目总投资")], described(doc)


# --- households listed before one 户 -------------------------------------------

def test_numbers_listed_before_hu_borrow_it(extract):
    doc = extract("青禾区、东岚县分别完成签约320、280户。")
    assert [(f.value, f.unit) for f in doc.figures] == [
        (Decimal(320), "households"), (Decimal(280), "households")], described(doc)
    assert [f.subject for f in doc.figures] == ["青禾区完成签约", "东岚县完成签约"], described(doc)


def test_a_list_marker_before_hu_borrows_nothing(extract):
    doc = extract("1、松涛县完成签约280户。")
    assert [f.value for f in doc.figures] == [Decimal(280)], described(doc)


def test_a_rate_after_wancheng_keeps_its_verb_when_only_lv_would_be_left(extract):
    doc = extract("澜溪安置房项目已完成投资4.67亿元，完成率为93.4%。")
    assert doc.figures[1].subject.endswith("完成率"), described(doc)
    doc = extract("确保全年完成投资5亿元。")
    assert doc.figures[0].subject == "完成投资", described(doc)


def test_an_amount_before_a_listed_count_still_names_nothing(extract):
    doc = extract("涉及户数275户(包含10家企业)。")
    assert [f.value for f in doc.figures] == [Decimal(275), Decimal(10)], described(doc)


def test_a_central_town_is_a_town(extract):
    doc = extract("东岚县培育5个重点中心镇向小城市发展。")
    assert [(f.value, f.unit) for f in doc.figures] == [(Decimal(5), "towns")], described(doc)


# --- a bare 项目 after a count of projects -------------------------------------

def test_bare_xiangmu_after_a_group_count_is_not_the_project_named_before(extract):
    doc = extract("随着青禾大道工程的奠基，东岚县48个重点项目集中开工。\n"
                  "本次集中开工总计48个项目，其中20个县级项目。项目总投资71.73亿元。")
    amount = [f for f in doc.figures if f.unit == "CNY"][0]
    assert "青禾大道" not in (amount.subject or ""), described(doc)


def test_bare_xiangmu_with_no_count_between_points_to_the_named_project(extract):
    doc = extract("城北物流港项目位于城北。该项目总投资5亿元。项目占地120亩。")
    assert [f.subject for f in doc.figures] == ["城北物流港项目总投资", "城北物流港项目占地"], described(doc)


def test_suizhe_opens_no_project_name(extract):
    doc = extract("随着北原大桥工程的开工，该工程总投资12亿元。")
    assert doc.figures[0].subject == "北原大桥工程总投资", described(doc)


# --- 带动2000人就业: a short noun after a count of people ------------------------

@pytest.mark.parametrize("text, subject", [
    ("青禾精工项目建成后可带动2000人就业。", "带动就业"),
    ("东岚冷链基地投产后将新增300人就业。", "新增就业"),
])
def test_the_verb_before_a_count_of_people_names_it_with_a_short_noun(extract, text, subject):
    doc = extract(text)
    assert subject in doc.figures[0].subject, described(doc)


def test_a_scope_word_before_a_count_of_people_is_no_verb(extract):
    doc = extract("其中3人获奖。")
    assert doc.figures[0].subject == "获奖", described(doc)
