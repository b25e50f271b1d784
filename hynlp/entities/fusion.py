"""Fusion: one entity per mention out of candidates from every source.

Candidates from rules, gazetteers or a model are resolved the same way:

1. candidates with the same span and type are merged (the official's title
   and organization survive the merge);
2. the longest span wins an overlap; among equal spans the higher priority,
   then the higher confidence. Spans never cross. The one exception is a
   candidate marked ``nests`` (a project inside its own 指挥部), which may
   stay wholly inside the span that beat it;
3. names found once are tagged wherever else they occur in the article;
4. a short form gets the full name it stands for as ``canonical``:
   ``某某扩产能`` -> ``山东某某扩产能项目``.

>>> cands = [Candidate("PLACE", 0, 3), Candidate("GOV", 0, 7, priority=3), Candidate("PROJECT", 5, 9)]
>>> [(c.type, c.start, c.end) for c in select(cands)]
[('GOV', 0, 7)]
"""

from __future__ import annotations

from collections.abc import Iterable

from hynlp.entities.boundaries import NameScanner, occurrences
from hynlp.entities.candidates import PRIORITY_LOOKUP, Candidate, CandidatePool
from hynlp.entities.places import admin_short_form

CONTAINMENT_TYPES = frozenset(("PROJECT", "COMPANY"))
REPEAT_MIN_LEN = 3


def merge_duplicates(candidates: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per (span, type): the strongest, keeping any title found."""
    best: dict[tuple[int, int, str], Candidate] = {}
    for cand in candidates:
        key = (cand.start, cand.end, cand.type)
        kept = best.get(key)
        if kept is None:
            best[key] = cand
            continue
        winner, loser = (cand, kept) if _strength(cand) > _strength(kept) else (kept, cand)
        best[key] = winner.with_(title=winner.title or loser.title,
                                 organization=winner.organization or loser.organization,
                                 canonical=winner.canonical or loser.canonical,
                                 nests=winner.nests or loser.nests)
    return list(best.values())


def _strength(cand: Candidate) -> tuple:
    return (cand.priority, cand.confidence, cand.title is not None)


def with_model(model: Iterable[Candidate], others: list[Candidate], addable: frozenset[str]) -> list[Candidate]:
    """The rules' candidates with the model's verdict, plus the model's own where allowed.

    The rules know this genre's conventions (a project keeps its company
    inside, a bare 市委 is no entity, a city far away is no PLACE); the
    model knows names the gazetteers lack. So:

    - a rule candidate the model proposes too (same span and type) is
      confirmed: its confidence rises and its rule says ``+model``;
    - a model span of an ``addable`` type is added where no rule proposed
      an overlapping span;
    - every other model span is dropped.

    >>> rules = [Candidate("COMPANY", 0, 4, confidence=0.8)]
    >>> model = [Candidate("COMPANY", 0, 4, source="model", confidence=0.6),
    ...          Candidate("ORG", 2, 6, source="model"), Candidate("PERSON", 8, 10, source="model")]
    >>> [(c.type, c.start, round(c.confidence, 2), c.rule) for c in with_model(model, rules, frozenset({"PERSON"}))]
    [('COMPANY', 0, 0.92, '+model'), ('PERSON', 8, 0.8, '')]
    """
    model = list(model)
    agreeing = {(c.start, c.end, c.type): c for c in model}
    result = []
    for cand in others:
        vote = agreeing.get((cand.start, cand.end, cand.type))
        if vote is not None:
            cand = cand.with_(confidence=1 - (1 - cand.confidence) * (1 - vote.confidence), rule=cand.rule + "+model")
        result.append(cand)
    if model:  # the rules-only path has no model spans: no offsets to collect
        owners = {i for cand in others for i in range(cand.start, cand.end)}
        result += [c for c in model if c.type in addable and not owners.intersection(range(c.start, c.end))]
    return result


def select(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-crossing candidates, longest and strongest first; sorted by start."""
    ranked = sorted(merge_duplicates(candidates),
                    key=lambda c: (c.start - c.end, -c.priority, -c.confidence, c.start, c.type))  # longest first
    accepted: list[Candidate] = []
    owner: dict[int, Candidate] = {}  # offset -> the accepted span covering it
    nested: set[int] = set()  # offsets covered by an accepted nesting span
    for cand in ranked:
        offsets = range(cand.start, cand.end)
        # isdisjoint and fromkeys run in C: most candidates clash with nothing or lose at once.
        if owner.keys().isdisjoint(offsets):
            accepted.append(cand)
            owner.update(dict.fromkeys(offsets, cand))
            continue
        if cand.nests and not nested.intersection(offsets) and all(
                cand.inside(owner[i]) for i in offsets if i in owner):
            accepted.append(cand)
            nested.update(offsets)
    return sorted(accepted, key=lambda c: (c.start, -len(c)))


def repeated_mentions(accepted: list[Candidate], text: str) -> list[Candidate]:
    """Other occurrences of accepted names that no accepted span covers."""
    found = []
    covered = {i for a in accepted if not a.nests for i in range(a.start, a.end)}
    for cand in {c.text(text): c for c in accepted if len(c) >= REPEAT_MIN_LEN and c.type not in ("DATE", "PERSON")}.values():
        for start in occurrences(text, cand.text(text)):
            if covered.isdisjoint(range(start, start + len(cand))):  # test before building: most are covered
                found.append(Candidate(cand.type, start, start + len(cand), source=cand.source,
                                       rule=cand.rule + "+repeat", confidence=cand.confidence * 0.95,
                                       priority=cand.priority, canonical=cand.canonical))
    return found


def short_form_mentions(accepted: list[Candidate], pool: CandidatePool, scanner: NameScanner) -> list[Candidate]:
    """Bare short names of accepted units: 某某 for 某某区, typed like the full name."""
    text, found = pool.text, []
    for cand in {c.text(text): c for c in accepted if c.type in ("PLACE", "GOV")}.values():
        full = cand.text(text)
        short = admin_short_form(full)
        if not short or scanner.is_generic(short):
            continue
        for start in occurrences(text, short):
            mention = Candidate(cand.type, start, start + len(short), source=cand.source, rule="short_form",
                                confidence=0.6, priority=PRIORITY_LOOKUP, canonical=full)
            if scanner.is_boundary(pool, start) and not any(a.overlaps(mention) for a in accepted):
                found.append(mention)
    return found


def with_canonical(accepted: list[Candidate], text: str) -> list[Candidate]:
    """Give a project or company that is part of a longer one of its kind that full name."""
    names = {(c.type, c.text(text)) for c in accepted if c.type in CONTAINMENT_TYPES}
    result = []
    for cand in accepted:
        name = cand.text(text)
        if cand.canonical is None and cand.type in CONTAINMENT_TYPES:
            longer = [n for t, n in names if t == cand.type and len(n) > len(name) and name in n]
            if longer:
                cand = cand.with_(canonical=max(longer, key=len))
        result.append(cand)
    return result
