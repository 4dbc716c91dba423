"""Born-digital PDF pages to Documents, from the characters' positions, sizes and weights.

Per page: characters from PyMuPDF's text trace; glyphs drawn twice on top of each other (fake
bold, shadows) kept once and marked bold; characters stacked one above the other read as vertical
text, top to bottom, right to left; the rest grouped into runs along their baselines. A recursive
XY cut over the runs (whitespace gaps, helped by ruled lines) gives columns and reading order;
pictures' boxes tell captions and text wrapped around them. Over the whole file: lines become
paragraphs from indentation and line ends, blocks get kinds from size, weight and position, and a
page holding several headlines becomes several documents.
"""
from __future__ import annotations

import bisect
import hashlib
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from zhibiao.errors import InputError
from zhibiao.model import Document, Meta
from zhibiao.read import normalise
from zhibiao.readers import Piece, assemble

# Thresholds, in ems of the characters concerned.
DUPLICATE_OFFSET = 0.3  # a second glyph this close to the first is the same glyph drawn again
RUN_GAP = 0.6  # a wider gap on a baseline separates runs (and becomes a space inside a line)
ISOLATED_GAP = 0.35  # a character with no neighbour this close on its baseline may be vertical text
STACK_GAP = 0.4  # vertical text: the most space between one character and the next below it
X_CUT_GAP = 0.7  # the narrowest gutter between columns
Y_CUT_GAP = 0.9  # the least space between stacked regions (lines of a column are closer)
INDENT = 0.8  # a line starting this far right of its column's edge starts a paragraph
SHORT_LINE = 1.0  # a line ending this far short of its column's edge may end a paragraph
DISPLAY_SIZE = 1.5  # headline sizes, relative to the body text
CAPTION_REACH = 2.0  # a caption lies this close to its picture
RULE_WIDTH_SLACK = 3.0  # rules across whose ends lie this close (points) are of one width

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|[-_,]b(?:d)?$|(?<![a-z])w[6-9]$", re.I)
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_WEIGHT_SUFFIX = re.compile(r"[-_,]?(bold|black|heavy|semibold|demibold|medium|regular|light|italic|oblique)$", re.I)
_FIGURE_CELL = re.compile(r"^[-+−]?\d[\d,.]*\s*[%‰]?$")  # a table cell holding a figure
_SENTENCE_END = re.compile(r"[。！？!?…；;：:]['\"”’」』）)]*$")
_PAGE_NUMBER = re.compile(r"^[\s\-—–－·]*(第\s*)?\d{1,4}\s*(页)?(\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[\s\-—–－·]*$")
_FOLIO = re.compile(r"责任?编辑|责编|美编|校对|版式|组版|星期[一二三四五六日天]|第\s*\d{1,3}\s*版|(?<![\d.])[A-Z]?\d{1,2}\s*版(?!权)")
_BYLINE = re.compile(r"记者|通讯员|特约|撰稿|见习|实习生|^\s*[文图]\s*[/／]|摄影?$|编辑")


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    bold: bool
    family: str
    seq: int

    @property
    def top(self) -> float:  # the em box, independent of the font's ascender and descender
        return self.baseline - 0.85 * self.size

    @property
    def bottom(self) -> float:
        return self.baseline + 0.15 * self.size


