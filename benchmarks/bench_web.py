"""p95 latency of the web app's document view and facts table over a store of 1,000,000 facts,
under concurrent requests on loopback, against a static file served by the same server in the
same run (the baseline). Target: p95 under 100 ms.

    .venv/bin/python benchmarks/bench_web.py [--facts 1000000] [--clients 8] [--requests 400]

The store is built once into benchmarks/results/ (through the Store API) and reused while its
size matches. The server runs in its own process.
"""
from __future__ import annotations

import argparse
import math
import random
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

import httpx

from zhibiao.model import Block, Document, Entity, Fact, Meta
from zhibiao.store import open_store

RESULTS = Path(__file__).resolve().parent / "results"
FACTS_PER_DOCUMENT = 100
INDICATORS = ("地区生产总值", "规模以上工业增加值", "社会消费品零售总额", "固定资产投资", "一般公共预算收入",
              "进出口总额", "实际使用外资", "城镇居民人均可支配收入", "农村居民人均可支配收入", "金融机构存款余额",
              "金融机构贷款余额", "接待游客", "旅游总收入", "新增城镇就业", "高新技术企业", "研发经费投入",
              "常住人口", "粮食产量", "新建改建农村公路", "新增市场主体")
PLACES = ("东城区", "西城区", "南湖区", "北山区", "江滨区", "河西区", "新港区", "高新区", "临川县", "青石县")
UNITS = (("亿元", "level"), ("%", "change"))
TIME_BOUND_SECONDS = 90  # per client and target: slow targets are measured on fewer requests
REQUEST_TIMEOUT_SECONDS = 120


def synthetic_document(number: int, rng: random.Random) -> Document:
    """A bulletin-like document of FACTS_PER_DOCUMENT facts: a level and its growth per sentence."""
    place = PLACES[number % len(PLACES)]
    year = 2015 + number % 10
    title = f"{year}年{place}国民经济和社会发展统计公报（第{number}号）"
    parts, blocks, facts, entities = [title], [Block("title", 0, len(title), [1])], [], []
    position = len(title) + 1
    for sentence in range(FACTS_PER_DOCUMENT // 2):
        indicator = INDICATORS[(number + sentence) % len(INDICATORS)]
        level = Decimal(rng.randint(10, 99999)) / 10
        growth = Decimal(rng.randint(-50, 150)) / 10
        level_text = f"全年{indicator}{level}亿元"
        text = f"{level_text}，比上年增长{growth}%。"
        facts.append(Fact(indicator, level, "亿元", "level", position, position + len(level_text),
                          period=f"{year}年", place=place))
        facts.append(Fact(indicator, growth, "%", "change", position, position + len(text) - 1,
                          period=f"{year}年", place=place, basis="比上年"))
        blocks.append(Block("paragraph", position, position + len(text), [sentence + 2]))
        parts.append(text)
        position += len(text) + 1
    entities.append(Entity("place", place, title.index(place), title.index(place) + len(place)))
    text = "\n".join(parts)
    return Document(text=text, blocks=blocks, facts=facts, entities=entities, raw=text,
                    meta=Meta(source=f"bench/{number}.txt", sha256=f"{number:064x}", date=f"{year + 1}-03-01",
                              place=place, title=title, genre="statistical_bulletin", format="text"))


def build_store(path: Path, n_facts: int) -> float:
    """The store of ``n_facts`` facts, made if missing or of another size; seconds spent building."""
    documents = n_facts // FACTS_PER_DOCUMENT
    if path.exists():
        with open_store(str(path), readonly=True) as store:
            if store.count_documents() == documents:
                return 0.0
        path.unlink()
    started = time.perf_counter()
    rng = random.Random(6)
    with open_store(str(path)) as store:
        for number in range(documents):
            store.add_document(synthetic_document(number, rng))
            if number % 100 == 99:
                print(f"\r  building: {number + 1:,}/{documents:,} documents", end="", file=sys.stderr)
    print(file=sys.stderr)
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    code = ("import uvicorn; from zhibiao.web import create_app; "
            f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, log_level='warning')")
    server = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/static/style.css", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start")


def measure(base: str, paths: list[str], clients: int, requests: int) -> dict[str, float]:
    """Latencies (ms) of ``requests`` GETs spread over ``clients`` concurrent connections."""
    def worker(share: list[str]) -> list[float]:
        """Latencies of the share's requests; a request that fails or times out counts as inf."""
        latencies = []
        deadline = time.monotonic() + TIME_BOUND_SECONDS
        with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_SECONDS) as client:
            for path in share:
                if time.monotonic() > deadline:
                    break
                started = time.perf_counter()
                try:
                    ok = client.get(path).status_code == 200
                except httpx.TimeoutException:
                    ok = False
                latencies.append((time.perf_counter() - started) * 1000 if ok else math.inf)
        return latencies

    work = [paths[i % len(paths)] for i in range(requests)]
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        latencies = sorted(x for part in pool.map(worker, [work[i::clients] for i in range(clients)]) for x in part)
    elapsed = time.perf_counter() - started
    return {"n": len(latencies), "failed": sum(x == math.inf for x in latencies), "p50": statistics.median(latencies),
            "p95": latencies[int(0.95 * (len(latencies) - 1))], "p99": latencies[int(0.99 * (len(latencies) - 1))],
            "rps": len(latencies) / elapsed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--facts", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400, help="requests per target")
    options = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    db = RESULTS / f"bench_web_{options.facts}.db"
    built = build_store(db, options.facts)
    with open_store(str(db), readonly=True) as store:
        n_documents, n_facts = store.count_documents(), store.count_facts()
    print(f"store: {n_documents:,} documents, {n_facts:,} facts" + (f" (built in {built:.0f} s)" if built else ""))
    rng = random.Random(7)
    targets = {
        "baseline: static file": ["/static/style.css"],
        "document view": [f"/documents/{rng.randint(1, n_documents)}" for _ in range(200)],
        "facts table": ["/facts"],
        "facts table, filtered": [f"/facts?kind=change&indicator={rng.choice(INDICATORS)}" for _ in range(50)],
        "facts table, page 50": ["/facts?page=50&order=-value"],
        "facts API": ["/api/facts?limit=50"],
    }
    port = free_port()
    server = start_server(db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        # The first request of each target alone: cold caches, the app's aggregates not yet remembered.
        first = {name: measure(base, paths[:1], 1, 1)["p50"] for name, paths in targets.items()}
        for paths in targets.values():  # warm up: page cache, SQLite statement cache, templates
            measure(base, paths[:8], 2, 8)
        results = {name: measure(base, paths, options.clients, options.requests) for name, paths in targets.items()}
    finally:
        server.terminate()
        server.wait(timeout=10)
    baseline = results["baseline: static file"]["p95"]
    print(f"{options.clients} concurrent clients, {options.requests} requests per target, loopback")
    print(f"{'target':24} {'first ms':>9} {'n':>5} {'failed':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'req/s':>7} {'p95/baseline':>13}")
    for name, r in results.items():
        print(f"{name:24} {first[name]:>9.1f} {r['n']:>5} {r['failed']:>6} {r['p50']:>8.1f} {r['p95']:>8.1f} "
              f"{r['p99']:>8.1f} {r['rps']:>7.1f} {r['p95'] / baseline:>12.1f}x")
    for name in ("document view", "facts table"):
        verdict = "meets" if results[name]["p95"] < 100 else "MISSES"
        print(f"{name}: p95 {results[name]['p95']:.1f} ms {verdict} the 100 ms target")


if __name__ == "__main__":
    main()
