"""Scoring extraction results against gold article files (our corpus format).

The rules follow ``eval/CONVENTIONS.md``: entities are compared as sets of
(type, folded text) per article, officials on name plus title (either title
containing the other), figures on value and unit class, with kind, qualifier
and subject checked separately (a subject matches when it shares a run of at
least 3 characters and 30% of the gold subject).

>>> gold = {"id": "a", "entities": [{"type": "PERSON", "text": "王立新", "title": "区委书记"}],
...         "figures": [{"kind": "investment", "value": 5e8, "unit": "CNY", "qualifier": "exact"}]}
>>> pred = {"doc_id": "a", "entities": [{"type": "PERSON", "text": "王立新", "title": "区委书记"}],
...         "figures": [{"kind": "investment", "value": 500000000, "unit": "CNY"}]}
>>> scores = score_documents([pred], [gold])
>>> scores["FIGURE"]["f1"], scores["OFFICIAL"]["f1"]
(1.0, 1.0)
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from hynlp.errors import BadArchiveRow, InputNotFound

ENTITY_GROUPS = ("PROJECT", "COMPANY", "PERSON", "GOV", "PLACE", "ORG")
GROUP_OF = {"official": "PERSON", "person": "PERSON", "project": "PROJECT", "company": "COMPANY",
            "government": "GOV", "gov": "GOV", "place": "PLACE", "location": "PLACE", "loc": "PLACE",
            "org": "ORG", "organization": "ORG", "date": "DATE"}
UNIT_CLASS = {
    "cny": "CNY", "yuan": "CNY", "元": "CNY", "rmb": "CNY", "%": "%", "percent": "%",
    "percentage_points": "pp", "个百分点": "pp", "m2": "m2", "平方米": "m2", "mu": "mu", "亩": "mu",
    "km2": "km2", "平方公里": "km2", "km": "km", "公里": "km", "m": "m", "米": "m", "kw": "kW",
    "mw": "MW", "mwp": "MWp", "households": "households", "户": "households",
}
FOLD_DROP = dict.fromkeys(map(ord, " \t\r\n\u3000\"'“”‘’《》「」『』"))


def fold(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").translate(FOLD_DROP)


def group(entity_type: str | None) -> str:
    return GROUP_OF.get((entity_type or "").lower(), (entity_type or "").upper())


def unit_class(unit: str | None) -> str:
    return UNIT_CLASS.get((unit or "").strip().lower(), "count")


def longest_common_run(a: str, b: str) -> int:
    best, previous = 0, [0] * (len(b) + 1)
    for char_a in a:
        current = [0] * (len(b) + 1)
        for j, char_b in enumerate(b, 1):
            if char_a == char_b:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def subject_matches(predicted: str | None, gold: str) -> bool:
    predicted, gold = fold(predicted), fold(gold)
    if not predicted or not gold:
        return False
    return longest_common_run(predicted, gold) >= max(3, 0.3 * len(gold)) or predicted == gold


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _score_entities(pred: list[dict], gold: list[dict], tallies: dict[str, Tally]) -> None:
    for name in ENTITY_GROUPS:
        required = {fold(e["text"]) for e in gold if group(e["type"]) == name and not e.get("optional")}
        optional = {fold(e["text"]) for e in gold if group(e["type"]) == name and e.get("optional")}
        found = {fold(e.get("text")) for e in pred if group(e.get("type")) == name} - {""}
        tallies[name].tp += len(found & required)
        tallies[name].fp += len(found - required - optional)
        tallies[name].fn += len(required - found)
    predicted = {(fold(e["text"]), fold(e["title"])) for e in pred
                 if group(e.get("type")) == "PERSON" and e.get("title")}
    matched = set()
    for e in gold:
        if group(e["type"]) != "PERSON" or not e.get("title"):
            continue
        name, title = fold(e["text"]), fold(e["title"])
        hit = next(((n, t) for n, t in predicted if n == name and (t in title or title in t)), None)
        if hit:
            matched.add(hit)
        if e.get("optional"):
            continue
        if hit:
            tallies["OFFICIAL"].tp += 1
        else:
            tallies["OFFICIAL"].fn += 1
    tallies["OFFICIAL"].fp += len(predicted - matched)


def _close(a, b) -> bool:
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def _match_figure(g: dict, pred: list[dict], used: set[int]) -> int | None:
    hit = None
    for i, p in enumerate(pred):
        if i in used or not _close(p.get("value"), g.get("value")) or unit_class(p.get("unit")) != unit_class(g.get("unit")):
            continue
        if (p.get("kind") or "").lower() == (g.get("kind") or "").lower():
            return i
        hit = i if hit is None else hit
    return hit


def _score_figures(pred: list[dict], gold: list[dict], tallies: dict[str, Tally]) -> None:
    used: set[int] = set()
    for g in gold:
        hit = _match_figure(g, pred, used)
        if hit is None:
            if not g.get("optional"):
                tallies["FIGURE"].fn += 1
                tallies["FIGURE+KIND"].fn += 1
            continue
        used.add(hit)
        if g.get("optional"):
            continue
        p = pred[hit]
        tallies["FIGURE"].tp += 1
        kind_ok = (p.get("kind") or "").lower() == (g.get("kind") or "").lower()
        tallies["FIGURE+KIND"].tp += kind_ok
        tallies["FIGURE+KIND"].fn += not kind_ok
        tallies["FIGURE+KIND"].fp += not kind_ok
        qualifier_ok = (p.get("qualifier") or "exact") == (g.get("qualifier") or "exact")
        tallies["QUALIFIER"].tp += qualifier_ok
        tallies["QUALIFIER"].fn += not qualifier_ok
        if g.get("subject"):
            subject_ok = subject_matches(p.get("subject"), g["subject"])
            tallies["SUBJECT"].tp += subject_ok
            tallies["SUBJECT"].fn += not subject_ok
    unmatched = len(pred) - len(used)
    tallies["FIGURE"].fp += unmatched
    tallies["FIGURE+KIND"].fp += unmatched


def score_documents(predictions: list[dict], golds: list[dict]) -> dict:
    """Scores over documents; predictions are JSONL records, golds our gold files."""
    by_id = {str(p.get("doc_id")): p for p in predictions}
    tallies: dict[str, Tally] = defaultdict(Tally)
    for g in golds:
        p = by_id.get(str(g["id"]), {})
        _score_entities(p.get("entities") or [], g.get("entities") or [], tallies)
        _score_figures(p.get("figures") or [], g.get("figures") or [], tallies)
    order = ("FIGURE", "FIGURE+KIND", "QUALIFIER", "SUBJECT", "OFFICIAL") + ENTITY_GROUPS
    result: dict = {"documents": len(golds),
                    "missing_predictions": [g["id"] for g in golds if str(g["id"]) not in by_id]}
    result.update({name: tallies[name].as_dict() for name in order if name in tallies})
    return result


def load_gold(paths: list[str | Path]) -> list[dict]:
    """Gold article files, from files or folders of ``*.json``."""
    golds = []
    for path in map(Path, paths):
        if not path.exists():
            raise InputNotFound(f"no gold file or folder {path}", hint="Gold files are JSON; see corpora/gold/.")
        files = sorted(path.glob("*.json")) if path.is_dir() else [path]
        golds += [_gold(file) for file in files]
    return golds


def _gold(file: Path) -> dict:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise BadArchiveRow(f"gold file is not JSON: {exc.msg} at line {exc.lineno}",
                            source=f"{file}:{exc.lineno}", hint="Fix the JSON; corpora/check_gold.py checks gold files.") from exc
