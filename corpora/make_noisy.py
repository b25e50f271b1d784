#!/usr/bin/env python3
"""Make noisy variants of the hand-written corpus, the way scraped pages look.

Run from the repository root:

    python corpora/make_noisy.py            # write noisy/<id>-noisy.txt and gold/<id>-noisy.json
    python corpora/make_noisy.py --check    # fail if the files on disk are not what it would write

Real archives of district news rarely come back clean. The sample article in
/work/shared/samples shows what a scraper met on a mis-configured site, and
this script reproduces each kind of damage so that the normalizer and the
extractor can be tested on many articles whose true text and facts we know:

* **Traditional script.** The whole text goes through OpenCC ``s2t``, as when
  a site serves an automatic "繁體" version of a simplified page.
* **Pinyin after characters.** A "reading aid" plug-in wrote the pinyin with
  tone marks in parentheses after characters, e.g. ``項(xiàng)目``. It only
  fires on characters whose traditional form differs from the simplified one,
  and only on about 70% of those. About 1 in 40 of those characters was lost
  altogether and shows as ``?`` followed by its pinyin, e.g. ``?(jī)``.
  The pinyin is read in context from the simplified text (pypinyin, tone
  marks), so polyphones get the reading a reader would give them.
* **Doubled ASCII punctuation.** Fullwidth punctuation was replaced, and
  sometimes preceded, by ASCII commas: ``，`` becomes ``,,`` most of the time;
  ``。`` sometimes becomes ``,。``, ``、`` becomes ``,、``, ``？`` becomes
  ``,?`` and ``！`` becomes ``,!``.
* **Misaligned-GBK mojibake.** One to three runs per article where a page in
  GBK was read one byte off: a span of 3-5 characters that starts at ``。``,
  ``“`` or ``”`` and goes on with Chinese characters is encoded in GBK, its
  first byte is lost (it shows as ``?``), and the remaining bytes are decoded
  in pairs. The last, unpaired byte shows as itself when it is printable ASCII
  (0x40-0x7E), otherwise as ``?``, and then the pinyin of the span's last
  character follows it, which is how a reader can still tell what it was.
  Fullwidth ``；！？`` that come out of the misaligned decode show as ASCII
  ``;!?``. A span is only used when every byte pair decodes to a real GBK
  character. Each run is recorded in the noisy gold as ``{raw, should_read}``,
  where ``should_read`` is the traditional text (with its pinyin, if any)
  that the run replaced.

The facts do not change: the noisy gold is the clean gold with the id
``<id>-noisy`` and the mojibake runs added; surfaces stay in simplified script,
because the normalizer outputs simplified text. So that the facts stay
recoverable, no character inside an entity text, an official's title or a
figure surface is lost to a bare ``?``; pinyin and mojibake, which can be undone, may fall anywhere.

Every article gets its own ``random.Random`` seeded from the base seed and the
article id, so the output is the same on every run and does not depend on the
order in which articles are processed.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import opencc
from pypinyin import Style, pinyin

CORPUS_DIR = Path(__file__).resolve().parent
DEFAULT_SEED = 20240318
PINYIN_RATE = 0.70
LOST_CHAR_RATE = 1 / 40
# (replacement, probability) for fullwidth punctuation; otherwise it is kept.
PUNCTUATION_NOISE = {
    "，": ((",,", 0.85), (",", 0.10)),
    "。": ((",。", 0.12),),
    "、": ((",、", 0.35),),
    "？": ((",?", 0.80),),
    "！": ((",!", 0.80),),
}
MOJIBAKE_STARTS = frozenset("。“”")
MOJIBAKE_QUOTES = frozenset("“”")
ASCII_FROM_FULLWIDTH = {"；": ";", "！": "!", "？": "?"}


@dataclass
class Unit:
    """One character of the source text and what the noise made of it."""

    source: str  # the simplified character
    shown: str  # what is printed for it (traditional form, ASCII punctuation, "?")
    reading: str  # its pinyin with tone marks, "" for non-Chinese characters
    annotated: bool = False  # "(pinyin)" printed after it
    mojibake: str | None = None  # set on the first unit of a mojibake run

    def render(self) -> str:
        return self.shown + (f"({self.reading})" if self.annotated else "")


@dataclass(frozen=True)
class NoisyArticle:
    text: str
    mojibake_runs: list[dict]


class Noiser:
    """Turns a clean simplified article into its noisy traditional variant."""

    def __init__(self, seed: int = DEFAULT_SEED):
        self.seed = seed
        self.to_traditional = opencc.OpenCC("s2t")

    def __call__(self, doc_id: str, text: str, protected: set[int]) -> NoisyArticle:
        rng = random.Random(f"{self.seed}:{doc_id}")
        units = self._script_and_pinyin(text, protected, rng)
        self._punctuation(units, rng)
        runs = self._mojibake(doc_id, units, rng)
        return NoisyArticle("".join(u.mojibake or u.render() for u in units if u.shown), runs)

    def _script_and_pinyin(self, text: str, protected: set[int], rng: random.Random) -> list[Unit]:
        traditional = self.to_traditional.convert(text)
        if len(traditional) != len(text):
            raise ValueError("OpenCC s2t changed the text length; characters no longer align")
        readings = [r[0] for r in pinyin(text, style=Style.TONE, errors=lambda chars: list(chars))]
        if len(readings) != len(text):
            raise ValueError("pypinyin returned a reading list that does not align with the text")
        units = []
        for i, (simp, trad, reading) in enumerate(zip(text, traditional, readings)):
            unit = Unit(simp, trad, reading if _is_han(simp) else "")
            if trad != simp and unit.reading:
                draw = rng.random()
                if draw < LOST_CHAR_RATE and i not in protected:
                    unit.shown, unit.annotated = "?", True
                elif draw < LOST_CHAR_RATE + PINYIN_RATE:
                    unit.annotated = True
            units.append(unit)
        return units

    @staticmethod
    def _punctuation(units: list[Unit], rng: random.Random) -> None:
        for unit in units:
            choices = PUNCTUATION_NOISE.get(unit.shown)
            if not choices:
                continue
            draw, bound = rng.random(), 0.0
            for replacement, probability in choices:
                bound += probability
                if draw < bound:
                    unit.shown = replacement
                    break

    def _mojibake(self, doc_id: str, units: list[Unit], rng: random.Random) -> list[dict]:
        candidates = [(start, length) for start in range(len(units)) for length in (3, 4, 5)
                      if _mojibake_span_ok(units[start:start + length], length)]
        if not candidates:
            raise ValueError(f"{doc_id}: no span can carry a mojibake run")
        rng.shuffle(candidates)
        wanted, used, runs = rng.randint(1, 3), set(), []
        for start, length in candidates:
            span = range(start, start + length)
            if used.intersection(span):
                continue
            runs.append(_apply_mojibake(units[start:start + length]))
            used.update(span)
            if len(runs) == wanted:
                break
        return runs


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _mojibake_span_ok(span: list[Unit], length: int) -> bool:
    """A span starts at 。“” and goes on with Chinese characters (or quotes),
    with nothing printed between them, and misaligns into real GBK characters."""
    if len(span) != length or span[0].shown not in MOJIBAKE_STARTS:
        return False
    rest = span[1:]
    if not all(_is_han(u.shown) or u.shown in MOJIBAKE_QUOTES for u in rest):
        return False
    if sum(_is_han(u.shown) for u in rest) < 2 or any(u.annotated for u in span[:-1]):
        return False
    try:
        return misaligned_gbk("".join(u.shown for u in span)) is not None
    except UnicodeEncodeError:
        return False


def misaligned_gbk(span: str) -> tuple[str, int] | None:
    """Decode the GBK bytes of ``span`` one byte off.

    Returns the characters the byte pairs decode to and the final unpaired
    byte, or None if some pair is not a real GBK character.

    >>> misaligned_gbk("。”家住北")
    ('！奔易”', 177)
    """
    data = span.encode("gbk")
    if len(data) != 2 * len(span):
        return None
    tail, decoded = data[1:], []
    for i in range(0, len(tail) - 1, 2):
        try:
            char = tail[i:i + 2].decode("gbk")
        except UnicodeDecodeError:
            return None
        if len(char) != 1 or unicodedata.category(char) in ("Co", "Cn", "Cc"):
            return None
        decoded.append(char)
    return "".join(decoded), tail[-1]


def _apply_mojibake(span: list[Unit]) -> dict:
    """Replace the span's rendering by its misaligned-GBK reading; return the record."""
    last = span[-1]
    should_read = "".join(u.shown for u in span)
    decoded, final_byte = misaligned_gbk(should_read)
    garbled = "?" + "".join(ASCII_FROM_FULLWIDTH.get(c, c) for c in decoded)
    if 0x40 <= final_byte <= 0x7E:
        garbled += chr(final_byte)
    else:
        garbled += "?"
        last.annotated = True  # the pinyin is what still tells the lost character
    suffix = f"({last.reading})" if last.annotated else ""
    span[0].mojibake = garbled + suffix
    for unit in span[1:]:
        unit.shown = ""
    return {"raw": garbled + suffix, "should_read": should_read + suffix}


