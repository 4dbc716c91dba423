"""The command line: output shapes, several inputs, and bad input as a one-line error."""
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhibiao.cli import cli

EXAMPLE = str(Path(__file__).parents[1] / "examples" / "jiefangbei-brief.txt")
BRIEF = "新区建设 跑出加速度\n\n全区新增市场主体一千二百户，同比增长8.5%。\n"


def _run(*args, stdin=None):
    return CliRunner().invoke(cli, ["extract", *args], input=stdin)


@pytest.fixture
def brief(tmp_path) -> str:
    path = tmp_path / "brief.txt"
    path.write_text(BRIEF, encoding="utf-8")
    return str(path)


def test_cli_json_output_has_the_document_shape():
    result = _run("--json", "--date", "2025-10-08", EXAMPLE)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert {"text", "blocks", "facts", "entities", "goals", "meta"} <= doc.keys()
    assert doc["meta"]["source"] == EXAMPLE and len(doc["meta"]["sha256"]) == 64
    assert doc["meta"]["date"] == "2025-10-08" and doc["meta"]["title"] == "解放碑步行街 百年商圈跑出消费“加速度”"
    assert [b["kind"] for b in doc["blocks"]][:2] == ["kicker", "title"]
    for block in doc["blocks"]:
        assert doc["text"][block["start"]:block["end"]] == block["text"]
        assert block["lines"]


def test_cli_several_paths_give_one_json_object_per_line(brief):
    result = _run("--json", EXAMPLE, brief)
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().split("\n")
    assert [json.loads(line)["meta"]["source"] for line in lines] == [EXAMPLE, brief]


def test_cli_markdown_output_renders_the_article():
    result = _run("--md", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert "\n# 解放碑步行街 百年商圈跑出消费“加速度”\n" in result.stdout
    assert "### 首店经济 新业态引来新客流" in result.stdout


def test_cli_csv_output_starts_with_its_header(brief):
    result = _run("--csv", brief, brief)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("source,indicator,value")
    assert sum(line.startswith("source,") for line in lines) == 1


def test_cli_default_output_shows_the_restored_article():
    result = _run(EXAMPLE)
    assert result.exit_code == 0, result.output
    assert "解放碑步行街 百年商圈跑出消费“加速度”" in result.stdout
    assert "9月28日，一家国际运动品牌" in result.stdout


def test_cli_reads_standard_input():
    result = _run("--json", "-", stdin=BRIEF.encode("utf-8"))
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["meta"]["source"] == "-" and doc["meta"]["title"] == "新区建设 跑出加速度"


def test_cli_refuses_two_output_formats(brief):
    result = _run("--json", "--md", brief)
    assert result.exit_code == 2 and "choose one" in result.output


def _zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("page.txt", BRIEF)


# Inputs that are not documents: how to make each, and a word its error must give.
BAD_INPUTS = {
    "empty": ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
    "png": ("photo.png", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "PNG"),
    "zip": ("pages.zip", _zip, "zip"),
    "undecodable": ("garbled.txt", lambda p: p.write_bytes(bytes([0x81, 0x30, 0xFF, 0xFE, 0x80, 0xFF]) * 50),
                    "decoded"),
    "50 MB line": ("one-line.txt", lambda p: p.write_bytes("增长".encode("utf-8") * (50 * 1024 * 1024 // 6)),
                   "line"),
    "missing": ("nowhere.txt", lambda p: None, "no such file"),
    "directory": ("folder", lambda p: p.mkdir(), "directory"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_cli_bad_input_is_a_one_line_error_and_good_paths_still_run(tmp_path, brief, case):
    name, make, reason = BAD_INPUTS[case]
    bad = tmp_path / name
    make(bad)
    result = _run("--json", brief, str(bad), brief)
    assert result.exit_code == 2
    errors = result.stderr.strip().split("\n")
    assert len(errors) == 1 and str(bad) in errors[0] and reason in errors[0], errors
    assert "Traceback" not in result.output
    assert [json.loads(line)["meta"]["source"] for line in result.stdout.strip().split("\n")] == [brief, brief]
