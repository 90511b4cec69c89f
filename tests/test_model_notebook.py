"""notebooks/retrain.ipynb runs end to end on a small slice (trains, evaluates, plots, saves, analyses)."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.mark.slow
def test_retrain_notebook_runs_on_a_small_slice(tmp_path):
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared not present")
    nb = nbformat.read(ROOT / "notebooks" / "retrain.ipynb", as_version=4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    params.source = (f"DATA_ROOT = {str(SHARED / 'data')!r}\nDATA = None\nN_ROWS = 40\n"
                     f"OUT = {str(tmp_path / 'model')!r}\n"
                     f"SEED_ARTICLE = {str(SHARED / 'examples' / 'seed_rt_rubio.txt')!r}\n")
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
                      for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "loaded_language" in outputs
    assert (tmp_path / "model" / "model.skops").is_file()
