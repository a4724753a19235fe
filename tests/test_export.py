"""The export stage: a valid Frictionless package, byte-identical reruns, safe CSV cells."""

from __future__ import annotations

import csv
import io
import json
import logging
import shutil
from pathlib import Path

import frictionless
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import __version__
from pipeline.config import Settings
from pipeline.dataset import export
from pipeline.dataset.export import (
    JsonRowEncoder,
    clean_text_cell,
    csv_cells,
    csv_formatters,
    csv_writer,
    format_number,
    matrix_cell,
    matrix_rows,
    run_export,
    warn_unsplittable_ids,
    write_table,
)
from pipeline.dataset.tables import Column, Table, matrix_column, matrix_table
from pipeline.io import jsonl_line, read_jsonl

FIXTURE = Path(__file__).parent / "fixtures" / "dataset"
#: The fixture's point whose statement is a spreadsheet formula; only source b states it.
FORMULA_POINT = "pt_f52646d794fd"
TABLES = ("sources", "claims", "points", "point_sources", "matrix")


def fresh_copy(root: Path) -> Path:
    """A writable copy of the fixture dataset; returns its cleaned folder."""
    shutil.copytree(FIXTURE, root / "dataset")
    return root / "dataset" / "cleaned"


@pytest.fixture()
def exported(tmp_path: Path) -> Path:
    cleaned = fresh_copy(tmp_path)
    run_export(cleaned, settings=Settings())
    return cleaned


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_writes_every_face_of_every_table(exported: Path) -> None:
    for name in TABLES:
        assert (exported / f"{name}.csv").stat().st_size > 0
        assert (exported / f"{name}.parquet").stat().st_size > 0
    assert (exported / "sources.jsonl").exists()
    assert (exported / "matrix.jsonl").exists()


def test_package_validates_with_frictionless(exported: Path) -> None:
    report = frictionless.validate(str(exported / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "type", "note"])


