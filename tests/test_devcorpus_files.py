"""Every subject committed under ``devcorpus/`` is well formed, with or without the page cache.

The benchmark reads these files on machines that have the cache; a subject added by hand
(a recipe, then a gold written in an annotator's own words) must not break it there, or be
scored against points no page makes. These checks need only the committed files, so they
run in CI, where the cache is absent: offsets are checked against the length the recipe records.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from script_modules import import_script

devcorpus = import_script("devcorpus")

ROLES = {"tune", "held_out"}
#: The aspects of devcorpus/README.md.
ASPECTS = {"duration", "interval", "wait", "count", "quantity", "do", "avoid", "use", "suitability", "effect"}
SHA256 = re.compile(r"[0-9a-f]{64}")
SUBJECTS = devcorpus.subjects()


def gold(subject: str) -> dict[str, Any]:
    """A subject's gold annotation."""
    path = devcorpus.RECIPES / subject / "gold.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_the_corpus_has_subjects_of_both_roles() -> None:
    roles = {devcorpus.recipe(s)["role"] for s in SUBJECTS}
    assert roles == ROLES


@pytest.mark.parametrize("subject", SUBJECTS)
def test_a_recipe_names_each_page_once_with_its_text_hash(subject: str) -> None:
    recipe = devcorpus.recipe(subject)
    assert recipe["role"] in ROLES
    ids = [page["id"] for page in recipe["pages"]]
    assert len(ids) == len(set(ids)) >= 8  # at least eight pages per subject, each once
    for page in recipe["pages"]:
        assert SHA256.fullmatch(page["sha256"]), page["id"]
        assert page["url"].startswith(("http://", "https://")) and page["query"]
        assert isinstance(page["chars"], int) and page["chars"] > 0


@pytest.mark.parametrize("subject", SUBJECTS)
def test_gold_claims_are_typed_on_pages_of_the_recipe(subject: str) -> None:
    chars = {page["id"]: page["chars"] for page in devcorpus.recipe(subject)["pages"]}
    for page_id, claims in gold(subject)["pages"].items():
        assert page_id in chars
        for claim in claims:
            assert claim["aspect"] in ASPECTS, claim
            assert claim["polarity"] in ("+", "-"), claim
            assert 0 <= claim["start"] < claim["end"] <= chars[page_id], claim
            assert claim["what"] and claim["point"], claim
            value = claim.get("value")
            if value is not None:
                assert {"low", "high", "unit"} <= set(value), claim
                assert value["low"] is not None or value["high"] is not None, claim


@pytest.mark.parametrize("subject", SUBJECTS)
def test_gold_points_are_made_by_two_pages_and_conflicts_name_them(subject: str) -> None:
    annotation = gold(subject)
    pages_of: dict[str, set[str]] = {}
    for page_id, claims in annotation["pages"].items():
        for claim in claims:
            pages_of.setdefault(claim["point"], set()).add(page_id)
    for point in annotation["points"]:
        made_by = pages_of.get(point["point"], set())
        assert len(made_by) >= 2, point["point"]
        for pair in point.get("conflicts", []):
            assert len(set(pair)) == 2 and set(pair) <= made_by, (point["point"], pair)
