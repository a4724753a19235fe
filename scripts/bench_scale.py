"""Time every stage on corpora of 100, 1,000 and 10,000 pages, beside trafilatura alone.

Corpora are built in a temp folder from the real pages of the extraction benchmark
(``html/`` and ``render/*/``) and the project's ``raw/*.txt``, cycled; copies after
the first round get a unique phrase inside their longest paragraph, so duplicate
detection does not collapse them and every page is real work for every stage.

Each stage runs as ``python -m pipeline <stage>`` in a child process. Peak memory is
the largest resident set of the whole process tree (the stage and its workers,
summed), sampled every ``SAMPLE_SECONDS`` with psutil; without psutil it falls back
to the largest single child from ``getrusage(RUSAGE_CHILDREN)``.

Usage::

    python scripts/bench_scale.py --sizes 100 1000 10000 --jobs 2 [--json out.json]
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = PROJ_ROOT.parent / "shared" / "bench" / "extraction"
STAGES = ("extract", "segment", "crossref", "export", "report")
#: How often the process tree's memory is sampled; short stages still get a few samples.
SAMPLE_SECONDS = 0.1
#: A stage that runs longer than this is stopped and reported as timed out.
STAGE_TIMEOUT = 3600
#: Default memory cap (MB) of one stage's process tree: above it the stage is stopped,
#: so a stage that does not scale cannot take a shared machine down with it.
DEFAULT_MAX_MB = 6000
#: Text runs shorter than this are not body paragraphs; the copy mark goes into the longest.
MIN_PARAGRAPH_CHARS = 120
HTML_TEXT_RE = re.compile(rf">([^<>]{{{MIN_PARAGRAPH_CHARS},}})<")


@dataclass
class Measure:
    """One timed run: what, how many pages, seconds, peak memory and exit status."""

    size: int
    stage: str
    seconds: float
    cpu_seconds: float
    peak_mb: float
    returncode: int

    @property
    def pages_per_second(self) -> float:
        """Throughput of the run."""
        return self.size / self.seconds if self.seconds else 0.0


def source_pages(bench: Path) -> list[Path]:
    """The real pages to cycle through, interleaved by folder so every corpus mixes both forms.

    Folders: benchmark HTML, each benchmark rendering, and the project's raw/.
    """
    folders = [bench / "html", *sorted((bench / "render").glob("*/")), PROJ_ROOT / "raw"]
    lists = [sorted(p for p in folder.iterdir() if p.is_file()) for folder in folders if folder.is_dir()]
    return [page for group in itertools.zip_longest(*lists) for page in group if page is not None]


def mark_copy(data: str, index: int, *, html: bool) -> str:
    """Put a unique phrase inside the page's longest paragraph (where extraction keeps it)."""
    phrase = f" This is copy {index} of the page."
    if html:
        runs = list(HTML_TEXT_RE.finditer(data))
        if not runs:
            return data.replace("</body>", f"<p>{phrase}</p></body>", 1)
        longest = max(runs, key=lambda m: len(m.group(1)))
        return data[: longest.end(1)] + phrase + data[longest.end(1) :]
    lines = data.split("\n")
    longest_index = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest_index] += phrase
    return "\n".join(lines)


def build_corpus(folder: Path, sources: Sequence[Path], size: int) -> int:
    """Write ``size`` pages into ``folder``; return how many are HTML."""
    folder.mkdir(parents=True, exist_ok=True)
    html_count = 0
    for index in range(size):
        source = sources[index % len(sources)]
        text = source.read_text(encoding="utf-8")
        is_html = source.suffix == ".html"
        if index >= len(sources):
            text = mark_copy(text, index, html=is_html)
        html_count += is_html
        name = f"p{index:05d}_{source.parent.name}_{source.stem}{source.suffix}"
        (folder / name).write_text(text, encoding="utf-8")
    return html_count


def tree_rss(proc: object) -> int:
    """Resident bytes of a process and all its descendants (psutil.Process)."""
    import psutil

    assert isinstance(proc, psutil.Process)
    total = 0
    for member in [proc, *proc.children(recursive=True)]:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


