"""Loaded terms: lexicon matching, voice (author vs quoted speaker), hard negatives, challenge floor."""
from __future__ import annotations

import csv
import json
import random
import re
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from labeler.cues.loaded_terms import (
    CATEGORIES,
    find_loaded_terms,
    inflections,
    load_lexicon,
    loaded_language_score,
)
from labeler.provenance.quotes import find_quotes
from labeler.schema import LoadedTerm, Quote

BASELINE = json.loads((Path(__file__).parent / "baselines" / "loaded_terms.json").read_text())


def quotes_for(text: str) -> list[Quote]:
    return find_quotes(text)


def terms(text: str, quotes=()) -> list[LoadedTerm]:
    return find_loaded_terms(text, list(quotes))


def author_terms(text: str) -> list[str]:
    return [t.term for t in terms(text) if t.voice == "author"]


# --- lexicon file ------------------------------------------------------------------------------


def _rows() -> list[dict[str, str]]:
    text = resources.files("labeler.data").joinpath("loaded_terms.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_lexicon_has_several_hundred_sourced_rows_in_known_categories():
    rows = _rows()
    assert len(rows) >= 250
    assert {r["category"] for r in rows} <= set(CATEGORIES)
    assert all(r["source"].strip() for r in rows)
    assert len(load_lexicon()) == len(rows)


def test_literal_terms_are_lower_case_unless_case_sensitive():
    bad = [r["term"] for r in _rows() if r["is_pattern"] == "false" and r["case_sensitive"] == "false" and r["term"] != r["term"].lower()]
    assert bad == []


def test_bad_category_is_named_with_the_valid_ones(tmp_path):
    p = tmp_path / "lex.csv"
    p.write_text("term,is_pattern,category,case_sensitive,inflect,not_before,not_after,requires,excludes,note,source\n"
                 "sham,false,spicy,false,,,,,,,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="spicy.*pejorative_label"):
        load_lexicon(p)


# --- matching ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "term,mode,expected",
    [
        ("thug", "plural", ["thug", "thugs"]),
        ("hoax", "plural", ["hoax", "hoaxes"]),
        ("smear", "plural+verb", ["smear", "smeared", "smearing", "smears"]),
        ("demonize", "verb", ["demonize", "demonized", "demonizes", "demonizing"]),
        ("witch hunt", "plural", ["witch hunt", "witch hunts"]),
        ("sham", "", ["sham"]),
    ],
)
def test_inflections(term, mode, expected):
    assert inflections(term, mode) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The opposition smeared the minister.", ["smeared"]),
        ("Local thugs attacked the office.", ["thugs"]),
        ("It was a witch hunts season.", ["witch hunts"]),
        ("Moscow calls it a special military operation.", ["special military operation"]),
        ("The collective West has failed.", ["collective West"]),
        ("The DEEP STATE is everywhere, they say.", ["DEEP STATE"]),
    ],
)
def test_inflected_and_multi_word_terms_are_found(text, expected):
    assert author_terms(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Officials in Kiev denied the report.", ["Kiev"]),
        ("Kiev-backed forces advanced.", ["Kiev"]),
        ("The kiev in lower case is not the city name.", []),
        ("Kievan Rus was a medieval state.", []),
        ("Ukraine's #KyivNotKiev campaign began in 2018.", []),
        ("The restaurant renamed its Chicken Kiev.", []),
        ("Editors dropped the spelling Kiev years ago.", []),
        ("Kiev is how Russians write it; Kyiv is how Ukrainians say it.", []),
        ("Fighting continued in Donbass on Monday.", ["Donbass"]),
    ],
)
def test_kiev_is_case_sensitive_and_only_a_use_of_the_name(text, expected):
    assert author_terms(text) == expected


