"""Run stages by name: the glue between the command line and the stage modules."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline.config import Settings


def extract(
    raw_dir: Path, cleaned_dir: Path, *, settings: Settings, only: Sequence[Path] | None = None
) -> list[dict[str, Any]]:
    """Stage 1: strip boilerplate; returns the records of the pages processed."""
    from pipeline.extract.stage import run_extract

    return run_extract(raw_dir, cleaned_dir, settings=settings, only=only)


def segment(cleaned_dir: Path, *, settings: Settings) -> Path:
    """Stage 2: clean text -> claims.jsonl."""
    from pipeline.claims.stage import run_segment

    topics = Path(settings.topics_file) if settings.topics_file else None
    return run_segment(cleaned_dir, topics_file=topics, settings=settings)


def crossref(cleaned_dir: Path, *, settings: Settings) -> Path:
    """Stage 3: claims -> points.jsonl and point_sources.jsonl."""
    from pipeline.crossref.stage import run_crossref

    return run_crossref(cleaned_dir)


def export(cleaned_dir: Path, *, settings: Settings) -> list[Path]:
    """Stage 4: the dataset in CSV, JSON Lines, Parquet and datapackage.json."""
    from pipeline.dataset.export import run_export

    return run_export(cleaned_dir, settings=settings)


def report(cleaned_dir: Path, reports_dir: Path, *, raw_dir: Path, settings: Settings) -> list[Path]:
    """Stage 5: report.html, agreement.png and summary.md (raw pages feed the audit view)."""
    from pipeline.dataset.report import run_report

    return run_report(cleaned_dir, reports_dir, raw_dir=raw_dir)


def run_all(
    raw_dir: Path, cleaned_dir: Path, reports_dir: Path, *, settings: Settings
) -> list[dict[str, Any]]:
    """Every stage in order; returns the extract records (they decide the exit status)."""
    records = extract(raw_dir, cleaned_dir, settings=settings)
    segment(cleaned_dir, settings=settings)
    crossref(cleaned_dir, settings=settings)
    export(cleaned_dir, settings=settings)
    report(cleaned_dir, reports_dir, raw_dir=raw_dir, settings=settings)
    return records
