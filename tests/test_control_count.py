"""The decoder's byte-level count of control characters equals the regex's."""

from __future__ import annotations

import pytest

from pipeline.decode import CONTROL_RE, control_count

SAMPLES = ["", "plain text\n\twith tab", "".join(map(chr, range(256))), "\x00\x1f\x7f\x80\x85\u2028",
           "lone \ud800 surrogate \U0001f600", "\x0b\x0c\r\n" * 5]


@pytest.mark.parametrize("text", SAMPLES)
def test_control_count_is_the_regex_count(text: str) -> None:
    assert control_count(text) == len(CONTROL_RE.findall(text))
