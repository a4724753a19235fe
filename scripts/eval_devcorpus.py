"""Score the claims and cross-reference stages on the development corpus (``devcorpus/``).

    python scripts/eval_devcorpus.py [--subject S ...] [--seeds] [--json OUT] [--keep DIR]

For each subject whose pages are all cached (see ``scripts/devcorpus.py``), the cached texts
are copied into a temporary raw folder as ``<page_id>.txt``, the pipeline runs on them
(``python -m pipeline all --raw RAW --out OUT -j 2 -q``) and its ``claims.jsonl`` and
``points.jsonl`` are scored against the subject's ``gold.json``. A subject with pages missing
from the cache is skipped. The seed pages in ``raw/`` are scored the same way against
``tests/gold/seeds.json`` when that file exists (role "in-sample check").

Metrics
-------
- Claim matching: a system claim matches a gold claim when both are on the same page and the
  system's raw span [raw_start, raw_end) overlaps the gold [start, end) by at least 1
  character. Typed system claims are those with is_claim and frame != "". Per page, typed
  system claims and gold claims are matched one to one, greedily: first pairs whose gold
  aspect fits the system frame (gold duration/interval/wait/count/quantity ~ the same frame
  name; gold do/avoid ~ advice or use; use ~ use or advice; suitability ~ suitability;
  effect ~ effect), then by largest overlap relative to the union of the two spans (so a
  clause goes to the gold claim of that clause rather than to one of its whole sentence),
  then the one whose description shares a word with the system's thing (a clause naming
  two things gets one gold entry per thing), then the one whose value equals the system's.
- A typed system claim left unmatched that overlaps gold claims whose aspect fits its frame
  (a clause naming two things gives two system claims, the gold one per point) is mapped
  to the one it overlaps most, for scoring points and pairs only.
- Claim precision = matched typed system claims / typed system claims; claim recall =
  matched gold claims / gold claims; F1 = their harmonic mean.
- Value: typed system claims with a value (value_min not null) against gold claims with a
  value. A value match is a matched pair whose numbers agree after unit conversion with pint
  (the registry of ``pipeline.claims.quantities.units``): low and high are each compared
  within 1% relative. An open side in gold (null) matches whatever the system states on that
  side (its stated number under a min/max bound, or any number). Gold units ``per_day``,
  ``per_week``, ``per_month``... are N times per period and are turned into a period of 1/N
  of that unit before comparing with the system's interval value (the system writes "twice a
  day" as 0.5 day). Gold unit "" (a bare count) matches a system unit "" or a counted noun
  (a unit pint does not know); "dollar"/"USD"/"$" are one currency. Value precision =
  value-matched / system claims with a value; value recall = value-matched / gold claims
  with a value.
- Points: a gold point (the gold "points" list, made by >= 2 pages) is recalled when some
  system point with status != single has claims matched to gold claims of that point from at
  least 2 distinct pages. Point recall = recalled / gold points.
- Agreement precision over source pairs: for every system point with status agree or
  partial and every pair of its sources, the pair is correct when both pages have a claim in
  this point matched to gold claims of one same gold point and the pair is not listed in that
  gold point's conflicts. A pair whose claims match no common gold point is wrong.
  Agreement precision = correct pairs / all such pairs (the pair count is reported too).
- Conflict pairs: the system's are, for each system point with status conflict, the
  unordered pairs (a, b) with a in conflicting_sources and b in sources (a != b). The gold
  ones are the union over gold points of their conflicts (unordered, with the point). A
  system pair is correct when the two pages' claims in that system point match gold claims
  of one gold point whose conflicts list that pair. Conflict precision = correct / system
  pairs; conflict recall = gold conflict pairs found by some correct system pair / gold
  conflict pairs.
- Counts: pages, gold claims, typed system claims, and system points with >= 2 sources by
  status.

Summary rows pool the counts (not the ratios) of the tune subjects, of the held-out subjects
and of every scored subject. Ratios with a zero denominator print as "-" (null in JSON).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import devcorpus  # noqa: E402
from pipeline.claims.quantities import units  # noqa: E402

SEEDS_GOLD = ROOT / "tests" / "gold" / "seeds.json"
SEEDS_NAME = "seeds (raw/)"
SEEDS_ROLE = "in-sample check"
REL_TOL = 0.01
FIT = {
    "duration": {"duration"},
    "interval": {"interval"},
    "wait": {"wait"},
    "count": {"count"},
    "quantity": {"quantity"},
    "do": {"advice", "use"},
    "avoid": {"advice", "use"},
    "use": {"use", "advice"},
    "suitability": {"suitability"},
    "effect": {"effect"},
}
CURRENCY = {"dollar", "dollars", "usd", "$", "us_dollar"}
STATUSES = ("agree", "partial", "conflict", "single")
Row = dict[str, Any]
Pair = frozenset[str]


# ---------------------------------------------------------------- counts and ratios


@dataclass
class Counts:
    """Raw counts of one subject (or a pool of subjects); the ratios derive from them."""

    values: Counter[str] = field(default_factory=Counter)

    def add(self, other: Counts) -> None:
        """Pool another subject's counts into these."""
        self.values.update(other.values)

    def ratio(self, num: str, den: str) -> float | None:
        """num / den, or None when den is zero."""
        d = self.values[den]
        return round(self.values[num] / d, 3) if d else None

    def metrics(self) -> dict[str, float | None]:
        """Every ratio the report shows."""
        p = self.ratio("claims_matched_sys", "sys_typed")
        r = self.ratio("claims_matched_gold", "gold_claims")
        f1 = round(2 * p * r / (p + r), 3) if p is not None and r is not None and p + r else None
        return {
            "claim_precision": p,
            "claim_recall": r,
            "claim_f1": f1,
            "value_precision": self.ratio("value_matched", "sys_values"),
            "value_recall": self.ratio("value_matched", "gold_values"),
            "point_recall": self.ratio("points_recalled", "gold_points"),
            "agree_precision": self.ratio("agree_pairs_correct", "agree_pairs"),
            "conflict_precision": self.ratio("conflict_pairs_correct", "conflict_pairs"),
            "conflict_recall": self.ratio("gold_conflicts_found", "gold_conflicts"),
        }

    def as_json(self) -> dict[str, Any]:
        """Counts and ratios together."""
        return {"counts": dict(sorted(self.values.items())), "metrics": self.metrics()}