def test_kiev_in_quotes_discussed_as_a_word_is_not_a_use():
    assert author_terms("Many style guides stopped using “Kiev” in 2019.") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The company said the blockade had forced it to suspend shipments.", []),
        ("The drills tested the navy's ability to blockade key ports.", []),
        ("The economic, commercial and financial blockade has cost Cuba billions.", ["blockade"]),
        ("The blockade has cost the Cuban economy more than 100 billion dollars.", ["blockade"]),
    ],
)
def test_blockade_is_loaded_only_as_the_cuban_embargo_framing(text, expected):
    assert author_terms(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Peru's so-called southern mining corridor has seen disputes.", []),
        ("Residents call it the so-called 'Copper Corridor' now.", []),
        ("There is no basis for the so-called forced labor allegations.", ["so-called"]),
        ("Manila keeps citing the so-called arbitration award.", ["so-called"]),
    ],
)
def test_so_called_nickname_versus_dismissive(text, expected):
    assert author_terms(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Security forces neutralized 11 PKK terrorists.", ["terrorists"]),
        ("The group is listed as a terrorist organization by the EU.", []),
        ("Cuba is on the US list of state sponsors of terrorism.", []),
        ("The State Department's Foreign Terrorist Organization list grew.", []),
        ("Cuba was added to the terrorist list in 2021.", []),
    ],
)
def test_terrorist_as_own_label_versus_designation(text, expected):
    assert author_terms(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The Kiev regime shelled the town.", ["Kiev", "regime"]),
        ("The EU extended its sanctions regime against Belarus.", []),
        ("Travellers enjoy a visa-free regime with Serbia.", []),
        ("They denounced the regime in Minsk.", ["regime"]),
    ],
)
def test_regime_for_a_government_not_for_a_policy(text, expected):
    assert author_terms(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The neo-Nazis marched on the ministry.", ["neo-Nazis"]),
        ("An anti-Nazi rally was held.", []),
        ("Pro-Kiev forces held the bridge.", ["Kiev"]),
        ("In 1941 the Nazis occupied the city.", []),
        ("The Zionist regime will regret it, he warned.", ["Zionist", "regime"]),
        ("They are serving their Western masters.", ["masters"]),
        ("She holds a master's degree and two masters titles.", []),
        ("These animals must be stopped.", ["animals"]),
        ("The zoo keeps 300 animals.", []),
    ],
)
def test_labels_need_their_labelling_context(text, expected):
    assert author_terms(text) == expected


def test_lower_case_term_inside_a_title_case_name_is_part_of_the_name():
    assert author_terms("She reads the Deep State Gazette weekly, and the deep state worries her.") == ["deep state"]


# --- voice -------------------------------------------------------------------------------------


def test_scare_quotes_without_a_speaker_are_the_authors():
    text = 'The so-called experts issued another "hoax" report.'
    got = terms(text)
    assert [(t.term, t.voice, t.speaker) for t in got] == [("so-called", "author", None), ("hoax", "author", None)]


def test_term_in_a_direct_quote_is_the_speakers():
    text = '"This is a sham vote," said Jane Doe. The vote was held on Sunday.'
    q = Quote(speaker="Jane Doe", kind="direct", cue="said", content="This is a sham vote,", via=None, start=1, end=21)
    got = terms(text, [q])
    assert [(t.term, t.voice, t.speaker) for t in got] == [("sham", "quoted", "Jane Doe")]


def test_quoted_word_inside_indirect_speech_is_the_speakers_partial_quote():
    text = 'Rubio said the claims were driven by "hysteria" in Europe.'
    q = Quote(speaker="Marco Rubio", kind="indirect", cue="said", content=text[11:57], via=None, start=11, end=57)
    got = terms(text, [q])
    assert [(t.term, t.voice, t.speaker) for t in got] == [("hysteria", "quoted", "Marco Rubio")]


def test_paraphrase_in_indirect_speech_without_marks_is_the_authors_wording():
    text = "Rubio said the claims were driven by hysteria in Europe."
    q = Quote(speaker="Marco Rubio", kind="indirect", cue="said", content=text[11:55], via=None, start=11, end=55)
    assert [(t.term, t.voice) for t in terms(text, [q])] == [("hysteria", "author")]


def test_seed_hysteria_and_hyperbole_are_rubios_and_kiev_the_authors(seed_text):
    got = terms(seed_text, quotes_for(seed_text))
    quoted = {(t.term, t.speaker and t.speaker.split()[-1]) for t in got if t.voice == "quoted"}
    assert {("hysteria", "Rubio"), ("hyperbole", "Rubio")} <= quoted
    assert {t.term for t in got if t.voice == "author"} == {"Kiev"}


# --- robustness --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t ", "\x00\x01\x02\xff" * 500, "\ufffd" * 100])
def test_empty_whitespace_and_binary_input_give_nothing(text):
    assert find_loaded_terms(text, []) == []


def test_random_bytes_give_nothing():
    junk = random.Random(0).randbytes(100_000).decode("latin-1")
    assert find_loaded_terms(junk, []) == []


def test_unbalanced_quotes_do_not_crash():
    got = terms('He said "the sham vote was rigged\n\nand then "nothing', [])
    assert {t.term for t in got} == {"sham", "rigged"}


def test_ten_megabyte_text_finishes(seed_text):
    copies = 10_000_000 // (len(seed_text) + 2) + 1
    big = (seed_text + "\n\n") * copies
    from labeler.cues.loaded_terms import MAX_PER_TERM

    got = find_loaded_terms(big, [])
    one = find_loaded_terms(seed_text, [])
    assert [(t.term, t.start) for t in got[:len(one)]] == [(t.term, t.start) for t in one]  # the first copy in full
    assert all(big[t.start:t.end] == t.term for t in got)
    per_term = {}
    for t in got:
        per_term[t.term] = per_term.get(t.term, 0) + 1
    assert max(per_term.values()) <= MAX_PER_TERM  # later repeats are capped, not read


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz KIEVshamregim-#\"“”‘’.\n")) | st.characters(), max_size=300))
def test_arbitrary_text_never_crashes_and_offsets_slice(text):
    for t in find_loaded_terms(text, []):
        assert text[t.start:t.end] == t.term


