"""Contracts that every stage and command keeps, whatever changes inside them."""
import json

import click
import pytest
from click.testing import CliRunner

import zhibiao
from zhibiao.cli import cli
from zhibiao.model import Document

PAGE = (
    "全区实现地区生产总值1602.7亿元，同比增长5.9%。\n"
    "金融机构总数达462家，13项金融指标全市第一。\n"
    "到2027年，完成老旧小区改造120个。\n"
)


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))


@pytest.mark.parametrize("path, command", list(_commands(cli)), ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_contract_every_command_has_help(path, command):
    assert command.help and len(command.help.strip()) > 10, f"zhibiao {' '.join(path)} has no help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"zhibiao {' '.join(path)} {param.opts[0]} has no help text"


def test_contract_json_output_keeps_its_shape(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--json", "--date", "2025-09-15", str(page)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert {"text", "blocks", "facts", "entities", "goals", "meta"} <= doc.keys()
    assert {"source", "sha256", "date"} <= doc["meta"].keys()
    assert doc["meta"]["date"] == "2025-09-15"
    for block in doc["blocks"]:
        assert {"kind", "text", "start", "end"} <= block.keys()
        assert doc["text"][block["start"]:block["end"]] == block["text"]


def test_contract_every_span_points_into_the_text():
    doc = zhibiao.extract_text(PAGE, date="2025-09-15")
    items = list(doc.blocks) + list(doc.facts) + list(doc.entities) + list(doc.dates) + list(doc.goals)
    for item in items:
        assert 0 <= item.start <= item.end <= len(doc.text)
    for entity in doc.entities:
        assert doc.text[entity.start:entity.end] == entity.text
    for mention in doc.dates:
        assert doc.text[mention.start:mention.end] == mention.text
    for fact in doc.facts:
        if fact.indicator_start is not None:
            assert doc.text[fact.indicator_start:fact.indicator_end] == fact.indicator


def test_contract_document_round_trips_through_json():
    doc = zhibiao.extract_text(PAGE, date="2025-09-15")
    again = Document.from_json(doc.to_json())
    assert again == doc
