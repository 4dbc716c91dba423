"""Indicator names to one canonical key, so that 社零总额 and 社会消费品零售总额 form one series.

The key is found in three steps: light cleaning (full-width to half-width, no spaces or bracketed
notes, no 全区/全市/全年 prefixes), a synonym table (``data/indicator_synonyms.tsv``, extended by the
file named in the ``ZHIBIAO_SYNONYMS`` environment variable), and, for names the table does not
hold, dropping a trailing 总额/总量 so that X总额 and X总量 agree.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from importlib import resources
from pathlib import Path

from zhibiao.errors import InputError

SYNONYMS_ENV = "ZHIBIAO_SYNONYMS"
_RULES_VERSION = "1"  # bump when the cleaning rules change, so stores recompute their keys

_SCOPE_PREFIX = re.compile(r"^(?:全(?:区|市|县|省|国|镇|乡|州|盟|旗|年)|[我本](?:区|市|县|省|镇)|今年|当年|本年)")
_BRACKETED = re.compile(r"[(\[【〔][^)\]】〕]*[)\]】〕]")
_SPACE_AND_EDGE_PUNCTUATION = re.compile(r"\s+|^[:：、，,。.;；]+|[:：、，,。.;；]+$")
# A place named in front of the indicator: 两个及以上汉字, ending in an administrative suffix.
_PLACE_SUFFIX = re.compile(r"(?:自治区|自治州|自治县|新区|街道|省|市|区|县|州|镇|乡|旗|盟)")
_MAX_PLACE_CHARS = 10
_LOOKUP_SUFFIXES = ("总额", "总量", "总值", "额")  # 社会消费品零售额 finds 社会消费品零售总额
_FALLBACK_SUFFIXES = ("总额", "总量")


def clean(indicator: str) -> str:
    """The indicator without layout noise or a scope prefix: ' 全区GDP（亿元）' -> 'GDP'."""
    text = unicodedata.normalize("NFKC", indicator)
    text = _BRACKETED.sub("", text)
    text = _SPACE_AND_EDGE_PUNCTUATION.sub("", text)
    while True:
        stripped = _SCOPE_PREFIX.sub("", text)
        if stripped == text or not stripped:
            return text
        text = stripped


class SynonymTable:
    """Groups of names for one indicator; the first name of a group is its canonical key."""

    def __init__(self) -> None:
        self._group_of: dict[str, int] = {}  # folded name -> group id
        self._canonical: dict[int, str] = {}
        self._keys: dict[str, str] = {}  # memo: raw indicator -> key
        self._stems: dict[str, int] | None = None

    def add_line(self, names: list[str]) -> None:
        """Add one group; a group sharing a name with an existing one merges into it."""
        names = [clean(n) for n in names if clean(n)]
        if not names:
            return
        merged = {self._group_of[n.casefold()] for n in names if n.casefold() in self._group_of}
        group = min(merged) if merged else len(self._canonical)
        for name, old in list(self._group_of.items()):
            if old in merged:
                self._group_of[name] = group
        for old in merged - {group}:
            del self._canonical[old]
        for name in names:
            self._group_of[name.casefold()] = group
        self._canonical[group] = names[0]
        self._keys.clear()
        self._stems = None

    def lookup(self, name: str) -> str | None:
        """The canonical name for a cleaned name, trying it without 总额/总量/额 as well."""
        if self._stems is None:  # the table's own names without those suffixes
            self._stems = {}
            for folded, group in self._group_of.items():
                for stem in _with_suffix_variants(folded)[1:]:
                    self._stems.setdefault(stem, group)
        for names in (self._group_of, self._stems):
            for candidate in _with_suffix_variants(name.casefold()):
                if candidate in names:
                    return self._canonical[names[candidate]]
        return None

    def groups(self) -> list[list[str]]:
        """Every group's names (case-folded), canonical group by group."""
        names: dict[int, list[str]] = {}
        for name, group in self._group_of.items():
            names.setdefault(group, []).append(name)
        return list(names.values())

    def key(self, indicator: str) -> str:
        """The canonical key of an indicator as written in a report."""
        cached = self._keys.get(indicator)
        if cached is not None:
            return cached
        name = clean(indicator)
        found = self.lookup(name) or self._lookup_after_place(name)
        key = found or _drop_suffix(name, _FALLBACK_SUFFIXES) or indicator.strip()
        self._keys[indicator] = key
        return key

    def _lookup_after_place(self, name: str) -> str | None:
        """渝北区地区生产总值 -> the key of 地区生产总值: a place in front of a known name."""
        for match in _PLACE_SUFFIX.finditer(name, 1, _MAX_PLACE_CHARS):
            rest = name[match.end():]
            if len(rest) >= 2:
                found = self.lookup(rest)
                if found:
                    return found
        return None


def _with_suffix_variants(name: str) -> list[str]:
    variants = [name]
    stem = _drop_suffix(name, _LOOKUP_SUFFIXES)
    if stem != name:
        variants.append(stem)
    return variants


def _drop_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[:-len(suffix)]
    return name


def parse_synonyms(text: str, table: SynonymTable | None = None) -> SynonymTable:
    """Read tab- or space-separated lines of names (canonical first); # starts a comment."""
    table = table or SynonymTable()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        names = line.split()
        if names:
            table.add_line(names)
    return table


_BUILT_IN = resources.files("zhibiao") / "data" / "indicator_synonyms.tsv"
_tables: dict[tuple, SynonymTable] = {}


def _user_file_state() -> tuple[str, int, int] | None:
    """The user's synonyms file and its modification time and size: what the cache is keyed on."""
    path = os.environ.get(SYNONYMS_ENV)
    if not path:
        return None
    try:
        stat = os.stat(path)
    except OSError as error:
        raise _unreadable(path, error) from None
    return path, stat.st_mtime_ns, stat.st_size


def _user_file() -> tuple[str, bytes] | None:
    state = _user_file_state()
    if state is None:
        return None
    try:
        return state[0], Path(state[0]).read_bytes()
    except OSError as error:
        raise _unreadable(state[0], error) from None


def _unreadable(path: str, error: OSError) -> InputError:
    return InputError(path, f"cannot read the synonyms file named by {SYNONYMS_ENV} ({error.strerror or error})")


def synonym_table() -> SynonymTable:
    """The built-in table extended by the user's file; rebuilt when that file changes."""
    cache_key = _user_file_state()
    table = _tables.get(cache_key)
    if table is None:
        table = parse_synonyms(_BUILT_IN.read_text(encoding="utf-8"))
        user = _user_file()
        if user:
            try:
                parse_synonyms(user[1].decode("utf-8-sig"), table)
            except UnicodeDecodeError:
                raise InputError(user[0], "the synonyms file is not UTF-8") from None
        _tables.clear()
        _tables[cache_key] = table
    return table


def synonyms_fingerprint() -> str:
    """Changes whenever a key could change: the rules, the built-in table or the user's file."""
    digest = hashlib.sha256(_RULES_VERSION.encode())
    digest.update(_BUILT_IN.read_bytes())
    user = _user_file()
    if user:
        digest.update(user[1])
    return digest.hexdigest()[:16]


def indicator_key(indicator: str) -> str:
    """The canonical key of an indicator: 社零总额 -> 社会消费品零售总额, 全区GDP -> 地区生产总值."""
    return synonym_table().key(indicator)