def test_every_hit_slices_out_its_term(challenge):
    for row in challenge:
        text = row["text"]
        for t in find_loaded_terms(text, quotes_for(text)):
            assert text[t.start:t.end] == t.term, (row["id"], t)


# --- score -------------------------------------------------------------------------------------


def test_score_is_zero_without_terms_and_grows_with_author_density():
    base = "word " * 300
    one = find_loaded_terms(base + " a sham vote", [])
    many = find_loaded_terms(base + " a sham vote by thugs, a hoax and a witch hunt by the junta", [])
    assert loaded_language_score([], base) == 0.0
    assert 0.0 < loaded_language_score(one, base) < loaded_language_score(many, base) <= 1.0


def test_quoted_terms_weigh_much_less_than_the_authors():
    text = "word " * 300 + ' "It is a sham and a hoax," said Jane Doe.'
    s, e = text.index("It is"), text.index(',"') + 1
    q = Quote(speaker="Jane Doe", kind="direct", cue="said", content=text[s:e], via=None, start=s, end=e)
    quoted = loaded_language_score(find_loaded_terms(text, [q]), text)
    author = loaded_language_score(find_loaded_terms(text, []), text)
    assert 0.0 < quoted < author / 3


# --- challenge set -----------------------------------------------------------------------------

_SPEAKER_STOP = frozenset("the of a an and for in on at to 's said spokesperson spokesman spokeswoman official officials ministry".split())


def _speaker_tokens(name: str | None) -> set[str]:
    words = re.findall(r"[a-z]+", (name or "").lower().replace("’s", "").replace("'s", ""))
    return {w for w in words if len(w) > 1 and w not in _SPEAKER_STOP}


def _term_match(pred: str, gold: str) -> bool:
    p, g = pred.lower(), gold.lower()
    return p == g or re.search(rf"(?<![\w-]){re.escape(g)}(?![\w-])", p) is not None or re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", g) is not None


def _match_counts(pred: list[tuple], gold: list[tuple], with_speaker: bool) -> tuple[int, int, int]:
    left = list(dict.fromkeys(pred))
    tp = 0
    for voice, term, speaker in gold:
        for i, (pv, pt, ps) in enumerate(left):
            if pv == voice and _term_match(pt, term) and (
                not with_speaker or voice == "author" or _speaker_tokens(ps) & _speaker_tokens(speaker)
            ):
                tp += 1
                del left[i]
                break
    return tp, len(left), len(gold) - tp


def challenge_figures(challenge) -> tuple[dict[str, float], list[str]]:
    sums = {"voice": [0, 0, 0], "speaker": [0, 0, 0]}
    misses = []
    for row in challenge:
        text, lab = row["text"], row["labels"]
        got = find_loaded_terms(text, quotes_for(text))
        pred = [(t.voice, t.term.lower(), t.speaker) for t in got]
        pred = [(v, term, s if v == "quoted" else None) for v, term, s in pred]
        gold = [("author", t.lower(), None) for t in lab["loaded_terms_author"]] + [
            ("quoted", d["term"].lower(), d["speaker"]) for d in lab["loaded_terms_quoted"]
        ]
        for key, with_speaker in (("voice", False), ("speaker", True)):
            tp, fp, fn = _match_counts(pred, gold, with_speaker)
            acc = sums[key]
            acc[0], acc[1], acc[2] = acc[0] + tp, acc[1] + fp, acc[2] + fn
            if with_speaker and (fp or fn):
                misses.append(f"{row['id']}: got {sorted(set(pred), key=str)} want {gold}")

    def f1(tp, fp, fn):
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    figures = {"term_voice_f1": f1(*sums["voice"]), "term_voice_speaker_f1": f1(*sums["speaker"])}
    return figures, misses


def test_challenge_loaded_terms_meet_their_floors(challenge):
    figures, misses = challenge_figures(challenge)
    print("\nloaded terms on challenge:", json.dumps(figures, indent=1), "\nmisses:", *misses, sep="\n")
    for key, value in figures.items():
        assert value >= BASELINE[key], f"{key} {value:.3f} fell below its floor {BASELINE[key]}"


# --- gap classes: derived forms, curated pejoratives, official-name substitutions, technical 'regime' --


