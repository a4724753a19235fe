"""The text scan's character classes hold over all of Unicode, past the tabled BMP too."""

from __future__ import annotations

import re
import sys

import numpy as np

from pipeline.extract.line_model import _DIGIT, _LOWER, _UPPER, _WORD, char_classes, lower_codes

ALL_CODES = np.arange(sys.maxunicode + 1, dtype=np.uint32)
EVERYTHING = ALL_CODES.tobytes().decode("utf-32-le", "surrogatepass")


def _regex_bits(pattern: str) -> np.ndarray:
    found = np.zeros(len(EVERYTHING), dtype=np.bool_)
    for match in re.finditer(pattern, EVERYTHING):
        found[match.start():match.end()] = True
    return found


def test_word_and_digit_classes_are_the_regex_ones() -> None:
    classes = char_classes(ALL_CODES)
    assert np.array_equal((classes & _WORD) != 0, _regex_bits(r"\w+"))
    assert np.array_equal((classes & _DIGIT) != 0, _regex_bits(r"\d+"))


def test_case_is_read_in_the_bmp_only() -> None:
    classes = char_classes(ALL_CODES)
    assert not (classes[0x10000:] & (_UPPER | _LOWER)).any()
    assert classes[ord("A")] & _UPPER and classes[ord("ß")] & _LOWER


def test_mixed_pages_class_as_their_parts() -> None:
    codes = np.array([ord(c) for c in "Ab1 \U0001d400\U0001d7ce😀 é"], dtype=np.uint32)
    bmp = codes[codes < 0x10000]
    assert np.array_equal(char_classes(codes)[codes < 0x10000], char_classes(bmp))
    assert np.array_equal(lower_codes(codes)[codes < 0x10000], lower_codes(bmp))
    assert lower_codes(codes)[codes >= 0x10000].tolist() == codes[codes >= 0x10000].tolist()


def test_lowercase_codes_follow_str_lower() -> None:
    lowered = lower_codes(ALL_CODES[:0x10000])
    for code in (ord("A"), ord("Z"), ord("É"), 0x212A, 0x0130, ord("a"), ord("1")):
        low = chr(code).lower()
        assert lowered[code] == (ord(low) if len(low) == 1 else code)
