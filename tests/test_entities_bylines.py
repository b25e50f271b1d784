"""Bylines and source lines carry no entities."""

from hynlp.document import Document
from hynlp.entities import EntityTagger
from hynlp.entities.bylines import metadata_spans
from hynlp.normalize.fixers import Normalizer


def test_source_lines_and_credits_are_found():
    text = "锦河县召开大会\n2024-05-06 来源：锦河县融媒体中心\n正文。（记者 王某某 通讯员 李某）"
    assert [text[s:e] for s, e in metadata_spans(text)] == ["来源：锦河县融媒体中心", "（记者 王某某 通讯员 李某）"]


def test_no_entity_inside_a_source_line():
    text = "2024-05-06 来源：锦河县融媒体中心\n连日来，锦河县白石镇抢抓工期。"
    doc = EntityTagger()(Document(doc_id="b", raw=text, normalized=Normalizer()(text)))
    body = text.index("连日来")
    assert [(e.type, e.text) for e in doc.entities if e.type != "DATE"] == [("PLACE", "锦河县"), ("PLACE", "白石镇")]
    assert all(e.start > body for e in doc.entities if e.type != "DATE")
