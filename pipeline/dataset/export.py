"""Stage 4: write the consolidated dataset in three faces plus its package descriptor.

CSV (UTF-8 with BOM) is for people and spreadsheets, JSON Lines (exact text) and
Parquet (typed) are for programs, and ``datapackage.json`` describes every table
with a Frictionless Table Schema. Tables are streamed from the upstream outputs
to their files a row at a time (:class:`TableWriter`), so thousands of pages
export in flat memory.
"""

from __future__ import annotations

import csv
import functools
import itertools
import json
import logging
import operator
import platform
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import __version__
from pipeline.config import Settings
from pipeline.dataset.tables import (
    FIXED_TABLES,
    LIST_DELIMITER,
    MATRIX_LEAD,
    MATRIX_MIN_SOURCES,
    SILENT,
    Table,
    matrix_column,
    matrix_table,
)
from pipeline.io import (
    SortedJsonl,
    atomic_output,
    canonical_json,
    file_sha256,
    read_json,
    read_jsonl,
    write_json,
)

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
#: Cells per Parquet row group: about 200,000 rows of the claims table, a few hundred
#: rows of a matrix with thousands of source columns. Each group costs a fixed
#: time per column, so wide tables want large groups; a group is gathered in Arrow
#: arrays (:data:`ARROW_BATCH_ROWS`), about 250 MB for claims at this size.
PARQUET_GROUP_CELLS = 5_000_000
#: Rows held as Python values before they move into Arrow arrays, where a claim takes a
#: few hundred bytes instead of a few kilobytes: a whole row group of claims held as
#: Python rows took the export's peak to 1,040 MB on the 10,000-page corpus of
#: scripts/bench_scale.py, gathered in Arrow to 650 MB. The chunks of a group are joined
#: before it is written, so the file is the same (:meth:`TableWriter.flush_parquet`).
ARROW_BATCH_ROWS = 8192
#: Distinct CSV text cells remembered by :func:`clean_text_cell`.
CELL_CACHE_SIZE = 65_536
#: Source statuses whose pages feed the matrix.
USABLE_STATUSES = ("ok",)
#: Stage outputs read by this stage (written by segment and crossref).
STAGE_FILES = ("claims.jsonl", "points.jsonl", "point_sources.jsonl")
MATRIX_LEAD_NAMES = tuple(c.name for c in MATRIX_LEAD)
CSV_DESCRIPTION_NOTE = (
    " CSV is UTF-8 with a byte-order mark (encoding utf-8-sig) so spreadsheet programs show"
    " non-ASCII text correctly, although the Data Package spec prefers no BOM; whitespace in"
    " cells is collapsed and text cells starting with = + - @ get a leading apostrophe."
    " The JSON Lines face keeps the exact text."
)


@dataclass(frozen=True, slots=True)
class FileFacts:
    """A written file as the package descriptor records it: name, size and hash."""

    path: str
    bytes: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> FileFacts:
        """Measure a written file."""
        return cls(path.name, path.stat().st_size, file_sha256(path))


@dataclass(frozen=True, slots=True)
class TableFiles:
    """The files written for one table (``jsonl`` is None when a stage output is kept)."""

    table: Table
    rows: int
    csv: FileFacts
    parquet: FileFacts
    jsonl: FileFacts | None


@dataclass(slots=True)
class Dataset:
    """Everything the upstream stages wrote, in output order, read lazily.

    Page records are small once their blocks are dropped and are held as a list;
    the stage outputs are indexed (:class:`SortedJsonl`) and streamed, so memory
    grows with the number of rows only by a sort key each.
    """

    sources: list[dict[str, Any]]
    claims: SortedJsonl
    points: SortedJsonl
    point_sources: SortedJsonl
    #: Matrix columns (:func:`matrix_source_ids`).
    source_ids: list[str]


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


def stage_output(path: Path, key: Callable[[dict[str, Any]], Any]) -> SortedJsonl:
    """Index a stage's JSON Lines output; a missing file is an empty table with a warning."""
    if not path.exists():
        LOGGER.warning("%s: missing, exported as an empty table", path)
    return SortedJsonl(path, key)


def claim_key(claim: dict[str, Any]) -> tuple[str, int, int, str]:
    """Claims in page order: by source, then position in the raw page."""
    return (str(claim["source_id"]), claim.get("raw_start") or 0, claim.get("raw_end") or 0,
            str(claim["claim_id"]))


def point_key(point: dict[str, Any]) -> tuple[str, str]:
    """Points by topic, then id."""
    return (str(point.get("topic") or ""), str(point["point_id"]))