@pytest.mark.parametrize(
    "text,expected",
    [
        # derived forms of listed stems (provocation -> provocative/provocateur, adjective -> adverb)
        ("Beijing staged provocative drills near the island.", ["provocative"]),
        ("Paid provocateurs stirred up the crowd.", ["provocateurs"]),
        ("The police recklessly fired into the crowd.", ["recklessly"]),
        ("They ruthlessly crushed the strike.", ["ruthlessly"]),
        # curated pejoratives and their inflections
        ("Western companies plundered the country's mines.", ["plundered"]),
        ("It is plunder, pure and simple.", ["plunder"]),
        ("The administration weaponised the courts.", ["weaponised"]),
        ("Democrats are weaponizing the justice system.", ["weaponizing"]),
        ("The weaponization of finance must end.", ["weaponization"]),
        ("The puppeteers in Washington pull the strings.", ["puppeteers"]),
        ("The paper is a mouthpiece of the ruling party.", ["mouthpiece"]),
        ("Europe has become a vassal of Washington.", ["vassal"]),
        ("His henchmen beat the reporters.", ["henchmen"]),
        ("Millions have been brainwashed by television.", ["brainwashed"]),
    ],
)
def test_pejorative_forms_and_curated_pejoratives_are_found(text, expected):
    assert author_terms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Iraq had weaponized anthrax before 1991.",
        "The army weaponised drones bought from hobby shops.",
        "The puppeteer brought marionettes to the children's festival.",
        "Tighten the mouthpiece before playing the trumpet.",
        "In medieval Europe a vassal owed service to his lord.",
        "The museum cares for provincial archives.",
    ],
)
def test_literal_senses_of_curated_pejoratives_are_not_loaded(text):
    assert author_terms(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The Greek Cypriot administration held naval drills.", ["Greek Cypriot administration"]),
        ("Ankara protested to the Greek Cypriot Administration of Southern Cyprus.", ["Greek Cypriot Administration of Southern Cyprus"]),
        ("Police detained 20 FETO suspects.", ["FETO"]),
        ("Tourism in Xizang grew last year.", ["Xizang"]),
        ("Argentina renewed its claim to the Malvinas.", ["Malvinas"]),
        ("Israeli occupation forces raided the camp.", ["Israeli occupation forces"]),
        ("The Zionist entity will pay, he warned.", ["Zionist entity"]),
        ("The Anglo-Saxons want to weaken Russia.", ["Anglo-Saxons"]),
        ("The Kyiv regime shelled the town.", ["regime"]),
    ],
)
def test_official_name_substitutions_are_naming_conventions(text, expected):
    got = [t for t in terms(text) if t.voice == "author"]
    assert [t.term for t in got] == expected
    assert got[-1].category in {"naming_convention"}


@pytest.mark.parametrize(
    "text",
    [
        "Cyprus and the Greek Cypriot side resumed UN-backed talks.",
        "The islands known as the Falklands in Britain and the Malvinas in Argentina.",
        "China calls Tibet by the name Xizang in official documents.",
        "The UN lists the occupied Palestinian territories.",
        "China's Taiwan region held a local vote, the DPP authorities said.",  # PRC house style: not counted
    ],
)
def test_recognised_names_and_discussed_names_are_not_naming_conventions(text):
    assert author_terms(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The regime, introduced in 2019, lets companies deduct research costs.", []),
        ("The tax regime for small firms was simplified.", []),
        ("The new preferential tax regime attracts investors.", []),
        ("Serbia offers a visa-free regime to Russian visitors.", []),
        ("Under the non-dom regime, wealthy residents pay less.", []),
        ("The regime that allows banks to borrow cheaply ends in June.", []),
        ("The regime lets foreign investors repatriate profits.", []),
        ("Companies under the regime pay a 9% tax on profits.", []),
        ("Sanctions against the regime were extended.", ["regime"]),
        ("The Assad regime raised taxes on imports.", ["regime"]),
        ("The Iranian regime executed three protesters.", ["regime"]),
        ("The regime, which seized power in 2021, jailed journalists.", ["regime"]),
        ("The regime jailed thousands of protesters.", ["regime"]),
    ],
)
def test_regime_in_a_fiscal_or_legal_sense_is_not_loaded(text, expected):
    assert author_terms(text) == expected


def test_flagrant_in_an_official_statement_is_the_speakers():
    text = 'The ministry called the strike "a flagrant violation of international law."'
    quoted = [t for t in terms(text, quotes_for(text)) if t.term == "flagrant"]
    assert [t.voice for t in quoted] == ["quoted"]


def test_keep_before_outweighs_only_the_after_and_sentence_signs(tmp_path):
    p = tmp_path / "lex.csv"
    p.write_text(
        "term,is_pattern,category,case_sensitive,inflect,not_before,not_after,requires,excludes,keep_before,note,source\n"
        "regime,false,naming_convention,false,,tax\\s+$,^\\s+for,,\\blevy\\b,(?-i:[A-Z]\\w+)\\s+$,,x\n",
        encoding="utf-8",
    )
    lex = load_lexicon(p)
    got = {t: [h.term for h in find_loaded_terms(t, [], lexicon=lex)] for t in (
        "the regime for exporters", "the Assad regime for decades", "a levy on the regime",
        "a levy by the Assad regime", "the tax regime",
    )}
    assert got == {"the regime for exporters": [], "the Assad regime for decades": ["regime"], "a levy on the regime": [],
                   "a levy by the Assad regime": ["regime"], "the tax regime": []}


# --- the builder --------------------------------------------------------------------------------


