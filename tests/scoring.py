"""Restoration scores for tests: block F1 (exact block text, whitespace ignored), kind accuracy on
matched blocks, and character error rate over all blocks in reading order."""
from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

_WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    return _WHITESPACE.sub("", text)


def restoration_scores(truth: list[tuple[str, str]], predicted: list[tuple[str, str]]) -> dict[str, float]:
    """Scores of predicted (kind, text) blocks against the true ones."""
    gold = [(kind, squeeze(text)) for kind, text in truth]
    pred = [(kind, squeeze(text)) for kind, text in predicted]
    used: set[int] = set()
    pairs = []
    for gi, (_, text) in enumerate(gold):
        for pi, (_, candidate) in enumerate(pred):
            if pi not in used and candidate == text:
                used.add(pi)
                pairs.append((gi, pi))
                break
    precision = len(pairs) / len(pred) if pred else 0.0
    recall = len(pairs) / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    gold_text = "".join(text for _, text in gold)
    pred_text = "".join(text for _, text in pred)
    return {
        "blocks_f1": round(f1, 4),
        "block_kind_acc": round(sum(gold[g][0] == pred[p][0] for g, p in pairs) / len(pairs), 4) if pairs else 0.0,
        "cer": round(Levenshtein.distance(gold_text, pred_text) / max(1, len(gold_text)), 4),
    }


def document_blocks(documents) -> list[tuple[str, str]]:
    """(kind, text) of every block of every Document, in order."""
    return [(b.kind, doc.text[b.start:b.end]) for doc in documents for b in doc.blocks]
