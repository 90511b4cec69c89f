"""The UI's pure renderers: highlighted text, the chain as DOT, legend and score bars.

Article text is untrusted: whatever it contains must come out as text, never as markup.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labeler.schema import (Analysis, ChainLink, Claim, LoadedTerm, ModelInfo, Origin, Quote, Scores)
from labeler.ui import render

TEXT = (
    'Officials met in Geneva on Monday. "This is pure hysteria," Jane Doe said in an interview '
    "with reporter John Roe. Later the regime in Kiev sabotaged the ceasefire after a foreign "
    "minister urged it to keep fighting.\n\nThis story first appeared on RT."
)


def span(s: str, after: int = 0) -> tuple[int, int]:
    i = TEXT.index(s, after)
    return i, i + len(s)


def make_analysis(text: str = TEXT) -> Analysis:
    q0, q1 = span("This is pure hysteria,")
    sp0, sp1 = span("Jane Doe")
    h0, h1 = span("hysteria")
    k0, k1 = span("Kiev")
    r0, r1 = span("regime")
    c0, c1 = span("Later the regime in Kiev sabotaged the ceasefire after a foreign minister urged it to keep fighting.")
    n0, n1 = span("This story first appeared on RT")
    origin = Origin("RT", "state-controlled", "RU", "notice", TEXT[n0:n1], n0, n1, "registry: test")
    return Analysis(
        host=None,
        origin=origin,
        chain=[ChainLink("origin", "RT", "state-controlled", "RU", None, TEXT[n0:n1], n0, n1),
               ChainLink("speaker", "Jane Doe", None, None, "John Roe", TEXT[sp0:sp1], sp0, sp1)],
        quotes=[Quote("Jane Doe", "direct", "said", TEXT[q0:q1], "John Roe", q0, q1, sp0, sp1)],
        loaded_terms=[
            LoadedTerm("hysteria", h0, h1, "quoted", "Jane Doe", "emotive", "test"),
            LoadedTerm("regime", r0, r1, "author", None, "delegitimising", "test"),
            LoadedTerm("Kiev", k0, k1, "author", None, "naming_convention", "test"),
        ],
        claims=[Claim(TEXT[c0:c1], c0, c1, False, False, "causal accusation with no source")],
        scores=Scores(0.93, 0.61, 0.2),
        explanations={
            "state_media": [{"feature": "origin by notice: RT (state-controlled)", "contribution": 2.1,
                             "evidence": TEXT[n0:n1]},
                            {"feature": "minor cue", "contribution": 0.1}],
            "loaded_language": [{"feature": "loaded term: regime (author)", "contribution": 0.8, "evidence": "regime"}],
        },
        model=ModelInfo("test-model", "1"),
        text_length=len(text),
    )


class TextCollector(HTMLParser):
    """Collects visible text, and the text inside elements carrying a given attribute value."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, str]] = []
        self.text: list[str] = []
        self.by_class: dict[str, list[str]] = {}
        self.tags: list[str] = []
        self.attrs_seen: list[dict[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        d = {k: v or "" for k, v in attrs}
        self.attrs_seen.append(d)
        self.stack.append(d)

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)
        for d in self.stack:
            for cls in d.get("class", "").split():
                self.by_class.setdefault(cls, []).append(data)


def parse(markup: str) -> TextCollector:
    p = TextCollector()
    p.feed(markup)
    p.close()
    return p


@pytest.fixture(scope="module")
def page() -> TextCollector:
    return parse(render.highlight_html(TEXT, make_analysis()))


def test_highlighted_text_reads_as_the_original_article(page):
    assert "".join(page.text) == TEXT


@pytest.mark.parametrize("cls, expected", [
    ("lab-term-quoted", "hysteria"),
    ("lab-term-author", "regime"),
    ("lab-term-author", "Kiev"),
    ("lab-notice", "This story first appeared on RT"),
    ("lab-speaker", "Jane Doe"),
])
def test_each_cue_is_marked_with_its_kind(page, cls, expected):
    assert expected in "".join(page.by_class.get(cls, []))


def test_quoted_term_names_its_speaker_on_hover_and_in_data():
    marks = [d for d in parse(render.highlight_html(TEXT, make_analysis())).attrs_seen
             if d.get("data-term") == "hysteria"]
    assert marks and marks[0]["data-voice"] == "quoted" and marks[0]["data-speaker"] == "Jane Doe"
    assert "Jane Doe" in marks[0]["title"]


def test_unattributed_claim_covers_the_whole_sentence_including_terms_inside_it(page):
    marked = "".join(page.by_class["lab-claim-unattributed"])
    assert marked.startswith("Later the regime in Kiev sabotaged") and marked.endswith("keep fighting.")


def test_quote_text_is_not_marked_as_an_unattributed_claim(page):
    assert "hysteria" not in "".join(page.by_class["lab-claim-unattributed"])


@pytest.mark.parametrize("probability, shown", [(None, False), (0.83, True)])
def test_a_claim_the_model_found_says_so_with_its_probability(probability, shown):
    from dataclasses import replace

    a = make_analysis()
    a.claims = [replace(c, probability=probability) for c in a.claims]
    titles = [d["title"] for d in parse(render.highlight_html(TEXT, a)).attrs_seen if d.get("data-claim")]
    assert titles and ("found by the model, p=0.83" in titles[0]) is shown
    assert render.claim_rows(a)[0]["model probability"] == probability


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    '"><iframe src=javascript:alert(1)>',
    "</span></div><script>document.title='x'</script>",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_markup_in_an_article_is_shown_as_text_never_as_tags(payload):
    text = f"Officials said {payload} on Monday.\n\nThis story first appeared on RT."
    i = text.index(payload)
    a = Analysis(
        loaded_terms=[LoadedTerm(payload, i, i + len(payload), "quoted", payload, "x", "test")],
        claims=[Claim(text[: text.index("\n")], 0, text.index("\n"), False, False, payload)],
        quotes=[Quote(payload, "direct", "said", payload, payload, i, i + len(payload))],
    )
    out = render.highlight_html(text, a)
    parsed = parse(out)
    assert set(parsed.tags) <= {"div", "span"}
    assert not any(k.startswith("on") for d in parsed.attrs_seen for k in d)
    assert "".join(parsed.text) == text


@pytest.mark.parametrize("payload", HOSTILE)
def test_markup_in_names_and_evidence_is_escaped_in_every_renderer(payload):
    a = Analysis(
        origin=Origin(payload, "state-controlled", payload, "notice", payload, None, None, payload),
        chain=[ChainLink("origin", payload, "unknown", None, None, payload, None, None),
               ChainLink("speaker", payload, None, None, payload, payload, None, None)],
        explanations={"state_media": [{"feature": payload, "contribution": 1.0, "evidence": payload}]},
        warnings=[payload],
    )
    for markup in (render.origin_html(a), render.score_bars_html(render.score_bars(a)), render.warnings_html(a)):
        parsed = parse(markup)
        assert set(parsed.tags) <= {"div", "span", "ul", "li", "b"}
        assert not any(k.startswith("on") for d in parsed.attrs_seen for k in d)
        assert payload in "".join(parsed.text)
    dot = render.chain_dot(a)
    assert "<" not in dot and ">" not in dot.replace("->", "")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200),
       st.integers(0, 200), st.integers(0, 200))
