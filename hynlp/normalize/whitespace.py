"""Whitespace, zero-width and control characters.

>>> [e[2] for e in invisible("项\\u200b目\\x07")]
['', '']
>>> [e[2] for e in spaces("  标题\\u3000 二  \\r\\n\\n\\n正文 ")]
['', ' ', '\\n', '']
"""

from __future__ import annotations

import re

INVISIBLE = re.compile(r"[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Runs of horizontal space inside a line become one space; at a line's edges
# and around newlines they go; blank lines collapse into one line break.
SPACE_RUN = re.compile(r"[ \t\u00a0\u3000\u2000-\u200a]*\r?\n[\s\u3000]*|^[ \t\u00a0\u3000\u2000-\u200a]+|[ \t\u00a0\u3000\u2000-\u200a]+$|[ \t\u00a0\u3000\u2000-\u200a]{2,}|[\t\u00a0\u3000\u2000-\u200a]")


def invisible(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "") for m in INVISIBLE.finditer(text)]


def spaces(text: str) -> list[tuple[int, int, str]]:
    edits = []
    for match in SPACE_RUN.finditer(text):
        run = match.group(0)
        at_edge = match.start() == 0 or match.end() == len(text)
        new = "\n" if "\n" in run else ("" if at_edge else " ")
        if at_edge and "\n" in run:
            new = ""
        if new != run:
            edits.append((match.start(), match.end(), new))
    return edits
