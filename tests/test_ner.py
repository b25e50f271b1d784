"""The NER model: dataset readers, tags and spans, the CRF, training, scoring, the CLI and the pipeline step."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import torch

from hynlp.errors import DatasetFormatError, ModelNotSupported
from hynlp.ner.batches import windows
from hynlp.ner.crf import CRF, allowed_transitions
from hynlp.ner.features import Featurizer, Vocab, fold_char
from hynlp.ner.scoring import evaluate_file
from hynlp.ner.spans import SpanScores, bio_tags, scheme_of, spans_from_tags
from hynlp.ner.train import TrainConfig, train_and_save
from hynlp.store.ner_datasets import detect_format, is_ner_dataset, read_tagged
from hynlp.store.ner_models import load_ner_model

# Our own sentences, in the genre, with fictional names.
SENTENCES = [
    ("青禾区委书记林振华到东岚县调研。", [(0, 3, "LOC"), (7, 10, "PER"), (11, 14, "LOC")]),
    ("北原区政府与岚州市签订合作协议。", [(0, 5, "ORG"), (6, 9, "LOC")]),
    ("林振华指出，澜溪区要加快项目建设。", [(0, 3, "PER"), (6, 9, "LOC")]),
    ("松涛县县长周明远出席开工仪式。", [(0, 3, "LOC"), (5, 8, "PER")]),
    ("周明远表示，北原区政府全力支持。", [(0, 3, "PER"), (6, 11, "ORG")]),
    ("东岚县与青禾区共建产业园。", [(0, 3, "LOC"), (4, 7, "LOC")]),
]
CLUENER_LINES = [
    {"text": "青禾建设集团与东岚县人民政府签约。",
     "label": {"company": {"青禾建设集团": [[0, 5]]}, "government": {"东岚县人民政府": [[7, 13]]}}},
    {"text": "澜溪科技公司董事长赵一凡出席。",
     "label": {"company": {"澜溪科技公司": [[0, 5]]}, "position": {"董事长": [[6, 8]]}, "name": {"赵一凡": [[9, 11]]}}},
]


def write_bio(path, sentences, tag_format="bio"):
    lines = []
    for text, spans in sentences:
        tags = bio_tags(len(text), spans)
        if tag_format == "bmes":
            tags = [t.replace("B-", "S-") if t.startswith("B-") and (i + 1 == len(tags) or not tags[i + 1].startswith("I-"))
                    else t for i, t in enumerate(tags)]
            tags = [("E-" + t[2:]) if t.startswith("I-") and (i + 1 == len(tags) or not tags[i + 1].startswith("I-"))
                    else ("M-" + t[2:]) if t.startswith("I-") else t for i, t in enumerate(tags)]
        lines += [f"{c}\t{t}" for c, t in zip(text, tags)] + [""]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ner-data")
    bio = write_bio(folder / "train.bio", SENTENCES)
    cluener = folder / "train.json"
    cluener.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in CLUENER_LINES) + "\n", encoding="utf-8")
    return folder, bio, cluener


@pytest.fixture(scope="module")
def trained(data, tmp_path_factory):
    """A tiny model that learns the training sentences by heart: 2 seconds of CPU."""
    _, bio, cluener = data
    out = tmp_path_factory.mktemp("model") / "tiny-ner"
    config = TrainConfig(train=(str(bio), str(cluener)), epochs=60, dev_fraction=0.2, char_dim=24,
                         bigram_dim=8, word_tag_dim=4, hidden_size=24, dropout=0.0, learning_rate=0.02,
                         lr_decay=1.0, min_bigram_count=1, seed=7, threads=1, ema_decay=0.0)
    record = train_and_save(config, out, evaluate=(str(bio),), command="pytest", report=lambda _: None)
    return out, record


def test_column_and_cluener_readers_give_the_same_spans(data, tmp_path):
    _, bio, cluener = data
    assert [(s.text, s.spans) for s in read_tagged(bio)] == [(t, sorted(s)) for t, s in SENTENCES]
    bmes = write_bio(tmp_path / "x.bmes", SENTENCES, "bmes")
    assert detect_format(bmes) == "bmes" and [s.spans for s in read_tagged(bmes)] == [sorted(s) for _, s in SENTENCES]
    first = next(read_tagged(cluener))
    assert first.spans == [(0, 6, "company"), (7, 14, "government")]  # CLUENER's inclusive ends, made exclusive
    assert is_ner_dataset(bio) and is_ner_dataset(cluener)


def test_a_malformed_dataset_line_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.bio"
    bad.write_text("青\tB-LOC\n禾 区\tI-LOC\tX\n", encoding="utf-8")
    with pytest.raises(DatasetFormatError, match=r"bad.bio:2") as caught:
        list(read_tagged(bad, "bio"))
    assert caught.value.code == "E504"


def test_weibo_columns_keep_the_character_and_fold_labels(tmp_path):
    path = tmp_path / "weibo.conll"
    path.write_text("林0\tB-PER.NAM\n振1\tI-PER.NAM\n华2\tI-PER.NAM\n说0\tO\n", encoding="utf-8")
    sentence = next(read_tagged(path))
    assert sentence.text == "林振华说" and scheme_of(["PER.NAM"]) == "msra"


@pytest.mark.parametrize("tags, spans", [
    (["B-PER", "I-PER", "O"], [(0, 2, "PER")]),
    (["I-LOC", "I-LOC"], [(0, 2, "LOC")]),           # a stray I- starts a span
    (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
    (["B-ORG", "M-ORG", "E-ORG", "S-PER"], [(0, 3, "ORG"), (3, 4, "PER")]),
])
def test_spans_from_tags(tags, spans):
    assert spans_from_tags(tags) == spans


def test_span_scores_are_exact_match_micro_and_per_type():
    report = SpanScores.of([([(0, 2, "PER"), (3, 5, "LOC")], [(0, 2, "PER"), (3, 6, "LOC")])]).report()
    assert (report["precision"], report["recall"], report["f1"]) == (0.5, 0.5, 0.5)
    assert report["per_type"]["PER"]["f1"] == 1.0 and report["per_type"]["LOC"]["f1"] == 0.0


def test_the_crf_never_decodes_an_impossible_tag_sequence():
    labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]
    crf = CRF(labels)
    torch.manual_seed(0)
    paths = crf.decode(torch.randn(8, 12, len(labels)) * 5, torch.ones(8, 12, dtype=torch.bool))
    allowed = allowed_transitions(labels)
    for path in paths:
        assert not labels[path[0]].startswith("I-")
        assert all(allowed[a, b] for a, b in zip(path, path[1:]))


def test_crf_likelihood_prefers_the_gold_path():
    crf = CRF(["O", "B-PER", "I-PER"])
    emissions = torch.tensor([[[0.0, 3.0, 0.0], [0.0, 0.0, 3.0], [3.0, 0.0, 0.0]]])
    mask = torch.ones(1, 3, dtype=torch.bool)
    gold = crf.neg_log_likelihood(emissions, torch.tensor([[1, 2, 0]]), mask)
    wrong = crf.neg_log_likelihood(emissions, torch.tensor([[0, 0, 0]]), mask)
    assert 0 < gold < wrong


def test_windows_cut_after_marks_and_never_inside_a_span():
    text = "甲" * 8 + "。" + "乙" * 8 + "，" + "丙" * 8
    pieces = windows(text, [(15, 20, "X")], max_len=12)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(e - s <= 12 for s, e in pieces) and not any(s < 20 and 15 < s for s, _ in pieces)


def test_features_fold_width_case_and_digits_and_align_with_the_text():
    assert fold_char("Ａ") == "a" and fold_char("７") == "0" == fold_char("3")
    vocab = Vocab.build(["青禾区2024年"], min_bigram_count=1)
    features = Featurizer(vocab)("青禾区2024年，ＡＢ")
    assert len(features.chars) == len(features.word_tags) == 11 and len(features.bigrams) == 12
    assert Vocab.from_json(vocab.to_json()) == vocab


def test_training_learns_the_sentences_and_saves_a_complete_directory(trained):
    out, record = trained
    assert {p.name for p in out.iterdir()} >= {"config.json", "model.safetensors", "vocab.json", "training.json",
                                               "README.md"}
    assert record["evaluations"][0]["f1"] >= 0.8  # one sentence of the file was held out as dev
    assert record["data"][0]["sha256"] and record["config"]["seed"] == 7
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "License" in card and "pytest" in card and "| train.bio | msra |" in card


def test_a_loaded_model_tags_like_the_trained_one_and_handles_any_length(trained, data):
    out, record = trained
    model = load_ner_model(out)
    assert set(model.heads) == {"msra", "cluener"}
    long_text = "，".join(t for t, _ in SENTENCES) * 20  # longer than one window
    (spans,) = model.predict([long_text], "msra")
    assert spans and all(0 <= s < e <= len(long_text) for s, e, _ in spans)
    assert evaluate_file(model, data[1])["f1"] == record["evaluations"][0]["f1"]


def test_the_saved_directory_loads_with_transformers_auto_classes(trained):
    from transformers import AutoModelForTokenClassification

    import hynlp.ner.model  # noqa: F401 - registers the model type with the Auto classes
    from hynlp.ner.batches import tensors

    ours = load_ner_model(trained[0])
    theirs = AutoModelForTokenClassification.from_pretrained(trained[0]).eval()
    inputs = tensors([ours.featurizer(SENTENCES[0][0])])
    expected = ours.model.decode(heads=["msra"], **inputs)
    assert theirs.decode(heads=["msra"], **inputs) == expected
    out = theirs(**{k: v for k, v in inputs.items()}, head="msra")
    assert tuple(out.logits.shape) == (1, len(SENTENCES[0][0]), len(ours.heads["msra"]))


def test_a_dataset_of_a_scheme_the_model_lacks_is_refused(tmp_path, trained):
    path = tmp_path / "resume.bmes"
    path.write_text("清\tB-EDU\n华\tE-EDU\n\n", encoding="utf-8")
    with pytest.raises(ModelNotSupported):
        evaluate_file(load_ner_model(trained[0]), path)


def test_cli_evaluate_prints_micro_and_per_type_json(trained, data):
    done = subprocess.run([sys.executable, "-m", "hynlp.cli", "evaluate", str(data[1]), "--model", str(trained[0]),
                           "--json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["f1"] >= 0.8 and set(report["per_type"]) == {"PER", "LOC", "ORG"}


def test_the_pipeline_fuses_model_entities_only_where_rules_are_silent(trained):
    import hynlp

    nlp = hynlp.load(ner_model=str(trained[0]))
    assert nlp.component_names.index("ner") == nlp.component_names.index("entities") - 1
    text = "周明远表示，北原区政府全力支持。林振华到东岚县调研。"
    predicted = load_ner_model(trained[0]).predict_heads([text], ["msra", "cluener"])
    model_spans = {(s, e) for head in predicted.values() for s, e, _ in head[0]}
    entities = nlp(text).entities
    from_model = [e for e in entities if e.source == "model"]
    others = [e for e in entities if e.source != "model"]
    assert all((e.start, e.end) in model_spans and e.type in ("PERSON", "PLACE", "COMPANY", "GOV", "ORG")
               for e in from_model)
    assert not any(m.start < o.end and o.start < m.end for m in from_model for o in others)
    assert "北原区政府" in {e.text for e in others}  # the rule's GOV stands whatever the model says


def test_any_token_classification_model_directory_plugs_in(tmp_path):
    """A BERT-style model and tokenizer saved by transformers, with BIO labels of PER/LOC/ORG."""
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    import hynlp

    chars = sorted(set("".join(t for t, _ in SENTENCES)))
    (tmp_path / "vocab.txt").write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars]) + "\n",
                                        encoding="utf-8")
    BertTokenizerFast(vocab_file=str(tmp_path / "vocab.txt")).save_pretrained(tmp_path / "bert")
    labels = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
    config = BertConfig(vocab_size=5 + len(chars), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, id2label=dict(enumerate(labels)),
                        label2id={label: i for i, label in enumerate(labels)})
    torch.manual_seed(0)
    BertForTokenClassification(config).save_pretrained(tmp_path / "bert")
    model = load_ner_model(tmp_path / "bert")
    assert list(model.heads) == ["msra"]
    text = SENTENCES[0][0] + " " + SENTENCES[1][0]
    (spans,) = model.predict([text], "msra")
    assert all(0 <= s < e <= len(text) and label in ("PER", "LOC", "ORG") for s, e, label in spans)
    nlp = hynlp.load(ner_model=str(tmp_path / "bert"))
    assert "ner" in nlp.component_names
    assert any(e.text == "林振华" for e in nlp(SENTENCES[0][0]).entities)  # the pipeline runs with it
