"""Store benchmark: ingest throughput against extraction alone, and series query latency.

    .venv/bin/python benchmarks/bench_store.py                      # 10,000 documents, 1,000,000 facts
    .venv/bin/python benchmarks/bench_store.py --docs 1000 --facts 200000   # a quick run

Part 1 generates page dumps of district-paper reports, and times extraction alone and
``Store.ingest`` of the same files into a fresh SQLite file (reading, hashing, extracting, storing),
alternating chunk by chunk; store overhead = (ingest - extraction) / ingest, target under 20%.
Extraction alone and the first ingest run on one core. Where there are more cores, two more runs
ingest into stores of their own with extraction in worker processes while storing goes on beside
them: one worker (two cores busy), and one worker per core (the default). Their overhead is
against the same extraction alone on one core.
Part 2 bulk-loads synthetic facts straight into a store and times ``Store.series`` for one
indicator (named by a synonym) in one place: median and p95, target p95 under 50 ms.
"""
from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from zhibiao import pipeline
from zhibiao.indicators import synonym_table
from zhibiao.store import open_store
from zhibiao.store import aggregates, records
from zhibiao.store.dialects import insert_sql
from common import pin_to_one_core  # noqa: E402

PLACE_CHARS = "东西南北江河湖山城新华安平长青云龙凤金石桥阳明永兴宁远泰丰德嘉川"
PLACE_SUFFIXES = ("区", "县", "新区")
FIGURES = (  # sentences that state figures
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
    "{place}将围绕打造现代化产业体系，加快推进重点项目建设，全年计划实施项目{count2}个，总投资{big}亿元。",
)
PROSE = (  # sentences that state none, as most of a newspaper page does
    "会议强调，要坚定不移推动高质量发展，统筹抓好稳增长、促改革、调结构、惠民生、防风险各项工作。",
    "坚持把发展经济的着力点放在实体经济上，推动产业链供应链优化升级。",
    "围绕群众急难愁盼问题，持续完善公共服务体系，让发展成果更多更公平惠及全体人民。",
    "深化营商环境改革，推行涉企事项一网通办，市场活力进一步释放。",
    "记者在现场看到，工人们正在加紧施工，项目建设热火朝天。",
    "区相关负责人表示，下一步将继续聚焦主导产业，强化招商引资和项目服务。",
    "通过搭建产学研合作平台，一批科技成果在本地实现转化，创新链和产业链加速融合。",
    "社区工作人员介绍，新建的养老服务站为周边老人提供助餐、日间照料等服务，很受居民欢迎。",
    "今年以来，面对复杂严峻的外部环境，全区上下齐心协力，经济运行总体平稳、稳中有进。",
    "下一步，将持续优化消费环境，培育新型消费业态，进一步激发消费潜力。",
    "生态环境持续改善，河流水质稳定向好，城市面貌焕然一新。",
    "老旧街区在保留历史风貌的同时植入新业态，成为市民和游客打卡的新去处。",
)
REPORTERS = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高"
SEARCH_TERMS = ("消费", "养老", "专精特新", "社会消费品零售总额")  # 2 characters: a scan; 3 or more: the index
# Documents per turn of each run. An ingest with workers stores its last batch after they are done:
# a corpus of this size bears that as a real one would, a smaller one would bear it more often.
CHUNK = 2500
WEB_PLACES = 12  # places the web's indicator view charts (zhibiao.web.pages.CHART_PLACES)
WEB_VALUES_PER_GROUP = 3  # and values of each place and period (zhibiao.web.pages.VALUES_PER_GROUP)
TITLES = ("{place}{year}年国民经济和社会发展统计公报", "{place}召开{year}年经济运行分析会",
          "{place}{year}年上半年经济运行情况", "{place}推动消费扩容提质行动方案（{year}—{future}年）")


def place_name(rng: random.Random) -> str:
    return "".join(rng.sample(PLACE_CHARS, 2)) + rng.choice(PLACE_SUFFIXES)


