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


# Encodings: UTF-8, GB18030/GBK and Big5 are read; anything else is refused with file:line.
# Nearly any byte string decodes as GB18030, so the decoder must tell Chinese from garbage.
ZH = "人工智能赋能新质生产力发展研究。\n数据要素市场化配置改革，推动产业转型升级。\n"


def test_big5_is_decoded_as_big5_not_gb18030_garbage(tmp_path):
    from policykb.chinese import to_traditional

    p = tmp_path / "big5.txt"
    trad = to_traditional(ZH)
    p.write_bytes(trad.encode("big5"))
    raw = read_raw(p)
    assert raw.encoding == "big5hkscs"
    assert raw.text == trad


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("shift_jis", "人工知能と新しい生産力について。\n東京大学の研究者が論文を書きました。\n"),
        ("euc_kr", "인공지능과 새로운 생산력에 관한 연구입니다.\n데이터 요소 시장.\n"),
        ("latin-1", "Résumé des études économiques.\nLa société française, naïveté.\n"),
        ("cp1252", "“Smart quotes” — and ‘dashes’ … €\n"),
    ],
)
def test_other_encodings_are_refused_with_file_and_line(tmp_path, encoding, text):
    p = tmp_path / "other.txt"
    p.write_bytes("标题\n".encode("utf-8") + text.encode(encoding))
    with pytest.raises(PolicyKBError, match="not valid UTF-8") as e:
        read_raw(p)
    assert e.value.line == 2, str(e.value)
    assert str(e.value).startswith(f"{p}:2: ")


@pytest.mark.parametrize("control", ["\x1b]0;PWNED\x07", "\x1b[2J", "\x9b31m"], ids=["osc", "csi", "c1-csi"])
def test_terminal_escape_sequences_are_refused_with_line(tmp_path, control):
    p = tmp_path / "esc.txt"
    p.write_text(f"# 人工智能研究\n\n摘要：本文研究人工智能{control}与新质生产力。\n", encoding="utf-8")
    with pytest.raises(PolicyKBError, match="terminal control character") as e:
        read_raw(p)
    assert e.value.line == 3