# ---------------------------------------------------------------- values and units


def _close(a: float, b: float) -> bool:
    """Equal within REL_TOL relative."""
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b))


def _is_pint(unit: str) -> bool:
    """Whether pint knows this unit name."""
    if not unit:
        return False
    try:
        units().Unit(unit)
    except Exception:
        return False
    return True


def _gold_range(value: dict[str, Any]) -> tuple[float | None, float | None, str]:
    """Gold low, high and unit, with a frequency ``per_X`` turned into a period of X and a
    ratio ``A_per_B`` ("cup_per_gallon") into the unit A / B."""
    low, high, unit = value.get("low"), value.get("high"), str(value.get("unit") or "")
    if "_per_" in unit:
        unit = unit.replace("_per_", " / ")
    if unit.startswith("per_"):
        period = unit[len("per_") :]
        inv_low = 1 / high if high else None
        inv_high = 1 / low if low else None
        return inv_low, inv_high, period
    return low, high, unit


def _convert(number: float, unit: str, target: str) -> float | None:
    """number in unit expressed in target, or None when the units do not convert."""
    try:
        return float(units().Quantity(number, unit).to(target).magnitude)
    except Exception:
        return None


def _unit_factor(gold_unit: str, sys_unit: str) -> str | None:
    """How to compare numbers: "same" (no conversion), "pint", or None (incompatible)."""
    g, s = gold_unit.strip().lower(), sys_unit.strip().lower()
    if g in CURRENCY or s in CURRENCY:
        return "same" if g in CURRENCY and s in CURRENCY else None
    if not g:
        return "same" if not s or not _is_pint(sys_unit) else None
    if g == s:
        return "same"
    if _is_pint(gold_unit) and _is_pint(sys_unit):
        return "pint"
    return None


