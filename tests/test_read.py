import pytest

from zhibiao.errors import InputError
from zhibiao.read import decode

SAMPLE = "渝中区地区生产总值１６０２．７亿元，同比增长５．９％。\r\n金融机构总数达462家。\r\n"


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk", "big5"])
def test_read_decodes_every_supported_encoding(codec):
    text = SAMPLE if codec != "big5" else SAMPLE.replace("区", "區").replace("产", "產").replace("长", "長").replace("机", "機").replace("构", "構").replace("总", "總").replace("数", "數").replace("达", "達").replace("亿", "億").replace("值", "值").replace("融", "融").replace("额", "額")
    raw = decode(text.encode(codec), "sample.txt")
    assert "1602.7亿元" in raw.text or "1602.7億元" in raw.text
    assert "\r" not in raw.text
    assert "，" in raw.text  # Chinese punctuation is kept


def test_read_normalises_full_width_one_for_one():
    raw = decode("ＧＤＰ增长５．９％，ａｂｃ".encode("utf-8"))
    assert raw.text == "GDP增长5.9％，abc"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
    (b"PK\x03\x04" + bytes(200), "zip"),
    (bytes(range(256)) * 10, "binary"),
    (b"\xff\xfe\xfe\xff\x00\xd8" * 3, "utf-16"),
    (b"a" * 300_000, "line"),
    (b"a" * 900_000, "900,000 bytes"),
])
def test_read_refuses_what_is_not_a_document(data, reason):
    with pytest.raises(InputError) as error:
        decode(data, "bad.bin")
    assert "bad.bin" in str(error.value)
    assert reason.lower() in str(error.value).lower()
