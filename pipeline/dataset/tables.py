"""The dataset's tables as data: columns, types, descriptions and keys.

One definition serves every face of the dataset: the CSV header and cell
formatting, the typed Parquet schema and the Frictionless Table Schema in
``datapackage.json``. Changing a column here changes all three together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyarrow as pa

#: Separator inside list cells of CSV files (Table Schema ``list`` type). Ids are
#: file stems and content hashes, which do not contain it.
LIST_DELIMITER = ";"

#: The matrix cell of a source that takes no side on a point: most cells of the matrix.
SILENT = "silent"
#: Sources that must take a side on a point for it to get a matrix row. A row for every
#: point made the matrix points x sources cells, quadratic in the pages: most points are
#: single-source (167,742 of 169,319 on the 10,000-page corpus of scripts/bench_scale.py,
#: whose matrix was then 973 million cells, about 35 GB of JSON Lines), and the row of a
#: single-source point only says which source states it, as points and point_sources do.
MATRIX_MIN_SOURCES = 2
#: Stances a source can take on a point (crossref stage).
STANCES = ("states", "conflicts", SILENT)
#: Agreement status of a point (crossref stage).
POINT_STATUSES = ("agree", "partial", "conflict", "single")
#: Status of a page after extraction (extract stage).
SOURCE_STATUSES = ("ok", "duplicate", "error", "no_content", "other_language")

#: Table Schema type -> Arrow type of the Parquet face.
ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "list": pa.list_(pa.string()),
}


@dataclass(frozen=True, slots=True)
class Column:
    """One column: its name, Table Schema type and meaning."""

    name: str
    type: str
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()

    def field(self) -> dict[str, Any]:
        """Table Schema field descriptor."""
        spec: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        if self.type == "list":
            spec["delimiter"] = LIST_DELIMITER
            spec["itemType"] = "string"
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            spec["constraints"] = constraints
        return spec


@dataclass(frozen=True, slots=True)
class ForeignKey:
    """A column of this table that must match the primary key of another table."""

    column: str
    table: str
    target: str


@dataclass(frozen=True, slots=True)
class Table:
    """A table of the dataset and the names of its files."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    #: JSON Lines face; stage outputs keep their own (richer) records under this name.
    jsonl: str = ""
    #: Value of every column a row leaves out, for tables written from sparse rows (the
    #: matrix, mostly silent); None when every row has every column.
    fill: str | None = None

    @property
    def names(self) -> list[str]:
        """Column names in file order."""
        return [c.name for c in self.columns]

    def schema(self) -> dict[str, Any]:
        """Frictionless Table Schema of the CSV face."""
        schema: dict[str, Any] = {
            "fields": [c.field() for c in self.columns],
            "primaryKey": list(self.primary_key),
            "missingValues": [""],
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": [fk.column], "reference": {"resource": fk.table, "fields": [fk.target]}}
                for fk in self.foreign_keys
            ]
        return schema

    def arrow_schema(self) -> pa.Schema:
        """Typed Arrow schema of the Parquet face, with descriptions as field metadata."""
        return pa.schema([
            pa.field(c.name, ARROW_TYPES[c.type], nullable=not c.required,
                     metadata={"description": c.description})
            for c in self.columns
        ])


def value_columns(value: str, *, of: str) -> tuple[Column, ...]:
    """The value of a claim or point: as text, its bounds as numbers, and their unit.

    Args:
        value: description of the ``value`` text column.
        of: what the bounds bound, as the descriptions of ``value_min`` and ``value_max`` name it.
    """
    return (
        Column("value", "string", value),
        Column("value_min", "number", f"Lower bound of {of}, in unit."),
        Column("value_max", "number", f"Upper bound of {of}, in unit."),
        Column("unit", "string", "Unit of value_min and value_max."),
    )


SOURCES = Table(
    name="sources",
    title="Sources",
    description="One row per raw page: where it came from, how it was read and whether it was usable.",
    columns=(
        Column("source_id", "string", "Page id (the raw file's stem).", required=True),
        Column("file", "string", "Raw file name inside the raw folder.", required=True),
        Column("title", "string", "Page title from the page's metadata or first heading."),
        Column("author", "string", "Author named by the page, if any."),
        Column("date", "string", "Publication date as found (ISO 8601 when it could be parsed)."),
        Column("site", "string", "Site name or host."),
        Column("format", "string", "Input form: html, or text (a rendering of a page).",
             enum=("html", "text")),
        Column("encoding", "string", "Codec used to decode the raw bytes; offsets index the decoded text."),
        Column("words_kept", "integer", "Words in the blocks kept as main content."),
        Column("words_removed", "integer", "Words in the blocks removed as boilerplate."),
        Column("status", "string", "ok, duplicate, error, no_content or other_language.",
             required=True, enum=SOURCE_STATUSES),
        Column("message", "string", "Why a page is not usable (empty when status is ok)."),
        Column("duplicate_of", "string", "Source id this page duplicates, for status duplicate."),
        Column("sha256", "string", "SHA-256 of the raw file's bytes (provenance)."),
        Column("bytes", "integer", "Size of the raw file in bytes."),
        Column("language", "string", "Detected language of the kept text."),
        Column("extractor", "string", "Extractor name and version that produced the blocks."),
    ),
    primary_key=("source_id",),
    jsonl="sources.jsonl",
)

