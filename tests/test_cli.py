"""The labeler command, run in-process as a user would."""
import json

import pytest

from labeler.cli import EXIT_INPUT, EXIT_OK, main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_prints_the_contract_json(capsys, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Exports rose.\n\nThis article first appeared on CGTN.", encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(p))
    d = json.loads(out)
    assert code == EXIT_OK and d["schema"] == "labeler.analysis/1"
    assert d["origin"]["outlet"] == "CGTN" and d["origin"]["method"] == "notice"


def test_analyze_reads_stdin_with_url_as_metadata_only(capsys, monkeypatch):
    import io
    import sys

    data = "Officials met in Moscow on Tuesday to discuss grain, the ministry said.".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "analyze", "-", "--url", "https://de.rt.com/inland/123-x/")
    d = json.loads(out)
    assert code == EXIT_OK and d["host"] == "de.rt.com" and d["origin"]["outlet"] == "RT"
    assert d["origin"]["method"] == "domain"


def test_analyze_html_file_uses_page_metadata(capsys, tmp_path):
    p = tmp_path / "page.html"
    p.write_text(
        '<html><head><meta property="og:site_name" content="Feed"><script type="application/ld+json">'
        '{"@type": "NewsArticle", "isBasedOn": {"name": "Xinhua"}}</script></head><body><article>'
        "<p>Wheat output in the northern provinces rose by a tenth this year, the ministry said on Monday.</p>"
        "<p>Farmers credited new irrigation and better seed for the increase in yields across the plains.</p>"
        "</article></body></html>", encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(p), "--url", "https://www.feed.example/x")
    d = json.loads(out)
    assert code == EXIT_OK and d["origin"]["outlet"] == "Xinhua" and d["origin"]["method"] == "metadata"


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n  ", "empty"),
    (b"\x00\x01\x02\x03binary\x00" * 50, "binary"),
])
def test_unusable_input_exits_3_with_a_message(capsys, tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    code, out, err = run(capsys, "analyze", str(p))
    assert code == EXIT_INPUT and message in err and out == ""
    assert "Traceback" not in err


def test_missing_file_exits_3(capsys, tmp_path):
    code, _, err = run(capsys, "analyze", str(tmp_path / "missing.txt"))
    assert code == EXIT_INPUT and "no such file" in err


def test_huge_article_is_refused_with_the_limit(capsys, tmp_path):
    p = tmp_path / "huge.txt"
    p.write_text("All quiet on the front today. " * 400_000, encoding="utf-8")  # ~12 MB
    code, _, err = run(capsys, "analyze", str(p))
    assert code == EXIT_INPUT and "limit" in err


def test_html_with_no_body_exits_3(capsys, tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(p))
    assert code == EXIT_INPUT and "no article text" in err


def test_fetch_without_network_is_a_clear_error(capsys):
    code, _, err = run(capsys, "analyze", "-", "--url", "http://127.0.0.1:9/nothing", "--fetch")
    assert code == EXIT_INPUT and "cannot connect" in err


def test_unknown_model_file_exits_4(capsys, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Officials met on Tuesday, the ministry said.", encoding="utf-8")
    code, _, err = run(capsys, "analyze", str(p), "--model", str(tmp_path / "nope.skops"))
    assert code == 4 and "model" in err


def test_registry_lookup_handles_subdomains(capsys):
    code, out, _ = run(capsys, "registry", "lookup", "https://francais.rt.com/x")
    assert code == EXIT_OK and json.loads(out)["name"] == "RT"


def test_registry_import_converts_the_state_media_matrix(capsys, tmp_path):
    from conftest import shared_path

    src = shared_path("data", "state_media_matrix_asd_smm")
    out = tmp_path / "smm.csv"
    code, _, err = run(capsys, "registry", "import", "--format", "smm", str(src), "-o", str(out))
    assert code == EXIT_OK and "wrote" in err
    from labeler.registry import load_registry
    assert load_registry(out).by_domain("de.rt.com").affiliation == "state-controlled"


def test_registry_import_with_an_unknown_format_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as e:
        main(["registry", "import", "--format", "nope", str(tmp_path)])
    assert e.value.code == 2


def test_a_tampered_model_file_is_refused_with_how_to_trust_it(capsys, tmp_path):
    import shutil
    from importlib.resources import files

    src = files("labeler.models").joinpath("default")
    if not src.joinpath("model.skops").is_file():
        pytest.skip("no shipped default model")
    dst = tmp_path / "m"
    shutil.copytree(str(src), dst)
    with open(dst / "model.skops", "ab") as f:
        f.write(b"\0")
    art = tmp_path / "a.txt"
    art.write_text("Officials met on Tuesday, the ministry said.", encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(art), "--model", str(dst))
    assert code == 4 and out == ""
    assert "SHA-256" in err and "--trust-model" in err


def test_claims_embedding_reads_claims_with_the_sentence_encoder(capsys, tmp_path):
    from labeler.model.encoder import encoder_available

    if not encoder_available():
        pytest.skip("the encoder's weights package is not installed")
    p = tmp_path / "a.txt"
    p.write_text("Vote dispute\n\nThe council met on Tuesday. The party despises the voters and governs only for "
                 "its wealthy donors.\n\nThe report was published in March.", encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(p), "--claims", "embedding")
    assert code == EXIT_OK
    whys = [c["why"] for c in json.loads(out)["claims"] if c.get("probability") is not None]
    assert whys and all(w.startswith("embedding claim model") for w in whys)


def test_claims_embedding_with_the_rules_is_a_model_error(capsys, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("The council met on Tuesday.", encoding="utf-8")
    code, _out, err = run(capsys, "analyze", str(p), "--model", "rules", "--claims", "embedding")
    assert code == 4 and "no embedding claim model" in err


def test_score_with_claims_embedding_reaches_the_worker_processes(capsys, tmp_path):
    import pandas as pd

    from labeler.model.encoder import encoder_available

    if not encoder_available():
        pytest.skip("the encoder's weights package is not installed")
    claim = ("Vote dispute\n\nThe council met on Tuesday. The party despises the voters and governs only for its "
             "wealthy donors.\n\nThe report was published in March.")
    pd.DataFrame({"id": [1, 2, 3], "text": [claim, "The ferry leaves at seven.", claim]}).to_csv(
        tmp_path / "in.csv", index=False)
    code, _out, _err = run(capsys, "score", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"),
                           "--claims", "embedding", "--jobs", "2", "-q")
    assert code == EXIT_OK
    out = pd.read_csv(tmp_path / "out.csv")
    whys = [c["why"] for a in out["analysis"] for c in json.loads(a)["claims"] if c.get("probability") is not None]
    assert list(out["id"]) == [1, 2, 3] and len(whys) == 2
    assert all(w.startswith("embedding claim model") for w in whys)
