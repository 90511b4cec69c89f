"""Source balance: distinct sources, their sides, anonymity, and whether the main claim gets the other side."""
from __future__ import annotations

import pytest

from labeler.cues.balance import main_claim, other_voice, source_balance
from labeler.cues.claims import find_claims
from labeler.schema import Claim, Quote


def _q(text: str, speaker: str, content: str, cue: str = "said", kind: str = "direct") -> Quote:
    start = text.index(content)
    return Quote(speaker=speaker, kind=kind, cue=cue, content=content, via=None, start=start, end=start + len(content))


def _balance(text: str, quotes=()):
    quotes = list(quotes)
    return source_balance(text, quotes, find_claims(text, quotes))


def _with_found_quotes(text: str) -> tuple[dict, bool]:
    """Balance with the project's quote detector (a second source is a Quote), as the pipeline runs it."""
    from labeler.provenance.quotes import find_quotes

    return _balance(text, find_quotes(text))


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


# ------------------------------------------------------------------ the other side in plain words (own wording)

@pytest.mark.parametrize("text", [
    # a critical voice with a plain verb, not the lead actor
    "The city raised bus fares on Monday, the transport authority said.\n\nThe opposition Green Party criticised the increase.",
    "The port authority approved the new coal terminal.\n\nFishermen's associations objected to the plan at a public hearing.",
    # critical content after a reporting verb, from another actor
    "The ministry announced new fishing quotas for the bay.\n\nThe neighbouring government said the quotas breached the bilateral treaty.",
    # a competing account introduced by "instead"
    "Police said the crash was caused by ice on the road.\n\nThe driver's family said instead that the brakes had failed.",
])
def test_a_plain_critical_voice_from_another_actor_is_the_other_side(text):
    assert _balance(text)[1] is True


@pytest.mark.parametrize("text", [
    # a protest or demand in the lead, answered by a different named source
    "Hundreds of dock workers marched through the capital on Saturday, demanding the reversal of the pension reform.\n\n"
    '"We will not give up," said union leader Eva Horn.\n\n'
    '"The reform keeps the system solvent," Labour Minister Piet Dekker said.',
    # a second named source answering after a contrast
    '"The migrants crossed at night and ignored our warnings," border guard commander Tomas Vidal said.\n\n'
    'But aid worker Lena Brandt said: "The group was pushed back across the river by the guards."',
])
def test_a_second_named_source_answering_is_the_other_side(text):
    assert _with_found_quotes(text)[1] is True


@pytest.mark.parametrize("text", [
    # the noun "disputes" and the adjective "disputed" are no counterclaim
    '"Dialogue is the best way to settle disputes between neighbours," the foreign minister said on Monday.\n\n'
    "He then flew on to the next stop of his tour.",
    "The disputed islands lie 200 km off the coast. The navy held exercises there on Monday, the ministry said.",
    # the lead actor's own criticism is not the other side
    "The foreign ministry condemned the new sanctions on Monday.\n\nIt said the measures would fail.",
    # critical content in the author's voice is not another voice
    "The ministry announced the annexation of the border villages.\n\nThe move breached international law.",
])
def test_words_that_only_look_like_the_other_side_do_not_balance(text):
    assert _balance(text)[1] is False


def test_a_source_insisting_on_the_article_s_own_line_does_not_balance_it():
    text = ("The blockade is deliberately aimed at ordinary families.\n\n"
            "The foreign minister insists that the blockade is aimed at ordinary families and their children.")
    assert _balance(text)[1] is False


def test_a_critical_voice_does_not_answer_the_author_s_own_bare_claim():
    text = ("The sanctions have hurt Europe far more than their target.\n\n"
            "The opposition Green Party criticised the sanctions on Tuesday.")
    assert _balance(text)[1] is False


def test_other_voice_shows_its_evidence():
    text = "The city raised bus fares on Monday.\n\nThe opposition Green Party criticised the increase."
    assert other_voice(text, []) == "criticised"
    assert other_voice("", []) is None


@pytest.mark.parametrize("text", [
    # a second group's reservation, an alternative demanded instead, a reasoned refusal
    "The town will host a new music festival in June, the mayor said.\n\n"
    "Some shopkeepers on the main square are less enthusiastic about the noise.",
    "The ministry will lower the tariff on imported cheese, officials said.\n\n"
    "The dairy farmers' union called for direct support for producers instead.",
    "Fishermen want the bay closed to trawlers for a year.\n\n"
    "The agency said its data did not justify a closure at this stage.",
])
def test_a_reservation_or_reasoned_answer_voices_the_other_side(text):
    assert _balance(text)[1] is True


def test_a_passive_others_were_is_no_other_side():
    text = ("The museum shows the case books of the old asylum.\n\n"
            "Some patients were admitted for grief. Others were admitted for debts.")
    assert _balance(text)[1] is False


def test_a_closing_verdict_does_not_unbalance_reporting_that_answers_its_dispute():
    text = ("The ministry said the new dam would end the floods.\n\n"
            "Downstream farmers rejected the plan, saying it would dry out their fields.\n\n"
            "The opposition Farmers' Party criticised the ministry's figures.\n\n"
            "The country has once again been abandoned by its neighbours.")
    claims = find_claims(text, [])
    assert any(not c.attributed and not c.countered for c in claims)
    assert _balance(text)[1] is True
