"""PDF pages per second on one core: zhibiao's PDF reader against pdftotext, same files, same run.

    .venv/bin/python benchmarks/bench_pdf.py [--rounds N]

The corpus is built with reportlab by the test suite's page builders (tests/newspaper.py): one-page
newspaper layouts (columns, pictures, vertical and fake-bold captions, a sidebar; two articles under
a rule) and a long statistical bulletin. pdftotext runs as a subprocess per file, as people run it.
Target: zhibiao within 5x of pdftotext's time.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import newspaper  # noqa: E402
from zhibiao.readers.pdf import read_pdf  # noqa: E402
from common import pin_to_one_core  # noqa: E402


def corpus(folder: Path) -> list[tuple[Path, int]]:
    import pymupdf

    files = []
    builders = [("feature", newspaper.feature_page), ("two_articles", newspaper.two_article_page),
                ("bulletin", lambda: newspaper.bulletin_pdf(pages_of_filler=12))]
    issue = pymupdf.open()  # a sixteen-page issue of the paper in one file
    for name, build in builders:
        data, _ = build()
        path = folder / f"{name}.pdf"
        path.write_bytes(data)
        files.append((path, pymupdf.open(path).page_count))
        if name != "bulletin":
            for _ in range(8):
                issue.insert_pdf(pymupdf.open(stream=data, filetype="pdf"))
    path = folder / "issue.pdf"
    issue.save(path)
    files.append((path, issue.page_count))
    return files


def timed(run, files, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for path, _ in files:
            run(path)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    pin_to_one_core()
    pdftotext = shutil.which("pdftotext")
    if not pdftotext:
        print("pdftotext (poppler-utils) is not installed", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        files = corpus(Path(tmp))
        pages = sum(n for _, n in files)
        ours = timed(lambda p: read_pdf(p.read_bytes(), str(p)), files, args.rounds)
        theirs = timed(lambda p: subprocess.run([pdftotext, str(p), "-"], capture_output=True, check=True),
                       files, args.rounds)
        print(f"corpus: {len(files)} files, {pages} pages (best of {args.rounds} rounds, one core)")
        for path, n in files:
            one = [(path, n)]
            a, b = timed(lambda p: read_pdf(p.read_bytes(), str(p)), one, args.rounds), \
                timed(lambda p: subprocess.run([pdftotext, str(p), "-"], capture_output=True), one, args.rounds)
            print(f"  {path.name:18s} {n:3d} pages  zhibiao {a / n * 1000:7.1f} ms/page  "
                  f"pdftotext {b / n * 1000:7.1f} ms/page  ratio {a / b:4.2f}")
    print(f"zhibiao   {pages / ours:8.1f} pages/s")
    print(f"pdftotext {pages / theirs:8.1f} pages/s")
    print(f"ratio (zhibiao time / pdftotext time): {ours / theirs:.2f}x  (target: <= 5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
