"""The seed page through the whole command line, scored by the shared scorer: the issue's floors."""
import json
import runpy

from click.testing import CliRunner

from conftest import SCORER
from zhibiao.cli import cli


def test_seed_restoration_meets_the_floors(seed_paths):
    page, gold = seed_paths
    result = CliRunner().invoke(cli, ["extract", "--json", "--date", "2025-09-15", str(page)])
    assert result.exit_code == 0, result.output
    score = runpy.run_path(str(SCORER))["score"]
    scores = score(json.loads(gold.read_text("utf-8")), json.loads(result.stdout))
    assert scores["blocks_f1"] >= 0.95, scores
    assert scores["block_kind_acc"] >= 0.90, scores
    assert scores["cer"] <= 0.01, scores
