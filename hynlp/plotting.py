"""Plots with Chinese labels: find a CJK font, and never save tofu boxes.

matplotlib's default font (DejaVu Sans) has no Chinese glyphs: labels come
out as empty boxes with only a warning. :func:`cjk_font` finds an installed
font that draws Chinese, :func:`cjk_rc` makes it the font of a figure, and
:func:`save_png` refuses to write a PNG that lost glyphs.

>>> import tempfile
>>> import matplotlib.pyplot as plt
>>> with tempfile.TemporaryDirectory() as tmp, plt.rc_context(cjk_rc()):
...     fig, ax = plt.subplots()
...     _ = ax.set_title("各区县重点项目投资（亿元）")
...     save_png(fig, f"{tmp}/investment.png").name
'investment.png'
>>> plt.close(fig)

Needs a CJK font on the system (Debian: ``apt-get install fonts-wqy-microhei``
or ``fonts-noto-cjk``); without one, :class:`~hynlp.errors.FontNotFound`
says what to install.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from pathlib import Path

from hynlp.errors import FontNotFound, MissingGlyphs, PlottingUnavailable

try:  # matplotlib is needed for plots only, not to extract or store
    from matplotlib import font_manager
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontEntry
except ImportError as exc:
    raise PlottingUnavailable(f"hynlp.plotting needs matplotlib ({exc})") from exc

# Characters a font must draw to count as a Chinese font for our labels.
SAMPLE_TEXT = "中文标签区县项目投资亿元签约率月份官员"
# Families tried first, in order: common, complete, sans-serif CJK fonts.
PREFERRED_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC",
    "Hiragino Sans GB", "Heiti SC", "SimHei", "Droid Sans Fallback", "AR PL UMing CN",
)
# Used for glyphs the CJK font lacks (matplotlib falls back per glyph).
LATIN_FALLBACK = "DejaVu Sans"
_MISSING_GLYPH = re.compile(r"Glyph \d+ .*missing from (?:current )?font")


def cjk_font(fonts: Iterable[FontEntry] | None = None) -> str:
    """The family name of a font that draws Chinese.

    Searches ``fonts`` or, by default, matplotlib's font list and then the
    system's font folders (a font installed after matplotlib cached its list
    is registered with matplotlib). Raises FontNotFound when there is none.
    """
    candidates = list(font_manager.fontManager.ttflist if fonts is None else fonts)
    found = first_cjk_font(candidates)
    if found is None and fonts is None:
        found = _register_system_cjk_font(known={entry.fname for entry in candidates})
    if found is None:
        raise FontNotFound(f"none of the {len(candidates)} fonts matplotlib knows draws Chinese ({SAMPLE_TEXT[:4]}…)")
    return found.name


def first_cjk_font(fonts: Iterable[FontEntry]) -> FontEntry | None:
    """The first font, preferred families first, whose character map covers SAMPLE_TEXT."""
    rank = {name: order for order, name in enumerate(PREFERRED_FAMILIES)}
    ordered = sorted(fonts, key=lambda entry: rank.get(entry.name, len(rank)))
    return next((entry for entry in ordered if draws_chinese(entry.fname)), None)


def draws_chinese(path: str | Path) -> bool:
    """Whether the font file has a glyph for every character of SAMPLE_TEXT."""
    try:
        charmap = font_manager.get_font(str(path)).get_charmap()
    except (OSError, RuntimeError):  # unreadable or not a font: not a candidate
        return False
    return all(ord(char) in charmap for char in SAMPLE_TEXT)


def cjk_rc(family: str | None = None) -> dict:
    """matplotlib settings for Chinese labels: ``plt.rc_context(cjk_rc())`` or
    ``plt.rcParams.update(cjk_rc())``."""
    return {
        "font.family": [family or cjk_font(), LATIN_FALLBACK],
        # CJK fonts often lack U+2212 MINUS SIGN; a hyphen draws negative ticks.
        "axes.unicode_minus": False,
    }


def save_png(fig: Figure, path: str | Path, *, dpi: int = 144) -> Path:
    """Write ``fig`` as a PNG (creating its folder); raises MissingGlyphs instead
    of writing a figure whose text lost characters to empty boxes."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(out, dpi=dpi, bbox_inches="tight", format="png")
    missing = [str(w.message) for w in caught if _MISSING_GLYPH.search(str(w.message))]
    if missing:
        out.unlink(missing_ok=True)
        raise MissingGlyphs(f"{len(missing)} characters have no glyph in the figure's font: {missing[0]}",
                            source=str(out))
    for w in caught:  # other warnings are not ours to swallow
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return out


def _register_system_cjk_font(known: set[str]) -> FontEntry | None:
    """Register with matplotlib the first system font, new to it, that draws Chinese."""
    for path in sorted(font_manager.findSystemFonts()):
        if path not in known and draws_chinese(path):
            font_manager.fontManager.addfont(path)
            return next(e for e in font_manager.fontManager.ttflist if e.fname == path)
    return None
