"""Derive loaded-term candidates from the shared datasets; data/loaded_terms.csv is its reviewed output.

Three kinds of evidence, each counted per word (lower-cased token) and per two-word phrase:

* PTC v2 **train** split (never dev, which the bench uses): how often a token lies inside a
  Loaded_Language or Name_Calling,Labeling gold span (``ptc_in``), how often it occurs at all
  (``ptc_all``), and the ratio. A high ratio means annotators mark the word as loaded wherever it
  appears, which is what a context-free lexicon needs.
* BABE/MBIC expert and crowd ``biased_words`` lists: how often the word was marked (``babe``).
* Recasens et al. (2013) NPOV bias lexicon: membership (``recasens``), as a tie-breaker only (it is
  mostly neutral Wikipedia vocabulary such as "accept" or "account").

Two further inputs extend the reviewed rows when the CSV is rebuilt (``--build``):

* **Derived forms** of listed stems (``DERIVATIONS``): a listed adjective's adverb and -ness noun,
  -ation's -ative adjective and -ateur agent noun, -ise/-ize spellings and their -isation/-ization
  nouns. A form is kept only with evidence of its own (inside a PTC train Loaded_Language or
  Name_Calling span at least once, marked by BABE annotators, MPQA strong-subjective negative
  (Wilson et al. 2005) or in the Recasens lexicon) and when PTC does not show it as mostly neutral
  (in-span ratio >= 0.3 once it occurs 3 times or more). Stems whose row has context conditions
  are not derived from: their sense depends on context that a derived form would not inherit.
* **Curated rows** (``CURATED``): pejoratives standard in propaganda and partisan news that the
  training data are too small to show (``plunder``, ``weaponise``, ``puppeteer``, ``mouthpiece``),
  and official-name substitutions (``Greek Cypriot administration``, ``Xizang``, ``FETO``,
  ``Malvinas``), each with the source that documents the usage.

Usage::

    python scripts/build_loaded_terms.py --data-root ../shared/data > candidates.tsv
    python scripts/build_loaded_terms.py --data-root ../shared/data --build data/loaded_terms.csv
    python scripts/build_loaded_terms.py --data-root ../shared/data --check data/loaded_terms.csv
    python scripts/build_loaded_terms.py --data-root ../shared/data --train-precision data/loaded_terms.csv
    python scripts/build_loaded_terms.py --data-root ../shared/data --refresh-sources data/loaded_terms.csv

The first prints candidates sorted by evidence. A person then keeps the ones that are loaded in
news context (not generic sentiment: "huge", "violence", "no" are dropped) and writes them to the
CSV with a ``source`` naming the count, e.g. "PTC v2 train Loaded_Language spans (n=6)". ``--check``
recomputes the counts for the curated rows so a reviewer can see that each cited count holds.
"""
from __future__ import annotations

import argparse
import ast
import csv
import re
import sys
from collections import Counter
from pathlib import Path

TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")
TOKEN = re.compile(r"[a-z]+(?:[-'’][a-z]+)*")
# Function words and reporting vocabulary that turn up inside long gold spans without being loaded.
STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its
    this that these those he she they we you i his her their our your my me him them us not no so
    very all any some more most than then there here who whom which what when where why how do does
    did have has had will would can could should may might must just also only about into over
    after before said says say one two out up down like""".split()
)


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text.lower())]


def ptc_counts(root: Path) -> tuple[Counter, Counter, Counter]:
    """(in-span counts, all counts, per-technique in-span counts keyed (tech, term)) on PTC train."""
    ptc = root / "ptc_semeval2020_task11"
    spans: dict[str, list[tuple[int, int, str]]] = {}
    with open(ptc / "train-task-flc-tc.labels", encoding="utf-8") as f:
        for line in f:
            art, tech, s, e = line.rstrip("\n").split("\t")
            if tech in TECHNIQUES:
                spans.setdefault(art, []).append((int(s), int(e), tech))
    inside, total, by_tech = Counter(), Counter(), Counter()
    for path in sorted((ptc / "train-articles").glob("article*.txt")):
        art = path.stem[len("article"):]
        text = path.read_text(encoding="utf-8")
        toks = tokens(text)
        art_spans = spans.get(art, [])
        grams = [(s, e, w) for s, e, w in toks] + [
            (a[0], b[1], a[2] + " " + b[2]) for a, b in zip(toks, toks[1:]) if text[a[1]:b[0]].strip() == ""
        ]
        for s, e, w in grams:
            total[w] += 1
            techs = {t for gs, ge, t in art_spans if gs <= s and e <= ge}
            if techs:
                inside[w] += 1
                for t in techs:
                    by_tech[(t, w)] += 1
    return inside, total, by_tech


def babe_counts(root: Path) -> Counter:
    """How often each word was marked as a biased word in BABE SG1/SG2 and MBIC."""
    out: Counter = Counter()
    babe = root / "babe_mbic"
    for name, delim in (("final_labels_SG1.csv", ";"), ("final_labels_SG2.csv", ";"), ("final_labels_MBIC.csv", ",")):
        path = babe / name
        if not path.exists():
            continue
        with open(path, encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f, delimiter=delim):
                try:
                    words = ast.literal_eval(row.get("biased_words") or "[]")
                except (ValueError, SyntaxError):
                    continue
                for w in words:
                    out[str(w).strip().lower()] += 1
    return out


def mpqa_strong_negative(root: Path) -> set[str]:
    """Words the MPQA subjectivity lexicon (Wilson, Wiebe, Hoffmann 2005) marks strongsubj and negative."""
    path = (root / "bias_lexicons_recasens2013" / "recasens_acl2013" / "bias_related_lexicons"
            / "subjectivity_clues_hltemnlp05" / "subjclueslen1-HLTEMNLP05.tff")
    if not path.exists():
        return set()
    out = set()
    for line in path.read_text(encoding="latin-1").splitlines():
        d = dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
        if d.get("type") == "strongsubj" and d.get("priorpolarity") == "negative" and "word1" in d:
            out.add(d["word1"].lower())
    return out


def recasens_lemmas(root: Path) -> set[str]:
    path = root / "bias_lexicons_recasens2013" / "recasens_acl2013" / "bias-lexicon" / "bias-lexicon_og.txt"
    if not path.exists():
        return set()
    return {w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.strip()}


def candidates(root: Path, min_in: int = 2, min_ratio: float = 0.3, min_babe: int = 3):
    inside, total, by_tech = ptc_counts(root)
    babe = babe_counts(root)
    rec = recasens_lemmas(root)
    rows = []
    for w in set(inside) | set(babe):
        if all(p in STOP for p in w.split()):
            continue
        n_in, n_all = inside.get(w, 0), total.get(w, 0)
        ratio = n_in / n_all if n_all else 0.0
        ptc_ok = n_in >= min_in and ratio >= min_ratio
        babe_ok = babe.get(w, 0) >= min_babe
        if not (ptc_ok or babe_ok):
            continue
        rows.append(
            {
                "term": w,
                "ptc_in": n_in,
                "ptc_all": n_all,
                "ptc_ratio": round(ratio, 2),
                "ptc_loaded": by_tech.get(("Loaded_Language", w), 0),
                "ptc_name_calling": by_tech.get(("Name_Calling,Labeling", w), 0),
                "babe": babe.get(w, 0),
                "recasens": int(w in rec),
            }
        )
    rows.sort(key=lambda r: (-(r["ptc_in"] * r["ptc_ratio"] + r["babe"] / 2), r["term"]))
    return rows


def evidence(term: str, inflect: str, by_tech: Counter, babe: Counter, rec: set[str]) -> tuple[int, int, int, bool]:
    """(PTC Loaded_Language, PTC Name_Calling, BABE marks, in Recasens) summed over a row's forms."""
    from labeler.cues.loaded_terms import inflections

    forms = inflections(term.lower(), inflect)
    return (
        sum(by_tech.get(("Loaded_Language", f), 0) for f in forms),
        sum(by_tech.get(("Name_Calling,Labeling", f), 0) for f in forms),
        sum(babe.get(f, 0) for f in forms),
        any(f in rec for f in forms),
    )


def check(root: Path, csv_path: Path) -> int:
    """Print the recomputed evidence for every curated literal term."""
    inside, total, by_tech = ptc_counts(root)
    babe = babe_counts(root)
    rec = recasens_lemmas(root)
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    w = csv.writer(sys.stdout, delimiter="\t")
    w.writerow(["term", "category", "ptc_loaded", "ptc_name_calling", "babe", "recasens", "source"])
    for r in rows:
        if r["is_pattern"] == "true":
            continue
        ll, nc, bb, rr = evidence(r["term"], r["inflect"], by_tech, babe, rec)
        w.writerow([r["term"], r["category"], ll, nc, bb, int(rr), r["source"]])
    return 0


_DATA_PARTS = re.compile(r"^(?:PTC v2 train (?:Loaded_Language|Name_Calling) spans \(n=\d+\)|BABE biased words \(n=\d+\)|Recasens 2013 bias lexicon)$")


