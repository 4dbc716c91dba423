"""The gold corpus guards itself: every gold document is well formed and grounded in its own input.

Other tests and the scorer trust tests/gold as ground truth, so a typo there (an evidence span that is
not in the text, a value that its evidence does not state, a block the input does not hold) would
silently move every score. These checks run on our corpus and, when ../shared is present, on the seed.
"""
from __future__ import annotations

import copy
import json
import re
from collections import Counter
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from zhibiao.model import BLOCK_KINDS, ENTITY_TYPES, FACT_KINDS, QUALIFIERS
from zhibiao.read import normalise

GOLD_DIR = Path(__file__).resolve().parent / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
# The blind sets kept apart from the corpus (tests/holdout/README.md): annotated by the same rules.
HOLDOUT_FILES = sorted((GOLD_DIR.parent / "holdout").glob("*.json"))
DOC_KEYS = {"id", "genre", "doc_date", "place", "source_urls", "blocks", "facts", "entities", "goals"}
FACT_KEYS = {"indicator", "value", "unit", "kind", "qualifier", "period", "evidence"}
GENRE_MINIMUM = {"bulletin": 2, "work_report": 2, "action_plan": 1, "news": 2, "feature": 2, "policy_notice": 1}
# A narrowing is a fall of what narrows: 降幅收窄2.6个百分点 is a change of −2.6 of the indicator 降幅.
DECREASE_WORDS = ("下降", "减少", "回落", "收窄", "缩小", "降低", "下跌", "减产", "压减", "负增长", "-")

ARABIC = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(万亿|亿|万|千)?(\d{1,4}(?![\d.]))?")
CHINESE = re.compile(r"[零〇一二两三四五六七八九十百千万亿点]+")
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
SCALES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4, "千": Decimal(1000)}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def chinese_value(numeral: str) -> Decimal:
    """The value of a Chinese numeral such as 二十, 一千五百, 千亿, 万亿 or 零点五."""
    for big, scale in (("亿", 10 ** 8), ("万", 10 ** 4)):
        if big in numeral:
            head, tail = numeral.split(big, 1)
            return (chinese_value(head) if head else 1) * scale + (chinese_value(tail) if tail else 0)
    if "点" in numeral:
        whole, fraction = numeral.split("点", 1)
        return chinese_value(whole or "零") + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in fraction))
    total, digit = 0, None
    for ch in numeral:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
    return Decimal(total + (digit or 0))


def numbers_in(evidence: str) -> set[Decimal]:
    """Every value a numeral in the evidence can stand for, with and without its scale word."""
    found: set[Decimal] = set()
    evidence = re.sub(r"(?<=[\d十百千])[多余](?=万|亿)", "", evidence)  # 740多万 states 7400000
    for m in ARABIC.finditer(evidence):
        base = Decimal(m.group(1).replace(",", ""))
        found.add(base)
        if m.group(2):
            scaled = base * SCALES[m.group(2)]
            found.add(scaled)
            if m.group(2) == "万" and m.group(3):  # 3万4000
                found.add(scaled + Decimal(m.group(3)))
        if evidence[m.end():].startswith("成"):
            found.add(base * 10)
    for m in CHINESE.finditer(evidence):
        try:
            value = chinese_value(m.group())
        except (KeyError, InvalidOperation, ValueError):
            continue
        found.add(value)
        if evidence[m.end():].startswith("成"):  # 两成 = 20 %
            found.add(value * 10)
    if "首" in evidence:  # 首位, 居首
        found.add(Decimal(1))
    return found


def states(evidence: str, value) -> bool:
    target = abs(Decimal(str(value)))
    return any(abs(n - target) <= Decimal("1e-9") * max(Decimal(1), target) for n in numbers_in(evidence))


