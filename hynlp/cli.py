"""The ``hynlp`` command line: thin wrappers around library functions.

Every command's ``--help`` has examples. For scripts: ``--json`` prints
machine-readable output on stdout (``extract``, ``show``, ``stats``,
``export``, ``evaluate``), ``--quiet`` drops progress and summaries
(``extract``, ``export``); messages and errors go to stderr.

Exit codes:

* 0 -- success;
* 1 -- ``extract`` finished but some documents failed (they are stored as
  error rows with their code; ``hynlp stats`` counts them);
* 2 -- usage error (unknown option, missing argument);
* 3 -- a coded hynlp error stopped the command; the message starts with
  ``[E…]``, names the file, row or store, and its ``hint:`` line says what to do;
* 130 -- Ctrl-C stopped ``extract`` (what was done is stored; ``--resume`` continues).
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from hynlp.errors import HynlpError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Structured facts from Chinese government and local news archives.",
                  epilog="Exit codes: 0 ok; 1 some documents failed (stored as error rows); 2 usage error; "
                         "3 a coded [E…] error stopped the command (see its hint); 130 interrupted.")
EXIT_DOC_ERRORS = 1
EXIT_HYNLP_ERROR = 3
EXIT_INTERRUPTED = 130  # the shell's code for a command stopped by SIGINT


def _console(quiet: bool = False) -> Console:
    return Console(stderr=True, quiet=quiet)


def _fail(error: HynlpError) -> None:
    _console().print(f"[red]{error}[/red]")
    raise typer.Exit(EXIT_HYNLP_ERROR)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="files or folders (.txt .html .jsonl .csv .parquet)")],
    db: Annotated[str, typer.Option(help="SQLite path or postgresql:// URL")] = "hynlp.sqlite",
    format: Annotated[str, typer.Option("--format", help="db (default), jsonl, parquet (Ray)")] = "db",
    out: Annotated[Optional[Path], typer.Option(help="output file for jsonl, folder for parquet")] = None,
    text_column: Annotated[Optional[str], typer.Option(help="archive column with the text")] = None,
    id_column: Annotated[Optional[str], typer.Option(help="archive column with the document id")] = None,
    ner_model: Annotated[Optional[str], typer.Option(help="NER model directory (default: the shipped model)")] = None,
    rules_only: Annotated[bool, typer.Option("--rules-only", help="no NER model: rules and gazetteers only")] = False,
    workers: Annotated[Optional[int], typer.Option(
        help="processes (Ray: actors) each loading the pipeline once (default 1; Ray: one per CPU)")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="continue the last unfinished run")] = False,
    engine: Annotated[str, typer.Option(help="'local' or 'ray' (needs pip install 'hynlp\\[ray]')")] = "local",
    address: Annotated[Optional[str], typer.Option(help="Ray cluster address for --engine ray, e.g. auto")] = None,
    max_doc_bytes: Annotated[Optional[int], typer.Option(
        help="larger documents become E104 error rows (default 1 MiB)")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar or summary")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the summary as JSON")] = False,
) -> None:
    """Extract entities and figures from PATHS into a store (or JSONL).

    Ctrl-C stops cleanly, keeping what is done; --resume continues.

    Examples:

      hynlp extract corpora/ --db hynlp.sqlite --workers 4

      hynlp extract news.jsonl --text-column content --format jsonl --out facts.jsonl

      hynlp extract archive/ --db postgresql://user@host/db --engine ray --address auto
    """
    from hynlp.api import extract_paths
    from hynlp.batch import BatchInterrupted
    from hynlp.store.inputs import Columns

    logging.getLogger("jieba").setLevel(logging.WARNING)
    if format not in ("db", "jsonl", "parquet") or (format != "db" and out is None):
        _console().print("[red]--format is 'db', 'jsonl' or 'parquet'; jsonl and parquet need --out[/red]")
        raise typer.Exit(2)
    console = _console(quiet or as_json)
    where = db if format == "db" else out
    limit = {} if max_doc_bytes is None else {"max_doc_bytes": max_doc_bytes}
    try:
        with _progress(console) as on_progress:
            summary = extract_paths(paths, db=db if format == "db" else None,
                                    jsonl=out if format == "jsonl" else None,
                                    parquet=out if format == "parquet" else None,
                                    columns=Columns(text=text_column, id=id_column), ner_model=ner_model,
                                    rules_only=rules_only,
                                    progress=on_progress, workers=workers, resume=resume, engine=engine,
                                    address=address, **limit)
    except HynlpError as error:
        _fail(error)
    except BatchInterrupted as stop:
        _report(console, stop.summary, where, as_json)
        _console().print("[yellow]interrupted: what is done is stored; continue with --resume[/yellow]")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    _report(console, summary, where, as_json)
    if summary.errors:
        raise typer.Exit(EXIT_DOC_ERRORS)


def _report(console: Console, summary, where, as_json: bool) -> None:
    if as_json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        _print_summary(console, summary, where)


def _progress(console: Console):
    from contextlib import contextmanager

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    @contextmanager
    def bar():
        columns = (TextColumn("[bold]extract"), BarColumn(), TextColumn("{task.completed}/{task.fields[of]} docs"),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                   TimeRemainingColumn())
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("extract", total=None, rate="", of="?")

            def update(summary) -> None:
                seconds = max(summary.seconds, 1e-9)
                rate = f"{summary.inputs / seconds:.1f} docs/s {summary.chars / seconds / 1000:.1f}K chars/s"
                progress.update(task, completed=summary.inputs, total=summary.total, rate=rate,
                                of=summary.total if summary.total is not None else "?")

            yield update

    return bar()


def _print_summary(console: Console, summary, where) -> None:
    data = summary.as_dict()
    console.print(f"[bold]{data['articles']}[/bold] articles extracted, {data['skipped']} unchanged, "
                  f"{data['errors']} errors in {data['seconds']:.1f}s -> {where}"
                  + (f" (resumed run {data['run_id']})" if data["resumed"] else ""))
    table = Table("what", "count", title="entities and figures")
    for name, count in data["entities_by_type"].items():
        table.add_row(f"entity {name}", str(count))
    for name, count in data["figures_by_kind"].items():
        table.add_row(f"figure {name}", str(count))
    console.print(table)
    for code, count in data["error_codes"].items():
        console.print(f"[yellow]{count} documents failed with {code}[/yellow]")


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="document id (the file stem for .txt inputs)")],
    db: Annotated[str, typer.Option(help="SQLite path or postgresql:// URL")] = "hynlp.sqlite",
    as_json: Annotated[bool, typer.Option("--json", help="print the record as one JSON object (the JSONL contract)")] = False,
) -> None:
    """Print one stored article's repaired text, entities and figures.

    Examples:

      hynlp show qinghe-2024-03-groundbreaking --db hynlp.sqlite

      hynlp show qinghe-2024-06-renewal-noisy --json | jq '.figures[] | {kind, value, unit}'
    """
    from hynlp.api import open_store

    try:
        with open_store(db, create=False) as store:
            result = store.get(doc_id)
    except HynlpError as error:
        _fail(error)
    if as_json:
        print(json.dumps(result.to_record(), ensure_ascii=False))
        return
    console = Console()
    console.print(f"[bold]{result.article.title or result.doc_id}[/bold]  ({len(result.article.repairs)} repairs)")
    console.print(result.article.text, markup=False)
    entities = Table("type", "text", "title", "organization", title="entities")
    for e in result.entities:
        entities.add_row(e.type, e.text, e.title or "", e.organization or "")
    console.print(entities)
    figures = Table("kind", "value", "unit", "qualifier", "surface", "subject", title="figures")
    for f in result.figures:
        value = f"{f.value}" + (f"–{f.value_max}" if f.value_max is not None else "")
        figures.add_row(f.kind, value, f.unit, f.qualifier, f.surface, f.subject or "")
    console.print(figures)


@app.command()
def stats(
    db: Annotated[str, typer.Option(help="SQLite path or postgresql:// URL")] = "hynlp.sqlite",
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Counts in a store: articles ok and error, entities by type, figures by kind.

    Examples:

      hynlp stats --db hynlp.sqlite

      hynlp stats --db postgresql://hynlp@localhost/hynlp --json
    """
    from hynlp.api import open_store

    try:
        with open_store(db, create=False) as store:
            data = store.stats()
    except HynlpError as error:
        _fail(error)
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=1, default=str))
        return
    table = Table("measure", "value", title=f"store {db}")
    for key, value in data.items():
        table.add_row(key, json.dumps(value, ensure_ascii=False, default=str))
    Console().print(table)