def make_document(rng: random.Random) -> str:
    """A page dump as a PDF-to-text tool leaves a district paper's report: a headline, a byline,
    then paragraphs of prose and figures hard-wrapped to a narrow column, some starting with a
    space, with now and then a column break inside a paragraph."""
    year = rng.randint(2015, 2025)
    values = dict(place=place_name(rng), year=year, future=year + rng.randint(2, 5), month=rng.randint(2, 11),
                  big=f"{rng.uniform(200, 3000):.1f}", mid=f"{rng.uniform(10, 400):.2f}",
                  small=f"{rng.uniform(0.1, 9.9):.1f}", pct=f"{rng.uniform(-3, 15):.1f}",
                  pct2=f"{rng.uniform(0, 25):.1f}", share=f"{rng.uniform(10, 90):.1f}",
                  income=rng.randint(20000, 60000), income2=rng.randint(10000, 30000),
                  count=rng.randint(1000, 90000), count2=rng.randint(5, 900), rank=rng.randint(1, 38),
                  rank_of=38)
    width = rng.randint(14, 30)
    lines = [rng.choice(TITLES).format(**values), "", f"本报记者 {''.join(rng.sample(REPORTERS, 2))}", ""]
    figures, prose = itertools.cycle(rng.sample(FIGURES, len(FIGURES))), itertools.cycle(rng.sample(PROSE, len(PROSE)))
    for _ in range(rng.randint(5, 12)):
        sentences = [next(figures if rng.random() < 0.35 else prose) for _ in range(rng.randint(2, 5))]
        paragraph = (" " if rng.random() < 0.5 else "") + "".join(s.format(**values) for s in sentences)
        wrapped = [paragraph[i:i + width] for i in range(0, len(paragraph), width)]
        if len(wrapped) > 3 and rng.random() < 0.2:
            wrapped.insert(rng.randint(1, len(wrapped) - 1), "")
        lines += wrapped + [""]
    return "\n".join(lines)


