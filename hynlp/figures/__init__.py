"""Figures: money, rates, areas, lengths, power and counts, as records.Figure.

The package reads a normalized, sentence-split :class:`~hynlp.document.Document`:

- :mod:`~hynlp.figures.candidates` turns numbers (:mod:`hynlp.numbers`) with a
  unit (:mod:`~hynlp.figures.units`) into candidates, with their qualifier
  (:mod:`~hynlp.figures.qualifiers`) and kind (:mod:`~hynlp.figures.kinds`),
  dropping what :mod:`~hynlp.figures.exclusions` says is not a figure; a count's
  noun comes from :mod:`~hynlp.figures.counted`, ranges and borrowed kinds from
  :mod:`~hynlp.figures.continuation`;
- :mod:`~hynlp.figures.subjects` names what each one measures: the figure's own
  words (:mod:`~hynlp.figures.measures`, :mod:`~hynlp.figures.nouns`, the items
  before 分别 of :mod:`~hynlp.figures.respectively`) joined to
  the topic of its sentence (:mod:`~hynlp.figures.topics`), using the project
  mentions of :mod:`~hynlp.figures.projects`;
- :class:`FigureExtractor` is the pipeline component.

Word lists live in :mod:`~hynlp.figures.lexicon`, clause geometry in
:mod:`~hynlp.figures.phrases`.
"""

from hynlp.figures.extractor import FigureExtractor

__all__ = ["FigureExtractor"]
