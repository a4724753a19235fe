"""Stage 5: the human reports, ``report.html``, ``agreement.png`` and ``summary.md``.

The HTML report is one self-contained file (inline CSS, the chart as a data URI,
a Content-Security-Policy that forbids scripts and network access) rendered by
Jinja2 with autoescaping on, because every title, quote and block comes from
untrusted pages. Lists and audit views are capped so a run over thousands of
pages still gives a file a browser opens; the report says what it left out.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from pipeline import __version__
from pipeline.config import RAW_DIR
from pipeline.dataset.chart import MatrixView, agreement_png
from pipeline.dataset.export import (
    STAGE_FILES,
    USABLE_STATUSES,
    load_blocks,
    load_sources,
    matrix_source_ids,
    source_row,
    stage_rows,
)
from pipeline.dataset.tables import SILENT
from pipeline.decode import DecodeError, decode_bytes
from pipeline.io import SortedJsonl, write_bytes_atomic

LOGGER = logging.getLogger(__name__)

TEMPLATES_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps that keep the report readable and small on large runs.

    With the defaults a 10,000-page run gives a report of a few megabytes: the
    matrix and point lists show the first few hundred points, the source table
    the first 1,000 pages (counts stay exact; the CSV files hold everything), each
    point the first 20 quotes of each stance, and the audit view the first 50,000
    characters of the first 100 pages, which shows typical article pages whole
    (the sample pages are 5-15 kB).
    """

    sources: int = 1000
    matrix_rows: int = 200
    matrix_columns: int = 60
    points_per_section: int = 300
    quotes_per_stance: int = 20
    audit_sources: int = 100
    audit_chars: int = 50_000


#: Point statuses in the order the report presents them (conflicts first).
SECTIONS = (
    ("conflict", "Conflicts", "Sources disagree: the quotes side by side."),
    ("partial", "Partial agreement", "Sources state the point with different precision or scope."),
    ("agree", "Agreements", "Several sources state the point the same way."),
    ("single", "Single-source points", "Only one source makes these points."),
)
ANCHOR_UNSAFE_RE = re.compile(r"[^A-Za-z0-9_-]")


def anchor(prefix: str, key: str) -> str:
    """An HTML id for ``key``: readable when the key is safe, suffixed by a hash when not."""
    safe = ANCHOR_UNSAFE_RE.sub("_", key)
    if safe != key:
        safe += "-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
    return f"{prefix}-{safe}"


@dataclass(slots=True)
class Piece:
    """A run of raw page text in the audit view with one look."""

    text: str
    state: str  # "kept", "removed" or "gap" (between blocks)
    rule: str = ""  # the rule, shown at the start of a removed block
    anchors: list[str] = field(default_factory=list)  # claim anchors starting here
    quoted: bool = False


@dataclass(slots=True)
class Audit:
    """The audit view of one source: its raw text cut into pieces."""

    source_id: str
    anchor: str
    title: str
    status: str
    pieces: list[Piece]
    note: str = ""


def read_raw(raw_dir: Path, record: dict[str, Any]) -> str | None:
    """The decoded raw page, so block and claim offsets index it; None if unreadable."""
    path = raw_dir / str(record.get("file", ""))
    try:
        return decode_bytes(path.read_bytes()).text
    except (OSError, DecodeError) as exc:
        LOGGER.warning("%s: raw page not available for the audit view (%s)", path, exc)
        return None


def cut_points(limit: int, blocks: list[dict[str, Any]], claims: list[dict[str, Any]]) -> list[int]:
    """Every offset where the look of the audit view changes, up to ``limit``."""
    cuts = {0, limit}
    for block in blocks:
        cuts.update((block["raw_start"], block["raw_end"]))
    for claim in claims:
        cuts.update((claim["raw_start"], claim["raw_end"]))
    return sorted(c for c in cuts if 0 <= c <= limit)


