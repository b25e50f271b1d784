#!/usr/bin/env python3
"""Check the hand-written corpus against its gold facts.

Run from the repository root:

    python corpora/check_gold.py

For every clean article ``articles/<id>.txt`` and its ``gold/<id>.json``:

* the gold is in the sample's format (id, about, published, entities,
  figures, not_figures) with known types, kinds, units and qualifiers;
* every entity ``text``, every figure ``surface`` and every ``not_figures``
  item occurs verbatim in the article;
* every run of ASCII digits in the article lies inside a figure surface, an
  entity text or a ``not_figures`` item, so no number is left unaccounted for
  (Chinese numerals followed by a measure word are listed as warnings, since
  most of them are idioms such as 一家人 or 一座座);
* the article has 400 to 1200 Chinese characters and its headline has no end
  punctuation.

For every noisy variant ``gold/<id>-noisy.json`` it checks that the facts
equal the clean gold's, that each ``mojibake_runs[].raw`` occurs in
``noisy/<id>-noisy.txt``, and that undoing the noise (mojibake runs replaced
by their ``should_read``, pinyin and ASCII commas removed, OpenCC ``t2s``)
gives back the clean article except for characters lost to a bare ``?``, none
of which may fall inside a gold surface, entity text or official's title.

Prints every error found and exits non-zero if there was any.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import opencc
from make_noisy import covered_positions

CORPUS_DIR = Path(__file__).resolve().parent
ENTITY_TYPES = frozenset({"PERSON", "COMPANY", "GOV", "PLACE", "PROJECT", "ORG", "DATE"})
FIGURE_KINDS = frozenset({"investment", "revenue", "output", "funding", "households",
                          "rate", "area", "length", "count", "other"})
QUALIFIERS = frozenset({"exact", "at_least", "at_most", "approx"})
# Units with a class of their own in score.py; anything else is a count noun.
MEASURE_UNITS = frozenset({"CNY", "USD", "%", "percentage_points", "m2", "mu", "ha",
                           "km2", "km", "kW", "MW", "households"})
PUBLISHED = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
DIGIT_RUN = re.compile(r"[0-9][0-9,.]*")
CHINESE_COUNT = re.compile(r"[一二两三四五六七八九十百千万几]+(?=[个家名人户栋座条项处部张套成亿万])")
HAN = re.compile(r"[\u4e00-\u9fff]")
NOTE = re.compile(r"\s*\([^()]*\)\s*$")
PINYIN_NOTE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
ASCII_PUNCTUATION = ((",,", "，"), (",。", "。"), (",、", "、"), (",?", "？"), (",!", "！"))
LONE_COMMA = re.compile(r",(?![0-9])")


def not_figure_items(gold: dict) -> list[str]:
    """Split the free-text ``not_figures`` entries ("a, b (why)") into items."""
    items = []
    for entry in gold.get("not_figures", []):
        items.extend(part.strip() for part in NOTE.sub("", entry).split(", ") if part.strip())
    return items


def check_entities(gold: dict, text: str) -> list[str]:
    errors, seen = [], set()
    for ent in gold["entities"]:
        key = (ent["type"], ent["text"])
        if ent["type"] not in ENTITY_TYPES:
            errors.append(f"unknown entity type {ent['type']!r}")
        if key in seen:
            errors.append(f"duplicate entity {key}")
        seen.add(key)
        if ent["text"] not in text:
            errors.append(f"entity text not in article: {ent['text']}")
    return errors


def check_figure(fig: dict, text: str) -> list[str]:
    errors = []
    where = f"figure {fig.get('surface')!r}"
    for field in ("kind", "surface", "value", "unit", "qualifier", "subject"):
        if field not in fig:
            errors.append(f"{where}: missing {field}")
    if errors:
        return errors
    if fig["kind"] not in FIGURE_KINDS:
        errors.append(f"{where}: unknown kind {fig['kind']!r}")
    if fig["qualifier"] not in QUALIFIERS:
        errors.append(f"{where}: unknown qualifier {fig['qualifier']!r}")
    if fig["surface"] not in text:
        errors.append(f"{where}: surface not in article")
    if not isinstance(fig["value"], (int, float)):
        errors.append(f"{where}: value is not a number")
    if "value_max" in fig and not fig["value_max"] > fig["value"]:
        errors.append(f"{where}: value_max must exceed value")
    if fig["unit"] not in MEASURE_UNITS and not re.fullmatch(r"[a-z_]*(s|people)", fig["unit"]):
        errors.append(f"{where}: count unit should be an English plural, got {fig['unit']!r}")
    if fig["kind"] == "households" and fig["unit"] != "households":
        errors.append(f"{where}: households figures use unit 'households'")
    return errors


def check_coverage(gold: dict, text: str) -> tuple[list[str], list[str]]:
    """Digits outside every annotated span are errors; Chinese counts are warnings.

    A number in the headline is accounted for when a figure surface repeats it:
    a fact told in the headline and the body is one figure.
    """
    surfaces = [f["surface"] for f in gold["figures"]]
    needles = surfaces + [e["text"] for e in gold["entities"]] + not_figure_items(gold)
    covered = covered_positions(text, needles)
    headline_end = len(text.splitlines()[0])
    errors = [f"number not accounted for: {m.group()!r} near {text[max(0, m.start() - 8):m.end() + 8]!r}"
              for m in DIGIT_RUN.finditer(text)
              if m.start() not in covered
              and not (m.start() < headline_end and any(m.group() in s for s in surfaces))]
    warnings = [f"Chinese numeral not annotated: {text[max(0, m.start() - 6):m.end() + 6]!r}"
                for m in CHINESE_COUNT.finditer(text) if m.start() not in covered]
    return errors, warnings


def check_article(stem: str, text: str, gold: dict) -> tuple[list[str], list[str]]:
    errors = []
    if gold.get("id") != stem:
        errors.append(f"id {gold.get('id')!r} != file stem")
    if not PUBLISHED.match(gold.get("published", "")):
        errors.append(f"bad published {gold.get('published')!r}")
    han = len(HAN.findall(text))
    if not 400 <= han <= 1200:
        errors.append(f"{han} Chinese characters, want 400-1200")
    headline = text.splitlines()[0]
    if headline[-1] in "。，、；：！？.,;:!?":
        errors.append("headline ends with punctuation")
    errors += [f"not_figures item not in article: {item}" for item in not_figure_items(gold) if item not in text]
    errors += check_entities(gold, text)
    for fig in gold["figures"]:
        errors += check_figure(fig, text)
    coverage_errors, warnings = check_coverage(gold, text)
    return errors + coverage_errors, warnings


def check_noisy(stem: str, clean: dict) -> list[str]:
    gold_path = CORPUS_DIR / "gold" / f"{stem}-noisy.json"
    text_path = CORPUS_DIR / "noisy" / f"{stem}-noisy.txt"
    if not gold_path.exists() or not text_path.exists():
        return [f"noisy variant missing (run python corpora/make_noisy.py)"]
    noisy = json.loads(gold_path.read_text(encoding="utf-8"))
    text = text_path.read_text(encoding="utf-8")
    errors = []
    if noisy.get("id") != f"{stem}-noisy":
        errors.append(f"noisy id {noisy.get('id')!r}")
    for field in ("published", "entities", "figures", "not_figures"):
        if noisy.get(field) != clean.get(field):
            errors.append(f"noisy gold {field} differs from the clean gold")
    runs = noisy.get("mojibake_runs", [])
    if not 1 <= len(runs) <= 3:
        errors.append(f"{len(runs)} mojibake runs, want 1-3")
    errors += [f"mojibake raw not in noisy text: {r['raw']!r}" for r in runs if r["raw"] not in text]
    return errors + check_recoverable(stem, text, runs, clean)


def undo_noise(text: str, runs: list[dict]) -> str:
    """Reverse make_noisy.py's corruptions, as far as they can be reversed."""
    for run in runs:
        text = text.replace(run["raw"], run["should_read"])
    text = PINYIN_NOTE.sub("", text)
    for noisy, clean in ASCII_PUNCTUATION:
        text = text.replace(noisy, clean)
    return opencc.OpenCC("t2s").convert(LONE_COMMA.sub("，", text))