@dataclass(eq=False)
class Atom:
    """A run of characters on one baseline, or a column group of vertical text: what the XY cut moves."""

    chars: list[Char]
    vertical: bool = False
    text: str = ""
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    raw_line: int = 0
    members: list[Atom] | None = None  # for a frame: the atoms inside it, cut on their own
    rows: list[list[str]] | None = None  # for a ruled table: its cells
    raw_lines: list[int] = field(default_factory=list)  # for a ruled table: its runs' raw lines

    def __post_init__(self):
        cs = self.chars
        self.x0, self.x1 = min(c.x0 for c in cs), max(c.x1 for c in cs)
        low, high = min(cs, key=lambda c: c.top), max(cs, key=lambda c: c.bottom)
        self.y0, self.y1 = low.top, high.bottom
        if not self.text:
            self.text = "".join(c.text for c in cs)

    @property
    def size(self) -> float:
        return self.chars[len(self.chars) // 2].size

    @property
    def baseline(self) -> float:
        return self.chars[0].baseline


@dataclass(frozen=True)
class Style:
    size: float
    bold: bool
    family: str


@dataclass(eq=False)
class Line:
    """One line of text in reading order (or one vertical group), with where it sits."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    style: Style
    page: int
    column: tuple[float, float]
    raw_lines: list[int]
    vertical: bool = False
    leaf: int = 0
    rows: list[list[str]] | None = None  # a ruled table, whole


@dataclass
class Picture:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class PageLayout:
    number: int
    height: float
    lines: list[Line] = field(default_factory=list)
    pictures: list[Picture] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)


def read_pdf(data: bytes, source: str | None) -> list[Document]:
    """The documents in a born-digital PDF: one per article on a page of several, else one."""
    import pymupdf

    pdf = _open(pymupdf, data, source)
    layouts, first_raw_line = [], 1
    for number, page in enumerate(pdf, start=1):
        layout = _page_layout(page, number, first_raw_line)
        first_raw_line += len(layout.raw)
        layouts.append(layout)
    if not any(layout.lines for layout in layouts):
        if any(page.get_images() for page in pdf):
            raise InputError(source, "has no text layer: a scanned page; OCR is not supported")
        raise InputError(source, "has no text")
    title = (pdf.metadata or {}).get("title") or None
    pdf.close()
    _drop_running_lines(layouts)
    raw = "\n".join(line for layout in layouts for line in layout.raw)
    blocks = _blocks(layouts)
    if not blocks:
        raise InputError(source, "has no text")
    meta = dict(source=source, sha256=hashlib.sha256(data).hexdigest(), format="pdf")
    articles = _articles(blocks)
    documents = []
    for article in articles:
        text, doc_blocks = assemble(_pieces(article))
        head = next((text[b.start:b.end] for b in doc_blocks if b.kind == "title"), None)
        documents.append(Document(text=text, blocks=doc_blocks, raw=raw,
                                  meta=Meta(title=head or (title if len(articles) == 1 else None), **meta)))
    return documents


def _open(pymupdf, data: bytes, source: str | None):
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    # a file cut short loses its end-of-file marker, and MuPDF has to rebuild what it can find
    ends = b"%%EOF" in data[-2048:]
    truncated = InputError(source, "is a truncated PDF: it ends before its end-of-file marker")
    try:
        pdf = pymupdf.open(stream=data, filetype="pdf")
    except Exception as error:  # MuPDF raises its own types for every kind of damage
        raise (truncated if not ends else InputError(source, f"is not a readable PDF ({_first_line(error)})")) \
            from None
    if pdf.needs_pass:
        raise InputError(source, "is an encrypted PDF; remove the password first")
    if not ends and (pdf.is_repaired or pdf.page_count == 0):
        raise truncated
    if pdf.page_count == 0:
        raise InputError(source, "is a PDF without pages")
    return pdf


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


# --- one page --------------------------------------------------------------------------------

def _page_layout(page, number: int, first_raw_line: int) -> PageLayout:
    layout = PageLayout(number, page.rect.height)
    horizontal, vertical_atoms = _characters(page)
    chars = _dedupe(horizontal)
    bands = _baseline_bands(chars)
    stacked = _stacked(_isolated(bands))
    if stacked:
        taken = {id(ch) for chain in stacked for ch in chain}
        bands = [kept for band in bands if (kept := [ch for ch in band if id(ch) not in taken])]
    atoms = _runs(bands) + [_vertical_atom(group) for group in _vertical_groups(stacked)]
    atoms += vertical_atoms
    if not atoms:
        return layout
    for offset, atom in enumerate(sorted(atoms, key=lambda a: (a.chars[0].seq, a.y0, a.x0))):
        atom.raw_line = first_raw_line + offset
        layout.raw.append(atom.text)
    pictures, frames, h_rules, v_rules = _graphics(page, atoms, number)
    layout.pictures = pictures
    atoms = _tables(atoms, h_rules, v_rules)
    leaves = _xy_cut(_framed(atoms, frames), h_rules, v_rules, pictures)
    for leaf_id, (leaf, column) in enumerate(leaves):
        layout.lines += _leaf_lines(leaf, column, number, leaf_id + number * 100000)
    return layout


def _characters(page) -> tuple[list[list[Char]], list[Atom]]:
    """Visible characters span by span (invisible ones only when a page has nothing else, as over
    a scan); rotated runs come back whole as vertical atoms."""
    spans, rotated, hidden = [], [], []
    width, height = page.rect.width, page.rect.height
    for span in page.get_texttrace():
        size = span["size"]
        if size <= 0.5 or span["opacity"] == 0:
            continue
        family = _WEIGHT_SUFFIX.sub("", _SUBSET_PREFIX.sub("", span["font"] or ""))
        bold = bool(span["flags"] & 16) or span["type"] in (1, 2) or bool(_BOLD_FONT.search(span["font"] or ""))
        seq = span["seqno"]
        dx, dy = span["dir"]
        target = hidden if span["type"] == 3 else spans
        sx0, sy0, sx1, sy1 = span["bbox"]
        on_page = -1 <= sx0 and sx1 <= width + 1 and -1 <= sy0 and sy1 <= height + 1
        span_chars = []
        for code, _glyph, (ox, oy), bbox in span["chars"]:
            if code < 32 or code == 0xFFFD or not (on_page or (-1 <= ox <= width + 1 and -1 <= oy <= height + 1)):
                continue
            x0, x1 = (bbox[0], bbox[2]) if bbox[2] > bbox[0] else (ox, ox + size)
            span_chars.append(Char(chr(code), x0, x1, oy, size, bold, family, seq))
        if abs(dy) > abs(dx) and span_chars:  # rotated a quarter turn: a vertical label
            ordered = sorted(span_chars, key=lambda c: c.baseline, reverse=dy < 0)
            boxed = [Char(c.text, min(c.x0, c.x1), min(c.x0, c.x1) + size, c.baseline, size, bold, family, seq)
                     for c in ordered]
            rotated.append(Atom(boxed, vertical=True, text="".join(c.text for c in ordered)))
        elif span_chars:
            target.append(span_chars)
    return (spans or hidden), rotated


def _mark_twin(first: Char, again: Char) -> None:
    """A copy drawn a little off the first, or stroked over it, makes the glyph bold."""
    if again.text.strip() and (abs(first.x0 - again.x0) > 0.05 or abs(first.baseline - again.baseline) > 0.05
                               or again.bold):
        first.bold = True


def _dedupe(spans: list[list[Char]]) -> list[Char]:
    """Keep one of each glyph drawn again on top of itself (in the same span or another, before or
    after); a copy slightly offset, or stroked over the fill, makes it bold."""
    kept: list[Char] = []
    index: dict[tuple[str, int, int], int] = {}
    for ch in (ch for span in spans for ch in span):
        # a grid of cells as wide as the largest offset: a twin is in this cell or the nearest
        # neighbouring one on each axis
        cell = max(0.5, DUPLICATE_OFFSET * ch.size)
        fx, fy = ch.x0 / cell, ch.baseline / cell
        gx, gy = int(fx), int(fy)
        nx, ny = (gx - 1 if fx - gx < 0.5 else gx + 1), (gy - 1 if fy - gy < 0.5 else gy + 1)
        twin = None
        for key in ((ch.text, gx, gy), (ch.text, nx, gy), (ch.text, gx, ny), (ch.text, nx, ny)):
            k = index.get(key)
            if k is not None and _same_glyph(kept[k], ch):
                twin = k
                break
        if twin is None:
            index[(ch.text, gx, gy)] = len(kept)
            kept.append(ch)
        else:
            _mark_twin(kept[twin], ch)
    return kept


def _same_glyph(a: Char, b: Char) -> bool:
    """Drawn again within a fraction of its size and width: one glyph, not two in a row (400, 谢谢)."""
    reach = min(DUPLICATE_OFFSET * a.size, 0.5 * max(a.x1 - a.x0, 0.1))
    return (abs(a.size - b.size) < 0.1 * a.size and abs(a.x0 - b.x0) <= reach
            and abs(a.baseline - b.baseline) <= DUPLICATE_OFFSET * a.size)


def _baseline_bands(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped by baseline, each group from left to right."""
    bands: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: c.baseline):
        if bands and ch.baseline - bands[-1][0].baseline <= 0.25 * ch.size:
            bands[-1].append(ch)
        else:
            bands.append([ch])
    for band in bands:
        band.sort(key=lambda c: c.x0)
    return bands


