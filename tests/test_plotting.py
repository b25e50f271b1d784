"""CJK fonts for plots: found, used, and tofu refused. Needs a CJK font installed
(CI installs Debian's fonts-wqy-microhei)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib import font_manager  # noqa: E402

from hynlp.errors import FontNotFound, MissingGlyphs  # noqa: E402
from hynlp.plotting import SAMPLE_TEXT, cjk_font, cjk_rc, draws_chinese, save_png  # noqa: E402

LABEL = "澜溪区重点项目投资（亿元）"


def test_cjk_font_names_a_font_with_chinese_glyphs():
    family = cjk_font()
    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    assert draws_chinese(path)


def test_no_cjk_font_is_a_coded_error_with_an_install_hint():
    latin_only = [entry for entry in font_manager.fontManager.ttflist if entry.name.startswith("DejaVu")]
    assert latin_only
    with pytest.raises(FontNotFound) as caught:
        cjk_font(latin_only)
    assert caught.value.code == "E701" and "apt-get install fonts-noto-cjk" in str(caught.value)


def test_chinese_labels_render_with_cjk_rc(tmp_path):
    with plt.rc_context(cjk_rc()):
        fig, ax = plt.subplots()
        ax.bar(["青禾区", "东岚县"], [186.5, -12.8])
        ax.set_title(LABEL)
        path = save_png(fig, tmp_path / "sub" / "chart.png")
    plt.close(fig)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_save_png_refuses_tofu(tmp_path):
    with plt.rc_context({"font.family": ["DejaVu Sans"]}):
        fig, ax = plt.subplots()
        ax.set_title(LABEL)
        with pytest.raises(MissingGlyphs) as caught:
            save_png(fig, tmp_path / "tofu.png")
    plt.close(fig)
    assert caught.value.code == "E702" and not (tmp_path / "tofu.png").exists()


def test_sample_text_is_chinese():
    assert all("\u4e00" <= char <= "\u9fff" for char in SAMPLE_TEXT)


def test_without_matplotlib_plotting_is_a_coded_error():
    import subprocess
    import sys

    code = "import sys; sys.modules['matplotlib'] = None; import hynlp.plotting"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode != 0 and "[E703]" in out.stderr and "pip install" in out.stderr