def audit_pieces(text: str, blocks: list[dict[str, Any]], claims: list[dict[str, Any]],
                 *, limit: int) -> list[Piece]:
    """Cut ``text[:limit]`` at block and quote edges and label each run.

    Blocks are looked up by start offset; a removed block's rule is shown once,
    at its start. Claim anchors sit where each quote starts.
    """
    ordered = sorted(blocks, key=lambda b: (b["raw_start"], b["raw_end"]))
    starts: dict[int, list[str]] = {}
    for claim in sorted(claims, key=lambda c: str(c["claim_id"])):
        starts.setdefault(claim["raw_start"], []).append(anchor("q", claim["claim_id"]))
    # Quotes open and close only at cut points, so a running count tells whether
    # each run lies inside a quote without testing every claim against every run.
    delta: Counter[int] = Counter()
    for claim in claims:
        if claim["raw_end"] > claim["raw_start"]:
            delta[claim["raw_start"]] += 1
            delta[claim["raw_end"]] -= 1
    pieces: list[Piece] = []
    index = open_quotes = 0
    for begin, end in itertools.pairwise(cut_points(min(limit, len(text)), ordered, claims)):
        open_quotes += delta[begin]
        while index < len(ordered) and ordered[index]["raw_end"] <= begin:
            index += 1
        block = ordered[index] if index < len(ordered) and ordered[index]["raw_start"] <= begin else None
        piece = Piece(text[begin:end], "gap", anchors=starts.get(begin, []), quoted=open_quotes > 0)
        if block is not None:
            piece.state = "kept" if block["keep"] else "removed"
            if piece.state == "removed" and block["raw_start"] == begin:
                piece.rule = str(block["rule"] or "")
        pieces.append(piece)
    return pieces


def build_audit(record: dict[str, Any], claims: list[dict[str, Any]], raw: str | None,
                *, limit: int) -> Audit:
    """The audit view of one source, capped at ``limit`` characters."""
    sid, status = str(record["source_id"]), str(record["status"])
    title = str((record.get("metadata") or {}).get("title") or record.get("file") or sid)
    if raw is None:
        return Audit(sid, anchor("src", sid), title, status, [], "The raw page could not be read.")
    pieces = audit_pieces(raw, load_blocks(record), claims, limit=limit)
    shown = min(limit, len(raw))
    note = ""
    if shown < len(raw):
        note = f"Showing the first {shown:,} of {len(raw):,} characters; the rest is left out."
    return Audit(sid, anchor("src", sid), title, status, pieces, note)


def most_common(counts: Counter[str]) -> str:
    """The most frequent non-empty value (ties broken alphabetically), or ''."""
    candidates = [(-n, value) for value, n in counts.items() if value]
    return min(candidates)[1] if candidates else ""


def point_order(point: dict[str, Any]) -> tuple[int, int, str, str]:
    """Conflicts first (the report's order), best-supported points next, then topic and id."""
    rank = [status for status, _, _ in SECTIONS]
    status = str(point.get("status"))
    return (rank.index(status) if status in rank else len(rank), -len(point.get("sources") or []),
            str(point.get("topic") or ""), str(point["point_id"]))


def evidence_view(point: dict[str, Any], anchored: set[str], *, per_stance: int) -> list[dict[str, Any]]:
    """The point's evidence, at most ``per_stance`` quotes of each stance, with link targets.

    A point made by thousands of pages would otherwise print thousands of quotes;
    the cap is per stance so the conflicting quotes are never crowded out.
    """
    items = []
    for item in point.get("evidence") or []:
        view = dict(item)
        target = anchor("q", str(item["claim_id"]))
        view["href"] = f"#{target}" if target in anchored else ""
        items.append(view)
    items.sort(key=lambda e: (e.get("stance") != "states", str(e["source_id"]), str(e["claim_id"])))
    return [e for _, group in itertools.groupby(items, key=lambda e: e.get("stance") != "states")
            for e in itertools.islice(group, per_stance)]


