"""`labeler train` / `labeler evaluate` on a small researcher table, in-process."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from labeler.cli import main

LOADED = "The regime's hysteria is absurd and shameful. Those traitors spread vile lies again."
PLAIN = "The council met on Tuesday to discuss the budget. Officials said the road will reopen."


@pytest.fixture()
def table(tmp_path):
    p = tmp_path / "labels.csv"
    pd.DataFrame({"text": [LOADED, PLAIN] * 8, "loaded_language": [1, 0] * 8}).to_csv(p, index=False)
    return p


def test_train_then_evaluate_from_the_command_line(table, tmp_path, capsys):
    out = tmp_path / "model"
    assert main(["train", "--data", str(table), "-o", str(out), "--name", "mine"]) == 0
    assert (out / "model.skops").is_file()
    report = tmp_path / "metrics.json"
    assert main(["evaluate", "--data", str(table), "--model", str(out), "--json", str(report)]) == 0
    assert "loaded_language" in capsys.readouterr().out
    assert json.loads(report.read_text())["loaded_language"]["n"] == 16


def test_evaluate_refuses_a_tampered_model_with_exit_code_4(table, tmp_path, capsys):
    out = tmp_path / "model"
    main(["train", "--data", str(table), "-o", str(out)])
    with open(out / "model.skops", "ab") as f:
        f.write(b"x")
    assert main(["evaluate", "--data", str(table), "--model", str(out)]) == 4
    assert "tampered" in capsys.readouterr().err


def test_recipe_without_data_root_is_a_usage_error(tmp_path, capsys):
    assert main(["train", "--recipe", "default", "-o", str(tmp_path / "m")]) == 2
    assert "--data-root" in capsys.readouterr().err


def test_recipe_with_a_missing_validation_file_is_a_usage_error_before_any_training(tmp_path, capsys):
    args = ["train", "--recipe", "default", "--data-root", str(tmp_path), "-o", str(tmp_path / "m"),
            "--validation", str(tmp_path / "nowhere.jsonl")]
    assert main(args) == 2
    assert "nowhere.jsonl" in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_recipe_passes_validation_files_to_the_recipe(tmp_path, monkeypatch):
    from labeler.model import card, recipes

    seen = {}

    def fake_recipe(root, seed=0, log=print, validation=None):
        seen["validation"] = validation
        raise RuntimeError("stop before training")

    monkeypatch.setitem(recipes.RECIPES, "default", fake_recipe)
    val = tmp_path / "mine.jsonl"
    val.write_text('{"id": "a", "text": "x", "labels": {}}\n', encoding="utf-8")
    with pytest.raises(RuntimeError, match="stop before training"):
        card.build("default", tmp_path, tmp_path / "m", validation=[str(val)])
    assert seen["validation"] == [str(val)]
