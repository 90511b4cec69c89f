"""Source balance: distinct sources, their sides, anonymity, and whether the main claim gets the other side."""
from __future__ import annotations

import pytest

from labeler.cues.balance import main_claim, source_balance
from labeler.cues.claims import find_claims
from labeler.schema import Claim, Quote


def _q(text: str, speaker: str, content: str, cue: str = "said", kind: str = "direct") -> Quote:
    start = text.index(content)
    return Quote(speaker=speaker, kind=kind, cue=cue, content=content, via=None, start=start, end=start + len(content))


def _balance(text: str, quotes=()):
    quotes = list(quotes)
    return source_balance(text, quotes, find_claims(text, quotes))


def test_name_variants_of_one_speaker_count_once():
    text = ('"We will talk," Foreign Minister Anna Berg said on Monday.\n\n'
            '"We will also listen," Berg added.')
    qs = [_q(text, "Foreign Minister Anna Berg", "We will talk,"), _q(text, "Berg", "We will also listen,", "added")]
    sources, _ = _balance(text, qs)
    assert sources["count"] == 1
    assert sources["names"] == ["Foreign Minister Anna Berg"]


@pytest.mark.parametrize("speaker, sentence_extra, anonymous", [
    ("a senior administration official", ", speaking on condition of anonymity", True),
    ("Western officials", "", True),
    ("analysts", "", True),
    ("Dmytro Lysak", "", False),
    ("the Foreign Ministry", "", False),
])
def test_unnamed_sources_are_counted_as_anonymous(speaker, sentence_extra, anonymous):
    text = f'"Prices will rise next year," said {speaker}{sentence_extra}.'
    sources, _ = _balance(text, [_q(text, speaker, "Prices will rise next year,")])
    assert sources["anonymous"] == int(anonymous)


def test_sources_split_by_their_role_in_the_dispute():
    text = (
        '"The dam was deliberately blown up by the retreating troops," the governor said.\n\n'
        '"We categorically denied any involvement," a defence ministry spokesman said.\n\n'
        '"The water reached the second floor," said Olena Marchenko, a resident.'
    )
    qs = [
        _q(text, "the governor", "The dam was deliberately blown up by the retreating troops,"),
        _q(text, "a defence ministry spokesman", "We categorically denied any involvement,"),
        _q(text, "Olena Marchenko", "The water reached the second floor,"),
    ]
    sources, balanced = _balance(text, qs)
    assert sources["count"] == 3
    assert sources["by_side"] == {"asserting": 1, "countering": 1, "other": 1}
    assert balanced


def test_an_unattributed_uncountered_main_claim_makes_the_article_unbalanced():
    text = ("Ministers met in Vienna on Tuesday.\n\n"
            "The pipeline was deliberately sabotaged by divers acting on orders from the rival capital.")
    _, balanced = _balance(text)
    assert balanced is False


def test_the_same_claim_with_its_denial_is_balanced():
    text = ("Ministers met in Vienna on Tuesday.\n\n"
            "The pipeline was deliberately sabotaged by divers acting on orders from the rival capital.\n\n"
            "The rival government denied that its divers had sabotaged the pipeline.")
    _, balanced = _balance(text)
    assert balanced is True


@pytest.mark.parametrize("text, balanced", [
    ("The council approved the budget on Tuesday. Officials said work would start in May.", False),
    ("The council approved the budget. Opposition councillors said it ignored residents' concerns.", True),
    ("The airline said flights would resume. The airport operator declined to comment.", True),
    ("Drones hit two depots overnight, officials said. Moscow denied targeting civilians.", True),
    ("The North fired two missiles, the military said. Its ministry accused the allies of rehearsing an "
     "invasion. The allies say the exercises, held every spring, are defensive.", True),
    ("The ministry said the exercises were held every spring near the coast.", False),
])
def test_without_contested_claims_balance_means_a_dispute_is_voiced(text, balanced):
    assert _balance(text)[1] is balanced


@pytest.mark.parametrize("text", [
    "The mine will double its output by 2030, the company said. Environmental groups have warned that the "
    "expansion threatens the river.",
    "The ministry said the new port would attract shipping lines. Economists have questioned whether it can "
    "compete with older hubs.",
    "The mayor said the new car park would help local shops. Shopkeepers were not convinced.",
    "The council voted to close the library despite protests from residents who say it is well used.",
])
def test_critical_voices_without_denial_words_voice_a_dispute(text):
    assert _balance(text)[1] is True


def test_one_sided_quotes_without_any_reply_are_not_balanced():
    text = (
        '"The sanctions are the main cause of the shortage of medicines," the minister said.\n\n'
        '"The blockade is deliberately aimed at ordinary people," a charity head said.'
    )
    qs = [_q(text, "the minister", "The sanctions are the main cause of the shortage of medicines,"),
          _q(text, "a charity head", "The blockade is deliberately aimed at ordinary people,")]
    sources, balanced = _balance(text, qs)
    assert sources["by_side"]["asserting"] == 2 and sources["by_side"]["countering"] == 0
    assert balanced is False


def test_main_claim_is_the_strongest_unattributed_one():
    weak = Claim("The talks led to a deal.", 0, 24, False, False, "")
    strong = Claim("The war is the direct result of deliberate provocations.", 30, 86, False, False, "")
    attributed = Claim("He said the blast was deliberate sabotage on orders from abroad.", 90, 150, True, False, "")
    assert main_claim([weak, strong, attributed]) is strong
    assert main_claim([attributed]) is attributed
    assert main_claim([]) is None


def test_seed_is_unbalanced(seed_text):
    assert _balance(seed_text)[1] is False


@pytest.mark.parametrize("text", ["", "   ", "\x00\xff" * 100, '"open quote never closed, said the man'])
def test_bad_input_gives_an_empty_count_and_never_crashes(text):
    sources, balanced = source_balance(text, [], [])
    assert set(sources) >= {"count", "by_side", "anonymous"}
    assert isinstance(balanced, bool)


def test_quotes_with_odd_offsets_do_not_crash():
    text = "Short text, the minister said."
    bad = Quote(speaker="the minister", kind="indirect", cue="said", content="x", via=None, start=10_000, end=10_001)
    sources, _ = source_balance(text, [bad], [])
    assert sources["count"] == 1
