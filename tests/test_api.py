"""The public Python API: what `import hynlp` offers, and the researcher's path through it."""

from __future__ import annotations

import importlib
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from spacy import displacy
from spacy.tokens import Doc

import hynlp
from hynlp.errors import ModelNotFound

CORPORA = Path(__file__).resolve().parent.parent / "corpora"

# Changing this list changes the public API: update the README with it.
PUBLIC_API = [
    "Article", "Entity", "ErrorRecord", "ExtractionResult", "Figure", "HynlpError", "NormalizedText",
    "Official", "Pipeline", "PipelineConfig", "ProjectFrames", "Repair", "ResultFrames", "Sentence",
    "Store", "__version__", "extract_paths", "load", "normalize", "open_store",
]


@pytest.fixture(scope="module")
def nlp():
    return hynlp.load()


def test_public_api_is_exactly_the_documented_list():
    assert sorted(hynlp.__all__) == sorted(PUBLIC_API)
    namespace: dict = {}
    exec("from hynlp import *", namespace)
    assert set(PUBLIC_API) <= set(namespace)
    assert set(PUBLIC_API) <= set(dir(hynlp))


def test_import_hynlp_does_not_load_spacy_or_pandas():
    # A fresh interpreter: the names in __all__ that need spaCy or pandas load on first use.
    import subprocess
    import sys

    code = "import sys, hynlp; print(sorted(m for m in ('spacy', 'pandas', 'jieba') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_lazy_names_are_the_real_classes():
    assert hynlp.Pipeline is importlib.import_module("hynlp.pipeline").Pipeline
    assert hynlp.Store is importlib.import_module("hynlp.store").Store
    with pytest.raises(AttributeError):
        hynlp.NoSuchThing  # noqa: B018


def test_nlp_takes_text_or_bytes_and_returns_the_record(nlp):
    raw = (CORPORA / "noisy" / "qinghe-2024-06-renewal-noisy.txt").read_bytes()
    from_bytes = nlp(raw, doc_id="renewal")
    from_text = nlp(raw.decode("utf-8"), doc_id="renewal")
    assert isinstance(from_bytes, hynlp.ExtractionResult)
    assert from_bytes.article.text == from_text.article.text
    assert from_bytes.article.published.isoformat() == "2024-06-12"  # from the dateline
    assert hynlp.ExtractionResult.model_validate_json(from_bytes.model_dump_json()) == from_bytes


def test_result_doc_is_a_spacy_doc_of_the_record(nlp):
    raw = (CORPORA / "noisy" / "qinghe-2024-06-renewal-noisy.txt").read_bytes()
    result = nlp(raw, doc_id="renewal")
    doc = result.doc
    assert isinstance(doc, Doc) and doc.text == result.article.text
    assert [(s.text, s.label_) for s in doc.spans["entities"]] == [(e.text, e.type) for e in result.entities]
    assert [(s.text, s.label_) for s in doc.spans["figures"]] == [(f.surface, f.kind) for f in result.figures]
    assert len(list(doc.sents)) == len(result.sentences)
    # This article nests a project inside its headquarters' name: ents keep the outer one.
    assert len(doc.ents) < len(result.entities)
    assert "97.43%" in displacy.render(doc, style="ent")  # ent style shows characters as they are
    assert "rate" in displacy.render(doc, style="span", options={"spans_key": "figures"})


def test_result_doc_works_for_stored_results_too(nlp, tmp_path):
    result = nlp("区委书记王立新出席青禾智能制造产业园项目开工仪式，项目总投资42亿元。", doc_id="d1")
    with hynlp.open_store(tmp_path / "h.sqlite") as store:
        store.write([result])
        stored = store.get("d1")
    assert stored == result
    assert [(e.text, e.label_) for e in stored.doc.ents] == [(e.text, e.label_) for e in result.doc.ents]


def test_to_frame_gives_one_frame_per_record_kind(nlp):
    raw = (CORPORA / "noisy" / "qinghe-2024-06-renewal-noisy.txt").read_bytes()
    result = nlp(raw, doc_id="renewal")
    frames = result.to_frame()
    assert isinstance(frames, hynlp.ResultFrames)
    assert set(frames.as_dict()) == {"entities", "figures", "officials", "repairs"}
    assert len(frames.figures) == len(result.figures) and len(frames.repairs) == len(result.article.repairs)
    assert isinstance(frames.figures, pd.DataFrame)
    assert Decimal("97.43") in set(frames.figures["value"])
    assert {"pinyin", "mojibake"} <= set(frames.repairs["kind"])


@pytest.mark.parametrize("make", [lambda tmp: tmp / "no-such-model", lambda tmp: tmp])
def test_a_ner_model_path_that_is_no_model_is_a_coded_error(tmp_path, make):
    with pytest.raises(ModelNotFound) as caught:
        hynlp.load(ner_model=str(make(tmp_path)))
    assert caught.value.code == "E501" and str(make(tmp_path)) in str(caught.value)


def test_a_model_of_another_kind_is_refused_naming_what_it_holds(tmp_path):
    (tmp_path / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    with pytest.raises(hynlp.HynlpError) as caught:
        hynlp.load(ner_model=str(tmp_path))
    assert caught.value.code == "E502" and "'bert'" in str(caught.value)


def test_the_readme_path_from_load_to_a_figures_frame(nlp, tmp_path):
    db = tmp_path / "hynlp.sqlite"
    summary = hynlp.extract_paths([CORPORA / "articles" / "qinghe-2024-03-groundbreaking.txt"], db=db)
    assert summary.articles == 1
    with hynlp.open_store(db) as store:
        figures = store.figures(kind="investment", region="青禾区", since="2024-01-01")
    assert isinstance(figures, pd.DataFrame) and not figures.empty
    assert set(figures["doc_id"]) == {"qinghe-2024-03-groundbreaking"}


def test_error_codes_are_unique_and_every_error_has_a_hint():
    from hynlp import errors

    classes = [obj for obj in vars(errors).values()
               if isinstance(obj, type) and issubclass(obj, errors.HynlpError) and obj is not errors.HynlpError]
    codes = [cls.code for cls in classes]
    assert len(codes) == len(set(codes)), sorted(code for code in codes if codes.count(code) > 1)
    assert all(cls.hint for cls in classes)