def test_broken_foreign_key_fails_validation(tmp_path: Path) -> None:
    cleaned = fresh_copy(tmp_path)
    rows = list(read_jsonl(cleaned / "claims.jsonl"))
    rows[0]["source_id"] = "no_such_source"
    (cleaned / "claims.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run_export(cleaned, settings=Settings())
    report = frictionless.validate(str(cleaned / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error[0] for error in report.flatten(["type"])}


def test_rerun_is_byte_identical(tmp_path: Path) -> None:
    first = fresh_copy(tmp_path / "one")
    second = fresh_copy(tmp_path / "two")
    written = run_export(first, settings=Settings())
    run_export(second, settings=Settings())
    run_export(second, settings=Settings())
    assert written
    for path in written:
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_stage_outputs_are_not_clobbered(tmp_path: Path) -> None:
    cleaned = fresh_copy(tmp_path)
    before = {n: (cleaned / n).read_bytes() for n in ("claims.jsonl", "points.jsonl", "point_sources.jsonl")}
    run_export(cleaned, settings=Settings())
    assert {n: (cleaned / n).read_bytes() for n in before} == before


def test_csv_has_bom_newlines_and_one_header(exported: Path) -> None:
    for name in TABLES:
        data = (exported / f"{name}.csv").read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), name
        assert b"\r" not in data, name
        assert data.endswith(b"\n"), name


def test_formula_cells_are_defused_in_csv_only(exported: Path) -> None:
    points = read_csv(exported / "points.csv")
    formula = [p for p in points if "HYPERLINK" in p["statement"]]
    assert formula and formula[0]["statement"].startswith("'=HYPERLINK")
    claims = read_csv(exported / "claims.csv")
    assert any(c["text"].startswith("'=HYPERLINK") for c in claims)
    assert not any(c["text"].startswith("=") for c in claims)


def test_formula_cells_of_the_matrix_are_defused_in_csv_only(tmp_path: Path) -> None:
    cleaned = fresh_copy(tmp_path)
    links = [r | {"stance": "states"} if r["point_id"] == FORMULA_POINT else r
             for r in read_jsonl(cleaned / "point_sources.jsonl")]
    (cleaned / "point_sources.jsonl").write_bytes(b"".join(jsonl_line(r) for r in links))
    run_export(cleaned, settings=Settings())
    (exact,) = [r for r in read_jsonl(cleaned / "matrix.jsonl") if r["point_id"] == FORMULA_POINT]
    assert exact["statement"].startswith("=HYPERLINK")
    (defused,) = [r for r in read_csv(cleaned / "matrix.csv") if r["point_id"] == FORMULA_POINT]
    assert defused["statement"].startswith("'=HYPERLINK")


def test_whitespace_is_collapsed_in_csv_and_kept_in_jsonl(exported: Path) -> None:
    titles = {r["source_id"]: r["title"] for r in read_csv(exported / "sources.csv")}
    assert titles["b"] == 'The <script>alert("title")</script> starter guide'
    exact = {r["source_id"]: r["title"] for r in read_jsonl(exported / "sources.jsonl")}
    assert "\t" in exact["b"] and "  " in exact["b"]


def test_curly_quotes_and_units_survive(exported: Path) -> None:
    text = (exported / "points.csv").read_text(encoding="utf-8-sig")
    assert "“formula”" in text
    assert "24-26 °C" in text


def test_points_reference_existing_claims_and_claims_existing_sources(exported: Path) -> None:
    claim_ids = {c["claim_id"] for c in read_csv(exported / "claims.csv")}
    source_ids = {s["source_id"] for s in read_csv(exported / "sources.csv")}
    points = read_csv(exported / "points.csv")
    assert points
    for point in points:
        ids = point["claim_ids"].split(";")
        assert ids and set(ids) <= claim_ids
        assert set(point["sources"].split(";")) <= source_ids
    for claim in read_csv(exported / "claims.csv"):
        assert claim["source_id"] in source_ids
    for link in read_csv(exported / "point_sources.csv"):
        assert link["source_id"] in source_ids


def test_sources_table_lists_every_page_with_status(exported: Path) -> None:
    rows = {r["source_id"]: r for r in read_csv(exported / "sources.csv")}
    assert set(rows) == {"a", "b", "c", "d"}
    assert rows["c"]["status"] == "error" and rows["c"]["message"] == "empty file"
    assert rows["d"]["duplicate_of"] == "a"
    assert rows["a"]["format"] == "text" and int(rows["a"]["words_kept"]) > 0


def test_sources_rows_say_what_each_page_record_says(exported: Path) -> None:
    rows = {r["source_id"]: r for r in read_csv(exported / "sources.csv")}
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(exported.glob("*.json"))]
    pages = [r for r in records if "source_id" in r]
    assert {p["source_id"] for p in pages} == set(rows)
    for page in pages:
        row, meta = rows[page["source_id"]], page.get("metadata") or {}
        assert [row[f] for f in ("author", "date", "site", "language")] == [
            meta.get(f, "") for f in ("author", "date", "site", "language")
        ], page["source_id"]
        counts = (page["words_kept"], page["words_removed"])
        assert (int(row["words_kept"]), int(row["words_removed"])) == counts, page["source_id"]


def test_matrix_cells_show_stance_and_value(exported: Path) -> None:
    matrix = read_csv(exported / "matrix.csv")
    assert list(matrix[0])[:4] == ["point_id", "topic", "statement", "status"]
    assert set(list(matrix[0])[4:]) == {"a", "b"}
    conflict = next(r for r in matrix if r["status"] == "conflict")
    assert conflict["a"] == "states: 12 h"
    assert conflict["b"] == "conflicts: 24 h"


def test_matrix_rows_are_the_points_two_sources_take_a_side_on(exported: Path) -> None:
    points = read_csv(exported / "points.csv")
    matrix = read_csv(exported / "matrix.csv")
    assert [r["point_id"] for r in matrix] == [p["point_id"] for p in points if p["status"] != "single"]
    assert len(matrix) < len(points)
    assert [r["point_id"] for r in read_jsonl(exported / "matrix.jsonl")] == [r["point_id"] for r in matrix]
    assert pq.read_table(exported / "matrix.parquet").column("point_id").to_pylist() == [
        r["point_id"] for r in matrix]


def test_parquet_is_typed(exported: Path) -> None:
    claims = pq.read_table(exported / "claims.parquet")
    assert claims.schema.field("value_min").type == pa.float64()
    assert claims.schema.field("is_claim").type == pa.bool_()
    assert claims.schema.field("raw_start").type == pa.int64()
    points = pq.read_table(exported / "points.parquet").to_pylist()
    agree = next(p for p in points if p["status"] == "agree")
    assert agree["sources"] == ["a", "b"]
    assert any(p["statement"].startswith("=HYPERLINK") for p in points)


