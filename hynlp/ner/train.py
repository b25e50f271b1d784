"""``hynlp train ner``: train the character NER model on annotated files, seeded and recorded.

Each training file's label scheme is read off its labels (MSRA-style
PER/LOC/ORG or CLUENER's ten types) and trains that scheme's head; the
encoder is shared. A seeded slice of every file is held out as its dev set,
and the epoch with the best mean dev F1 is the one saved.
"""

from __future__ import annotations

import platform
import random
import time
from collections.abc import Callable
from pathlib import Path

import torch
from pydantic import BaseModel, ConfigDict, Field

from hynlp.config import PIPELINE_VERSION
from hynlp.errors import DatasetFormatError
from hynlp.ner.batches import batches, examples, tensors
from hynlp.ner.features import Vocab
from hynlp.ner.network import CharNerNetwork, NetworkShape
from hynlp.ner.scoring import score_sentences
from hynlp.ner.spans import SCHEMES, TaggedSentence, fold, scheme_of
from hynlp.ner.tagger import NerModel


class TrainConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    train: tuple[str, ...] = Field(description="annotated files (BIO/BMES/CLUENER); each trains its scheme's head")
    dev_fraction: float = Field(0.05, gt=0, lt=1, description="seeded share of each file held out for model selection")
    seed: int = 13
    epochs: int = 12
    minutes: float | None = Field(None, description="stop after the epoch that passes this much training time")
    batch_size: int = 32
    learning_rate: float = 2e-3
    lr_decay: float = 0.9
    max_len: int = 160
    min_bigram_count: int = 2
    max_bigrams: int = 150_000
    char_dim: int = 128
    bigram_dim: int = 64
    word_tag_dim: int = 16
    hidden_size: int = 192
    num_layers: int = 1
    dropout: float = 0.3
    threads: int | None = Field(None, description="torch CPU threads; default: torch's choice")
    oversample: dict[str, int] = Field({}, description="times each scheme's sentences are seen per epoch")
    ema_decay: float = Field(0.999, ge=0, lt=1, description="moving average of the weights that is kept; 0: last")


def head_labels(scheme: str) -> list[str]:
    return ["O", *[f"{p}-{label}" for label in SCHEMES[scheme] for p in ("B", "I")]]


def split_dev(sentences: list[TaggedSentence], fraction: float, rng: random.Random):
    order = list(range(len(sentences)))
    rng.shuffle(order)
    cut = max(1, int(len(order) * fraction))
    dev = {i for i in order[:cut]}
    return [s for i, s in enumerate(sentences) if i not in dev], [s for i, s in enumerate(sentences) if i in dev]


def load_training_data(config: TrainConfig, rng: random.Random) -> dict[str, tuple[list, list]]:
    """``{scheme: (train sentences, dev sentences)}``, folded into the scheme."""
    from hynlp.store.ner_datasets import read_tagged

    data: dict[str, tuple[list, list]] = {}
    for path in config.train:
        sentences = list(read_tagged(path))
        scheme = scheme_of(label for s in sentences for _, _, label in s.spans)
        if scheme is None:
            raise DatasetFormatError(f"{path}: its labels belong to no scheme hynlp trains "
                                     f"({'; '.join(f'{k}: {sorted(v)}' for k, v in SCHEMES.items())})")
        train, dev = split_dev([fold(s, scheme) for s in sentences], config.dev_fraction, rng)
        old_train, old_dev = data.get(scheme, ([], []))
        data[scheme] = (old_train + train, old_dev + dev)
    return data


def build_model(config: TrainConfig, vocab: Vocab, schemes: list[str]) -> CharNerNetwork:
    return CharNerNetwork(NetworkShape(
        char_vocab_size=len(vocab.chars) + 2, bigram_vocab_size=len(vocab.bigrams) + 2,
        char_dim=config.char_dim, bigram_dim=config.bigram_dim, word_tag_dim=config.word_tag_dim,
        hidden_size=config.hidden_size, num_layers=config.num_layers, dropout=config.dropout,
        heads={scheme: head_labels(scheme) for scheme in schemes}))


