"""Bylines and source lines carry no entities."""

from hynlp.config import NormalizeConfig
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


def test_a_source_line_ends_where_the_body_runs_on_in_the_same_line():
    # Scraped pages glue the first body sentence to the credit line.
    text = ("东岚县举行招商大会\n发布时间：2024-03-01 | 来源：岚州网 | 责任编辑：韩露3月1日，东岚县招商大会举行。"
            "县委书记马远航出席。\n马远航致辞。")
    spans = [text[s:e] for s, e in metadata_spans(text)]
    assert not any("马远航" in span or "东岚县" in span for span in spans)
    # The normalizer's boilerplate pass is off: this tests the tagger's own guard.
    normalized = Normalizer(NormalizeConfig(strip_boilerplate=False))(text)
    doc = EntityTagger()(Document(doc_id="b", raw=text, normalized=normalized))
    assert "马远航" in {e.text for e in doc.entities if e.type == "PERSON"}


def test_site_footer_lines_carry_no_entities():
    # Footers name the site's sponsor and operator: boilerplate, not body.
    text = ("青禾区召开项目推进会。\n青禾区人民政府主办 青禾区大数据局承办\n"
            "主办单位：东岚县人民政府　承办单位：东岚县政务服务中心\n岚ICP备00000000号")
    spans = [text[s:e] for s, e in metadata_spans(text)]
    assert "青禾区人民政府主办 青禾区大数据局承办" in spans
    assert any(span.startswith("主办单位：东岚县人民政府") for span in spans)
    normalized = Normalizer(NormalizeConfig(strip_boilerplate=False))(text)  # the tagger's own guard
    doc = EntityTagger()(Document(doc_id="b", raw=text, normalized=normalized))
    assert all(e.end <= text.index("\n") for e in doc.entities)


def test_a_body_sentence_about_a_sponsor_is_not_a_footer():
    text = "本次大会由青禾区人民政府主办，东岚县商务局承办。"
    assert metadata_spans(text) == []