def _runs(bands: list[list[Char]]) -> list[Atom]:
    """Each band split where a gap is wider than RUN_GAP ems, or the size changes."""
    atoms = []
    for band in bands:
        run = [band[0]]
        for ch in band[1:]:
            prev = run[-1]
            size = ch.size if ch.size > prev.size else prev.size
            if ch.x0 - prev.x1 > RUN_GAP * size or abs(ch.size - prev.size) > 0.3 * size:
                atoms.append(Atom(run))
                run = [ch]
            else:
                run.append(ch)
        atoms.append(Atom(run))
    return atoms


def _isolated(bands: list[list[Char]]) -> list[Char]:
    """Characters with no neighbour close on either side along their baseline."""
    out = []
    for band in bands:
        for i, ch in enumerate(band):
            reach = ISOLATED_GAP * ch.size
            if not ch.text.strip() or (i and ch.x0 - band[i - 1].x1 <= reach) \
                    or (i + 1 < len(band) and band[i + 1].x0 - ch.x1 <= reach):
                continue
            out.append(ch)
    return out


def _stacked(isolated: list[Char]) -> list[list[Char]]:
    """Chains of isolated characters, each right above the next: vertical text."""
    if len(isolated) < 2:
        return []
    chains: list[list[Char]] = []
    open_chains: list[list[Char]] = []
    for ch in sorted(isolated, key=lambda c: c.baseline):
        centre = (ch.x0 + ch.x1) / 2
        for chain in open_chains:
            last = chain[-1]
            if (abs((last.x0 + last.x1) / 2 - centre) <= 0.25 * ch.size
                    and abs(last.size - ch.size) <= 0.15 * ch.size
                    and -0.2 * ch.size <= ch.top - last.bottom <= STACK_GAP * ch.size):
                chain.append(ch)
                break
        else:
            chain = [ch]
            chains.append(chain)
            open_chains.append(chain)
        open_chains = [c for c in open_chains if ch.top - c[-1].bottom <= STACK_GAP * ch.size * 2]
    return [c for c in chains if len(c) >= 2]


def _vertical_groups(chains: list[list[Char]]) -> list[list[list[Char]]]:
    """Side-by-side vertical chains of one size form one group, read right to left."""
    groups: list[list[list[Char]]] = []
    for chain in sorted(chains, key=lambda c: -c[0].x1):
        size = chain[0].size
        for group in groups:
            near = group[-1]
            if (abs(near[0].size - size) <= 0.15 * size and 0 < near[0].x0 - chain[0].x0 <= 2.0 * size
                    and chain[0].top < near[-1].bottom and near[0].top < chain[-1].bottom):
                group.append(chain)
                break
        else:
            groups.append([chain])
    return groups


def _vertical_atom(group: list[list[Char]]) -> Atom:
    return Atom([ch for chain in group for ch in chain], vertical=True)