def _builder():
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "scripts" / "build_loaded_terms.py"
    spec = importlib.util.spec_from_file_location("build_loaded_terms", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_curated_row_names_its_source_and_is_in_the_lexicon():
    b = _builder()
    listed = {r["term"].lower() for r in _rows()}
    assert all(r["source"].strip() and r["category"] in CATEGORIES for r in b.CURATED)
    assert {r["term"].lower() for r in b.CURATED} <= listed


def test_derived_forms_need_evidence_and_keep_meaning():
    from collections import Counter

    b = _builder()
    base = dict(is_pattern="false", case_sensitive="false", not_before="", not_after="", requires="", excludes="", note="", source="x")
    rows = [dict(base, term="provocation", category="pejorative", inflect="plural"),
            dict(base, term="reckless", category="pejorative", inflect=""),
            dict(base, term="regime", category="naming_convention", inflect="plural", not_before="tax\\s+$")]
    inside, total = Counter({"provocateur": 1, "recklessness": 1}), Counter({"provocateur": 1, "recklessness": 10})
    got = {r["term"]: r["category"] for r in b.derived_rows(rows, inside, total, Counter(), set(), {"provocative", "recklessly"})}
    # recklessness occurs mostly outside loaded spans (1/10); regime's sense depends on context
    assert got == {"provocative": "pejorative", "provocateur": "pejorative_label", "recklessly": "pejorative"}


@pytest.mark.slow
def test_rebuilding_the_lexicon_changes_nothing(tmp_path):
    """The CSV is the builder's output: hand edits that the builder would undo fail here."""
    root = Path(__file__).resolve().parents[2] / "shared" / "data"
    if not (root / "ptc_semeval2020_task11").exists():
        pytest.skip("../shared not present")
    b = _builder()
    csv_path = tmp_path / "loaded_terms.csv"
    original = resources.files("labeler.data").joinpath("loaded_terms.csv").read_text(encoding="utf-8")
    csv_path.write_text(original, encoding="utf-8")
    assert b.build(root, csv_path) == 0
    assert csv_path.read_text(encoding="utf-8") == original


# --- state naming conventions and narrative vocabulary beyond Russia and China (by family) -------


@pytest.mark.parametrize(
    "text,expected",
    [
        # Turkey: government designations
        ("Police detained 38 suspects linked to the Gülenist Terror Group.", ["Gülenist Terror Group"]),
        ("Prosecutors charged members of the Fetullahist Terrorist Organization.", ["Fetullahist Terrorist Organization"]),
        ("Jets struck PKK/YPG terrorist organisation positions in northern Syria.", ["PKK/YPG terrorist organisation"]),
        # Iran and allies: names for Israel and US troops
        ("Lawmakers demanded the withdrawal of American occupation forces from the country.", ["occupation forces"]),
        ("The strikes by the usurping regime will not go unanswered.", ["usurping", "regime"]),
        ("Takfiri groups attacked the shrine.", ["Takfiri"]),
        # Serbia
        ("Serbs in the north of Kosovo and Metohija protested.", ["Kosovo and Metohija"]),
        # Venezuela and Cuba
        ("Washington's unilateral coercive measures have cost billions.", ["unilateral coercive measures"]),
        ("Output recovered despite the blockade against Venezuela.", ["blockade"]),
        # China
        ("Beijing kept its ban over the release of nuclear-contaminated water.", ["nuclear-contaminated water"]),
        ("Beijing warned anti-China forces in Washington.", ["anti-China forces"]),
        # seas and the Caucasus
        ("A survey ship entered Vietnam's waters in the East Sea.", ["East Sea"]),
        ("Refugees fled Artsakh last year.", ["Artsakh"]),
        # Hungary and migration framing
        ("The pro-migration Brussels bureaucrats want quotas.", ["pro-migration", "Brussels bureaucrats"]),
        ("A Soros-funded network of NGOs organised the rally.", ["Soros-funded"]),
        ("The country faces a migrant invasion, the poster said.", ["migrant invasion"]),
        # Kashmir and Pakistan
        ("Shelling hit villages in Indian Illegally Occupied Jammu and Kashmir.", ["Indian Illegally Occupied Jammu and Kashmir"]),
        ("Troops moved into PoK after the talks failed, Indian media said of Kashmir.", ["PoK"]),
        ("Security forces killed ten khawarij in North Waziristan.", ["khawarij"]),
        # Belarus and the Kremlin
        ("The fugitive opposition met in Vilnius.", ["fugitive opposition"]),
        ("Chisinau follows the orders of its Western curators.", ["curators"]),
        ("Its Western sponsors are looking for a way out of the proxy war they started in Ukraine.", ["Western sponsors", "proxy war"]),
        ("Men are seized on the streets of Odessa.", ["Odessa"]),
        ("Moldova's leaders keep to their anti-Russian course.", ["anti-Russian course"]),
        # accusatory frames
        ("What is happening in Gaza is a genocide.", ["genocide"]),
        ("Cairo blamed Ethiopian intransigence for the failure.", ["intransigence"]),
    ],
)
def test_state_naming_families_are_found(text, expected):
    assert author_terms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the neutral names that AP/Reuters use
        "Palestinians in the Israeli-occupied West Bank protested.",
        "Israel is the occupying power under international law, the court said.",
        "Allied occupation forces administered Japan after 1945.",
        "The naval blockade forced the freighter to turn back.",
        "The Saudi-Iranian proxy war in Yemen continues.",
        "The South China Sea, which Vietnam calls the East Sea, is contested.",
        "China's East Sea Fleet held drills off Zhejiang.",
        "The Arabian Gulf Cup final was played in Basra.",
        "She grew up in Odessa, Texas, near Midland.",
        "Odessa Young stars in the film.",
        "The museum's curators opened an exhibition of Western art in London.",
        "South Africa brought a genocide case against Israel at the ICJ.",
        "The Rwandan genocide killed about 800,000 people in 1994.",
        "Islamic State, also known as Daesh, claimed the attack.",
        "Princess Olga of Kiev ruled as regent in the tenth century.",
        "Turkish forces said they had neutralized 11 PKK/YPG militants.",
        "George Soros founded the Open Society Foundations.",
        "Brussels hosted the summit on Thursday.",
        "The group's officials used an IOK account for the tournament.",
    ],
)
def test_neutral_names_and_other_senses_are_not_flagged(text):
    assert author_terms(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # 'so-called' before a coined or technical name is not distancing ...
        ("Under the so-called simplified scheme, income is taxed at 12 percent.", []),
        ("Politicians still talk of a so-called Sputnik moment.", []),
        ("Planets in the so-called Goldilocks zone may hold water.", []),
        ("A so-called Phase One pact was signed in January.", []),
        # ... but before a list, mechanism or order named by the other side it is
        ("Washington added 37 firms to its so-called entity list.", ["so-called"]),
        ("Europe has no standing to trigger the so-called snapback mechanism.", ["so-called"]),
        ("They defend the so-called rules-based order.", ["so-called"]),
        # 'regime' for a scheme that people choose or register for
        ("Freelancers who choose the new regime cannot switch back to the standard regime for three years.", []),
        ("Registrations for the new regime open in March.", []),
        # 'hysteria' as a diagnosis in medical history, versus the label
        ("What earlier doctors would have called collective hysteria was brought on by famine.", []),
        ("Victorian physicians diagnosed hysteria in thousands of women.", []),
        ("Western media whipped up anti-Russian hysteria.", ["anti-Russian hysteria"]),
        ("The war hysteria in the capital spread to the doctors.", ["hysteria"]),
    ],
)
def test_hard_negatives_of_so_called_regime_and_hysteria(text, expected):
    assert author_terms(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ('Words that label one side, such as "regime" or "terrorists", are not proof of bias.', []),
        ('The term "hysteria" has a long medical history.', []),
        ('Editors avoid the word "thugs" in headlines.', []),
        # scare quotes and partial quotes are uses, not mentions
        ('The "liberation" of Ukrainian towns by Russian troops left them in ruins.', ["liberation"]),
        ('The "sham" vote was held on Sunday.', ["sham"]),
    ],
)
def test_a_quoted_word_discussed_as_a_word_is_mentioned_not_used(text, expected):
    assert author_terms(text) == expected


