"""Stage 4: write the consolidated dataset in three faces plus its package descriptor.

CSV (UTF-8 with BOM) is for people and spreadsheets, JSON Lines (exact text) and
Parquet (typed) are for programs, and ``datapackage.json`` describes every table
with a Frictionless Table Schema. The stage's core (:func:`build_tables`) works on
in-memory records; :func:`run_export` reads the stage outputs and writes files.
"""

from __future__ import annotations

import csv
import io
import logging
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import __version__
from pipeline.config import Settings
from pipeline.io import canonical_json, read_json, read_jsonl, sha256_bytes, write_bytes_atomic, write_json
from pipeline.tables import FIXED_TABLES, LIST_DELIMITER, Table, matrix_column, matrix_table

LOGGER = logging.getLogger(__name__)

#: Digits after the point for numbers in CSV cells: fixed notation (never 1e-05),
#: trailing zeros dropped; six digits keep any dose or duration a page states.
FLOAT_DECIMALS = 6
#: Leading characters that make spreadsheets evaluate a cell as a formula (OWASP
#: "CSV injection"); such text cells get a leading apostrophe in CSV only.
FORMULA_PREFIXES = frozenset("=+-@\t\r")
#: Libraries whose versions are recorded in the package descriptor.
LIBRARIES = (
    "trafilatura", "justext", "spacy", "beautifulsoup4", "lxml", "charset-normalizer",
    "htmldate", "text2num", "pandas", "pyarrow", "frictionless", "jinja2", "matplotlib",
)
#: Source statuses whose pages feed the matrix.
USABLE_STATUSES = ("ok",)
#: Stage outputs read by this stage (written by segment and crossref).
STAGE_FILES = ("claims.jsonl", "points.jsonl", "point_sources.jsonl")
CSV_DESCRIPTION_NOTE = (
    " CSV is UTF-8 with a byte-order mark (encoding utf-8-sig) so spreadsheet programs show"
    " non-ASCII text correctly, although the Data Package spec prefers no BOM; whitespace in"
    " cells is collapsed and text cells starting with = + - @ get a leading apostrophe."
    " The JSON Lines face keeps the exact text."
)


@dataclass(frozen=True, slots=True)
class TableFiles:
    """The bytes written for one table (``jsonl`` is None when a stage output is kept)."""

    table: Table
    csv: bytes
    parquet: bytes
    jsonl: bytes | None


@dataclass(slots=True)
class Dataset:
    """Everything the upstream stages wrote, as plain records."""

    sources: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    points: list[dict[str, Any]]
    point_sources: list[dict[str, Any]]


def load_sources(cleaned_dir: Path) -> list[dict[str, Any]]:
    """Read the per-page records (JSON files with a ``blocks`` key), sorted by source id.

    The blocks are dropped (only their count is kept as ``n_blocks``) so a large run
    does not hold every page's blocks in memory; :func:`load_blocks` reads them again.
    """
    records = []
    for path in sorted(cleaned_dir.glob("*.json")):
        record = read_json(path)
        if isinstance(record, dict) and "blocks" in record:
            record["n_blocks"] = len(record.pop("blocks") or [])
            record["record_path"] = str(path)
            records.append(record)
    return sorted(records, key=lambda r: str(r["source_id"]))