def _graphics(page, atoms: list[Atom], number: int) -> tuple[list[Picture], list[tuple], list[tuple], list[tuple]]:
    """Pictures (images, and filled boxes with no text inside), frames (boxes with text inside:
    sidebars), and horizontal and vertical rules."""
    body = statistics.median(a.size for a in atoms)
    boxes, h_rules, v_rules = [], [], []
    for kind, (x0, y0, x1, y1) in page.get_bboxlog():  # one pass over the page's drawing operations
        w, h = x1 - x0, y1 - y0
        if kind in ("fill-image", "fill-imgmask", "fill-shade"):
            boxes.append((x0, y0, x1, y1))
        elif kind not in ("fill-path", "stroke-path"):
            continue
        elif h <= 2.5 and w >= 3 * body:
            h_rules.append((x0, (y0 + y1) / 2, x1))
        elif w <= 2.5 and h >= 3 * body:
            v_rules.append(((x0 + x1) / 2, y0, y1))
        elif kind == "fill-path" and w >= 2 * body and h >= 2 * body:
            boxes.append((x0, y0, x1, y1))
        elif kind == "stroke-path" and w >= 3 * body and h >= 3 * body:  # an outline: four rules
            boxes.append((x0, y0, x1, y1))
            h_rules += [(x0, y0, x1), (x0, y1, x1)]
            v_rules += [(x0, y0, y1), (x1, y0, y1)]
    pictures, frames = [], []
    page_area = page.rect.width * page.rect.height
    for box in boxes:
        x0, y0, x1, y1 = box
        if (x1 - x0) * (y1 - y0) >= page_area * 0.8:  # a page background
            continue
        if any(_inside(a, box) for a in atoms):
            frames.append(box)
        else:
            pictures.append(Picture(number, x0, y0, x1, y1))
    return pictures, frames, h_rules, v_rules


def _tables(atoms: list[Atom], h_rules: list[tuple], v_rules: list[tuple]) -> list[Atom]:
    """Tables become table atoms, the runs inside each cell joined top to bottom and left to right.
    A grid of ruled lines (three across and three down at least) gives its cells; a table ruled
    only across (三线表) has its rows on the text's baselines and its columns at the gaps that run
    down the whole of it."""
    for xs, ys in _grids(h_rules, v_rules):
        box = (xs[0], ys[0], xs[-1], ys[-1])
        inside = [a for a in atoms if not a.vertical and _inside(a, box)]
        if not inside:
            continue
        cells: dict[tuple[int, int], list[Atom]] = {}
        for a in inside:
            row = bisect.bisect(ys, (a.y0 + a.y1) / 2) - 1
            col = bisect.bisect(xs, (a.x0 + a.x1) / 2) - 1
            cells.setdefault((row, col), []).append(a)
        rows = [[_cell_text(cells.get((r, c), [])) for c in range(len(xs) - 1)] for r in range(len(ys) - 1)]
        atoms = _as_table(atoms, inside, [r for r in rows if any(r)], box)
    for box in _rule_stacks(h_rules, v_rules):
        inside = [a for a in atoms if not a.vertical and a.rows is None and _inside(a, box)]
        rows = _aligned_rows(inside)
        if rows:
            atoms = _as_table(atoms, inside, rows, box)
    return atoms


def _cell_text(atoms: list[Atom]) -> str:
    return "".join(a.text for a in sorted(atoms, key=lambda a: (round(a.y0), a.x0)))


def _as_table(atoms: list[Atom], inside: list[Atom], rows: list[list[str]], box: tuple) -> list[Atom]:
    """The atoms with those inside the box replaced by one table atom of these rows."""
    table = Atom([c for a in inside for c in a.chars], text="\n".join("\t".join(r) for r in rows), rows=rows,
                 raw_lines=sorted(a.raw_line for a in inside))
    table.x0, table.y0, table.x1, table.y1 = box
    taken = {id(a) for a in inside}
    return [a for a in atoms if id(a) not in taken] + [table]


def _rule_stacks(h_rules: list[tuple], v_rules: list[tuple]) -> list[tuple]:
    """Boxes from the first to the last of two or more rules across of one width, one above the
    other, that no rule down crosses: where a table ruled only across may be."""
    stacks: list[list[tuple]] = []  # rules whose ends lie within RULE_WIDTH_SLACK of the first one's
    for rule in sorted(h for h in h_rules if not any(_crosses(h, v) for v in v_rules)):
        stack = next((st for st in stacks if abs(st[0][0] - rule[0]) <= RULE_WIDTH_SLACK
                      and abs(st[0][2] - rule[2]) <= RULE_WIDTH_SLACK), None)
        if stack is None:
            stacks.append([rule])
        else:
            stack.append(rule)
    boxes = []
    for stack in stacks:
        ys = _distinct([y for _, y, _ in stack])
        if len(ys) >= 2:
            boxes.append((min(x0 for x0, _, _ in stack), ys[0], max(x1 for _, _, x1 in stack), ys[-1]))
    return boxes


def _crosses(h_rule: tuple, v_rule: tuple) -> bool:
    (hx0, hy, hx1), (vx, vy0, vy1) = h_rule, v_rule
    return hx0 - 1.5 <= vx <= hx1 + 1.5 and vy0 - 1.5 <= hy <= vy1 + 1.5