def _children_cpu() -> float:
    """CPU time of the worker processes that have ended."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def bench_ingest(count: int, seed: int, cores: set[int]) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder, "corpus")
        corpus.mkdir()
        paths = []
        for n in range(count):
            path = corpus / f"doc-{n:06d}.txt"
            path.write_text(make_document(rng), encoding="utf-8")
            paths.append(path)
        size = sum(p.stat().st_size for p in paths)
        for path in paths[:20]:  # warm up lazily built tables so that neither run pays for them
            pipeline.extract(path.read_bytes(), str(path))

        # The runs take turns chunk by chunk, each chunk in another order, so that the load other
        # processes put on the machine falls on all alike. Wall and CPU time are both kept: CPU
        # time leaves out the waits for a core on a shared machine, wall time also the disk's.
        # Each ingest run has a store of its own: run name -> (workers, cores it may use).
        ingests = {"ingest, one core": (0, one_core := os.sched_getaffinity(0))}
        if len(cores) > 1:
            ingests |= {"ingest, 1 worker": (1, cores), f"ingest, {len(cores)} workers": (len(cores), cores)}
        steps = ["extraction alone", *ingests]
        wall = dict.fromkeys(steps, 0.0)
        cpu = dict(wall)
        extracted_facts = 0
        with contextlib.ExitStack() as stores:
            store_of = {name: stores.enter_context(open_store(Path(folder, f"bench-{n}.db")))
                        for n, name in enumerate(ingests)}
            for number, first in enumerate(range(0, count, CHUNK)):
                chunk = paths[first:first + CHUNK]
                for step in steps[number % len(steps):] + steps[:number % len(steps)]:
                    started, started_cpu = time.perf_counter(), time.process_time() + _children_cpu()
                    if step in ingests:
                        jobs, allowed = ingests[step]
                        os.sched_setaffinity(0, allowed)
                        part = store_of[step].ingest([str(p) for p in chunk], jobs=jobs)
                        os.sched_setaffinity(0, one_core)
                        assert not part.errors, part.errors[:3]
                    else:  # as ingest extracts: a batch of inputs a stage at a time
                        for _, docs in pipeline.extract_many((path.read_bytes(), str(path)) for path in chunk):
                            extracted_facts += sum(len(d.facts) for d in docs)
                    wall[step] += time.perf_counter() - started
                    cpu[step] += time.process_time() + _children_cpu() - started_cpu
            counted = {(store.count_documents(), store.count_facts()) for store in store_of.values()}
            assert counted == {(count, extracted_facts)}, counted
            searches = {term: _median_ms(lambda: store_of["ingest, one core"].search(term), 15)
                        for term in SEARCH_TERMS}

    print(f"ingest: {count:,} documents, {size / 1e6:.1f} MB, {extracted_facts:,} facts")
    alone = wall["extraction alone"]
    for step in steps:
        overhead = "" if step not in ingests else f"  store overhead {(wall[step] - alone) / wall[step]:6.1%}"
        print(f"  {step:17s} {wall[step]:7.2f} s  {count / wall[step]:7.1f} docs/s  "
              f"{size / wall[step] / 1e6:5.2f} MB/s   (CPU {cpu[step]:6.2f} s){overhead}")
    one = "ingest, one core"
    print(f"  store overhead = (ingest - extraction alone) / ingest, in wall time (target < 20%); on one core "
          f"in CPU time: {(cpu[one] - cpu['extraction alone']) / cpu[one]:.1%}")
    print("  search, median of 15: " + ", ".join(f"{term} {ms:.1f} ms" for term, ms in searches.items()))


def _median_ms(query, times: int) -> float:
    timings = []
    for _ in range(times):
        started = time.perf_counter()
        query()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def bench_series(target: str, facts: int, queries: int, seed: int) -> None:
    rng = random.Random(seed)
    table = synonym_table()
    indicator_names = table.groups()
    places = sorted({place_name(rng) for _ in range(400)})
    facts_per_doc = 50
    with open_store(target) as store:
        db = store.db
        started = time.perf_counter()
        fact_sql = insert_sql("facts", records.FACT_COLUMNS)
        doc_sql = insert_sql("documents", records.DOCUMENT_COLUMNS) + " RETURNING id"
        for first in range(0, facts, facts_per_doc * 500):
            with db.write():
                for n in range(first // facts_per_doc, min(facts, first + facts_per_doc * 500) // facts_per_doc):
                    place = rng.choice(places)
                    text = f"{place}统计公报第{n}号。" * 10
                    doc_id = db.execute(doc_sql, (f"{n:064x}", 0, f"/bench/{n}.txt", text[:20], "2025-03-01",
                                                  place, "bulletin", "text", text, text, "{}", 1,
                                                  facts_per_doc, 0, 0, 0, "{}", "2025-03-01T00:00:00", 1, None,
                                                  1))[0]["id"]
                    rows = []
                    for seq in range(facts_per_doc):
                        names = rng.choice(indicator_names)
                        value = round(rng.uniform(1, 5000), 1)
                        year = rng.randint(2010, 2025)
                        rows.append((doc_id, seq, rng.choice(names), str(value), value, None, "亿元", "level",
                                     None, f"{year}年", f"{year}年", year, None, rng.choice(places), None,
                                     None, 0, 10, None, None, 1))
                    db.execute_many(fact_sql, rows)
            print(f"\r  loaded {min(facts, first + facts_per_doc * 500):,} facts", end="", file=sys.stderr)
        with db.write():
            db.execute_many("INSERT INTO indicators (indicator, indicator_key) VALUES (?, ?) "
                            "ON CONFLICT (indicator) DO NOTHING",
                            [(n, table.key(n)) for names in indicator_names for n in names])
            db.execute_many("INSERT INTO places (place) VALUES (?)", [(p,) for p in places])
            aggregates.recount(db)  # the facts went in around the Store, so count them here
        db.execute("ANALYZE")
        load = time.perf_counter() - started
        total = store.count_facts()
        print(f"\rseries: {total:,} facts in {len(places)} places, {len(indicator_names)} indicators "
              f"(loaded in {load:.1f} s)", file=sys.stdout)
        # The web's indicator view asks for all places with max_places and per_group.
        for label, with_place, max_places in (("indicator + place", True, None),
                                              ("indicator, all places", False, None),
                                              ("indicator, web view", False, WEB_PLACES)):
            timings, sizes = [], []
            for _ in range(queries if with_place or max_places else max(10, queries // 10)):
                names = rng.choice(indicator_names)
                started = time.perf_counter()
                series = store.series(rng.choice(names), place=rng.choice(places) if with_place else None,
                                      max_places=max_places, per_group=max_places and WEB_VALUES_PER_GROUP)
                timings.append(time.perf_counter() - started)
                sizes.append(len(series.points))
            timings.sort()
            p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
            print(f"  {label:22s} median {statistics.median(timings) * 1000:7.2f} ms  p95 {p95 * 1000:7.2f} ms  "
                  f"({statistics.median(sizes):.0f} points median, {len(timings)} queries)"
                  + ("" if label.endswith("all places") else "  (target p95 < 50 ms)"))


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
    cores = pin_to_one_core()
    if not args.skip_ingest:
        bench_ingest(args.docs, args.seed, cores)
    if args.facts:
        with tempfile.TemporaryDirectory() as folder:
            bench_series(args.db or str(Path(folder, "series.db")), args.facts, args.queries, args.seed)


if __name__ == "__main__":
    main()