@dataclass(slots=True)
class ClaimScan:
    """What the report needs from the claims, gathered in one pass."""

    count: int = 0
    subjects: Counter[str] = field(default_factory=Counter)
    by_source: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def scan_claims(claims: Iterable[dict[str, Any]], audited: set[str]) -> ClaimScan:
    """Count the claims and their subjects; keep the claims of audited pages only."""
    scan = ClaimScan()
    for claim in claims:
        if claim.get("is_claim"):
            scan.count += 1
            scan.subjects[str(claim.get("subject") or "")] += 1
        if claim["source_id"] in audited:
            scan.by_source.setdefault(claim["source_id"], []).append(claim)
    return scan


def matrix_view(points: list[dict[str, Any]], links: Iterable[dict[str, Any]], source_ids: list[str],
                *, total_rows: int, limits: Limits) -> dict[str, Any]:
    """The matrix cells of the first points and sources, for the HTML table and the chart."""
    columns = source_ids[: limits.matrix_columns]
    shown_ids, shown_columns = {p["point_id"] for p in points}, set(columns)
    cells = {(r["point_id"], r["source_id"]): r for r in links
             if r["point_id"] in shown_ids and r["source_id"] in shown_columns}
    rows: list[dict[str, Any]] = []
    for point in points:
        line = []
        for sid in columns:
            link = cells.get((point["point_id"], sid), {})
            line.append({"stance": link.get("stance", SILENT), "value": link.get("value") or ""})
        rows.append({"point": point, "cells": line})
    return {
        "columns": columns,
        "rows": rows,
        "total_rows": total_rows,
        "total_columns": len(source_ids),
        "chart": MatrixView(
            rows=[str(r["point"].get("statement") or r["point"]["point_id"]) for r in rows],
            columns=columns,
            stances=[[c["stance"] for c in r["cells"]] for r in rows],
            total_rows=total_rows,
            total_columns=len(source_ids),
            statuses=[str(r["point"].get("status")) for r in rows],
            values=[[str(c["value"]) for c in r["cells"]] for r in rows],
        ),
    }


def point_sections(points: Iterable[dict[str, Any]], anchored: set[str], *,
                   limits: Limits) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    """The report's sections, the first points (for the matrix) and the point count.

    ``points`` come in :func:`point_order`; each point is looked at once and only
    the shown ones are kept.
    """
    chosen: dict[str, list[dict[str, Any]]] = {status: [] for status, _, _ in SECTIONS}
    totals: Counter[str] = Counter()
    first: list[dict[str, Any]] = []
    for point in points:
        status = str(point["status"])
        totals[status] += 1
        if status in chosen and len(chosen[status]) < limits.points_per_section:
            evidence = evidence_view(point, anchored, per_stance=limits.quotes_per_stance)
            chosen[status].append(dict(point, evidence=evidence,
                                       evidence_total=len(point.get("evidence") or [])))
        if len(first) < limits.matrix_rows:
            first.append({k: v for k, v in point.items() if k != "evidence"})
    sections = [{"status": status, "title": title, "blurb": blurb, "points": chosen[status],
                 "total": totals[status]} for status, title, blurb in SECTIONS]
    return sections, first, sum(totals.values())


