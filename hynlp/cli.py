"""The ``hynlp`` command line: thin wrappers around library functions.

Exit codes: 0 success; 1 some documents failed (error rows were stored);
2 usage error; 3 a coded hynlp error stopped the command.
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
                  help="Structured facts from Chinese government and local news archives.")
EXIT_DOC_ERRORS = 1
EXIT_HYNLP_ERROR = 3


def _console(quiet: bool = False) -> Console:
    return Console(stderr=True, quiet=quiet)


def _fail(error: HynlpError) -> None:
    _console().print(f"[red]{error}[/red]")
    raise typer.Exit(EXIT_HYNLP_ERROR)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="files or folders (.txt .html .jsonl .csv .parquet)")],
    db: Annotated[str, typer.Option(help="SQLite path or postgresql:// URL")] = "hynlp.sqlite",
    format: Annotated[str, typer.Option("--format", help="'db' (default) or 'jsonl'")] = "db",
    out: Annotated[Optional[Path], typer.Option(help="output file for --format jsonl")] = None,
    text_column: Annotated[Optional[str], typer.Option(help="archive column with the text")] = None,
    id_column: Annotated[Optional[str], typer.Option(help="archive column with the document id")] = None,
    ner_model: Annotated[Optional[str], typer.Option(help="local token-classification model directory")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar or summary")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the summary as JSON")] = False,
) -> None:
    """Extract entities and figures from PATHS into a store (or JSONL).

    Examples:

      hynlp extract corpora/ --db hynlp.sqlite

      hynlp extract news.jsonl --text-column content --format jsonl --out facts.jsonl
    """
    from hynlp.api import extract_paths
    from hynlp.store.inputs import Columns

    logging.getLogger("jieba").setLevel(logging.WARNING)
    if format not in ("db", "jsonl") or (format == "jsonl" and out is None):
        _console().print("[red]--format is 'db' or 'jsonl'; jsonl needs --out FILE[/red]")
        raise typer.Exit(2)
    console = _console(quiet or as_json)
    try:
        with _progress(console) as on_progress:
            summary = extract_paths(paths, db=None if format == "jsonl" else db, jsonl=out,
                                    columns=Columns(text=text_column, id=id_column),
                                    ner_model=ner_model, progress=on_progress)
    except HynlpError as error:
        _fail(error)
    if as_json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        _print_summary(console, summary, out if format == "jsonl" else db)
    if summary.errors:
        raise typer.Exit(EXIT_DOC_ERRORS)


def _progress(console: Console):
    from contextlib import contextmanager

    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    @contextmanager
    def bar():
        columns = (TextColumn("[bold]extract"), BarColumn(), TextColumn("{task.completed} docs"),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=True) as progress:
            task = progress.add_task("extract", total=None, rate="")

            def update(summary) -> None:
                seconds = max(summary.seconds, 1e-9)
                rate = f"{summary.inputs / seconds:.1f} docs/s {summary.chars / seconds / 1000:.0f}K chars/s"
                progress.update(task, completed=summary.inputs, rate=rate)

            yield update

    return bar()


def _print_summary(console: Console, summary, where) -> None:
    data = summary.as_dict()
    console.print(f"[bold]{data['articles']}[/bold] articles extracted, {data['skipped']} unchanged, "
                  f"{data['errors']} errors in {data['seconds']:.1f}s -> {where}")
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
) -> None:
    """Print one stored article's repaired text, entities and figures.

    Example: hynlp show huaiyin-2023-noisy --db hynlp.sqlite
    """
    from hynlp.api import open_store

    try:
        with open_store(db) as store:
            result = store.get(doc_id)
    except HynlpError as error:
        _fail(error)
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

    Example: hynlp stats --db hynlp.sqlite --json
    """
    from hynlp.api import open_store

    try:
        with open_store(db) as store:
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
) -> None:
    """Export every table of a store. Example: hynlp export out/ --db hynlp.sqlite --format parquet"""
    from hynlp.api import open_store

    try:
        with open_store(db) as store:
            paths = store.export(out_dir, format)
    except HynlpError as error:
        _fail(error)
    for path in paths:
        print(path)


@app.command()
def evaluate(
    predictions: Annotated[Path, typer.Argument(help="JSONL written by hynlp extract --format jsonl")],
    gold: Annotated[list[Path], typer.Argument(help="gold article JSON files or folders")],
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Score extraction output against gold article files.

    Example: hynlp evaluate s.jsonl corpora/gold/ --json
    """
    from hynlp.evaluate import load_gold, score_documents
    from hynlp.store.jsonl import read_records

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
def schema(
    config: Annotated[bool, typer.Option("--config", help="the pipeline configuration schema instead")] = False,
) -> None:
    """Print the JSON Schema of the records (ExtractionResult). Example: hynlp schema > schema.json"""
    from hynlp.config import PipelineConfig
    from hynlp.records import ExtractionResult

    model = PipelineConfig if config else ExtractionResult
    print(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=1))


def main() -> None:  # pragma: no cover - console entry point
    sys.exit(app())


if __name__ == "__main__":
    app()
