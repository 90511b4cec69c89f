"""Quote attribution: who is quoted, directly or in reported speech, by which cue, via whom."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from labeler.provenance.quotes import find_quotes
from labeler.schema import Quote

SHARED = Path(__file__).resolve().parents[2] / "shared"
BASELINE = json.loads((Path(__file__).parent / "baselines" / "quotes.json").read_text(encoding="utf-8"))

L, R = "\u201c", "\u201d"


def _find(quotes: list[Quote], speaker: str, kind: str) -> list[Quote]:
    return [q for q in quotes if q.speaker == speaker and q.kind == kind]


# (text, speaker, kind, cue, content, via)
PATTERNS = [
    pytest.param(f"Anna Petrova said: {L}We will not give up.{R}",
                 "Anna Petrova", "direct", "said", "We will not give up.", None, id="speaker-before-colon"),
    pytest.param(f"{L}We will not give up,{R} Anna Petrova said.",
                 "Anna Petrova", "direct", "said", "We will not give up,", None, id="speaker-after"),
    pytest.param(f"{L}We will not give up,{R} said Anna Petrova, a local teacher.",
                 "Anna Petrova", "direct", "said", "We will not give up,", None, id="inverted"),
    pytest.param(f"{R}The harvest was poor,{R} farmer Ivan Sokolov said.",
                 "Ivan Sokolov", "direct", "said", "The harvest was poor,", None, id="closing-mark-opens"),
    pytest.param(f"\u00abThe harvest was poor,\u00bb Ivan Sokolov said.",
                 "Ivan Sokolov", "direct", "said", "The harvest was poor,", None, id="guillemets"),
    pytest.param("According to the finance ministry, inflation fell to 3 percent in May.",
                 "finance ministry", "indirect", "According to", "inflation fell to 3 percent in May", None,
                 id="according-to-leading"),
    pytest.param("Inflation fell to 3 percent in May, according to Poland's finance ministry.",
                 "Poland's finance ministry", "indirect", "according to", "Inflation fell to 3 percent in May", None,
                 id="according-to-trailing"),
    pytest.param("Economy Minister Jan Kowalski said that the budget would be balanced next year.",
                 "Jan Kowalski", "indirect", "said", "the budget would be balanced next year", None,
                 id="that-clause-title-stripped"),
    pytest.param("The budget will be balanced next year, the Treasury has said.",
                 "Treasury", "indirect", "said", "The budget will be balanced next year", None, id="has-said-final"),
    pytest.param("Jan Kowalski, the economy minister, told Polskie Radio that the budget was sound.",
                 "Jan Kowalski", "indirect", "told", "the budget was sound", "Polskie Radio", id="told-outlet-via"),
    pytest.param("The reserves are sufficient, central bank governor Ewa Nowak told the Daily Chronicle.",
                 "Ewa Nowak", "indirect", "told", "The reserves are sufficient", "Daily Chronicle",
                 id="told-the-outlet-final"),
    pytest.param("The army will respond, the defence ministry said in a statement carried by KCNA.",
                 "defence ministry", "indirect", "said", "The army will respond", "KCNA", id="statement-carried-by"),
    pytest.param(f"{L}The talks were frank,{R} Lena Ortiz said in an interview with journalist Sam Reed on Monday.",
                 "Lena Ortiz", "direct", "said", "The talks were frank,", "Sam Reed", id="interview-with-journalist"),
    pytest.param("Talks took place in what Paris and Berlin both described as a useful exchange.",
                 "Paris", "indirect", "described", "a useful exchange", None, id="described-as-places"),
    pytest.param("Talks took place in what Paris and Berlin both described as a useful exchange.",
                 "Berlin", "indirect", "described", "a useful exchange", None, id="coordinated-speakers"),
    pytest.param("Ukraine's air force said it shot down 40 of 52 drones overnight.",
                 "Ukraine's air force", "indirect", "said", "it shot down 40 of 52 drones overnight", None,
                 id="possessive-organisation"),
    pytest.param("The Kremlin said the proposal was unacceptable.",
                 "Kremlin", "indirect", "said", "the proposal was unacceptable", None, id="the-dropped"),
    pytest.param("Local officials said the bridge would reopen in June, while Moscow said it had hit a depot.",
                 "Moscow", "indirect", "said", "it had hit a depot", None, id="second-report-after-while"),
    pytest.param("Local officials said the bridge would reopen in June, while Moscow said it had hit a depot.",
                 "Local officials", "indirect", "said", "the bridge would reopen in June", None,
                 id="first-report-ends-before-while"),
    pytest.param("Marta Vidal, a nurse, warned that the clinic could close.",
                 "Marta Vidal", "indirect", "warned", "the clinic could close", None, id="appositive"),
    pytest.param("Researchers who study the region say its coverage often echoes official lines.",
                 "Researchers", "indirect", "say", "its coverage often echoes official lines", None,
                 id="relative-clause-subject"),
    pytest.param("A spokesperson for the Ministry of Health said vaccines were available.",
                 "Ministry of Health", "indirect", "said", "vaccines were available", None,
                 id="spokesperson-for-organisation"),
    pytest.param("The Latvian side said in a statement that the border crossing would reopen in June.",
                 "Latvian side", "indirect", "said", "the border crossing would reopen in June", None,
                 id="noun-phrase-with-side"),
    pytest.param("Lebanon's Amal movement says it has withdrawn its ministers from the cabinet.",
                 "Lebanon's Amal movement", "indirect", "says", "it has withdrawn its ministers from the cabinet",
                 None, id="movement-head"),
    pytest.param("Conservation groups have warned that the new road will cut the forest in two.",
                 "Conservation groups", "indirect", "warned", "the new road will cut the forest in two", None,
                 id="plural-groups"),
    pytest.param("The council closed the library despite complaints from readers who say the branch is vital.",
                 "readers", "indirect", "say", "the branch is vital", None, id="relative-who-antecedent"),
    pytest.param("The town said it would repair the bridge before the winter.",
                 "town", "indirect", "said", "it would repair the bridge before the winter", None, id="the-town"),
    pytest.param("The ferry carried a record number of passengers in August, the operator said.",
                 "operator", "indirect", "said", "The ferry carried a record number of passengers in August", None,
                 id="trailing-the-operator"),
    pytest.param("The Farmers' League, the country's biggest agricultural union, has called for new subsidies.",
                 "Farmers' League", "indirect", "called for", "new subsidies", None, id="called-for"),
    pytest.param("The dockers' union called on the government to scrap the reform before the summer.",
                 "dockers' union", "indirect", "called on", "the government to scrap the reform before the summer",
                 None, id="called-on-to"),
    pytest.param("State television described the strikers as troublemakers paid from abroad.",
                 "State television", "indirect", "described", "the strikers as troublemakers paid from abroad",
                 None, id="state-television-describes"),
    pytest.param("The daily Vesti quoted a local official as saying the bridge was unsafe.",
                 "local official", "indirect", "as saying", "the bridge was unsafe", None, id="quoted-as-saying"),
    pytest.param("Acme Widgets Holdings Inc. said quarterly sales rose 4 percent.",
                 "Acme Widgets Holdings Inc.", "indirect", "said", "quarterly sales rose 4 percent", None,
                 id="company-suffix-with-dot"),
    pytest.param("Teachers' associations and nurses' unions said the pay offer was too low.",
                 "Teachers' associations and nurses' unions", "indirect", "said", "the pay offer was too low", None,
                 id="two-part-lowercase-subject"),
    pytest.param("Exports rose 5 percent in May, according to a report released Tuesday by a U.K.-based research group.",
                 "U.K.-based research group", "indirect", "according to", "Exports rose 5 percent in May", None,
                 id="abbreviation-with-hyphen-stays-whole"),
    pytest.param("Exports rose 5 percent in May, according to ship-tracking data from Vortexa.",
                 "Vortexa", "indirect", "according to", "Exports rose 5 percent in May", None,
                 id="according-to-modified-data-from"),
    pytest.param("The dam held, the company said, adding the spillway had been cleared.",
                 "company", "indirect", "said", "The dam held", None, id="final-then-participle"),
    pytest.param("Kuznetsov told Russia Today that the talks were over for now.",
                 "Kuznetsov", "indirect", "told", "the talks were over for now", "RT", id="told-outlet-canonical-name"),
    pytest.param("Chief Cabinet Secretary Kenji Sato said the water was safe. He said tritium levels were low.",
                 "Kenji Sato", "indirect", "said", "tritium levels were low", None,
                 id="office-word-in-title-still-a-person"),
    pytest.param("BRATISLAVA, March 3 (TASR) -- Slovakia on Monday denounced the plan, calling it a costly mistake.",
                 "Slovakia", "indirect", "calling", "it a costly mistake", None, id="dateline-is-not-the-subject"),
    pytest.param("A Riverside parish councillor has resigned after a row, saying he had been misquoted.",
                 "Riverside parish councillor", "indirect", "saying", "he had been misquoted", None,
                 id="indefinite-councillor-phrase"),
]


@pytest.mark.parametrize("text, speaker, kind, cue, content, via", PATTERNS)
def test_pattern(text: str, speaker: str, kind: str, cue: str, content: str, via: str | None) -> None:
    quotes = find_quotes(text)
    got = [(q.speaker, q.kind, q.cue, q.content, q.via) for q in quotes]
    assert (speaker, kind, cue, content, via) in got


# Constructions added from PolNeAR train errors: (text, speaker, cue, content); all indirect.
CONSTRUCTIONS = [
    pytest.param("The mayor was accused by residents of ignoring the flood warnings.",
                 "residents", "accused", "The mayor was accused by residents of ignoring the flood warnings",
                 id="passive-agent-speaks"),
    pytest.param("The company has been sharply criticised by fishermen for the spill.",
                 "fishermen", "criticised", "The company has been sharply criticised by fishermen for the spill",
                 id="passive-agent-with-adverb"),
    pytest.param("The claim was made by the interior ministry hours after the blast.",
                 "interior ministry", "made", "The claim", id="passive-speech-noun-made-by"),
    pytest.param("Olsen was quoted as saying by Radio Nord that the port would stay shut.",
                 "Olsen", "quoted as saying", "the port would stay shut", id="quoted-as-saying-by-keeps-subject"),
    pytest.param("Oslo accused Minsk of jamming the signals, which it denies.",
                 "Minsk", "denies", "Minsk of jamming the signals", id="which-it-denies-is-the-accused"),
    pytest.param("Oslo accused Minsk of jamming the signals, which it denies.",
                 "Oslo", "accused", "Minsk of jamming the signals", id="accusation-kept-beside-denial"),
    pytest.param("Oslo accused Minsk of jamming the signals, a charge Minsk rejects.",
                 "Minsk", "rejects", "Minsk of jamming the signals", id="a-charge-he-rejects"),
    pytest.param("Oslo accused Minsk of jamming the signals, a charge Minsk rejects.",
                 "Oslo", "accused", "Minsk of jamming the signals", id="accusation-kept-beside-rejection"),
    pytest.param("The plan was drafted by Ines Moreau, who told reporters that it would cut costs.",
                 "Ines Moreau", "told", "it would cut costs", id="who-told-reporters-antecedent"),
    pytest.param("Ines Moreau, who acknowledged the audit was late, resigned on Friday.",
                 "Ines Moreau", "acknowledged", "the audit was late", id="who-clause-content-ends-at-comma"),
    pytest.param("The minister, who toured the port on Monday and met dock workers, said the cranes would be replaced.",
                 "minister", "said", "the cranes would be replaced", id="subject-before-coordinated-aside"),
    pytest.param("Senator Ana Ruiz, facing a tough race in Nevada, a swing state, said she backed the bill.",
                 "Ana Ruiz", "said", "she backed the bill", id="nested-asides-skip-to-subject"),
    pytest.param("Dr. Tom Lee, 57, a surgeon from Leeds, said the ward was understaffed.",
                 "Tom Lee", "said", "the ward was understaffed", id="age-then-appositive"),
    pytest.param("Many delegates \u2014 including farmers and teachers \u2014 said the fee was unfair.",
                 "Many delegates", "said", "the fee was unfair", id="dash-parenthetical"),
    pytest.param("Hanna Berg toured the flooded district on Friday and said aid would arrive within days.",
                 "Hanna Berg", "said", "aid would arrive within days", id="coordinated-verb-subject"),
    pytest.param("On Friday, Hanna Berg toured the district and said aid would arrive.",
                 "Hanna Berg", "said", "aid would arrive", id="coordinated-verb-after-adverbial"),
    pytest.param("A statement from the Foreign Ministry said the sanctions were illegal.",
                 "Foreign Ministry", "said", "the sanctions were illegal", id="statement-from-issuer"),
    pytest.param("The Foreign Ministry's statement said the sanctions were illegal.",
                 "Foreign Ministry", "said", "the sanctions were illegal", id="issuers-statement"),
    pytest.param("An FBI review said the handling of the files was careless.",
                 "FBI", "said", "the handling of the files was careless", id="issuer-as-modifier"),
    pytest.param("The Health Ministry issued a statement on Monday. Police made arrests. "
                 "The statement noted that cases fell.", "Health Ministry", "noted", "cases fell",
                 id="the-statement-resolves-to-issuer"),
    pytest.param("Police made arrests on Monday. The report said the detentions were arbitrary.",
                 "report", "said", "the detentions were arbitrary", id="document-without-issuer-speaks"),
    pytest.param("Aides to the governor say she will sign the bill.",
                 "Aides to the governor", "say", "she will sign the bill", id="head-with-postmodifier"),
    pytest.param("The boat had been inspected in May, the airline said.",
                 "airline", "said", "The boat had been inspected in May", id="any-noun-after-the-with-said"),
    pytest.param("Several party operatives said they expect a recount.",
                 "Several party operatives", "said", "they expect a recount", id="agent-plural-ives"),
    pytest.param("After the broadcaster reported that the deal was off, shares fell.",
                 "broadcaster", "reported", "the deal was off", id="time-clause-with-that"),
    pytest.param("A poll by the Pew Research Center found that most voters were undecided.",
                 "Pew Research Center", "found", "most voters were undecided", id="poll-found-that"),
    pytest.param("Russia launched the operation in 2022, saying its goal was to protect the region.",
                 "Russia", "saying", "its goal was to protect the region", id="participle-after-year"),
    pytest.param("A new survey shows the governor trailing by five points.",
                 "new survey", "shows", "the governor trailing by five points", id="survey-shows-without-that"),
    pytest.param("As the Riverside Gazette reported, the mill will close in May.",
                 "Riverside Gazette", "reported", "the mill will close in May", id="as-outlet-reported-leading"),
    pytest.param("The mill will close in May, as the union noted on Friday.",
                 "union", "noted", "The mill will close in May", id="as-x-noted-trailing"),
    pytest.param("She opposed a merger that she said would raise fares.",
                 "she", "said", "would raise fares", id="relative-that-she-said-would"),
]


@pytest.mark.parametrize("text, speaker, cue, content", CONSTRUCTIONS)
def test_construction(text: str, speaker: str, cue: str, content: str) -> None:
    got = [(q.speaker, q.cue, q.content) for q in find_quotes(text) if q.kind == "indirect"]
    assert (speaker, cue, content) in got


@pytest.mark.parametrize("text, not_speaker", [
    pytest.param("The mayor was accused of ignoring the flood warnings.", "mayor", id="agentless-passive"),
    pytest.param("The company was criticized by environmental groups for the spill.", "company",
                 id="passive-subject-is-not-the-speaker"),
    pytest.param("The bloc has admitted 16 new members since 1999.", "bloc", id="admitted-members-narrative"),
    pytest.param("The shop, which has added a tea counter upstairs, is busy.", "shop", id="which-added-narrative"),
    pytest.param("The council met after a long debate in which residents argued over parking.", "residents",
                 id="in-which-argued-narrative"),
    pytest.param("Witnesses spoke anonymously for fear of reprisals.", "Witnesses", id="for-fear-is-a-noun"),
    pytest.param("The road was built by the army in 1970.", "army", id="passive-non-speech-verb"),
    pytest.param("The statement was read by the spokesman in a hurry.", "spokesman", id="passive-read-is-no-cue"),
    pytest.param("Police found a body near the river.", "Police", id="found-without-that"),
    pytest.param("Kiev withdrew after Boris Johnson urged it to keep fighting.", "Boris Johnson",
                 id="time-clause-directive-narrative"),
    pytest.param("As he walked in, the crowd cheered.", "he", id="as-clause-without-cue"),
    pytest.param("The bill that the senator backed passed.", "senator", id="relative-that-without-cue"),
])
def test_not_a_speaker(text: str, not_speaker: str) -> None:
    assert not_speaker not in {q.speaker for q in find_quotes(text)}


def test_quote_continuing_after_attribution_keeps_speaker() -> None:
    text = f"{L}This is the first part,{R} Peter Hall added. {L}And this is the second part.{R}"
    second = [q for q in find_quotes(text) if q.content.startswith("And this")]
    assert [(q.speaker, q.kind) for q in second] == [("Peter Hall", "direct")]


def test_multi_paragraph_quote_keeps_speaker() -> None:
    text = (f"Peter Hall said: {L}The first paragraph of my statement runs on here.\n\n"
            f"{L}And the second paragraph of the statement goes on, too.{R}\n\nThe meeting ended at noon.")
    speakers = {q.content[:7]: q.speaker for q in find_quotes(text) if q.kind == "direct"}
    assert speakers == {"The fir": "Peter Hall", "And the": "Peter Hall"}


def test_colon_paragraph_introduces_next_paragraph_quote() -> None:
    text = f"The ministry said in a statement:\n\n{L}Our forces repelled the attack and will continue.{R}"
    quotes = find_quotes(text)
    assert [(q.speaker, q.kind) for q in quotes] == [("ministry", "direct")]


def test_surname_resolves_to_full_name_and_mention_is_the_surname() -> None:
    text = "Maria Lopez spoke at length on Monday. Lopez said the plan was flawed."
    [q] = find_quotes(text)
    assert (q.speaker, text[q.speaker_start:q.speaker_end]) == ("Maria Lopez", "Lopez")


def test_pronoun_resolves_to_last_person_speaker() -> None:
    text = "Maria Lopez said the plan was flawed. She added that costs would rise sharply."
    q = [q for q in find_quotes(text) if q.cue == "added"][0]
    assert (q.speaker, text[q.speaker_start:q.speaker_end]) == ("Maria Lopez", "She")


def test_definite_role_refers_back_to_named_speaker() -> None:
    text = ("Foreign Minister Karl Berg said the talks went well. "
            "No deal on tariffs was reached, the German official added.")
    q = [q for q in find_quotes(text) if q.cue == "added"][0]
    assert q.speaker == "Karl Berg"


def test_fragment_inside_reported_speech_is_the_speakers_direct_quote() -> None:
    text = f"Peter Hall described the plan as {L}reckless{R} and {L}naive,{R} and left the room."
    direct = {q.content: q.speaker for q in find_quotes(text) if q.kind == "direct"}
    assert direct == {"reckless": "Peter Hall", "naive,": "Peter Hall"}


@pytest.mark.parametrize("text", [
    pytest.param(f"The so-called {L}reform{R} passed on Tuesday.", id="scare-quote"),
    pytest.param(f"Critics mocked the {L}miracle cure{R} sold online.", id="scare-quote-phrase"),
    pytest.param("Protesters gathered after the mayor urged them to stay home.", id="narrative-urged"),
    pytest.param("The city later withdrew from the deal after then-Governor Paul Hart urged it to keep building.",
                 id="narrative-urged-titled"),
    pytest.param("Trump \u2018very upset\u2019 with the deal \u2013 Rubio", id="headline-single-quotes"),
    pytest.param("The United States imposed new tariffs in March.", id="states-is-not-a-cue"),
    pytest.param("The firm that runs the mine did not respond to questions about the spill.", id="no-response"),
    pytest.param("Norway has maintained a ban on the imports since 2019.", id="maintained-a-ban"),
    pytest.param("Mayor Lisa Berg explains plan for new bus lanes\n\nThe city council met on Monday.",
                 id="headline-is-not-a-report"),
    pytest.param("Both countries agreed last year to resume flights.", id="agreed-to-act"),
])
def test_no_attribution(text: str) -> None:
    assert find_quotes(text) == []


def test_unbalanced_quote_does_not_swallow_the_article() -> None:
    text = (f"Peter Hall said: {L}This quotation never closes.\n\n"
            "The next paragraph is plain narrative with no marks.\n\n"
            "Officials said the bridge would reopen in June.")
    quotes = find_quotes(text)
    assert all("plain narrative" not in q.content for q in quotes)
    assert ("Officials", "indirect") in {(q.speaker, q.kind) for q in quotes}


def test_stray_mark_does_not_hide_later_reports() -> None:
    text = f"The so-called {L}reform passed on Tuesday. Officials said the vote was close."
    assert ("Officials", "indirect") in {(q.speaker, q.kind) for q in find_quotes(text)}


@pytest.mark.parametrize("text", ["", "   \n\n ", "\x00\x01\ufffd", L * 500, "said " * 2000,
                                  "\u201c\u201d" * 300 + "he said", ("Rubio said: \u201c" * 300)])
def test_bad_input_never_crashes(text: str) -> None:
    for q in find_quotes(text):
        assert text[q.start:q.end] == q.content


# The seed article ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Quote]]:
    p = SHARED / "examples" / "seed_rt_rubio.txt"
    if not p.exists():
        pytest.skip("../shared not present")
    text = p.read_text(encoding="utf-8")
    return text, find_quotes(text)


def test_seed_rubio_quoted_via_interviewer(seed) -> None:
    _, quotes = seed
    assert any(q.speaker == "Marco Rubio" and q.kind == "direct" and q.via == "Catherine Herridge" for q in quotes)


@pytest.mark.parametrize("word", ["hyperbole", "hysteria"])
def test_seed_loaded_words_are_inside_a_rubio_direct_quote(seed, word: str) -> None:
    text, quotes = seed
    at = text.index(word)
    owners = {q.speaker for q in quotes if q.kind == "direct" and q.start <= at < q.end}
    assert owners == {"Marco Rubio"}


def test_seed_boris_johnson_is_not_a_speaker(seed) -> None:
    _, quotes = seed
    assert not any("Johnson" in q.speaker for q in quotes)


def test_seed_speakers(seed) -> None:
    _, quotes = seed
    assert {"Marco Rubio", "Moscow", "Washington"} <= {q.speaker for q in quotes}


@pytest.mark.parametrize("mention, cue", [("US official", "added"), ("he", "noted"), ("He", "characterized")])
def test_seed_back_references_resolve_to_rubio(seed, mention: str, cue: str) -> None:
    text, quotes = seed
    hits = [q for q in quotes if q.cue == cue and q.speaker_start is not None
            and text[q.speaker_start:q.speaker_end] == mention]
    assert hits and {q.speaker for q in hits} == {"Marco Rubio"}


def test_seed_offsets_slice_exactly(seed) -> None:
    text, quotes = seed
    assert quotes
    assert all(text[q.start:q.end] == q.content for q in quotes)


# The challenge set: speaker recall/precision floor -------------------------------------------------

def _norm(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().lower())


def test_challenge_speakers_meet_floor() -> None:
    p = SHARED / "examples" / "challenge.jsonl"
    if not p.exists():
        pytest.skip("../shared not present")
    tp = n_pred = n_gold = 0
    for line in p.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        art = json.loads(line)
        quotes = find_quotes(art["text"])
        assert all(art["text"][q.start:q.end] == q.content for q in quotes)
        gold = {_norm(s) for s in art["labels"]["quoted_speakers"]}
        pred = {_norm(q.speaker) for q in quotes}
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
    precision, recall = tp / max(n_pred, 1), tp / max(n_gold, 1)
    print(f"challenge quoted_speakers: precision {precision:.3f} recall {recall:.3f}")
    assert precision >= BASELINE["challenge_speaker_precision"]
    assert recall >= BASELINE["challenge_speaker_recall"]


def test_polnear_dev_meets_floor() -> None:
    """PolNeAR dev (the test split is kept for the bench): source overlap F1 floor."""
    root = SHARED / "data" / "polnear_attribution" / "dev"
    if not root.exists():
        pytest.skip("../shared not present")
    import importlib.util
    spec = importlib.util.spec_from_file_location("polnear_bench", Path(__file__).resolve().parents[1] / "bench" /
                                                  "polnear_attribution.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # dataclasses look their module up there
    spec.loader.exec_module(bench)
    res = bench.evaluate(root)
    print({k: tuple(round(x, 3) for x in v) for k, v in res.items()})
    assert res["source overlap"][2] >= BASELINE["polnear_dev_source_overlap_f1"]
    assert res["content overlap"][2] >= BASELINE["polnear_dev_content_overlap_f1"]


@pytest.mark.parametrize("text, content", [
    ("''We will win this race,'' the senator said on Monday.", "We will win this race,"),
    ("The senator said: ''We will win this race in November.''", "We will win this race in November."),
])
def test_typewriter_quotation_marks_make_direct_quotes(text, content):
    direct = [q for q in find_quotes(text) if q.kind == "direct"]
    assert [(q.speaker, q.content) for q in direct] == [("senator", content)]


def test_he_after_an_introductory_phrase_is_the_subject_named_in_the_sentence_before():
    text = ("Oksana Roe, the MP who drafted the bill, said on Thursday that casino sites spent millions on ads.\n\n"
            "During the debate, MP Yurii Doe of the opposition called for a full ban on gambling advertising. "
            "\"While soldiers are in the trenches, the money is laundered through our casinos,\" he said.")
    direct = [q for q in find_quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Yurii Doe"]
