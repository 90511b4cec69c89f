"""Loaders for the labelled corpora the model learns from, one function per format.

Every loader takes the dataset's folder (or the data root holding it) as an argument, so a
researcher can point it at their own copy; nothing here knows where ``../shared`` is. Each
returns a DataFrame whose columns are listed in its docstring; ``text`` is always the text
to classify. The licences differ (several are research-only): see each folder's SOURCE.md
and ``LICENSES`` below before redistributing anything trained on them.
"""
from __future__ import annotations

import ast
import html
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

PathLike = str | os.PathLike

# Folder names under the data root, and the licence each SOURCE.md states (for the model card).
FOLDERS = {
    "ptc": "ptc_semeval2020_task11",
    "babe": "babe_mbic",
    "hyperpartisan": "semeval2019_task4_hyperpartisan_byarticle",
    "basil": "basil",
    "ruwa": "ruwa_russia_ukraine_war_news",
    "china": "china_state_media_headlines",
    "allsides": "article_bias_prediction_allsides",
    "lexicons": "bias_lexicons_recasens2013",
    "fnc1": "fnc1_stance_competition_test",
    "euvsdisinfo": "euvsdisinfo_cases_outlets",
}
LICENSES = {
    "ptc": "no licence stated; research use only, do not redistribute (PTC, Da San Martino et al. 2019/2020)",
    "babe": "AGPL-3.0 repository, CC BY-NC 4.0 on Hugging Face; research/non-commercial (Spinde et al. 2021)",
    "hyperpartisan": "CC BY 4.0 (Kiesel et al. 2019)",
    "basil": "no licence stated; research use (Fan et al. 2019)",
    "ruwa": "CC BY-NC-SA 4.0 (Khairova et al. 2023)",
    "china": "no licence stated; scraped headlines, research use only (pontyl/news-sentivis)",
    "allsides": "Apache-2.0 repository; article texts copyrighted by publishers, research use (Baly et al. 2020)",
    "lexicons": ("MIT (Pryzant et al. 2020 copies); Riloff & Wiebe 2003 subjectives and Hu & Liu 2004 opinion "
                 "words free for research; Recasens et al. 2013 bias lexicon released for research"),
    "fnc1": ("no licence stated; research use (FNC-1 competition test set, Pomerleau & Rao 2017; claims from "
             "Emergent, Ferreira & Vlachos 2016)"),
    "euvsdisinfo": ("no licence stated; scraped from euvsdisinfo.eu (EEAS East StratCom Task Force), research use "
                    "with attribution (scrape by C. Knabenhans, github.com/cknabs/EUvsDisinfo)"),
}

# PTC techniques that count as loaded language for the sentence model.
PTC_LOADED = ("Loaded_Language", "Name_Calling,Labeling")

# Outlets that RUWA and the China headline set hold, with whether the outlet is state media
# (state-controlled or, for News Front, Kremlin-directed per EU sanctions listings).
RUWA_OUTLETS = {
    "rt.com": ("RT", True),
    "tass.com": ("TASS", True),
    "en.news-front.info": ("News Front", True),
    "reuters.com": ("Reuters", False),
    "bbc.co.uk": ("BBC", False),
    "aljazeera.com": ("Al Jazeera", False),
    "www.msnbc.com": ("MSNBC", False),
    "ukrinform.net": ("Ukrinform", False),
    "censor.net": ("Censor.NET", False),
}


class DatasetError(ValueError):
    """A dataset folder or file is missing or not in the expected format."""


def resolve(root: PathLike, name: str) -> Path:
    """The folder of dataset ``name`` given either the data root or the folder itself."""
    if name not in FOLDERS:
        raise DatasetError(f"unknown dataset {name!r}; known: {', '.join(FOLDERS)}")
    p = Path(root)
    if (p / FOLDERS[name]).is_dir():
        return p / FOLDERS[name]
    if p.is_dir() and p.name == FOLDERS[name]:
        return p
    raise DatasetError(f"dataset {name!r} not found: neither {p / FOLDERS[name]} nor {p} is its folder "
                       f"(expected a folder named {FOLDERS[name]!r})")


