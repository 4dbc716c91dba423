"""Arabic, Chinese and mixed numerals to exact Decimals: 1,602.7 · 一千八百七十 · 3.5万 · 3万4000 · 零点五.

Decimal all the way: 16.4亿 is 1640000000, not the 1639999999 that float arithmetic gives.
The regular expressions here are the pieces the facts stage builds its patterns from.
"""
from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import Final

CHINESE_DIGITS: Final = "零〇○一二三四五六七八九两壹贰叁肆伍陆柒捌玖"
# A numeral as written: Arabic with thousands separators and a decimal part, or Chinese.
ARABIC: Final = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"
CHINESE: Final = (rf"[{CHINESE_DIGITS}十拾][{CHINESE_DIGITS}十拾百佰千仟万萬亿億]*"
           rf"(?:点[{CHINESE_DIGITS}]+[万萬亿億]*)?")
# Scale words after an Arabic numeral; 千 and 百 give way to the units that start with them (千米, 百分点).
SCALE: Final = r"(?:万亿|萬億|千亿|百亿|十亿|亿|億|千万|百万|十万|万|萬|千(?![米克瓦伏兆])|百(?![分万亿]))"

_DIGIT_VALUES: Final = {c: i for i, chars in enumerate(("零〇○", "一壹", "二贰两", "三叁", "四肆", "五伍", "六陆",
                                                  "七柒", "八捌", "九玖")) for c in chars}
_SMALL_UNITS: Final = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS: Final = {"万": 10 ** 4, "萬": 10 ** 4, "亿": 10 ** 8, "億": 10 ** 8}
_SCALE_DIGITS: Final = {"": 0, "万": 4, "萬": 4, "亿": 8, "億": 8}
_EXACT_DIGITS: Final = 27  # within Decimal's 28-digit precision, and tidy's integral spelling (adjusted < 27)
_MAX_DIGITS: Final = 20  # longer digit runs are codes or noise, not quantities
_PLAIN: Final = re.compile(r"([0-9]{1,20}(?:\.[0-9]+)?)([万萬亿億]?)")
_TOKEN: Final = re.compile(r"[0-9]+(?:\.[0-9]+)?|.")
_FULLWIDTH: Final = str.maketrans("０１２３４５６７８９．", "0123456789.")
_PERCENT_WORDS: Final = re.compile(r"(百分之|千分之)(.+)")
_TENTHS: Final = re.compile(rf"([{CHINESE_DIGITS}十0-9.]+)成")


@functools.lru_cache(maxsize=4096)  # Decimals are immutable; reports repeat their small numbers
def parse_number(text: str) -> Decimal:
    """The exact value of a numeral with its scale words; ValueError if it is not one."""
    s = text.strip().translate(_FULLWIDTH).replace(",", "")
    plain = _PLAIN.fullmatch(s)
    if plain:  # the common case, 1602.7 or 3.5万, without the general parser
        return _plain(*plain.groups())
    if not s:
        raise ValueError(f"not a number: {text!r}")
    whole, point, fraction = s.partition("点")
    if point:
        digits = fraction.rstrip("万萬亿億")
        scale = fraction[len(digits):]
        if not digits or any(c not in _DIGIT_VALUES for c in digits):
            raise ValueError(f"not a number: {text!r}")
        decimals = "".join(str(_DIGIT_VALUES[c]) for c in digits)
        value = _integer(whole, text) + Decimal("0." + decimals)
        for c in scale:
            value *= _BIG_UNITS[c]
        return tidy(value)
    return tidy(_integer(s, text))


def parse_percent(text: str) -> Decimal:
    """A proportion in percent: 百分之五 → 5, 两成 → 20, 千分之三 → 0.3, 5% → 5."""
    s = text.strip()
    words = _PERCENT_WORDS.fullmatch(s)
    if words:
        value = parse_number(words.group(2))
        return tidy(value if words.group(1) == "百分之" else value / 10)
    tenths = _TENTHS.fullmatch(s)
    if tenths:
        return tidy(parse_number(tenths.group(1)) * 10)
    if s[-1:] in "%％":
        return parse_number(s[:-1])
    raise ValueError(f"not a percentage: {text!r}")