def children_cpu() -> float:
    """CPU seconds used so far by finished child processes (and the children they waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def watch_peak(child: subprocess.Popen[bytes], cmd: list[str], *, started: float, max_mb: float) -> int:
    """Sample the child's process tree until it exits; return its peak resident bytes (-1 without psutil).

    A stage that passes ``max_mb`` or ``STAGE_TIMEOUT`` is killed with its workers.
    """
    try:
        import psutil
    except ImportError:
        return -1
    peak = 0
    watched = psutil.Process(child.pid)
    while child.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak = max(peak, tree_rss(watched))
        time.sleep(SAMPLE_SECONDS)
        if time.perf_counter() - started > STAGE_TIMEOUT or peak > max_mb * 2**20:
            print(f"  stopping {' '.join(cmd[2:4])}: over {max_mb:.0f} MB or {STAGE_TIMEOUT} s",
                  file=sys.stderr)
            for member in [*watched.children(recursive=True), watched]:
                with contextlib.suppress(psutil.Error):
                    member.kill()
    return peak


def run_measured(cmd: list[str], *, max_mb: float = DEFAULT_MAX_MB) -> tuple[float, float, float, int]:
    """Run ``cmd``; return (wall seconds, CPU seconds, peak MB of its process tree, exit status).

    CPU seconds are the fairer figure on a shared machine: wall time also counts
    waiting for cores that other processes hold. The stage's stderr goes to a
    file, not a pipe: a pipe nobody reads while the stage runs would block it once
    64 kB of log lines filled it.
    """
    cpu_before = children_cpu()
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(cmd, cwd=PROJ_ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        peak = watch_peak(child, cmd, started=started, max_mb=max_mb)
        child.wait(timeout=STAGE_TIMEOUT)
        errors.seek(0)
        err = errors.read().decode("utf-8", errors="replace")
    seconds = time.perf_counter() - started
    if peak < 0:  # no psutil: the largest single child so far (a lower bound for a pool)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    if child.returncode not in (0, 1):
        print(f"  {' '.join(cmd[2:4])} exited {child.returncode}: {err.strip()[-300:]}", file=sys.stderr)
    return seconds, children_cpu() - cpu_before, peak / 2**20, child.returncode


def stage_command(stage: str, raw: Path, out: Path, *, jobs: int) -> list[str]:
    """The command line of one stage on one corpus."""
    base = [sys.executable, "-m", "pipeline", stage, "-q"]
    cleaned = out / "cleaned"
    if stage == "extract":
        return [*base, "--in", str(raw), "--out", str(cleaned), "-j", str(jobs)]
    if stage == "report":
        return [*base, "--cleaned", str(cleaned), "--reports", str(out / "reports"), "--raw", str(raw)]
    return [*base, "--cleaned", str(cleaned)]


def trafilatura_page(path: str) -> int:
    """Extract one page with trafilatura alone; return the characters kept."""
    import trafilatura

    html = Path(path).read_text(encoding="utf-8")
    return len(trafilatura.extract(html, include_comments=False, deduplicate=False) or "")


def trafilatura_only(raw: Path, jobs: int) -> None:
    """Reference run (in a child process): trafilatura on the corpus's HTML pages."""
    pages = [str(p) for p in sorted(raw.glob("*.html"))]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        kept = sum(pool.map(trafilatura_page, pages, chunksize=8))
    print(kept)