def test_any_text_round_trips_through_the_highlighter(text, i, j):
    i, j = sorted((min(i, len(text)), min(j, len(text))))
    a = Analysis(loaded_terms=[LoadedTerm(text[i:j], i, j, "author", None, "x", "t")] if i < j else [],
                 claims=[Claim(text, 0, len(text), False, False, "w")] if text else [])
    out = render.highlight_html(text, a)
    assert html.unescape(re.sub(r"<[^>]*>", "", out)) == text


@pytest.mark.parametrize("start, end", [(-1, 3), (5, 2), (0, 10_000), (None, None), (3, 3)])
def test_offsets_outside_the_text_are_skipped_not_fatal(start, end):
    a = Analysis(loaded_terms=[LoadedTerm("x", start, end, "author", None, "x", "t")])
    assert "".join(parse(render.highlight_html("short text", a)).text) == "short text"


def test_display_is_cut_for_huge_articles_with_a_note():
    out = render.highlight_html("a" * 50, Analysis(), max_chars=10)
    assert "display cut at 10 of 50 characters" in out


# ------------------------------------------------------------------ chain

@pytest.fixture(scope="module")
def dot() -> str:
    return render.chain_dot(make_analysis())


def _nodes(dot: str) -> dict[str, str]:
    return dict(re.findall(r'^\s*(n\d+) \[label="([^"]*)"', dot, flags=re.M))


def _edges(dot: str) -> list[tuple[str, str, str]]:
    return re.findall(r'^\s*(n\d+) -> (n\d+) \[label="([^"]*)"', dot, flags=re.M)


def test_chain_is_a_left_to_right_digraph(dot):
    assert dot.startswith("digraph provenance {") and dot.rstrip().endswith("}") and "rankdir=LR" in dot


def test_origin_node_shows_outlet_affiliation_and_country_and_is_coloured(dot):
    nodes = _nodes(dot)
    (rt,) = [n for n, label in nodes.items() if label.startswith("RT\\n")]
    assert "state-controlled" in nodes[rt] and "RU" in nodes[rt]
    assert re.search(rf'{rt} \[.*fillcolor="{render.AFFILIATION_COLOURS["state-controlled"]}"', dot)


def test_without_a_url_the_chain_starts_at_the_article(dot):
    nodes = _nodes(dot)
    assert nodes["n0"].startswith("this article")
    assert ("n0", "n1", "republished from") in _edges(dot)