def check_recoverable(stem: str, noisy: str, runs: list[dict], gold: dict) -> list[str]:
    clean = (CORPUS_DIR / "articles" / f"{stem}.txt").read_text(encoding="utf-8")
    recovered = undo_noise(noisy, runs)
    if len(recovered) != len(clean):
        return ["undoing the noise does not give back the article's length"]
    wrong = [i for i, (r, c) in enumerate(zip(recovered, clean)) if r != c]
    errors = [f"undone noisy text differs at {i}: {recovered[i]!r} != {clean[i]!r}"
              for i in wrong if recovered[i] != "?"]
    lost = set(wrong)
    needles = [e["text"] for e in gold["entities"]] + [f["surface"] for f in gold["figures"]]
    needles += [e["title"] for e in gold["entities"] if e.get("title")]
    for needle in needles:
        start = clean.find(needle)
        while start != -1:
            if lost.intersection(range(start, start + len(needle))):
                errors.append(f"a character of {needle!r} is lost in the noisy text")
            start = clean.find(needle, start + 1)
    return errors


def main() -> int:
    stems = sorted(p.stem for p in (CORPUS_DIR / "articles").glob("*.txt"))
    failed = False
    totals = {"entities": 0, "figures": 0}
    for stem in stems:
        text = (CORPUS_DIR / "articles" / f"{stem}.txt").read_text(encoding="utf-8")
        gold = json.loads((CORPUS_DIR / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
        errors, warnings = check_article(stem, text, gold)
        errors += check_noisy(stem, gold)
        totals["entities"] += len(gold["entities"])
        totals["figures"] += len(gold["figures"])
        for line in errors:
            print(f"ERROR {stem}: {line}")
        for line in warnings:
            print(f"warn  {stem}: {line}")
        failed = failed or bool(errors)
    print(f"{len(stems)} articles, {totals['entities']} entities, {totals['figures']} figures: "
          f"{'FAILED' if failed else 'ok'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
