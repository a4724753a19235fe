"""The records that stages exchange, and their JSON form.

Offsets are Python string indices (code points) into the *decoded* raw page, as
returned by :func:`pipeline.decode.decode_bytes`; ``raw[start:end]`` is the exact
page text a record came from.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Block kinds for content. Removed blocks may carry any kind their rule names.
CONTENT_KINDS = ("title", "heading", "paragraph", "list_item")

Segment = tuple[int, int, int]
"""An aligned run: (offset in block text, offset in raw text, length)."""


@dataclass(slots=True)
class Block:
    """One visual block of a page (a line, paragraph, heading or list item).

    ``text`` is the block's clean text (bullets stripped, whitespace collapsed);
    ``segments`` aligns runs of ``text`` with the raw page so any sub-span of a
    kept block can be traced back to the exact raw characters.
    """

    text: str
    start: int
    end: int
    kind: str = "paragraph"
    keep: bool = False
    rule: str = ""
    segments: list[Segment] = field(default_factory=list)

    def raw_offset(self, pos: int, *, is_end: bool = False) -> int:
        """Map an offset in ``text`` to an offset in the raw page.

        Offsets that fall between aligned runs (collapsed whitespace, a removed
        bullet) snap inward: a start moves to the next run, an end to the last one.
        """
        if not self.segments:
            return self.end if is_end else self.start
        if is_end:
            for text_off, raw_off, length in reversed(self.segments):
                if text_off < pos:
                    return raw_off + min(pos - text_off, length)
            return self.segments[0][1]
        for text_off, raw_off, length in self.segments:
            if pos < text_off + length:
                return raw_off + max(pos - text_off, 0)
        last = self.segments[-1]
        return last[1] + last[2]


@dataclass(slots=True)
class Metadata:
    """Page metadata, kept out of the clean text."""

    title: str = ""
    author: str = ""
    date: str = ""
    site: str = ""
    language: str = ""


@dataclass(slots=True)
class Extraction:
    """What an extractor returns for one page: every block, labelled, plus metadata."""

    blocks: list[Block]
    metadata: Metadata
    extractor: str

    @property
    def kept(self) -> list[Block]:
        """Blocks that belong to the main content, in page order (title excluded)."""
        return [b for b in self.blocks if b.keep and b.kind != "title"]


@dataclass(slots=True)
class Claim:
    """One checkable statement (or a non-claim kept for audit) from one source."""

    claim_id: str
    source_id: str
    block: int
    section: str
    text: str
    kind: str
    is_claim: bool
    topic: str
    frame: str
    subject: str
    object: str
    polarity: str
    value: str
    value_min: float | None
    value_max: float | None
    unit: str
    vague: bool
    bound: str
    quote: str
    raw_start: int
    raw_end: int
    clean_start: int
    clean_end: int
    #: Content lemmas of the claim and its section heading: the context crossref compares.
    keywords: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """Return the claim as a JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> Claim:
        """Rebuild a claim from :meth:`to_json` output."""
        return cls(**{k: row[k] for k in cls.__dataclass_fields__ if k in row})