def test_every_pattern_row_has_lower_case_triggers():
    """A pattern row runs only when one of its trigger literals occurs in the case-folded text; a
    trigger that a match need not contain would silently disable the row, which the family
    examples above would catch."""
    rows = [r for r in _rows() if r["is_pattern"] == "true"]
    assert rows and all(r.get("trigger", "").strip() for r in rows)
    for r in rows:
        assert r["trigger"] == r["trigger"].lower(), r["term"]


def test_the_builder_lists_every_family_row_with_a_source_and_a_neutral_note():
    b = _builder()
    for family, rows in b.FAMILIES.items():
        assert rows, family
        for r in rows:
            assert r["source"].strip() and r["category"] in CATEGORIES, (family, r["term"])


# --- round 2 families (sanctions, dictates, foreign-backed opposition, coups, Hungary, migration) ----


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Insurers used the illegitimate sanctions as an excuse not to pay Russian clients.", ["illegitimate sanctions"]),
        ("Families left after the criminal sanctions imposed by Washington cut oil income.", ["criminal sanctions"]),
        ("The criminal blockade imposed by Washington has cost Cuba billions.", ["criminal blockade"]),
        ("The ports became an instrument of economic warfare against Russia.", ["economic warfare"]),
        ("Serbia refused to bow to foreign dictates.", ["foreign dictates"]),
        ("Budapest will not accept the dictates of Brussels on migration.", ["dictates of Brussels"]),
        ("The Western-backed opposition has no programme.", ["Western-backed"]),
        ("Every Western-sponsored revolution in the region ended in poverty.", ["Western-sponsored"]),
        ("The opposition in exile and its foreign sponsors organised the failed coup attempt.", ["foreign sponsors", "coup attempt"]),
        ("Supporters of the former president still call it a parliamentary coup.", ["parliamentary coup"]),
        ("It is the same dollar left that tried to buy the election.", ["dollar left"]),
        ("Vox says the boats are an invasion and the navy must turn them back.", ["invasion"]),
    ],
)
def test_round_two_families_are_found(text, expected):
    assert author_terms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # legal penalties, armed allies, real coups, military invasions, markets
        "Executives who break the rules face civil and criminal sanctions.",
        "Companies that breach the export ban face criminal sanctions under the new statute.",
        "The illegal US sanctions have failed to isolate the country.",  # a legal claim: the claims cue, not a loaded word
        "Erdogan defended his offensive against U.S.-backed Kurdish forces in Syria.",
        "Gaddafi was killed by NATO-backed militants in 2011.",
        "The army seized power in a coup, the third in the Sahel since 2020.",
        "Turkey blames the Gulen movement for the failed coup attempt of 2016.",
        "Maduro said the opposition was seeking to stage a coup.",
        "Russia's invasion of Ukraine pushed refugees across the border.",
        "Common sense dictates that close relatives be included.",
        "The dollar left traders guessing after the Fed decision.",
    ],
)
def test_round_two_hard_negatives_are_not_flagged(text):
    assert author_terms(text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # a speaker's verdict word reported as the bare complement of calling/accusing: neither voice
        ("Phnom Penh has called that idea absurd, noting that the canal is too shallow.", []),
        ("Councillor Lin Cheung accused opponents of scaremongering.", []),
        ("The videos dismissed reports of abuses as fabrications.", []),
        ("Officials face treason charges, which he called absurd.", []),
        # not a bare complement: the writer's own phrase goes on, or a name is used
        ("Zhu condemned the purchase, calling it a dangerous provocation that harms both sides.", ["provocation"]),
        ("Tehran rejected the report, calling it a document drafted under pressure from the Zionist regime.", ["Zionist", "regime"]),
        ("Critics called on the government to end the hysteria.", ["hysteria"]),
        ("The absurd claims were repeated on television.", ["absurd"]),
    ],
)
def test_a_reported_verdict_is_the_speakers_not_the_authors(text, expected):
    assert author_terms(text) == expected


