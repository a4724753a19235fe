"""Turn raw bytes into text and tell HTML pages from text renderings.

Decoding order follows the HTML standard's sniffing: a byte-order mark wins, then
a charset declared in the page, then strict UTF-8, then statistical detection.
The decoded string is the reference for every offset the pipeline records.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

#: Leading bytes of common binary formats saved under a web-page name.
MAGIC_NUMBERS: dict[bytes, str] = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or office document)",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a RIFF media file",
    b"\x00\x00\x01\x00": "an icon file",
}

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Only the head of a page is searched for a charset declaration, as browsers do.
SNIFF_BYTES = 4096
#: Share of control characters above which decoded text is treated as binary.
MAX_CONTROL_SHARE = 0.01

CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
HTML_START_RE = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
TAG_RE = re.compile(r"</?(?:p|div|span|a|br|li|ul|table|h[1-6]|section|article|body|head|title|script|meta)\b[^>]*>", re.IGNORECASE)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded page: its text, the encoding used, and the input form."""

    text: str
    encoding: str
    form: str  # "html" or "text"


class DecodeError(ValueError):
    """The bytes are not a readable web page; the message says why."""


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format of ``data``, or return None if it may be text."""
    for magic, name in MAGIC_NUMBERS.items():
        if data.startswith(magic):
            return name
    return None


def detect_bom(data: bytes) -> str | None:
    """Return the codec named by a byte-order mark, if any."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    return None


def declared_charset(data: bytes) -> str | None:
    """Return a known codec declared by ``<meta charset>`` in the page head."""
    match = CHARSET_RE.search(data[:SNIFF_BYTES])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers read latin-1 labels as windows-1252 (WHATWG Encoding Standard).
    return "cp1252" if codec in {"latin_1", "iso8859-1", "ascii"} else codec


def guess_encoding(data: bytes) -> str:
    """Pick an encoding for bytes with no BOM and no usable declaration."""
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[: 1 << 20]).best()
    if best is not None and best.encoding:
        return str(best.encoding)
    return "cp1252"


def decode_text(data: bytes, encoding: str) -> str:
    """Decode with ``encoding``, replacing undecodable bytes rather than failing."""
    text = data.decode(encoding, errors="replace")
    return text.removeprefix("\ufeff")


def detect_form(text: str) -> str:
    """Return "html" when the text is markup, else "text" (a rendering of a page)."""
    if HTML_START_RE.match(text):
        return "html"
    head = text[:20000]
    tags = len(TAG_RE.findall(head))
    lines = max(head.count("\n"), 1)
    return "html" if tags >= 5 and tags / lines > 0.2 else "text"


def decode_bytes(data: bytes) -> Decoded:
    """Decode a raw page and detect its form.

    Raises:
        DecodeError: the file is empty, binary, or decodes to no text.
    """
    if not data.strip():
        raise DecodeError("empty file")
    binary = sniff_binary(data)
    if binary:
        raise DecodeError(f"binary file ({binary}), not a web page")
    encoding = detect_bom(data) or declared_charset(data) or guess_encoding(data)
    if encoding.startswith(("utf-16", "utf-32")) and detect_bom(data) is None:
        encoding = guess_encoding(data)
    text = decode_text(data, encoding)
    if len(CONTROL_RE.findall(text[:65536])) > MAX_CONTROL_SHARE * min(len(text), 65536):
        raise DecodeError("binary file (control characters in the text), not a web page")
    if not text.strip():
        raise DecodeError("no text after decoding")
    return Decoded(text=text, encoding=encoding, form=detect_form(text))
