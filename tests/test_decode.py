"""Decoding raw bytes: encodings read correctly, binary and empty files refused with a reason."""

from __future__ import annotations

import codecs

import pytest
from hostile import (
    ACCENTED_WORDS,
    LATIN1_WORDS,
    pdf_bytes,
    png_bytes,
    real_pages,
    to_latin1,
    undecodable_bytes,
)

from pipeline.decode import DecodeError, decode_bytes

PROSE = f"The reviewer’s verdict: “{ACCENTED_WORDS}” — worth a second look… nothing more.\n" * 3
LATIN1_PROSE = f"The reviewer's verdict: {LATIN1_WORDS}, worth a second look.\n" * 3


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", PROSE),
        ("utf-8-sig", PROSE),
        ("utf-16", PROSE),  # Python writes a BOM for "utf-16"
        ("utf-16-le", PROSE),
        ("utf-16-be", PROSE),
        ("utf-32", PROSE),
        ("cp1252", PROSE),
        ("latin-1", LATIN1_PROSE),
    ],
)
def test_encodings_are_read_correctly(encoding: str, text: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text
    assert decoded.form == "text"


def test_utf16_bom_is_named_and_stripped() -> None:
    data = codecs.BOM_UTF16_LE + PROSE.encode("utf-16-le")
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-16"
    assert decoded.text.startswith("The reviewer’s")


def test_real_page_in_cp1252_and_latin1() -> None:
    page = real_pages()[0].read_text(encoding="utf-8")
    assert decode_bytes(page.encode("cp1252")).text == page
    latin = to_latin1(page)
    assert decode_bytes(latin.encode("latin-1")).text == latin


def test_declaration_contradicted_by_bytes_is_overruled() -> None:
    html = f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>{PROSE}</p></body></html>'
    decoded = decode_bytes(html.encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert ACCENTED_WORDS in decoded.text
    assert decoded.form == "html"


def test_declared_legacy_charset_is_used() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>Привет, мир</p></body></html>'
    decoded = decode_bytes(html.encode("cp1251"))
    assert "Привет, мир" in decoded.text


def test_one_stray_byte_does_not_turn_utf8_into_mojibake() -> None:
    data = PROSE.encode("utf-8") + b"\xff" + PROSE.encode("utf-8")
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") == 1
    assert ACCENTED_WORDS in decoded.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n", "empty file"),
        (png_bytes(), "PNG image"),
        (pdf_bytes(), "PDF document"),
        (b"\n%PDF-1.7\n", "PDF document"),
        (bytes(range(32)) * 200, "control characters"),
        (undecodable_bytes(), "undecodable bytes"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8" * 500, "undecodable bytes"),
        (codecs.BOM_UTF8 + b"   ", "no text after decoding"),
    ],
)
def test_unusable_bytes_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("<!-- saved --><html><p>Hi</p></html>", "html"),
        ("<div><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p></div>", "html"),
        ("Home\nNews\nA page that mentions <p> once.\n", "text"),
        (
            "Testing a web page\nSave this as index.html and open it:\n<html>\n<head>\n<title>\n"
            "</title>\n<script src=\"app.js\">\n</script>\n</head>\n<body>\n<div id=\"app\">\n"
            "</div>\n</body>\n</html>\n",
            "text",
        ),
        (PROSE, "text"),
    ],
)
def test_form_detection(text: str, form: str) -> None:
    assert decode_bytes(text.encode("utf-8")).form == form