@app.command()
def export(
    out_dir: Annotated[Path, typer.Argument(help="folder for one file per table")],
    db: Annotated[str, typer.Option(help="SQLite path or postgresql:// URL")] = "hynlp.sqlite",
    format: Annotated[str, typer.Option("--format", help="parquet, jsonl or csv")] = "parquet",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="do not list the files written")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="list the files written as a JSON array")] = False,
) -> None:
    """Export every table of a store, one file per table (articles, entities, figures, ...).

    Examples:

      hynlp export out/ --db hynlp.sqlite --format parquet

      hynlp export out/ --db hynlp.sqlite --format csv --quiet
    """
    from hynlp.api import open_store

    try:
        with open_store(db, create=False) as store:
            paths = store.export(out_dir, format)
    except HynlpError as error:
        _fail(error)
    if as_json:
        print(json.dumps([str(path) for path in paths]))
    elif not quiet:
        for path in paths:
            print(path)


@app.command()
def evaluate(
    paths: Annotated[list[Path], typer.Argument(help="predictions JSONL then gold files/folders; or NER datasets")],
    model: Annotated[Optional[str], typer.Option("--model", help="NER model directory (datasets; default: shipped)")] = None,
    fmt: Annotated[Optional[str], typer.Option("--format", help="dataset format: bio, bmes or cluener")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Score extraction output against gold article files, or the NER model on annotated datasets.

    With BIO/BMES column files or CLUENER JSON lines, the NER model is scored:
    P/R/F1 per type, and micro ``precision``/``recall``/``f1`` with --json.

    Examples:

      hynlp extract corpora/ --format jsonl --out s.jsonl && hynlp evaluate s.jsonl corpora/gold/

      hynlp evaluate ../shared/datasets/msra_ner/msra_test_bio --json

      hynlp evaluate ../shared/datasets/cluener2020/dev.json --model models/hynlp-ner-small
    """
    from hynlp.store.ner_datasets import is_ner_dataset

    try:
        if model is not None or fmt is not None or is_ner_dataset(paths[0]):
            from hynlp.cli_ner import print_dataset_scores

            print_dataset_scores(paths, model, fmt, as_json)
            return
        _print_article_scores(paths[0], paths[1:], as_json)
    except HynlpError as error:
        _fail(error)


def _print_article_scores(predictions: Path, gold: list[Path], as_json: bool) -> None:
    from hynlp.evaluate import load_gold, score_documents
    from hynlp.store.jsonl import read_records

    if not gold:
        raise typer.BadParameter("give the gold article files or folders after the predictions JSONL")
    scores = score_documents(read_records(predictions), load_gold(gold))
    if as_json:
        print(json.dumps(scores, ensure_ascii=False, indent=1))
        return
    table = Table("measure", "P", "R", "F1", "tp/fp/fn", title=f"{scores['documents']} documents")
    for name, value in scores.items():
        if isinstance(value, dict):
            table.add_row(name, f"{value['precision']:.3f}", f"{value['recall']:.3f}", f"{value['f1']:.3f}",
                          f"{value['tp']}/{value['fp']}/{value['fn']}")
    Console().print(table)


@app.command()
def bench(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="text to measure on [default: corpora/]")] = None,
    repeat: Annotated[int, typer.Option(help="read the text this many times (repeats flatter the memo)")] = 1,
    workers: Annotated[int, typer.Option(help="workers for the scaling measure")] = 2,
    ner_model: Annotated[Optional[str], typer.Option(help="NER model for the model path (default: the shipped one)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Measure chars/s, worker speedup, RSS and start-up beside bare jieba.cut.

    Example: hynlp bench --json
    """
    import hynlp.pipeline  # noqa: F401 - imports jieba, which sets its own log level
    from hynlp.bench import run_bench

    logging.getLogger("jieba").setLevel(logging.WARNING)
    try:
        report = run_bench(paths or [Path("corpora")], repeat=repeat, ner_model=ner_model, workers=workers)
    except HynlpError as error:
        _fail(error)
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    table = Table("measure", "value", title=f"hynlp bench on {report['machine']['cpu']}")
    for section, values in report.items():
        table.add_row(section, json.dumps(values, ensure_ascii=False))
    Console().print(table)


@app.command()
def schema(
    config: Annotated[bool, typer.Option("--config", help="the pipeline configuration schema instead")] = False,
) -> None:
    """Print the JSON Schema of the records (ExtractionResult), or of the configuration.

    Examples:

      hynlp schema > schema.json

      hynlp schema --config
    """
    from hynlp.config import PipelineConfig
    from hynlp.records import ExtractionResult

    model = PipelineConfig if config else ExtractionResult
    print(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=1))


from hynlp.cli_ner import train_app  # noqa: E402  (registered after the commands above)

app.add_typer(train_app, name="train")


def main() -> None:  # pragma: no cover - console entry point
    sys.exit(app())


if __name__ == "__main__":
    app()
