"""extract_many: a corpus through the pipeline a batch at a time, with the results of extract."""
from __future__ import annotations

import pytest

from zhibiao import pipeline
from zhibiao.errors import InputError
from zhibiao.model import Document

PAGES = [
    "2024年，全区实现地区生产总值1602.7亿元，同比增长5.9%。",
    "今年1—10月，社会消费品零售总额达到856.2亿元，增长4.1%，增速高于全市0.8个百分点。",
    "到2027年，力争新培育专精特新企业120家，建成5G基站3000个。",
    "全市共有各类市场主体32.6万户，其中企业9.8万户。",
    "截至9月末，金融机构本外币存款余额5678.9亿元，贷款余额4321亿元，分别增长7.2%和6.5%。",
]


def _facts(docs: list[Document]) -> list[tuple]:
    return [(f.indicator, f.value, f.unit, f.kind, f.period) for d in docs for f in d.facts]


def test_pipeline_extract_many_gives_what_extract_gives_in_input_order():
    inputs = [(page.encode("utf-8"), f"page{i}.txt") for i, page in enumerate(PAGES)]
    results = list(pipeline.extract_many(inputs, date="2025-11-01", batch_size=2))
    assert [source for source, _ in results] == [source for _, source in inputs]
    for (data, source), (_, docs) in zip(inputs, results):
        one = pipeline.extract(data, source, date="2025-11-01")
        assert [d.to_json() for d in docs] == [d.to_json() for d in one]
    assert sum(len(_facts(docs)) for _, docs in results) >= 12


def test_pipeline_extract_many_reports_a_bad_input_and_goes_on():
    inputs = [(PAGES[0].encode("utf-8"), "good.txt"), (b"", "empty.txt"), (b"\x89PNG\r\n\x1a\n\0\0", "image.txt"),
              (PAGES[1].encode("utf-8"), "after.txt")]
    results = dict(pipeline.extract_many(inputs, batch_size=3))
    assert isinstance(results["empty.txt"], InputError) and isinstance(results["image.txt"], InputError)
    assert _facts(results["good.txt"]) and _facts(results["after.txt"])


def test_pipeline_extract_many_isolates_an_input_a_stage_fails_on(monkeypatch):
    def fragile(doc: Document) -> Document:
        if "市场主体" in doc.text:
            raise ValueError("a stage met something it cannot read")
        return doc

    monkeypatch.setattr(pipeline, "ANALYSIS", pipeline.ANALYSIS + (fragile,))
    inputs = [(page.encode("utf-8"), f"page{i}.txt") for i, page in enumerate(PAGES)]
    results = dict(pipeline.extract_many(inputs, batch_size=len(PAGES)))
    assert isinstance(results["page3.txt"], ValueError)
    assert all(_facts(results[f"page{i}.txt"]) for i in (0, 1, 2, 4))
    with pytest.raises(ValueError):
        pipeline.extract(PAGES[3].encode("utf-8"), "page3.txt")


def test_pipeline_extract_paths_keeps_unreadable_paths_in_their_place(tmp_path):
    paths = []
    for n, page in enumerate(PAGES[:3]):
        paths.append(tmp_path / f"page{n}.txt")
        paths[-1].write_text(page, encoding="utf-8")
    (tmp_path / "folder").mkdir()
    order = [tmp_path / "gone.txt", paths[0], tmp_path / "folder", paths[1], paths[2], tmp_path / "also-gone.txt"]
    results = list(pipeline.extract_paths(order, date="2025-11-01"))
    assert [path for path, _ in results] == [str(p) for p in order]
    assert [type(r).__name__ for _, r in results] == ["InputError", "list", "InputError", "list", "list", "InputError"]
    for path, docs in results:
        if isinstance(docs, list):
            assert docs[0].to_json() == pipeline.extract_path(path, date="2025-11-01")[0].to_json()
