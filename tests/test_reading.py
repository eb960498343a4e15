"""Bad input files: each a clear error naming the file (and line)."""

import pytest

from policykb.errors import PolicyKBError
from policykb.reading import read_raw


def test_missing_file(tmp_path):
    with pytest.raises(PolicyKBError, match="no such file") as e:
        read_raw(tmp_path / "nope.txt")
    assert "nope.txt" in str(e.value)


def test_directory(tmp_path):
    with pytest.raises(PolicyKBError, match="is a directory"):
        read_raw(tmp_path)


@pytest.mark.parametrize("content", [b"", b"   \n\n  \t\n"], ids=["empty", "whitespace-only"])
def test_empty_file(tmp_path, content):
    p = tmp_path / "empty.txt"
    p.write_bytes(content)
    with pytest.raises(PolicyKBError, match="empty"):
        read_raw(p)


def test_binary_file(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(PolicyKBError, match="binary"):
        read_raw(p)


def test_gb18030_is_decoded_and_reported(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes("人工智能赋能新质生产力。\n数据要素".encode("gbk"))
    raw = read_raw(p)
    assert raw.encoding == "gb18030"
    assert raw.text.startswith("人工智能赋能")


def test_undecodable_names_line(tmp_path):
    p = tmp_path / "bad.txt"
    # valid UTF-8 on lines 1-2, then bytes that are neither UTF-8 nor GB18030
    p.write_bytes("第一行\n第二行\n".encode("utf-8") + b"\x80\x80\x80\xff\xfe abc\n")
    with pytest.raises(PolicyKBError) as e:
        read_raw(p)
    assert e.value.line == 3
    assert "bad.txt:3" in str(e.value)


def test_utf8_bom_is_accepted(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeff摘要：测试。".encode("utf-8"))
    assert read_raw(p).text == "摘要：测试。"
