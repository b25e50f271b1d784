"""Character frequencies, used to judge which of two readings is real Chinese.

The table ``hynlp/data/char_freq.txt`` is derived from jieba's MIT-licensed
word dictionary: each character is credited with the frequency of every word
it occurs in. Regenerate it with ``python -m hynlp.normalize.charfreq``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from importlib import resources
from itertools import repeat
from pathlib import Path

TABLE_SIZE = 7000


class CharFrequencies:
    """Log-frequency lookup; unknown characters score 0."""

    def __init__(self, counts: dict[str, int]):
        self._log = {char: math.log(count) for char, count in counts.items()}

    @classmethod
    def load(cls) -> CharFrequencies:
        text = resources.files("hynlp.data").joinpath("char_freq.txt").read_text(encoding="utf-8")
        counts = {}
        for line in text.splitlines():
            char, count = line.split("\t")
            counts[char] = int(count)
        return cls(counts)

    def log(self, char: str) -> float:
        return self._log.get(char, 0.0)

    def count_below(self, chars: Iterable[str], threshold: float) -> int:
        """How many of ``chars`` have a log frequency under ``threshold``.

        Mapped in C (``threshold > log``), not a generator calling :meth:`log`:
        the script step asks this of every character OpenCC changes.
        """
        return sum(map(threshold.__gt__, map(self._log.get, chars, repeat(0.0))))

    def mean_log(self, text: str) -> float:
        return sum(map(self.log, text)) / len(text) if text else 0.0


def build_counts(jieba_dict: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for line in jieba_dict.read_text(encoding="utf-8").splitlines():
        word, freq, *_ = line.split()
        for char in word:
            if "\u4e00" <= char <= "\u9fff":
                counts[char] += int(freq)
    return counts


def main() -> None:
    import jieba

    dict_path = Path(jieba.__file__).with_name("dict.txt")
    counts = build_counts(dict_path).most_common(TABLE_SIZE)
    out = Path(__file__).parent.parent / "data" / "char_freq.txt"
    out.write_text("".join(f"{c}\t{n}\n" for c, n in counts), encoding="utf-8")
    print(f"wrote {len(counts)} characters to {out}")


if __name__ == "__main__":
    main()