def test_package_records_configuration_and_versions(exported: Path) -> None:
    package = json.loads((exported / "datapackage.json").read_text(encoding="utf-8"))
    settings = Settings(jobs=3)
    assert package["pipeline"]["settings_digest"] == Settings().digest() != settings.digest()
    assert package["pipeline"]["settings"] == Settings().to_json()
    assert package["pipeline"]["version"] == __version__
    assert package["pipeline"]["libraries"]["pyarrow"] == pa.__version__
    names = [r["name"] for r in package["resources"]]
    assert names == list(TABLES)
    claims = package["resources"][1]
    assert claims["encoding"] == "utf-8-sig"
    assert claims["schema"]["foreignKeys"][0]["reference"] == {"resource": "sources", "fields": ["source_id"]}
    points = package["resources"][2]["schema"]["fields"]
    assert {f["name"]: f.get("delimiter") for f in points}["claim_ids"] == ";"
    assert package["pipeline"]["files"]["claims"]["parquet"]["path"] == "claims.parquet"


def test_missing_stage_outputs_give_empty_tables(tmp_path: Path) -> None:
    cleaned = fresh_copy(tmp_path)
    for name in ("claims.jsonl", "points.jsonl", "point_sources.jsonl"):
        (cleaned / name).unlink()
    run_export(cleaned, settings=Settings())
    assert read_csv(cleaned / "claims.csv") == []
    assert frictionless.validate(str(cleaned / "datapackage.json")).valid


@pytest.mark.parametrize(("text", "expected"), [
    ("=1+1", "'=1+1"),
    ("+44 20", "'+44 20"),
    ("-2 h", "'-2 h"),
    ("@user", "'@user"),
    ("\t=1", "'=1"),
    ("  a \n b  ", "a b"),
    ("safe = text", "safe = text"),
])
def test_clean_text_cell(text: str, expected: str) -> None:
    assert clean_text_cell(text) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (4.0, "4"), (0.5, "0.5"), (1e-7, "0"), (1e6, "1000000"), (-2.25, "-2.25"), (1 / 3, "0.333333"),
])
def test_format_number_is_fixed_point(value: float, expected: str) -> None:
    assert format_number(value) == expected


def test_csv_cell_types() -> None:
    table = Table("t", "t", "t", (Column("n", "number", "n"), Column("b", "boolean", "b"),
                                  Column("l", "list", "l"), Column("s", "string", "s")), ("n",))
    formatters = csv_formatters(table)
    assert csv_cells(formatters, [None, True, ["a", "b"], None]) == ["", "true", "a;b", ""]
    assert csv_cells(formatters, [-3.0, False, [], "x"]) == ["-3", "false", "", "x"]
    assert matrix_cell("silent", "") == "silent"
    assert matrix_cell("conflicts", ">=24 h") == "conflicts: >=24 h"