def _side_matches(gold: float | None, system: float | None, how: str, g_unit: str, s_unit: str) -> bool:
    """One side of a range: an open gold side matches anything."""
    if gold is None:
        return True
    if system is None:
        return False
    if how == "pint":
        converted = _convert(gold, g_unit, s_unit)
        return converted is not None and _close(converted, system)
    return _close(float(gold), float(system))


def value_match(gold: Row, sys_claim: Row) -> bool:
    """Whether a gold claim's value and a system claim's value agree."""
    if not has_gold_value(gold) or sys_claim.get("value_min") is None:
        return False
    low, high, g_unit = _gold_range(gold["value"])
    s_unit = str(sys_claim.get("unit") or "")
    how = _unit_factor(g_unit, s_unit)
    if how is None:
        return False
    s_low = sys_claim["value_min"]
    s_high = sys_claim["value_max"] if sys_claim.get("value_max") is not None else s_low
    return _side_matches(low, s_low, how, g_unit, s_unit) and _side_matches(high, s_high, how, g_unit, s_unit)


def has_gold_value(gold: Row) -> bool:
    """A gold claim states a number."""
    value = gold.get("value")
    return bool(value) and (value.get("low") is not None or value.get("high") is not None)


# ---------------------------------------------------------------- claim matching


def _overlap(sys_claim: Row, gold: Row) -> int:
    """Characters shared by the two raw spans."""
    return min(sys_claim["raw_end"], gold["end"]) - max(sys_claim["raw_start"], gold["start"])


def _fits(gold: Row, sys_claim: Row) -> bool:
    """The gold aspect fits the system frame."""
    return sys_claim["frame"] in FIT.get(gold.get("aspect", ""), set())


def _names_meet(gold: Row, sys_claim: Row) -> bool:
    """The gold description and the system's thing share a word ("soap and water" / "soap")."""
    gold_words = {w.lower().strip(".,") for w in str(gold.get("what", "")).split()}
    return bool(gold_words & set(str(sys_claim.get("object", "")).split()))


def match_page(sys_claims: list[Row], gold: list[Row]) -> list[tuple[Row, Row]]:
    """One-to-one matching of a page's typed system claims and gold claims."""
    candidates = []
    for si, s in enumerate(sys_claims):
        for gi, g in enumerate(gold):
            ov = _overlap(s, g)
            if ov >= 1:
                union = max(s["raw_end"], g["end"]) - min(s["raw_start"], g["start"])
                key = (not _fits(g, s), -ov / union, not _names_meet(g, s), not value_match(g, s),
                       s["raw_start"], si, gi)
                candidates.append(key)
    candidates.sort()
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for *_, si, gi in candidates:
        if si not in used_s and gi not in used_g:
            used_s.add(si)
            used_g.add(gi)
            pairs.append((sys_claims[si], gold[gi]))
    return pairs


def typed_claims(claims: Iterable[Row]) -> dict[str, list[Row]]:
    """Typed system claims grouped by page."""
    by_page: dict[str, list[Row]] = defaultdict(list)
    for c in claims:
        if c.get("is_claim") and c.get("frame"):
            by_page[c["source_id"]].append(c)
    return by_page


def score_claims(
    gold_pages: dict[str, list[Row]], by_page: dict[str, list[Row]]
) -> tuple[Counts, dict[str, Row]]:
    """Claim and value counts, and the gold claim each matched system claim id maps to."""
    counts = Counts()
    matched: dict[str, Row] = {}
    for page in sorted(set(gold_pages) | set(by_page)):
        sys_claims, gold = by_page.get(page, []), gold_pages.get(page, [])
        pairs = match_page(sys_claims, gold)
        counts.values["gold_claims"] += len(gold)
        counts.values["sys_typed"] += len(sys_claims)
        counts.values["claims_matched_sys"] += len(pairs)
        counts.values["claims_matched_gold"] += len(pairs)
        counts.values["gold_values"] += sum(has_gold_value(g) for g in gold)
        counts.values["sys_values"] += sum(s.get("value_min") is not None for s in sys_claims)
        counts.values["value_matched"] += sum(value_match(g, s) for s, g in pairs)
        for s, g in pairs:
            matched[s["claim_id"]] = {**g, "page": page}
        for s, g in _siblings(sys_claims, gold, {s["claim_id"] for s, _ in pairs}):
            matched[s["claim_id"]] = {**g, "page": page}
    return counts, matched