def load_dataset(cleaned_dir: Path) -> Dataset:
    """Index every upstream output of ``cleaned_dir``."""
    claims_file, points_file, links_file = (cleaned_dir / name for name in STAGE_FILES)
    sources = load_sources(cleaned_dir)
    points = stage_output(points_file, point_key)
    order = {point_id: rank for rank, (_, point_id) in enumerate(points.keys)}

    def link_key(link: dict[str, Any]) -> tuple[int, str, str]:
        return (order.get(link["point_id"], len(order)), str(link["point_id"]), str(link["source_id"]))

    links = stage_output(links_file, link_key)
    source_ids = matrix_source_ids(sources, (source_id for _, _, source_id in links.keys))
    return Dataset(sources, stage_output(claims_file, claim_key), points, links, source_ids)


def stage_rows(path: Path) -> Iterator[dict[str, Any]]:
    """A stage output's rows in file order; none when the file is missing."""
    if path.exists():
        yield from read_jsonl(path)


def matrix_source_ids(sources: Iterable[dict[str, Any]], linked: Iterable[str]) -> list[str]:
    """Sources that get a matrix column: usable pages and any source crossref placed (``linked``)."""
    ids = {s["source_id"] for s in sources if s["status"] in USABLE_STATUSES}
    ids.update(linked)
    return sorted(ids)


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


def point_row(point: dict[str, Any]) -> dict[str, Any]:
    """A ``points`` row: the point without its nested evidence, plus a source count."""
    row = dict(point)
    row["n_sources"] = len(point.get("sources") or [])
    return row


def matrix_cell(stance: str, value: str | None) -> str:
    """Render a stance as a matrix cell: ``states: 4-6 week``, ``conflicts: >=24 h`` or ``silent``."""
    return f"{stance}: {value}" if value and stance != SILENT else stance


def matrix_rows(points: Iterable[dict[str, Any]], links: Iterable[dict[str, Any]],
                source_ids: list[str]) -> Iterator[dict[str, Any]]:
    """Pivot the long point x source table into a row per point that sources disagree or agree on.

    Both inputs come in point order (see :func:`load_dataset`), so each point's
    links are the next group of ``links``. A point gets a row when at least
    ``MATRIX_MIN_SOURCES`` of ``source_ids`` take a side on it (a stance other than
    ``SILENT``). Rows are sparse: the point's lead columns and the cells of its
    links; every other column is ``SILENT`` (:class:`TableWriter` fills it in).
    """
    columns = {sid: matrix_column(sid) for sid in source_ids}
    groups = itertools.groupby(links, key=operator.itemgetter("point_id"))
    group = next(groups, None)
    for point in points:
        linked: list[dict[str, Any]] = []
        if group is not None and group[0] == point["point_id"]:
            linked = [r for r in group[1] if r["source_id"] in columns]
            group = next(groups, None)
        if len({r["source_id"] for r in linked if r["stance"] != SILENT}) >= MATRIX_MIN_SOURCES:
            cells = {columns[r["source_id"]]: matrix_cell(r["stance"], r.get("value")) for r in linked}
            yield {**{k: point.get(k) for k in MATRIX_LEAD_NAMES}, **cells}


def records_at(path: Path, offsets: list[int]) -> Iterator[dict[str, Any]]:
    """The JSON Lines records that start at ``offsets`` of ``path``, in that order (none: not opened)."""
    if not offsets:
        return
    with path.open("rb") as handle:
        for offset in offsets:
            handle.seek(offset)
            yield json.loads(handle.readline())


def matrix_inputs(dataset: Dataset) -> tuple[Iterator[dict[str, Any]], Iterator[dict[str, Any]]]:
    """The points and links :func:`matrix_rows` needs, read from their files and no others.

    Which points have links from ``MATRIX_MIN_SOURCES`` sources, the points that
    may get a row, is known from the links' sort keys alone, so the points of no
    row (most of them) are never parsed; :func:`matrix_rows` leaves out those whose
    links are silent ones.
    """
    links, points = dataset.point_sources, dataset.points
    ranks: list[int] = []
    link_offsets: list[int] = []
    keyed = zip(links.keys, links.offsets, strict=True)
    for (rank, _), group in itertools.groupby(keyed, key=lambda entry: entry[0][:2]):
        entries = list(group)
        if rank < len(points) and len({key[2] for key, _ in entries}) >= MATRIX_MIN_SOURCES:
            ranks.append(rank)
            link_offsets.extend(offset for _, offset in entries)
    rows = records_at(points.path, [points.offsets[rank] for rank in ranks])
    return rows, records_at(links.path, link_offsets)


