"""Sentence splitting on news shapes: quotes, semicolons, headlines."""

from hynlp.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_closing_quote_stays_with_its_sentence():
    assert texts("他说：“项目要快。”随后离开。") == ["他说：“项目要快。”", "随后离开。"]


def test_semicolons_split_clauses():
    assert texts("构建产业高地；打造产业集群。") == ["构建产业高地；", "打造产业集群。"]


def test_headline_without_end_mark_is_a_sentence():
    assert texts("东岚县重点项目集中开工\n3月18日，项目开工。") == ["东岚县重点项目集中开工", "3月18日，项目开工。"]


def test_ellipsis_and_question_marks():
    assert texts("项目怎么干？答案在这里……我们继续") == ["项目怎么干？", "答案在这里……", "我们继续"]


def test_indices_and_offsets_cover_text_in_order():
    text = "一。二！三？\n四"
    sentences = split_sentences(text)
    assert [s.index for s in sentences] == [0, 1, 2, 3]
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:]))


def test_empty_text_has_no_sentences():
    assert split_sentences("  \n ") == []
