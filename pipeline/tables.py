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

#: Stances a source can take on a point (crossref stage).
STANCES = ("states", "conflicts", "silent")
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


def _col(name: str, type_: str, description: str, **options: Any) -> Column:
    return Column(name, type_, description, **options)


SOURCES = Table(
    name="sources",
    title="Sources",
    description="One row per raw page: where it came from, how it was read and whether it was usable.",
    columns=(
        _col("source_id", "string", "Page id (the raw file's stem).", required=True),
        _col("file", "string", "Raw file name inside the raw folder.", required=True),
        _col("title", "string", "Page title from the page's metadata or first heading."),
        _col("author", "string", "Author named by the page, if any."),
        _col("date", "string", "Publication date as found (ISO 8601 when it could be parsed)."),
        _col("site", "string", "Site name or host."),
        _col("format", "string", "Input form: html, or text (a rendering of a page).",
             enum=("html", "text")),
        _col("encoding", "string", "Codec used to decode the raw bytes; offsets index the decoded text."),
        _col("words_kept", "integer", "Words in the blocks kept as main content."),
        _col("words_removed", "integer", "Words in the blocks removed as boilerplate."),
        _col("status", "string", "ok, duplicate, error, no_content or other_language.",
             required=True, enum=SOURCE_STATUSES),
        _col("message", "string", "Why a page is not usable (empty when status is ok)."),
        _col("duplicate_of", "string", "Source id this page duplicates, for status duplicate."),
        _col("sha256", "string", "SHA-256 of the raw file's bytes (provenance)."),
        _col("bytes", "integer", "Size of the raw file in bytes."),
        _col("language", "string", "Detected language of the kept text."),
        _col("extractor", "string", "Extractor name and version that produced the blocks."),
    ),
    primary_key=("source_id",),
    jsonl="sources.jsonl",
)

CLAIMS = Table(
    name="claims",
    title="Claims",
    description="One row per statement segmented from a source's clean text, with exact provenance.",
    columns=(
        _col("claim_id", "string", "Content-derived claim id.", required=True),
        _col("source_id", "string", "Source the statement comes from.", required=True),
        _col("section", "string", "Heading of the section the statement stands under."),
        _col("text", "string", "The statement as segmented (one sentence or list item)."),
        _col("kind", "string", "Statement type assigned by the segment stage."),
        _col("is_claim", "boolean", "True for a checkable claim; false for text kept only for audit."),
        _col("topic", "string", "Topic the claim was filed under."),
        _col("frame", "string", "What the claim is about within the topic (e.g. a quantity or an effect)."),
        _col("subject", "string", "Subject of the claim."),
        _col("object", "string", "Object of the claim."),
        _col("polarity", "string", "Whether the claim affirms or denies."),
        _col("value", "string", "Normalized value as text (e.g. a range and unit)."),
        _col("value_min", "number", "Lower bound of the normalized value, in unit."),
        _col("value_max", "number", "Upper bound of the normalized value, in unit."),
        _col("unit", "string", "Unit of value_min and value_max."),
        _col("vague", "boolean", "True when the value is hedged or imprecise."),
        _col("quote", "string", "Exact words of the raw page: raw_text[raw_start:raw_end]."),
        _col("raw_start", "integer", "Start offset (code points) in the decoded raw page."),
        _col("raw_end", "integer", "End offset (code points) in the decoded raw page."),
        _col("clean_start", "integer", "Start offset in the source's clean text."),
        _col("clean_end", "integer", "End offset in the source's clean text."),
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
        _col("point_id", "string", "Content-derived point id.", required=True),
        _col("topic", "string", "Topic of the point."),
        _col("frame", "string", "What the point is about within the topic."),
        _col("object", "string", "Object the point is about."),
        _col("statement", "string", "Representative statement of the point."),
        _col("value", "string", "Consensus or representative value as text."),
        _col("value_min", "number", "Lower bound of the value, in unit."),
        _col("value_max", "number", "Upper bound of the value, in unit."),
        _col("unit", "string", "Unit of value_min and value_max."),
        _col("status", "string", "agree, partial, conflict, or single (one source only).",
             required=True, enum=POINT_STATUSES),
        _col("n_sources", "integer", "Number of sources that state the point."),
        _col("sources", "list", "Sources that state the point (';'-separated ids)."),
        _col("conflicting_sources", "list", "Sources that contradict the point (';'-separated ids)."),
        _col("claim_ids", "list", "Claims grouped in the point (';'-separated ids)."),
    ),
    primary_key=("point_id",),
    jsonl="points.jsonl",
)

POINT_SOURCES = Table(
    name="point_sources",
    title="Point x source stances",
    description="The long form of the matrix: one row per point and usable source, with the source's stance.",
    columns=(
        _col("point_id", "string", "Point id.", required=True),
        _col("source_id", "string", "Source id.", required=True),
        _col("stance", "string", "states, conflicts or silent.", required=True, enum=STANCES),
        _col("value", "string", "The value the source gives for the point, if any."),
        _col("claim_ids", "list", "The source's claims behind the stance (';'-separated ids)."),
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
    _col("point_id", "string", "Point id.", required=True),
    _col("topic", "string", "Topic of the point."),
    _col("statement", "string", "Representative statement of the point."),
    _col("status", "string", "agree, partial, conflict or single.", required=True, enum=POINT_STATUSES),
)


def matrix_column(source_id: str) -> str:
    """The matrix column of a source: its id, prefixed only if it clashes with a lead column."""
    lead = {c.name for c in MATRIX_LEAD}
    return f"source:{source_id}" if source_id in lead else source_id


def matrix_table(source_ids: list[str]) -> Table:
    """The wide matrix: one row per point, one column per usable source.

    The columns depend on the run's sources, so the table is built per run.
    """
    cells = tuple(
        _col(matrix_column(sid), "string",
             f"Stance of source {sid} and its value: 'states: V', 'conflicts: V' or 'silent'.")
        for sid in source_ids
    )
    return Table(
        name="matrix",
        title="Agreement matrix",
        description=("One row per point, one column per usable source;"
                     " each cell is the source's stance and value."),
        columns=MATRIX_LEAD + cells,
        primary_key=("point_id",),
        foreign_keys=(ForeignKey("point_id", "points", "point_id"),),
        jsonl="matrix.jsonl",
    )


#: Tables whose columns do not depend on the run, in package order.
FIXED_TABLES = (SOURCES, CLAIMS, POINTS, POINT_SOURCES)