# --------------------------------------------------------------------------- PTC
def load_ptc(root: PathLike, split: str = "train", *, limit: int | None = None) -> pd.DataFrame:
    """PTC articles with their technique spans.

    Columns: ``article_id`` (str), ``split``, ``title``, ``text`` (the whole file: title,
    blank line, body; span offsets index into it), ``spans`` (list of
    ``(technique, start, end)``; empty for the unlabelled test split).
    """
    folder = resolve(root, "ptc")
    if split not in ("train", "dev", "test"):
        raise DatasetError(f"PTC split {split!r} not in: train, dev, test")
    spans: dict[str, list[tuple[str, int, int]]] = {}
    labels = folder / f"{split}-task-flc-tc.labels"
    if labels.exists():
        for line in labels.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 4:
                spans.setdefault(parts[0], []).append((parts[1], int(parts[2]), int(parts[3])))
    files = sorted((folder / f"{split}-articles").glob("article*.txt"))
    if limit is not None:
        files = files[:limit]
    rows = []
    for f in files:
        aid = f.stem.removeprefix("article")
        # newline="" keeps "\r" so that offsets stay those of the organisers.
        with open(f, encoding="utf-8", newline="") as fh:
            text = fh.read()
        rows.append({"article_id": aid, "split": split, "title": text.split("\n", 1)[0].strip(),
                     "text": text, "spans": sorted(spans.get(aid, []), key=lambda s: (s[1], s[2]))})
    return pd.DataFrame(rows, columns=["article_id", "split", "title", "text", "spans"])


def ptc_sentences(articles: pd.DataFrame, techniques: tuple[str, ...] = PTC_LOADED) -> pd.DataFrame:
    """One row per non-empty line of each PTC article (PTC is one sentence per line).

    Columns: ``article_id``, ``start``, ``end`` (offsets in the article), ``text``,
    ``label`` (1 when the sentence overlaps a span of one of ``techniques``),
    ``techniques`` (all techniques overlapping it), ``loaded_spans`` (the overlapping
    spans of ``techniques`` as sentence-relative ``(start, end)``).
    """
    rows = []
    for art in articles.itertuples(index=False):
        pos = 0
        for line in art.text.split("\n"):
            start, end = pos, pos + len(line)
            pos = end + 1
            if not line.strip():
                continue
            over = [(t, s, e) for t, s, e in art.spans if s < end and e > start]
            loaded = [(max(s, start) - start, min(e, end) - start) for t, s, e in over if t in techniques]
            rows.append({"article_id": art.article_id, "start": start, "end": end, "text": line,
                         "label": int(bool(loaded)), "techniques": sorted({t for t, _, _ in over}),
                         "loaded_spans": loaded})
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "text", "label", "techniques",
                                       "loaded_spans"])


# --------------------------------------------------------------------------- BABE / MBIC
def load_babe(root: PathLike, subset: str = "SG2", *, keep_no_agreement: bool = False) -> pd.DataFrame:
    """BABE (SG2, the expert set; SG1) or MBIC (crowd) sentences.

    Columns: ``text``, ``outlet``, ``topic``, ``leaning`` (left/center/right),
    ``label_bias`` (Biased/Non-biased/No agreement), ``label`` (1 = biased),
    ``label_opinion``, ``biased_words`` (list of str), ``url``.
    """
    folder = resolve(root, "babe")
    files = {"SG1": ("final_labels_SG1.csv", ";"), "SG2": ("final_labels_SG2.csv", ";"),
             "MBIC": ("final_labels_MBIC.csv", ",")}
    if subset not in files:
        raise DatasetError(f"BABE subset {subset!r} not in: {', '.join(files)}")
    name, sep = files[subset]
    df = pd.read_csv(folder / name, sep=sep, encoding="utf-8-sig")
    if not keep_no_agreement:
        df = df[df["label_bias"].isin(["Biased", "Non-biased"])]
    out = pd.DataFrame({
        "text": df["text"].astype(str),
        "outlet": df["outlet"],
        "topic": df["topic"],
        "leaning": df["type"],
        "label_bias": df["label_bias"],
        "label": (df["label_bias"] == "Biased").astype(int),
        "label_opinion": df["label_opinion"],
        "biased_words": df["biased_words"].map(_literal_list),
        "url": df["news_link"],
    })
    return out.reset_index(drop=True)