def warn_unsplittable_ids(ids: Iterable[str]) -> None:
    """Warn about ids that contain the list delimiter: their list cells cannot be split back."""
    bad = sorted({i for i in ids if LIST_DELIMITER in str(i)})
    if bad:
        LOGGER.warning("%d ids contain %r, so CSV list cells holding them are ambiguous (first: %s)",
                       len(bad), LIST_DELIMITER, bad[0])


def table_rows(dataset: Dataset) -> list[tuple[Table, Iterable[dict[str, Any]]]]:
    """The dataset's tables with their rows in a stable order, as lazy streams.

    Rows may carry fields that are not columns (a claim's ``block``, a point's
    evidence): :class:`TableWriter` writes the table's columns only.
    """
    sources_t, claims_t, points_t, links_t = FIXED_TABLES
    return [
        (sources_t, [source_row(r) for r in dataset.sources]),
        (claims_t, dataset.claims),
        (points_t, (point_row(p) for p in dataset.points)),
        (links_t, dataset.point_sources),
        (matrix_table(dataset.source_ids), matrix_rows(*matrix_inputs(dataset), dataset.source_ids)),
    ]


def format_number(value: float) -> str:
    """Fixed-point text for a number, the same on every run and platform."""
    text = f"{value:.{FLOAT_DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@functools.lru_cache(maxsize=CELL_CACHE_SIZE)
def clean_text_cell(text: str) -> str:
    """Collapse whitespace and defuse spreadsheet formulas in a text cell.

    Cached: the matrix repeats a handful of cells ("silent", "states: 4-6 week")
    millions of times on a large run.
    """
    collapsed = " ".join(text.split())
    if text[:1] in FORMULA_PREFIXES or collapsed[:1] in FORMULA_PREFIXES:
        return "'" + collapsed
    return collapsed


def text_csv(value: Any) -> str:
    """A ``string`` cell (and any type without a formatter of its own) as CSV text."""
    return "" if value is None else clean_text_cell(value if type(value) is str else str(value))


def boolean_csv(value: Any) -> str:
    """A ``boolean`` cell as CSV text."""
    return "" if value is None else "true" if value else "false"


def number_csv(value: Any) -> str:
    """A ``number`` cell as CSV text."""
    return "" if value is None else format_number(float(value))


def integer_csv(value: Any) -> str:
    """An ``integer`` cell as CSV text."""
    return "" if value is None else str(int(value))


def list_csv(value: Any) -> str:
    """A ``list`` cell as CSV text: the items joined by the list delimiter."""
    if value is None:
        return ""
    try:  # lists of strings, as the stages write them, join as they are
        text = LIST_DELIMITER.join(value)
    except TypeError:
        text = LIST_DELIMITER.join(str(v) for v in value)
    return clean_text_cell(text)


#: Table Schema type -> its CSV formatter; a type not listed is formatted as text. One
#: function per column, looked up once per table, keeps the per-cell work of the long
#: tables (claims: 24 columns x 287,539 rows at 10,000 pages) to one call.
CSV_FORMATTERS: dict[str, Callable[[Any], str]] = {
    "boolean": boolean_csv, "number": number_csv, "integer": integer_csv, "list": list_csv,
}


def csv_formatters(table: Table) -> list[Callable[[Any], str]]:
    """The CSV formatter of each column of ``table``, in column order."""
    return [CSV_FORMATTERS.get(c.type, text_csv) for c in table.columns]


def csv_writer(handle: TextIO) -> Any:
    """A CSV writer in the package's dialect: minimal quoting, ``\\n`` line ends."""
    return csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")


def csv_cells(formatters: list[Callable[[Any], str]], values: list[Any]) -> list[str]:
    """The CSV cells of one row given as values in column order (``formatters``: :func:`csv_formatters`)."""
    return [format_(value) for format_, value in zip(formatters, values, strict=True)]


@functools.lru_cache(maxsize=CELL_CACHE_SIZE)
def json_text(value: str) -> str:
    """A string as JSON, cached like :func:`clean_text_cell` for the matrix's repeated cells."""
    return json.dumps(value, ensure_ascii=False)


def json_value(value: Any) -> str:
    """One value as canonical JSON, strings through the cache of :func:`json_text`."""
    return json_text(value) if type(value) is str else canonical_json(value)


