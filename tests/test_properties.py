"""Property-based tests: arbitrary bytes, text and markup never crash a stage or break offsets."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.claims.kinds import KINDS, NON_CLAIM_KINDS
from pipeline.config import Settings
from pipeline.decode import DecodeError, decode_bytes
from pipeline.extract.stage import STATUS_ERROR, extract_page
from pipeline.records import CONTENT_KINDS

#: Example counts stay modest so the whole file runs in seconds; deadline=None
#: because the first call of an extractor loads its model.
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

STATUSES = {"ok", "error", "no_content", "other_language", "duplicate"}

#: Text without control characters (which mark binary data) or unpaired surrogates.
PRINTABLE = st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\t\r")
#: Function words, values with units, and page furniture: the mix real pages have.
VOCABULARY = (
    "the a of and to in is was for on that with as it by at from this be are or an "
    "patients results 24 hours 3 days 0.5 mm 10% weeks study report price $200 "
    "Home Menu Share Subscribe © 2024 • Read more Published By Jane Doe"
)
WORDS = st.sampled_from(VOCABULARY.split())
SENTENCE = st.lists(WORDS, min_size=1, max_size=25).map(lambda w: " ".join(w).capitalize() + ".")
LINE = st.one_of(SENTENCE, st.text(PRINTABLE, max_size=80), st.builds(lambda s: f"  • {s}", SENTENCE))
PAGE_TEXT = st.lists(LINE, max_size=40).map("\n".join)


def check_offsets(raw: str, record: dict[str, Any], clean: str | None) -> None:
    """Every block's offsets and aligned segments point at the same characters in ``raw``,
    and every kept block is of a documented content kind."""
    for block in record["blocks"]:
        assert not block["keep"] or block["kind"] in CONTENT_KINDS, block["kind"]
        start, end, text = block["raw_start"], block["raw_end"], block["text"]
        assert 0 <= start <= end <= len(raw)
        for text_off, raw_off, length in block["segments"]:
            assert text_off >= 0 and text_off + length <= len(text)
            assert raw_off >= 0 and raw_off + length <= len(raw)
            assert text[text_off : text_off + length] == raw[raw_off : raw_off + length]
        if block["clean_start"] is not None:
            assert clean is not None
            assert clean[block["clean_start"] : block["clean_end"]] == text


def extract_bytes(data: bytes, suffix: str) -> tuple[dict[str, Any], str | None]:
    """Run the extract stage's per-page function on ``data`` saved under ``suffix``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"page{suffix}"
        path.write_bytes(data)
        result = extract_page(path, settings=Settings())
    assert result.record["status"] in STATUSES
    assert result.record["message"] or result.record["status"] == "ok"
    return result.record, result.clean_text


