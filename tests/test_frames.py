"""result.to_frame() and results_frames(): the store's frames, without a store."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import hynlp
from hynlp.frames import results_frames

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def results():
    nlp = hynlp.load()
    paths = sorted((CORPORA / "articles").glob("qinghe-*.txt"))
    return [nlp(path.read_bytes(), doc_id=path.stem, source=str(path)) for path in paths]


def test_frames_have_the_store_frames_columns_and_rows(results, tmp_path):
    frames = results_frames(results)
    with hynlp.open_store(tmp_path / "h.sqlite") as store:
        store.write(results)
        stored = {"entities": store.entities(), "figures": store.figures(), "officials": store.officials()}
    for name, frame in stored.items():
        ours = frames.as_dict()[name]
        assert list(ours.columns) == [c for c in frame.columns if c != "article_id"]
        assert ours.drop(columns=["published"]).astype(str).values.tolist() == \
            frame.drop(columns=["article_id", "published"]).astype(str).values.tolist()


def test_values_stay_exact_decimals(results):
    figures = results_frames(results).figures
    assert all(isinstance(value, Decimal) for value in figures["value"])
    assert Decimal("186.5E8") in set(figures["value"])


def test_one_result_frames_equal_its_slice_of_many(results):
    many = results_frames(results).figures
    one = results[1].to_frame().figures
    pd.testing.assert_frame_equal(one, many[many["doc_id"] == results[1].doc_id].reset_index(drop=True))
