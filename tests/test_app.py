"""The Streamlit app, page by page, through streamlit.testing.v1.AppTest (widgets found by key=).

These run the real ``labeler.analyze`` on the default model; only the network is patched.
"""
from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from labeler.errors import InputError

APP = str(Path(__file__).resolve().parents[1] / "app.py")
TIMEOUT = 120  # the first run loads the model; later runs take well under a second


class Marks(HTMLParser):
    """Text per CSS class, and the attributes of every element, in rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, str]] = []
        self.by_class: dict[str, str] = {}
        self.elements: list[dict[str, str]] = []
        self.text = ""

    def handle_starttag(self, tag, attrs):
        d = {"tag": tag, **{k: v or "" for k, v in attrs}}
        self.elements.append(d)
        self.stack.append(d)

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        self.text += data
        for d in self.stack:
            for cls in d.get("class", "").split():
                self.by_class[cls] = self.by_class.get(cls, "") + data


def marks(at: AppTest, css_class: str) -> Marks:
    (body,) = [h.value for h in at.html if css_class in h.value]
    m = Marks()
    m.feed(body)
    return m


def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    return at.run()


@pytest.fixture
def downloads(monkeypatch):
    """Bytes offered by st.download_button, by file name (AppTest keeps media in memory only)."""
    seen: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        if filename:
            seen[filename] = path_or_data if isinstance(path_or_data, bytes) else str(path_or_data).encode()
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return seen


def go(at: AppTest, page: str) -> AppTest:
    return at.sidebar.radio(key="page").set_value(page).run()


# ------------------------------------------------------------------ Analyse

@pytest.fixture(scope="module")
def seed_app(seed_text):
    at = app()
    at.text_area(key="text").set_value(seed_text)
    at.button(key="analyse").click().run()
    assert not at.exception, at.exception
    return at


def test_app_opens_on_the_analyse_page_with_the_default_model():
    at = app()
    assert not at.exception
    assert at.sidebar.radio(key="page").value == "Analyse"
    assert at.button(key="analyse").label == "Analyse"
    assert any("Model:" in c.value for c in at.sidebar.caption)


def test_the_sentence_encoder_reads_claims_when_ticked():
    from labeler.model.encoder import encoder_available

    if not encoder_available():
        pytest.skip("the encoder's weights package is not installed")
    at = app()
    at.text_area(key="text").set_value("Vote dispute\n\nThe council met on Tuesday. The party despises the voters "
                                       "and governs only for its wealthy donors.\n\nThe report was published in March.")
    at.button(key="analyse").click().run()
    before = [c.why for c in at.session_state["result"][1].claims if c.probability is not None]
    at.sidebar.checkbox(key="embedding_claims").check().run()
    at.button(key="analyse").click().run()
    assert not at.exception, at.exception
    after = [c.why for c in at.session_state["result"][1].claims if c.probability is not None]
    assert not any(w.startswith("embedding") for w in before)
    assert after and all(w.startswith("embedding claim model") for w in after)


def test_seed_origin_is_rt_state_controlled_russia(seed_app):
    origin = marks(seed_app, "labeler-origin")
    assert "RT (state-controlled, RU)" in origin.text
    assert "originally published on RT" in origin.text


def test_seed_chain_graph_has_rt_as_origin(seed_app):
    (chart,) = seed_app.get("graphviz_chart")
    assert 'label="RT\\norigin · state-controlled · RU"' in chart.proto.spec


def test_seed_hysteria_is_marked_as_quoted_with_marco_rubio(seed_app):
    text = marks(seed_app, "labeler-text")
    hysteria = [e for e in text.elements if e.get("data-term", "").lower() == "hysteria"]
    assert hysteria
    assert all(e["data-voice"] == "quoted" and e["data-speaker"] == "Marco Rubio" for e in hysteria)
    assert "Marco Rubio" in hysteria[0]["title"]


def test_seed_johnson_sentence_is_marked_unattributed(seed_app):
    _, analysis = seed_app.session_state["result"]
    (claim,) = [c for c in analysis.claims if "Boris Johnson" in c.sentence]
    assert not claim.attributed
    text = marks(seed_app, "labeler-text")
    assert claim.sentence in text.by_class["lab-claim-unattributed"]


def test_seed_scores_show_as_three_bars_with_reasons(seed_app):
    bars = [h.value for h in seed_app.html if "data-score=" in h.value]
    assert [b.split('data-score="')[1].split('"')[0] for b in bars] == [
        "state_media", "loaded_language", "omitted_counterclaims"]
    assert "<li>" in bars[0]


def test_seed_analysis_downloads_as_json(seed_text, downloads):
    at = app()
    at.text_area(key="text").set_value(seed_text)
    at.button(key="analyse").click().run()
    assert at.download_button(key="download_json").label.startswith("Download")
    data = json.loads(downloads["analysis.json"])
    assert data["schema"] == "labeler.analysis/1" and data["origin"]["outlet"] == "RT"


@pytest.mark.parametrize("payload", ["<script>window.x=1</script>", '<img src=x onerror="alert(1)">'])
def test_markup_in_an_article_is_shown_escaped(payload):
    at = app()
    at.text_area(key="text").set_value(f"The minister said {payload} at the summit on Monday.")
    at.button(key="analyse").click().run()
    assert not at.exception
    body = marks(at, "labeler-text")
    assert payload in body.text
    assert {e["tag"] for e in body.elements} <= {"div", "span"}
    assert not any(k.startswith("on") for e in body.elements for k in e)


@pytest.mark.parametrize("text", ["   ", "\x00\x01\x02\x03" * 200])
def test_unusable_text_gives_a_message_not_a_traceback(text):
    at = app()
    at.text_area(key="text").set_value(text)
    at.button(key="analyse").click().run()
    assert not at.exception
    assert at.error and "text" in at.error[0].value


def test_uploaded_html_file_is_analysed():
    at = app()
    at.radio(key="source").set_value("Upload a file").run()
    page = (b"<html><head><title>Grain deal</title></head><body><article><p>MOSCOW, March 3 (TASS) - "
            b"Officials in Moscow said on Monday that the grain corridor would stay open for ships.</p>"
            b"<p>The statement followed talks in Istanbul between delegations.</p></article></body></html>")
    at.file_uploader(key="upload").set_value(("grain.html", page, "text/html"))
    at.run()
    at.button(key="analyse").click().run()
    assert not at.exception and not at.error
    assert "grain corridor" in marks(at, "labeler-text").text


def test_url_is_fetched_only_on_request_and_a_network_failure_is_a_message(monkeypatch):
    calls = []

    def offline(url, **kw):
        calls.append((url, kw))
        raise InputError(f"{url}: cannot connect (no network, or the host is unreachable)")

    monkeypatch.setattr("labeler.article.fetch_url", offline)
    at = app()
    at.radio(key="source").set_value("URL").run()
    at.text_input(key="url").set_value("https://example.org/news/1").run()
    assert calls == []
    at.button(key="analyse").click().run()
    assert not at.exception
    assert "no network" in at.error[0].value
    assert calls and calls[0][1]["timeout"] > 0 and calls[0][1]["max_bytes"] > 0


# ------------------------------------------------------------------ Batch

CSV = (
    "id,headline,text\n"
    'a1,Talks,"BEIJING, May 7 (Xinhua) -- Delegations met for a second day of trade talks, officials said."\n'
    'a2,Council,"The town council approved its budget on Tuesday after a short debate, the mayor said."\n'
    'a3,Port,"Dockworkers returned to work on Friday, ending a strike that closed the port for a week."\n'
)


@pytest.fixture
def batch_app():
    at = go(app(), "Batch")
    assert not any("not available" in w.value for w in at.warning), "the batch module must be installed"
    return at


def test_small_csv_is_scored_and_offered_for_download(batch_app, downloads):
    at = batch_app
    at.file_uploader(key="batch_upload").set_value(("articles.csv", CSV.encode(), "text/csv")).run()
    assert not at.exception
    assert at.selectbox(key="text_col").value == "text"
    at.button(key="score").click().run()
    assert not at.exception and not at.error
    scored = pd.read_csv(io.BytesIO(downloads["articles.scored.csv"]))
    assert len(scored) == 3 and list(scored["id"]) == ["a1", "a2", "a3"]
    assert any(c.endswith("state_media") for c in scored.columns)
    assert at.dataframe


@pytest.mark.parametrize("name, data", [
    ("broken.csv", b'id,text\n1,"never closed\n2,fine,extra,cells\n'),
    ("binary.parquet", b"\x00\x01\x02 not parquet"),
    ("empty.csv", b""),
    ("notes.jsonl", b"{not json}\n"),
])
def test_a_bad_table_gives_a_message_not_a_traceback(batch_app, name, data):
    at = batch_app
    at.file_uploader(key="batch_upload").set_value((name, data, "application/octet-stream")).run()
    assert not at.exception
    assert at.error and name in at.error[0].value


# ------------------------------------------------------------------ Models

def test_models_page_lists_the_shipped_model_and_the_rules():
    at = go(app(), "Models")
    assert not at.exception
    options = at.selectbox(key="model_choice").options
    assert options[0].startswith("default") and "rules" in options


def test_choosing_the_rules_model_is_used_for_the_next_analysis(seed_text):
    at = go(app(), "Models")
    at.selectbox(key="model_choice").set_value("rules").run()
    at = go(at, "Analyse")
    at.text_area(key="text").set_value(seed_text)
    at.button(key="analyse").click().run()
    assert at.session_state["result"][1].model.name == "rules"


def test_an_untrusted_uploaded_model_is_refused_with_a_reason():
    at = go(app(), "Models")
    at.file_uploader(key="model_upload").set_value(("model.skops", b"PK\x03\x04 not a model", "application/zip"))
    at.run()
    at.button(key="load_uploaded").click().run()
    assert not at.exception
    assert at.error
    assert at.session_state.get("active_model") != "uploaded"


# ------------------------------------------------------------------ Method

@pytest.mark.parametrize("phrase", ["State-media origin", "Loaded language", "Omitted counterclaims",
                                    "Limits", "registry"])
def test_method_page_explains_scores_sources_and_limits(phrase):
    at = go(app(), "Method")
    assert not at.exception
    assert phrase in " ".join(m.value for m in at.markdown)
