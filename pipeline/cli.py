"""Command line: ``python -m pipeline <stage> [options]``.

Exit status (documented in the README): 0 every page was usable, 1 partial
success (some pages could not be used; the others were processed), 2 failure
(no usable page, bad arguments or configuration, or another run writing the same
output folder), 130 and 143 interrupted by SIGINT and SIGTERM (128 + the signal).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.config import CLEANED_DIR, RAW_DIR, REPORTS_DIR, Settings, load_settings
from pipeline.errors import PipelineError
from pipeline.lock import locked_folders
from pipeline.signals import PAGES, Interrupted, interruptible

LOGGER = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_FAILURE = 2

#: Statuses that count as a successfully read page.
USABLE = ("ok", "duplicate")


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with one subcommand per stage."""
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Extract, segment and cross-reference web pages on one subject.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="STAGE")

    extract = sub.add_parser("extract", help="strip boilerplate: raw pages -> clean text and block records")
    extract.add_argument("--in", "--raw", dest="raw", type=Path, default=RAW_DIR,
                         help="folder of raw pages (HTML or text renderings; default: raw/)")
    extract.add_argument("--out", type=Path, default=CLEANED_DIR,
                         help="folder for <source_id>.txt and .json (default: cleaned/)")
    extract.add_argument("--only", nargs="*", type=Path, metavar="FILE",
                         help="process only these raw files (others keep their outputs)")
    _add_follow_links(extract)
    _add_common(extract, engine=True)

    segment = sub.add_parser("segment", help="split clean text into typed claims -> claims.jsonl")
    _add_cleaned(segment)
    segment.add_argument("--topics", type=Path, help="topic file (TOML) mapping topics to keywords")
    _add_common(segment)

    crossref = sub.add_parser("crossref", help="group claims into points: agree, partial, conflict, single")
    _add_cleaned(crossref)
    _add_common(crossref)

    export = sub.add_parser("export", help="write the dataset: CSV, JSON Lines, Parquet, datapackage.json")
    _add_cleaned(export)
    _add_common(export)

    report = sub.add_parser("report", help="write reports/report.html, agreement.png and summary.md")
    _add_cleaned(report)
    report.add_argument("--reports", type=Path, default=REPORTS_DIR,
                        help="folder for the reports (default: reports/)")
    report.add_argument("--raw", type=Path, default=RAW_DIR,
                        help="folder of the raw pages, for the audit view (default: raw/)")
    _add_common(report)

    run_all = sub.add_parser("all", help="run every stage: DIR/cleaned/ and DIR/reports/ from raw pages")
    run_all.add_argument("--raw", type=Path, default=RAW_DIR, help="folder of raw pages (default: raw/)")
    run_all.add_argument("--out", type=Path, default=None,
                         help="output root; writes OUT/cleaned and OUT/reports (default: the project)")
    run_all.add_argument("--topics", type=Path, help="topic file (TOML) mapping topics to keywords")
    _add_follow_links(run_all)
    _add_common(run_all, engine=True)
    return parser


def _add_cleaned(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cleaned", type=Path, default=CLEANED_DIR,
                        help="folder holding the extract outputs and the dataset (default: cleaned/)")


def _add_follow_links(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--follow-links", action="store_true", default=None,
                        help="read raw entries that link to files outside the raw folder "
                             "(by default they are refused with an error record)")


def _add_common(parser: argparse.ArgumentParser, *, engine: bool = False) -> None:
    group = parser.add_argument_group("run options")
    group.add_argument("--config", type=Path, help="TOML settings file layered over the defaults")
    group.add_argument("-v", "--verbose", action="count", default=0,
                       help="more log output (-v info, -vv debug with tracebacks)")
    group.add_argument("-q", "--quiet", action="store_true", help="only errors")
    if engine:
        group.add_argument("-j", "--jobs", type=int, help="worker processes (default: one per core)")
        group.add_argument("--engine", choices=("local", "dask"),
                           help="where per-page work runs: local processes or a Dask cluster")
        group.add_argument("--scheduler", help="Dask scheduler address (default: start a LocalCluster)")


def configure_logging(verbose: int, quiet: bool) -> None:
    """Send logs to stderr at the level the flags ask for."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(message)s", stream=sys.stderr, force=True)


def settings_from(args: argparse.Namespace) -> Settings:
    """Defaults, then the config file, then command-line flags."""
    overrides: dict[str, Any] = {
        "jobs": getattr(args, "jobs", None),
        "engine": getattr(args, "engine", None),
        "scheduler": getattr(args, "scheduler", None),
        "follow_links": getattr(args, "follow_links", None),
        "topics_file": str(args.topics) if getattr(args, "topics", None) else None,
    }
    return load_settings(args.config, **overrides)


def exit_code(records: Sequence[dict[str, Any]]) -> int:
    """0 when every page was usable, 1 when some were, 2 when none were."""
    usable = sum(r["status"] in USABLE for r in records)
    if usable == len(records):
        return EXIT_OK
    return EXIT_PARTIAL if usable else EXIT_FAILURE


def run_stage(args: argparse.Namespace, settings: Settings) -> int:
    """Run the chosen stage(s) and return the exit status."""
    from pipeline import stages

    if args.command == "extract":
        return exit_code(stages.extract(args.raw, args.out, settings=settings, only=args.only))
    if args.command == "segment":
        stages.segment(args.cleaned, settings=settings)
    elif args.command == "crossref":
        stages.crossref(args.cleaned, settings=settings)
    elif args.command == "export":
        stages.export(args.cleaned, settings=settings)
    elif args.command == "report":
        stages.report(args.cleaned, args.reports, raw_dir=args.raw, settings=settings)
    else:
        cleaned, reports = output_folders(args)
        return exit_code(stages.run_all(args.raw, cleaned, reports, settings=settings))
    return EXIT_OK


def output_folders(args: argparse.Namespace) -> list[Path]:
    """The folders the chosen stage writes (and locks): ``all`` writes cleaned/ then reports/."""
    if args.command == "extract":
        return [args.out]
    if args.command == "report":
        return [args.reports]
    if args.command == "all":
        return [args.out / "cleaned", args.out / "reports"] if args.out else [CLEANED_DIR, REPORTS_DIR]
    return [args.cleaned]


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, run, and turn expected errors into one-line messages."""
    PAGES.start(0)
    try:
        with interruptible():
            return run_locked(argv)
    except Interrupted as exc:
        LOGGER.debug("traceback", exc_info=True)
        print(PAGES.message(), file=sys.stderr)
        return exc.exit_status


def run_locked(argv: Sequence[str] | None) -> int:
    """Parse arguments and run with the output folders locked (see :mod:`pipeline.lock`)."""
    args = build_parser().parse_args(argv)
    configure_logging(args.verbose, args.quiet)
    try:
        with locked_folders(output_folders(args)):
            return run_stage(args, settings_from(args))
    except PipelineError as exc:
        LOGGER.debug("traceback", exc_info=True)
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILURE
