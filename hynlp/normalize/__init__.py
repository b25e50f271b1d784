"""Normalization: noisy scraped text in, clean simplified text out, offsets kept.

``normalize(raw)`` runs a fixed sequence of pure fixers (see
:data:`FIXERS`). Each fixer explains itself through the repairs it logs.

>>> nt = normalize("項(xiàng)目總投資3140億元,,簽約率98.71%")
>>> nt.text
'项目总投资3140亿元，签约率98.71%'
>>> nt.raw_span(0, 2)  # 項 and 目; the deleted annotation lies between them
(0, 9)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hynlp.config import NormalizeConfig
from hynlp.normalize.tracked import TrackedText
from hynlp.records import Repair


@dataclass(frozen=True)
class NormalizedText:
    """Normalized text, its offset map back to ``raw``, and the repairs log."""

    raw: str
    tracked: TrackedText
    repairs: tuple[Repair, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    encoding: str = "str"

    @property
    def text(self) -> str:
        return self.tracked.text

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Span of ``raw`` that the normalized span ``[start, end)`` came from."""
        return self.tracked.span(start, end)

    def offsets(self) -> list[tuple[int, int]]:
        """The offset map: ``(raw_start, raw_end)`` for every normalized character."""
        return list(zip(self.tracked.starts, self.tracked.ends))


def normalize(raw: str | bytes, config: NormalizeConfig | None = None, *,
              source: str | None = None) -> NormalizedText:
    """Decode, repair and clean ``raw``; see the module docstring.

    Each call builds a :class:`~hynlp.normalize.fixers.Normalizer`; to
    normalize many texts, build one and call it.
    """
    from hynlp.normalize.fixers import Normalizer

    return Normalizer(config)(raw, source=source)


__all__ = ["NormalizedText", "normalize"]