class JsonRowEncoder:
    """:func:`pipeline.io.jsonl_line` for the rows of one table, fast on wide tables.

    The bytes are the same as ``canonical_json`` (sorted keys, compact separators,
    UTF-8); keys are encoded once per table and string cells through a cache, since
    encoding a matrix row of thousands of sources key by key dominated the export.
    With ``fill``, the ``key:value`` pairs of a row that has only that value are
    encoded once too, and :meth:`sparse_line` encodes only the keys a row gives.
    """

    def __init__(self, names: list[str], *, fill: str | None = None) -> None:
        self.order = sorted(names)
        self.keys = [json_text(name) + ":" for name in self.order]
        self.position = {name: i for i, name in enumerate(self.order)}
        self.filled = [key + json_value(fill) for key in self.keys] if fill is not None else []

    def line(self, row: dict[str, Any]) -> bytes:
        """The row's columns as one JSON Lines record (a column the row lacks is null)."""
        parts = [key + json_value(row.get(name)) for key, name in zip(self.keys, self.order, strict=True)]
        return ("{" + ",".join(parts) + "}\n").encode("utf-8")

    def sparse_line(self, row: dict[str, Any]) -> bytes:
        """The record of ``row`` with the fill value under every name it leaves out."""
        parts = self.filled.copy()
        for name, value in row.items():
            at = self.position[name]
            parts[at] = self.keys[at] + json_value(value)
        return ("{" + ",".join(parts) + "}\n").encode("utf-8")


class TableWriter:
    """Writes one table's faces a row at a time: CSV, Parquet and, unless kept, JSON Lines.

    Each face goes to a temp file that replaces the old one only when the whole
    table is written, so a failed or killed run leaves the previous export intact.
    Parquet rows are buffered in row groups of about ``PARQUET_GROUP_CELLS`` cells,
    which bounds memory for the wide matrix as well as for the long tables. A table
    with a ``fill`` value takes sparse rows: a column a row leaves out holds the fill
    value, and only the given cells are formatted.
    """

    def __init__(self, table: Table, cleaned_dir: Path, stack: ExitStack) -> None:
        self.table = table
        self.rows = 0
        self.paths = {face: cleaned_dir / f"{table.name}.{face}" for face in ("csv", "parquet")}
        if table.jsonl not in STAGE_FILES:
            self.paths["jsonl"] = cleaned_dir / table.jsonl
        temps = {face: stack.enter_context(atomic_output(path)) for face, path in self.paths.items()}
        self.csv_handle = stack.enter_context(temps["csv"].open("w", encoding="utf-8-sig", newline=""))
        self.csv = csv_writer(self.csv_handle)
        self.names = table.names
        self.csv.writerow(self.names)
        self.jsonl = stack.enter_context(temps["jsonl"].open("wb")) if "jsonl" in temps else None
        self.json = JsonRowEncoder(self.names, fill=table.fill)
        self.index = {name: i for i, name in enumerate(self.names)}
        self.formatters = csv_formatters(table)
        self.filled = [table.fill] * len(self.names)
        self.filled_cells = [format_(table.fill) for format_ in self.formatters]
        self.schema = table.arrow_schema()
        self.parquet = stack.enter_context(
            pq.ParquetWriter(temps["parquet"], self.schema, compression="zstd", write_statistics=True))
        self.group_rows = max(1, PARQUET_GROUP_CELLS // len(table.columns))
        self.pending: list[list[Any]] = []
        self.chunks: list[list[pa.Array]] = [[] for _ in self.names]
        self.batched = 0

    def add(self, row: dict[str, Any]) -> None:
        """Write one row's columns to every face (a column the row lacks is empty, or the fill)."""
        if self.table.fill is None:
            values = [row.get(name) for name in self.names]
            self.csv.writerow(csv_cells(self.formatters, values))
        else:
            values, cells = self.sparse_values(row)
            self.csv.writerow(cells)
        if self.jsonl is not None:
            self.jsonl.write(self.json.line(row) if self.table.fill is None else self.json.sparse_line(row))
        self.pending.append(values)
        if len(self.pending) >= min(ARROW_BATCH_ROWS, self.group_rows - self.batched):
            self.to_arrow()
            if self.batched >= self.group_rows:
                self.flush_parquet()
        self.rows += 1

    def sparse_values(self, row: dict[str, Any]) -> tuple[list[Any], list[str]]:
        """The values and CSV cells of a sparse row, in column order."""
        values, cells = self.filled.copy(), self.filled_cells.copy()
        for name, value in row.items():
            at = self.index[name]
            values[at] = value
            cells[at] = self.formatters[at](value)
        return values, cells

    def to_arrow(self) -> None:
        """Move the pending rows into Arrow arrays, one more chunk of each column of the group."""
        columns = list(zip(*self.pending, strict=True)) or [() for _ in self.names]
        for chunks, column, field in zip(self.chunks, columns, self.schema, strict=True):
            chunks.append(pa.array(column, type=field.type))
        self.batched += len(self.pending)
        self.pending = []

    def flush_parquet(self) -> None:
        """Write the gathered chunks as one Parquet row group.

        Each column's chunks are joined into one array first (and let go of column
        by column): the writer cuts pages and falls back from dictionary encoding
        per array, so a group written as the same arrays gives the same bytes
        however it was gathered.
        """
        arrays = []
        for chunks in self.chunks:
            arrays.append(pa.concat_arrays(chunks))
            chunks.clear()
        self.parquet.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
        self.batched = 0

    def finish(self) -> None:
        """Write what is buffered (an empty table still gets its one empty row group)."""
        if self.pending or not self.rows:
            self.to_arrow()
        if self.batched or not self.rows:
            self.flush_parquet()

    def facts(self) -> TableFiles:
        """Sizes and hashes of the written faces (call after the files are in place)."""
        jsonl = FileFacts.of(self.paths["jsonl"]) if "jsonl" in self.paths else None
        return TableFiles(self.table, self.rows, FileFacts.of(self.paths["csv"]),
                          FileFacts.of(self.paths["parquet"]), jsonl)


def write_table(cleaned_dir: Path, table: Table, rows: Iterable[dict[str, Any]]) -> TableFiles:
    """Write every face of one table from a stream of rows."""
    with ExitStack() as stack:
        writer = TableWriter(table, cleaned_dir, stack)
        for row in rows:
            writer.add(row)
        writer.finish()
    LOGGER.info("%s: %d rows", table.name, writer.rows)
    return writer.facts()


def library_versions() -> dict[str, str]:
    """Installed versions of the libraries the pipeline relies on."""
    versions = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def csv_resource(table: Table, facts: FileFacts) -> dict[str, Any]:
    """Data Package resource for a CSV face, with its Table Schema and file hash."""
    return {
        "name": table.name,
        "title": table.title,
        "description": table.description + CSV_DESCRIPTION_NOTE,
        "path": facts.path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "bytes": facts.bytes,
        "hash": f"sha256:{facts.sha256}",
        "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True,
                    "lineTerminator": "\n", "header": True},
        "schema": table.schema(),
    }


