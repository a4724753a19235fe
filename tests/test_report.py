"""The report stage: self-contained, escaped, deterministic HTML, chart and Markdown summary."""

from __future__ import annotations

import base64
import json
import re
import shutil
import struct
from pathlib import Path

import pytest

from pipeline.dataset.chart import MAX_ROWS, MatrixView, agreement_png, caption, shorten
from pipeline.dataset.export import load_dataset
from pipeline.dataset.report import Limits, anchor, audit_pieces, evidence_view, md_cell, run_report
from pipeline.decode import decode_bytes
from pipeline.io import read_jsonl

FIXTURE = Path(__file__).parent / "fixtures" / "dataset"


def make_report(root: Path, *, limits: Limits | None = None) -> tuple[Path, Path]:
    """Copy the fixture under ``root``, build the reports; returns (cleaned dir, reports dir)."""
    if not (root / "dataset").exists():
        shutil.copytree(FIXTURE, root / "dataset")
    cleaned, reports = root / "dataset" / "cleaned", root / "reports"
    run_report(cleaned, reports, raw_dir=root / "dataset" / "raw", limits=limits)
    return cleaned, reports


@pytest.fixture()
def built(tmp_path: Path) -> tuple[Path, Path]:
    return make_report(tmp_path)


def html_of(reports: Path) -> str:
    return (reports / "report.html").read_text(encoding="utf-8")


def test_writes_the_three_reports(built: tuple[Path, Path]) -> None:
    _, reports = built
    assert sorted(p.name for p in reports.iterdir()) == ["agreement.png", "report.html", "summary.md"]


def test_html_is_self_contained(built: tuple[Path, Path]) -> None:
    html = html_of(built[1])
    assert "<script" not in html and "<link" not in html
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']*)""", html)
    assert urls and all(u.startswith(("#", "data:image/png;base64,")) for u in urls)
    assert "default-src 'none'" in html


def test_chart_is_embedded_as_the_written_png(built: tuple[Path, Path]) -> None:
    _, reports = built
    png = (reports / "agreement.png").read_bytes()
    assert f"data:image/png;base64,{base64.b64encode(png).decode('ascii')}" in html_of(reports)


def test_page_text_is_escaped(built: tuple[Path, Path]) -> None:
    html = html_of(built[1])
    assert '<script>alert("title")</script>' not in html
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html


def test_script_injected_in_a_claim_is_escaped(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "dataset")
    points_path = tmp_path / "dataset" / "cleaned" / "points.jsonl"
    points = list(read_jsonl(points_path))
    points[0]["statement"] = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"
    points[0]["evidence"][0]["quote"] = "</blockquote><script>alert(2)</script>"
    points_path.write_text("".join(json.dumps(p) + "\n" for p in points), encoding="utf-8")
    _, reports = make_report(tmp_path)
    html = html_of(reports)
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html
    assert "&lt;/blockquote&gt;&lt;script&gt;alert(2)" in html


def test_report_lists_sources_matrix_and_sections(built: tuple[Path, Path]) -> None:
    cleaned, reports = built
    html = html_of(reports)
    dataset = load_dataset(cleaned)
    for source in dataset.sources:
        assert f">{source['source_id']}<" in html or f">{source['source_id']}</a>" in html
    assert "empty file" in html and "copy of a" in html
    assert html.index('id="conflict"') < html.index('id="agree"') < html.index('id="single"')
    assert html.count('<td class="conflicts">') == 1
    assert html.count('<td class="states">') == sum(len(p["sources"]) for p in dataset.points)


def test_conflict_quotes_link_to_their_place_in_the_audit_view(built: tuple[Path, Path]) -> None:
    cleaned, reports = built
    html = html_of(reports)
    for claim in read_jsonl(cleaned / "claims.jsonl"):
        target = anchor("q", claim["claim_id"])
        if claim["is_claim"]:
            assert f'href="#{target}"' in html
        assert html.count(f'id="{target}"') == 1


def test_audit_view_greys_removed_blocks_with_their_rule(built: tuple[Path, Path]) -> None:
    html = html_of(built[1])
    assert '<span class="rule">nav_menu</span><span class="removed">Home</span>' in html
    assert '<span class="rule">copyright</span><span class="removed">© 2025 Bread Corner</span>' in html
    assert '<span class="kept"><mark>Feed the starter every 12 hours' in html


def test_audit_pieces_cover_the_raw_text_exactly() -> None:
    record = json.loads((FIXTURE / "cleaned" / "a.json").read_text(encoding="utf-8"))
    raw = decode_bytes((FIXTURE / "raw" / "a.txt").read_bytes()).text
    claims = [c for c in read_jsonl(FIXTURE / "cleaned" / "claims.jsonl") if c["source_id"] == "a"]
    pieces = audit_pieces(raw, record["blocks"], claims, limit=10**6)
    assert "".join(p.text for p in pieces) == raw
    for claim in claims:
        quoted = "".join(p.text for p in pieces if p.quoted)
        assert claim["quote"] in quoted
    removed = {p.rule for p in pieces if p.state == "removed" and p.rule}
    assert removed == {b["rule"] for b in record["blocks"] if not b["keep"]}
    capped = audit_pieces(raw, record["blocks"], claims, limit=20)
    assert "".join(p.text for p in capped) == raw[:20]


