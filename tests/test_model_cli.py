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