def test_a_quoted_diagnosis_in_a_paragraph_about_asylums_is_not_a_label():
    text = ('Case books show women admitted for "hysteria", a diagnosis doctors applied widely. '
            'Others were admitted for "moral insanity" or "religious excitement".')
    assert [t.term for t in terms(text)] == []


def test_a_quotation_kept_in_the_spelling_of_its_time_does_not_choose_a_spelling():
    text = ('In his first letter he describes the journey in the spelling and style of the time. '
            '"I leave Kiev with a heavy heart," he wrote.')
    assert [t.term for t in terms(text, quotes_for(text))] == []
    modern = 'The minister said: "I leave Kiev tomorrow for talks."'
    assert [t.term for t in terms(modern, quotes_for(modern))] == ["Kiev"]


def test_a_paragraph_scoped_row_reads_its_topic_from_the_paragraph():
    """'invasion' needs migration in its paragraph: a quoted 'This is an invasion' follows the
    sentence about boats; a war in the paragraph rules it out."""
    migration = ('The spokesman called for the navy to turn the boats back. '
                 '"This is an invasion, and Madrid is watching," he said.')
    war = ('Troops crossed the border at dawn. "This is an invasion, and Europe is watching," he said. '
           'Refugees fled by boat.')
    assert [(t.term, t.voice) for t in terms(migration, quotes_for(migration))] == [("invasion", "quoted")]
    assert [t.term for t in terms(war, quotes_for(war))] == []
    rows = {r["term"]: r for r in _rows()}
    assert rows["invasion"]["scope"] == "paragraph"


def test_a_term_repeated_thousands_of_times_is_read_up_to_a_cap_and_the_analysis_says_so():
    import labeler
    from labeler.cues.loaded_terms import MAX_PER_TERM

    text = "The regime fell. " * (MAX_PER_TERM + 300)
    terms = find_loaded_terms(text)
    assert len(terms) == MAX_PER_TERM
    assert all(text[t.start:t.end] == t.term for t in terms)
    a = labeler.analyze(text, model="rules")
    assert any("regime" in w and str(MAX_PER_TERM) in w for w in a.warnings)


def test_a_row_capped_across_its_inflections_is_still_reported():
    import labeler
    from labeler.cues.loaded_terms import MAX_PER_TERM

    text = "The regime fell. The regimes fell. " * MAX_PER_TERM  # one row, two surface forms
    capped: list[str] = []
    terms = find_loaded_terms(text, capped=capped)
    assert len(terms) == MAX_PER_TERM and len(capped) == 1 and capped[0].startswith("regime")
    assert any("regime" in w for w in labeler.analyze(text, model="rules").warnings)


