"""store.project(...) and store.figures(region=...) on our own corpus."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import hynlp
from hynlp.errors import ProjectNotFound

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
ARTICLES = ["qinghe-2024-06-renewal", "qinghe-2024-10-quarterly", "donglan-2024-05-signing",
            "songtao-2024-03-shanghai-promotion"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("projects") / "hynlp.sqlite"
    hynlp.extract_paths([CORPORA / "articles" / f"{doc_id}.txt" for doc_id in ARTICLES], db=db)
    with hynlp.open_store(db) as opened:
        yield opened


def test_project_gathers_mentions_and_phases_over_time(store):
    project = store.project("北关片区城市更新项目")
    assert isinstance(project, hynlp.ProjectFrames)
    assert project.doc_ids == ["qinghe-2024-06-renewal", "qinghe-2024-10-quarterly"]
    # "北关片区城市更新项目一期" is tagged as the project itself, as the corpus gold has it.
    assert set(project.mentions["text"]) == {"北关片区城市更新项目"}
    assert list(project.mentions["published"]) == sorted(project.mentions["published"])


def test_project_figures_are_those_about_it(store):
    figures = store.project("北关片区城市更新项目").figures
    rates = figures[figures["kind"] == "rate"]
    # The signing and vacating rates in June, then the phase-one vacating rate in October.
    history = [(str(p), v) for p, v in zip(rates["published"], rates["value"])]
    assert {("2024-06-12", Decimal("97.43")), ("2024-06-12", Decimal("86.16")),
            ("2024-10-15", Decimal("99.2"))} <= set(history)
    assert [p for p, _ in history] == sorted(p for p, _ in history)
    assert set(figures["project"]) == {"北关片区城市更新项目"}


def test_project_officials_are_those_in_its_articles(store):
    officials = store.project("北关片区城市更新项目").officials
    assert {"郑国栋", "沈佳怡"} <= set(officials["name"])
    assert set(officials["doc_id"]) <= {"qinghe-2024-06-renewal", "qinghe-2024-10-quarterly"}


def test_an_unknown_project_suggests_near_names(store):
    with pytest.raises(ProjectNotFound) as caught:
        store.project("北关片区")
    assert caught.value.code == "E306"
    assert "北关片区城市更新项目" in caught.value.hint


def test_a_headquarters_is_not_a_phase(store):
    mentions = store.project("北关片区城市更新项目").mentions
    assert not any(text.endswith("指挥部") for text in mentions["text"])


@pytest.mark.parametrize(("region", "doc_ids"), [
    ("青禾区", {"qinghe-2024-10-quarterly"}),
    ("东岚", {"donglan-2024-05-signing"}),
    ("上海", {"songtao-2024-03-shanghai-promotion"}),
    ("岚州市", set()),
])
def test_figures_by_region_are_from_articles_naming_it(store, region, doc_ids):
    figures = store.figures(kind="investment", region=region)
    assert set(figures["doc_id"]) == doc_ids
    assert (figures["kind"] == "investment").all()


def test_region_with_like_wildcards_is_taken_literally(store):
    assert store.figures(region="%").empty and store.figures(region="_").empty
