"""Turn raw bytes into text and tell HTML pages from text renderings.

Decoding order follows the HTML standard's sniffing: a byte-order mark wins, then
a charset declared in the page, then UTF-8, then statistical detection, with
windows-1252 as the last resort (the WHATWG default for unlabelled Western pages).
A declaration the bytes contradict (a page saved as windows-1252 that still says
``charset=utf-8``) is overruled, so copies saved by editors still read correctly.
The decoded string is the reference for every offset the pipeline records.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

LOGGER = logging.getLogger(__name__)

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
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old office document",
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
#: Bytes handed to the statistical detector: enough for a stable verdict, and it
#: keeps detection time flat on multi-megabyte pages.
DETECT_BYTES = 1 << 18
#: Characters checked for control characters and replacement characters.
CHECK_CHARS = 65536
#: Share of control characters above which decoded text is treated as binary.
#: Real pages have none outside tab/newline; random bytes give about 11%.
MAX_CONTROL_SHARE = 0.01
#: Share of characters that could not be decoded above which the file is refused:
#: a few stray bytes are replaced with U+FFFD, a file of mostly garbage is an error.
MAX_REPLACEMENT_SHARE = 0.05
#: UTF-8 is kept despite invalid bytes when at most this share of its non-ASCII
#: characters are invalid (one stray byte in a UTF-8 page should not make every
#: accented letter mojibake); windows-1252 text fails nearly all of them.
MAX_UTF8_ERROR_SHARE = 0.1
#: Share of NUL bytes in one byte lane that marks UTF-16 text without a BOM
#: (ASCII-heavy UTF-16 has a NUL in every other byte).
UTF16_NUL_SHARE = 0.4
#: Above this share of NULs in the other lane the bytes are not UTF-16 text.
UTF16_OTHER_LANE_MAX = 0.05

#: Western languages write at most about a tenth of their letters with accents
#: (French ~4%, German ~2%, Icelandic ~12%); Cyrillic or Greek bytes read as
#: windows-1252 turn nearly every letter into an accented one.
MAX_NON_ASCII_LETTER_SHARE = 0.3
LETTER_RE = re.compile(r"[^\W\d_]")
CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
HTML_START_RE = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
TAG_RE = re.compile(
    r"</?(?:p|div|span|a|br|li|ul|table|h[1-6]|section|article|body|head|title|script|meta)\b[^>]*>",
    re.IGNORECASE,
)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: The characters of CONTROL_RE as bytes: all ASCII, so in UTF-8 each is one byte
#: that no other character's encoding contains.
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
#: Characters of the head of a text searched for tags when deciding its form.
FORM_SNIFF_CHARS = 20000
#: A text is markup when it has at least this many tags ...
MIN_TAGS_FOR_HTML = 5
#: ... and this many tags per line (a rendering may quote a tag or two).
MIN_TAGS_PER_LINE = 0.2


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
    head = data[:64].lstrip(b" \t\r\n")
    for magic, name in MAGIC_NUMBERS.items():
        if data.startswith(magic) or head.startswith(magic):
            return name
    return None


def detect_bom(data: bytes) -> str | None:
    """Return the codec named by a byte-order mark, if any."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    return None


def detect_utf16(data: bytes) -> str | None:
    """Recognise UTF-16 without a BOM by its NUL bytes in one lane of every pair."""
    head = data[:SNIFF_BYTES]
    even, odd = head[0::2], head[1::2]
    if len(odd) < 2:
        return None
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= UTF16_NUL_SHARE and even_nul <= UTF16_OTHER_LANE_MAX:
        return "utf-16-le"
    if even_nul >= UTF16_NUL_SHARE and odd_nul <= UTF16_OTHER_LANE_MAX:
        return "utf-16-be"
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


def decodes_strictly(data: bytes, encoding: str) -> bool:
    """True when every byte of ``data`` is valid in ``encoding``."""
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def mostly_utf8(text: str) -> bool:
    """True when UTF-8 explains nearly all non-ASCII bytes (a few stray bytes at most).

    ``text`` is the page decoded as UTF-8 with undecodable bytes replaced.
    """
    errors = text.count("\ufffd")
    if errors == 0:
        return True
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return errors <= MAX_UTF8_ERROR_SHARE * non_ascii


def looks_western(data: bytes) -> bool:
    """True for windows-1252 or latin-1 text (the same letters where both are printable).

    The statistical detector often names a lookalike code page for short Western
    pages, so this WHATWG default is tried first; other scripts read as cp1252
    give words made only of accented letters, which the letter share catches.
    """
    if not decodes_strictly(data, "cp1252"):
        return False
    head = data[:CHECK_CHARS].decode("cp1252")
    if CONTROL_RE.search(head):
        return False
    letters = LETTER_RE.findall(head)
    non_ascii = sum(not ch.isascii() for ch in letters)
    return non_ascii <= MAX_NON_ASCII_LETTER_SHARE * max(len(letters), 1)