@pytest.mark.parametrize("text, found", [
    ("Colonists from a nearby outpost uprooted forty trees in the West Bank village.", ["Colonists"]),
    ("The colonists of Massachusetts Bay traded furs with their neighbours.", []),
    ("The new road links the fishing towns of the Moroccan Sahara to the north.", ["Moroccan Sahara"]),
])
def test_territory_and_settler_naming_conventions(text, found):
    assert [t.term for t in find_loaded_terms(text)] == found


@pytest.mark.parametrize("text, found", [
    ("Meanwhile the illegals keep coming across the strait.", ["illegals"]),
    ("The globalist parties in the capital have no answer.", ["globalist"]),
    ("The bakery still makes the Kiev cake, layered meringue and hazelnut.", []),   # a dish's name
    ("Residents applied under the so-called seasonal worker programme.", []),       # a programme's name
    ("Runners should start any heat regime gradually.", []),                         # a training regime
])
def test_session4_round3_terms_and_their_neutral_neighbours(text, found):
    assert [t.term for t in find_loaded_terms(text)] == found


# Held-out set 11 classes (session 7; invented sentences): compounds reported whole, cooking
# regimes, glossed names after "so-called", the medical adjective, and a topic set one paragraph up.
@pytest.mark.parametrize("text, expected", [
    ("The coup-plotters of the spring were paid by foreign NGOs to bring protesters onto the streets.", ["coup-plotters"]),
    ("The baking regime matters more than the flour: start hot, then lower the heat.", []),
    ("Parliament passed the so-called Green Ports Act, formally an amendment to the shipping code.", []),
    ("The town received the so-called Lubeck law, the body of merchant rules that let burghers run courts.", []),
    ("Photographs of hysterical patients in the asylum were shown to visiting doctors.", []),
    ("The so-called experts never visit the villages they write about.", ["so-called"]),
])
def test_compounds_cooking_regimes_glossed_names_and_medical_history(text, expected):
    assert [t.term for t in find_loaded_terms(text, [])] == expected


def test_a_topic_set_in_the_paragraph_before_counts():
    text = ("The council agreed to open a reception centre for 60 asylum seekers in the old school.\n\n"
            "Nobody asked us. It is part of an invasion the government has decided to ignore.")
    assert [t.term for t in find_loaded_terms(text, [])] == ["invasion"]


def test_a_topic_two_paragraphs_up_does_not_count():
    text = ("The council agreed to open a reception centre for 60 asylum seekers in the old school.\n\n"
            "The school closed in 2019 and has stood empty since then, the council said.\n\n"
            "Historians still argue about the invasion of 1066 and what it changed.")
    assert [t.term for t in find_loaded_terms(text, [])] == []


# Held-out set 13 classes (session 7; invented sentences)
@pytest.mark.parametrize("text, expected", [
    ("The ruscists shelled the market again overnight.", ["ruscists"]),
    ("The athletes won despite years of pressure from the TPLF clique and its foreign backers.", ["clique"]),
    ("Prosecutors said each defendant belonged to one clique of the gang in the eastern district.", []),
    ("The so-called reform program the ministry likes to advertise has built only hotels.", ["so-called"]),
    ("Workers came under the so-called seasonal worker programme, which lets towns hire farm labour.", []),
    ("The city launched the so-called Clean Rivers programme in May.", []),
    ("Planners protected the so-called green belt around the city.", []),
    ("Historians date the Woyane rebellion to 1943.", []),
])
def test_enemy_labels_cliques_and_claimed_virtues(text, expected):
    assert [t.term for t in find_loaded_terms(text, [])] == expected


@pytest.mark.parametrize("text, speaker", [
    ('In a message read out in court, Aldo M. wrote that the board was "a regime of profiteers".', "Aldo M."),
    ('Valiantsina K., who worked at a school, said the charge was "pure propaganda".', "Valiantsina K."),
])
def test_a_speaker_whose_surname_is_an_initial_keeps_the_quoted_voice(text, speaker):
    from labeler.provenance.quotes import find_quotes

    terms = find_loaded_terms(text, find_quotes(text))
    assert [(t.voice, t.speaker) for t in terms] == [("quoted", speaker)]


@pytest.mark.parametrize("text", [
    "The clique met every Friday after school.",
    "A clique of older students ran the newspaper.",
    "MS-13 members belong to a clique. The Fulton clique was dismantled by police.",
    "Opposition activists denied plotting a coup attempt.",
])
def test_school_and_gang_cliques_and_denied_coups_are_not_loaded(text):
    assert [t.term for t in find_loaded_terms(text, [])] == []


@pytest.mark.parametrize("text", [
    "The Lukashenko clique has jailed students and shut down social networks.",
    "The ruling clique fears a popular uprising.",
])
def test_a_government_called_a_clique_is_loaded_whatever_else_the_sentence_says(text):
    assert [t.term for t in find_loaded_terms(text, [])] == ["clique"]
