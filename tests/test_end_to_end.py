"""The whole pipeline on the real pages, twice, with the network forbidden."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.config import PROJ_ROOT
from pipeline.decode import decode_bytes

pytestmark = pytest.mark.slow

NONET = Path(__file__).parent / "nonet"


def run_all(raw: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m pipeline all`` in a child process that may not use the network."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NONET), str(PROJ_ROOT)]),
           "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "all", "--raw", str(raw), "--out", str(out), "-q"],
        cwd=PROJ_ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )


def snapshot(root: Path) -> dict[str, bytes]:
    """Every output file's bytes, keyed by relative path."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read one of the dataset's CSV files (UTF-8 with BOM)."""
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory, raw_dir: Path) -> tuple[Path, Path, Path]:
    """Two independent runs over a copy of raw/; returns (raw copy, run 1, run 2)."""
    raw = tmp_path_factory.mktemp("raw")
    for page in raw_dir.iterdir():
        if page.is_file():
            shutil.copy(page, raw / page.name)
    first, second = tmp_path_factory.mktemp("run1"), tmp_path_factory.mktemp("run2")
    for out in (first, second):
        result = run_all(raw, out)
        assert result.returncode == 0, result.stderr
    return raw, first, second


def test_every_output_exists(outputs: tuple[Path, Path, Path]) -> None:
    raw, out, _ = outputs
    cleaned = out / "cleaned"
    for page in raw.iterdir():
        assert (cleaned / f"{page.stem}.txt").is_file()
        assert (cleaned / f"{page.stem}.json").is_file()
    for name in ("sources.csv", "claims.csv", "points.csv", "matrix.csv", "datapackage.json"):
        assert (cleaned / name).is_file(), name
    for name in ("report.html", "summary.md", "agreement.png"):
        assert (out / "reports" / name).is_file(), name


def test_reruns_are_byte_identical(outputs: tuple[Path, Path, Path]) -> None:
    _, first, second = outputs
    one, two = snapshot(first), snapshot(second)
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []


def test_clean_text_layout(outputs: tuple[Path, Path, Path]) -> None:
    _, out, _ = outputs
    for path in (out / "cleaned").glob("*.txt"):
        record = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        lines = path.read_text(encoding="utf-8").split("\n")
        assert lines[0] == record["metadata"]["title"]
        assert lines[1] == ""
        kept = [b["text"] for b in record["blocks"] if b["keep"] and b["kind"] != "title"]
        assert "\n".join(lines[2:]).strip().split("\n\n") == kept


def test_every_claim_quotes_its_raw_page(outputs: tuple[Path, Path, Path]) -> None:
    raw, out, _ = outputs
    claims = read_csv(out / "cleaned" / "claims.csv")
    sources = {r["source_id"]: r for r in read_csv(out / "cleaned" / "sources.csv")}
    texts = {sid: decode_bytes((raw / s["file"]).read_bytes()).text for sid, s in sources.items()}
    jsonl = [json.loads(line) for line in (out / "cleaned" / "claims.jsonl").read_text("utf-8").splitlines()]
    assert len(jsonl) == len(claims) > 0
    for claim in jsonl:
        assert claim["source_id"] in sources
        assert texts[claim["source_id"]][claim["raw_start"]:claim["raw_end"]] == claim["quote"]


def test_points_cite_existing_claims(outputs: tuple[Path, Path, Path]) -> None:
    _, out, _ = outputs
    claim_ids = {r["claim_id"] for r in read_csv(out / "cleaned" / "claims.csv")}
    source_ids = {r["source_id"] for r in read_csv(out / "cleaned" / "sources.csv")}
    points = read_csv(out / "cleaned" / "points.csv")
    assert points
    for point in points:
        cited = [c for c in point["claim_ids"].split(";") if c]
        assert cited and set(cited) <= claim_ids
        for column in ("sources", "conflicting_sources"):
            assert {s for s in point[column].split(";") if s} <= source_ids