def protected_positions(text: str, gold: dict) -> set[int]:
    """Character positions inside any entity text, official's title or figure surface."""
    needles = [e["text"] for e in gold["entities"]] + [f["surface"] for f in gold["figures"]]
    needles += [e["title"] for e in gold["entities"] if e.get("title")]
    return covered_positions(text, needles)


def covered_positions(text: str, needles: list[str]) -> set[int]:
    """Positions of ``text`` inside any occurrence of any of ``needles``."""
    covered: set[int] = set()
    for needle in needles:
        start = text.find(needle)
        while start != -1:
            covered.update(range(start, start + len(needle)))
            start = text.find(needle, start + 1)
    return covered


def noisy_gold(gold: dict, runs: list[dict]) -> dict:
    doc_id = f"{gold['id']}-noisy"
    about = (f"Gold facts for {doc_id}.txt, the noisy variant of {gold['id']}.txt made by "
             "corpora/make_noisy.py: traditional script, pinyin after many characters, doubled "
             "ASCII punctuation and misaligned-GBK mojibake runs. Surface strings stay in "
             "simplified script, as a normalizer should output them. Items with \"optional\": "
             "true are neither required nor penalized.")
    return {"id": doc_id, "about": about, **{k: gold[k] for k in
            ("published", "entities", "figures", "not_figures")}, "mojibake_runs": runs}