def _siblings(sys_claims: list[Row], gold: list[Row], paired: set[str]) -> list[tuple[Row, Row]]:
    """Unpaired system claims on the span of a gold claim whose aspect they fit.

    The system writes one claim per coordinated item ("no swimming or soaking" gives a
    wait on each); the gold writes one per point. Such a claim counts for the gold
    claim's point when points are scored, never again as a matched claim.
    """
    out = []
    for s in sys_claims:
        if s["claim_id"] in paired:
            continue
        fits = [g for g in gold if _overlap(s, g) >= 1 and _fits(g, s)]
        if fits:
            out.append((s, max(fits, key=lambda g: (_overlap(s, g), -g["start"]))))
    return out


# ---------------------------------------------------------------- points and pairs


def _point_pages(point: Row, matched: dict[str, Row]) -> dict[str, set[str]]:
    """For one system point: page -> the gold point slugs its matched claims belong to."""
    pages: dict[str, set[str]] = defaultdict(set)
    for claim_id in point.get("claim_ids", []):
        gold = matched.get(claim_id)
        if gold and gold.get("point"):
            pages[gold["page"]].add(gold["point"])
    return pages


def _gold_conflicts(gold_points: list[Row]) -> dict[str, set[Pair]]:
    """Gold point slug -> its conflicting page pairs (unordered)."""
    return {p["point"]: {frozenset(pair) for pair in p.get("conflicts", [])} for p in gold_points}


def _recalled_points(points: list[Row], matched: dict[str, Row], gold_points: list[Row]) -> int:
    """Gold points that some non-single system point covers from >= 2 pages."""
    recalled = set()
    for point in points:
        if point.get("status") == "single":
            continue
        pages = _point_pages(point, matched)
        for gp in gold_points:
            if sum(gp["point"] in slugs for slugs in pages.values()) >= 2:
                recalled.add(gp["point"])
    return len(recalled)


def _agree_pairs(
    points: list[Row], matched: dict[str, Row], conflicts: dict[str, set[Pair]]
) -> tuple[int, int]:
    """(all, correct) source pairs of agree/partial system points."""
    total = correct = 0
    for point in points:
        if point.get("status") not in ("agree", "partial"):
            continue
        pages = _point_pages(point, matched)
        for a, b in combinations(sorted(set(point.get("sources", []))), 2):
            total += 1
            common = pages.get(a, set()) & pages.get(b, set())
            correct += any(frozenset((a, b)) not in conflicts.get(slug, set()) for slug in common)
    return total, correct


def _system_conflict_pairs(point: Row) -> set[Pair]:
    """Unordered (conflicting source, source) pairs of one conflict point."""
    sources = set(point.get("sources", []))
    return {frozenset((a, b)) for a in point.get("conflicting_sources", []) for b in sources if a != b}


def _conflict_pairs(
    points: list[Row], matched: dict[str, Row], conflicts: dict[str, set[Pair]]
) -> tuple[int, int, set[tuple[str, Pair]]]:
    """(system pairs, correct ones, gold (point, pair) found)."""
    total = correct = 0
    found: set[tuple[str, Pair]] = set()
    for point in points:
        if point.get("status") != "conflict":
            continue
        pages = _point_pages(point, matched)
        for pair in _system_conflict_pairs(point):
            a, b = sorted(pair)
            hits = [s for s in pages.get(a, set()) & pages.get(b, set()) if pair in conflicts.get(s, set())]
            total += 1
            correct += bool(hits)
            found.update((slug, pair) for slug in hits)
    return total, correct, found


def score_points(points: list[Row], matched: dict[str, Row], gold_points: list[Row]) -> Counts:
    """Point recall, agreement and conflict pair counts, and system point counts by status."""
    counts = Counts()
    conflicts = _gold_conflicts(gold_points)
    v = counts.values
    v["gold_points"] = len(gold_points)
    v["points_recalled"] = _recalled_points(points, matched, gold_points)
    v["agree_pairs"], v["agree_pairs_correct"] = _agree_pairs(points, matched, conflicts)
    v["conflict_pairs"], v["conflict_pairs_correct"], found = _conflict_pairs(points, matched, conflicts)
    v["gold_conflicts"] = sum(len(pairs) for pairs in conflicts.values())
    v["gold_conflicts_found"] = len(found)
    for point in points:
        if len(set(point.get("sources", []))) >= 2:
            v[f"points_{point.get('status', '')}"] += 1
    return counts