def _aligned_rows(atoms: list[Atom]) -> list[list[str]] | None:
    """The cells of runs that stand in rows and columns, or None for text that does not: a table
    has two rows at least, most of them of several runs, with a column of figures."""
    bands: list[list[Atom]] = []
    for atom in sorted(atoms, key=lambda a: (a.baseline, a.x0)):
        if bands and abs(atom.baseline - bands[-1][0].baseline) <= 0.3 * atom.size:
            bands[-1].append(atom)
        else:
            bands.append([atom])
    split = [band for band in bands if len(band) > 1]
    if len(split) < 2 or len(split) * 3 < len(bands) * 2:
        return None
    # Columns are the stretches a run of a several-run row covers; each gap between them runs down the table.
    spans: list[list[float]] = []
    for x0, x1 in sorted((a.x0, a.x1) for band in split for a in band):
        if spans and x0 <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], x1)
        else:
            spans.append([x0, x1])
    if len(spans) < 2:
        return None
    starts = [span[0] for span in spans]
    rows = []
    for band in bands:
        cells: list[list[Atom]] = [[] for _ in spans]
        for a in band:
            cells[max(0, bisect.bisect(starts, (a.x0 + a.x1) / 2) - 1)].append(a)
        rows.append([_cell_text(cell) for cell in cells])
    columns = list(zip(*rows[1:]))
    if not any(sum(bool(_FIGURE_CELL.match(cell)) for cell in column) * 2 > len(column) for column in columns):
        return None
    return rows


