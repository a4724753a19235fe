"""``pipeline.dataset.load``: the README's pandas lines on a real run, and typed columns.

The corpus is three short pages on oil-change intervals, written for this test: one says
every 3,000 miles, one every 10,000, one every 7,500. Whatever the claims and crossref
stages do inside, an analyst following the README must see that the first page conflicts
with the other two on how often to change the oil.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.config import PROJ_ROOT
from pipeline.dataset import Tables, load
from pipeline.dataset.load import LABEL_COLUMNS
from pipeline.dataset.tables import FIXED_TABLES, Column

pytestmark = pytest.mark.slow

NONET = Path(__file__).parent / "nonet"
README = PROJ_ROOT / "README.md"

PAGES = {
    "quicklube.txt": """Home | Services | Coupons | Locations

How Often Should You Change Your Oil?

By Dale Porter | Updated May 2, 2025

Motor oil keeps the moving parts of an engine clean and cool. Old oil turns thick and dark and stops \
protecting the engine.

Change the oil every 3,000 miles. Drivers who tow a trailer should change the oil every 2,000 miles.

Replace the oil filter at every oil change.

Check the oil level once a month with the dipstick.

Book your next oil change online and save $10!
Subscribe to our newsletter
""",
    "mechanic.txt": """Menu | Blog | Contact

Oil Change Intervals: What the Manual Says

Posted by Rita Gomez, certified mechanic | March 14, 2025

Modern synthetic oil lasts far longer than the oil of the past. The old rule of thumb no longer holds \
for most cars.

Change the oil every 10,000 miles. Replace the oil filter at every oil change.

Check the oil level once a month with the dipstick.

Share this article: Facebook | Twitter | Email
Related posts
""",
    "dealer.txt": """Skip to content
Service Center | Parts | Specials

Your Car's Oil Schedule

Written by the Service Team | January 9, 2025

Most manufacturers now recommend longer intervals between oil changes.

Change the oil every 7,500 miles or once a year, whichever comes first.

Check the oil level once a month and top it up when it is low.

Schedule service today
© 2025 Dealer Service Center
""",
}
#: Every mileage the pages state, the independent truth for the claims' numbers.
MILEAGES = {2000.0, 3000.0, 7500.0, 10000.0}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole pipeline over the oil-change pages, network forbidden; returns the output folder."""
    raw, out = tmp_path_factory.mktemp("oil_raw"), tmp_path_factory.mktemp("oil_out")
    for name, text in PAGES.items():
        (raw / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NONET), str(PROJ_ROOT)])}
    command = [sys.executable, "-m", "pipeline", "all", "--raw", str(raw), "--out", str(out), "-q"]
    result = subprocess.run(command, cwd=PROJ_ROOT, env=env, capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def tables(run: Path) -> Tables:
    """The run's dataset as DataFrames."""
    return load(run / "cleaned")


def readme_lines() -> list[str]:
    """The code block of the README's "In pandas" section, line by line."""
    section = README.read_text(encoding="utf-8").split("### In pandas", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert block is not None, "README: no python block under 'In pandas'"
    return block.group(1).strip().splitlines()


def test_readme_lines_show_which_sources_conflict_on_what(run: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = readme_lines()
    assert len(lines) == 3
    monkeypatch.chdir(run)
    scope: dict[str, Any] = {}
    exec("\n".join(lines[:-1]), scope)
    answer = eval(lines[-1], scope)
    assert isinstance(answer, pd.DataFrame)
    oil = answer[answer.statement.str.contains("oil", case=False)]
    pairs = {(side, rival) for sides, rival in zip(oil.sources, oil.conflicting_sources, strict=True)
             for side in sides}
    assert {frozenset(pair) for pair in pairs} >= {frozenset({"quicklube", "mechanic"})}
    assert all(side != rival for side, rival in pairs)


def test_every_schema_column_has_the_dtype_of_its_type(tables: Tables) -> None:
    for table in FIXED_TABLES:
        frame = getattr(tables, table.name)
        assert list(frame.columns[:len(table.columns)]) == table.names
        for column in table.columns:
            check_dtype(column, frame[column.name])


def check_dtype(column: Column, series: pd.Series) -> None:
    """One column's dtype against its Table Schema type."""
    where = f"{column.name} ({column.type})"
    if column.enum:
        assert isinstance(series.dtype, pd.CategoricalDtype), where
        assert list(series.cat.categories) == list(column.enum), where
    elif column.name in LABEL_COLUMNS:
        assert isinstance(series.dtype, pd.CategoricalDtype), where
    elif column.type == "list":
        assert series.dtype == object and all(isinstance(v, list) for v in series), where
    else:
        expected = {"integer": "Int64", "number": "float64", "boolean": "boolean", "string": "string"}
        assert str(series.dtype) == expected[column.type], where


def test_labels_and_lists_read_as_analysts_use_them(tables: Tables) -> None:
    points, links, claims = tables.points, tables.point_sources, tables.claims
    assert points.status.dtype == pd.CategoricalDtype(["agree", "partial", "conflict", "single"])
    assert links.stance.dtype == pd.CategoricalDtype(["states", "conflicts", "silent"])
    for dtype in (claims.kind.dtype, claims.frame.dtype, claims.polarity.dtype):
        assert isinstance(dtype, pd.CategoricalDtype)
    assert set(tables.sources.source_id) == {Path(name).stem for name in PAGES}
    assert (points.n_sources == points.sources.map(len)).all()
    assert tables.matrix.columns[4:].tolist() == sorted(Path(name).stem for name in PAGES)


def test_claim_numbers_are_the_pages_numbers(tables: Tables) -> None:
    claims = tables.claims
    miles = claims[claims.unit.str.contains("mile", na=False)]
    assert set(miles.value_min) <= MILEAGES and set(miles.value_min) >= {3000.0, 10000.0}
    assert claims.is_claim.dtype == "boolean" and bool(claims.is_claim.any())


def plain(value: Any) -> Any:
    """A cell with its missing forms (None, NaN, <NA>, "") made one, arrays made lists."""
    if hasattr(value, "tolist"):
        return value.tolist()
    if value is None or value is pd.NA or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


@pytest.mark.parametrize("table", FIXED_TABLES, ids=lambda t: t.name)
def test_every_cell_matches_the_parquet_face(tables: Tables, run: Path, table: Any) -> None:
    """The Parquet face is written by another path (export's typed writer): both must agree."""
    parquet = pq.read_table(run / "cleaned" / f"{table.name}.parquet").to_pydict()
    frame = getattr(tables, table.name)
    for name in table.names:
        assert [plain(v) for v in frame[name]] == [plain(v) for v in parquet[name]], name


def test_datapackage_path_is_accepted(run: Path, tables: Tables) -> None:
    again = load(run / "cleaned" / "datapackage.json")
    for table in FIXED_TABLES:
        pd.testing.assert_frame_equal(getattr(again, table.name), getattr(tables, table.name))


def test_folder_without_export_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no exported dataset"):
        load(tmp_path)


def test_status_outside_the_enum_is_an_error_not_a_missing_value(run: Path, tmp_path: Path) -> None:
    copy = tmp_path / "cleaned"
    shutil.copytree(run / "cleaned", copy)
    lines = (copy / "points.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["status"] = "disputed"
    (copy / "points.jsonl").write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="disputed"):
        load(copy)
