"""The extract stage's fast block encoder writes exactly what the general JSON encoder writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hostile import real_pages

from pipeline.config import Settings
from pipeline.extract.stage import BLOCK_KEYS, _compact, block_json, block_record, extract_page
from pipeline.records import Block

HTML_PAGE = Path(__file__).parent / "fixtures" / "html" / "blog_post.html"
ODD_TEXTS = ['say "hi"\\', "tab\there\nline", "\x00\x1f\u2028 ünï 😀 \ud800", "</script>", ""]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_strings_encode_as_json_does(text: str) -> None:
    block = Block(text, 3, 9, kind=text, keep=True, rule=text, segments=[(0, 3, 2), (4, 7, 2)])
    for clean in (None, (10, 16)):
        record = block_record(7, block, clean)
        assert block_json(record) == _compact(record)


def test_segments_read_back_as_lists_encode_as_tuples_do() -> None:
    """A record re-encoded from disk (duplicate marks) has list segments; the bytes must not change."""
    record = block_record(0, Block("ab cd", 3, 9, segments=[(0, 3, 2), (3, 7, 2)]), (1, 6))
    from_disk = {**record, "segments": [list(s) for s in record["segments"]]}
    assert block_json(from_disk) == block_json(record) == _compact(record)
    assert block_json({**record, "segments": []}) == _compact({**record, "segments": []})


def test_block_records_have_the_encoded_keys() -> None:
    assert tuple(sorted(block_record(0, Block("x", 0, 1), None))) == BLOCK_KEYS


def test_other_shapes_take_the_general_path() -> None:
    record: dict[str, Any] = {**block_record(0, Block("x", 0, 1), None), "note": 1.5}
    assert block_json(record) == _compact(record)


@pytest.mark.parametrize("page", [real_pages()[0], HTML_PAGE], ids=["text", "html"])
def test_real_page_blocks_encode_as_json_does(page: Path) -> None:
    """Catches an offset that is not a plain int (a numpy integer has another repr)."""
    blocks = extract_page(page, settings=Settings()).record["blocks"]
    assert blocks
    assert [block_json(b) for b in blocks] == [_compact(b) for b in blocks]