def build_context(cleaned_dir: Path, raw_dir: Path, *, limits: Limits) -> dict[str, Any]:
    """Everything the templates show, from one pass over the claims and two over points and links.

    Only the points are read in an order of the report's own; claims and links are
    read as the stages wrote them.
    """
    claims_file, points_file, links_file = (cleaned_dir / name for name in STAGE_FILES)
    records = load_sources(cleaned_dir)
    sources = [source_row(r) for r in records]
    audited = sorted((r for r in records if r["n_blocks"]),
                     key=lambda r: (r["status"] not in USABLE_STATUSES, r["source_id"]))
    shown_audits = audited[: limits.audit_sources]
    claims = scan_claims(stage_rows(claims_file), {r["source_id"] for r in shown_audits})
    audits = [
        build_audit(r, claims.by_source.get(r["source_id"], []), read_raw(raw_dir, r),
                    limit=limits.audit_chars)
        for r in shown_audits
    ]
    anchored = {a for audit in audits for piece in audit.pieces for a in piece.anchors}
    audit_ids = {audit.source_id: audit.anchor for audit in audits}
    for row in sources:
        row["anchor"] = audit_ids.get(row["source_id"], "")
    sections, first, total = point_sections(SortedJsonl(points_file, point_order), anchored, limits=limits)
    source_ids = matrix_source_ids(records, (r["source_id"] for r in stage_rows(links_file)))
    return {
        "subject": most_common(claims.subjects),
        "version": __version__,
        "sources": sources[: limits.sources],
        "source_total": len(sources),
        "unusable": [s for s in sources if s["status"] not in USABLE_STATUSES][: limits.sources],
        "unusable_total": sum(s["status"] not in USABLE_STATUSES for s in sources),
        "usable_count": sum(s["status"] in USABLE_STATUSES for s in sources),
        "claim_count": claims.count,
        "status_counts": {s["status"]: s["total"] for s in sections},
        "matrix": matrix_view(first, stage_rows(links_file), source_ids, total_rows=total, limits=limits),
        "sections": sections,
        "audits": audits,
        "audit_total": len(audited),
        "titles": {s["source_id"]: s["title"] or s["file"] or s["source_id"] for s in sources},
        "limits": limits,
    }


def _environment(**options: Any) -> jinja2.Environment:
    """Jinja2 over the package templates, strict about undefined names, keeping layout."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        **options,
    )


def environment() -> jinja2.Environment:
    """Jinja2 with autoescaping on for every template: page text is untrusted."""
    env = _environment(autoescape=True)
    env.globals["anchor"] = anchor
    return env


def markdown_environment() -> jinja2.Environment:
    """Jinja2 for Markdown: every printed value passes through :func:`md_cell`."""
    return _environment(autoescape=False, finalize=md_cell)


def render_html(context: dict[str, Any], png: bytes) -> str:
    """The self-contained HTML report, with the chart embedded as a data URI."""
    data_uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return environment().get_template("report.html.j2").render(context, chart_uri=data_uri)


def md_cell(value: Any) -> str:
    """Text safe inside a Markdown table cell: one line, pipes escaped, no HTML tag can open.

    Only ``<`` needs escaping to stop tags; ``>`` stays readable (values like ``>=24 h``).
    """
    text = " ".join(str(value if value is not None else "").split())
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")


def render_summary(context: dict[str, Any]) -> str:
    """The Markdown summary, for a README or a ticket."""
    return markdown_environment().get_template("summary.md.j2").render(context)


def run_report(cleaned_dir: Path, reports_dir: Path, *, raw_dir: Path = RAW_DIR,
               limits: Limits | None = None) -> list[Path]:
    """Write ``agreement.png``, ``report.html`` and ``summary.md`` into ``reports_dir``.

    Args:
        cleaned_dir: folder with the extract, segment and crossref outputs.
        reports_dir: folder for the reports (created if needed).
        raw_dir: folder of raw pages, read for the audit view.
        limits: caps for large runs (defaults: :class:`Limits`).

    Returns:
        The paths written.
    """
    context = build_context(cleaned_dir, raw_dir, limits=limits or Limits())
    png = agreement_png(context["matrix"]["chart"])
    outputs = {
        reports_dir / "agreement.png": png,
        reports_dir / "report.html": render_html(context, png).encode("utf-8"),
        reports_dir / "summary.md": render_summary(context).encode("utf-8"),
    }
    for path, data in outputs.items():
        write_bytes_atomic(path, data)
        LOGGER.info("%s: %d bytes", path, len(data))
    return list(outputs)

