"""Quote attribution by class of wording a held-out set showed missing or misread: passives that
name the carrier, "citing" asides, names with a lowercase particle, pronoun follow-ups, an
opening adverbial before the subject. Invented sentences only."""
import pytest

from labeler.provenance.quotes import find_quotes


def attributions(text):
    return [(q.speaker, q.kind, q.via) for q in find_quotes(text)]


@pytest.mark.parametrize("text, speaker, via", [
    ("\u201cSupplies will resume next week,\u201d Deputy Energy Minister Pavel Orlov was quoted by the agency as saying.",
     "Pavel Orlov", "agency"),
    ("Governor Lena Marsh was cited by Interfax as saying that the dam had held.", "Lena Marsh", "Interfax"),
    ("The mayor was quoted by local media as saying the bridge would reopen in spring.", "mayor", "local media"),
])
def test_passive_quoted_by_the_carrier_as_saying(text, speaker, via):
    got = attributions(text)
    assert got and all(s == speaker and v == via for s, _, v in got)


@pytest.mark.parametrize("text, speaker, via", [
    ("Interfax, citing a source in the ministry, reported that talks had stalled.", "source in the ministry", "Interfax"),
    ("RIA Novosti, quoting a senior diplomat, reported on Monday that the visit was off.", "senior diplomat",
     "RIA Novosti"),
])
def test_an_outlet_citing_a_source_carries_the_source_words(text, speaker, via):
    assert attributions(text) == [(speaker, "indirect", via)]


@pytest.mark.parametrize("text, speaker", [
    ("\u201cWe will not retreat,\u201d al-Hakim said.", "al-Hakim"),
    ("Navy spokesman Colonel Yusuf al-Amri said the ship had been hit twice.", "Yusuf al-Amri"),
    ("Karim el-Masri, a deputy on the budget committee, told Al Mayadeen that the vote would be delayed.",
     "Karim el-Masri"),
])
def test_names_with_a_lowercase_particle_speak(text, speaker):
    assert {s for s, _, _ in attributions(text)} == {speaker}


def test_appositive_speaker_telling_an_outlet_is_not_the_outlet():
    text = "\u201cThe harvest is lost,\u201d a farm economist, Professor Ilya Sokolov, told Interfax."
    assert {(s, v) for s, _, v in attributions(text)} == {("Ilya Sokolov", "Interfax")}


def test_pronoun_in_the_next_paragraph_is_the_speaker_just_named():
    text = ("Hassan al-Tamimi, a member of the energy committee, said prices would rise.\n\n"
            "\u201cPeople cannot pay their bills,\u201d he told Al Mayadeen.")
    assert [s for s, _, _ in attributions(text)] == ["Hassan al-Tamimi", "Hassan al-Tamimi"]


def test_participle_after_an_opening_adverbial_takes_the_subject_not_the_adverbial():
    text = ("In a statement, the Ministry of Water Resources repeated its call for talks, "
            "stressing that the river belonged to all.")
    assert [s for s, _, _ in attributions(text)] == ["Ministry of Water Resources"]


@pytest.mark.parametrize("text, speaker", [
    ("The regulator on Monday fined four banks it said ran illegal schemes to evade sanctions.", "regulator"),
    ("The Treasury Department sanctioned two firms it said ran a network of fake news sites.", "Treasury Department"),
])
def test_it_with_no_earlier_referent_is_its_sentence_subject(text, speaker):
    assert [s for s, _, _ in attributions(text)] == [speaker]