def _literal_list(value) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    try:
        v = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return []
    return [str(x) for x in v] if isinstance(v, (list, tuple)) else []


# --------------------------------------------------------------------------- SemEval-2019
_BLOCK_TAGS = re.compile(r"</?(p|br|div|h\d|li|blockquote)\b[^>]*>", re.I)
_ANY_TAG = re.compile(r"<[^>]+>")


def _xml_text(fragment: str) -> str:
    """Plain text of an article body: paragraphs separated by blank lines."""
    t = _BLOCK_TAGS.sub("\n\n", fragment)
    t = _ANY_TAG.sub("", t)
    for _ in range(2):  # the test file escapes entities twice ("&amp;amp;")
        t = html.unescape(t)
    paras = [re.sub(r"[ \t\r\f\v]+", " ", p).strip() for p in re.split(r"\n\s*\n", t)]
    return "\n\n".join(p for p in paras if p)


def load_hyperpartisan(root: PathLike, split: str = "train") -> pd.DataFrame:
    """SemEval-2019 Task 4 by-article (manually labelled) articles.

    Columns: ``article_id``, ``title``, ``text`` (body, paragraphs split by blank lines),
    ``published_at``, ``url``, ``publisher`` (domain of the URL), ``label`` (1 = hyperpartisan).
    Publishers of the test split do not occur in train.
    """
    folder = resolve(root, "hyperpartisan")
    stamps = {"train": "training-byarticle-20181122", "test": "test-byarticle-20181207"}
    if split not in stamps:
        raise DatasetError(f"hyperpartisan split {split!r} not in: train, test")
    truth = {}
    for el in ET.parse(folder / f"ground-truth-{stamps[split]}.xml").getroot():
        truth[el.get("id")] = (el.get("hyperpartisan") == "true", el.get("url", ""))
    rows = []
    for el in ET.parse(folder / f"articles-{stamps[split]}.xml").getroot():
        aid = el.get("id")
        inner = (el.text or "") + "".join(ET.tostring(c, encoding="unicode") for c in el)
        label, url = truth.get(aid, (None, ""))
        host = urlparse(url).netloc.lower().removeprefix("www.")
        rows.append({"article_id": aid, "title": el.get("title", ""), "text": _xml_text(inner),
                     "published_at": el.get("published-at"), "url": url, "publisher": host,
                     "label": int(label) if label is not None else None})
    return pd.DataFrame(rows, columns=["article_id", "title", "text", "published_at", "url",
                                       "publisher", "label"])