def guess_decoding(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Pick an encoding for bytes with no BOM, trusting ``declared`` only where the bytes agree.

    Valid UTF-8 with non-ASCII characters is almost never an accident, so it beats
    a declaration; a declaration the bytes break is ignored. Returns the encoding and
    the decoded text: telling UTF-8 decodes the whole page, and that decoding is the
    page's text when UTF-8 wins (most pages), so it is not decoded twice.
    """
    utf16 = detect_utf16(data)
    if utf16:
        return utf16, decode_text(data, utf16)
    utf8 = data.decode("utf-8", errors="replace")
    if mostly_utf8(utf8):
        return "utf-8", utf8.removeprefix("\ufeff")
    encoding = legacy_encoding(data, declared=declared)
    return encoding, decode_text(data, encoding)


def legacy_encoding(data: bytes, *, declared: str | None) -> str:
    """The encoding of bytes that are neither UTF-16 nor UTF-8: as declared, else Western, else detected."""
    if declared and declared != "utf-8" and decodes_strictly(data[:DETECT_BYTES], declared):
        return declared
    if looks_western(data):
        return "cp1252"
    # the last resort: few pages get here, and importing it costs 10 ms of start-up
    from charset_normalizer import from_bytes

    best = from_bytes(data[:DETECT_BYTES]).best()
    if best is not None and best.encoding:
        return codecs.lookup(str(best.encoding)).name
    return "cp1252"


def choose_decoding(data: bytes) -> tuple[str, str]:
    """The encoding and decoded text: a byte-order mark's, else a guess informed by the page's declaration."""
    bom = detect_bom(data)
    if bom:
        return bom, decode_text(data, bom)
    declared = declared_charset(data)
    if declared and declared.startswith(("utf-16", "utf-32")):
        # A UTF-16 label on bytes without a BOM is read as UTF-8 by browsers.
        declared = None
    return guess_decoding(data, declared=declared)


def decode_text(data: bytes, encoding: str) -> str:
    """Decode with ``encoding``, replacing undecodable bytes rather than failing."""
    text = data.decode(encoding, errors="replace")
    return text.removeprefix("\ufeff")


def detect_form(text: str) -> str:
    """Return "html" when the text is markup, else "text" (a rendering of a page).

    Markup opens with a tag. A rendering of a page about web code may quote a whole
    document further down ("Put this in index.html: <html> <head> ..."), dense enough in
    tags to pass for markup, but it opens with the page's own words.
    """
    if HTML_START_RE.match(text):
        return "html"
    if not text.lstrip().startswith("<"):
        return "text"
    head = text[:FORM_SNIFF_CHARS]
    tags = len(TAG_RE.findall(head))
    lines = max(head.count("\n"), 1)
    return "html" if tags >= MIN_TAGS_FOR_HTML and tags / lines > MIN_TAGS_PER_LINE else "text"


def control_count(text: str) -> int:
    """Number of :data:`CONTROL_RE` characters in ``text``.

    Counted as bytes deleted from its UTF-8 form, a C table pass about ten times
    quicker than collecting the regex's matches (this runs on every page).
    """
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, CONTROL_BYTES))


def check_text(text: str, encoding: str) -> None:
    """Refuse decoded text that is binary data or mostly undecodable bytes."""
    head = text[:CHECK_CHARS]
    if control_count(head) > MAX_CONTROL_SHARE * len(head):
        raise DecodeError("binary file (control characters in the text), not a web page")
    bad = head.count("\ufffd")
    if bad > MAX_REPLACEMENT_SHARE * len(head):
        raise DecodeError(f"undecodable bytes ({bad / len(head):.0%} of characters invalid as {encoding})")
    if not text or text.isspace():  # not ``strip()``, which copies the whole page
        raise DecodeError("no text after decoding")


def decode_bytes(data: bytes) -> Decoded:
    """Decode a raw page and detect its form.

    Raises:
        DecodeError: the file is empty, binary, undecodable or decodes to no text.
    """
    if not data or data.isspace():
        raise DecodeError("empty file")
    binary = sniff_binary(data)
    if binary:
        raise DecodeError(f"binary file ({binary}), not a web page")
    encoding, text = choose_decoding(data)
    check_text(text, encoding)
    LOGGER.debug("decoded as %s", encoding)
    return Decoded(text=text, encoding=encoding, form=detect_form(text))