def undouble(line: str) -> str | None:
    """A fake-bold line printed twice (AA, or AABB with doubled punctuation) as printed once, else None."""
    s, parts, i = line.strip(), [], 0
    while i < len(s):
        for k in range(2 if not parts else 1, (len(s) - i) // 2 + 1):
            if s[i:i + k] == s[i + k:i + 2 * k]:
                parts.append(s[i:i + k])
                i += 2 * k
                break
        else:
            return None
    return "".join(parts) or None


def block_of(gold: dict, span: str) -> str | None:
    return next((b["text"] for b in gold["blocks"] if span in b["text"]), None)


def structure_problems(gold: dict) -> list[str]:
    problems = [f"missing keys {sorted(DOC_KEYS - gold.keys())}"] if DOC_KEYS - gold.keys() else []
    date.fromisoformat(gold["doc_date"])
    problems += [f"block kind {b['kind']!r}" for b in gold["blocks"] if b["kind"] not in BLOCK_KINDS]
    problems += [f"empty block {i}" for i, b in enumerate(gold["blocks"]) if not b["text"].strip()]
    for f in gold["facts"]:
        where = f"fact {f.get('evidence')!r}"
        if FACT_KEYS - f.keys():
            problems.append(f"{where}: missing {sorted(FACT_KEYS - f.keys())}")
        if f["kind"] not in FACT_KINDS or (f["qualifier"] is not None and f["qualifier"] not in QUALIFIERS):
            problems.append(f"{where}: kind {f['kind']!r} / qualifier {f['qualifier']!r}")
        if isinstance(f["value"], bool) or not isinstance(f["value"], (int, float)):
            problems.append(f"{where}: value {f['value']!r} is not a number")
        if "value_max" in f and not f["value_max"] > f["value"]:
            problems.append(f"{where}: value_max {f['value_max']} is not above value {f['value']}")
        if not f["unit"] or f["unit"][0] in "万亿":
            problems.append(f"{where}: unit {f['unit']!r} is empty or keeps its scale word")
        if f["kind"] == "rank" and f["unit"] != "名":
            problems.append(f"{where}: a rank's unit is 名, not {f['unit']!r}")
    pairs = [(e["type"], e["text"]) for e in gold["entities"]]
    problems += [f"entity type {t!r}" for t, _ in pairs if t not in ENTITY_TYPES]
    problems += [f"duplicate entity {p}" for p, n in Counter(pairs).items() if n > 1]
    return problems


def grounding_problems(gold: dict) -> list[str]:
    """Evidence, entities and goals must be spans of the restored text, and evidence must state its value."""
    problems = []
    for f in gold["facts"]:
        where = f"fact {f['indicator']} = {f['value']} ({f['evidence']!r})"
        block = block_of(gold, f["evidence"])
        if block is None:
            problems.append(f"{where}: evidence is not inside one block")
            continue
        if not set(f["indicator"]) <= set(block):
            problems.append(f"{where}: indicator is not made of the block's words")
        for key in ("value", "value_max"):
            if key in f and not states(f["evidence"], f[key]):
                problems.append(f"{where}: evidence does not state {key} {f[key]}")
        if f["kind"] == "change":
            falls = any(w in f["evidence"] for w in DECREASE_WORDS)
            if (f["value"] < 0) != falls:
                problems.append(f"{where}: the sign disagrees with the wording")
    text = "\n".join(b["text"] for b in gold["blocks"])
    problems += [f"entity {e['text']!r} is not in the text" for e in gold["entities"] if e["text"] not in text]
    for g in gold["goals"]:
        if block_of(gold, g["evidence"]) is None:
            problems.append(f"goal {g['evidence'][:20]!r}: evidence is not inside one block")
        problems += [f"goal deadline/dimension {s!r} is not in its evidence"
                     for s in [g["deadline"], *g["dimensions"]] if s not in g["evidence"]]
    return problems


def input_problems(gold: dict, raw: str) -> list[str]:
    """The input holds every block's characters (whitespace and fake-bold doubles aside), and nothing more."""
    lines = [undouble(line) or line for line in normalise(raw).split("\n")]
    text = squeeze("".join(lines))
    blocks = [squeeze(b["text"]) for b in gold["blocks"]]
    problems = [f"block {i} ({b[:15]}…) is not in the input" for i, b in enumerate(blocks) if b not in text]
    extra, missing = Counter(text) - Counter("".join(blocks)), Counter("".join(blocks)) - Counter(text)
    if extra or missing:
        problems.append(f"input and blocks differ: input has extra {dict(extra)}, lacks {dict(missing)}")
    if gold["genre"] != "feature" and "".join(blocks) != text:  # only page dumps lose reading order
        problems.append("blocks are not in the input's order")
    return problems


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", GOLD_FILES + HOLDOUT_FILES, ids=lambda p: p.stem)
def test_gold_format_document_is_well_formed(path):
    gold = load(path)
    assert gold["id"] == path.stem
    assert gold["genre"] in GENRE_MINIMUM
    assert gold["source_urls"], "every figure needs a public source"
    assert not structure_problems(gold)


@pytest.mark.parametrize("path", GOLD_FILES + HOLDOUT_FILES, ids=lambda p: p.stem)
def test_gold_format_evidence_entities_and_goals_are_grounded(path):
    assert not grounding_problems(load(path))


@pytest.mark.parametrize("path", GOLD_FILES + HOLDOUT_FILES, ids=lambda p: p.stem)
def test_gold_format_indicators_are_the_texts_own_words(path):
    gold = load(path)
    loose = [f["indicator"] for f in gold["facts"] if f["indicator"] not in block_of(gold, f["evidence"])]
    assert not loose, f"indicators not written in their block: {loose}"


@pytest.mark.parametrize("path", GOLD_FILES + HOLDOUT_FILES, ids=lambda p: p.stem)
def test_gold_format_input_holds_every_block(path):
    raw = path.with_suffix(".txt").read_text(encoding="utf-8")
    assert not input_problems(load(path), raw)


def test_gold_format_corpus_covers_every_genre_place_and_year():
    golds = [load(p) for p in GOLD_FILES]
    genres = Counter(g["genre"] for g in golds)
    assert len(golds) >= 10
    assert all(genres[genre] >= n for genre, n in GENRE_MINIMUM.items()), genres
    assert len({g["place"] for g in golds}) >= 8
    assert all(date(2010, 1, 1) <= date.fromisoformat(g["doc_date"]) <= date(2025, 12, 31) for g in golds)
    lengths = {g["id"]: len("".join(b["text"] for b in g["blocks"])) for g in golds}
    assert all(600 <= n <= 2500 for n in lengths.values()), lengths
    readme = (GOLD_DIR / "README.md").read_text(encoding="utf-8")
    assert all(g["id"] in readme for g in golds), "tests/gold/README.md must list every document"


@pytest.mark.parametrize("numeral, value", [
    ("1,602.7亿元", "160270000000"), ("8900万人次", "89000000"), ("1.2万亿元", "1200000000000"),
    ("24万4000户", "244000"), ("一千五百公里", "1500"), ("百年一遇", "100"), ("超过七成", "70"),
    ("全省第十一位", "11"), ("稳居全市首位", "1"), ("突破千亿元", "100000000000"), ("零点五", "0.5"),
    ("740多万人", "7400000"), ("12.78万余户", "127800"),
])
def test_gold_format_reads_numerals_as_written(numeral, value):
    assert states(numeral, Decimal(value))


def test_gold_format_checks_catch_a_broken_gold():
    path = GOLD_DIR / "bulletin-gongjing-2023.json"
    gold, raw = load(path), path.with_suffix(".txt").read_text(encoding="utf-8")
    wrong_value = copy.deepcopy(gold)
    wrong_value["facts"][0]["value"] += 1
    wrong_sign = copy.deepcopy(gold)
    change = next(f for f in wrong_sign["facts"] if f["kind"] == "change" and f["value"] > 0)
    change["value"] = -change["value"]
    retyped = copy.deepcopy(gold)
    retyped["blocks"][3]["text"] = retyped["blocks"][3]["text"].replace("410", "401")
    assert grounding_problems(wrong_value)
    assert grounding_problems(wrong_sign)
    assert input_problems(retyped, raw)
    assert not input_problems(gold, raw)


def test_gold_format_sign_check_reads_a_narrowing_decline_as_a_fall():
    gold = load(GOLD_DIR / "bulletin-qingyuan-2024.json")
    narrowing = [f for f in gold["facts"] if f["indicator"] == "降幅"]
    assert narrowing and all(f["value"] < 0 for f in narrowing)
    assert not grounding_problems(gold)
    for fact in narrowing:
        fact["value"] = -fact["value"]
    assert len(grounding_problems(gold)) == len(narrowing)


def test_gold_format_undoubles_fake_bold_lines_only():
    assert undouble("视联动力信息技术视联动力信息技术") == "视联动力信息技术"
    assert undouble("股份有限公司股份有限公司。。") == "股份有限公司。"
    assert undouble("……") is None
    assert undouble("全年实现地区生产总值") is None


def test_gold_format_seed_gold_passes_the_same_checks(seed_paths):
    seed_text, seed_gold = seed_paths
    gold = load(seed_gold)
    assert not structure_problems(gold)
    assert not grounding_problems(gold)
    assert not input_problems(gold, seed_text.read_text(encoding="utf-8"))
