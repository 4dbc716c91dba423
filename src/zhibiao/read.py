"""Stage 1: bytes to text. Detects the encoding, refuses what is not a document, normalises
line ends and full-width digits and letters (one character for one, so offsets survive)."""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from zhibiao.errors import InputError
from zhibiao.model import RawText

MAX_INPUT_BYTES = 64 * 1024 * 1024
MAX_LINE_CHARS = 200_000  # a page dump's longest line is a paragraph, not a book

_BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf": "a 7z archive",
    b"Rar!": "a RAR archive",
    b"PK\x03\x04": "a zip archive",
    b"\x7fELF": "an executable",
}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Characters common in Chinese reports, in simplified and traditional forms. Text decoded with
# the wrong one of GB18030/Big5 comes out as rare characters, so the right codec scores higher.
_COMMON = frozenset(
    "的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會可主发發年动動"
    "同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着等部度家电電力里裡如水化高自二理"
    "起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应應开開它合还還因由其些然前外天政四日那社义"
    "義事平形相全表间間样樣与與关關各重新线線内內数數正心反你明看原又么麼利比或但质質气氣第向道命此变變条條只"
    "没沒结結解问問意建月公无無系军軍很情者最立代想已通并提直题題党黨程展五果料象员員革位入常文总總次品式活设設"
    "及管特件长長求老头頭基资資边邊流路级級少图圖山统統接知较較将將组組见見计計别別她手角期根论論运運农農指区區"
    "强強放决決西被干做必战戰先回则則任取据據处處府研市县縣省镇鎮街项項目元亿億万萬增长率比上年全域企服务務"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FULLWIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
              for c in range(r[0], r[1] + 1)}
_FULLWIDTH_CHAR = "[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
# One character, then more: a pattern that opens with a character class, not a repeat, lets the
# regex engine skip ahead to where a match can start.
_FULLWIDTH_RUN = re.compile(_FULLWIDTH_CHAR + _FULLWIDTH_CHAR + "*")
_FULLWIDTH_POINT = re.compile(r"(?<=\d)．(?=\d)")


def read_source(path: str) -> tuple[bytes, str]:
    """The bytes of a path, or of standard input for ``-``."""
    if path == "-":
        return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1), "-"
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(path, "is a directory, not a file")
        if p.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(path, f"is {p.stat().st_size:,} bytes; the limit is {MAX_INPUT_BYTES:,}")
        return p.read_bytes(), path
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror or e})") from None


def sniff_binary(data: bytes) -> str | None:
    """The name of a binary format the bytes start with, if any."""
    for signature, name in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return name
    return None


def decode(data: bytes, source: str | None = None) -> RawText:
    """Decode a text dump and normalise it; raise InputError for anything that is not text."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(source, f"is {len(data):,} bytes; the limit is {MAX_INPUT_BYTES:,}")
    if not data or data.isspace():
        raise InputError(source, "is empty")
    kind = sniff_binary(data)
    if kind:
        raise InputError(source, f"is {kind}, not a text document")
    if len(data) > 4 * MAX_LINE_CHARS:  # only then can a line be too long at any encoding's four bytes a character
        longest_bytes = max(map(len, data.replace(b"\r", b"\n").split(b"\n")))
        if longest_bytes > 4 * MAX_LINE_CHARS:  # refuse before decoding
            raise InputError(source, f"has a line of {longest_bytes:,} bytes; the limit is {MAX_LINE_CHARS:,} characters")
    text, encoding = _decode_text(data, source)
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise InputError(source, "looks like binary data, not a text document")
    text = normalise(text)
    if len(text) > MAX_LINE_CHARS:  # only then can one line be too long
        longest = max(map(len, text.split("\n")))
        if longest > MAX_LINE_CHARS:
            raise InputError(source, f"has a line of {longest:,} characters; the limit is {MAX_LINE_CHARS:,}")
    if not text or text.isspace():
        raise InputError(source, "has no text")
    return RawText(text=text, source=source, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding)


def normalise(text: str) -> str:
    """CRLF/CR to LF, full-width digits and Latin letters to half-width; Chinese punctuation stays.

    Every replacement is one character for one except CRLF, so do that first."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    # translate() looks up every character; full-width runs are rare, so find them first
    text = _FULLWIDTH_RUN.sub(_half_width, text)
    return _FULLWIDTH_POINT.sub(".", text) if "．" in text else text


def _half_width(match: re.Match[str]) -> str:
    return match.group().translate(_FULLWIDTH)


def _decode_text(data: bytes, source: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).lstrip("\ufeff"), codec
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {codec} byte-order mark but is not {codec}") from None
    if b"\x00" in data:  # UTF-16 without a byte-order mark, or binary
        utf16 = _utf16_without_bom(data)
        if utf16:
            try:
                return data.decode(utf16), utf16
            except UnicodeDecodeError:
                pass
        raise InputError(source, "contains NUL bytes: binary data, not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for codec in ("gb18030", "big5"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((sum(c in _COMMON for c in text[:20000]), codec, text))
    if not candidates:
        raise InputError(source, "cannot be decoded as UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5")
    score, codec, text = max(candidates)
    if score == 0 and not re.search(r"[A-Za-z0-9]{3}", text):
        raise InputError(source, "decodes to no recognisable Chinese text; wrong encoding or binary")
    return text, codec


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 puts the NUL of every ASCII character (digits, line ends) in one byte position."""
    sample = data[:8192]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= 2 and even_nuls <= odd_nuls // 20:
        return "utf-16-le"
    if even_nuls >= 2 and odd_nuls <= even_nuls // 20:
        return "utf-16-be"
    return None