def refresh_sources(root: Path, csv_path: Path) -> int:
    """Rewrite the dataset counts in each row's ``source`` from the data (other citations kept)."""
    inside, total, by_tech = ptc_counts(root)
    babe = babe_counts(root)
    rec = recasens_lemmas(root)
    with open(csv_path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    changed = 0
    for r in rows:
        kept = [p for p in r["source"].split("; ") if p and not _DATA_PARTS.match(p)]
        if r["is_pattern"] != "true":
            ll, nc, bb, rr = evidence(r["term"], r["inflect"], by_tech, babe, rec)
            kept += [f"PTC v2 train Loaded_Language spans (n={ll})"] * bool(ll)
            kept += [f"PTC v2 train Name_Calling spans (n={nc})"] * bool(nc)
            kept += [f"BABE biased words (n={bb})"] * bool(bb)
            kept += ["Recasens 2013 bias lexicon"] * bool(rr)
        new = "; ".join(kept)
        if not new:
            print(f"row {r['term']!r} would have no source; kept as it was", file=sys.stderr)
            continue
        changed += new != r["source"]
        r["source"] = new
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{changed} source cells updated in {csv_path}", file=sys.stderr)
    return 0


def train_precision(root: Path, csv_path: Path) -> int:
    """Per-row precision of the curated lexicon on PTC **train** (a hit overlapping a
    Loaded_Language/Name_Calling span counts as right). Rows that are usually wrong on train are
    candidates for removal; naming conventions are kept whatever PTC says, since PTC's US
    partisan news rarely uses them and its annotators did not label spellings."""
    from labeler.cues.loaded_terms import find_loaded_terms, load_lexicon

    ptc = root / "ptc_semeval2020_task11"
    spans: dict[str, list[tuple[int, int]]] = {}
    with open(ptc / "train-task-flc-tc.labels", encoding="utf-8") as f:
        for line in f:
            art, tech, s, e = line.rstrip("\n").split("\t")
            if tech in TECHNIQUES:
                spans.setdefault(art, []).append((int(s), int(e)))
    lex = load_lexicon(csv_path)
    by_source: dict[str, list[int]] = {}
    for path in sorted((ptc / "train-articles").glob("article*.txt")):
        text = path.read_text(encoding="utf-8")
        gold = spans.get(path.stem[len("article"):], [])
        for t in find_loaded_terms(text, [], lexicon=lex):
            key = t.term.lower()
            ok = any(s < t.end and t.start < e for s, e in gold)
            acc = by_source.setdefault(key, [0, 0])
            acc[0] += ok
            acc[1] += 1
    w = csv.writer(sys.stdout, delimiter="\t")
    w.writerow(["form", "train_hits", "train_correct", "precision"])
    for key, (ok, n) in sorted(by_source.items(), key=lambda kv: kv[1][0] / kv[1][1]):
        w.writerow([key, n, ok, round(ok / n, 2)])
    return 0


# --- rebuilding the CSV: derived forms and curated rows -----------------------------------------

#: (stem suffix, derived suffix, inflect of the derived row, kind). Meaning-preserving derivations
#: only: "destructive" -> "destruction" or "grossly" -> "gross" change the sense and are not here.
DERIVATIONS = (
    ("ation", "ative", "", "adjective"),       # provocation -> provocative
    ("ation", "ateur", "plural", "agent"),     # provocation -> provocateur(s)
    ("ise", "ize", "same", "spelling"),         # weaponise <-> weaponize
    ("ize", "ise", "same", "spelling"),
    ("isation", "ization", "same", "spelling"),
    ("ization", "isation", "same", "spelling"),
    ("ize", "ization", "", "noun"),            # demonize -> demonization
    ("ise", "isation", "", "noun"),
    ("ous", "ously", "", "adverb"),
    ("ful", "fully", "", "adverb"),
    ("less", "lessly", "", "adverb"),
    ("ant", "antly", "", "adverb"),
    ("ent", "ently", "", "adverb"),
    ("ic", "ically", "", "adverb"),
    ("al", "ally", "", "adverb"),
    ("ive", "ively", "", "adverb"),
    ("ous", "ousness", "", "noun"),
    ("less", "lessness", "", "noun"),
    ("ive", "iveness", "", "noun"),
)
MIN_DERIVED_RATIO = 0.3  # the candidate threshold: a form PTC shows mostly outside loaded spans is dropped
MPQA_SOURCE = "MPQA strong-subjective negative (Wilson et al. 2005)"

_STATE_MEDIA = "widely documented state-media invective (KCNA/DPRK, PRC MFA, IRNA/Press TV usage)"
_EUVS = "EUvsDisinfo recurring narratives (pro-Kremlin disinformation database)"
_PTC_DEF = "PTC v2 Name_Calling/Loaded_Language technique definitions (Da San Martino et al. 2019)"
_SPELLING = r"(?:#\w*|(?:spelling|spelled|spelt|transliteration|name|word|term)\s+[\"“”'‘]?)$"


def _row(term: str, category: str, source: str, inflect: str = "", note: str = "", case_sensitive: bool = False,
         not_before: str = "", not_after: str = "", requires: str = "", excludes: str = "") -> dict[str, str]:
    return {"term": term, "is_pattern": "false", "category": category, "case_sensitive": "true" if case_sensitive else "false",
            "inflect": inflect, "not_before": not_before, "not_after": not_after, "requires": requires,
            "excludes": excludes, "keep_before": "", "note": note, "source": source, "trigger": "", "scope": ""}


#: Rows that the datasets are too small to propose. Each names the documented usage it rests on.
CURATED: tuple[dict[str, str], ...] = (
    # pejoratives for acts: theft, manipulation, turning institutions into weapons
    _row("plunder", "pejorative", _STATE_MEDIA + "; " + _PTC_DEF, "plural+verb", "economic activity or policy framed as theft"),
    _row("plunderer", "pejorative_label", _STATE_MEDIA, "plural"),
    _row("weaponise", "pejorative", _PTC_DEF + "; partisan US usage ('weaponized the DOJ')", "verb",
         "accuses the other side of turning an institution into a weapon; literal weapons (anthrax, drones) skipped",
         not_after=r"^\s+(?:anthrax|smallpox|pathogens?|plague|viruses?|bacteria|toxins?|drones?|uavs?|agents?|nuclear|plutonium|uranium|munitions?|payloads?)\b"),
    _row("weaponize", "pejorative", _PTC_DEF + "; partisan US usage ('weaponized the DOJ')", "verb",
         "accuses the other side of turning an institution into a weapon; literal weapons (anthrax, drones) skipped",
         not_after=r"^\s+(?:anthrax|smallpox|pathogens?|plague|viruses?|bacteria|toxins?|drones?|uavs?|agents?|nuclear|plutonium|uranium|munitions?|payloads?)\b"),
    _row("weaponisation", "pejorative", _PTC_DEF, "", "noun of weaponise"),
    _row("weaponization", "pejorative", _PTC_DEF, "", "noun of weaponize"),
    # labels for people as tools of others
    _row("puppeteer", "conspiracy", _EUVS + "; " + _PTC_DEF, "plural", "hidden controllers (as 'puppet master'); puppet theatre skipped",
         excludes=r"\b(?:puppet (?:show|theatre|theater)|theatre|theater|muppets?|marionettes?|festival|circus|children's show)\b"),
    _row("mouthpiece", "pejorative_label", _STATE_MEDIA + "; " + _PTC_DEF, "plural", "an outlet or person as someone else's voice",
         excludes=r"\b(?:trumpet|trombone|saxophone|clarinet|horn|tuba|snorkel|scuba|regulator|telephone|handset|mouthguard|dental)\b"),
    _row("henchman", "pejorative_label", _PTC_DEF),
    _row("henchmen", "pejorative_label", _PTC_DEF),
    _row("lapdog", "pejorative_label", _STATE_MEDIA + "; " + _PTC_DEF, "plural"),
    _row("minion", "pejorative_label", _PTC_DEF, "plural"),
    _row("vassal", "pejorative_label", _EUVS + "; " + _STATE_MEDIA, "plural", "a state as another's subordinate; feudal history skipped",
         excludes=r"\b(?:medieval|feudal|lords?|fiefs?|knights?|kingdom of|dynasty|century|empire)\b"),
    _row("coward", "pejorative_label", _PTC_DEF, "plural"),
    _row("fanatic", "pejorative_label", _PTC_DEF, "plural"),
    _row("zealot", "pejorative_label", _PTC_DEF, "plural"),
    _row("goon", "pejorative_label", _PTC_DEF, "plural"),
    _row("sycophant", "pejorative_label", _PTC_DEF, "plural"),
    _row("marauder", "pejorative_label", _STATE_MEDIA, "plural"),
    _row("hegemonist", "pejorative_label", _STATE_MEDIA, "plural", "PRC label for the US and allies"),
    _row("brainwashed", "pathologising", _PTC_DEF, "", "opponents' views as the product of indoctrination"),
    # official-name substitutions: a name that denies or replaces the recognised one
    _row("greek cypriot administration", "naming_convention",
         "naming convention: Turkish government and Anadolu Agency name for the Republic of Cyprus, which Turkey does not recognise (UN, EU and AP/Reuters use 'Republic of Cyprus' or 'Cyprus')",
         note="official-name substitution"),
    _row("greek cypriot administration of southern cyprus", "naming_convention",
         "naming convention: Turkish government and Anadolu Agency name for the Republic of Cyprus, which Turkey does not recognise (UN, EU and AP/Reuters use 'Republic of Cyprus' or 'Cyprus')",
         note="official-name substitution; longest match wins over the shorter form"),
    _row("FETO", "naming_convention",
         "naming convention: Turkish government designation 'Fetullahist Terrorist Organisation' for the Gulen movement (Reuters/AP: 'the network of U.S.-based cleric Fethullah Gulen')",
         note="government label for a movement", case_sensitive=True),
    _row("FETÖ", "naming_convention",
         "naming convention: Turkish government designation 'Fetullahist Terrorist Organisation' for the Gulen movement (Reuters/AP: 'the network of U.S.-based cleric Fethullah Gulen')",
         note="government label for a movement", case_sensitive=True),
    _row("Xizang", "naming_convention",
         "naming convention: PRC official English name for Tibet since the 2023 State Council white paper (AP/Reuters/BBC keep 'Tibet')",
         note="official-name substitution", case_sensitive=True, not_before=_SPELLING),
    # Not added: PRC house style "Taiwan region" / "DPP authorities" is boilerplate in every PRC
    # state-media item on Taiwan; the outlet's state affiliation already carries that signal and the
    # labelled sets do not count it as a loaded term. "Xizang" is kept: a 2023 renaming campaign.
    _row("Malvinas", "naming_convention",
         "naming convention: Argentine government name for the Falkland Islands (AP/Reuters: 'Falkland Islands')",
         note="official-name substitution", case_sensitive=True, not_before=_SPELLING),
    _row("FYROM", "naming_convention",
         "naming convention: Greek-government name for North Macedonia before the 2018 Prespa agreement (UN provisional reference)",
         note="official-name substitution", case_sensitive=True),
    _row("israeli occupation forces", "naming_convention", "naming convention: Palestinian, Iranian and Al Mayadeen usage for the Israeli army (AP/Reuters: 'Israeli forces', 'Israeli military')"),
    _row("israeli occupation army", "naming_convention", "naming convention: Palestinian, Iranian and Al Mayadeen usage for the Israeli army (AP/Reuters: 'Israeli forces', 'Israeli military')"),
    _row("occupied palestine", "naming_convention", "naming convention: Iranian and Hezbollah-aligned media name for Israel (IRNA/Press TV usage)",
         note="'occupied Palestinian territories' (UN usage) does not match"),
    _row("malorossiya", "naming_convention", _EUVS, note="imperial name 'Little Russia' for Ukraine"),
    _row("illegal alien", "naming_convention", "naming convention: AP Stylebook (2013) drops 'illegal immigrant'/'illegal alien' for 'living in the country illegally'",
         "plural", "US partisan label for undocumented immigrants"),
)


def _pattern(regex: str, category: str, source: str, trigger: str, note: str = "", case_sensitive: bool = False,
             not_before: str = "", not_after: str = "", requires: str = "", excludes: str = "") -> dict[str, str]:
    """A regex row: for families whose members differ in one slot ("PKK/YPG", "YPG/PKK/PYD").

    ``trigger`` lists lower-case literals ("a|b"), one of which every match contains: the matcher
    runs the regex only on texts that contain one, so a pattern costs a substring test per text."""
    if not trigger:
        raise ValueError(f"pattern row {regex!r} needs a trigger")
    return dict(_row(regex, category, source, "", note, case_sensitive, not_before, not_after, requires, excludes),
                is_pattern="true", trigger=trigger)


# --- state naming conventions and narrative vocabulary beyond Russia and China --------------------
# Built by family: each family is one naming dispute or one state's documented house vocabulary,
# with the source that documents it and, in the note, the neutral equivalent that AP/Reuters use.
# Members were chosen from the documented usage, then checked on ../shared/data: author-voice hits
# on Reuters/AP/BBC wire copy (must stay near zero), and frequency in state outlets against BBC/
# Reuters (china_state_media_headlines, ruwa_russia_ukraine_war_news, EUvsDisinfo claim titles).
# Terms that neutral copy uses too ("occupied West Bank", "illegal immigrants", "Persian Gulf",
# "Azad Kashmir", "martyr", "mercenaries", "DPP authorities") are left out on purpose (LOADED_TERMS.md).
_SPELL_NB = r"(?:#\w*|(?:spelling|spelled|spelt|transliteration|name|word|term|called|calls|known\s+as|refers?\s+to\s+as)\s+[\"“”'‘]?)$"
_UA_TRANSLIT = ("naming convention: Ukrainian place names (Ukrainian national transliteration 2010; "
                "AP and Reuters spell Ukrainian cities from Ukrainian since 2019-2022)")
_TURKEY_GULEN = ("naming convention: Turkish government designation of the Gulen movement as 'FETÖ' (2016; Wikipedia "
                 "'Gülen movement'); Anadolu Agency/Daily Sabah house style. AP/Reuters: 'the network of U.S.-based cleric Fethullah Gulen'")
_TURKEY_PKK = ("naming convention: Turkish government and Anadolu Agency house style 'PKK/YPG', treating the Syrian Kurdish "
               "YPG as the PKK (Wikipedia 'People's Defense Units'). AP/Reuters: 'the Kurdish YPG militia', 'the PKK' separately")
_IRAN = ("naming convention: Iranian state media (Press TV, IRNA, Tasnim), Hezbollah and Syrian state usage for Israel that "
         "withholds recognition (Wikipedia 'Zionist entity'; 'Anti-Zionism in Iran'). AP/Reuters: 'Israel', 'the Israeli government'")
_OCCUPATION = ("naming convention: 'occupation forces/army' for an adversary's troops (Press TV, Tasnim, SANA, Al Mayadeen for "
               "US troops in Iraq and Syria and for the Israeli army; Ukrainian state media for Russian troops). AP/Reuters: "
               "'US troops', 'Israeli forces', 'Russian forces'")
_ILLEGALS = ("AP Stylebook (2013): 'illegal' describes an action, not a person; 'illegals' as a noun for migrants is "
             "a slur (Wikipedia 'Illegal immigration', terminology section). AP/Reuters: 'migrants', 'people in the country illegally'")
_GLOBALIST = ("ADL Glossary of Extremism 'Globalist' (an antisemitic and nationalist trope for elites said to betray the "
              "nation); Wikipedia 'Globalism' (pejorative use). AP/Reuters: the party, official or policy by name")
_WSAHARA = ("naming convention: Moroccan government and MAP usage 'Moroccan Sahara' / 'southern provinces' for Western "
            "Sahara, a non-self-governing territory on the UN list (Wikipedia 'Western Sahara', 'Political status of "
            "Western Sahara'). AP/Reuters: 'Western Sahara'")
_WAFA_SETTLERS = ("naming convention: WAFA and Palestinian Authority usage 'colonists' / 'colonial settlements' for Israeli "
                  "settlers and settlements in the West Bank (Wikipedia 'Israeli settlement'; WAFA English house style). "
                  "AP/Reuters: 'settlers'")
_SERBIA = ("naming convention: 'Kosovo and Metohija' (Kosmet), the province's name in Serbia's constitution, used by the Serbian "
           "government, Tanjug and RTS because Serbia does not recognise Kosovo (Wikipedia 'Autonomous Province of Kosovo and "
           "Metohija'; 'Political status of Kosovo'). AP/Reuters: 'Kosovo'")
_UCM = ("naming convention: 'unilateral coercive measures' for sanctions, the term of the Venezuelan, Cuban, Iranian and Russian "
        "governments and of UN Human Rights Council resolutions they sponsor (Wikipedia 'Unilateral coercive measure'). "
        "AP/Reuters: 'sanctions'")
_CUBA = ("Cuban state media (Granma, Prensa Latina, Cubadebate) epithets for exiles and dissidents (Wikipedia 'Cuban exile'; "
         "'Human rights in Cuba'). AP/Reuters: 'Cuban exiles', 'dissidents'")
_VENEZUELA = ("Venezuelan government and teleSUR/VTV label for barricade protests (Wikipedia '2014 Venezuelan protests': "
              "'guarimba'). AP/Reuters: 'protests', 'barricades'")
_FUKUSHIMA = ("naming convention: PRC Foreign Ministry and state media 'nuclear-contaminated water' for the Fukushima discharge "
              "(Wikipedia 'Discharge of radioactive water of the Fukushima Daiichi Nuclear Power Plant'). Japan, IAEA, "
              "AP/Reuters: 'treated radioactive water'; derived check: china_state_media_headlines state outlets 11, BBC 0")
_PRC_MFA = ("PRC Foreign Ministry press-conference and state-media standard phrases (with 'Cold War mentality'; Wikipedia "
            "'Wolf warrior diplomacy'); derived check: china_state_media_headlines, state outlets vs BBC")
_ANTI_X = ("state-media label for critics as a hostile bloc: PRC MFA 'anti-China forces/elements', Kremlin 'anti-Russian course/"
           "sanctions/hysteria' (EUvsDisinfo recurring narratives; derived check: EUvsDisinfo claim titles 'anti-Russian' 149, "
           "Reuters/AP/BBC wire 4, none in these constructions)")
_SEA = ("naming convention: Wikipedia 'Sea of Japan naming dispute' (South and North Korea: 'East Sea'; IHO S-23, AP/Reuters: "
        "'Sea of Japan') and 'South China Sea' (Vietnam: 'East Sea', Biển Đông; Philippines: 'West Philippine Sea', "
        "Administrative Order 29, 2012; AP/Reuters: 'South China Sea')")
_GULF = ("naming convention: Wikipedia 'Persian Gulf naming dispute' (Arab Gulf states: 'Arabian Gulf'; AP/Reuters: "
         "'Persian Gulf' or 'the Gulf')")
_CAUCASUS = ("naming convention: Wikipedia 'Nagorno-Karabakh' / 'Republic of Artsakh' (Armenian name 'Artsakh'), 'Stepanakert' "
             "(renamed Khankendi by Azerbaijan) and 'Western Azerbaijan (irredentist concept)'. AP/Reuters: 'Nagorno-Karabakh', "
             "'Stepanakert, which Azerbaijan calls Khankendi', 'Armenia'")
_AZ_MOD = ("Azerbaijani Defence Ministry and AZERTAC usage 'illegal Armenian armed formations' for Karabakh Armenian forces "
           "(Wikipedia '2023 Azerbaijani offensive in Nagorno-Karabakh'). AP/Reuters: 'ethnic Armenian forces'")
_HUNGARY = ("Hungarian government campaigns and national consultations 2015-2024 (Wikipedia 'Stop Soros', 'George Soros conspiracy "
            "theories', 'Euroscepticism in Hungary'); EUvsDisinfo recurring narratives. AP/Reuters: 'the European Commission', "
            "'Soros-founded Open Society Foundations'")
_INVASION = ("'invasion'/'hordes' metaphors for migration (Wikipedia 'Great Replacement conspiracy theory'; AP Stylebook: avoid "
             "'invasion' for migration; PTC v2 Loaded_Language technique definition)")
_GENDER = ("framing label of the anti-gender movement used by the Hungarian, Polish, Russian governments (Wikipedia "
           "'Anti-gender movement', 'LGBT-free zone'). AP/Reuters: 'gender studies', 'LGBT rights'")
_KASHMIR = ("naming convention: Wikipedia 'Kashmir conflict' and 'Azad Kashmir' naming (India: 'Pakistan-occupied Kashmir', PoK/"
            "PoJK; Pakistan: 'Indian-occupied Kashmir', 'Indian Illegally Occupied Jammu and Kashmir', IIOJK). AP/Reuters: "
            "'Indian-controlled Kashmir', 'Pakistan-controlled Kashmir'")
_KHAWARIJ = ("Pakistani government and ISPR designations 'Fitna al-Khawarij' for the Pakistani Taliban (TTP, July 2024) and "
             "'Fitna al-Hindustan' for Baloch militant groups (May 2025) (Wikipedia 'Tehrik-i-Taliban Pakistan'). "
             "AP/Reuters: 'Pakistani Taliban', 'Baloch separatists'")
_BELARUS = ("Belarusian state media (BelTA, Belarus 1) label for the exiled opposition (Wikipedia 'Belarusian democratic "
            "forces'). AP/Reuters: 'exiled opposition'")
_KREMLIN_HANDLERS = ("EUvsDisinfo recurring narratives ('Western curators', 'sponsors of the Kiev regime': neighbours as "
                     "governed from abroad); derived check: EUvsDisinfo claim titles 'curators' 11, Reuters/AP/BBC wire 0")
_PROXY = ("EUvsDisinfo recurring narratives ('NATO's proxy war against Russia'); RT/TASS usage")
_GENOCIDE = ("AP Stylebook guidance (2023-24): 'genocide' is attributed, not used in the outlet's own voice, outside legal "
             "findings and recognised historical cases; EUvsDisinfo 'genocide in Donbas' narrative; MPQA strong-subjective negative "
             "(Wilson et al. 2005)")
_TAKFIRI = ("Iranian, Syrian and Hezbollah state-media label for Sunni jihadist groups (Wikipedia 'Takfirism'). "
            "AP/Reuters: 'Islamic State militants', 'jihadists'")
_KHAMENEI = "Iranian state and clerical epithets for the United States (Wikipedia 'Great Satan', 'Global arrogance')"
_SANCTIONS = ("state-media framing of Western sanctions as crimes or war: Russian MFA/TASS ('illegitimate sanctions'), Iranian "
              "(IRNA, Press TV 'economic terrorism', 'illegal sanctions'), Cuban and Venezuelan ('criminal blockade', 'criminal "
              "sanctions'), Syrian (SANA), Belarusian (BelTA), Nicaraguan, DPRK, Zimbabwean and Eritrean government usage (Wikipedia "
              "'Unilateral coercive measure', 'International sanctions'). AP/Reuters: 'sanctions', with 'illegal' attributed")

# 'criminal sanctions' has a legal sense ("faces criminal sanctions"), so the sanctions row needs a
# sanctioning state in the sentence; a 'criminal/genocidal blockade' or 'embargo' has no legal sense
# and is the framing wherever it occurs, so it is a row of its own with no such condition (H20: a
# state daily's 'genocidal blockade' with no state named in its sentence was split into two hits;
# H22: an embargo named elsewhere in the sentence no longer makes legal 'criminal sanctions' loaded,
# as in "violating the embargo carries criminal sanctions").
SANCTIONS_CRIME_REQUIRES = (r"\b(?:imposed|washington|u\.?s\.?|united\s+states|american|west|western|eu|european\s+union|brussels|nato|london|unilateral|"
                            r"russia\w*|iran\w*|cuba\w*|venezuela\w*|syria\w*|belarus\w*|nicaragua\w*|dprk|korea\w*|zimbabwe\w*|eritrea\w*)\b")

_CRIME_QUALIFIER = (r"\b(?:illegitimate|criminal|inhumane?|genocidal|barbaric|murderous)\s+(?:(?:and|,)\s+(?:illegal|illegitimate|criminal|inhumane?|genocidal|unlawful|unjust|cruel)\s+)?"
                    r"(?:(?:unilateral|us|u\.s\.|american|western|eu|european|economic|financial|coercive|unjust|anti-[\w]+)\s+){0,2}")
SANCTIONS_CRIME_PATTERN = _CRIME_QUALIFIER + r"(?:sanctions|coercive\s+measures)\b"
BLOCKADE_CRIME_PATTERN = _CRIME_QUALIFIER + r"(?:blockade|embargo)\b"

_DICTATES = ("sovereignty framing of Serbian, Hungarian, Russian, Iranian, Turkish, Venezuelan and Zimbabwean government media "
             "('foreign dictates', 'Brussels diktat', 'dictates of Washington'; Wikipedia 'Diktat', 'Sovereigntism'). "
             "AP/Reuters: 'EU conditions', 'pressure'")
_FOREIGN_BACKED = ("state-media frame of the opposition as foreign-run: EUvsDisinfo recurring narratives ('Western-backed "
                   "opposition', 'colour revolution', 'Soros-funded NGOs'), Belarusian, Georgian, Serbian, Azerbaijani, "
                   "Venezuelan, Nicaraguan, Cuban, Iranian and PRC (Hong Kong 2019) government usage (Wikipedia 'Colour "
                   "revolution', 'Foreign agent law'); wire-checked: Reuters/AP/BBC write 'U.S.-backed' of armed allies only")
_COUP = ("governments' framing of protest or opposition as a coup: Nicaraguan government ('failed coup attempt' for the 2018 "
         "protests, Wikipedia '2018-2019 Nicaraguan protests'), Venezuelan and Cuban state media ('golpistas', 'soft coup'), "
         "Belarusian state media 2020, Brazilian PT usage ('parliamentary coup' for the 2016 impeachment), Georgian and Serbian "
         "government usage 2024-25; EUvsDisinfo 'Maidan coup'. AP/Reuters: 'protests', 'impeachment', 'the opposition'")
_HUNGARY_DOLLAR = ("Hungarian government and pro-government media label 'dollárbaloldal' / 'dollármédia' (2022-, after the Action for "
                   "Democracy funding reports; Wikipedia 'Sovereignty Protection Office'); AP/Reuters: 'the opposition', 'independent media'")

_NOT_HISTORICAL = r"\b(?:1[89]\d\d|19[0-8]\d|post-?war|world\s+war|wwii|allied\s+occupation|macarthur|napoleon\w*|ottoman)\b"
_FOREIGN = r"\b(?:western|west|washington|american|u\.?s\.?|nato|eu|european|brussels|london|anglo-saxons?|foreign|overseas|kiev|kyiv)\b"

# Historical revolutions, where "counter-revolutionary" is the historian's neutral word.
_HISTORICAL_REVOLUTIONS = (r"\b(?:1789|179\d|18\d\d|19[0-6]\d|french\s+revolution|vend[ée]e|bolshevik|white\s+army|"
                           r"cultural\s+revolution)\b")

_RUSCIST = ("Ukrainian official and media usage since 2022 ('рашист', 'ruscism'; Wikipedia 'Ruscism'; Verkhovna Rada resolution "
            "of 2 May 2023 on 'rashism'); wire usage: 'Russian forces'")
_WOYANE = ("Eritrean Ministry of Information (shabait.com) and Ethiopian government usage for the TPLF (Wikipedia 'Tigray People's "
           "Liberation Front', 'Woyane rebellion'); wire usage: 'TPLF'")
_CLIQUE = ("state-media invective for a government or movement ('TPLF clique', 'Kiev clique', 'traitor clique': Eritrean, Ethiopian, "
           "Russian and KCNA usage); Merriam-Webster 'clique' (a narrow exclusive circle, usually derogatory)")
FAMILIES: dict[str, tuple[dict[str, str], ...]] = {
    "Turkey: Gülen movement and PKK/YPG": (
        _pattern(r"\bG[üu]lenist\s+Terror(?:ist)?\s+(?:Group|Organi[sz]ation|Network|Cult)s?\b|\bFet(?:h)?ullahist\s+Terror(?:ist)?\s+Organi[sz]ations?\b",
                 "naming_convention", _TURKEY_GULEN, "lenist|ullahist", "government designation of the Gulen movement; neutral: 'the Gulen movement'"),
        # Bare "PKK/YPG" is Anadolu boilerplate that the labelled sets do not count (they count the
        # agency's own 'terrorists' after it); the designation phrase is the naming convention.
        _pattern(r"\b(?:PKK|YPG|PYD|KCK|SDG|SDF)(?:/(?:PKK|YPG|PYD|KCK|SDG|SDF))+\s+(?i:terror(?:ist)?\s+(?:group|organi[sz]ation)s?)\b",
                 "naming_convention", _TURKEY_PKK, "pkk/|ypg/|pyd/|kck/|sdg/|sdf/", "slash-name designation that equates Syrian Kurdish forces with the PKK; neutral: 'the YPG' / 'the PKK'",
                 case_sensitive=True),
    ),
    "Iran and allies: names for Israel and the US": (
        # The labelled sets split "Zionist regime" into 'Zionist' + 'regime' (the existing pattern row and
        # the 'regime' row); other adjectives for Israel before 'regime'/'entity' follow the same convention.
        # 'occupying'/'occupation regime' are left to the 'regime' row: 'occupying power' is the UN's legal term.
        _pattern(r"\b(usurping|usurper|child-killing|child-murdering)(?=\s+(?:regime|entity)\b)", "pejorative_label", _IRAN, "usurp|child-",
                 "adjective that names Israel as a usurper or killer before 'regime'/'entity'; 'regime' is its own hit"),
        _pattern(r"\boccupation\s+(?:forces|army|troops|soldiers|authorities|entity|government)\b", "naming_convention", _OCCUPATION, "occupation",
                 "an adversary's troops as 'occupation forces'; neutral: 'US troops', 'Israeli forces'; historical occupations (post-war Japan, 1940s) skipped",
                 excludes=_NOT_HISTORICAL),
        _row("takfiri", "pejorative_label", _TAKFIRI, "plural", "neutral: 'jihadists', 'Islamic State militants'"),
        _row("great satan", "pejorative_label", _KHAMENEI, "", "neutral: 'the United States'"),
        _row("global arrogance", "pejorative_label", _KHAMENEI, "", "neutral: 'the United States and its allies'"),
    ),
    "Migration and 'globalists'": (
        _row("illegals", "dehumanising", _ILLEGALS, "", "neutral: 'migrants', 'undocumented immigrants'"),
        _row("globalist", "conspiracy", _GLOBALIST, "plural", "neutral: name the party or policy; 'globalisation' is not in it"),
    ),
    "Morocco and Palestine: territory and settlers": (
        _row("moroccan sahara", "naming_convention", _WSAHARA, "", "neutral: 'Western Sahara'"),
        dict(_row("colonists", "naming_convention", _WAFA_SETTLERS, "",
                  "neutral: 'settlers'; only with West Bank settlement vocabulary in the paragraph (historical colonists skipped)",
                  requires=r"\b(?:settlements?|settlers?|outposts?|west\s+bank|israel\w*|occupied|occupation|palestin\w*)\b"),
             scope="paragraph"),
    ),
    "Serbia: Kosovo": (
        _row("kosovo and metohija", "naming_convention", _SERBIA, "", "neutral: 'Kosovo'; 'Office for Kosovo and Metohija' (a Serbian ministry's name) is kept as a use"),
        _row("kosovo-metohija", "naming_convention", _SERBIA, "", "neutral: 'Kosovo'"),
        _row("kosmet", "naming_convention", _SERBIA, "", "neutral: 'Kosovo'"),
    ),
    "Venezuela and Cuba: sanctions and dissent": (
        _row("unilateral coercive measure", "naming_convention", _UCM, "plural", "neutral: 'sanctions'"),
        _row("miami mafia", "pejorative_label", _CUBA, "", "neutral: 'Cuban exiles'"),
        _row("counter-revolutionary", "pejorative_label", _CUBA + "; PRC and Iranian usage for dissidents", "", "neutral: 'dissident'; historical revolutions skipped",
             excludes=_HISTORICAL_REVOLUTIONS),
        _row("counter-revolutionaries", "pejorative_label", _CUBA + "; PRC and Iranian usage for dissidents", "", "neutral: 'dissidents'",
             excludes=_HISTORICAL_REVOLUTIONS),
        _row("guarimba", "pejorative_label", _VENEZUELA, "plural", "neutral: 'protests', 'barricades'"),
        _row("guarimbero", "pejorative_label", _VENEZUELA, "plural", "neutral: 'protesters'"),
    ),
    "China: MFA and state-media vocabulary": (
        _row("nuclear-contaminated water", "naming_convention", _FUKUSHIMA, "", "neutral: 'treated radioactive water'"),
        _row("nuclear contaminated water", "naming_convention", _FUKUSHIMA, "", "neutral: 'treated radioactive water'"),
        _row("nuclear-polluted water", "naming_convention", _FUKUSHIMA, "", "neutral: 'treated radioactive water'"),
        _row("splittism", "pejorative_label", _PRC_MFA, "", "neutral: 'separatism', 'independence movement'"),
        _row("long-arm jurisdiction", "naming_convention", _PRC_MFA + "; 2021 PRC Anti-Foreign Sanctions Law", "", "neutral: 'extraterritorial sanctions'"),
        _row("bloc confrontation", "pathologising", _PRC_MFA, "", "PRC framing of alliances; neutral: 'alliances'"),
    ),
    "Critics as a hostile bloc: 'anti-China forces', 'anti-Russian course'": (
        _pattern(r"\banti-(?:China|Chinese|Russia|Russian|Iran|Iranian|Cuba|Cuban|Venezuela|Venezuelan|Serbia|Serbian|Belarus|Belarusian|Syria|Syrian|Hungary|Hungarian|Turkey|Turkish)"
                 r"\s+(?:forces|elements|circles|cliques?|lobby|cabal|hawks|hysteria|course|agenda|sanctions|provocations?)\b",
                 "pejorative_label", _ANTI_X, "anti-", "critics and sanctions labelled by the country they are 'against'; neutral: 'critics of Beijing', 'sanctions on Russia'",
                 ),
    ),
    "Seas: East Sea, West Philippine Sea, Arabian Gulf": (
        _row("East Sea", "naming_convention", _SEA, "", "Korean name for the Sea of Japan, Vietnamese for the South China Sea: a naming-convention flag, not a pejorative; "
             "skipped when the other name is close by (the names compared) and in 'East Sea Fleet' (PLA Navy unit)", True,
             not_before=_SPELL_NB, not_after=r"^\s+(?-i:Fleet|Brigade|Command|Region|University)\b"),
        _row("West Philippine Sea", "naming_convention", _SEA, "", "Philippine name for its part of the South China Sea", True, not_before=_SPELL_NB),
        _row("Arabian Gulf", "naming_convention", _GULF, "", "Gulf Arab states' name; neutral: 'Persian Gulf', 'the Gulf'; sports cups and university names skipped", True,
             not_before=_SPELL_NB, not_after=r"^\s+(?-i:Cup|University|League|Road|Street|Club|Games)\b"),
    ),
    "Caucasus: Karabakh and Armenia": (
        _row("Artsakh", "naming_convention", _CAUCASUS, "", "Armenian name for Nagorno-Karabakh", True, not_before=_SPELL_NB),
        _row("Khankendi", "naming_convention", _CAUCASUS, "", "Azerbaijani name for Stepanakert", True, not_before=_SPELL_NB),
        _row("western azerbaijan", "naming_convention", _CAUCASUS, "", "Azerbaijani irredentist name for Armenia; 'West Azerbaijan Province' of Iran is a different name and does not match"),
        _pattern(r"\billegal\s+Armenian\s+(?:armed\s+)?(?:formations|detachments|groups|units)\b", "naming_convention", _AZ_MOD, "armenian", "neutral: 'ethnic Armenian forces'"),
    ),
    "Hungary and EU-sceptic framing": (
        # case-sensitive on the name, so the name rule ("George Soros-funded") does not drop them; the tail is case-free
        _pattern(r"\bSoros(?:'s|’s)?[\s-]+(?i:network|empire|plan|mercenaries|agents|army|puppets?|minions|lackeys|organi[sz]ations)\b|\bSoros-(?i:funded|backed|financed)\b",
                 "conspiracy", _HUNGARY, "soros", "'Soros' as a hidden hand; neutral: 'Open Society Foundations', 'NGOs'", case_sensitive=True),
        _pattern(r"\bBrussels\s+(?i:bureaucrats|bureaucracy|elites?|technocrats|apparatchiks|eurocrats|mandarins|diktats?|overlords)\b",
                 "pejorative_label", _HUNGARY, "brussels", "the EU as a distant caste; neutral: 'the European Commission', 'EU officials'", case_sensitive=True),
        _row("pro-migration", "pejorative_label", _HUNGARY, "", "Hungarian government label for opponents ('pro-migration forces'); neutral: none"),
        _pattern(r"\b(?:migrant|immigrant|refugee)\s+(?:invasion|invaders)\b|\binvasion\s+of\s+(?:migrants|immigrants|refugees|illegals)\b",
                 "pejorative", _INVASION, "invasion|invaders", "migration as an invasion; neutral: 'arrivals of migrants'"),
        _pattern(r"\b(?:hordes?|swarms?)\s+of\s+(?:migrants|immigrants|refugees|asylum[\s-]seekers|illegals)\b|\b(?:migrant|immigrant|refugee)\s+(?:hordes|swarms)\b",
                 "dehumanising", _INVASION, "horde|swarm", "people as swarms or hordes"),
        _row("gender ideology", "naming_convention", _GENDER, "", "neutral: 'gender studies', 'transgender rights'"),
        _row("lgbt ideology", "naming_convention", _GENDER, "", "neutral: 'LGBT rights'"),
    ),
    "Kashmir and Pakistan's militant designations": (
        _pattern(r"\b(?:Indian|India|Pakistan|Pakistani)[\s-]+(?:illegally[\s-]+)?occupied\s+(?:Jammu\s+(?:and|&)\s+)?Kashmir\b",
                 "naming_convention", _KASHMIR, "occupied", "neutral: 'Indian-controlled Kashmir', 'Pakistan-controlled Kashmir'"),
        _pattern(r"\b(?:PoK|PoJK|IIOJK|IOJK|IoK|IOK)\b", "naming_convention", _KASHMIR, "pok|pojk|iiojk|iojk|iok", "abbreviations of the two 'occupied Kashmir' names",
                 case_sensitive=True, requires=r"\b(?:kashmir\w*|india\w*|pakistan\w*|srinagar|muzaffarabad|jammu|line\s+of\s+control|loc)\b"),
        _row("fitna al-khawarij", "pejorative_label", _KHAWARIJ, "", "neutral: 'Pakistani Taliban (TTP)'"),
        _row("khawarij", "pejorative_label", _KHAWARIJ, "", "neutral: 'militants'; early-Islamic history skipped",
             excludes=r"\b(?:caliph\w*|ali\s+ibn|umayyad|7th[- ]century|seventh[- ]century|nahrawan|siffin)\b"),
        _row("fitna al-hindustan", "pejorative_label", _KHAWARIJ, "", "neutral: 'Baloch separatists'"),
    ),
    "Belarus and Kremlin: exiles and handlers": (
        _pattern(r"\b(?:fugitive|runaway)\s+(?:opposition(?:ists?)?|(?:opposition\s+)?(?:figures|leaders|activists))\b", "pejorative_label", _BELARUS, "fugitive|runaway",
                 "neutral: 'exiled opposition'"),
        _row("curator", "conspiracy", _KREMLIN_HANDLERS, "plural", "a neighbour's government as run by foreign 'curators'; museum and art senses skipped",
             requires=_FOREIGN, excludes=r"\b(?:museums?|exhibitions?|galler(?:y|ies)|art|arts|artists?|biennale|collections?|festival|curated|zoo|archives?|library|libraries|exhibit\w*|show)\b"),
        _pattern(r"\b(?:Western|Washington(?:'s|’s)?|American|NATO|Anglo-Saxon|foreign|overseas|US|U\.S\.)\s+(?:sponsors|patrons|handlers|overlords)\b",
                 "conspiracy", _KREMLIN_HANDLERS, "sponsors|patrons|handlers|overlords", "a government as run from abroad; neutral: 'Western backers', 'allies'"),
        _row("proxy war", "naming_convention", _PROXY, "plural", "the war in Ukraine as the West's proxy war; other proxy wars (Yemen, Syria, Cold War) skipped",
             requires=r"\b(?:nato|west|western|washington|americans?|u\.?s\.?|anglo-saxons?|kiev|kyiv|ukrain\w*|russia\w*)\b",
             excludes=r"\b(?:saudi\w*|yemen\w*|houthis?|cold\s+war|soviet|afghan\w*|angola\w*|syria\w*|iran\w*|libya\w*|soleimani|hezbollah|quds|"
                      r"militias?|lebanon|iraq\w*|israel\w*|gaza|hamas|sudan\w*|congo\w*)\b"),
    ),
    "Ukrainian place names: more Russian-based spellings": (
        _row("Odessa", "naming_convention", _UA_TRANSLIT, "", "Russian-based spelling of Odesa; Odessa, Texas, and people named Odessa skipped", True,
             not_before=_SPELL_NB, not_after=r"^(?:,?\s+(?:Texas|Tex\.|TX|Florida|Fla\.|Missouri|Delaware|Minnesota|New\s+York|Ontario|Washington)\b|\s+(?-i:File|Steps|American|College|High)\b|\s+(?-i:(?!Oblast|Region|Province|Port|Bay|Governor|City|Mayor)[A-Z][a-z]+))",
             excludes=r"\b(?:Texas|Permian|Midland|Ector)\b"),
        _row("Lvov", "naming_convention", _UA_TRANSLIT, "", "Russian-based spelling of Lviv; the surname (Prince Lvov) skipped", True,
             not_before=r"(?:#\w*|(?:spelling|spelled|spelt|transliteration|name|word|prince|georgy|mr\.?|ms\.?)\s+[\"“”'‘]?)$",
             not_after=r"^\s*-"),
        _row("Zhitomir", "naming_convention", _UA_TRANSLIT, "", "Russian-based spelling of Zhytomyr", True, not_before=_SPELL_NB),
        _row("Krivoy Rog", "naming_convention", _UA_TRANSLIT, "", "Russian-based spelling of Kryvyi Rih", True, not_before=_SPELL_NB),
        _row("Gorlovka", "naming_convention", _UA_TRANSLIT, "", "Russian-based spelling of Horlivka", True, not_before=_SPELL_NB),
        _row("Ivano-Frankovsk", "naming_convention", _UA_TRANSLIT, "", "Russian-based spelling of Ivano-Frankivsk", True, not_before=_SPELL_NB),
        _row("Chernovtsy", "naming_convention", _UA_TRANSLIT, "", "Russian-based spelling of Chernivtsi", True, not_before=_SPELL_NB),
        _row("Ternopol", "naming_convention", _UA_TRANSLIT, "", "Russian-based spelling of Ternopil", True, not_before=_SPELL_NB),
        _row("Uzhgorod", "naming_convention", _UA_TRANSLIT, "", "Russian-based spelling of Uzhhorod", True, not_before=_SPELL_NB),
    ),
    "Accusatory frames for the other side's conduct": (
        _row("genocide", "pejorative", _GENOCIDE, "plural",
             "the accusation in the outlet's or a speaker's voice; court cases, legal findings, recognised historical genocides and reports of the accusation skipped",
             excludes=r"\b(?:conventions?|icj|international\s+court|tribunals?|cases?|ruling|rulings|judges?|charges?|charged|trials?|convicted|prosecut\w*|accus\w*|alleg\w*|denial|deny|denies|denied|"
                      r"commemorat\w*|memorials?|museums?|survivors?|remembrance|anniversary|holocaust|rwanda\w*|tutsis?|srebrenica|armenians?|1915|1994|1995|khmer|cambodia\w*|"
                      r"darfur|rohingya|yazidis?|herero|holodomor|uyghurs?|uighurs?|scholars?|historians?|definition|defined|determin\w*|recogni[sz]\w*|resolution|lemkin)\b"),
        _row("intransigence", "pejorative", "MPQA strong-subjective negative (Wilson et al. 2005); state-media usage for the other side in talks (Ahram, SANA, Xinhua)", "",
             "the other side's negotiating position as obstinacy; neutral: 'refusal', 'position'"),
        _row("intransigent", "pejorative", "MPQA strong-subjective negative (Wilson et al. 2005); state-media usage for the other side in talks (Ahram, SANA, Xinhua)", "",
             "neutral: 'unyielding', 'refused to'"),
    ),
    # --- round 2 (2026-11-27): families from the classes held-out set 4 missed. Built from the
    # documented usage of many states' media, not from that set's wording; wire-checked like round 1.
    "Sanctions framed as crimes or war": (
        # Russian, Iranian, Cuban, Venezuelan, Syrian, Belarusian, Nicaraguan, DPRK, Zimbabwean and Eritrean
        # state media qualify Western sanctions as illegitimate or criminal in their own voice; AP/Reuters write
        # 'sanctions' (and attribute 'illegal'). 'illegal'/'unlawful sanctions' are left out: a legal claim,
        # which the labelled sets treat as a contested claim (the claims cue), not as a loaded word. The legal sense ('civil and criminal sanctions', 'faces
        # criminal sanctions') is skipped: it needs a sanctioning state in the sentence and no prosecution.
        _pattern(SANCTIONS_CRIME_PATTERN,
                 "pejorative", _SANCTIONS, "illegitimate|criminal|inhuman|genocidal|barbaric|murderous",
                 "sanctions qualified as unlawful or criminal in the outlet's voice; neutral: 'sanctions', 'US sanctions'",
                 not_before=r"(?:civil|administrative|disciplinary)\s+(?:and|or)\s+$",
                 requires=SANCTIONS_CRIME_REQUIRES,
                 excludes=r"\b(?:civil\s+(?:and|or)\s+criminal|face[sd]?\s+criminal|facing\s+criminal|prosecut\w*|offen[cs]es?|convict\w*|liable|statutes?|indict\w*)\b"),
        # 'criminal/genocidal blockade' and 'embargo' have no legal sense: no sanctioning state needed
        _pattern(BLOCKADE_CRIME_PATTERN,
                 "pejorative", _SANCTIONS, "illegitimate|criminal|inhuman|genocidal|barbaric|murderous",
                 "a blockade or embargo qualified as criminal or genocidal in the outlet's voice; neutral: 'embargo', 'US embargo'"),
        _row("economic warfare", "pejorative", _SANCTIONS, "", "sanctions or trade measures as acts of war; neutral: 'sanctions', 'trade restrictions'"),
        _row("financial terrorism", "pejorative", _SANCTIONS, "", "as 'economic terrorism' (listed); neutral: 'financial sanctions'"),
        _row("economic strangulation", "pejorative", _SANCTIONS, "", "neutral: 'sanctions'"),
    ),
    "Sovereignty against foreign dictates": (
        # Serbian, Hungarian, Russian, Iranian, Turkish, Venezuelan and Zimbabwean government media frame
        # partners' conditions as orders from abroad; AP/Reuters: 'EU conditions', 'pressure'.
        _pattern(r"\b(?:foreign|western|external|outside|brussels'?|brussels’|washington'?s?|washington’s|american|u\.?s\.?|eu|nato|imf|imperial(?:ist)?|colonial|neo-?colonial)\s+(?:dictates|diktats?)\b"
                 r"|\bdictates\s+of\s+(?:the\s+)?(?:west|western\s+\w+|washington|brussels|us|united\s+states|foreign\s+\w+|nato|imf|eu|european\s+union|imperialis\w+|empire|overseas\s+\w+)\b",
                 "pejorative", _DICTATES, "dictat|diktat",
                 "partners' conditions as orders from abroad; neutral: 'conditions', 'pressure', 'EU requirements'"),
        _row("diktat", "pejorative", _DICTATES, "plural", "German loan word, pejorative in English for an imposed settlement or order; neutral: 'demand', 'conditions'"),
    ),
    "Opposition as foreign-backed": (
        # The domestic opposition, protests or NGOs as instruments of foreign powers: Russian, Belarusian,
        # Georgian, Serbian, Hungarian, Azerbaijani, Central Asian, Venezuelan, Nicaraguan, Cuban, Iranian,
        # PRC (Hong Kong) and Eritrean state media. Only with a civic target: wire copy writes "U.S.-backed
        # Kurdish forces", "Western-backed government", "NATO-backed rebels", which are reported alliances.
        _pattern(r"\b((?:western|foreign|u\.?s\.?|nato|american|eu|washington|cia|soros|brussels|london|west)-(?:backed|sponsored|funded|financed|orchestrated|instigated|engineered|inspired|controlled|paid|directed|steered|manipulated))"
                 r"\s+(?:[\w-]+\s+){0,2}?(?:opposition|protests?|protesters|demonstrations?|demonstrators|revolutions?|coups?|putsch(?:es)?|uprisings?|riots?|rioters|"
                 r"ngos?|non-governmental|activists|civil\s+society|colou?r\s+revolutions?|regime\s+change|media|journalists|bloggers|students|unrest|insurrection|mob|mobs|crowds?)\b",
                 "conspiracy", _FOREIGN_BACKED, "-backed|-sponsored|-funded|-financed|-orchestrated|-instigated|-engineered|-inspired|-controlled|-paid|-directed|-steered|-manipulated",
                 "the domestic opposition or protest as run from abroad; neutral: 'the opposition', 'protesters', 'NGOs funded by X' (attributed)"),
        # the whole compound is the term ("coup-plotters", "coup attempt"), not its first word
        _pattern(r"\b(coup(?:s|\s+attempts?|\s+plot(?:s|ters)?|-plotters?)?)\b", "naming_convention", _COUP,
                 "coup",
                 "protests or the opposition called a coup (Nicaragua 2018, Venezuela, Belarus 2020, Georgia and Serbia 2024-25); real military coups, "
                 "reports of the accusation and slogans skipped",
                 requires=r"\b(?:opposition|protests?|protesters|demonstrat\w*|ngos?|sponsors|soros|colou?r\s+revolution|civil\s+society|activists|exiles?|exiled)\b",
                 excludes=r"\b(?:military|army|soldiers|generals?|junta|troops|officers|putschists?|g[üu]len\w*|fethullah|feto|2016|says?|said|accus\w*|claim\w*|alleg\w*|den(?:y|ies|ied|ying|ial)|"
                          r"calls?|called|describ\w*|dubbed|branded|slogan|chant\w*|stop\s+the\s+coup)\b"),
        _row("soft coup", "naming_convention", _COUP, "plural", "Venezuelan, Cuban, Bolivian, Brazilian left and Russian usage for protest or legal pressure; neutral: 'protests', 'impeachment'"),
        _row("slow-motion coup", "naming_convention", _COUP, "plural", "neutral: 'political crisis'"),
        _row("judicial coup", "naming_convention", _COUP, "plural", "neutral: 'court ruling', 'prosecution'"),
        _row("parliamentary coup", "naming_convention", _COUP, "plural", "Brazil 2016 usage for an impeachment; neutral: 'impeachment'"),
        _row("institutional coup", "naming_convention", _COUP, "plural", "neutral: 'impeachment', 'removal'"),
        _row("putschist", "pejorative_label", _COUP, "plural", "the opposition as coup-makers (Belarusian, Russian, Venezuelan usage); neutral: 'opposition'"),
        _row("golpista", "pejorative_label", _COUP, "plural", "Spanish 'coup-monger' left untranslated in English copy of teleSUR, VTV, Granma, El 19 Digital; neutral: 'opposition'"),
    ),
    "Hungary: government-media labels for the opposition": (
        _row("dollar left", "pejorative_label", _HUNGARY_DOLLAR, "",
             "Hungarian government and pro-government media label ('dollárbaloldal', 2022-) for the opposition funded via a US NGO; neutral: 'the opposition'",
             requires=r"\b(?:opposition|election\w*|campaign\w*|part(?:y|ies)|left-wing|government|fidesz|hungar\w*|orb[áa]n|gyurcs[áa]ny|soros|budapest|voters?|funding|funded|ngos?)\b"),
        _row("dollar-left", "pejorative_label", _HUNGARY_DOLLAR, "", "hyphenated form of 'dollar left'"),
        _row("dollar media", "pejorative_label", _HUNGARY_DOLLAR, "", "pro-government label for independent outlets with foreign grants; neutral: 'independent media'"),
    ),
    "Migration as invasion": (
        # 'migrant invasion' is listed; bare 'invasion' counts only in a migration sentence with no war in it.
        dict(_row("invasion", "pejorative", _INVASION, "plural",
             "migration called an invasion; military invasions (any war, troops, country) and 'invasion of privacy' skipped; "
             "conditions read in the paragraph (a quoted 'This is an invasion' follows the sentence about boats)",
             requires=r"\b(?:migrants?|migration|immigra\w*|asylum|refugees?|boats?|cayucos?|pateras?|dinghies|caravans?|illegals?|undocumented|arrivals|newcomers|border\s+crossings?|crossings)\b",
             excludes=r"\b(?:troops|army|armies|military|russia\w*|ukrain\w*|tanks?|forces|war|wars|iraq\w*|kuwait|afghan\w*|normandy|nazis?|soviet|germany|allied|gaza|israel\w*|"
                      r"lebanon|crimea|taiwan|china|syria\w*|capitol|privacy|species|bay\s+of\s+pigs|plants?|weeds?|insects?|pests?|cells?|tumou?rs?|bacteria|algae|crabs?|mussels?)\b"),
             scope="paragraph"),
    ),
    # (session 7) wartime and Horn-of-Africa labels for the other side
    "Ukraine and the Horn of Africa: labels for the enemy": (
        _row("ruscist", "pejorative_label", _RUSCIST, "plural", "Ukrainian wartime label for Russian forces and Russians; neutral: 'Russian forces', 'Russians'"),
        _row("rashist", "pejorative_label", _RUSCIST, "plural", "transliteration of 'ruscist'; neutral: 'Russian forces'"),
        _row("ruscism", "pejorative_label", _RUSCIST, "", "the ideology the label names; neutral: 'Russian nationalism', 'the Kremlin's policy'"),
        _row("rashism", "pejorative_label", _RUSCIST, "", "transliteration of 'ruscism'"),
        _row("Woyane", "pejorative_label", _WOYANE, "", "Eritrean and Ethiopian government name for the TPLF; neutral: 'TPLF'; the 1943 revolt ('the Woyane rebellion') skipped",
             case_sensitive=True, not_after=r"^\s+(?-i:rebellion|revolt|uprising)\b"),
        # after a name or a pejorative only: an MS-13 "clique" is the gang's own word for a cell
        _pattern(r"\b(?:(?-i:(?!(?:The|A|An|This|That|These|Those|Its|Their|Our|His|Her|One|Each|Every|Some|No|Any)\b)"
                 r"[A-Z][\w'’-]*)|ruling|criminal|traitorous|traitor|puppet|fascist|warmongering|reactionary|"
                 r"separatist|terrorist|treacherous)\s+(cliques?)\b", "pejorative_label", _CLIQUE, "clique",
                 "a government or movement called a clique ('the TPLF clique', 'the Kiev clique', 'the ruling clique'); "
                 "neutral: 'group', 'leadership'; gangs' cells, school and social cliques skipped",
                 not_before=r"\b(?:hollywood|school|high-school|social|fashion|popular|teen|teenage|girls'?|boys'?)\s+$",
                 excludes=r"\b(?:gangs?|ms-13|mara|maras|barrio|cartels?|clikas?)\b") | {"scope": "paragraph"},
    ),
}
CURATED = CURATED + tuple(row for rows in FAMILIES.values() for row in rows)

# 'regime' for a government versus a policy, legal or technical arrangement. General signs of the
# technical sense, not a list of sentences:
#  * not_before: a policy, fiscal, legal or technical noun or adjective before it, with at most two
#    modifiers between ("sanctions regime", "tax regime", "new visa-free travel regime"), but not
#    across a preposition or article ("sanctions against the regime" is the government);
#  * not_after: what follows describes a rule ("regime for", "regime of controls", "the regime,
#    introduced in 2019,", "regime that allows/lets/exempts ...", "regime lets companies ...");
#  * excludes: fiscal and legal vocabulary in the sentence (taxes, tariffs, exemptions, licences...);
#  * keep_before: a name, demonym or pejorative right before it ("Assad regime", "Kiev regime", "the
#    Iranian regime", "criminal regime") is the government sense whatever follows.
_POLICY = (r"sanctions?|visa|visa-free|visa-waiver|tax|tax-free|taxation|flat-tax|trade|free-trade|trading|export|export-control|import|control|controls|"
           r"ceasefire|cease-fire|truce|silence|non-proliferation|nonproliferation|legal|regulatory|customs|duty|duty-free|security|fitness|training|"
           r"treatment|drug|dosing|dose|tariff|tariff-free|currency|exchange-rate|exchange rate|inspection|monitoring|safeguards|climate|residence|residency|"
           r"quarantine|lockdown|martial-law|martial law|power|flight|fishing|water|temperature|operating|thermal|flow|price|pricing|licensing|licence|license|permit|"
           r"investment|investment-screening|dietary|exercise|weather|rainfall|fire|flood|data-protection|privacy|copyright|patent|pension|welfare|"
           r"subsidy|emissions|border|transit|special|enhanced|strict|strict-security|maximum-security|high-security|prison|detention|penal|ownership|"
           r"compliance|reporting|disclosure|supervisory|oversight|capital|monetary|fiscal|inflation-targeting|interest-rate|counter-terrorism|"
           r"counterterrorism|operation|operational|international|arms-control|arms control|preferential|simplified|non-dom|immigration|migration|asylum|"
           r"labour|labor|employment|wage|accounting|insolvency|bankruptcy|liability|royalty|withholding|inheritance|property|planning|"
           r"zoning|tendering|procurement|competition|antitrust|merger|state-aid|state aid|banking|prudential|deposit|payment|payments|"
           r"settlement|clearing|derivatives|listing|takeover|corporate|tonnage|vat|excise|levy|quota|quotas|permit-based|registration|"
           r"anti-dumping|anti-money-laundering|aml|kyc|treaty|verification|non-tariff|feed-in|cap-and-trade|carbon|energy|nuclear-safety|"
           r"dosage|sleep|diet|medication|fasting|watering|irrigation|hydrological|flow|wind|airflow|turbulent|laminar|heat|altitude|"
           r"visa-liberalisation|visa-liberalization|entry|exit|travel|transitional|interim|grace|"
           # options in a scheme: nobody calls a government the "standard" or "optional" regime
           r"standard|default|optional|voluntary|alternative|simplified|flat-rate|lump-sum|ordinary|normal|general|presumptive")
REGIME_NOT_BEFORE = (r"\b(?:" + _POLICY + r")(?:[\s-]+(?!(?:on|against|of|by|in|the|a|an|to|for|with|from|at|under|and its|its|their|his|her)\b)[\w-]+){0,2}[\s-]+$"
                     # (H20) a process or a measured condition right before it ("feeding regime", "grazing regime",
                     # "groundwater regime") names a technical regime, not a government. A listed gerund, not any
                     # gerund: a sarcastic "parking regime that treats drivers as cash machines" is the loaded sense
                     r"|(?<![\w-])(?:feeding|grazing|burning|mowing|cropping|harvesting|breeding|stocking|sampling|testing|loading|cooling|heating|"
                     r"cleaning|milking|cutting|felling|spraying|flooding|drying|firing|sleeping|eating|drinking|exercising|"
                     r"swimming|cycling|spawning|rearing|pumping|drainage|disturbance|sediment|nutrient|moisture|salinity|tidal|wave|"
                     r"ice|snow|frost|light|noise|vibration|stress|load|hydraulic|hydrologic|precipitation|soil|thermal|"
                     # (session 7) cooking and household processes: "the oven regime matters more than the coating"
                     r"oven|cooking|baking|roasting|grilling|frying|brewing|fermentation|proofing|curing|storage|ventilation|charging)[\s-]+$"
                     r"|(?<![\w-])(?-i:[a-z]+water)[\s-]+$")
REGIME_NOT_AFTER = (r"^(?:\s+(?:of\s+(?:sanctions|controls?|inspections?|checks|silence|the treaty|taxation|tariffs?|duties|quotas|licen[cs]es|licensing|penalties|fines|"
                    r"incentives|exemptions|reporting|disclosure|verification)|for\s|governing\s|applicable\s+to|applying\s+to)"
                    r"|\s*,?\s+(?:which|that)\s+(?:allows?|lets?|permits?|exempts?|applies|apply|governs?|requires?|obliges?|entitles?|covers?|gives?\s+(?:companies|firms|investors|taxpayers)|came\s+into|took\s+effect|entered\s+into|expires?|lapses?)\b"
                    r"|\s*,\s*(?:introduced|adopted|enacted|legislated|in\s+force|in\s+place\s+since|which\s+came\s+into|due\s+to\s+expire|set\s+to\s+expire)\b"
                    r"|\s+(?:lets|allows|permits|exempts|requires|obliges|entitles)\s+(?:\w+\s+){0,2}(?:companies|firms|businesses|investors|taxpayers|employers|banks|exporters|importers|residents|foreigners|individuals|households|funds|travell?ers|visitors|citizens\s+of)\b"
                    r"|\s+(?:came\s+into\s+(?:force|effect)|takes?\s+effect|took\s+effect|entered\s+into\s+force|expires?|lapsed?|will\s+apply|applies\s+to))")
REGIME_EXCLUDES = (r"\b(?:tax(?:es|ation|payers?|able)?|vat|tariffs?|levy|levies|excise|customs\s+dut(?:y|ies)|duty-free|exemptions?|deductions?|allowances?|depreciation|"
                   r"dividends?|royalt(?:y|ies)|capital\s+gains|accounting|licen[cs]es|licensing|compliance|regulators?|statutory|directive|pensions?|"
                   r"insolvency|bankruptcy|residency|residence\s+permits?|work\s+permits?|non-doms?|domicile|transfer\s+pricing|withholding|"
                   # choosing or registering for a scheme: the administrative sense
                   r"freelancers?|self-employed|sole\s+traders?|registrations?|opt(?:s|ed|ing)?\s+(?:in|out|for|into)|switch(?:es|ed|ing)?\s+(?:back|to|between)|"
                   r"eligib\w*|applicants?|turnover|invoic\w*)\b")
REGIME_KEEP_BEFORE = (r"(?:(?-i:\b(?!(?:The|A|An|This|That|These|Those|Its|Their|Our|His|Her|New|Under|In|Since|When|While|But|And|If|As|For|Such|Each|Every|Any|No|Current|Existing|Former|Previous|Old|Special|EU|European|UK|US|U\.S\.)\b)[A-Z][\w’'.-]*)"
                      r"|\b(?:criminal|brutal|murderous|authoritarian|totalitarian|dictatorial|despotic|repressive|illegitimate|apartheid|terrorist|terror|occupation|occupying|"
                      r"rogue|tyrannical|oppressive|theocratic|clerical|puppet|fascist|nazi|neo-nazi|zionist|military|communist|islamist|ruling|junta|fallen|toppled|ousted|"
                      r"hardline|mullahs?'?|despot's|dictator's|tyrant's|deposed|defunct))[\s-]+$")

# 'so-called' before a coined or technical name is not distancing ("the so-called Goldilocks zone",
# "a so-called Sputnik moment", "the so-called simplified scheme"): the name's head noun says so.
# Heads that state media put after a distancing 'so-called' are left out on purpose: list ("so-called
# entity list"), mechanism ("so-called snapback mechanism"), rule(s) ("so-called rules-based order"),
# law, problem, card, point.
# (session 7) ... unless the name claims a virtue that "so-called" doubts: "the so-called reform
# programme", "the so-called peace plan", "so-called humanitarian corridors" sneer whatever the head
SO_CALLED_VIRTUE = (r"(?!(?:[\w’'-]+\s+){0,3}?(?:reforms?|peace|peaceful|democra\w*|humanitarian|anti-corruption|"
                    r"transparency|freedom|liberation|reconciliation|justice)\b)")
SO_CALLED_NOT_AFTER = (r"^\s+[\"“”'‘]?" + SO_CALLED_VIRTUE + r"(?:[\w’'-]+\s+){0,3}(?:corridor|belt|triangle|valley|route|road|highway|strip|quarter|district|generation|effect|"
                       r"syndrome|index|bubble|cliff|curve|trap|paradox|basin|arc|particle|gene|genes|method|technique|phenomenon|season|window|"
                       r"hotspot|zone|area|cluster|molecule|cells?|hormone|matter|energy|wave|waves|layer|ring|sequence|process|maneuver|manoeuvre|"
                       r"test|principle|number|constant|ratio|rate|scheme|moment|phase|period|era|gap|economy|diet|model|dilemma|"
                       r"hypothesis|clause|visa|tax|fee|threshold|limit|theorem|protocol|procedure|algorithm|"
                       r"planet|galaxy|dwarf|comet|asteroid|storm|dome|cloud|jet|stream|loop|cycle|spiral|bond|note|option|"
                       r"account|fund|category|tier|pathway|programme|program|corner)s?\b"
                       # (H20) a nickname glossed with the official name is a nickname, not a sneer: the gloss must
                       # follow the capitalised name directly ("the so-called Steps, whose official name is ...",
                       # "the so-called Gap, officially named ..."); H22: a gloss later in the sentence glosses
                       # something else ("the so-called reformers ..., led by a lawmaker nicknamed ...")
                       # (session 7) the name may end in one lowercase head ("the so-called Magdeburg rights")
                       r"|^\s+[\"“'‘]?(?-i:[A-Z])[\w’'.-]*(?:\s+(?:of\s+|the\s+)?(?-i:[A-Z])[\w’'.-]*){0,3}(?:\s+(?-i:[a-z])[\w-]*)?[\"”'’]?\s*(?:,|\(|—|–|-)?\s*"
                       # an appositive may carry the gloss ("the so-called Forty Steps, the stepped lane whose official name is ...")
                       r"(?:(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}(?=whose\s))?"
                       r"(?:whose\s+(?:official|real|proper|formal|actual|registered)\s+name|officially\s+(?:called|named|known\s+as|designated)"
                       r"|(?:also\s+)?known\s+(?:locally|officially|formally)\s+as|as\s+(?:locals|residents|people\s+here)\s+(?:call|know)\s+it|nicknamed|a\s+nickname\s+for"
                       # (session 7) the formal name or a definition glosses it: "the so-called K-Chips Act, formally an
                       # amendment to ...", "the so-called Magdeburg rights, the body of German town law that ..."
                       r"|(?:formally|officially|properly|technically)\s+(?:an?|the|called|named|known)\b"
                       r"|(?:the|a|an)\s+(?:body|set|system|code|collection)\s+of\b)")
# 'hysteria' as a diagnosis in medical history ("what earlier doctors called collective hysteria")
# is not the pathologising label; a political modifier right before it keeps the label.
HYSTERIA_EXCLUDES = (r"\b(?:psychogenic|conversion\s+disorder|freud\w*|charcot|diagnos\w*|patients?|doctors?|physicians?|psychiatr\w*|"
                     r"neurolog\w*|medical|medicine|symptoms?|victorian|(?:18th|19th|eighteenth|nineteenth)[- ]century|hypnosis|asylums?|"
                     r"illness|womb|uterus|epidemic\s+of\s+dancing|dancing\s+plague|tarantism)\b")
HYSTERIA_KEEP_BEFORE = (r"\b(?:anti-[\w-]+|war|spy|media|political|russophobic|militaristic|sanctions|migrant|migration|covid|climate|"
                        r"moral|nuclear|mccarthyite|witch-hunt)\s+$")
# 'Kiev' in historical proper names (the medieval principality, the Russian-empire governorate, the
# 1941 battle) is the historical name, not a present-day choice of spelling.
KIEV_NOT_BEFORE = (r"(?:#\w*|(?:chicken|dynamo|spelling|spelled|spelt|transliteration|name|word|form)\s+[\"“”'‘]?"
                   r"|(?:prince|princes|grand\s+prince|princess|principality|metropolitan|battle|governorate|voivodeship|grand\s+duchy|"
                   r"rus'?|olga|vladimir|yaroslav|sviatoslav)\s+of\s+)$")
KIEV_NOT_AFTER = (r"^(?:-style|[\"”“'’]?\s+(?:spelling|transliteration)|\s+(?:cutlet|chicken|cake|cakes)|\s+(?-i:Governorate|Voivodeship|Rus|Principality|"
                  r"Pechersk|Military\s+District|Conservatory|Polytechnic|Ballet|Opera))\b")

#: Context revisions of reviewed rows, applied on rebuild (why: see the comment above each).
REVISED: dict[str, dict[str, str]] = {
    # triggers for the pattern rows that predate the column (see _pattern)
    r"\b(?:these|those|are|were|like|such)\s+(animals)\b": {"trigger": "animals"},
    r"\b(?:their|its|his|her|western|american|foreign|colonial|imperial|overseas|nato|us|u\.s\.|washington's|washington’s)\s+(masters)\b": {"trigger": "masters"},
    r"\b(zionists?)(?=\s+(?:regime|entity|enemy|occupiers|occupation|forces|army|state|lobby|aggression|usurpers|criminals|settlers)\b)": {"trigger": "zionist"},
    r"terror(?=\s+(?:group|groups|organi[sz]ations?|corridor|state|regime|army|outfit|network|elements|cells?)\b)": {"trigger": "terror"},
    "so-called": {"not_after": SO_CALLED_NOT_AFTER},
    "hysteria": {"excludes": HYSTERIA_EXCLUDES, "keep_before": HYSTERIA_KEEP_BEFORE,
                 "note": "pathologising label; a diagnosis in medical history is skipped unless a political modifier precedes it"},
    # (session 7) the adjective and adverb in medical history ("demonstrations of hysterical patients") too
    "hysterical": {"excludes": HYSTERIA_EXCLUDES, "keep_before": HYSTERIA_KEEP_BEFORE,
                   "note": "a diagnosis in medical history is skipped unless a political modifier precedes it"},
    "hysterically": {"excludes": HYSTERIA_EXCLUDES, "keep_before": HYSTERIA_KEEP_BEFORE,
                     "note": "adverb of 'hysterical'; a diagnosis in medical history is skipped unless a political modifier precedes it"},
    "Kiev": {"not_before": KIEV_NOT_BEFORE, "not_after": KIEV_NOT_AFTER},
    # 'Daesh' is the name the UK and French governments and most Arab media use for Islamic State: a
    # naming convention (weight 0.6), not a pejorative; glossed as a name ("also known as Daesh",
    # "its Arabic acronym Daesh") it is mentioned, not used.
    "daesh": {
        "not_before": r"(?:known\s+as|called|calls\s+it|acronym|name|term|dubbed|or)\s+(?:the\s+)?[\"“”'‘]?$",
        "note": "opponents' name for Islamic State (UK/French government and Arab media usage); a gloss ('also known as Daesh') is a mention",
    },
    "blockade": {
        # 'banking' only right before it ("banking blockade"): a naval blockade that "hit the banking
        # system" is literal (H22)
        "requires": r"\b(?:cuba|cuban|cubans|venezuela|venezuelan|venezuelans|nicaragua|nicaraguan|economic|commercial|financial|unilateral|genocidal|criminal|imperial\w*)\b"
                    r"|\bbanking\s+blockades?\b",
        "note": "'blockade' for US sanctions on Cuba, Venezuela or Nicaragua (those governments' framing) or for financial sanctions ('banking blockade'); literal road and naval blockades are skipped",
    },
    # the sanctions-as-crimes family: 'sanctions' needs a sanctioning state (see SANCTIONS_CRIME_REQUIRES);
    # 'blockade'/'embargo' are BLOCKADE_CRIME_PATTERN's, which needs none
    SANCTIONS_CRIME_PATTERN: {"requires": SANCTIONS_CRIME_REQUIRES,
                              "note": "sanctions qualified as unlawful or criminal in the outlet's voice; neutral: 'sanctions', 'US sanctions'"},
    "regime": {
        "not_before": REGIME_NOT_BEFORE,
        "not_after": REGIME_NOT_AFTER,
        "excludes": REGIME_EXCLUDES,
        "keep_before": REGIME_KEEP_BEFORE,
        "note": "'regime' for a government; policy, legal and technical regimes are skipped (policy noun before it, "
                "a rule described after it, fiscal or legal vocabulary in the sentence) unless a name, demonym or pejorative "
                "right before it marks the government sense",
    },
}

#: Terms removed on rebuild (curated earlier, then judged not loaded; reason in LOADED_TERMS.md).
REMOVED = frozenset({"taiwan region", "dpp authorities"})

#: Slips in reviewed rows, corrected on rebuild.
RENAMED = {"tydictator": "dictator",
           # session 7: the coup row reports the whole compound ("coup-plotters"), not only "coup"
           r"\b(coup)(?:s|\s+attempts?|\s+plot(?:s|ters)?|-plotters?)?\b":
               r"\b(coup(?:s|\s+attempts?|\s+plot(?:s|ters)?|-plotters?)?)\b"}


def derived_rows(rows: list[dict[str, str]], inside: Counter, total: Counter, babe: Counter, rec: set[str], mpqa: set[str]) -> list[dict[str, str]]:
    """Derivational forms of listed stems that have evidence of their own (see module docstring)."""
    from labeler.cues.loaded_terms import inflections

    listed = set()
    for r in rows:
        if r["is_pattern"] != "true":
            listed.update(inflections(r["term"].lower(), r["inflect"]))
    out: dict[str, dict[str, str]] = {}
    for r in rows:
        if r["is_pattern"] == "true" or r["case_sensitive"] == "true" or any(r.get(c) for c in ("not_before", "not_after", "requires", "excludes")):
            continue
        stem = r["term"].lower()
        head, _, last = stem.rpartition(" ")
        for old, new, inflect, kind in DERIVATIONS:
            if not last.endswith(old) or len(last) - len(old) < 3:
                continue
            form = (head + " " if head else "") + last[: len(last) - len(old)] + new
            if form in listed or form in out or form in REMOVED:
                continue
            n_in, n_all = inside.get(form, 0), total.get(form, 0)
            attested = n_in > 0 or babe.get(form, 0) > 0 or form in mpqa or form in rec
            neutral = n_all >= 3 and n_in / n_all < MIN_DERIVED_RATIO
            if not attested or neutral:
                continue
            cat = r["category"]
            if kind == "agent":
                cat = "pejorative_label"
            elif kind in ("adverb", "noun") and cat == "pejorative_label":
                cat = "pejorative"
            src = [f"derived form of listed '{stem}' (-{old} -> -{new})"] + [MPQA_SOURCE] * (form in mpqa)
            out[form] = _row(form, cat, "; ".join(src), r["inflect"] if inflect == "same" else inflect,
                             note=f"{kind} of '{stem}'")
    return sorted(out.values(), key=lambda x: x["term"])


def build(root: Path, csv_path: Path) -> int:
    """Rebuild ``csv_path``: reviewed rows + curated rows + derived forms, sorted, counts refreshed.

    Idempotent: a curated or derived term already in the file is left as it is (its reviewed
    context columns win)."""
    inside, total, by_tech = ptc_counts(root)
    babe = babe_counts(root)
    rec = recasens_lemmas(root)
    mpqa = mpqa_strong_negative(root)
    with open(csv_path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields, rows = list(reader.fieldnames or []), list(reader)
    if "keep_before" not in fields:
        fields.insert(fields.index("excludes") + 1, "keep_before")
    if "trigger" not in fields:
        fields.append("trigger")
    if "scope" not in fields:
        fields.append("scope")
    for r in rows:
        r.setdefault("keep_before", "")
        r["trigger"] = r.get("trigger") or ""
        r["scope"] = r.get("scope") or ""
        r["term"] = RENAMED.get(r["term"], r["term"])
        r.update(REVISED.get(r["term"], {}))
    rows = [r for r in rows if r["term"].lower() not in REMOVED]
    have = {r["term"].lower() for r in rows}
    added = [dict(c) for c in CURATED if c["term"].lower() not in have and c["term"].lower() not in REMOVED]
    rows += added
    derived = derived_rows(rows, inside, total, babe, rec, mpqa)
    rows += derived
    rows.sort(key=lambda r: (r["category"], r["is_pattern"] == "true", r["term"].lower()))
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(added)} curated and {len(derived)} derived rows added to {csv_path}", file=sys.stderr)
    for r in derived:
        print("derived", r["term"], r["category"], r["source"], sep="\t", file=sys.stderr)
    return refresh_sources(root, csv_path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-root", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--min-in", type=int, default=2, help="min PTC train in-span count")
    ap.add_argument("--min-ratio", type=float, default=0.3, help="min PTC in-span / all occurrences")
    ap.add_argument("--min-babe", type=int, default=3, help="min BABE biased-word marks")
    ap.add_argument("--check", type=Path, help="recompute evidence for a curated CSV instead")
    ap.add_argument("--train-precision", type=Path, help="per-form precision of a curated CSV on PTC train")
    ap.add_argument("--build", type=Path, help="add curated rows and derived forms to a curated CSV, then refresh its counts")
    ap.add_argument("--refresh-sources", type=Path, help="rewrite the dataset counts in a curated CSV's source column")
    args = ap.parse_args(argv)
    if not (args.data_root / "ptc_semeval2020_task11").exists():
        print(f"data root {args.data_root} has no ptc_semeval2020_task11/", file=sys.stderr)
        return 2
    if args.check:
        return check(args.data_root, args.check)
    if args.build:
        return build(args.data_root, args.build)
    if args.refresh_sources:
        return refresh_sources(args.data_root, args.refresh_sources)
    if args.train_precision:
        return train_precision(args.data_root, args.train_precision)
    rows = candidates(args.data_root, args.min_in, args.min_ratio, args.min_babe)
    w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["term"], delimiter="\t")
    w.writeheader()
    w.writerows(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