# ---------------------------------------------------------------- running the pipeline


def read_jsonl(path: Path) -> list[Row]:
    """Rows of a JSON-lines file (none when it is absent)."""
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def run_pipeline(raw: Path, out: Path) -> str | None:
    """Run every stage on raw into out; the error text when it fails."""
    cmd = [sys.executable, "-m", "pipeline", "all", "--raw", str(raw), "--out", str(out), "-j", "2", "-q"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode:
        return (proc.stderr or proc.stdout).strip()[-2000:] or f"exit status {proc.returncode}"
    return None


def copy_pages(subject: str, raw: Path) -> int:
    """Copy a subject's cached pages into raw as <page_id>.txt."""
    raw.mkdir(parents=True, exist_ok=True)
    pages = devcorpus.recipe(subject)["pages"]
    for page in pages:
        shutil.copyfile(devcorpus.page_path(subject, page["id"]), raw / f"{page['id']}.txt")
    return len(pages)


def score_run(out: Path, gold: dict[str, Any], n_pages: int) -> Counts:
    """Score one pipeline output folder against one gold file."""
    claims = read_jsonl(out / "cleaned" / "claims.jsonl")
    points = read_jsonl(out / "cleaned" / "points.jsonl")
    counts, matched = score_claims(gold.get("pages", {}), typed_claims(claims))
    counts.add(score_points(points, matched, gold.get("points", [])))
    counts.values["pages"] = n_pages
    return counts


def _work_dir(keep: Path | None, name: str, tmp: Path) -> Path:
    """Where one subject's raw copy and outputs go."""
    base = keep if keep is not None else tmp
    folder = base / name.replace(" ", "_").replace("(", "").replace(")", "").replace("/", "")
    if folder.exists():
        shutil.rmtree(folder)
    return folder


def eval_subject(subject: str, keep: Path | None, tmp: Path) -> Counts | str:
    """Counts for one devcorpus subject, or the reason it was not scored."""
    missing = devcorpus.missing_pages(subject)
    if missing:
        return f"skipped: {len(missing)} pages not cached (see scripts/devcorpus.py)"
    gold_path = devcorpus.RECIPES / subject / "gold.json"
    if not gold_path.exists():
        return "skipped: no gold.json yet (a subject being annotated)"
    work = _work_dir(keep, subject, tmp)
    n_pages = copy_pages(subject, work / "raw")
    error = run_pipeline(work / "raw", work / "out")
    if error:
        return f"failed: pipeline error: {error}"
    gold = json.loads(gold_path.read_text("utf-8"))
    return score_run(work / "out", gold, n_pages)


def eval_seeds(keep: Path | None, tmp: Path) -> Counts | str:
    """Counts for the seed pages in raw/, or the reason they were not scored."""
    if not SEEDS_GOLD.is_file():
        return f"skipped: no gold file {SEEDS_GOLD.relative_to(ROOT)}"
    raw = ROOT / "raw"
    n_pages = sum(1 for p in raw.iterdir() if p.is_file() and not p.name.startswith("."))
    work = _work_dir(keep, "seeds", tmp)
    error = run_pipeline(raw, work / "out")
    if error:
        return f"failed: pipeline error: {error}"
    gold = json.loads(SEEDS_GOLD.read_text("utf-8"))
    return score_run(work / "out", gold, n_pages)


# ---------------------------------------------------------------- report


COLUMNS = [
    ("pages", "pages"),
    ("gold", "gold_claims"),
    ("typed", "sys_typed"),
    ("clm_P", "claim_precision"),
    ("clm_R", "claim_recall"),
    ("clm_F1", "claim_f1"),
    ("val_P", "value_precision"),
    ("val_R", "value_recall"),
    ("pts_R", "point_recall"),
    ("agr_P", "agree_precision"),
    ("agr_n", "agree_pairs"),
    ("cfl_P", "conflict_precision"),
    ("cfl_R", "conflict_recall"),
    ("cfl_n", "conflict_pairs"),
    ("p_agree", "points_agree"),
    ("p_part", "points_partial"),
    ("p_confl", "points_conflict"),
]


def _cell(value: float | int | None) -> str:
    """A number as printed: ratios with 3 decimals, counts as integers, "-" for none."""
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def table_row(name: str, role: str, counts: Counts) -> list[str]:
    """One printed row."""
    metrics = counts.metrics()
    cells = [metrics[key] if key in metrics else counts.values[key] for _, key in COLUMNS]
    return [name, role, *(_cell(c) for c in cells)]


def print_table(rows: list[list[str]]) -> None:
    """A plain aligned table."""
    header = ["subject", "role", *(h for h, _ in COLUMNS)]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for i, row in enumerate([header, *rows]):
        print(
            "  ".join(
                c.ljust(w) if j < 2 else c.rjust(w) for j, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if i == 0:
            print("  ".join("-" * w for w in widths))


def pooled(results: dict[str, tuple[str, Counts | str]]) -> dict[str, Counts]:
    """Summary counts: tune subjects, held-out subjects, all scored."""
    pools = {"tune subjects (pooled)": Counts(), "held-out subjects (pooled)": Counts(), "all": Counts()}
    for role, counts in results.values():
        if not isinstance(counts, Counts):
            continue
        if role == "tune":
            pools["tune subjects (pooled)"].add(counts)
        elif role == "held_out":
            pools["held-out subjects (pooled)"].add(counts)
        pools["all"].add(counts)
    return pools


def report(results: dict[str, tuple[str, Counts | str]], json_out: Path | None) -> int:
    """Print the table (and write the JSON); the number of subjects scored."""
    rows = [table_row(n, r, c) for n, (r, c) in results.items() if isinstance(c, Counts)]
    pools = pooled(results)
    rows += [table_row(n, "", c) for n, c in pools.items()]
    print_table(rows)
    for name, (role, outcome) in results.items():
        if isinstance(outcome, str):
            print(f"{name} ({role}): {outcome}")
    if json_out is not None:
        data = {
            "subjects": {
                n: {"role": r, **(c.as_json() if isinstance(c, Counts) else {"skipped": c})}
                for n, (r, c) in results.items()
            },
            "summary": {n: c.as_json() for n, c in pools.items()},
        }
        json_out.write_text(json.dumps(data, sort_keys=True, indent=2) + "\n", "utf-8")
    return sum(isinstance(c, Counts) for _, c in results.values())


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--subject", nargs="+", default=None, help="devcorpus subject folders (default: all)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    parser.add_argument("--keep", type=Path, default=None, help="keep per-subject pipeline outputs here")
    parser.add_argument(
        "--seeds", action="store_true", help="also score raw/ (the default without --subject)"
    )
    args = parser.parse_args(argv)
    chosen = args.subject or devcorpus.subjects()
    unknown = sorted(set(chosen) - set(devcorpus.subjects()))
    if unknown:
        parser.error(f"unknown subject(s): {' '.join(unknown)}")
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
    results: dict[str, tuple[str, Counts | str]] = {}
    with tempfile.TemporaryDirectory(prefix="eval_devcorpus_") as tmp:
        for subject in chosen:
            print(f"... {subject}", file=sys.stderr, flush=True)
            results[subject] = (
                devcorpus.recipe(subject).get("role", "?"),
                eval_subject(subject, args.keep, Path(tmp)),
            )
        if args.subject is None or args.seeds:
            print(f"... {SEEDS_NAME}", file=sys.stderr, flush=True)
            results[SEEDS_NAME] = (SEEDS_ROLE, eval_seeds(args.keep, Path(tmp)))
    if report(results, args.json) == 0:
        print(
            "\n*** NOTHING WAS SCORED: no subject has all its pages cached"
            " (run `python scripts/devcorpus.py verify`). ***",
            file=sys.stderr,
        )
    return 1 if any(isinstance(c, str) and c.startswith("failed") for _, c in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
