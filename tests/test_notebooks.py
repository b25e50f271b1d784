"""Both notebooks run top to bottom, and are stored without outputs.

Notebook 02 writes its plots to notebooks/output/ (git-ignored); the test
checks that they are there and were written by this run.
"""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
OUTPUT = NOTEBOOKS / "output"
CELL_TIMEOUT_S = 120
PLOTS = ["investment_by_district_month.png", "signing_rate_progress.png", "officials_projects_network.png"]


def notebook_paths() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def test_both_notebooks_are_there():
    assert [path.name for path in notebook_paths()] == ["01-quickstart.ipynb", "02-archive-analysis.ipynb"]


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda path: path.stem)
def test_notebook_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs"


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda path: path.stem)
def test_notebook_runs_top_to_bottom(path):
    started = time.time()
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    errors = [output for cell in notebook.cells for output in cell.get("outputs", [])
              if output.get("output_type") == "error"]
    assert not errors
    if path.name.startswith("02-"):
        for name in PLOTS:
            plot = OUTPUT / name
            assert plot.is_file() and plot.stat().st_mtime >= started - 1, f"{name} was not written"