def _plain(digits: str, scale: str) -> Decimal:
    """1602.7 and 亿 → 160270000000 by moving the decimal point: already tidy, without arithmetic."""
    whole, _, fraction = digits.partition(".")
    shift = _SCALE_DIGITS[scale]
    if len(whole) + shift > _EXACT_DIGITS or len(digits) > _EXACT_DIGITS:
        return tidy(Decimal(digits) * _BIG_UNITS[scale] if scale else Decimal(digits))
    whole += fraction[:shift].ljust(shift, "0")
    fraction = fraction[shift:].rstrip("0")
    return Decimal(f"{whole}.{fraction}" if fraction else whole)


def tidy(value: Decimal) -> Decimal:
    """One spelling per value: 160270000000 rather than 160270000000.0, 5.9 rather than 5.90."""
    if value == value.to_integral_value() and value.adjusted() < 27:
        return value.quantize(Decimal(1))
    return value.normalize()


def _integer(s: str, original: str) -> Decimal:
    """Sections of 亿 and 万, each a sum of digits times 十/百/千; Arabic digits may stand for a section."""
    if not s:
        raise ValueError(f"not a number: {original!r}")
    tokens = _TOKEN.findall(s)
    if len(tokens) > 1 and all(t in _DIGIT_VALUES for t in tokens):
        return _digit_string(tokens, original)
    done = Decimal(0)  # everything already multiplied by 亿
    below_yi = Decimal(0)  # the 万 part of the current 亿 section
    small = Decimal(0)  # the part below 万
    current: Decimal | None = None
    last_small = 10 ** 5  # 十/百/千 must fall within a section: 一千一百, not 十百
    previous_multiplier = 0  # for 三千五 (3500) and 三万五 (35000)
    chinese_digit_last = False
    tokens_seen = False  # a 万 or 亿 needs something to multiply
    for token in tokens:
        chinese_digit_last = False
        if token[0].isdigit():
            if current is not None or len(token) > _MAX_DIGITS:
                raise ValueError(f"not a number: {original!r}")
            current = Decimal(token)
            previous_multiplier = 0
        elif token in _DIGIT_VALUES:
            if _DIGIT_VALUES[token] == 0:
                previous_multiplier = 0
                continue
            if current is not None:
                raise ValueError(f"not a number: {original!r}")
            current = Decimal(_DIGIT_VALUES[token])
            chinese_digit_last = True
        elif token in _SMALL_UNITS:
            multiplier = _SMALL_UNITS[token]
            if multiplier >= last_small or (current is None and (small or below_yi or done) and multiplier > 10):
                raise ValueError(f"not a number: {original!r}")
            small += (1 if current is None else current) * multiplier
            current, last_small, previous_multiplier = None, multiplier, multiplier
        elif token in _BIG_UNITS:
            section = small + (current or 0)
            if token in "万萬":
                if not tokens_seen:
                    raise ValueError(f"not a number: {original!r}")
                below_yi = (below_yi + section) * 10 ** 4
                previous_multiplier = 10 ** 4
            else:
                if not tokens_seen:
                    raise ValueError(f"not a number: {original!r}")
                done = (done + below_yi + section) * 10 ** 8
                below_yi = Decimal(0)
                previous_multiplier = 10 ** 8
            small, current, last_small = Decimal(0), None, 10 ** 5
        else:
            raise ValueError(f"not a number: {original!r}")
        tokens_seen = tokens_seen or token not in _DIGIT_VALUES or _DIGIT_VALUES[token] != 0
    if current is not None and chinese_digit_last and previous_multiplier > 10 and len(tokens) > 1:
        current *= previous_multiplier // 10  # 三千五 is 3500: a bare last digit counts in the next unit down
    return done + below_yi + small + (current or 0)


def _digit_string(tokens: list[str], original: str) -> Decimal:
    """二〇二五 → 2025: digits read one by one; two bare digits (三五) mean 'three or five', not 35."""
    if len(tokens) == 2 and not any(_DIGIT_VALUES[t] == 0 for t in tokens):
        raise ValueError(f"not a number (an approximate pair): {original!r}")
    try:
        return Decimal("".join(str(_DIGIT_VALUES[t]) for t in tokens))
    except InvalidOperation:  # pragma: no cover - digits only
        raise ValueError(f"not a number: {original!r}") from None
