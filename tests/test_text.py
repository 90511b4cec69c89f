from hypothesis import given, strategies as st

from labeler.text import paragraphs, quoted_spans, sentence_at, sentences, single_quoted_spans


def test_sentences_keep_abbreviations_and_initials_together():
    text = "Mr. Smith met Gen. Jones in the U.S. on Monday. John F. Kennedy said \"Yes.\" Then he left."
    assert [s.text for s in sentences(text)] == [
        "Mr. Smith met Gen. Jones in the U.S. on Monday.",
        'John F. Kennedy said "Yes."',
        "Then he left.",
    ]


def test_sentences_never_cross_a_line_break():
    text = "Headline without a stop\nThe body starts here. It goes on."
    assert [s.text for s in sentences(text)] == ["Headline without a stop", "The body starts here.", "It goes on."]


def test_sentence_at_finds_the_enclosing_sentence():
    text = "First one. Second one here."
    assert sentence_at(text, text.index("Second") + 3).text == "Second one here."
    assert sentence_at(text, len(text) + 5) is None


def test_quotes_pair_by_alternation_even_when_the_opener_is_a_closing_mark():
    text = "\u201dEven in the worst days,\u201d Rubio said."
    (q,) = quoted_spans(text)
    assert q.text == "Even in the worst days," and q.balanced


def test_an_unpaired_mark_is_cut_at_the_paragraph_end_and_flagged():
    text = "He said \u201cthis never ends.\n\nNext paragraph."
    (q,) = quoted_spans(text)
    assert q.text == "this never ends." and not q.balanced


def test_single_quotes_skip_apostrophes():
    text = "Trump \u2018very upset\u2019 with Zelensky, Russia\u2019s envoy says"
    assert [q.text for q in single_quoted_spans(text)] == ["very upset"]


def test_paragraphs_are_stripped_and_offset_exact():
    text = "  A line  \n\n\nB line\n"
    assert [(p.text, text[p.start:p.end]) for p in paragraphs(text)] == [("A line", "A line"), ("B line", "B line")]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_every_span_slices_out_its_text(text):
    for s in sentences(text) + paragraphs(text):
        assert text[s.start:s.end] == s.text
    for q in quoted_spans(text) + single_quoted_spans(text):
        assert text[q.start:q.end] == q.text


def test_a_doubled_apostrophe_is_a_double_quotation_mark():
    text = "His aides called him ''a genius'' on Friday."
    (q,) = quoted_spans(text)
    assert q.text == "a genius" and text[q.start:q.end] == "a genius" and q.balanced
