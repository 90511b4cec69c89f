"""The corpus loaders: each reads its folder from a path and keeps its column contract."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest


from labeler import datasets as D

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def root():
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared not present")
    return SHARED / "data"


CONTRACTS = {
    "ptc": (lambda r: D.load_ptc(r, "dev", limit=3), ["article_id", "split", "title", "text", "spans"]),
    "babe": (lambda r: D.load_babe(r), ["text", "outlet", "topic", "leaning", "label_bias", "label",
                                        "label_opinion", "biased_words", "url"]),
    "mbic": (lambda r: D.load_babe(r, "MBIC"), ["text", "label", "biased_words"]),
    "hyperpartisan": (lambda r: D.load_hyperpartisan(r, "test"),
                      ["article_id", "title", "text", "published_at", "url", "publisher", "label"]),
    "basil": (lambda r: D.load_basil(r), ["article_id", "triplet", "outlet", "sentence_index", "text",
                                          "lex", "inf", "spans", "stance"]),
    "ruwa": (lambda r: D.load_ruwa(r), ["text", "title", "lede", "outlet", "domain", "state_media",
                                        "event", "date", "url"]),
    "china": (lambda r: D.load_china_headlines(r), ["text", "outlet", "state_media", "smm_typology",
                                                    "section", "source_file"]),
    "allsides": (lambda r: D.load_allsides(r), ["article_id", "text", "title", "outlet", "domain", "url",
                                                "date", "topic", "bias_text", "split_media", "split_random"]),
    "euvsdisinfo": (lambda r: D.load_euvsdisinfo_claims(r), ["text", "date", "case_id", "keywords", "outlets"]),
}


@pytest.mark.parametrize("name", list(CONTRACTS))
def test_loader_returns_documented_columns_and_nonempty_text(root, name):
    load, columns = CONTRACTS[name]
    df = load(root)
    assert set(columns) <= set(df.columns)
    assert len(df) > 0
    assert df["text"].map(lambda t: isinstance(t, str) and t.strip() != "").all()


def test_loader_accepts_the_dataset_folder_itself(root):
    assert len(D.load_babe(root / D.FOLDERS["babe"])) == len(D.load_babe(root))


def test_ptc_span_offsets_lie_inside_the_article(root):
    arts = D.load_ptc(root, "train", limit=10)
    assert all(0 <= s < e <= len(a.text) for a in arts.itertuples() for _, s, e in a.spans)


def test_ptc_sentence_is_positive_exactly_when_it_overlaps_a_loaded_span(root):
    sents = D.ptc_sentences(D.load_ptc(root, "dev", limit=5))
    assert set(sents["label"]) == {0, 1}
    assert (sents["label"] == sents["loaded_spans"].map(bool).astype(int)).all()
    row = sents[sents["label"] == 1].iloc[0]
    s, e = row.loaded_spans[0]
    assert row.text[s:e].strip() != ""


@pytest.mark.parametrize("name, column, expected", [
    ("ruwa", "state_media", {0, 1}),
    ("china", "state_media", {0, 1}),
    ("hyperpartisan", "label", {0, 1}),
    ("babe", "label", {0, 1}),
])
def test_binary_labels_take_both_values(root, name, column, expected):
    assert set(CONTRACTS[name][0](root)[column]) == expected


def test_hyperpartisan_bodies_hold_no_markup_or_escaped_entities(root):
    text = " ".join(D.load_hyperpartisan(root, "test")["text"].head(200))
    assert "<p>" not in text and "&amp;" not in text


def test_unknown_split_names_the_valid_ones(root):
    with pytest.raises(D.DatasetError, match="train, dev, test"):
        D.load_ptc(root, "validation")


def test_missing_folder_says_what_was_expected(tmp_path):
    with pytest.raises(D.DatasetError, match="ptc_semeval2020_task11"):
        D.load_ptc(tmp_path)


def test_researcher_csv_keeps_text_and_binary_label_columns(tmp_path):
    p = tmp_path / "mine.csv"
    pd.DataFrame({"text": ["a b", "c", "  "], "state_media": [1, 0, 1], "loaded_language": ["true", "false", "1"],
                  "note": ["x", "y", "z"]}).to_csv(p, index=False)
    df = D.load_labelled_csv(p)
    assert list(df.columns) == ["text", "state_media", "loaded_language"]
    assert df.to_dict("list") == {"text": ["a b", "c"], "state_media": [1, 0], "loaded_language": [1, 0]}


@pytest.mark.parametrize("kwargs, message", [
    ({"text_col": "body"}, "column 'body' not found; columns are: text, y"),
    ({"label_cols": ["z"]}, "label column\\(s\\) 'z' not found"),
])
def test_researcher_csv_errors_name_the_bad_column(tmp_path, kwargs, message):
    p = tmp_path / "mine.csv"
    pd.DataFrame({"text": ["a"], "y": [1]}).to_csv(p, index=False)
    with pytest.raises(D.DatasetError, match=message):
        D.load_labelled_csv(p, **kwargs)


def test_licences_are_known_for_every_dataset():
    assert set(D.LICENSES) == set(D.FOLDERS)


def test_euvsdisinfo_claims_are_distinct_assertions_without_scrape_junk(root):
    claims = D.load_euvsdisinfo_claims(root)
    assert claims["text"].str.lower().is_unique
    assert (claims["text"].str.split().str.len() >= 4).all()
    assert not claims["text"].str.contains(r"https?://|^show more$", case=False, regex=True).any()
    assert claims["outlets"].map(lambda v: isinstance(v, list)).all()


def test_euvsdisinfo_loader_names_the_missing_column(tmp_path):
    folder = tmp_path / D.FOLDERS["euvsdisinfo"]
    folder.mkdir()
    (folder / "posts.csv").write_text("date,id\n2020-01-01,x\n", encoding="utf-8")
    with pytest.raises(D.DatasetError, match="title"):
        D.load_euvsdisinfo_claims(tmp_path)


def test_labelled_articles_load_in_file_order_and_missing_files_are_skipped(tmp_path):
    from labeler.datasets import load_labelled_articles

    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "x1", "text": "One."}\n\n{"id": "x2", "text": "Two."}\n', encoding="utf-8")
    assert [r["id"] for r in load_labelled_articles([f, tmp_path / "missing.jsonl"])] == ["x1", "x2"]


def test_a_broken_labelled_line_names_its_file_and_line(tmp_path):
    from labeler.datasets import load_labelled_articles

    f = tmp_path / "b.jsonl"
    f.write_text('{"id": "x1"}\n{"id": \n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"b\.jsonl, line 2"):
        load_labelled_articles([f])


@pytest.mark.parametrize("found, labelled, same", [
    ("The sanctions caused the shortages.", "the sanctions caused the shortages", True),
    ("The sanctions caused the shortages", "12:10 — The sanctions caused the shortages.", True),
    ("He said so.", "He said so. The sanctions caused the shortages.", False),  # too short to stand for it
    ("The sanctions caused the shortages.", "The drought caused the shortages.", False),
])
def test_a_found_claim_matches_a_labelled_one_by_normalised_containment(found, labelled, same):
    from labeler.datasets import claim_matches

    assert claim_matches(found, labelled) is same


def test_a_labelled_line_that_is_not_an_object_names_its_file_and_line(tmp_path):
    from labeler.datasets import load_labelled_articles

    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "x1"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"c\.jsonl, line 2: not a JSON object \(a list\)"):
        load_labelled_articles([f])
