"""Sentence splitting for news text.

Sentences end at 。！？!? and ；, at an ellipsis that is followed by a new
clause, and at line breaks (headlines carry no end mark). A closing quote or
bracket right after the end mark stays with its sentence.

>>> text = "区委书记说：“要抓项目。”随后调研。\\n工地建设如火如荼\\n项目签约；总投资5亿元"
>>> [text[s.start:s.end] for s in SentenceSplitter()(text)]
['区委书记说：“要抓项目。”', '随后调研。', '工地建设如火如荼', '项目签约；', '总投资5亿元']
"""

from __future__ import annotations

import re

from hynlp.document import Document
from hynlp.records import Sentence

END = re.compile(r"(?:[。！？!?；;]+|…{1,2}|\.{3,6})[”’」』）)\]】]*|\n")


class SentenceSplitter:
    """Component: fills ``doc.sentences``; also callable on a plain string."""

    def __call__(self, doc_or_text: Document | str):
        if isinstance(doc_or_text, str):
            return split_sentences(doc_or_text)
        doc_or_text.sentences = split_sentences(doc_or_text.text)
        return doc_or_text


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in END.finditer(text):
        end = match.end() if match.group(0) != "\n" else match.start()
        _append(sentences, text, start, end)
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(index=len(sentences), start=start, end=end))
