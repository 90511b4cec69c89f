"""Contested-claim and loaded-term classes from held-out set 8's misses (task H20), each checked on
synthetic sentences in other wordings, names and topics, with near-miss negatives: neutral or
attributed wire sentences that use the same words.

Claim classes: capture smears ("written by lobbyists", "the X lobby has captured ..."), a purchase
verdict ("bought their silence"), the foreign hand ("organised from abroad", "funded by
foreign-backed groups"), motive verdicts ("written to please ...", "driven by the ambitions of
..."), a sole cause without "of" ("is the main reason ..."), a grievance stated as righted, pretext
and plunder accusations, a sweeping payback verdict; and one counter class: another source's
alternative explanation answers a causal claim about the same thing.
Term classes: technical 'regime' after a process noun, 'Kiev-style', 'so-called' before a
nickname glossed with the official name, sanctions qualified as crimes kept as one term.

H22 (a reviewer's ordinary wire sentences, flagged by the H20 rows): each is pinned as a negative
below. One H20 positive went with them: "was set to please" ('set to' is mostly a forecast: "is set
to please fans"). A payback "many times over" stays a verdict unless its basis follows ("through
electricity sales", "in toll revenue"): then it is a reported figure.
"""
from __future__ import annotations

import pytest

from labeler.cues.balance import dispute_voiced
from labeler.cues.claims import find_claims
from labeler.cues.loaded_terms import find_loaded_terms
from labeler.schema import Claim


def _bare(text: str) -> list[Claim]:
    return [c for c in find_claims(text, []) if not c.attributed and not c.countered]


# ------------------------------------------------------------------ claims: flagged in the author's voice

@pytest.mark.parametrize("sentence", [
    # capture smears
    "The new pesticide rules were drafted by lobbyists for the agrochemical giants.",
    "The water code was written by the mining lobby and rubber-stamped by parliament.",
    "Pharmaceutical lobbyists wrote the pricing rules that the health ministry now defends.",
    "Bankers drafted the bailout legislation that senators are about to pass.",
    "The fossil fuel lobby has captured the environment ministry.",
    "Foreign-funded activists have hijacked the university senate.",
    "The property lobby captured the planning committee years ago.",
    # purchase verdict
    "The aid package bought the opposition's silence on the disputed border.",
    "The stadium contracts bought the loyalty of every regional governor.",
    # foreign hand
    "The strikes were orchestrated from abroad by exiled businessmen.",
    "The student sit-ins were directed from overseas, with identical placards in every city.",
    "The lawsuit was bankrolled by Western-funded foundations that want to block the dam.",
    # motive verdicts
    "The new curriculum was designed simply to placate the teaching unions.",
    "The walkout was driven by the personal ambitions of two shop stewards.",
    "The recall campaign is fuelled by the greed of a handful of developers.",
    # sole cause
    "The embargo is the main reason clinics lack antibiotics and spare parts.",
    "Speculators were the real culprits behind the bread shortage.",
    # sweeping payback verdict (no stated basis)
    "The new port has paid for itself many times over and lifted the whole coast.",
    # grievance stated as righted
    "The new land law righted a historic wrong that had kept the valley in settler hands.",
    "The restitution programme redressed centuries of colonial dispossession.",
    # pretext and plunder
    "European galleries hide behind the statute of limitations to keep what they took.",
    "The old trading houses built their fortunes on looted gold.",
])
def test_a_set8_class_sentence_in_the_authors_voice_is_a_bare_claim(sentence):
    claims = _bare(sentence)
    assert claims, "not flagged as an unattributed claim"


@pytest.mark.parametrize("sentence", [
    # the same words in neutral wire copy: no claim at all
    "The committee drafted the bill over three months and published it for consultation.",
    "Lobbyists met members of the committee on Tuesday to discuss the draft.",
    "Rebels captured the parliament building on Sunday after a day of fighting.",
    "Troops captured the airport and two bridges north of the city.",
    "The retailer bought the loyalty card business from its founder last year.",
    "The grant scheme was designed to benefit small farms in the uplands.",
    "Hikers hid behind a rock as the storm passed over the ridge.",
    "The museum was founded in 1902 on land donated by the city.",
    "The bond was repaid in full in March.",
    "The conference was organised by the diaspora association in Lisbon.",
    "The main reason to visit in spring is the almond blossom.",
])
def test_the_same_words_in_neutral_copy_make_no_bare_claim(sentence):
    assert _bare(sentence) == []


@pytest.mark.parametrize("sentence", [
    # a main/root cause or driver with a neutral subject (sole-cause row keeps real/sole/true)
    "The dollar was the main driver.",
    "Corrosion was the root cause.",
    "Tourism is the main reason the island's economy has recovered.",
    # ambitions of market actors, not of leaders or a party
    "Sales were fuelled by the ambitions of Chinese buyers.",
    "The rally was driven by the ambitions of retail investors.",
    "The boom was fuelled by the ambitions of the tech firms.",
    # a neutral or technical subject, or a pronoun, of "the main reason/cause/driver"
    "Fog was the main culprit.",
    "Demand is the main driver, the bank said.",
    "The weather was the main reason.",
    "Rain is the main reason the match was called off.",
    "This is the main reason the road was closed.",
    # a purpose that is no motive verdict
    "The scheme was set up to reward loyal customers.",
    # a firm or an exiled station run from abroad in plain fact
    "The company is controlled from abroad by a holding firm registered in Cyprus.",
    "The station is run from outside the country because of censorship.",
    # self-regulation
    "The industry drafted its own code of conduct in 2015.",
    # payback with its stated basis
    "The dam has paid for itself several times over through electricity sales.",
    "The bridge paid for itself many times over in toll revenue.",
    "The dam has paid for itself several times over, through electricity sales.",
    "The dam has paid for itself several times over thanks to electricity sales.",
    "The dam has paid for itself several times over according to the utility's accounts.",
])
def test_ordinary_wire_sentences_that_h20_rows_flagged_make_no_claim(sentence):
    assert find_claims(sentence, []) == []


