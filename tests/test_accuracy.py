"""The evaluation gate: accuracy on the hand-annotated gold corpus (tests/gold) must not fall below
the floors pinned here. The floors sit a little under what the code scores today; raise them when
the code gets better, never lower them to let a change through."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import zhibiao
from scoring import restoration_scores

GOLD = Path(__file__).resolve().parent / "gold"
FLOORS = {"blocks_f1": 0.97, "cer_max": 0.01, "facts_f1": 0.97, "entities_f1": 0.96}


def _f1(matched: int, predicted: int, gold: int) -> float:
    if not predicted or not gold:
        return float(predicted == gold)
    precision, recall = matched / predicted, matched / gold
    return 2 * precision * recall / (precision + recall) if matched else 0.0


def _same_indicator(gold: str, predicted: str) -> bool:
    """One contains the other, or they share half their characters, as the seed's scorer reads it."""
    if gold in predicted or (len(predicted) >= 2 and predicted in gold):
        return True
    shared = sum((Counter(gold) & Counter(predicted)).values())
    return 2 * shared / (len(gold) + len(predicted)) >= 0.5


def _facts_f1(gold: list[dict], doc: zhibiao.Document) -> float:
    unused = list(doc.facts)
    matched = 0
    for g in gold:
        for fact in unused:
            if (abs(float(fact.value) - g["value"]) <= 1e-6 * max(1.0, abs(g["value"]))
                    and fact.unit == g["unit"] and fact.kind == g["kind"]
                    and _same_indicator(g["indicator"], fact.indicator)):
                unused.remove(fact)
                matched += 1
                break
    return _f1(matched, len(doc.facts), len(gold))


def _entities_f1(gold: list[dict], doc: zhibiao.Document) -> float:
    expected = {(e["type"], e["text"]) for e in gold}
    found = {(e.type, e.text) for e in doc.entities}
    return _f1(len(expected & found), len(found), len(expected))


def _scores() -> dict[str, float]:
    rows = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text("utf-8"))
        data = path.with_suffix(".txt").read_bytes()
        doc = zhibiao.extract(data, path.name, date=gold["doc_date"])[0]
        restoration = restoration_scores([(b["kind"], b["text"]) for b in gold["blocks"]],
                                         [(b.kind, doc.block_text(b)) for b in doc.blocks])
        rows.append({"blocks_f1": restoration["blocks_f1"], "cer": restoration["cer"],
                     "facts_f1": _facts_f1(gold["facts"], doc), "entities_f1": _entities_f1(gold["entities"], doc)})
    return {key: sum(r[key] for r in rows) / len(rows) for key in rows[0]}


@pytest.fixture(scope="module")
def corpus_scores() -> dict[str, float]:
    return _scores()


def test_accuracy_restoration_stays_above_its_floor(corpus_scores):
    assert corpus_scores["blocks_f1"] >= FLOORS["blocks_f1"]
    assert corpus_scores["cer"] <= FLOORS["cer_max"]


def test_accuracy_facts_stay_above_their_floor(corpus_scores):
    assert corpus_scores["facts_f1"] >= FLOORS["facts_f1"]


def test_accuracy_entities_stay_above_their_floor(corpus_scores):
    assert corpus_scores["entities_f1"] >= FLOORS["entities_f1"]