def bench_size(
    size: int, sources: Sequence[Path], *, jobs: int, stages: Sequence[str], max_mb: float,
    keep: Path | None = None,
) -> list[Measure]:
    """Build one corpus and measure every stage, the total, and trafilatura alone.

    With ``keep``, the corpus and the stage outputs go to ``keep/<size>/`` (raw/ and
    out/cleaned/, out/reports/) and stay there, for profiling a stage on them again.
    """
    measures: list[Measure] = []
    with contextlib.ExitStack() as stack:
        if keep is None:
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"bench{size}_")))
        else:
            tmp = keep / str(size)
            if tmp.exists():
                raise SystemExit(f"{tmp} exists: --keep needs a new folder")
        raw, out = tmp / "raw", tmp / "out"
        html_pages = build_corpus(raw, sources, size)
        for stage in stages:
            seconds, cpu, peak, code = run_measured(stage_command(stage, raw, out, jobs=jobs), max_mb=max_mb)
            measures.append(Measure(size, stage, seconds, cpu, peak, code))
            print(f"  {size:>6} {stage:<10} {seconds:8.1f} s {cpu:8.1f} cpu-s {peak:7.0f} MB",
                  file=sys.stderr)
        failed = [m.returncode for m in measures if m.returncode not in (0, 1)]
        total = Measure(size, "total", sum(m.seconds for m in measures), sum(m.cpu_seconds for m in measures),
                        max(m.peak_mb for m in measures), failed[0] if failed else 0)
        measures.append(total)
        cmd = [sys.executable, str(Path(__file__).resolve()), "--trafilatura-only", str(raw),
               "--jobs", str(jobs)]
        seconds, cpu, peak, code = run_measured(cmd)
        measures.append(Measure(html_pages, "trafilatura[html]", seconds, cpu, peak, code))
    return measures


def print_table(measures: Sequence[Measure]) -> None:
    """A Markdown table of every measure, then growth ratios between sizes."""
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (cores: {os.cpu_count()})")
    print("| pages | stage | seconds | pages/s | CPU s | CPU ms/page | peak MB | exit |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for m in measures:
        print(f"| {m.size} | {m.stage} | {m.seconds:.1f} | {m.pages_per_second:.1f} | {m.cpu_seconds:.1f} | "
              f"{1000 * m.cpu_seconds / max(m.size, 1):.0f} | {m.peak_mb:.0f} | {m.returncode} |")
    sizes = sorted({m.size for m in measures if m.stage == "total"})
    if len(sizes) < 2:
        return
    print("\n| stage | from | to | pages x | time x | CPU x | memory x |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for stage in dict.fromkeys(m.stage for m in measures):
        runs = [m for m in measures if m.stage == stage]
        for small, large in itertools.pairwise(runs):
            print(f"| {stage} | {small.size} | {large.size} | {large.size / small.size:.1f} | "
                  f"{large.seconds / max(small.seconds, 1e-9):.1f} | "
                  f"{large.cpu_seconds / max(small.cpu_seconds, 1e-9):.1f} | "
                  f"{large.peak_mb / max(small.peak_mb, 1e-9):.1f} |")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000],
                        help="corpus sizes in pages (default: 100 1000 10000)")
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH,
                        help="extraction benchmark folder (default: ../shared/bench/extraction)")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core)")
    parser.add_argument("--stages", nargs="+", default=list(STAGES), choices=STAGES,
                        help="stages to run, in order (default: all)")
    parser.add_argument("--json", type=Path, help="also write the measures as sorted-key JSON")
    parser.add_argument("--max-mb", type=float, default=DEFAULT_MAX_MB,
                        help=f"stop a stage whose processes pass this many MB (default: {DEFAULT_MAX_MB})")
    parser.add_argument("--keep", type=Path,
                        help="keep each corpus and its outputs in KEEP/<size>/, not in a temp folder")
    parser.add_argument("--trafilatura-only", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table; 0 on success, 2 without pages."""
    args = parse_args(argv)
    jobs = args.jobs or len(os.sched_getaffinity(0))
    if args.trafilatura_only:
        trafilatura_only(args.trafilatura_only, jobs)
        return 0
    sources = source_pages(args.bench)
    if not sources:
        print(f"no pages found under {args.bench}", file=sys.stderr)
        return 2
    measures = [
        m for size in args.sizes
        for m in bench_size(size, sources, jobs=jobs, stages=args.stages, max_mb=args.max_mb, keep=args.keep)
    ]
    print_table(measures)
    if args.json:
        rows = [{**asdict(m), "pages_per_second": round(m.pages_per_second, 2)} for m in measures]
        args.json.write_text(json.dumps(rows, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
