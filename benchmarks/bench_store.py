"""Store benchmark: ingest throughput against extraction alone, and series query latency.

    .venv/bin/python benchmarks/bench_store.py                      # 10,000 documents, 1,000,000 facts
    .venv/bin/python benchmarks/bench_store.py --docs 1000 --facts 200000   # a quick run

Part 1 generates report-like documents, times extraction alone over all of them, then times
``Store.ingest`` of the same files into a fresh SQLite file (reading, hashing, extracting, storing);
store overhead = (ingest - extraction) / ingest, target under 20%. Both run on one core.
Part 2 bulk-loads synthetic facts straight into a store and times ``Store.series`` for one
indicator (named by a synonym) in one place: median and p95, target p95 under 50 ms.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from zhibiao import pipeline
from zhibiao.indicators import synonym_table
from zhibiao.store import open_store
from zhibiao.store import records

PLACE_CHARS = "东西南北江河湖山城新华安平长青云龙凤金石桥阳明永兴宁远泰丰德嘉川"
PLACE_SUFFIXES = ("区", "县", "新区")
SENTENCES = (
    "{year}年，{place}实现地区生产总值{big}亿元，同比增长{pct}%。",
    "{year}年1-{month}月，全区社会消费品零售总额{big}亿元，增长{pct}%，增速较一季度提高{small}个百分点。",
    "规模以上工业增加值同比增长{pct}%，其中高技术制造业增加值增长{pct2}%，占规上工业比重达到{share}%。",
    "固定资产投资比上年增长{pct}%，其中工业投资增长{pct2}%，民间投资下降{small}%。",
    "全年一般公共预算收入{mid}亿元，同比增长{pct}%，税收收入占比{share}%。",
    "城镇常住居民人均可支配收入{income}元，增长{pct}%；农村常住居民人均可支配收入{income2}元，增长{pct2}%。",
    "新增城镇就业{count}人，城镇调查失业率控制在{small}%以内。",
    "到{future}年，力争新培育专精特新企业{count2}家，建成5G基站{count}个，数字经济核心产业增加值突破{mid}亿元。",
    "{place}货物进出口总额{mid}亿元，其中出口{small}亿元，在全市{rank_of}个区县中排名第{rank}位。",
    "截至{month}月末，金融机构本外币存款余额{big}亿元，贷款余额{mid}亿元，分别增长{pct}%和{pct2}%。",
    "接待游客{count2}万人次，实现旅游总收入{mid}亿元，分别增长{pct}%和{pct2}%。",
    "会议强调，要坚定不移推动高质量发展，统筹抓好稳增长、促改革、调结构、惠民生、防风险各项工作。",
    "{place}将围绕打造现代化产业体系，加快推进重点项目建设，全年计划实施项目{count2}个，总投资{big}亿元。",
)
CHUNK = 250  # documents per alternation of extraction alone and ingest
TITLES = ("{place}{year}年国民经济和社会发展统计公报", "{place}召开{year}年经济运行分析会",
          "{place}{year}年上半年经济运行情况", "{place}推动消费扩容提质行动方案（{year}—{future}年）")


def place_name(rng: random.Random) -> str:
    return "".join(rng.sample(PLACE_CHARS, 2)) + rng.choice(PLACE_SUFFIXES)


def make_document(rng: random.Random, n: int) -> str:
    """A report-like page dump: a headline, a byline, and paragraphs of templated sentences."""
    year = rng.randint(2015, 2025)
    values = dict(place=place_name(rng), year=year, future=year + rng.randint(2, 5), month=rng.randint(2, 11),
                  big=f"{rng.uniform(200, 3000):.1f}", mid=f"{rng.uniform(10, 400):.2f}",
                  small=f"{rng.uniform(0.1, 9.9):.1f}", pct=f"{rng.uniform(-3, 15):.1f}",
                  pct2=f"{rng.uniform(0, 25):.1f}", share=f"{rng.uniform(10, 90):.1f}",
                  income=rng.randint(20000, 60000), income2=rng.randint(10000, 30000),
                  count=rng.randint(1000, 90000), count2=rng.randint(5, 900), rank=rng.randint(1, 38),
                  rank_of=38)
    lines = [rng.choice(TITLES).format(**values), f"本报记者 第{n}号", ""]
    for _ in range(rng.randint(4, 9)):
        lines.append("".join(s.format(**values) for s in rng.sample(SENTENCES, rng.randint(2, 4))))
        lines.append("")
    return "\n".join(lines)


def bench_ingest(count: int, seed: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder, "corpus")
        corpus.mkdir()
        paths = []
        for n in range(count):
            path = corpus / f"doc-{n:06d}.txt"
            path.write_text(make_document(rng, n), encoding="utf-8")
            paths.append(path)
        size = sum(p.stat().st_size for p in paths)
        for path in paths[:20]:  # warm up lazily built tables so that neither run pays for them
            pipeline.extract(path.read_bytes(), str(path))

        # Extraction alone and ingest alternate chunk by chunk (ABBA), so that the load other
        # processes put on the machine falls on both alike.
        extraction = ingest = 0.0
        extracted_facts = 0
        with open_store(Path(folder, "bench.db")) as store:
            for number, first in enumerate(range(0, count, CHUNK)):
                chunk = paths[first:first + CHUNK]
                for step in ((0, 1) if number % 2 == 0 else (1, 0)):
                    started = time.perf_counter()
                    if step == 0:
                        for path in chunk:
                            extracted_facts += sum(len(d.facts) for d in pipeline.extract(path.read_bytes(), str(path)))
                        extraction += time.perf_counter() - started
                    else:
                        part = store.ingest([str(p) for p in chunk])
                        ingest += time.perf_counter() - started
                        assert not part.errors, part.errors[:3]
            report = store.count_documents(), store.count_facts()
        assert report[0] == count, report

    print(f"ingest: {count:,} documents, {size / 1e6:.1f} MB, {report[1]:,} facts stored "
          f"(extraction alone found {extracted_facts:,})")
    print(f"  extraction alone  {extraction:7.2f} s  {count / extraction:8.1f} docs/s  {size / extraction / 1e6:6.2f} MB/s")
    print(f"  ingest to SQLite  {ingest:7.2f} s  {count / ingest:8.1f} docs/s  {size / ingest / 1e6:6.2f} MB/s")
    print(f"  store overhead    {(ingest - extraction) / ingest:7.1%}  of ingest time (target < 20%)")


def bench_series(target: str, facts: int, queries: int, seed: int) -> None:
    rng = random.Random(seed)
    table = synonym_table()
    indicator_names = table.groups()
    places = sorted({place_name(rng) for _ in range(400)})
    facts_per_doc = 50
    with open_store(target) as store:
        db = store.db
        started = time.perf_counter()
        fact_sql = records.insert_sql("facts", records.FACT_COLUMNS)
        doc_sql = records.insert_sql("documents", records.DOCUMENT_COLUMNS) + " RETURNING id"
        for first in range(0, facts, facts_per_doc * 500):
            with db.write():
                for n in range(first // facts_per_doc, min(facts, first + facts_per_doc * 500) // facts_per_doc):
                    place = rng.choice(places)
                    text = f"{place}统计公报第{n}号。" * 10
                    doc_id = db.execute(doc_sql, (f"{n:064x}", 0, f"/bench/{n}.txt", text[:20], "2025-03-01",
                                                  place, "bulletin", "text", text, text, "{}", 1,
                                                  facts_per_doc, 0, 0, 0, "2025-03-01T00:00:00", 1, None, 1))[0]["id"]
                    rows = []
                    for seq in range(facts_per_doc):
                        names = rng.choice(indicator_names)
                        value = round(rng.uniform(1, 5000), 1)
                        year = rng.randint(2010, 2025)
                        rows.append((doc_id, seq, rng.choice(names), str(value), value, None, "亿元", "level",
                                     None, f"{year}年", f"{year}年", year, None, rng.choice(places), None,
                                     None, 0, 10, None, None, text[:10]))
                    db.execute_many(fact_sql, rows)
            print(f"\r  loaded {min(facts, first + facts_per_doc * 500):,} facts", end="", file=sys.stderr)
        with db.write():
            db.execute_many("INSERT INTO indicators (indicator, indicator_key) VALUES (?, ?) "
                            "ON CONFLICT (indicator) DO NOTHING",
                            [(n, table.key(n)) for names in indicator_names for n in names])
        db.execute("ANALYZE")
        load = time.perf_counter() - started
        total = store.count_facts()
        print(f"\rseries: {total:,} facts in {len(places)} places, {len(indicator_names)} indicators "
              f"(loaded in {load:.1f} s)", file=sys.stdout)
        for label, with_place in (("indicator + place", True), ("indicator, all places", False)):
            timings, sizes = [], []
            for _ in range(queries if with_place else max(10, queries // 10)):
                names = rng.choice(indicator_names)
                started = time.perf_counter()
                series = store.series(rng.choice(names), place=rng.choice(places) if with_place else None)
                timings.append(time.perf_counter() - started)
                sizes.append(len(series.points))
            timings.sort()
            p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
            print(f"  {label:22s} median {statistics.median(timings) * 1000:7.2f} ms  p95 {p95 * 1000:7.2f} ms  "
                  f"({statistics.median(sizes):.0f} points median, {len(timings)} queries)"
                  + ("  (target p95 < 50 ms)" if with_place else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to ingest (part 1)")
    parser.add_argument("--facts", type=int, default=1_000_000, help="facts to load for series (part 2)")
    parser.add_argument("--queries", type=int, default=300, help="series queries to time")
    parser.add_argument("--db", help="store for part 2 (default: a temporary SQLite file); "
                                     "a postgresql:// URL must name an empty database or schema")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-ingest", action="store_true", help="run part 2 only")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    if not args.skip_ingest:
        bench_ingest(args.docs, args.seed)
    if args.facts:
        with tempfile.TemporaryDirectory() as folder:
            bench_series(args.db or str(Path(folder, "series.db")), args.facts, args.queries, args.seed)


if __name__ == "__main__":
    main()