def _grids(h_rules: list[tuple], v_rules: list[tuple]) -> list[tuple[list[float], list[float]]]:
    """Sets of crossing rules: each grid's distinct x and y positions."""
    rules = [("h", r) for r in h_rules] + [("v", r) for r in v_rules]
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h_rule in enumerate(h_rules):
        for j in range(len(h_rules), len(rules)):
            if _crosses(h_rule, rules[j][1]):
                parent[root(i)] = root(j)
    groups: dict[int, list[tuple]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(root(i), []).append(rule)
    grids = []
    for group in groups.values():
        ys = _distinct([r[1] for kind, r in group if kind == "h"])
        xs = _distinct([r[0] for kind, r in group if kind == "v"])
        if len(xs) >= 3 and len(ys) >= 3:
            grids.append((xs, ys))
    return grids


def _distinct(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > 1.5:
            out.append(v)
    return out


def _inside(atom: Atom, box: tuple) -> bool:
    x0, y0, x1, y1 = box
    return atom.x0 >= x0 - 1 and atom.x1 <= x1 + 1 and atom.y0 >= y0 - 1 and atom.y1 <= y1 + 1


def _framed(atoms: list[Atom], frames: list[tuple]) -> list[Atom]:
    """Atoms inside a frame, innermost first, replaced by one atom the size of the frame."""
    for box in sorted(frames, key=lambda b: (b[2] - b[0]) * (b[3] - b[1])):
        members = [a for a in atoms if _inside(a, box)]
        if not members or len(members) == len(atoms):
            continue
        frame = Atom([c for m in members for c in m.chars], members=members)
        frame.x0, frame.y0, frame.x1, frame.y1 = box
        atoms = [a for a in atoms if not _inside(a, box)] + [frame]
    return atoms


# --- reading order ---------------------------------------------------------------------------

def _gaps(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out, end = [], None
    for a, b in sorted(intervals):
        if end is not None and a > end:
            out.append((end, a))
        end = b if end is None else max(end, b)
    return out


def _xy_cut(atoms: list[Atom], h_rules: list[tuple], v_rules: list[tuple], pictures: list[Picture]):
    """Leaves in reading order, each with the x extent of the column it belongs to.

    A ruled gap is cut first; then a gap across the region if every column goes on below it,
    else the gutters. Pictures fill the height they take, so a picture inside a column does not
    open a gap across the page."""
    leaves: list[tuple[list[Atom], tuple[float, float]]] = []

    def column_of(region: list[Atom]) -> tuple[float, float]:
        flat = [a for a in region if not a.vertical] or region
        return min(a.x0 for a in flat), max(a.x1 for a in flat)

    def best_cut(region: list[Atom]) -> tuple[str, float] | None:
        size = statistics.median(a.size for a in region)
        x0, x1 = min(a.x0 for a in region), max(a.x1 for a in region)
        y0, y1 = min(a.y0 for a in region), max(a.y1 for a in region)
        filled = [(p.y0, p.y1) for p in pictures if p.x1 > x0 and p.x0 < x1 and p.y1 > y0 and p.y0 < y1]
        y_gaps, x_gaps = [], []  # (ruled, width in ems, position)
        for g0, g1 in _gaps([(a.y0, a.y1) for a in region] + filled):
            if g1 - g0 >= Y_CUT_GAP * size:
                ruled = any(g0 <= ry <= g1 and min(rx1, x1) - max(rx0, x0) >= 0.8 * (x1 - x0)
                            for rx0, ry, rx1 in h_rules)
                y_gaps.append((ruled, (g1 - g0) / size, (g0 + g1) / 2, g1))
        for g0, g1 in _gaps([(a.x0, a.x1) for a in region]):
            if g1 - g0 >= X_CUT_GAP * size:
                ruled = any(g0 <= rx <= g1 and min(ry1, y1) - max(ry0, y0) >= 0.8 * (y1 - y0)
                            for rx, ry0, ry1 in v_rules)
                x_gaps.append((ruled, (g1 - g0) / size, (g0 + g1) / 2))
        ruled = [("y", g[:3]) for g in y_gaps if g[0]] + [("x", g) for g in x_gaps if g[0]]
        if ruled:
            axis, (_, _, at) = max(ruled, key=lambda c: c[1][1])
            return axis, at
        if not x_gaps:
            return ("y", max(y_gaps)[2]) if y_gaps else None
        # Both: a gap across the region is a section break under a headline (or between stacked
        # articles) if every column goes on right below it and what stands above it does not
        # stand over every column on its own (articles side by side, each under its headline);
        # otherwise it is where some columns ended early, and the gutters come first.
        bounds = sorted(at for _, _, at in x_gaps)
        boxes = [(a.x0, a.y0) for a in region] + [(p.x0, p.y0) for p in pictures if p.x1 > x0 and p.x0 < x1]
        for _, _, at, end in sorted(y_gaps, reverse=True):
            tops: dict[int, float] = {}
            for bx, by in boxes:
                if by >= at:
                    k = bisect.bisect(bounds, bx)
                    tops[k] = min(tops.get(k, by), by)
            above = {bisect.bisect(bounds, a.x0) for a in region if a.y1 <= at}
            if len(tops) == len(bounds) + 1 and max(tops.values()) <= end + 2 * size \
                    and len(above) < len(bounds) + 1:
                return "y", at
        return "x", max(x_gaps)[2]

    def cut(region: list[Atom], column: tuple[float, float]) -> None:
        if len(region) == 1:
            found = None
        elif _one_line(region):  # one line: only a gap of several ems parts two headlines
            found = _wide_gap(region)
        else:
            found = best_cut(region)
        if found is None:
            frames = sorted((a for a in region if a.members), key=lambda a: a.y0)
            rest = [a for a in region if not a.members]
            if rest:
                leaves.append((rest, column))
            for frame in frames:
                cut(frame.members, column_of(frame.members))
            return
        axis, at = found
        if axis == "y":
            cut([a for a in region if a.y1 <= at], column)
            cut([a for a in region if a.y1 > at], column)
            return
        left = [a for a in region if a.x1 <= at]
        right = [a for a in region if a.x1 > at]
        pieces = [left, right]
        # a vertical label names what it stands beside: read it first
        if all(a.vertical for a in right) and not all(a.vertical for a in left):
            pieces = [right, left]
        for piece in pieces:
            cut(piece, column_of(piece))

    cut(atoms, column_of(atoms))
    return leaves


def _wide_gap(line: list[Atom]) -> tuple[str, float] | None:
    atoms = sorted(line, key=lambda a: a.x0)
    reach = atoms[0].x1
    for left, right in zip(atoms, atoms[1:]):
        reach = max(reach, left.x1)
        if right.x0 - reach >= 3 * max(left.size, right.size):
            return "x", (reach + right.x0) / 2
    return None


def _one_line(region: list[Atom]) -> bool:
    if any(a.vertical or a.members or a.rows for a in region):
        return False
    top = max(a.y0 for a in region)
    bottom = min(a.y1 for a in region)
    return bottom - top > 0.3 * min(a.size for a in region)


def _leaf_lines(leaf: list[Atom], column: tuple[float, float], page: int, leaf_id: int) -> list[Line]:
    lines: list[Line] = []
    rows: list[list[Atom]] = []
    for atom in sorted((a for a in leaf if not a.vertical and a.rows is None), key=lambda a: (a.baseline, a.x0)):
        if rows and abs(atom.baseline - rows[-1][0].baseline) <= 0.3 * max(atom.size, rows[-1][0].size):
            rows[-1].append(atom)
        else:
            rows.append([atom])
    for row in rows:
        row.sort(key=lambda a: a.x0)
        text = row[0].text
        for prev, atom in zip(row, row[1:]):
            gap = atom.x0 - prev.x1
            text += (" " if gap > RUN_GAP * max(atom.size, prev.size) else "") + atom.text
        chars = [c for a in row for c in a.chars]
        lines.append(Line(text, row[0].x0, min(a.y0 for a in row), row[-1].x1, max(a.y1 for a in row),
                          _style(chars), page, column, sorted(a.raw_line for a in row), leaf=leaf_id))
    for atom in (a for a in leaf if a.vertical or a.rows is not None):
        lines.append(Line(atom.text, atom.x0, atom.y0, atom.x1, atom.y1, _style(atom.chars), page, column,
                          atom.raw_lines or [atom.raw_line], vertical=atom.vertical, leaf=leaf_id, rows=atom.rows))
    lines.sort(key=lambda line: line.y0)
    return lines


def _style(chars: list[Char]) -> Style:
    """The size (to half a point), weight and family of most of the characters."""
    # Chinese characters decide: digits are often set in a font of their own
    wide = [c for c in chars if c.text >= "\u2e80"] or [c for c in chars if c.text != " "] or chars
    first = wide[0]
    if all(c.size == first.size and c.bold == first.bold and c.family == first.family for c in wide):
        size, bold, family = first.size, first.bold, first.family  # the common case, counted quickly
    else:
        size, bold, family = Counter((c.size, c.bold, c.family) for c in wide).most_common(1)[0][0]
    return Style(round(size * 2) / 2, bold, family)


def _drop_running_lines(layouts: list[PageLayout]) -> None:
    """In the page margins: page numbers, a newspaper's folio line (版次, 星期, 责任编辑: one mark in
    type smaller than the body's, or two), and headers or footers repeated on three pages or more."""
    def margin(line: Line, layout: PageLayout) -> bool:
        return line.y1 < layout.height * 0.1 or line.y0 > layout.height * 0.9

    lines = [line for layout in layouts for line in layout.lines if _plain(line)]
    body_size = _commonest_style(lines).size if lines else 0.0
    repeated = Counter(line.text for layout in layouts for line in layout.lines if margin(line, layout))

    def running(line: Line, layout: PageLayout) -> bool:
        text = normalise(line.text)
        return margin(line, layout) and bool(
            _PAGE_NUMBER.match(text) or (len(layouts) >= 3 and repeated[line.text] >= 3)
            or (line.style.size < body_size and _FOLIO.search(text)) or len(_FOLIO.findall(text)) >= 2)

    for layout in layouts:
        layout.lines = [line for line in layout.lines if not running(line, layout)]


# --- blocks over the whole file --------------------------------------------------------------

@dataclass(eq=False)
class _Block:
    kind: str
    lines: list[Line]

    @property
    def style(self) -> Style:
        return _commonest_style(self.lines)

    @property
    def page(self) -> int:
        return self.lines[0].page


def _commonest_style(lines: list[Line]) -> Style:
    """The style of most characters."""
    counts: Counter[Style] = Counter()
    for line in lines:
        counts[line.style] += len(line.text)
    return counts.most_common(1)[0][0]


def _blocks(layouts: list[PageLayout]) -> list[_Block]:
    stream = [line for layout in layouts for line in layout.lines]
    if not stream:
        return []
    pictures = [p for layout in layouts for p in layout.pictures]
    body_style = _commonest_style([line for line in stream if _plain(line)] or stream)
    captions = _captions(stream, pictures, body_style)
    edges = _edges(stream, _with_captions(pictures, captions, stream), body_style)
    blocks: list[_Block] = []
    paragraph: _Block | None = None  # the body block a line may continue, across captions and columns
    caption: _Block | None = None
    for line in stream:
        picture = captions.get(id(line))
        if line.rows is not None:
            blocks.append(_Block("table", [line]))
        elif line.vertical:
            kind = "caption" if picture else "sidebar_label" if len(line.text) <= 8 else "paragraph"
            blocks.append(_Block(kind, [line]))
        elif picture:
            if caption is not None and captions.get(id(caption.lines[-1])) is picture:
                caption.lines.append(line)
            else:
                caption = _Block("caption", [line])
                blocks.append(caption)
        elif paragraph is not None and _continues(paragraph.lines[-1], line, edges, body_style):
            paragraph.lines.append(line)
        else:
            paragraph = _Block("paragraph", [line])
            blocks.append(paragraph)
    _classify(blocks, body_style)
    return blocks


def _plain(line: Line) -> bool:
    """A horizontal line of running text: neither vertical text nor a table."""
    return not line.vertical and line.rows is None


def _captions(stream: list[Line], pictures: list[Picture], body: Style) -> dict[int, Picture]:
    """Lines that caption a picture: vertical text beside it, or lines of another style than the
    body's just under or over it (and the lines of that style that follow them)."""
    found: dict[int, Picture] = {}
    for i, line in enumerate(stream):
        size = line.style.size
        if line.rows is not None:
            continue
        for pic in pictures:
            if pic.page != line.page:
                continue
            if line.vertical:
                beside = min(abs(line.x0 - pic.x1), abs(pic.x0 - line.x1)) <= CAPTION_REACH * size
                if beside and min(line.y1, pic.y1) - max(line.y0, pic.y0) > 0.5 * (line.y1 - line.y0):
                    found[id(line)] = pic
                    break
                continue
            if line.style == body:
                continue
            overlap = min(line.x1, pic.x1) - max(line.x0, pic.x0)
            under = -0.5 * size <= line.y0 - pic.y1 <= CAPTION_REACH * size
            over = -0.5 * size <= pic.y0 - line.y1 <= CAPTION_REACH * size
            if (under or over) and overlap >= 0.5 * (line.x1 - line.x0):
                found[id(line)] = pic
                for nxt in stream[i + 1:]:
                    if nxt.vertical or nxt.style != line.style or nxt.page != line.page \
                            or not 0 <= nxt.y0 - stream[i].y1 <= size * 1.5:
                        break
                    found[id(nxt)] = pic
                break
    return found


def _with_captions(pictures: list[Picture], captions: dict[int, Picture], stream: list[Line]) -> list[Picture]:
    """Each picture's box grown to take in its caption: what the text around it wraps around."""
    grown = {id(p): Picture(p.page, p.x0, p.y0, p.x1, p.y1) for p in pictures}
    for line in stream:
        pic = captions.get(id(line))
        if pic is not None:
            box = grown[id(pic)]
            box.x0, box.y0, box.x1, box.y1 = (min(box.x0, line.x0), min(box.y0, line.y0),
                                              max(box.x1, line.x1), max(box.y1, line.y1))
    return list(grown.values())


def _edges(stream: list[Line], pictures: list[Picture], body: Style) -> dict[int, tuple[float, float]]:
    """Each line's left and right margins: its column's, or those of the lines beside the same
    picture when it wraps around one (text wraps at some distance: half an em counts as beside)."""
    def beside(line: Line) -> tuple[int | None, int | None]:
        left = right = None
        reach = 0.6 * line.style.size
        for k, pic in enumerate(pictures):
            if pic.page != line.page or pic.y1 <= line.y0 - reach or pic.y0 >= line.y1 + reach:
                continue
            if line.column[0] < pic.x1 <= line.x0 + 1:
                left = k
            elif line.x1 - 1 <= pic.x0 < line.column[1]:
                right = k
        return left, right

    keys = {}
    lefts: dict[tuple, float] = {}
    rights: dict[tuple, float] = {}
    for line in stream:
        if not _plain(line):
            continue
        left, right = beside(line)
        keys[id(line)] = lk, rk = (line.page, line.column, left), (line.page, line.column, right)
        if line.style == body:
            lefts[lk] = min(lefts.get(lk, line.x0), line.x0)
            rights[rk] = max(rights.get(rk, line.x1), line.x1)
    edges = {}
    for line in stream:
        if _plain(line):
            lk, rk = keys[id(line)]
            edges[id(line)] = (lefts.get(lk, line.column[0]), rights.get(rk, line.column[1]))
    return edges


def _continues(prev: Line, line: Line, edges: dict[int, tuple[float, float]], body: Style) -> bool:
    if line.style != prev.style:
        return False
    size = line.style.size
    same_place = line.page == prev.page and line.leaf == prev.leaf
    if line.style != body:  # headline, heading: one block while the lines stay close together
        return line.page == prev.page and 0 <= line.y0 - prev.y1 <= 0.8 * size \
            and min(line.x1, prev.x1) > max(line.x0, prev.x0)
    left, _ = edges[id(line)]
    _, right = edges[id(prev)]
    if line.x0 - left >= INDENT * size:
        return False
    ends = bool(_SENTENCE_END.search(prev.text))
    if ends and right - prev.x1 >= SHORT_LINE * size:
        return False
    if ends and same_place and line.y0 - prev.y1 > 1.0 * size:
        return False
    return True


def _classify(blocks: list[_Block], body: Style) -> None:
    """Headline groups (kicker, title, subtitle), bylines, headings; the rest stay paragraphs."""
    def text(block: _Block) -> str:
        return "".join(line.text for line in block.lines)

    for block in blocks:
        if block.kind != "paragraph":
            continue
        style = block.style
        if style.size >= DISPLAY_SIZE * body.size:
            block.kind = "title"
        elif style != body and len(text(block)) <= 40 and (style.bold or style.size > 1.05 * body.size) \
                and not text(block).rstrip().endswith("。"):
            block.kind = "heading"
    # in a run of headline-sized blocks the largest is the title: kickers above, subtitles below
    i = 0
    while i < len(blocks):
        if blocks[i].kind != "title":
            i += 1
            continue
        j = i
        while j + 1 < len(blocks) and blocks[j + 1].kind == "title" and blocks[j + 1].page == blocks[i].page:
            j += 1
        group = blocks[i:j + 1]
        top = max(range(len(group)), key=lambda k: group[k].style.size)
        for k, block in enumerate(group):
            block.kind = "kicker" if k < top else "subtitle" if k > top else "title"
        title = group[top]
        before = blocks[i - 1] if i else None
        if top == 0 and before is not None and before.kind in ("paragraph", "heading") and before.style != body \
                and len(text(before)) <= 30 and before.lines[-1].y1 <= title.lines[0].y0 and before.page == title.page:
            before.kind = "kicker"
        k = j + 1
        while k < len(blocks) and k <= j + 3 and blocks[k].kind in ("paragraph", "heading") \
                and len(text(blocks[k])) <= 40:
            if _BYLINE.search(text(blocks[k])):
                blocks[k].kind = "byline"
            elif blocks[k].style != body and not blocks[k].style.bold and blocks[k].style.size > 1.05 * body.size:
                blocks[k].kind = "subtitle"
            else:
                break
            k += 1
        i = j + 1


def _articles(blocks: list[_Block]) -> list[list[_Block]]:
    """A page with two headlines or more holds several articles: split before each (and its kicker);
    otherwise the whole file is one document. Captions follow the body of their article."""
    titles_per_page = Counter(b.page for b in blocks if b.kind == "title")
    articles = [blocks]
    if any(n >= 2 for n in titles_per_page.values()):
        articles = []
        current: list[_Block] = []
        for i, block in enumerate(blocks):
            starts = block.kind == "title" and not (i and blocks[i - 1].kind == "kicker") \
                or block.kind == "kicker" and (i == 0 or blocks[i - 1].kind != "kicker")
            if starts and any(b.kind == "title" for b in current):
                articles.append(current)
                current = []
            current.append(block)
        articles.append(current)
    return [[b for b in a if b.kind != "caption"] + [b for b in a if b.kind == "caption"] for a in articles]


def _pieces(blocks: list[_Block]) -> list[Piece]:
    pieces = []
    for block in blocks:
        if block.kind == "table":
            line = block.lines[0]
            pieces.append(Piece("table", "", line.raw_lines, block.page, rows=line.rows))
            continue
        text = ""
        for line in block.lines:
            piece = line.text.strip()
            if text and piece and _latin(text[-1]) and _latin(piece[0]):
                text += " "
            text += piece
        pieces.append(Piece(block.kind, text, [n for line in block.lines for n in line.raw_lines], block.page))
    return pieces


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
