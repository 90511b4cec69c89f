"""Importers of public registries (State Media Matrix, MBFC, Wikipedia perennial sources)."""
from __future__ import annotations

from pathlib import Path

import pytest

from labeler.errors import RegistryError
from labeler.registry import COLUMNS, default_registry, load_registry
from labeler.registry_import import (
    READERS,
    import_registry,
    read_mbfc,
    read_perennial,
    read_smm,
    write_registry,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = SHARED / "data"
SMM_DIR = DATA / "state_media_matrix_asd_smm"
MBFC_DIR = DATA / "news_media_reliability_mbfc"
RSP_DIR = DATA / "wikipedia_perennial_sources"


def need(p: Path) -> Path:
    if not p.exists():
        pytest.skip("../shared not present")
    return p


@pytest.fixture(scope="module")
def smm():
    return import_registry(need(SMM_DIR), "smm")


@pytest.fixture(scope="module")
def mbfc():
    return import_registry(need(MBFC_DIR), "mbfc")


@pytest.fixture(scope="module")
def rsp():
    return import_registry(need(RSP_DIR), "perennial")


@pytest.mark.parametrize("reader, path", [
    (read_smm, SMM_DIR), (read_mbfc, MBFC_DIR), (read_perennial, RSP_DIR),
])
def test_readers_return_outlets_columns_with_sources(reader, path):
    df = reader(need(path))
    assert list(df.columns) == list(COLUMNS)
    assert (df["source"].str.strip() != "").all()


@pytest.mark.parametrize("fixture, low, high", [
    ("smm", 1000, 1157),        # 1,157 rows; one outlet per (asset, country)
    ("mbfc", 1300, 1925),       # 1,066 + 859 rows, deduplicated by domain
    ("rsp", 280, 329),          # 329 rows; topic-specific rows merged
])
def test_row_counts(request, fixture, low, high):
    assert low <= len(request.getfixturevalue(fixture).outlets) <= high


def test_path_may_be_the_file(smm):
    reg = import_registry(need(SMM_DIR / "State_Media_Matrix.csv"), "smm")
    assert len(reg.outlets) == len(smm.outlets)


@pytest.mark.parametrize("domain, affiliation, country, typology", [
    ("rt.com", "state-controlled", "RU", "SC"),
    ("tass.ru", "state-controlled", "RU", "SC"),
    ("cgtn.com", "state-controlled", "CN", "SC"),
    ("ntv.ru", "state-controlled", "RU", "CaPu"),
    ("voanews.com", "state-funded", "US", "ISFM"),
    ("dw.com", "independent", "DE", "ISF"),
    ("bbc.co.uk", "independent", "GB", "IP"),
])
def test_smm_known_rows(smm, domain, affiliation, country, typology):
    o = smm.by_domain(domain)
    assert (o.affiliation, o.country) == (affiliation, country)
    assert f"typology {typology}" in o.source and "State Media Matrix" in o.source


def test_smm_merged_under_the_default_registry_still_resolves_rt(smm):
    merged = default_registry().merged(smm)
    assert merged.by_domain("de.rt.com").name == "RT"
    assert merged.by_domain("https://rtde.website/x").name == "RT"
    assert merged.by_domain("bakhtarnews.af") is not None     # an outlet only the SMM has
    assert len(merged.outlets) > len(default_registry().outlets)


def test_mbfc_rows_cite_factuality_and_bias(mbfc):
    o = mbfc.by_domain("sputniknews.com")
    assert o.affiliation == "unknown"                      # MBFC does not rate ownership
    assert "factuality mixed" in o.source and "MBFC" in o.source


def test_perennial_rows(rsp):
    rt = rsp.by_domain("www.rt.com")
    assert (rt.affiliation, rt.country) == ("state-controlled", "RU")
    assert "Deprecated" in rt.source
    assert rsp.get("Fox News") is not None                  # three topic rows, one outlet
    assert rsp.get("AFP").name == "Agence France-Presse"    # parenthesised alias


def test_write_and_reload_round_trip(tmp_path, rsp):
    out = tmp_path / "rsp.csv"
    write_registry(rsp, out)
    again = load_registry(out)
    assert again.outlets == rsp.outlets


def test_unknown_format_lists_the_valid_ones(tmp_path):
    with pytest.raises(ValueError) as e:
        import_registry(tmp_path, "allsides")
    assert all(f in str(e.value) for f in READERS)


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_missing_path_is_a_clear_error(tmp_path, fmt):
    with pytest.raises(RegistryError, match="does not exist"):
        import_registry(tmp_path / "nope", fmt)


def test_folder_without_the_file_lists_what_is_there(tmp_path):
    (tmp_path / "other.txt").write_text("x", encoding="utf-8")
    with pytest.raises(RegistryError, match="other.txt"):
        import_registry(tmp_path, "smm")


def test_wrong_columns_are_named(tmp_path):
    p = tmp_path / "State_Media_Matrix.csv"
    p.write_text("Country,Outlet\nRussia,RT\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="columns are: Country, Outlet"):
        import_registry(p, "smm")


def test_write_registry_into_missing_folder_is_an_error(tmp_path):
    with pytest.raises(RegistryError, match="does not exist"):
        write_registry(default_registry(), tmp_path / "no" / "out.csv")
