"""The highlighted displaCy view of a result, on a real corpus article."""

from __future__ import annotations

from pathlib import Path

import hynlp
from hynlp.display import displacy_data, render

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


def test_view_shows_every_figure_and_non_overlapping_entities():
    result = hynlp.load()((CORPORA / "noisy" / "qinghe-2024-06-renewal-noisy.txt").read_bytes(), doc_id="r")
    spans = displacy_data(result)["ents"]
    assert [(s["start"], s["end"]) for s in spans if s["label"].islower()] == \
        [(f.start, f.end) for f in result.figures]
    assert all(a["end"] <= b["start"] for a, b in zip(spans, spans[1:]))
    html = render(result, jupyter=False)
    assert "北关片区城市更新项目指挥部" in html and "97.43%" in html
