"""The whole pipeline on our own corpus: records, offsets, spaCy, scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy import displacy

from hynlp.evaluate import load_gold, score_documents
from hynlp.normalize.fixers import Normalizer
from hynlp.normalize.pinyin import ANNOTATION
from hynlp.pipeline import Pipeline
from hynlp.spacy_doc import to_spacy

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def corpus_results(nlp):
    results = {}
    for folder in ("articles", "noisy"):
        for path in sorted((CORPORA / folder).glob("*.txt")):
            results[path.stem] = (path.read_bytes(), nlp(path.read_bytes(), doc_id=path.stem, source=str(path)))
    return results


def test_result_carries_version_config_and_article(nlp):
    result = nlp("區委書記張建國調研,,項目總投資3.2億元。", doc_id="demo")
    assert result.article.text == "区委书记张建国调研，项目总投资3.2亿元。"
    assert result.pipeline_version and len(result.config_hash) == 16
    assert json.loads(json.dumps(result.to_record()))["doc_id"] == "demo"


def test_spacy_doc_has_our_tokens_entities_and_figures(nlp):
    doc = nlp.make_doc("区委书记王立新出席青禾智能制造产业园项目开工仪式，项目总投资42亿元。")
    spacy_doc = to_spacy(doc)
    assert spacy_doc.text == doc.text
    assert [(e.text, e.label_) for e in spacy_doc.ents] == [(e.text, e.type) for e in doc.entities]
    assert [s.text for s in spacy_doc.spans["figures"]] == [f.surface for f in doc.figures]
    html = displacy.render(spacy_doc, style="ent", page=False)
    assert "王立新" in html


@pytest.mark.parametrize("variant", ["clean", "noisy"])
def test_corpus_scores(corpus_results, variant):
    golds = [g for g in load_gold([CORPORA / "gold"]) if g["id"].endswith("-noisy") == (variant == "noisy")]
    records = [result.to_record() for _, result in corpus_results.values()]
    scores = score_documents(records, golds)
    assert not scores["missing_predictions"]
    assert scores["FIGURE"]["f1"] >= 0.80, scores["FIGURE"]
    assert scores["OFFICIAL"]["f1"] >= 0.70, scores["OFFICIAL"]


def test_offsets_are_honest_on_noisy_articles(corpus_results):
    """raw[raw_start:raw_end], normalized alone, gives the span's text for ≥99% of spans."""
    normalizer = Normalizer()
    checked = honest = 0
    for raw_bytes, result in corpus_results.values():
        raw = raw_bytes.decode("utf-8")
        spans = [(e.text, e.raw_start, e.raw_end) for e in result.entities]
        spans += [(f.surface, f.raw_start, f.raw_end) for f in result.figures]
        for text, start, end in spans:
            checked += 1
            try:
                honest += normalizer(raw[start:end]).text == text
            except Exception:
                pass
    assert checked > 500
    assert honest / checked >= 0.99, f"{honest}/{checked}"


# CI lays a copy of shared/ beside the clone; the real sample guards against regressions.
SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "huaiyin-2023-noisy.txt"


@pytest.mark.skipif(not SAMPLE.exists(), reason="shared sample not beside the clone")
def test_real_noisy_sample(nlp):
    import opencc

    gold = json.loads(SAMPLE.with_suffix(".gold.json").read_text(encoding="utf-8"))
    result = nlp(SAMPLE.read_bytes(), doc_id=gold["id"], source=str(SAMPLE))
    text = result.article.text
    assert "?" not in text and ",," not in text and "(xi" not in text
    to_simplified = opencc.OpenCC("t2s").convert
    for run in gold["mojibake_runs"]:  # should_read keeps the pinyin annotation after a run
        assert to_simplified(ANNOTATION.sub("", run["should_read"])) in text
    scores = score_documents([result.to_record()], [gold])
    for measure in ("FIGURE", "FIGURE+KIND", "QUALIFIER", "SUBJECT", "OFFICIAL", "PROJECT", "COMPANY"):
        assert scores[measure]["f1"] >= 0.9, (measure, scores[measure])
