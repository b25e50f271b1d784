"""nlp.pipe: order, contexts, document fields, laziness and refused options."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import hynlp
from hynlp.errors import ConfigError, EmptyInput

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def nlp():
    return hynlp.load()


@pytest.fixture(scope="module")
def articles():
    return sorted((CORPORA / "articles").glob("*.txt"))[:5]


def test_pipe_matches_calling_one_by_one(nlp, articles):
    texts = [path.read_bytes() for path in articles]
    piped = list(nlp.pipe(texts, batch_size=2))
    single = [nlp(text, doc_id=f"doc-{i}") for i, text in enumerate(texts)]
    assert piped == single


def test_as_tuples_passes_the_context_back_and_takes_fields_from_it(nlp, articles):
    pairs = [(path.read_bytes(), {"doc_id": path.stem, "source": str(path), "row": i})
             for i, path in enumerate(articles)]
    pairs.append(("区委书记周明远调研。", "a plain context"))
    out = list(nlp.pipe(pairs, as_tuples=True, batch_size=3))
    assert [context for _, context in out] == [context for _, context in pairs]
    assert [result.doc_id for result, _ in out] == [path.stem for path in articles] + [f"doc-{len(articles)}"]
    assert out[0][0].article.source == str(articles[0])


def test_pipe_is_lazy(nlp):
    endless = itertools.repeat("项目总投资3.2亿元。")
    first = list(itertools.islice(nlp.pipe(endless, batch_size=4), 6))
    assert [r.doc_id for r in first] == [f"doc-{i}" for i in range(6)]


@pytest.mark.parametrize("options", [{"n_process": 2}, {"batch_size": 0}, {"batch_size": 1.5}])
def test_options_it_cannot_honour_are_refused_before_reading(nlp, options):
    def never_read():
        raise AssertionError("read before the options were checked")
        yield

    with pytest.raises(ConfigError) as caught:
        nlp.pipe(never_read(), **options)
    assert caught.value.code == "E401"


def test_items_that_are_not_pairs_name_their_position(nlp):
    with pytest.raises(ConfigError, match="item 1 is str"):
        list(nlp.pipe([("项目开工。", None), "项目开工。"], as_tuples=True))


def test_a_failing_document_stops_the_stream_with_its_coded_error(nlp):
    with pytest.raises(EmptyInput):
        list(nlp.pipe(["项目开工。", "   "]))