CLAIMS = Table(
    name="claims",
    title="Claims",
    description="One row per statement segmented from a source's clean text, with exact provenance.",
    columns=(
        Column("claim_id", "string", "Content-derived claim id.", required=True),
        Column("source_id", "string", "Source the statement comes from.", required=True),
        Column("section", "string", "Heading of the section the statement stands under."),
        Column("text", "string", "The statement as segmented (one sentence or list item)."),
        Column("kind", "string", "Statement type assigned by the segment stage."),
        Column("is_claim", "boolean", "True for a checkable claim; false for text kept only for audit."),
        Column("topic", "string", "Topic the claim was filed under."),
        Column("frame", "string", "What the claim is about within the topic (e.g. a quantity or an effect)."),
        Column("subject", "string", "Subject of the claim."),
        Column("object", "string", "Object of the claim."),
        Column("polarity", "string", "Whether the claim affirms or denies."),
        *value_columns("Normalized value as text (e.g. a range and unit).", of="the normalized value"),
        Column("vague", "boolean", "True when the value is hedged or imprecise."),
        Column(
            "bound",
            "string",
            "min for 'at least', max for 'up to': the open side of the value; added for 'another', "
            "'5 more': an amount on top of one given before, not a total.",
        ),
        Column("keywords", "list", "Content lemmas of the claim and its section heading (';'-separated)."),
        Column("quote", "string", "Exact words of the raw page: raw_text[raw_start:raw_end]."),
        Column("raw_start", "integer", "Start offset (code points) in the decoded raw page."),
        Column("raw_end", "integer", "End offset (code points) in the decoded raw page."),
        Column("clean_start", "integer", "Start offset in the source's clean text."),
        Column("clean_end", "integer", "End offset in the source's clean text."),
    ),
    primary_key=("claim_id",),
    foreign_keys=(ForeignKey("source_id", "sources", "source_id"),),
    jsonl="claims.jsonl",
)

POINTS = Table(
    name="points",
    title="Points",
    description="One row per point: claims from different sources grouped as saying the same thing.",
    columns=(
        Column("point_id", "string", "Content-derived point id.", required=True),
        Column("topic", "string", "Topic of the point."),
        Column("frame", "string", "What the point is about within the topic."),
        Column("object", "string", "Object the point is about."),
        Column("statement", "string", "Representative statement of the point."),
        *value_columns("Consensus or representative value as text.", of="the value"),
        Column("status", "string", "agree, partial, conflict, or single (one source only).",
             required=True, enum=POINT_STATUSES),
        Column("n_sources", "integer", "Number of sources that state the point."),
        Column("sources", "list", "Sources that state the point (';'-separated ids)."),
        Column("conflicting_sources", "list", "Sources that contradict the point (';'-separated ids)."),
        Column("clash", "string", "For a conflict: the reference source's value or stance against each "
               "conflicting source's."),
        Column("claim_ids", "list", "Claims grouped in the point (';'-separated ids)."),
    ),
    primary_key=("point_id",),
    jsonl="points.jsonl",
)

POINT_SOURCES = Table(
    name="point_sources",
    title="Point x source stances",
    description=("The long form of the matrix: one row per point and source that states or contradicts"
                 " it; a usable source with no row is silent on the point."),
    columns=(
        Column("point_id", "string", "Point id.", required=True),
        Column("source_id", "string", "Source id.", required=True),
        Column("stance", "string", "states, conflicts or silent.", required=True, enum=STANCES),
        Column("value", "string", "The value the source gives for the point, if any."),
        Column("claim_ids", "list", "The source's claims behind the stance (';'-separated ids)."),
    ),
    primary_key=("point_id", "source_id"),
    foreign_keys=(
        ForeignKey("point_id", "points", "point_id"),
        ForeignKey("source_id", "sources", "source_id"),
    ),
    jsonl="point_sources.jsonl",
)

#: Columns of the matrix before the one-per-source columns.
MATRIX_LEAD = (
    Column("point_id", "string", "Point id.", required=True),
    Column("topic", "string", "Topic of the point."),
    Column("statement", "string", "Representative statement of the point."),
    Column("status", "string", "agree, partial, conflict or single.", required=True, enum=POINT_STATUSES),
)


def matrix_column(source_id: str) -> str:
    """The matrix column of a source: its id, prefixed only if it clashes with a lead column."""
    lead = {c.name for c in MATRIX_LEAD}
    return f"source:{source_id}" if source_id in lead else source_id


def matrix_table(source_ids: list[str]) -> Table:
    """The wide matrix: a row per point that sources compare on, one column per usable source.

    The columns depend on the run's sources, so the table is built per run.
    """
    cells = tuple(
        Column(matrix_column(sid), "string",
             f"Stance of source {sid} and its value: 'states: V', 'conflicts: V' or 'silent'.")
        for sid in source_ids
    )
    return Table(
        name="matrix",
        title="Agreement matrix",
        description=("One row per point that two or more sources take a side on (points and"
                     " point_sources hold the single-source points too), one column per usable"
                     " source; each cell is the source's stance and value."),
        columns=MATRIX_LEAD + cells,
        primary_key=("point_id",),
        foreign_keys=(ForeignKey("point_id", "points", "point_id"),),
        jsonl="matrix.jsonl",
        fill=SILENT,
    )


#: Tables whose columns do not depend on the run, in package order.
FIXED_TABLES = (SOURCES, CLAIMS, POINTS, POINT_SOURCES)