@pytest.mark.parametrize("sentence", [
    "The embargo is the main reason clinics lack antibiotics and spare parts.",
    "The strike was driven by the ambitions of union leaders.",
    "The walkout was driven by the personal ambitions of two shop stewards.",
    "Speculators were the real culprits behind the bread shortage.",
    # any actor's ambitions but a market actor's; any subject of "the main reason" but a neutral one
    "The war was driven by the ambitions of army commanders who want more land.",
    "The strike was driven by the ambitions of a few lawmakers who want seats on the board.",
    "The purge was motivated by the ambitions of senior clerics.",
    "The takeover was fuelled by the ambitions of its executives.",
    "Tariffs are the main reason prices have risen this year.",
    "Immigration is the main reason wages have stagnated in the north.",
])
def test_the_narrowed_rows_still_flag_a_contested_subject_or_a_political_actor(sentence):
    assert _bare(sentence)


@pytest.mark.parametrize("sentence", [
    "Prosecutors said the fraud ring was organised from abroad.",
    "The union said the reform was written to please the employers' federation.",
    "According to the farmers' association, the embargo is the main reason yields fell.",
    "The opposition leader said the guidance was drafted by lobbyists for the tobacco industry.",
])
def test_a_reported_set8_class_claim_is_attributed(sentence):
    claims = find_claims(sentence, [])
    assert claims and all(c.attributed for c in claims)


# ------------------------------------------------------------------ the other side: another explanation

def test_another_sources_explanation_of_the_same_thing_counters_a_causal_claim():
    text = (
        "Bus fares in the capital rose by a fifth in January. "
        "The fare rise itself is the direct result of the council's decision to sell the depots. "
        "Commuters queued for hours at the central station on Monday. "
        "Transport economist Lena Morava said the fare rise also reflected higher diesel prices across the region."
    )
    claim = next(c for c in find_claims(text, []) if "direct result" in c.sentence)
    assert claim.countered, claim.why


def test_an_explanation_of_something_else_does_not_counter_it():
    text = (
        "The fare rise itself is the direct result of the council's decision to sell the depots. "
        "Commuters queued for hours at the central station on Monday. "
        "Hotel economist Lena Morava said the tourism boom also reflected cheaper flights from Asia."
    )
    claim = next(c for c in find_claims(text, []) if "direct result" in c.sentence)
    assert not claim.countered, claim.why


def test_an_alternative_explanation_alone_is_not_a_voiced_dispute():
    text = ("Exports fell in the third quarter. The agency said the fall partly reflected a strong currency. "
            "Shipments to the region rose.")
    assert not dispute_voiced(text)


# ------------------------------------------------------------------ loaded terms

def _author_terms(text: str) -> list[str]:
    return [t.term.lower() for t in find_loaded_terms(text) if t.voice == "author"]


@pytest.mark.parametrize("text", [
    "Rangers changed the grazing regime on the upper meadows after the dry summer.",
    "The meltwater regime of the glacier has shifted since the 1990s.",
    "Hatchery staff tested a new feeding regime for the trout fry.",
    "Engineers say the cooling regime of the reactor hall was adjusted twice.",
    "Chicken Kiev-style cutlets were on every menu in the 1970s.",
    "The market covers the so-called Lanes, whose official name is St Peter's Quarter.",
    "Residents call it the so-called Gap, officially named Harbour Passage.",
    "The route ends at the so-called Long Stairs, a stone lane whose official name is Mill Row.",
])
def test_technical_and_nickname_uses_are_not_loaded(text):
    assert _author_terms(text) == []


@pytest.mark.parametrize("text, term", [
    ("The ruling regime jailed three more journalists.", "regime"),
    ("The long-running regime in the capital rigged another vote.", "regime"),
    ("The so-called reform was a land grab.", "so-called"),
    ("Officials are still in the pay of the Kiev regime.", "kiev"),
    ("Pharmacies are empty because of the criminal blockade.", "criminal blockade"),
    ("The banking blockade stopped every insulin payment.", "blockade"),
])
def test_the_loaded_uses_stay_loaded(text, term):
    assert term in _author_terms(text)


def test_a_qualified_blockade_is_one_term_not_two():
    terms = _author_terms("Hospitals lack fuel because of the genocidal blockade.")
    assert terms == ["genocidal blockade"]


@pytest.mark.parametrize("text", [
    "The navy enforced a blockade of the strait for two weeks.",
    "The directors face criminal sanctions for the fraud.",
    # an embargo named in the sentence does not make legal 'criminal sanctions' the framing
    "Violating the embargo carries criminal sanctions of up to 10 years in prison.",
    # 'banking' elsewhere in the sentence does not make a naval blockade the sanctions framing
    "The naval blockade hit the country's banking system hard.",
])
def test_literal_blockades_and_legal_sanctions_are_not_loaded(text):
    assert _author_terms(text) == []


@pytest.mark.parametrize("text, term", [
    # the nickname gloss must follow a capitalised name directly; here it glosses someone else
    ("The so-called reformers in the party, led by a lawmaker nicknamed the Bulldozer, lost the vote.", "so-called"),
    # only the hyphenated adjective 'Kiev-style' is a style name
    ("Officials in Kiev style their statements as appeals to Europe.", "kiev"),
    ("The criminal embargo has lasted sixty years.", "criminal embargo"),
    ("The criminal US sanctions starve Cuban children.", "criminal us sanctions"),
])
def test_the_exceptions_are_no_wider_than_their_form(text, term):
    assert term in _author_terms(text)
