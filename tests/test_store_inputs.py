"""Reading inputs: folders, encodings, HTML, JSONL/CSV/Parquet archives, bad rows."""

from __future__ import annotations

import json

import opencc
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from hynlp.errors import InputNotFound
from hynlp.store.inputs import Columns, InputDoc, InputError, iter_inputs

ARTICLE = "东岚县重点项目集中开工\n3月18日，东岚县28个重点项目集中开工，总投资56.8亿元。"


def test_folder_of_txt_files_uses_file_stems(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "donglan-01.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "donglan-02.txt").write_bytes(ARTICLE.encode("gb18030"))
    (tmp_path / "notes.md").write_text("skipped", encoding="utf-8")
    docs = list(iter_inputs([tmp_path]))
    assert [d.doc_id for d in docs] == ["donglan-01", "donglan-02"]
    assert all(isinstance(d.raw, bytes) for d in docs)


def test_html_page_gives_its_article_body(tmp_path):
    page = ("<html><head><title>东岚县重点项目集中开工</title></head><body>"
            "<div class='nav'>首页 | 要闻</div><article><h1>东岚县重点项目集中开工</h1>"
            "<p>3月18日，东岚县28个重点项目集中开工，总投资56.8亿元。县委书记李国华出席。</p>"
            "<p>其中，东岚新材料产业园项目总投资12亿元，预计年产值30亿元。</p></article>"
            "<footer>版权所有 东岚县人民政府</footer></body></html>")
    (tmp_path / "page.html").write_bytes(page.encode("gb18030"))
    [doc] = iter_inputs([tmp_path / "page.html"])
    assert isinstance(doc, InputDoc)
    assert "总投资56.8亿元" in doc.raw and "年产值30亿元" in doc.raw
    assert doc.fields["title"] == "东岚县重点项目集中开工"


def test_jsonl_archive_with_a_broken_line(tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [json.dumps({"id": "n1", "content": ARTICLE, "date": "2024-03-18"}, ensure_ascii=False),
            "{broken json",
            json.dumps({"id": "n3", "title": "no text"}, ensure_ascii=False)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(iter_inputs([path], Columns(text="content")))
    assert isinstance(items[0], InputDoc) and items[0].doc_id == "n1"
    assert items[0].fields["published"] == "2024-03-18"
    assert isinstance(items[1], InputError) and items[1].error.code == "E203"
    assert "news.jsonl:2" in items[1].source
    assert isinstance(items[2], InputError)


def test_csv_and_parquet_archives(tmp_path):
    csv_path = tmp_path / "news.csv"
    csv_path.write_text("doc_id,text\nc1,\"" + ARTICLE.replace("\n", " ") + "\"\n", encoding="utf-8")
    parquet_path = tmp_path / "news.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [ARTICLE, opencc.OpenCC("s2t").convert(ARTICLE)]}),
                   parquet_path)
    docs = list(iter_inputs([csv_path, parquet_path]))
    assert [d.doc_id for d in docs] == ["c1", "p1", "p2"]


def test_missing_path_is_a_coded_error(tmp_path):
    with pytest.raises(InputNotFound):
        list(iter_inputs([tmp_path / "nope"]))
