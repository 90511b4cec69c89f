"""Contested claims: which sentences are flagged, whether they are attributed and countered."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labeler.cues.claims import (
    assess_sentence,
    find_hits,
    is_alternative,
    counterclaim_evidence,
    find_claims,
    load_cues,
    omitted_counterclaims_score,
)
from labeler.schema import Claim, Quote

BASELINE = json.loads((Path(__file__).parent / "baselines" / "claims.json").read_text())


def _one(text: str, quotes=()) -> Claim | None:
    claims = find_claims(text, list(quotes))
    return claims[0] if claims else None


# ------------------------------------------------------------------ bare claims are flagged

@pytest.mark.parametrize("sentence", [
    "The drone strike was deliberately aimed at a column of refugees leaving the city.",
    "The shortage of fuel is the direct result of the embargo imposed by its neighbours.",
    "The river islands have been an inalienable part of the republic since ancient times.",
    "The protests were funded by foreign NGOs seeking to topple the elected government.",
    "The famine was engineered by the central government to crush peasant resistance.",
    "The crisis was manufactured by the West to justify a new round of sanctions.",
    "The border incident was a false-flag operation staged by the security services.",
    "The pipeline was sabotaged by saboteurs acting on orders from a neighbouring capital.",
    "The tariffs have backfired, hurting local farmers far more than foreign exporters.",
    "The referendum was a sham held while soldiers patrolled the polling stations.",
    "The coastal province has always been part of our ancestral homeland.",
    "There can be no doubt about who is responsible for the collapse of the talks.",
])
def test_a_bare_contested_sentence_is_an_unattributed_uncountered_claim(sentence):
    c = _one(sentence)
    assert c is not None, "not flagged"
    assert (c.attributed, c.countered) == (False, False), c.why
    assert "author's voice" in c.why


# The constructions, not their exact wording: modifiers between cue parts, other inflections and
# auxiliaries, and general classes of contested assertion (intent, abuse, causal blame, co-belligerence).
@pytest.mark.parametrize("sentence", [
    "The blockade has cost ordinary families billions while the illegal Western embargo failed to weaken the state.",
    "Brussels keeps pouring arms into the region, fuelling the war and wrecking any prospects of talks.",
    "The occupation regime has killed hundreds of protesters since the spring.",
    "London is now trying to sabotage the negotiations on the canal.",
    "The naval manoeuvres are a thinly veiled rehearsal for a large-scale invasion of the island.",
    "Arms deliveries have turned the alliance into a de facto party to the war.",
    "The capital has exploited the pretext of human rights to stifle the growth of its rivals.",
    "The patrols are directed solely against smugglers linked to the enemy.",
    "The anti-migrant hysteria has grown so loud that every proposal for reform is branded as treason.",
    "The latest drills push the region to the brink of a regional war.",
    "For ten years the coastal states have turned themselves into a bridgehead of the alliance.",
    "The militia has turned the valley into a zone of fear where nobody dares to travel.",
    "The raids are part of a deliberate campaign to drive farmers off their land.",
    "The foreign garrison has served only to protect the interests of the occupiers.",
    "The patrols are fully in line with international law and target only smugglers.",
    "The kingdom has ample historical evidence to affirm its sovereignty over the atoll.",
    "The ministry has learned nothing from the floods and has consistently ignored the engineers.",
])
def test_general_constructions_of_contested_claims_are_flagged(sentence):
    c = _one(sentence)
    assert c is not None, "not flagged"
    assert (c.attributed, c.countered) == (False, False), c.why


@pytest.mark.parametrize("sentence", [
    "The new bridge cost more than 40 million euros and opened in March.",
    "The company failed to deliver its annual report on time, the regulator said.",
    "Amid escalating tensions, the two leaders met in Geneva on Friday.",
    "Rising fuel prices have fuelled the debate over subsidies in parliament.",
    "The missile launches came in violation of Security Council resolutions, the envoy noted.",
    "The startup has turned itself into one of the largest lenders in the region.",
    "The Baltic states have held joint naval exercises every summer since 2015.",
    "Heavy rain is forecast for the weekend, with up to 40 millimetres expected in the hills.",
    "Farmers have complained about late payments from the agency.",
    "Opposition lawmakers will try to block the bill when it reaches the upper house next week.",
])
def test_wire_sentences_near_the_new_constructions_are_not_claims(sentence):
    assert find_claims(sentence, []) == []


@pytest.mark.parametrize("sentence", [
    "The temperature reached 35 degrees on Tuesday, the meteorological office said.",
    "Unemployment fell to 4.1 percent in March, according to the national statistics office.",
    "The summit will take place in Geneva on Thursday and is expected to last two days.",
    "The company recalled 10,000 cars after a software fault was found in the brakes.",
    "The bridge was closed for repairs after a truck hit one of its pillars last week.",
    "The council voted 24 to 13 on Tuesday to extend the tram line to the eastern district.",
    "Exports of rice and coffee rose 14 percent in the first five months of the year.",
    "The museum's new exhibition runs until the end of January and entry is free.",
])
def test_neutral_factual_sentences_are_not_claims(sentence):
    assert find_claims(sentence, []) == []


# ------------------------------------------------------------------ attribution

@pytest.mark.parametrize("sentence", [
    "The drone strike was deliberately aimed at refugees, the regional governor said on Monday.",
    "According to the ministry, the blast was the direct result of sabotage by foreign agents.",
    "The opposition leader said the election was rigged in favour of the ruling party.",
    "Prosecutors allege that the fire was started deliberately to collect the insurance money.",
    "A report by the UN monitoring mission found that the shelling deliberately targeted homes.",
    "Such a move, the minister warned, would be the direct result of years of provocations.",
    "The strike was reportedly carried out deliberately by a unit operating near the border.",
])
def test_reported_speech_makes_a_claim_attributed(sentence):
    c = _one(sentence)
    assert c is not None
    assert c.attributed, c.why


def test_a_quote_object_covering_the_claim_attributes_it():
    text = 'He told reporters that the dam had been deliberately blown up by the retreating troops.'
    start = text.index("the dam")
    q = Quote(speaker="He", kind="indirect", cue="told", content=text[start:-1], via=None,
              start=start, end=len(text) - 1)
    assert _one(text, [q]).attributed


def test_a_direct_quotation_is_attributed():
    text = '"The blockade is the main cause of the suffering of our people," the minister said.'
    assert _one(text).attributed


def test_only_the_part_outside_the_reporting_clause_is_the_author_s():
    # the accusation is the authorities', the evidence gap is asserted by the author
    text = ("The government has failed to provide any evidence of the bribery scheme it has "
            "repeatedly accused its rivals of orchestrating.")
    c = _one(text)
    assert (c.attributed, c.countered) == (False, False)


def test_claimed_victory_is_not_reported_speech():
    c = _one("The general claimed victory in the rigged election, which was followed by mass arrests.")
    assert c is not None and not c.attributed


# ------------------------------------------------------------------ counterclaims

def test_a_counterclaim_in_the_same_sentence_counters_it():
    text = ("The explosions were the work of a small team of divers, although the government "
            "insists that only a state could have carried out such an operation.")
    c = _one(text)
    assert c is not None and c.countered and not c.attributed


def test_a_denial_in_another_paragraph_counters_it():
    text = (
        "The cable was deliberately cut by the crew of a cargo ship.\n\n"
        "Investigators are examining the vessel's anchor.\n\n"
        "The shipping company denied that its crew had cut the cable, saying the anchor had slipped in a storm."
    )
    c = _one(text)
    assert c.countered and "denied" in c.why


def test_the_other_side_answering_right_after_counters_it():
    text = ("The militia deliberately shelled the market to terrorise residents.\n\n"
            "Militia commanders deny this.")
    assert _one(text).countered


def test_an_evidence_rebuttal_right_after_counters_a_claim_worded_differently():
    text = ("Three barns burned down near the village on Sunday, firefighters said.\n\n"
            "The barns did not catch fire by accident: they were deliberately set alight by a rival farmer.\n\n"
            "Police said on Monday they had found no evidence of arson and that lightning had struck the roof.")
    c = next(c for c in find_claims(text, []) if "deliberately" in c.sentence)
    assert c.countered, c.why


def test_a_denial_about_something_else_does_not_counter_it():
    text = (
        "The sanctions are the main cause of the shortage of cancer drugs in the country.\n\n"
        "Separately, the football federation denied reports that the coach would resign."
    )
    c = _one(text)
    assert not c.countered


def test_a_claim_that_dismisses_allegations_is_not_countered_by_the_same_side_dismissing_them():
    text = (
        "Harvests are now fully mechanised, leaving no basis for the so-called forced labour allegations.\n\n"
        "Officials have repeatedly dismissed the forced labour allegations as smears."
    )
    c = _one(text)
    assert (c.attributed, c.countered) == (False, False)


def test_counterclaim_evidence_matches_a_headline_against_a_body():
    body = "Officials in Moscow denied that their forces shot down the airliner. Talks continue."
    assert counterclaim_evidence("Russian forces shot down the airliner", body) == "denied"
    assert counterclaim_evidence("Apple launches a new phone", body) is None


# ------------------------------------------------------------------ hedges

@pytest.mark.parametrize("sentence", [
    "The fire may have been started deliberately, possibly by a former employee.",
    "The outage could possibly be the direct result of a cyberattack.",
])
def test_hedged_claims_weigh_less_than_bare_ones(sentence):
    bare = re.sub(r"\b(may have been|could possibly be|possibly )", lambda m: "was" if m.group(1) == "may have been" else ("is" if m.group(1).startswith("could") else ""), sentence)
    hedged = find_claims(sentence, [])
    assert find_claims(bare, []), bare
    assert len(hedged) <= len(find_claims(bare, []))


# ------------------------------------------------------------------ what is skipped

@pytest.mark.parametrize("text", [
    "Kiev deliberately provoked the conflict – Moscow",
    "Read more\n\nWestern sanctions backfired and deliberately hurt Europe",
    "READ MORE: Sanctions are the direct result of deliberate provocations by Washington",
    "Source: Ministry says blockade is the direct result of deliberate aggression",
])
def test_headlines_notices_and_cross_links_are_not_claims(text):
    assert find_claims(text, []) == []


def test_a_title_line_is_skipped_but_the_body_is_read():
    text = ("Sanctions deliberately backfired on Europe\n\n"
            "Western sanctions have backfired, hurting European economies far more than Russia's.")
    claims = find_claims(text, [])
    assert [c.sentence for c in claims] == ["Western sanctions have backfired, hurting European economies far more than Russia's."]


# ------------------------------------------------------------------ contract and robustness

def test_sentence_slices_out_of_the_text_and_claims_are_in_order(seed_text):
    claims = find_claims(seed_text, [])
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    for c in claims:
        assert seed_text[c.start:c.end] == c.sentence
        assert c.why


def test_seed_johnson_sentence_is_the_unattributed_claim(seed_text):
    bare = [c.sentence for c in find_claims(seed_text, []) if not c.attributed and not c.countered]
    assert bare == ["However, Kiev later withdrew from the deal after then-British Prime Minister "
                    "Boris Johnson urged it to continue fighting."]


@pytest.mark.parametrize("text", ["", "   \n\t ", "\x00\x01\xff\ufffd" * 50, '"unbalanced quote with deliberately no end',
                                  "a" * 5000, "\n\n\n"])
def test_bad_input_never_crashes(text):
    claims = find_claims(text, [])
    assert all(text[c.start:c.end] == c.sentence for c in claims)


def test_huge_input_is_handled():
    para = ("The talks were held in Geneva on Tuesday, the ministry said. "
            "The blast was the direct result of deliberate sabotage.\n\n")
    text = para * 60_000  # ~7 MB
    claims = find_claims(text, [])
    assert claims and all(text[c.start:c.end] == c.sentence for c in claims[:50])


def test_unbalanced_quotes_do_not_hide_claims():
    text = ('The minister said "we will respond.\n\n'
            "The cable was deliberately cut by a tanker acting on orders from the capital.")
    c = _one(text)
    assert c is not None and not c.attributed


def test_every_cue_row_has_a_source_and_a_known_kind():
    cues = load_cues()
    assert cues and all(c.source.strip() for c in cues)
    assert {c.kind for c in cues} >= {"causal", "motive", "attribution", "counter", "hedge"}


# ------------------------------------------------------------------ the rule score

def _claim(attributed: bool, countered: bool, sentence="The blast was deliberately caused by saboteurs.") -> Claim:
    return Claim(sentence, 0, len(sentence), attributed, countered, "test")


@pytest.mark.parametrize("claims, low, high", [
    ([], 0.0, 0.0),
    ([_claim(False, True)], 0.0, 0.0),
    ([_claim(True, False)], 0.1, 0.3),
    ([_claim(False, False)], 0.5, 0.9),
    ([_claim(False, False), _claim(False, False), _claim(False, False)], 0.9, 1.0),
])
def test_omitted_counterclaims_score_grows_with_bare_claims(claims, low, high):
    s = omitted_counterclaims_score(claims, "")
    assert low <= s <= high and 0.0 <= s <= 1.0


# ------------------------------------------------------------------ challenge set against floors

def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


def _matches(c: Claim, gold: str, text: str) -> bool:
    p, g = _norm(c.sentence), _norm(gold)
    if p == g or (p and p in g) or (g and g in p):
        return True
    gs = text.find(gold)
    ov = min(c.end, gs + len(gold)) - max(c.start, gs) if gs >= 0 else 0
    return ov > 0.5 * min(c.end - c.start, len(gold))


def _quotes_for(text: str) -> list[Quote]:
    try:
        from labeler.provenance.quotes import find_quotes
    except ImportError:  # written in parallel; the claim rules stand without it
        return []
    return find_quotes(text)


def test_unattributed_claims_and_balance_on_the_challenge_set_meet_their_floors(challenge):
    from labeler.cues.balance import source_balance

    tp = fp = fn = ok = 0
    misses = []
    for row in challenge:
        text, lab = row["text"], row["labels"]
        quotes = _quotes_for(text)
        claims = find_claims(text, quotes)
        _, balanced = source_balance(text, quotes, claims)
        ok += balanced == lab["balanced"]
        bare = [c for c in claims if not c.attributed and not c.countered]
        hit = set()
        for c in bare:
            m = {i for i, g in enumerate(lab["unattributed_contested_claims"]) if _matches(c, g, text)}
            tp, fp = tp + bool(m), fp + (not m)
            hit |= m
            if not m:
                misses.append(f"FP {row['id']}: {c.sentence[:80]}")
        for i, g in enumerate(lab["unattributed_contested_claims"]):
            if i not in hit:
                fn += 1
                misses.append(f"FN {row['id']}: {g[:80]}")
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    acc = ok / len(challenge)
    print(f"\nunattributed claim F1 {f1:.3f} (tp {tp} fp {fp} fn {fn}); balanced accuracy {acc:.3f}", *misses, sep="\n")
    assert f1 >= BASELINE["unattributed_claim_f1"]
    assert acc >= BASELINE["balanced_accuracy"]


def test_an_indirect_quote_running_past_its_sentence_does_not_attribute_the_previous_one():
    text = ("The islands have been an inalienable part of the kingdom since ancient times. "
            "Any attempt to split them off will fail, a spokesperson said.")
    end = text.index(", a spokesperson")
    q = Quote(speaker="a spokesperson", kind="indirect", cue="said", content=text[:end], via=None,
              start=0, end=end, speaker_start=end + 2, speaker_end=end + 16)
    first = find_claims(text, [q])[0]
    assert first.start == 0 and not first.attributed


def test_a_photo_caption_is_not_a_claim():
    text = ("The port handled record volumes in January.\n\n"
            "Protesters deliberately blocked the gates of the port on Monday. (Photo: Agency)\n\n"
            "Officials said traffic would resume.")
    assert find_claims(text, []) == []


def test_an_indirect_quote_without_a_reporting_construction_does_not_attribute():
    text = "The president claimed victory in the rigged election, setting off months of protests."
    start = text.index("victory")
    q = Quote(speaker="The president", kind="indirect", cue="claimed", content=text[start:-1], via=None,
              start=start, end=len(text) - 1, speaker_start=0, speaker_end=13)
    assert not find_claims(text, [q])[0].attributed


_PIECES = st.sampled_from([
    "The blast was deliberately caused by saboteurs. ", "Officials said so. ", "\n\n", '"', "\u201d",
    "according to the ministry, ", "although Moscow insists otherwise. ", "Read more\n", "x", " ", ".",
    "It is the direct result of the sanctions", "\x00", "\u00e9\u00df",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_text_gives_claims_that_slice_out_exactly(text):
    claims = find_claims(text, [])
    assert all(text[c.start:c.end] == c.sentence for c in claims)
    assert [c.start for c in claims] == sorted(c.start for c in claims)
    assert 0.0 <= omitted_counterclaims_score(claims, text) <= 1.0


def test_every_cue_has_opening_letters_so_the_fast_index_covers_it():
    """A cue starting with a bare class (\\w+...) is tried at every word and halves the speed."""
    from labeler.cues.claims import _matcher
    assert _matcher().always == {}


# ------------------------------------------------------------------ construction classes (own wording, one pair per class)
# Each class is matched by a construction, not a phrase: a positive and a near miss per class.

_CLASS_POSITIVES = {
    "interference": ["Throughout the cold war the superpower propped up client regimes on three continents.",
                     "After the invasion the occupiers installed a pliant government in the capital."],
    "identity": ["The so-called charity is nothing more than a front for the outlawed militia.",
                 "The rebel coalition is in reality the northern branch of the al-Qaeda network.",
                 "The new party acts as a mouthpiece for the security services."],
    "forgery": ["The prosecution's dossier is built on doctored photographs.",
                "The footage of the massacre was staged with hired actors."],
    "obstruction": ["The neighbouring state has torpedoed every initiative for a ceasefire.",
                    "For a decade the ruling family has obstructed all efforts at reconciliation."],
    "intent": ["The alliance has sought to starve the enclave into submission.",
               "Its creditors wanted to cripple the young republic."],
    "covert planning": ["Military intelligence officers organised the riots in the port city.",
                        "The unrest was planned and financed by Ankara."],
    "comparative harm": ["The embargo has damaged our own farmers far more than its intended target.",
                         "The tariffs have hit consumers much harder than the foreign exporters."],
    "arms supply": ["The missiles that struck the airport were smuggled in by the Revolutionary Guards.",
                    "The rockets fired at the town had been supplied by a neighbouring army."],
}

_CLASS_NEGATIVES = {
    "interference": ["The central bank propped up the currency by selling dollars.",
                     "Parliament installed a new speaker after the election."],
    "identity": ["Economists treat long-term yields as a proxy for growth expectations.",
                 "The bakery stands in front of the old town hall.",
                 "The bank opened a new branch of its retail business in the suburb."],
    "forgery": ["Rebels staged attacks on two checkpoints overnight.",
                "Students staged a sit-in outside the parliament building."],
    "obstruction": ["Lawmakers blocked all amendments to the budget on Tuesday.",
                    "The goalkeeper blocked every shot in the second half."],
    "intent": ["Firefighters tried to break into the burning house.",
               "The company wants to destroy its unsold stock."],
    "covert planning": ["The operation was carefully planned and executed by the city's engineers.",
                        "Demonstrations were planned for Sunday in Washington."],
    "comparative harm": ["The storm hit the northern coast harder than forecasters expected.",
                         "Prices rose far more than wages last year."],
    "arms supply": ["The missiles were delivered in March under a publicly announced aid package.",
                    "The rifles on display were made in the nineteenth century."],
}


@pytest.mark.parametrize("cls, sentence", [(k, s) for k, v in _CLASS_POSITIVES.items() for s in v])
def test_each_class_of_contested_assertion_is_an_unattributed_claim(cls, sentence):
    c = _one(sentence)
    assert c is not None, f"{cls}: not flagged"
    assert (c.attributed, c.countered) == (False, False), c.why


@pytest.mark.parametrize("cls, sentence", [(k, s) for k, v in _CLASS_NEGATIVES.items() for s in v])
def test_near_misses_of_each_class_are_not_claims(cls, sentence):
    assert find_claims(sentence, []) == [], cls


@pytest.mark.parametrize("sentence", [
    "The intelligence chief said foreign intelligence officers planned the attacks on the pipeline.",
    "According to the prosecutors, the footage was doctored before it was broadcast.",
])
def test_the_new_classes_are_attributed_when_reported(sentence):
    assert _one(sentence).attributed


@pytest.mark.parametrize("sentence", [
    "The warmongers in Brussels had better remember that their hegemony ends at our border.",
    "The aggressors would do well to recall how their last provocations ended.",
])
def test_a_threat_or_warning_is_not_a_claim_of_fact(sentence):
    assert find_claims(sentence, []) == []


def test_a_source_insisting_on_the_same_line_does_not_counter_the_claim():
    text = ("The blockade is deliberately aimed at ordinary families.\n\n"
            "The foreign minister insists that the blockade is aimed at ordinary families and their children.")
    c = _one(text)
    assert (c.attributed, c.countered) == (False, False), c.why


def test_a_source_insisting_on_a_rebuttal_still_counters_the_claim():
    text = ("The blockade is deliberately aimed at ordinary families.\n\n"
            "The navy insists that the blockade is not aimed at families but only at arms shipments.")
    assert _one(text).countered


@pytest.mark.parametrize("text, countered", [
    ("The fire was deliberately set by the landlord.\n\nThe landlord's lawyer blamed instead a faulty heater in the fire.", True),
    ("The fire was deliberately set by the landlord.\n\nTalks are the best way to settle disputes over the fire, the mayor said.", False),
])
def test_counterclaims_need_a_counter_verb_not_the_noun_dispute(text, countered):
    assert _one(text).countered is countered


# ------------------------------------------------------------------ author-voice verdicts (R2b)

@pytest.mark.parametrize("sentence", [
    # an actor label in the author's voice is the author's verdict on that actor
    "The puppet administration in the capital has handed the mines to its foreign patrons.",
    "Soros-funded activists are once more trying to bring the government down.",
    "The warmongers in the alliance keep sending weapons to the front.",
    # superlatives, exemplarity and comparative boosterism about an actor
    "The republic's railway network is the best in the whole of Africa.",
    "The province has become a model for the whole continent in flood protection.",
    "The city is now the undisputed regional capital of film production.",
    "The kingdom has done more than any other country to feed the refugees.",
    # legitimacy verdicts, defiance framing and grievance
    "The export quota is a legitimate measure taken to protect domestic industry.",
    "The harbour was saved by the council's refusal to bow to pressure from abroad.",
    "The world has once again abandoned the island, sending only a token shipment of aid.",
    # cost claims and conspiratorial history
    "The ban on imported grain has cost ordinary households hundreds of millions of dollars.",
    "Every foreign-backed uprising on the continent has ended in chaos and hunger.",
])
def test_author_voice_verdicts_are_unattributed_claims(sentence):
    claim = _one("Officials met on Monday.\n\n" + sentence)
    assert claim is not None and claim.sentence == sentence
    assert not claim.attributed and not claim.countered


def test_a_loaded_label_claim_names_the_term_as_evaluative_evidence():
    claim = _one("The puppet administration in the capital has handed the mines to its foreign patrons.")
    assert "uses a distancing label ('puppet" in claim.why


def test_a_curated_evaluative_verdict_is_named_a_verdict_not_a_label():
    claim = _one("The reckless decision by the council has paid for itself many times over, "
                 "a provocative move that will destabilise the whole coast.")
    assert claim is not None
    assert "passes a verdict" in claim.why and "distancing label" not in claim.why, claim.why


# ------------------------------------------------------------------ alternative explanations (data, per article)

@pytest.mark.parametrize("text, alternative", [
    ("The rise also reflected the end of a subsidy.", True),
    ("Analysts said the fall partly stems from a strong currency.", True),
    ("The ministry denied the report.", False),
])
def test_alternative_explanations_are_marked_in_the_cue_table(text, alternative):
    hits = find_hits(text, "counter")
    assert hits and is_alternative(hits[0]) is alternative


def test_every_alternative_row_is_a_counter_cue():
    rows = [c for c in load_cues() if c.role]
    assert rows and all(c.kind == "counter" and c.role == "alternative" for c in rows)


def _interleaved(n: int) -> tuple[str, list[bool]]:
    """n causal claims, each followed by an alternative explanation; every third one explains the
    same thing (shares two content words), the others explain something else."""
    parts, expect = [], []
    for i in range(n):
        k = chr(97 + i // 26) + chr(97 + i % 26)  # letters only: stems ignore digits
        topic = f"{k}fare {k}rise"
        parts.append(f"The {topic} is the direct result of the council's decision to sell the {k}depot.")
        if i % 3 == 0:
            parts.append(f"Economist Lena Morava said the {topic} also reflected higher diesel prices.")
        else:
            parts.append(f"Economist Lena Morava said sales of {k}item also reflected demand for {k}widget.")
        expect.append(i % 3 == 0)
    return " ".join(parts), expect


def test_alternative_explanations_counter_exactly_the_claims_they_share_words_with():
    text, expect = _interleaved(60)
    claims = [c for c in find_claims(text, []) if "direct result" in c.sentence]
    assert [c.countered for c in claims] == expect


_HEADER = "term,kind,weight,source,role\n"
_GOOD_ROW = '"(main|root) cause of",causal,1.0,"a source",\n'


@pytest.mark.parametrize("bad_row, fields", [
    ('"(greed|vanity)",motive,1.0,"a source"\n', 4),  # the trailing role field left out
    ('"(greed|vanity)",motive,1.0,"a source",,extra\n', 6),
])
def test_a_cue_row_with_a_missing_or_extra_field_is_rejected_naming_its_line(tmp_path, bad_row, fields):
    path = tmp_path / "cues.csv"
    path.write_text(_HEADER + _GOOD_ROW + bad_row + _GOOD_ROW, encoding="utf-8")
    with pytest.raises(ValueError, match=rf"cues\.csv line 3: {fields} fields, the header has 5"):
        load_cues(path)


def test_a_well_formed_cue_table_loads_every_row(tmp_path):
    path = tmp_path / "cues.csv"
    path.write_text(_HEADER + _GOOD_ROW * 2, encoding="utf-8")
    assert [c.kind for c in load_cues(path)] == ["causal", "causal"]


def test_the_shipped_cue_table_has_every_field_on_every_row():
    assert all(c.role is not None for c in load_cues())  # load_cues() raises on a short or long row


def test_the_per_article_memo_gives_the_same_verdicts_as_one_sentence_at_a_time():
    """find_claims stems each counter sentence once per article; assess_sentence builds its own
    memo per call: both must agree on every claim, countered or not, and on why."""
    text, _ = _interleaved(30)
    for c in find_claims(text, []):
        status = assess_sentence(text, c.start, c.end)
        assert status is not None
        assert (status.attributed, status.countered) == (c.attributed, c.countered)
        assert status.how.split("; ")[-1] == c.why.split("; ")[-1]


@pytest.mark.parametrize("text", [
    # the label is a speaker's, inside a quotation or relayed by a reporting verb
    '"The puppet administration has handed the mines to its patrons," the opposition leader said.',
    "The opposition leader called the cabinet a puppet administration in a speech on Monday.",
    # routine designations in conflict copy are loaded words but assert nothing alone
    "Security forces killed four terrorists in a raid near the border on Monday.",
    # a mood without an actor is no assertion about anyone
    "The hysteria will fade, as it always does.",
    # a threat stays a threat whatever its words
    "The warmongers in the alliance had better remember what happened last time.",
])
def test_relayed_labels_designations_and_threats_make_no_claim(text):
    assert [c for c in find_claims(text, []) if not c.attributed] == []


def test_loaded_terms_passed_in_are_used_instead_of_found_again():
    text = "The puppet administration in the capital has handed the mines to its foreign patrons."
    assert find_claims(text, [], terms=[]) == []  # the caller found no loaded terms: none is assumed
    assert len(find_claims(text, [])) == 1  # None: found here


@pytest.mark.parametrize("sentence", [
    "The Gulf states' decision to cut output has cost consumers billions of dollars.",
    "The final was won by a team from the United States.",
])
def test_states_as_a_noun_is_no_reporting_verb(sentence):
    claims = find_claims(sentence, [])
    assert all(not c.attributed for c in claims)


# ------------------------------------------------------------------ round 4 construction classes (own wording)
# Motive verdicts, imposition grievances, subordination smears, election verdicts and rhetorical
# questions, each written without a cue word of the older classes; near misses beside each.

_ROUND4_POSITIVES = {
    "real motive": ["The fine has nothing to do with safety and everything to do with punishing the carrier.",
                    "The inquiry's real purpose is to silence the station before the vote."],
    "motive denial": ["The embargo was driven by commercial rivals rather than by any concern for the miners."],
    "imposition": ["The border was drawn in 1921 by treaties imposed on the young republic without the consent of its people."],
    "subordination": ["The regional bank had long since become an instrument of Washington.",
                      "The governor closed the port on instructions from his foreign paymasters."],
    "collective suspicion": ["The new screening rules treat every foreign engineer as a potential spy."],
    "election verdict": ["The referendum was held in a free, fair and transparent atmosphere across the province.",
                         "The referendum was free and fair in every district."],
    "rhetorical question": ["Who benefits when the region's farmers are cut off from their oldest markets?",
                            "Is this really how a responsible neighbour treats a drought-stricken valley?",
                            "How can a city of four million people be expected to live without a railway forever?"],
}

_ROUND4_NEGATIVES = {
    "real motive": ["The new bridge has little to do with the old one, engineers noted in their plans."],
    "motive denial": ["Nurses spent the night caring for the injured."],
    "imposition": ["A curfew was imposed on the district after the storm."],
    "subordination": ["The central bank regards interest rates as an instrument of policy.",
                      "The hotline was disabled on the orders of the country's leader in 2023."],
    "collective suspicion": ["The clinic treats every patient as an individual."],
    "election verdict": ["Observers called for the vote to be free and fair.",
                         "Voters must be free to choose, the charter says."],
    "rhetorical question": ["How can residents apply for the new parking permits?",
                            "Who benefits from the tax credit is explained on the agency's website."],
    "stated purpose": ["The 2015 rules were intended to ensure equal access to web content.",
                       "The ECB's ultimate objective is to bring inflation back to 2 percent.",
                       "Its actual purpose is to fund repairs to the bridge, which closed in March."],
    # neutral wire wording next to the new constructions (found in review)
    "neutral instrument": ["Interest rates are the main instrument of the Federal Reserve in fighting inflation.",
                           "Sanctions are an instrument of U.S. foreign policy.",
                           "Japan signed the Instrument of Surrender aboard the USS Missouri in 1945.",
                           "Pope Francis declared the nun a Servant of God, the first step toward sainthood."],
    "neutral concern": ["Spending on pensions has grown faster than care for the elderly in rural areas.",
                        "Rising rates are not a concern for most homeowners with fixed mortgages."],
    "neutral orders": ["The amendment was withdrawn on the instructions of its sponsors in the Senate."],
    "pending verdict": ["Observers will assess whether the vote is free and fair.",
                        "The opposition has demanded elections that are free and fair.",
                        "Voting took place in a calm and orderly atmosphere across the capital on Sunday."],
    "explainer question": ["Who benefits from the new tax cuts? Households earning under $75,000 get the most.",
                           "How long can the ceasefire survive? Negotiators meet again on Tuesday."],
    "plain imposition": ["The ban was imposed on the club without the approval of the league's board."],
}


@pytest.mark.parametrize("sentence", [
    "The opposition leader said the inquiry's real aim is to silence the station before the vote.",
    "According to the ministry, the embargo was imposed on the country without the consent of its people.",
])
def test_round4_classes_are_attributed_when_reported(sentence):
    assert _one(sentence).attributed


def test_the_united_states_at_a_sentence_end_is_no_reporting_verb():
    # "States" followed by a predicate word once opened a reporting scope over the verdict before it
    text = "Technological hegemony cannot be preserved by closing laboratory doors, leaving the United States isolated."
    c = _one(text)
    assert c is not None and not c.attributed, c and c.why


@pytest.mark.parametrize("text", [
    "The strike has nothing to do with pay and everything to do with politics.\n\n"
    "Mira Olsen is a senior research fellow at the Institute for Labour Studies in Oslo.",
    "The strike has nothing to do with pay and everything to do with politics.\n\nTranslated from the Norwegian.",
])
def test_a_bio_line_or_translation_note_is_no_body_sentence(text):
    claims = find_claims(text, [])
    assert [c.sentence for c in claims] == ["The strike has nothing to do with pay and everything to do with politics."]


def test_a_one_sentence_body_paragraph_shaped_like_a_bio_line_is_still_read():
    text = ("The talks collapsed on Friday after three days.\n\n"
            "Ana Roe is the director of a sham commission created to whitewash the regime's crimes against its own people.\n\n"
            "Officials will meet again next week.")
    assert [c.sentence for c in find_claims(text, [])] == [
        "Ana Roe is the director of a sham commission created to whitewash the regime's crimes against its own people."]


def test_the_writer_bio_line_at_the_end_is_no_body_sentence():
    text = ("The strike has nothing to do with pay and everything to do with politics.\n\n"
            "The writer is a former ambassador to Japan.")
    from labeler.cues.claims import scan_body

    assert [b.span.text for b in scan_body(text)[0]] == [
        "The strike has nothing to do with pay and everything to do with politics."]


# ------------------------------------------------------------------ round 5 construction classes (own wording)
_ROUND5_POSITIVES = {
    "absolute achievement": ["Child labour on the estates has been entirely eradicated."],
    "comparative harm": ["Currency speculators have done far more damage to pensioners than any budget cut."],
    "hostile instrument": ["Foreign creditors have used the rating agencies to punish governments that resist them."],
    "sole cause": ["The blackouts were caused solely by sabotage at the border substations."],
    "sole solution": ["A direct pipeline to the coast is the only realistic solution for the region's farmers."],
    "grievance verdict": ["The republic's athletes have been unfairly excluded from every major championship."],
    "hostile plan": ["The new checkpoints are part of a deliberate plan to expel the valley's herders."],
}
_ROUND5_NEGATIVES = {
    "absolute achievement": ["The carmaker has eliminated 2,000 jobs since March."],
    "hostile instrument": ["Police used water cannon to disperse the crowd outside the stadium."],
    "sole cause": ["The fire was caused by an electrical fault in the kitchen."],
    "persistent refusal": ["The company has consistently rejected the allegations."],
    "plain plan": ["The cuts are part of a plan to save $2 billion by 2027."],
}



# ------------------------------------------------------------------ round 6 construction classes (own wording)
_ROUND6_POSITIVES = {
    "hostile aim of a policy": ["The new quota is designed to drive small trawlers out of the northern grounds.",
                                "The export rules were designed to slow the republic's rise in chipmaking."],
    "ulterior purpose": ["The audit was launched to punish the mayor for her criticism of the budget.",
                         "The curfew was imposed to shield the governor's allies, not to stop the looting."],
    "dependence motive": ["The dam was built to make the lowland states permanently dependent on upstream water."],
    "abandonment": ["Wealthy nations have left the island states to face rising seas alone."],
    "stunt": ["The visit to the flooded valley was nothing more than a publicity stunt."],
    "collusion": ["The customs brokers operate hand in glove with the smuggling networks."],
    "exploitation": ["The shipping giants have treated the archipelago as their private property for a century."],
    "long-run causation": ["Decades of neglect by the capital left the northern railways unusable."],
    "orchestrated crisis": ["The fuel shortage was manufactured in Ankara to weaken the coalition."],
}
_ROUND6_NEGATIVES = {
    "stated purpose": ["The road was designed to carry heavy trucks.", "The plant was designed to keep costs down."],
    "plain official act": ["The school was opened to serve 400 pupils.", "The bridge was closed to traffic for repairs."],
    "plain contrast": ["The firm was founded to make software, not hardware."],
    "plain leaving": ["Donors left the meeting early on Friday."],
}


# one pair of tests over the construction classes of rounds 4-6 (each round's own wording)
_LATER = (_ROUND4_POSITIVES, _ROUND5_POSITIVES, _ROUND6_POSITIVES), (_ROUND4_NEGATIVES, _ROUND5_NEGATIVES, _ROUND6_NEGATIVES)


@pytest.mark.parametrize("cls, sentence", [(k, s) for d in _LATER[0] for k, v in d.items() for s in v])
def test_later_classes_of_contested_assertion_are_unattributed_claims(cls, sentence):
    c = _one(sentence)
    assert c is not None, f"{cls}: not flagged"
    assert (c.attributed, c.countered) == (False, False), c.why


@pytest.mark.parametrize("cls, sentence", [(k, s) for d in _LATER[1] for k, v in d.items() for s in v])
def test_near_misses_of_the_later_classes_are_not_unattributed_claims(cls, sentence):
    assert [c for c in find_claims(sentence, []) if not c.attributed] == [], cls