def file_entry(facts: FileFacts, description: str) -> dict[str, Any]:
    """A documented file of the package that is not a Table Schema resource."""
    return {"path": facts.path, "bytes": facts.bytes, "hash": f"sha256:{facts.sha256}",
            "description": description}


def other_faces(files: TableFiles) -> dict[str, Any]:
    """The JSON Lines and Parquet faces of a table, documented beside its CSV resource."""
    name = files.table.name
    faces = {"parquet": file_entry(
        files.parquet, f"Typed copy of {name}.csv with exact text; list columns are lists of strings.")}
    if files.jsonl is None:
        faces["jsonl"] = {"path": files.table.jsonl, "description": (
            "Stage output with exact text; a superset of the CSV columns (see the stage docs).")}
    else:
        faces["jsonl"] = file_entry(files.jsonl, f"{name}.csv rows with exact text.")
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
            "files": {f.table.name: other_faces(f) for f in files},
        },
    }


def run_export(cleaned_dir: Path, *, settings: Settings) -> list[Path]:
    """Write CSV, JSON Lines, Parquet and ``datapackage.json`` into ``cleaned_dir``.

    The stage outputs ``claims.jsonl``, ``points.jsonl`` and ``point_sources.jsonl``
    are left as they are (they are the machine face of their tables); this stage
    adds ``sources.jsonl`` and ``matrix.jsonl``. Tables are streamed, one row at a
    time, so memory grows only by an index entry per row; the matrix has a row only
    for a point that two or more sources take a side on (1,577 of 169,319 points on
    10,000 pages), not one for every point times every source (scripts/bench_scale.py).

    Returns:
        The paths written, in writing order.
    """
    dataset = load_dataset(cleaned_dir)
    warn_unsplittable_ids(itertools.chain(
        (s["source_id"] for s in dataset.sources), (key[-1] for key in dataset.claims.keys)))
    files = [write_table(cleaned_dir, table, rows) for table, rows in table_rows(dataset)]
    written = [cleaned_dir / facts.path for f in files
               for facts in (f.csv, f.parquet, f.jsonl) if facts is not None]
    package_path = cleaned_dir / "datapackage.json"
    write_json(package_path, datapackage(files, settings=settings))
    written.append(package_path)
    return written