@FAST
@given(st.binary(max_size=3000))
def test_decode_any_bytes(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
        return
    assert decoded.text.strip()
    assert decoded.form in {"html", "text"}
    assert decoded.encoding


@FAST
@given(st.text(PRINTABLE, min_size=1, max_size=2000), st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
@example("\ufeff", "utf-8")  # found by this test: a lone byte-order mark is no text
def test_decode_round_trips_text(text: str, encoding: str) -> None:
    # A leading U+FEFF is read as a byte-order mark, as browsers do: a page of one holds no text.
    expected = text.removeprefix("\ufeff")
    try:
        decoded = decode_bytes(text.encode(encoding))
    except DecodeError as exc:
        assert not expected.strip() or "binary" in str(exc)
        return
    assert decoded.text == expected or (encoding == "utf-8-sig" and text.startswith("\ufeff"))


@SLOW
@given(st.one_of(PAGE_TEXT, st.text(PRINTABLE, max_size=3000)))
def test_extract_any_text(text: str) -> None:
    data = text.encode("utf-8")
    record, clean = extract_bytes(data, ".txt")
    if record["status"] == STATUS_ERROR and not record["blocks"]:
        return
    check_offsets(decode_bytes(data).text, record, clean)


TAGS = st.sampled_from(
    ["p", "div", "span", "a", "b", "h1", "h2", "ul", "li", "article", "nav", "footer", "header",
     "table", "td", "script", "style", "aside", "section", "main", "br", "img", "form", "button"]
)
ATTRS = st.sampled_from(
    ["", ' class="content"', ' id="main"', ' class="share menu"', ' href="/x"', " hidden"]
)
HTML_TEXT = st.one_of(
    SENTENCE, st.text(PRINTABLE, max_size=40), st.sampled_from(["&amp;", "&nbsp;", "<", "&#x27;"])
)


def wrap(children: list[str], tag: str, attrs: str, close: bool) -> str:
    """An element around its children, sometimes left unclosed (malformed markup)."""
    return f"<{tag}{attrs}>{''.join(children)}" + (f"</{tag}>" if close else "")


ELEMENT = st.recursive(
    HTML_TEXT,
    lambda inner: st.builds(wrap, st.lists(inner, max_size=5), TAGS, ATTRS, st.booleans()),
    max_leaves=40,
)
DOCUMENT = st.builds(
    lambda title, body: (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{''.join(body)}</body></html>"
    ),
    st.text(PRINTABLE, max_size=30),
    st.lists(ELEMENT, max_size=8),
)


@SLOW
@given(DOCUMENT)
def test_extract_any_html(html: str) -> None:
    data = html.encode("utf-8")
    record, clean = extract_bytes(data, ".html")
    if record["blocks"]:
        check_offsets(decode_bytes(data).text, record, clean)


@pytest.fixture(scope="module")
def segmenter() -> Any:
    """segment_document with the trained English pipeline and no topic file."""
    from pipeline.claims import stage as segment
    from pipeline.claims.language import build_nlp
    from pipeline.claims.topics import load_topics

    nlp, topics = build_nlp(), load_topics(None)
    return lambda doc: segment.segment_document(doc, nlp=nlp, topics=topics)


def synthetic_doc(paragraphs: list[str]) -> tuple[dict[str, Any], str]:
    """A source record whose kept blocks are ``paragraphs``, laid out as an extraction would."""
    raw, clean, blocks = "", "Title\n\n", []
    for index, text in enumerate(paragraphs):
        start = len(raw)
        raw += text + "\n\n"
        if index:
            clean += "\n"
        blocks.append({
            "index": index, "kind": "paragraph", "keep": True, "rule": "test", "text": text,
            "raw_start": start, "raw_end": start + len(text), "clean_start": len(clean),
            "clean_end": len(clean) + len(text), "segments": [[0, start, len(text)]],
        })
        clean += text + "\n"
    return {"source_id": "src", "file": "src.txt", "status": "ok", "blocks": blocks}, raw


def check_claims(claims: list[Any], raw: str) -> None:
    """Claim offsets lie in the raw text, the quote (taken from the clean blocks) is the raw
    page's words at those offsets, whitespace aside, and the kind is a documented one: a
    claim's among the kinds of claims, a non-claim's among the others."""
    for claim in claims:
        assert claim.kind in (KINDS if claim.is_claim else NON_CLAIM_KINDS), (claim.kind, claim.is_claim)
        assert 0 <= claim.raw_start <= claim.raw_end <= len(raw)
        assert " ".join(raw[claim.raw_start : claim.raw_end].split()) == " ".join(claim.quote.split())
        assert 0 <= claim.clean_start <= claim.clean_end


PARAGRAPH = st.one_of(
    st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join),
    st.text(PRINTABLE, min_size=1, max_size=200).filter(lambda s: s.strip() == s and "\n" not in s and s),
)


@SLOW
@given(st.lists(PARAGRAPH, min_size=1, max_size=8))
def test_segment_synthetic_docs(segmenter: Any, paragraphs: list[str]) -> None:
    doc, raw = synthetic_doc(paragraphs)
    check_claims(segmenter(doc), raw)


@SLOW
@given(PAGE_TEXT)
def test_segment_extracted_text(segmenter: Any, text: str) -> None:
    data = text.encode("utf-8")
    record, _ = extract_bytes(data, ".txt")
    if not record["blocks"]:
        return
    raw = decode_bytes(data).text
    check_claims(segmenter(record), raw)