def train_ner(config: TrainConfig, report: Callable[[str], None] = print,
              on_best: Callable[[NerModel, dict], None] | None = None) -> tuple[NerModel, dict]:
    """Train; return the best epoch's model and the training record (config, data, metrics, time).

    The weights evaluated and kept are an exponential moving average of the
    trained ones (``ema_decay``): smoother than the last step's, and better
    on held-out text. ``on_best`` is called whenever the dev score improves,
    so a long run interrupted still leaves its best model.
    """
    rng = random.Random(config.seed)
    torch.manual_seed(config.seed)
    if config.threads:
        torch.set_num_threads(config.threads)
    data = load_training_data(config, rng)
    vocab = Vocab.build((s.text for train, _ in data.values() for s in train),
                        min_bigram_count=config.min_bigram_count, max_bigrams=config.max_bigrams)
    model = build_model(config, vocab, sorted(data))
    averaged = build_model(config, vocab, sorted(data)).eval()
    averaged.load_state_dict(model.state_dict())
    tagger = NerModel(averaged, vocab, device="cpu")
    found = [e for scheme, (train, _) in data.items() for _ in range(config.oversample.get(scheme, 1))
             for e in examples(train, scheme, head_labels(scheme), tagger.featurizer, config.max_len)]
    report(f"{len(found)} training windows, {len(vocab.chars)} characters, {len(vocab.bigrams)} bigrams, "
           f"{sum(p.numel() for p in model.parameters()):,} parameters")
    optimizer = torch.optim.Adam(model.parameters(), lr=config.learning_rate)
    schedule = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=config.lr_decay)
    history, best, started = [], None, time.monotonic()
    for epoch in range(1, config.epochs + 1):
        loss = run_epoch(model, averaged, batches(found, config.batch_size, rng), optimizer, config.ema_decay)
        schedule.step()
        dev = {scheme: score_sentences(tagger, dev, scheme)["f1"] for scheme, (_, dev) in data.items()}
        minutes = (time.monotonic() - started) / 60
        history.append({"epoch": epoch, "loss": round(loss, 4), "dev_f1": dev, "minutes": round(minutes, 1)})
        report(f"epoch {epoch}: loss {loss:.4f}, dev F1 {dev}, {minutes:.1f} min")
        score = sum(dev.values()) / len(dev)
        if best is None or score >= best[0]:  # a tie goes to the longer-trained epoch
            best = (score, epoch, {k: v.detach().clone() for k, v in averaged.state_dict().items()})
            if on_best is not None:
                on_best(tagger, training_record(config, data, history, epoch, time.monotonic() - started))
        if config.minutes is not None and minutes >= config.minutes:
            break
    averaged.load_state_dict(best[2])
    record = training_record(config, data, history, best[1], time.monotonic() - started)
    return tagger, record


def run_epoch(model: CharNerNetwork, averaged: CharNerNetwork, batch_list: list, optimizer,
              ema_decay: float) -> float:
    model.train()
    total = 0.0
    trained = list(model.parameters())
    kept = list(averaged.parameters())
    for batch in batch_list:
        inputs = tensors([e.features for e in batch], [e.tags for e in batch])
        optimizer.zero_grad()
        loss, _ = model(**inputs, head=batch[0].head)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        with torch.no_grad():
            torch._foreach_lerp_(kept, trained, 1.0 - ema_decay)
        total += loss.item()
    model.eval()
    return total / max(1, len(batch_list))


def training_record(config: TrainConfig, data: dict, history: list, best_epoch: int, seconds: float) -> dict:
    from hynlp.store.ner_models import file_sha256

    return {
        "hynlp_version": PIPELINE_VERSION, "config": config.model_dump(),
        "data": [{"file": Path(p).name, "sha256": file_sha256(p)} for p in config.train],
        "sentences": {scheme: {"train": len(train), "dev": len(dev)} for scheme, (train, dev) in data.items()},
        "history": history, "best_epoch": best_epoch, "training_minutes": round(seconds / 60, 1),
        "hardware": {"machine": platform.machine(), "processor": platform.processor() or platform.machine(),
                     "torch_threads": torch.get_num_threads(), "torch": torch.__version__},
    }


def train_and_save(config: TrainConfig, out: str | Path, *, evaluate: tuple[str, ...] = (), command: str = "",
                   report: Callable[[str], None] = print) -> dict:
    """Train, score on the ``evaluate`` files, and write the model directory with its card."""
    from hynlp.ner.card import model_card
    from hynlp.ner.scoring import evaluate_file
    from hynlp.store.ner_models import save_ner_model

    def checkpoint(tagger: NerModel, record: dict) -> None:
        record = {**record, "evaluations": [], "command": command, "checkpoint": True}
        save_ner_model(out, tagger.model, tagger.featurizer.vocab, record,
                       model_card(Path(out).name, record, command, []))

    tagger, record = train_ner(config, report, on_best=checkpoint)
    evaluations = [evaluate_file(tagger, path) for path in evaluate]
    for ev in evaluations:
        report(f"{ev['dataset']}: P {ev['precision']:.4f} R {ev['recall']:.4f} F1 {ev['f1']:.4f}")
    for ev in evaluations:
        ev["dataset"] = Path(ev["dataset"]).name
    record["evaluations"] = evaluations
    record["command"] = command
    save_ner_model(out, tagger.model, tagger.featurizer.vocab, record, model_card(Path(out).name, record, command,
                                                                                   evaluations))
    return record