def test_speaker_hangs_off_the_intermediary_who_relayed_them(dot):
    nodes = {label.split("\\n")[0]: n for n, label in _nodes(dot).items()}
    edges = {(s, d) for s, d, _ in _edges(dot)}
    assert (nodes["RT"], nodes["John Roe"]) in edges and (nodes["John Roe"], nodes["Jane Doe"]) in edges


def test_node_tooltip_carries_the_evidence(dot):
    assert 'tooltip="origin: RT — evidence: This story first appeared on RT"' in dot


@pytest.mark.parametrize("raw, expected", [
    ('say "hi"', 'say \\"hi\\"'),
    ("back\\slash", "back\\\\slash"),
    ("two\nlines", "two lines"),
    ("a & b", "a &amp; b"),
])
def test_dot_strings_are_escaped(raw, expected):
    assert render.dot_string(raw) == expected


def test_chain_of_an_empty_analysis_is_still_a_graph():
    dot = render.chain_dot(Analysis())
    assert _nodes(dot) and not _edges(dot)


# ------------------------------------------------------------------ scores, legend

def test_three_score_bars_in_contract_order_with_strongest_reason_first():
    bars = render.score_bars(make_analysis())
    assert [b.key for b in bars] == ["state_media", "loaded_language", "omitted_counterclaims"]
    assert bars[0].reasons[0].feature.startswith("origin by notice: RT")
    assert (bars[0].band, bars[1].band, bars[2].band) == ("high", "medium", "low")


def test_missing_score_is_shown_as_not_available():
    bars = render.score_bars(Analysis(scores=Scores(0.1, None, None)))
    assert bars[1].value is None and bars[1].band == "n/a"
    assert "n/a" in render.score_bars_html(bars)


def test_score_bar_width_follows_the_score():
    markup = render.score_bars_html(render.score_bars(make_analysis()))
    assert "width:93.0%" in markup and "width:61.0%" in markup


@pytest.mark.parametrize("kind", list(render.MARK_LEGEND))
def test_legend_explains_every_mark_kind(kind):
    assert html.escape(render.MARK_LEGEND[kind]) in render.legend_html()


# ------------------------------------------------------------------ batch tables (pure I/O helpers)

import pandas as pd  # noqa: E402

from labeler.errors import InputError  # noqa: E402
from labeler.ui import tables  # noqa: E402


@pytest.mark.parametrize("name, data, says", [
    ("a.csv", b"", "empty"),
    ("a.csv", b'id,text\n1,"open\n2,x,y,z\n', "cannot read it as CSV"),
    ("a.parquet", b"not parquet", "cannot read it as PARQUET"),
    ("a.jsonl", b"{oops}\n", "cannot read it as JSONL"),
    ("a.xlsx", b"x", "unknown table type '.xlsx'"),
])
def test_unreadable_tables_raise_input_errors_that_name_the_file(name, data, says):
    with pytest.raises(InputError, match=re.escape(says)) as e:
        tables.read_table(name, data)
    assert name in str(e.value)


def test_too_many_rows_points_to_the_command_line():
    data = ("id,text\n" + "".join(f"{i},x\n" for i in range(11))).encode()
    with pytest.raises(InputError, match="labeler batch"):
        tables.read_table("big.csv", data, max_rows=10)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet"])
def test_scored_table_is_written_back_in_the_uploads_format(fmt):
    df = pd.DataFrame({"id": ["a", "b"], "state_media": [0.9, 0.1], "terms": [["x"], []]})
    data, mime, ext = tables.write_table(df, fmt)
    back = tables.read_table(f"out.{ext}", data)
    assert list(back["id"]) == ["a", "b"] and mime


def test_score_histogram_counts_each_score_in_tenths():
    df = pd.DataFrame({"score_state_media": [0.05, 0.95, 0.97], "loaded_language": [0.5, None, 0.5]})
    hist = tables.score_histogram(tables.score_long(df))
    rows = {(r.score, r.bin): r.rows for r in hist.itertuples()}
    assert rows[("state_media", "0.9–1.0")] == 2 and rows[("loaded_language", "0.4–0.5")] == 2


def test_origins_are_counted_by_affiliation_and_country():
    df = pd.DataFrame({"origin_affiliation": ["state-controlled", "state-controlled", None],
                       "origin_country": ["RU", "RU", None]})
    counts = tables.origin_counts(df)
    assert counts.to_dict("records") == [{"affiliation": "state-controlled", "country": "RU", "articles": 2}]


def test_a_feature_found_twice_is_one_reason_with_a_count():
    a = Analysis(explanations={"loaded_language": [
        {"feature": "loaded term: Kiev (author)", "contribution": 1.0, "evidence": "Kiev"},
        {"feature": "loaded term: Kiev (author)", "contribution": 1.0, "evidence": "Kiev"},
        {"feature": "loaded term: regime (author)", "contribution": 0.5}]})
    reasons = render.score_bars(a)[1].reasons
    assert [r.feature for r in reasons] == ["loaded term: Kiev (author) ×2", "loaded term: regime (author)"]
