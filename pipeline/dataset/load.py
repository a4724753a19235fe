"""The exported dataset as typed pandas DataFrames, for analysts.

The JSON Lines faces keep the exact text but carry no types: a list is a JSON array,
a missing number is ``null``, a category is a plain string. :func:`load` reads them
and types every column from the Table Schemas of :mod:`pipeline.dataset.tables`, the
same definitions that write the CSV, Parquet and ``datapackage.json`` faces, so the
DataFrames cannot drift from the documented dataset.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.dataset.export import load_dataset, point_row
from pipeline.dataset.tables import FIXED_TABLES, MATRIX_LEAD, Column, Table, matrix_table
from pipeline.io import read_json, read_jsonl

if TYPE_CHECKING:  # pandas takes a second to import: the export and report stages, which
    import pandas as pd  # import this package, should not pay for it, so functions import it.

PACKAGE_FILE = "datapackage.json"
#: String columns without an enum whose values still come from a small vocabulary the
#: stages assign (claim kinds, frames, polarities, bounds): categoricals make them cheap
#: to group by and show their levels; the levels are the values found in the run.
LABEL_COLUMNS = frozenset({"kind", "frame", "polarity", "bound"})


@dataclass(frozen=True, slots=True)
class Tables:
    """The five tables of one exported dataset, one typed DataFrame each."""

    sources: pd.DataFrame
    claims: pd.DataFrame
    points: pd.DataFrame
    point_sources: pd.DataFrame
    matrix: pd.DataFrame


def load(path: str | Path) -> Tables:
    """Read an exported dataset into typed pandas DataFrames.

    Types follow each table's Table Schema: ``list`` columns hold Python lists (``[]``
    when empty), ``integer`` columns are ``Int64``, ``number`` columns ``float64``,
    ``boolean`` columns ``boolean``, string columns with an enum (``status``,
    ``stance``, ``format``) or a stage vocabulary (``kind``, ``frame``, ``polarity``)
    are ``category``, other text is ``string``. An empty cell is missing (``<NA>``),
    as the schemas' ``missingValues`` say. Fields of the stage records that the
    schema does not describe (a point's ``evidence`` and ``clash``) follow as read.

    Args:
        path: a ``cleaned/`` folder, or its ``datapackage.json``.

    Raises:
        FileNotFoundError: the folder has no ``datapackage.json`` (export not run yet).
        ValueError: a value outside its column's enum (the files do not match the schema).

    Example:
        >>> from pipeline.dataset import load
        >>> t = load("cleaned")
        >>> t.points[t.points.status == "conflict"].explode("conflicting_sources")[
        ...     ["statement", "value", "sources", "conflicting_sources"]]
    """
    folder = Path(path)
    if folder.name == PACKAGE_FILE:
        folder = folder.parent
    package = folder / PACKAGE_FILE
    if not package.is_file():
        raise FileNotFoundError(f"{package}: no exported dataset here (run `make all` or `pipeline export`)")
    tables = {t.name: t for t in (*FIXED_TABLES, package_matrix(read_json(package)))}
    records = table_records(folder, tables)
    return Tables(**{name: typed_frame(table, records[name]) for name, table in tables.items()})


def table_records(folder: Path, tables: dict[str, Table]) -> dict[str, Iterable[dict[str, Any]]]:
    """Each table's JSON Lines records, in the row order of its CSV and Parquet faces.

    The stage outputs (claims, points, point_sources) are in the stages' own order;
    the export's reader sorts them (claims in page order, points by topic) and adds
    the columns it derives (a point's ``n_sources``), so it is reused rather than
    copied. The tables the export writes itself are already in that order.
    """
    dataset = load_dataset(folder)
    return {
        "sources": read_jsonl(folder / tables["sources"].jsonl),
        "claims": dataset.claims,
        "points": (point_row(point) for point in dataset.points),
        "point_sources": dataset.point_sources,
        "matrix": read_jsonl(folder / tables["matrix"].jsonl),
    }


def package_matrix(package: dict[str, Any]) -> Table:
    """The run's matrix table, rebuilt from the column names its export recorded.

    The matrix has one column per source, so its schema exists only per run; the
    names in ``datapackage.json`` are the ones :func:`matrix_table` gave, and giving
    them back to it yields the same columns.
    """
    lead = {c.name for c in MATRIX_LEAD}
    (resource,) = (r for r in package["resources"] if r["name"] == "matrix")
    return matrix_table([f["name"] for f in resource["schema"]["fields"] if f["name"] not in lead])


def typed_frame(table: Table, records: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """One table's records as a DataFrame typed by its schema, extra fields last."""
    import pandas as pd

    rows = list(records)
    names = table.names
    extra = sorted({key for row in rows for key in row} - set(names))
    frame = {c.name: typed_column(c, [row.get(c.name) for row in rows]) for c in table.columns}
    frame.update({key: pd.Series([row.get(key) for row in rows], dtype=object) for key in extra})
    return pd.DataFrame(frame, columns=[*names, *extra])


def typed_column(column: Column, values: list[Any]) -> pd.Series:
    """The values of one column in the pandas dtype its Table Schema type calls for."""
    import pandas as pd

    if column.type == "list":
        return pd.Series([list(v) if v else [] for v in values], dtype=object)
    if column.type == "integer":
        return pd.Series(values, dtype="Int64")
    if column.type == "number":
        return pd.Series([float("nan") if v is None else v for v in values], dtype="float64")
    if column.type == "boolean":
        return pd.Series(values, dtype="boolean")
    text = [None if v is None or v == "" else str(v) for v in values]
    if column.enum or column.name in LABEL_COLUMNS:
        return pd.Series(pd.Categorical(text, categories=categories(column, text)))
    return pd.Series(text, dtype="string")


def categories(column: Column, values: Iterable[str | None]) -> list[str]:
    """The levels of a categorical column: its enum when the schema has one, else the values seen.

    Enum levels are fixed, so two runs' tables concatenate without losing the dtype and
    a status no point has (no ``conflict`` in a run) still counts as zero. A value outside
    the enum is an error rather than the silent ``<NA>`` pandas would make of it.

    Raises:
        ValueError: a value the column's enum does not allow.
    """
    seen = {v for v in values if v is not None}
    if not column.enum:
        return sorted(seen)
    unknown = seen - set(column.enum)
    if unknown:
        raise ValueError(f"{column.name}: {sorted(unknown)} not in the schema's enum {list(column.enum)}")
    return list(column.enum)