def test_caps_keep_large_runs_readable(tmp_path: Path) -> None:
    limits = Limits(points_per_section=1, audit_sources=1, audit_chars=40, matrix_rows=2, matrix_columns=1)
    _, reports = make_report(tmp_path, limits=limits)
    html = html_of(reports)
    assert "Showing 1 of 2; points.csv has them all." in html
    assert "Showing 1 of 3 pages." in html
    raw_chars = len(decode_bytes((FIXTURE / "raw" / "a.txt").read_bytes()).text)
    assert f"Showing the first 40 of {raw_chars} characters" in html
    assert "The table shows 2 of 4 points and 1 of 2 sources" in html


def test_missing_raw_page_is_reported_not_fatal(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "dataset")
    (tmp_path / "dataset" / "raw" / "b.txt").unlink()
    _, reports = make_report(tmp_path)
    assert "The raw page could not be read." in html_of(reports)


def test_rerun_is_byte_identical(tmp_path: Path) -> None:
    _, first = make_report(tmp_path / "one")
    _, second = make_report(tmp_path / "two")
    make_report(tmp_path / "two")
    for name in ("agreement.png", "report.html", "summary.md"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_summary_has_counts_quotes_and_escaped_cells(built: tuple[Path, Path]) -> None:
    text = (built[1] / "summary.md").read_text(encoding="utf-8")
    assert "4 pages read, 2 usable" in text
    assert "## Conflicts (1)" in text and "## Single-source points (2)" in text
    assert "“Feed your starter every 24 hours; more often only wastes flour.”" in text
    assert "<script>" not in text
    source_rows = [line for line in text.splitlines() if line.startswith(("| a |", "| b |"))]
    assert len(source_rows) == 2
    for line in source_rows:
        assert len(re.findall(r"(?<!\\)\|", line)) == 10


@pytest.mark.parametrize(("value", "expected"), [
    ("a | b", "a \\| b"), ("x\n\ty", "x y"), ("<b>", "&lt;b>"), (">=24 h", ">=24 h"), (None, ""), (3, "3"),
])
def test_md_cell(value: object, expected: str) -> None:
    assert md_cell(value) == expected


def test_anchor_is_safe_and_distinct() -> None:
    assert anchor("src", "page_01") == "src-page_01"
    odd, other = anchor("src", "a b"), anchor("src", "a_b")
    assert " " not in odd and odd != other


def png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_chart_is_deterministic_and_caps_rows() -> None:
    rows = [f"point ${i} costs $5" for i in range(MAX_ROWS + 15)]
    view = MatrixView(rows, ["s1", "s2"], [["states", "conflicts"]] * len(rows), len(rows), 2)
    first, second = agreement_png(view), agreement_png(view)
    assert first == second and first.startswith(b"\x89PNG")
    small = MatrixView(rows[:3], ["s1", "s2"], [["states", "silent"]] * 3, 3, 2)
    assert png_size(agreement_png(small))[1] < png_size(first)[1]
    assert f"first {MAX_ROWS} points shown" in caption(view)
    assert b"Software" not in first


def test_shorten_escapes_mathtext() -> None:
    assert shorten("from $5 to $10") == r"from \$5 to \$10"
    assert len(shorten("x" * 500)) == 60


def test_run_without_points_still_reports_the_sources(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "dataset")
    for name in ("claims.jsonl", "points.jsonl", "point_sources.jsonl"):
        (tmp_path / "dataset" / "cleaned" / name).unlink()
    _, reports = make_report(tmp_path)
    html = html_of(reports)
    assert "0 points: 0 in conflict" in html
    assert html.count("<p class=\"note\">None.</p>") == 4
    assert "empty file" in html and 'id="src-a"' in html
    assert "0 claims were grouped into 0 points" in (reports / "summary.md").read_text(encoding="utf-8")


def test_quotes_are_capped_per_stance_so_conflicts_stay_visible() -> None:
    evidence = [{"claim_id": f"c{i:02d}", "source_id": f"s{i:02d}", "stance": "states"} for i in range(30)]
    evidence += [{"claim_id": "x1", "source_id": "z1", "stance": "conflicts"},
                 {"claim_id": "x2", "source_id": "a1", "stance": "conflicts"}]
    shown = evidence_view({"evidence": evidence}, set(), per_stance=5)
    assert [e["claim_id"] for e in shown] == ["c00", "c01", "c02", "c03", "c04", "x2", "x1"]


def test_report_of_a_point_made_by_many_pages_shows_capped_quotes(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "dataset")
    points_path = tmp_path / "dataset" / "cleaned" / "points.jsonl"
    points = list(read_jsonl(points_path))
    quote = dict(points[0]["evidence"][0], quote="a much repeated quote")
    points[0]["evidence"] = [dict(quote, claim_id=f"clm_{i:04d}") for i in range(500)]
    points_path.write_text("".join(json.dumps(p) + "\n" for p in points), encoding="utf-8")
    _, reports = make_report(tmp_path, limits=Limits(quotes_per_stance=7))
    html = html_of(reports)
    assert html.count("a much repeated quote") == 7
    assert "Showing 7 of 500 quotes; points.jsonl has them all." in html


def test_each_conflict_says_what_clashes(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "dataset")
    points_path = tmp_path / "dataset" / "cleaned" / "points.jsonl"
    points = list(read_jsonl(points_path))
    conflict = next(p for p in points if p["status"] == "conflict")
    conflict["clash"] = "a: 4-6 week; against b: 10-12 week"
    points_path.write_text("".join(json.dumps(p) + "\n" for p in points), encoding="utf-8")
    _, reports = make_report(tmp_path)
    html = html_of(reports)
    assert "What clashes:</strong> a: 4-6 week; against b: 10-12 week" in html
    assert html.count("What clashes:") == 1  # only points that have a clash say so