# --------------------------------------------------------------------------- BASIL
def load_basil(root: PathLike) -> pd.DataFrame:
    """BASIL sentences with their bias spans (informational and lexical).

    One row per sentence. Columns: ``article_id`` (uuid_n), ``triplet``, ``outlet``
    (fox/nyt/hpo), ``sentence_index``, ``text``, ``lex`` / ``inf`` (1 when the sentence
    holds a lexical / informational bias span), ``spans`` (list of dicts with ``bias``,
    ``start``, ``end`` (sentence-relative), ``txt``, ``quote`` (bool), ``speaker``,
    ``polarity``, ``target``), ``stance`` (article-level relative stance).
    """
    folder = resolve(root, "basil")
    rows = []
    for f in sorted((folder / "articles").glob("*/*.json")):
        art = json.loads(f.read_text(encoding="utf-8"))
        ann_file = folder / "annotations" / f.parent.name / f"{f.stem}_ann.json"
        ann = json.loads(ann_file.read_text(encoding="utf-8")) if ann_file.exists() else {}
        by_sentence: dict[int, list[dict]] = {}
        for a in ann.get("phrase-level-annotations", []):
            m = re.fullmatch(r"p(\d+)", str(a.get("id", "")))
            if m:
                by_sentence.setdefault(int(m.group(1)), []).append({
                    "bias": a.get("bias"), "start": a.get("start"), "end": a.get("end"),
                    "txt": a.get("txt"), "quote": a.get("quote") == "yes", "speaker": a.get("speaker") or None,
                    "polarity": a.get("polarity"), "target": a.get("target")})
        stance = ann.get("article-level-annotations", {}).get("relative_stance")
        sentences = [s for para in art.get("body-paragraphs", []) for s in para]
        for i, s in enumerate(sentences):
            if not str(s).strip():
                continue
            spans = by_sentence.get(i, [])
            rows.append({"article_id": f.stem, "triplet": art.get("triplet-uuid"),
                         "outlet": str(art.get("source", "")).lower(), "sentence_index": i, "text": s,
                         "lex": int(any(x["bias"] == "lex" for x in spans)),
                         "inf": int(any(x["bias"] == "inf" for x in spans)),
                         "spans": spans, "stance": stance})
    return pd.DataFrame(rows, columns=["article_id", "triplet", "outlet", "sentence_index", "text",
                                       "lex", "inf", "spans", "stance"])


# --------------------------------------------------------------------------- outlet-labelled
def load_ruwa(root: PathLike) -> pd.DataFrame:
    """RUWA titles and ledes from Russian state, Ukrainian and Western outlets.

    Columns: ``text`` (title and lede joined, outlet self-references such as
    "| Censor.NET" left in: strip them before training a style model), ``title``, ``lede``,
    ``outlet``, ``domain``, ``state_media`` (1 for RT, TASS, News Front), ``event``,
    ``date``, ``url``.
    """
    folder = resolve(root, "ruwa")
    df = pd.read_csv(folder / "RUWA_04.08.23.csv", dtype=str, keep_default_na=False)
    title, lede = df["title"].str.strip(), df["desc"].str.strip()
    text = [(t + "\n\n" + d) if t and d and d != t else (t or d) for t, d in zip(title, lede)]
    dom = df["Site"].str.lower()
    out = pd.DataFrame({
        "text": text, "title": title, "lede": lede,
        "outlet": dom.map(lambda d: RUWA_OUTLETS.get(d, (d, False))[0]),
        "domain": dom,
        "state_media": dom.map(lambda d: int(RUWA_OUTLETS.get(d, (d, False))[1])),
        "event": df["Event"], "date": pd.to_datetime(df["Date"], format="%m/%d/%Y", errors="coerce"),
        "url": df["src"],
    })
    return out[out["text"].str.strip() != ""].reset_index(drop=True)


def load_china_headlines(root: PathLike) -> pd.DataFrame:
    """Headlines of CGTN, Xinhua, Global Times, China Daily (state) and BBC (control), 2022.

    Columns: ``text`` (the headline), ``outlet``, ``state_media`` (1 unless the State
    Media Monitor type is IP, independent public), ``smm_typology``, ``section``,
    ``source_file``.
    """
    folder = resolve(root, "china")
    df = pd.read_csv(folder / "headlines_dedup.csv", dtype=str, keep_default_na=False)
    return pd.DataFrame({
        "text": df["headline"], "outlet": df["outlet"],
        "state_media": (df["smm_typology"] != "IP").astype(int),
        "smm_typology": df["smm_typology"], "section": df["section"], "source_file": df["source_file"],
    })


