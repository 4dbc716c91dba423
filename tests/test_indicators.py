"""Indicator keys: synonyms, light cleaning, and the user's own synonym file."""
from __future__ import annotations

import pytest

from zhibiao.errors import InputError
from zhibiao.indicators import SYNONYMS_ENV, indicator_key, synonym_table, synonyms_fingerprint


@pytest.mark.parametrize("names", [
    ("社会消费品零售总额", "社零总额", "社会消费品零售额", "社零", "全区社会消费品零售总额"),
    ("地区生产总值", "GDP", "gdp", "生产总值", "全年全市地区生产总值（GDP）", "地区生产总值(现价)"),
    ("规模以上工业增加值", "规上工业增加值", "全区规上工业增加值"),
    ("固定资产投资", "固投", "全社会固定资产投资", "固定资产投资额"),
    ("货物进出口总额", "进出口总值", "外贸进出口额", "进出口额"),
    ("居民消费价格指数", "CPI", "居民消费价格"),
])
def test_indicators_synonyms_share_one_key(names):
    assert {indicator_key(n) for n in names} == {names[0]}


def test_indicators_every_name_in_the_table_keys_to_its_canonical():
    table = synonym_table()
    for names in table.groups():
        keys = {table.key(n) for n in names}
        assert len(keys) == 1, names


@pytest.mark.parametrize("written, key", [
    ("江北区地区生产总值", "地区生产总值"),  # a place in front of a known name
    ("高新区规上工业增加值", "规模以上工业增加值"),
    ("城市更新投资", "城市更新投资"),  # 城市 is not a place here: 更新投资 is no known name
    ("市场主体", "经营主体"),
    ("能源消费总量", "能源消费"),  # unknown: 总量 and 总额 dropped alike
    ("能源消费总额", "能源消费"),
    ("  新能源汽车产量 ", "新能源汽车产量"),
])
def test_indicators_light_cleaning(written, key):
    assert indicator_key(written) == key


def test_indicators_user_file_extends_and_merges(tmp_path, monkeypatch):
    before = synonyms_fingerprint()
    mine = tmp_path / "mine.tsv"
    mine.write_text("# my own\n城市建设投资\t城建投资\n经济规模 GDP\n", encoding="utf-8")
    monkeypatch.setenv(SYNONYMS_ENV, str(mine))
    assert indicator_key("城建投资") == "城市建设投资"
    assert indicator_key("地区生产总值") == indicator_key("GDP") == "经济规模"  # merged, renamed
    assert synonyms_fingerprint() != before
    mine.write_text("城市建设投资\t城投\n", encoding="utf-8")
    assert indicator_key("城投") == "城市建设投资"
    assert indicator_key("城建投资") == "城建投资"
    monkeypatch.delenv(SYNONYMS_ENV)
    assert synonyms_fingerprint() == before
    assert indicator_key("城投") == "城投"


def test_indicators_unreadable_user_file_is_an_input_error(tmp_path, monkeypatch):
    monkeypatch.setenv(SYNONYMS_ENV, str(tmp_path / "missing.tsv"))
    with pytest.raises(InputError, match="missing.tsv"):
        indicator_key("GDP")
    gbk = tmp_path / "gbk.tsv"
    gbk.write_bytes("城市建设投资\t城建投资".encode("gb18030"))
    monkeypatch.setenv(SYNONYMS_ENV, str(gbk))
    with pytest.raises(InputError, match="UTF-8"):
        indicator_key("GDP")
