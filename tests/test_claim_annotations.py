"""The project's sentence annotations of contested claims: references only, every one resolvable."""
from __future__ import annotations

from importlib.resources import files

import pandas as pd
import pytest

from labeler import datasets as D
from conftest import shared_path

LABELS = files("labeler.data").joinpath("claim_sentence_labels.csv")


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return pd.read_csv(LABELS.open("r", encoding="utf-8"), dtype={"doc_id": str, "sha": str})


@pytest.fixture(scope="module")
def annotations() -> pd.DataFrame:
    return D.load_claim_annotations(shared_path("data"))


def test_the_label_file_holds_references_and_labels_but_no_text(table):
    assert list(table.columns) == ["corpus", "doc_id", "start", "end", "sha", "label", "sampling", "source"]
    assert set(table["label"]) == {0, 1}
    assert set(table["corpus"]) <= set(D.ANNOTATED_CORPORA)
    assert table["source"].str.contains("CLAIM_LABELS.md").all()
    assert not table.duplicated(["corpus", "doc_id", "start"]).any()


def test_every_annotation_resolves_to_its_sentence_in_the_shared_corpora(annotations, table):
    assert annotations.attrs["dropped"] == 0
    assert len(annotations) == len(table)
    assert annotations["text"].str.len().min() > 10


def test_the_annotations_come_from_training_splits_only(table):
    root = shared_path("data")
    ptc_dev = set(D.load_ptc(root, "dev")["article_id"].astype(str))
    hp_test = set(D.load_hyperpartisan(root, "test")["article_id"].astype(str))
    assert not ptc_dev & set(table.loc[table["corpus"] == "ptc", "doc_id"])
    assert not hp_test & set(table.loc[table["corpus"] == "hyperpartisan", "doc_id"])


def test_a_row_that_no_longer_matches_or_is_malformed_is_dropped_not_mislabelled(table, tmp_path):
    bad = table.head(5).copy()
    bad.loc[bad.index[0], "sha"] = "000000000000"
    bad.loc[bad.index[1], "doc_id"] = "no-such-document"
    bad["start"] = bad["start"].astype(object)
    bad.loc[bad.index[2], "start"] = "twelve"
    bad["label"] = bad["label"].astype(object)
    bad.loc[bad.index[3], "label"] = "yes"
    bad.to_csv(tmp_path / "labels.csv", index=False)
    got = D.load_claim_annotations(shared_path("data"), tmp_path / "labels.csv")
    assert len(got) == 1 and got.attrs["dropped"] == 4


def test_a_label_file_without_its_columns_is_refused_with_their_names(tmp_path):
    (tmp_path / "labels.csv").write_text("corpus,doc_id,label\nptc,1,0\n", encoding="utf-8")
    with pytest.raises(D.DatasetError, match="end, sha, start"):
        D.load_claim_annotations(shared_path("data"), tmp_path / "labels.csv")


def test_both_classes_are_there_in_every_corpus(annotations):
    by = annotations.groupby("corpus")["label"].agg(["count", "sum"])
    assert (by["sum"] >= 20).all() and (by["count"] - by["sum"] >= 100).all()