def load_allsides(root: PathLike, *, fulltext: bool = True) -> pd.DataFrame:
    """Article-Bias-Prediction articles: outlet-labelled controls (Reuters, AP, BBC...).

    ``fulltext=True`` reads the 3,352 articles with bodies, else the 37,554 metadata rows
    (``text`` is then the title). Columns: ``article_id``, ``text``, ``title``, ``outlet``,
    ``domain``, ``url``, ``date``, ``topic``, ``bias_text`` (left/center/right),
    ``split_media``, ``split_random``.
    """
    folder = resolve(root, "allsides")
    if fulltext:
        df = pd.read_json(folder / "articles_fulltext_subset.jsonl", lines=True, dtype=False)
        text = df["content_original"].fillna("").astype(str)
    else:
        df = pd.read_csv(folder / "articles_metadata.csv", dtype=str, keep_default_na=False)
        text = df["title"].astype(str)
    return pd.DataFrame({
        "article_id": df["ID"].astype(str), "text": text, "title": df["title"].astype(str),
        "outlet": df["source"], "domain": df["source_url"], "url": df["url"], "date": df["date"],
        "topic": df["topic"], "bias_text": df["bias_text"],
        "split_media": df["split_media"].fillna(""), "split_random": df["split_random"].fillna(""),
    })


# --------------------------------------------------------------------------- word lists
LEXICON_FILES = {
    "strong subjective": "strong_subjectives_riloff2003.txt",
    "weak subjective": "weak_subjectives_riloff2003.txt",
    "NPOV bias": "npov_lexicon.txt",
    "negative opinion": "negative_liu2005.txt",
    "positive opinion": "positive_liu2005.txt",
    "hedge": "hedges_hyland2005.txt",
    "report verb": "report_verbs.txt",
    "factive": "factives_hooper1975.txt",
    "assertive": "assertives_hooper1975.txt",
}


def load_lexicons(root: PathLike) -> dict[str, list[str]]:
    """The bias and subjectivity word lists (Recasens 2013 / Pryzant 2020 copies), by name.

    Used only to build hashed membership features (``labeler.model.text_features``):
    the lists themselves are never stored in a model or in the project.
    """
    folder = resolve(root, "lexicons") / "pryzant_neutralizing_bias"
    out = {}
    for name, fname in LEXICON_FILES.items():
        lines = (folder / fname).read_text(encoding="latin-1").splitlines()
        out[name] = [w.strip() for w in lines if w.strip() and not w.startswith((";", "#"))]
    return out