def load_blocks(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The blocks of a record returned by :func:`load_sources`."""
    blocks: list[dict[str, Any]] = read_json(Path(record["record_path"]))["blocks"]
    return blocks


def load_rows(path: Path) -> list[dict[str, Any]]:
    """Read a stage's JSON Lines output; a missing file is an empty table with a warning."""
    if not path.exists():
        LOGGER.warning("%s: missing, exported as an empty table", path)
        return []
    return list(read_jsonl(path))


def load_dataset(cleaned_dir: Path) -> Dataset:
    """Read every upstream output of ``cleaned_dir``."""
    claims, points, point_sources = (load_rows(cleaned_dir / name) for name in STAGE_FILES)
    return Dataset(load_sources(cleaned_dir), claims, points, point_sources)


def source_row(record: dict[str, Any]) -> dict[str, Any]:
    """Flatten a page record into a ``sources`` row."""
    meta = record.get("metadata") or {}
    return {
        "source_id": record["source_id"],
        "file": record.get("file", ""),
        "title": meta.get("title", ""),
        "author": meta.get("author", ""),
        "date": meta.get("date", ""),
        "site": meta.get("site", ""),
        "format": record.get("form", ""),
        "encoding": record.get("encoding", ""),
        "words_kept": record.get("words_kept", 0),
        "words_removed": record.get("words_removed", 0),
        "status": record["status"],
        "message": record.get("message", ""),
        "duplicate_of": record.get("duplicate_of", ""),
        "sha256": record.get("sha256", ""),
        "bytes": record.get("bytes", 0),
        "language": meta.get("language", ""),
        "extractor": record.get("extractor", ""),
    }


def project(row: dict[str, Any], table: Table) -> dict[str, Any]:
    """Keep the table's columns of ``row`` in column order (absent ones become None)."""
    return {name: row.get(name) for name in table.names}


def point_row(point: dict[str, Any]) -> dict[str, Any]:
    """A ``points`` row: the point without its nested evidence, plus a source count."""
    row = dict(point)
    row["n_sources"] = len(point.get("sources") or [])
    return row


def usable_source_ids(dataset: Dataset) -> list[str]:
    """Sources that get a matrix column: usable pages and any source crossref placed."""
    ids = {s["source_id"] for s in dataset.sources if s["status"] in USABLE_STATUSES}
    ids.update(r["source_id"] for r in dataset.point_sources)
    return sorted(ids)


def matrix_cell(stance: str, value: str | None) -> str:
    """Render a stance as a matrix cell: ``states: 4-6 week``, ``conflicts: >=24 h`` or ``silent``."""
    return f"{stance}: {value}" if value and stance != "silent" else stance


def matrix_rows(points: list[dict[str, Any]], point_sources: list[dict[str, Any]],
                source_ids: list[str]) -> list[dict[str, Any]]:
    """Pivot the long point x source table into one row per point."""
    cells = {(r["point_id"], r["source_id"]): matrix_cell(r["stance"], r.get("value")) for r in point_sources}
    rows = []
    for point in points:
        row = {k: point.get(k) for k in ("point_id", "topic", "statement", "status")}
        for sid in source_ids:
            row[matrix_column(sid)] = cells.get((point["point_id"], sid), "silent")
        rows.append(row)
    return rows


def warn_unsplittable_ids(ids: list[str]) -> None:
    """Warn about ids that contain the list delimiter: their list cells cannot be split back."""
    bad = sorted({i for i in ids if LIST_DELIMITER in str(i)})
    if bad:
        LOGGER.warning("%d ids contain %r, so CSV list cells holding them are ambiguous (first: %s)",
                       len(bad), LIST_DELIMITER, bad[0])


def build_tables(dataset: Dataset) -> list[tuple[Table, list[dict[str, Any]]]]:
    """The dataset's tables with their rows in a stable order (the stage's pure core)."""
    sources_t, claims_t, points_t, links_t = FIXED_TABLES
    sources = [project(source_row(r), sources_t) for r in dataset.sources]
    claims = sorted(
        (project(c, claims_t) for c in dataset.claims),
        key=lambda c: (c["source_id"], c["raw_start"] or 0, c["raw_end"] or 0, c["claim_id"]),
    )
    points = sorted((project(point_row(p), points_t) for p in dataset.points),
                    key=lambda p: (p["topic"] or "", p["point_id"]))
    order = {p["point_id"]: i for i, p in enumerate(points)}
    links = sorted((project(r, links_t) for r in dataset.point_sources),
                   key=lambda r: (order.get(r["point_id"], len(order)), r["point_id"], r["source_id"]))
    source_ids = usable_source_ids(dataset)
    warn_unsplittable_ids([s["source_id"] for s in sources] + [c["claim_id"] for c in claims])
    matrix = matrix_rows(points, links, source_ids)
    return [(sources_t, sources), (claims_t, claims), (points_t, points),
            (links_t, links), (matrix_table(source_ids), matrix)]


def format_number(value: float) -> str:
    """Fixed-point text for a number, the same on every run and platform."""
    text = f"{value:.{FLOAT_DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def clean_text_cell(text: str) -> str:
    """Collapse whitespace and defuse spreadsheet formulas in a text cell."""
    collapsed = " ".join(text.split())
    if text[:1] in FORMULA_PREFIXES or collapsed[:1] in FORMULA_PREFIXES:
        return "'" + collapsed
    return collapsed


def csv_cell(value: Any, type_: str) -> str:
    """Render one value as CSV text for a column of Table Schema type ``type_``."""
    if value is None:
        return ""
    if type_ == "boolean":
        return "true" if value else "false"
    if type_ == "number":
        return format_number(float(value))
    if type_ == "integer":
        return str(int(value))
    if type_ == "list":
        return clean_text_cell(LIST_DELIMITER.join(str(v) for v in value))
    return clean_text_cell(str(value))


def csv_bytes(table: Table, rows: list[dict[str, Any]]) -> bytes:
    """The table as CSV: UTF-8 with BOM, minimal quoting, ``\\n`` line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerow(table.names)
    types = [c.type for c in table.columns]
    for row in rows:
        writer.writerow([csv_cell(row[c.name], t) for c, t in zip(table.columns, types, strict=True)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def parquet_bytes(table: Table, rows: list[dict[str, Any]]) -> bytes:
    """The table as typed Parquet (exact text; lists as lists of strings)."""
    schema = table.arrow_schema()
    columns = {name: [row[name] for row in rows] for name in table.names}
    arrow = pa.Table.from_pydict(columns, schema=schema)
    sink = io.BytesIO()
    pq.write_table(arrow, sink, compression="zstd", write_statistics=True)
    return sink.getvalue()


def library_versions() -> dict[str, str]:
    """Installed versions of the libraries the pipeline relies on."""
    versions = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def csv_resource(table: Table, data: bytes) -> dict[str, Any]:
    """Data Package resource for a CSV face, with its Table Schema and file hash."""
    return {
        "name": table.name,
        "title": table.title,
        "description": table.description + CSV_DESCRIPTION_NOTE,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "bytes": len(data),
        "hash": f"sha256:{sha256_bytes(data)}",
        "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True,
                    "lineTerminator": "\n", "header": True},
        "schema": table.schema(),
    }


def file_entry(path: str, data: bytes, description: str) -> dict[str, Any]:
    """A documented file of the package that is not a Table Schema resource."""
    return {"path": path, "bytes": len(data), "hash": f"sha256:{sha256_bytes(data)}",
            "description": description}


def other_faces(table: Table, parquet: bytes, jsonl: bytes | None) -> dict[str, Any]:
    """The JSON Lines and Parquet faces of a table, documented beside its CSV resource."""
    faces = {"parquet": file_entry(
        f"{table.name}.parquet", parquet,
        f"Typed copy of {table.name}.csv with exact text; list columns are lists of strings.")}
    if jsonl is None:
        faces["jsonl"] = {"path": table.jsonl, "description": (
            "Stage output with exact text; a superset of the CSV columns (see the stage docs).")}
    else:
        faces["jsonl"] = file_entry(table.jsonl, jsonl, f"{table.name}.csv rows with exact text.")
    return faces


def datapackage(files: list[TableFiles], *, settings: Settings) -> dict[str, Any]:
    """The package descriptor: a resource per CSV table plus the run's configuration.

    The JSON Lines and Parquet faces are documented under ``pipeline.files`` with
    their sizes and hashes rather than as resources: frictionless 5 cannot read
    list columns from Parquet, reads JSON Lines only with an optional plugin, and
    the stage outputs carry nested fields (evidence) the CSV schemas do not describe.
    """
    return {
        "name": "cross-referenced-claims",
        "title": "Claims cross-referenced across sources",
        "description": "Sources, the claims segmented from them and the points they agree or conflict on.",
        "profile": "data-package",
        "resources": [csv_resource(f.table, f.csv) for f in files],
        "pipeline": {
            "version": __version__,
            "libraries": library_versions(),
            "settings": settings.to_json(),
            "settings_digest": settings.digest(),
            "files": {f.table.name: other_faces(f.table, f.parquet, f.jsonl) for f in files},
        },
    }


def table_files(table: Table, rows: list[dict[str, Any]]) -> TableFiles:
    """Render a table's faces; stage outputs already hold the JSON Lines face."""
    jsonl = None
    if table.jsonl not in STAGE_FILES:
        jsonl = "".join(canonical_json(r) + "\n" for r in rows).encode("utf-8")
    LOGGER.info("%s: %d rows", table.name, len(rows))
    return TableFiles(table, csv_bytes(table, rows), parquet_bytes(table, rows), jsonl)


def run_export(cleaned_dir: Path, *, settings: Settings) -> list[Path]:
    """Write CSV, JSON Lines, Parquet and ``datapackage.json`` into ``cleaned_dir``.

    The stage outputs ``claims.jsonl``, ``points.jsonl`` and ``point_sources.jsonl``
    are left as they are (they are the machine face of their tables); this stage
    adds ``sources.jsonl`` and ``matrix.jsonl``.

    Returns:
        The paths written, in writing order.
    """
    files = [table_files(table, rows) for table, rows in build_tables(load_dataset(cleaned_dir))]
    written: list[Path] = []
    for entry in files:
        for suffix, data in ((".csv", entry.csv), (".parquet", entry.parquet)):
            written.append(cleaned_dir / f"{entry.table.name}{suffix}")
            write_bytes_atomic(written[-1], data)
        if entry.jsonl is not None:
            written.append(cleaned_dir / entry.table.jsonl)
            write_bytes_atomic(written[-1], entry.jsonl)
    package_path = cleaned_dir / "datapackage.json"
    write_json(package_path, datapackage(files, settings=settings))
    written.append(package_path)
    return written
