"""The NER commands of the ``hynlp`` CLI: ``hynlp train ner`` and dataset scoring for ``hynlp evaluate``."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from hynlp.errors import HynlpError

train_app = typer.Typer(no_args_is_help=True, help="Train models.")


@train_app.command("ner")
def train_ner_command(
    train: Annotated[list[Path], typer.Argument(help="annotated files: BIO/BMES columns or CLUENER JSON lines")],
    out: Annotated[Path, typer.Option("--out", help="model directory to write")],
    evaluate: Annotated[Optional[list[Path]], typer.Option("--evaluate", help="test files scored into the card")] = None,
    epochs: Annotated[int, typer.Option(help="most epochs")] = 12,
    minutes: Annotated[Optional[float], typer.Option(help="stop after the epoch passing this many minutes")] = None,
    seed: Annotated[int, typer.Option(help="random seed")] = 13,
    hidden_size: Annotated[int, typer.Option(help="BiLSTM width per direction")] = 192,
    dropout: Annotated[float, typer.Option(help="dropout on embeddings and encoder output")] = 0.3,
    lr_decay: Annotated[float, typer.Option(help="learning-rate factor per epoch")] = 0.9,
    ema_decay: Annotated[float, typer.Option(help="moving average of the weights that is kept (0: last)")] = 0.999,
    oversample: Annotated[Optional[list[str]], typer.Option(help="SCHEME=N: see that scheme's data N times an epoch")] = None,
    threads: Annotated[Optional[int], typer.Option(help="torch CPU threads")] = None,
) -> None:
    """Train the character NER model; each file trains the head of its label scheme.

    Examples:

      hynlp train ner ../shared/datasets/msra_ner/msra_train_bio ../shared/datasets/cluener2020/train.json --out models/my-ner

      hynlp train ner train.bio --out my-ner --evaluate test.bio --epochs 3
    """
    from hynlp.ner.train import TrainConfig, train_and_save

    command = "hynlp train ner " + " ".join(shlex.quote(a) for a in sys.argv[3:])
    times = {name: int(n) for name, _, n in (item.partition("=") for item in oversample or ())}
    config = TrainConfig(train=tuple(str(p) for p in train), epochs=epochs, minutes=minutes, seed=seed,
                         hidden_size=hidden_size, dropout=dropout, lr_decay=lr_decay, ema_decay=ema_decay,
                         oversample=times, threads=threads)
    console = Console(stderr=True)
    try:
        train_and_save(config, out, evaluate=tuple(str(p) for p in evaluate or ()), command=command,
                       report=console.print)
    except HynlpError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(3) from None
    console.print(f"model written to {out}")


def print_dataset_scores(paths: list[Path], model: Optional[str], fmt: Optional[str], as_json: bool) -> None:
    """Score the NER model on annotated files and print P/R/F1 per type (or JSON)."""
    from hynlp.ner.scoring import evaluate_files

    reports = evaluate_files(paths, model, fmt)
    if as_json:
        print(json.dumps(reports[0] if len(reports) == 1 else reports, ensure_ascii=False, indent=1))
        return
    for report in reports:
        table = Table("type", "P", "R", "F1", "tp/pred/gold",
                      title=f"{report['dataset']} ({report['scheme']}, {report['sentences']} sentences)")
        for name, m in [*report["per_type"].items(), ("micro", report)]:
            table.add_row(name, f"{m['precision']:.4f}", f"{m['recall']:.4f}", f"{m['f1']:.4f}",
                          f"{m['tp']}/{m['predicted']}/{m['gold']}")
        Console().print(table)