# --------------------------------------------------------------------------- researcher CSV
def load_labelled_csv(path: PathLike, *, text_col: str = "text", label_cols: list[str] | None = None,
                      **read_kw) -> pd.DataFrame:
    """A researcher's own table: a text column plus one 0/1 column per label.

    ``label_cols=None`` keeps every other column whose values are all 0/1 (or true/false).
    Returns ``text`` plus the label columns as int. Rows with empty text are dropped.
    Reads CSV, TSV (by extension), JSONL and Parquet.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".parquet":
        df = pd.read_parquet(p)
    elif suffix in (".jsonl", ".ndjson"):
        df = pd.read_json(p, lines=True, dtype=False)
    else:
        df = pd.read_csv(p, sep="\t" if suffix == ".tsv" else read_kw.pop("sep", ","), **read_kw)
    return labelled_frame(df, text_col=text_col, label_cols=label_cols)


def labelled_frame(df: pd.DataFrame, *, text_col: str = "text", label_cols: list[str] | None = None) -> pd.DataFrame:
    """Validate and normalise an in-memory labelled table (see :func:`load_labelled_csv`)."""
    if text_col not in df.columns:
        raise DatasetError(f"column {text_col!r} not found; columns are: {', '.join(map(str, df.columns))}")
    if label_cols is None:
        label_cols = [c for c in df.columns if c != text_col and _is_binary(df[c])]
        if not label_cols:
            raise DatasetError(f"no 0/1 label column found; columns are: {', '.join(map(str, df.columns))}")
    missing = [c for c in label_cols if c not in df.columns]
    if missing:
        raise DatasetError(f"label column(s) {', '.join(map(repr, missing))} not found; "
                           f"columns are: {', '.join(map(str, df.columns))}")
    out = pd.DataFrame({"text": df[text_col].fillna("").astype(str)})
    for c in label_cols:
        if not _is_binary(df[c]):
            bad = sorted({str(v) for v in df[c].dropna().unique()} - {"0", "1", "True", "False", "true", "false"})
            raise DatasetError(f"label column {c!r} must hold 0/1 values; found {', '.join(bad[:5])}")
        out[c] = df[c].map(_to01)
    return out[out["text"].str.strip() != ""].reset_index(drop=True)


def _to01(v) -> int | None:
    if v is None or (isinstance(v, float) and v != v):
        return None
    return int(str(v).strip().lower() in ("1", "true", "1.0"))


def _is_binary(col: pd.Series) -> bool:
    vals = {str(v).strip().lower() for v in col.dropna().unique()}
    return bool(vals) and vals <= {"0", "1", "true", "false", "0.0", "1.0"}


# --------------------------------------------------------------------------- FNC-1
FNC1_STANCES = ("agree", "discuss", "disagree")


def load_fnc1_bodies(root: PathLike) -> pd.DataFrame:
    """FNC-1 competition-test article bodies with their stances towards the related headlines.

    One row per body. Columns: ``body_id``, ``text`` (the article body), ``headlines`` (list
    of the related headlines, i.e. the rumour claims the body was labelled against; the
    ``unrelated`` pairs are random pairings and are left out), ``agree`` / ``discuss`` /
    ``disagree`` (number of related headlines with that stance), ``stance`` (the most
    frequent of the three; ``None`` on a tie or when no headline is related).
    """
    folder = resolve(root, "fnc1")
    try:
        bodies = pd.read_csv(folder / "competition_test_bodies.csv")
        pairs = pd.read_csv(folder / "competition_test_stances.csv")
    except (OSError, pd.errors.ParserError) as e:
        raise DatasetError(f"FNC-1 files unreadable in {folder}: {e}") from e
    for df, cols in ((bodies, ["Body ID", "articleBody"]), (pairs, ["Headline", "Body ID", "Stance"])):
        missing = [c for c in cols if c not in df.columns]
        if missing:
            raise DatasetError(f"FNC-1 column(s) {', '.join(missing)} not found; columns are: "
                               f"{', '.join(map(str, df.columns))}")
    related = pairs[pairs["Stance"].isin(FNC1_STANCES)]
    heads = related.groupby("Body ID")["Headline"].agg(lambda h: sorted(set(h)))
    counts = related.groupby(["Body ID", "Stance"]).size().unstack(fill_value=0)
    counts = counts.reindex(columns=list(FNC1_STANCES), fill_value=0)
    rows = []
    for body_id, text in zip(bodies["Body ID"], bodies["articleBody"].fillna("").astype(str)):
        c = counts.loc[body_id] if body_id in counts.index else pd.Series(0, index=list(FNC1_STANCES))
        top = c.max()
        winners = [k for k in FNC1_STANCES if c[k] == top]
        rows.append({"body_id": int(body_id), "text": text,
                     "headlines": heads.get(body_id, []), **{k: int(c[k]) for k in FNC1_STANCES},
                     "stance": winners[0] if top > 0 and len(winners) == 1 else None})
    return pd.DataFrame(rows, columns=["body_id", "text", "headlines", *FNC1_STANCES, "stance"])


# --------------------------------------------------------------------------- EUvsDisinfo
# Titles that are no assertion: scrape artefacts and bare topic labels.
_EUVS_JUNK = re.compile(r"^(show more|bit\.ly|n/?a|none|untitled)$|https?://|www\.", re.I)


def load_euvsdisinfo_claims(root: PathLike, *, min_words: int = 4) -> pd.DataFrame:
    """EUvsDisinfo case titles: one short English assertion per case, judged disinformation.

    Columns: ``text`` (the claim title, whitespace collapsed), ``date``, ``case_id`` (the
    case URL), ``keywords`` and ``outlets`` (lists). Junk titles (scrape artefacts, links,
    fewer than ``min_words`` words) and repeated titles (the same claim in several cases)
    are dropped, keeping the first.
    """
    folder = resolve(root, "euvsdisinfo")
    try:
        df = pd.read_csv(folder / "posts.csv", dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError) as e:
        raise DatasetError(f"EUvsDisinfo posts.csv unreadable in {folder}: {e}") from e
    missing = [c for c in ("title", "date", "id", "keywords", "outlets") if c not in df.columns]
    if missing:
        raise DatasetError(f"EUvsDisinfo column(s) {', '.join(missing)} not found; columns are: "
                           f"{', '.join(map(str, df.columns))}")
    text = df["title"].map(lambda t: re.sub(r"\s+", " ", html.unescape(t)).strip())
    keep = (text.str.split().str.len() >= min_words) & ~text.map(lambda t: bool(_EUVS_JUNK.search(t)))
    split = lambda v: [x.strip() for x in v.split("+") if x.strip()]  # noqa: E731
    out = pd.DataFrame({"text": text, "date": pd.to_datetime(df["date"], errors="coerce"), "case_id": df["id"],
                        "keywords": df["keywords"].map(split), "outlets": df["outlets"].map(split)})[keep]
    out = out[~out["text"].str.lower().duplicated()]
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------- hand-labelled articles
def load_labelled_articles(paths: PathLike | Iterable[PathLike]) -> list[dict]:
    """Rows of hand-labelled JSONL files in the challenge-set format (``id``, ``url``, ``title``,
    ``text``, ``labels{...}``), in file order; files that do not exist are skipped, so a recipe
    run from an installed package (without the repository's fixtures) still works."""
    out: list[dict] = []
    for path in [paths] if isinstance(paths, (str, os.PathLike)) else paths:
        p = Path(path)
        if not p.is_file():
            continue
        with open(p, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as e:
                        raise ValueError(f"{p}, line {n}: not a JSON object ({e.msg})") from None
                    if not isinstance(row, dict):
                        raise ValueError(f"{p}, line {n}: not a JSON object (a {type(row).__name__})")
                    out.append(row)
    return out


def _claim_norm(s: str) -> str:
    return re.sub(r"\W+", " ", (s or "").lower()).strip()


MIN_CLAIM_MATCH = 15  # characters: a shorter sentence contained in a labelled one ("He said so.") is no match


def claim_matches(predicted: str, labelled: str) -> bool:
    """A found claim sentence is a labelled one: equal after lower-casing and folding punctuation, or
    one contains the other (sentence splitters differ at quotes and dashes), the contained one at
    least :data:`MIN_CLAIM_MATCH` characters long."""
    p, g = _claim_norm(predicted), _claim_norm(labelled)
    if not p or not g:
        return False
    return p == g or (min(len(p), len(g)) >= MIN_CLAIM_MATCH and (p in g or g in p))


# --------------------------------------------------------------------------- claim annotations
ANNOTATED_CORPORA = ("ptc", "hyperpartisan", "allsides", "ruwa")
# Article-Bias-Prediction outlets left out of the annotated documents: the wire copy that the claim
# model's neutral negatives and its wire figures come from.
ANNOTATION_SKIPPED_OUTLETS = frozenset({"Reuters", "Associated Press", "BBC News", "BBC"})


def claim_annotation_documents(root: PathLike) -> pd.DataFrame:
    """The documents whose sentences project annotators labelled for contested claims: PTC train,
    hyperpartisan train, Article-Bias-Prediction non-wire outlets and RUWA ledes (training splits
    only). Columns: ``corpus``, ``doc_id``, ``outlet``, ``title``, ``text``; offsets in
    ``data/claim_sentence_labels.csv`` index into ``text``."""
    parts = []
    p = load_ptc(root, "train")
    parts.append(pd.DataFrame({"corpus": "ptc", "doc_id": p["article_id"].astype(str), "outlet": "",
                               "title": p["title"], "text": p["text"]}))
    h = load_hyperpartisan(root, "train")
    parts.append(pd.DataFrame({"corpus": "hyperpartisan", "doc_id": h["article_id"].astype(str),
                               "outlet": h["publisher"], "title": h["title"], "text": h["text"]}))
    a = load_allsides(root)
    a = a[~a["outlet"].isin(ANNOTATION_SKIPPED_OUTLETS)]
    parts.append(pd.DataFrame({"corpus": "allsides", "doc_id": a["article_id"].astype(str), "outlet": a["outlet"],
                               "title": a["title"], "text": a["text"]}))
    r = load_ruwa(root)
    r = r[r["lede"].fillna("").str.split().str.len() >= 8]
    parts.append(pd.DataFrame({"corpus": "ruwa", "doc_id": r["url"].astype(str), "outlet": r["outlet"],
                               "title": r["title"], "text": r["lede"]}))
    return pd.concat(parts, ignore_index=True).drop_duplicates(["corpus", "doc_id"]).reset_index(drop=True)


def annotation_hash(sentence: str) -> str:
    """The check stored beside each annotation's offsets: a changed corpus copy is caught, not misread."""
    import hashlib

    return hashlib.sha1(" ".join(sentence.split()).encode("utf-8")).hexdigest()[:12]


def load_claim_annotations(root: PathLike, labels: PathLike | None = None) -> pd.DataFrame:
    """Annotated sentences joined to their text: ``corpus``, ``doc_id``, ``text``, ``label``
    (1 = a contested claim asserted in the author's voice), ``sampling``.

    ``labels``: a CSV of ``corpus, doc_id, start, end, sha, label`` (default: the project's
    ``data/claim_sentence_labels.csv``, which holds no corpus text). A row whose document is
    missing, whose offsets or label are not numbers (label not 0/1), or whose sentence no longer
    hashes to ``sha`` is dropped and counted in ``attrs["dropped"]``: a different copy of a corpus
    loses those rows instead of mislabelling."""
    if labels is None:
        from importlib.resources import files

        src = files("labeler.data").joinpath("claim_sentence_labels.csv")
        lab = pd.read_csv(src.open("r", encoding="utf-8"), dtype={"doc_id": str, "sha": str})
    else:
        lab = pd.read_csv(labels, dtype={"doc_id": str, "sha": str})
    missing = {"corpus", "doc_id", "start", "end", "sha", "label"} - set(lab.columns)
    if missing:
        raise DatasetError(f"claim annotations {labels or 'claim_sentence_labels.csv'}: missing column(s) "
                           f"{', '.join(sorted(missing))}")
    for col in ("start", "end", "label"):  # a malformed row is dropped and counted, not a crash
        lab[col] = pd.to_numeric(lab[col], errors="coerce")
    lab = lab.assign(label=lab["label"].where(lab["label"].isin([0, 1])))
    docs = claim_annotation_documents(root).set_index(["corpus", "doc_id"])["text"]
    texts, keep = [], []
    for r in lab.itertuples():
        t = docs.get((r.corpus, r.doc_id))
        usable = isinstance(t, str) and not (pd.isna(r.start) or pd.isna(r.end) or pd.isna(r.label))
        s = t[int(r.start):int(r.end)] if usable else None
        ok = s is not None and annotation_hash(s) == r.sha
        keep.append(ok)
        texts.append(s if ok else "")
    out = lab.assign(text=texts)[keep]
    out = out[["corpus", "doc_id", "text", "label"] + (["sampling"] if "sampling" in lab.columns else [])]
    out = out.reset_index(drop=True)
    out["label"] = out["label"].astype(int)
    out.attrs["dropped"] = int(len(lab) - len(out))
    return out
