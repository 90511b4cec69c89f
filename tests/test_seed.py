"""The article that started the project: every cue it carries, got right."""
import pytest

import labeler


@pytest.fixture(scope="module")
def seed(seed_text):
    return seed_text, labeler.analyze(seed_text, model="rules")


def test_origin_is_rt_by_the_feed_notice(seed):
    text, a = seed
    assert (a.origin.outlet, a.origin.affiliation, a.origin.country, a.origin.method) == (
        "RT", "state-controlled", "RU", "notice")
    assert a.origin.evidence == "This post was originally published on RT"
    assert text[a.origin.start:a.origin.end] == a.origin.evidence
    assert a.origin.source


def test_no_url_means_no_host(seed):
    assert seed[1].host is None
    assert [c.role for c in seed[1].chain][:1] == ["origin"]


def test_rubio_is_quoted_via_herridge_and_johnson_is_not_a_speaker(seed):
    _, a = seed
    speakers = {q.speaker for q in a.quotes}
    assert "Marco Rubio" in speakers
    assert "Boris Johnson" not in speakers
    assert any(q.speaker == "Marco Rubio" and q.via == "Catherine Herridge" for q in a.quotes)
    links = [c for c in a.chain if c.role == "speaker" and c.name == "Marco Rubio"]
    assert links and links[0].via == "Catherine Herridge"


def test_no_cited_outlet_is_confused_with_the_origin(seed):
    _, a = seed
    assert "RT" not in {c.outlet for c in a.cited_outlets}


def test_hysteria_and_hyperbole_are_rubios_words_and_kiev_is_the_authors(seed):
    _, a = seed
    quoted = {(t.term.lower(), t.speaker) for t in a.loaded_terms if t.voice == "quoted"}
    assert {("hysteria", "Marco Rubio"), ("hyperbole", "Marco Rubio")} <= quoted
    kiev = [t for t in a.loaded_terms if t.term == "Kiev"]
    assert kiev and all(t.voice == "author" for t in kiev)
    assert all(t.category == "naming_convention" for t in kiev)


def test_the_johnson_sentence_is_an_unattributed_uncountered_claim(seed):
    _, a = seed
    sentence = ("However, Kiev later withdrew from the deal after then-British Prime Minister "
                "Boris Johnson urged it to continue fighting.")
    (claim,) = [c for c in a.claims if c.sentence == sentence]
    assert not claim.attributed and not claim.countered and claim.why
    assert a.balanced is False