def test_csv_round_trips_through_a_csv_reader(exported: Path) -> None:
    raw = (exported / "claims.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw)))
    assert len({len(r) for r in rows}) == 1
    assert len(rows) == 1 + sum(1 for _ in read_jsonl(exported / "claims.jsonl"))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_round_trips_as_one_safe_cell(text: str) -> None:
    table = Table("t", "t", "t", (Column("id", "string", "row id"), Column("x", "string", "text")), ("id",))
    buffer = io.StringIO(newline="")
    writer = csv_writer(buffer)
    writer.writerow(table.names)
    writer.writerow(csv_cells(csv_formatters(table), ["1", text]))
    rows = list(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert len(rows) == 2
    cell = rows[1][1]
    assert cell == clean_text_cell(text)
    assert cell[:1] not in "=+-@\t\r" or cell == ""
    assert " ".join(text.split()) in cell


def test_matrix_column_never_clashes_with_lead_columns() -> None:
    assert matrix_column("page_01") == "page_01"
    assert matrix_column("status") == "source:status"
    names = matrix_table(["status", "a"]).names
    assert len(names) == len(set(names))


def test_ids_with_the_list_delimiter_are_reported(caplog: pytest.LogCaptureFixture) -> None:
    # The level is set on the module's logger: a CLI test run before may have left the
    # root logger at ERROR (``-q``), which would hide the warning from caplog.
    with caplog.at_level(logging.WARNING, logger=export.LOGGER.name):
        warn_unsplittable_ids(["a", "b;c"])
    assert "b;c" in caplog.text


def test_row_order_comes_from_the_data_not_the_file_order(tmp_path: Path) -> None:
    ordered = fresh_copy(tmp_path / "ordered")
    shuffled = fresh_copy(tmp_path / "shuffled")
    for name in ("claims.jsonl", "points.jsonl", "point_sources.jsonl"):
        lines = (shuffled / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (shuffled / name).write_text("\n" + "".join(reversed(lines)), encoding="utf-8")
    written = run_export(ordered, settings=Settings())
    run_export(shuffled, settings=Settings())
    for path in written:
        if path.suffix in (".csv", ".parquet") or path.name in ("sources.jsonl", "matrix.jsonl"):
            assert path.read_bytes() == (shuffled / path.name).read_bytes(), path.name


def test_matrix_pivot_handles_points_without_links_and_links_without_points() -> None:
    points = [{"point_id": "p1", "status": "single"}, {"point_id": "p2", "status": "agree"},
              {"point_id": "p3", "status": "conflict"}, {"point_id": "p4", "status": "single"}]
    links = [
        {"point_id": "p1", "source_id": "a", "stance": "states", "value": "2 h"},
        {"point_id": "p3", "source_id": "a", "stance": "states", "value": ""},
        {"point_id": "p3", "source_id": "b", "stance": "conflicts", "value": "1 h"},
        {"point_id": "p4", "source_id": "a", "stance": "states", "value": ""},
        {"point_id": "p4", "source_id": "b", "stance": "silent", "value": ""},
        {"point_id": "gone", "source_id": "b", "stance": "states", "value": ""},
        {"point_id": "gone", "source_id": "c", "stance": "states", "value": ""},
    ]
    rows = list(matrix_rows(points, links, ["a", "b", "c"]))
    assert rows == [{"point_id": "p3", "topic": None, "statement": None, "status": "conflict",
                     "a": "states", "b": "conflicts: 1 h"}]


def test_matrix_rows_are_filled_with_silent_cells_in_every_face(tmp_path: Path) -> None:
    table = matrix_table(["a", "b", "status"])
    row = {"point_id": "p3", "topic": "t", "statement": "=1+1", "status": "conflict",
           "a": "states", "source:status": "conflicts: 1 h"}
    write_table(tmp_path, table, [row])
    dense = dict.fromkeys(table.names, "silent") | row
    assert read_csv(tmp_path / "matrix.csv") == [{k: clean_text_cell(v) for k, v in dense.items()}]
    assert (tmp_path / "matrix.jsonl").read_bytes() == jsonl_line(dense)
    assert pq.read_table(tmp_path / "matrix.parquet").to_pylist() == [dense]


def test_matrix_of_single_source_points_has_no_rows_but_every_column(tmp_path: Path) -> None:
    cleaned = fresh_copy(tmp_path)
    links = [r for r in read_jsonl(cleaned / "point_sources.jsonl") if r["source_id"] == "a"]
    (cleaned / "point_sources.jsonl").write_bytes(b"".join(jsonl_line(r) for r in links))
    run_export(cleaned, settings=Settings())
    assert (cleaned / "matrix.csv").read_text(encoding="utf-8-sig") == "point_id,topic,statement,status,a,b\n"
    assert (cleaned / "matrix.jsonl").read_bytes() == b""
    assert pq.read_table(cleaned / "matrix.parquet").column_names == ["point_id", "topic", "statement",
                                                                     "status", "a", "b"]


def test_large_tables_split_into_row_groups_that_read_back_whole(
        exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export, "PARQUET_GROUP_CELLS", 1)
    cleaned = fresh_copy(tmp_path / "grouped")
    run_export(cleaned, settings=Settings())
    grouped = pq.ParquetFile(cleaned / "claims.parquet")
    assert grouped.metadata.num_row_groups == grouped.metadata.num_rows > 1
    assert grouped.read().equals(pq.read_table(exported / "claims.parquet"))
    assert (cleaned / "claims.csv").read_bytes() == (exported / "claims.csv").read_bytes()


JSON_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(),
                        st.lists(st.text(), max_size=3))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), JSON_VALUES, max_size=8))
def test_row_encoder_writes_canonical_json(row: dict[str, object]) -> None:
    assert JsonRowEncoder(list(row)).line(row) == jsonl_line(row)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(), JSON_VALUES, max_size=8), st.sets(st.text(), max_size=8), st.text())
def test_sparse_rows_encode_as_their_filled_rows(row: dict[str, object], absent: set[str], fill: str) -> None:
    names = [*row, *(absent - set(row))]
    dense = dict.fromkeys(names, fill) | row
    assert JsonRowEncoder(names, fill=fill).sparse_line(row) == jsonl_line(dense)
