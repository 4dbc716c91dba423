"""Stage 2: a text dump's lines to a Document of classified blocks.

Placeholder: one paragraph per blank-line-separated run. The restoration issue replaces it."""
from __future__ import annotations

from zhibiao.model import Block, Document, Meta, RawText


def restore(raw: RawText) -> Document:
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    run: list[int] = []
    lines = raw.text.split("\n")
    for number, line in enumerate(lines + [""], start=1):
        if line.strip():
            run.append(number)
            continue
        if run:
            text = "".join(lines[n - 1].strip() for n in run)
            blocks.append(Block("paragraph", pos, pos + len(text), run))
            parts.append(text)
            pos += len(text) + 1
            run = []
    return Document(text="\n".join(parts), blocks=blocks, raw=raw.text,
                    meta=Meta(source=raw.source, sha256=raw.sha256, format="text"))