def dump_gold(gold: dict) -> str:
    """The sample's layout: one entity, figure or run per line."""
    lines = ["{"]
    keys = list(gold)
    for n, key in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        value = gold[key]
        if isinstance(value, list):
            items = [f"    {json.dumps(v, ensure_ascii=False)}" for v in value]
            lines.append(f"  {json.dumps(key)}: [\n" + ",\n".join(items) + f"\n  ]{comma}")
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    return "\n".join(lines + ["}"]) + "\n"


def build(noiser: Noiser, article: Path) -> dict[Path, str]:
    """The noisy text and noisy gold for one article, keyed by output path."""
    doc_id = article.stem
    text = article.read_text(encoding="utf-8")
    gold = json.loads((CORPUS_DIR / "gold" / f"{doc_id}.json").read_text(encoding="utf-8"))
    noisy = noiser(doc_id, text, protected_positions(text, gold))
    return {
        CORPUS_DIR / "noisy" / f"{doc_id}-noisy.txt": noisy.text,
        CORPUS_DIR / "gold" / f"{doc_id}-noisy.json": dump_gold(noisy_gold(gold, noisy.mojibake_runs)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="base seed (default %(default)s)")
    parser.add_argument("--check", action="store_true",
                        help="compare with the files on disk instead of writing them")
    args = parser.parse_args(argv)
    noiser = Noiser(args.seed)
    articles = sorted((CORPUS_DIR / "articles").glob("*.txt"))
    stale = []
    for article in articles:
        for path, content in build(noiser, article).items():
            if args.check:
                if not path.exists() or path.read_text(encoding="utf-8") != content:
                    stale.append(path.name)
            else:
                path.parent.mkdir(exist_ok=True)
                path.write_text(content, encoding="utf-8")
    if stale:
        print("out of date: " + ", ".join(stale))
        return 1
    print(f"{len(articles)} articles {'checked' if args.check else 'written'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
