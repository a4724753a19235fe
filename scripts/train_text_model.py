"""Train the line classifier of ``pipeline.extract.text`` and report held-out scores.

Line labels come from aligning each rendering line with the page's gold text: a
line is main content when most of its word trigrams occur in the gold (lines under
three words: when the gold has a line with the same words). A later copy of
content the page already printed is left out of training. All three renderings
are mixed so the model does not learn one renderer's layout. Scores are
cross-validated with folds grouped by host within each set, so no site is in both
training and test. Given two or more sets (``--bench`` repeated), each set is also
scored by a model trained on the other sets only (leave one set out): the sets
come from other sources and annotators, so this is the figure that says how the
model does on pages unlike its training pages. The shipped model is then fit on
every page of every set.

scikit-learn is needed here only; the package scores the exported trees with numpy.

    python scripts/train_text_model.py --bench ../shared/bench/extraction \
        --bench ../shared/bench/extraction-more --out pipeline/extract/data/text_model.json
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlparse

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.extract.line_model import (
    PageLines,
    TextModel,
    feature_matrix,
    feature_names,
    model_from_json,
    scan_lines,
    stage2_columns,
    stage2_names,
)
from pipeline.extract.stage import body_text
from pipeline.extract.text import build_extraction
from pipeline.extract.text_lines import LineTable, line_table
from pipeline.extract.text_rules import WORD_RE

LOGGER = logging.getLogger(__name__)

RENDERINGS = ("w3m", "inscriptis", "chromium")
#: Share of a line's trigrams that must occur in the gold for a "content" label.
LABEL_MIN_TRIGRAM_SHARE = 0.5
#: Share of a content line's trigrams already used up by the lines above it that
#: makes it a later copy (see label_weights).
COPY_MIN_USED_SHARE = 0.5
SEED = 13
#: Tree settings of both stages, calibrated together on the grouped CV.
HYPERPARAMETERS: dict[str, Any] = {
    "learning_rate": 0.2, "max_leaf_nodes": 16, "max_depth": 6,
    "min_samples_leaf": 30, "l2_regularization": 1.0, "early_stopping": False,
    "random_state": SEED,
}
#: Boosting rounds (trees) of stage 1 and stage 2. Scoring walks every tree for
#: every line, so the rounds set the extractor's speed. On the grouped CV, 80 + 80
#: rounds at a learning rate of 0.2 beat 150 + 150 at 0.12 (0.913 / 0.920 / 0.920
#: against 0.907 / 0.914 / 0.916); 60 + 60 at 0.25 or 60 + 100 at 0.2 scored lower.
ROUNDS = (80, 80)
FOLDS = 5
#: Seeds of the shuffled host-to-fold assignments of ``--repeats``.
REPEAT_SEEDS = (101, 202, 303, 404, 505, 606, 707, 808, 909, 1010)


@dataclass
class Page:
    """One rendering of one benchmark page with its lines, features and labels."""

    page_id: str
    rendering: str
    host: str
    dataset: str
    gold: str
    lines: LineTable
    scan: PageLines
    features: np.ndarray
    labels: np.ndarray
    weights: np.ndarray


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in WORD_RE.findall(text)]


def _trigrams(tokens: list[str]) -> list[tuple[str, str, str]]:
    """Consecutive word triples, the unit lines are matched with the gold by."""
    return list(zip(tokens, tokens[1:], tokens[2:], strict=False))


def label_lines(lines: LineTable, gold: str) -> np.ndarray:
    """1 for lines whose words come from the gold text, else 0."""
    trigrams = set(_trigrams(_tokens(gold)))
    gold_lines = {tuple(_tokens(line)) for line in gold.splitlines()}
    labels = np.zeros(len(lines))
    for i, text in enumerate(lines.texts):
        toks = _tokens(text)
        if len(toks) >= 3:
            grams = _trigrams(toks)
            share = sum(g in trigrams for g in grams) / len(grams)
            labels[i] = float(share >= LABEL_MIN_TRIGRAM_SHARE)
        elif toks:
            labels[i] = float(tuple(toks) in gold_lines)
    return labels


def label_weights(lines: LineTable, gold: str, labels: np.ndarray) -> np.ndarray:
    """Training weight of each line: 0 for content lines that repeat earlier content.

    When the page prints a paragraph twice (an article again in a hidden block, a
    caption again under its image) both copies match the gold, yet the gold holds
    it once and the extractor keeps only the first kept copy. Going down the page,
    each content line uses up its trigrams' gold counts; a line most of whose
    trigrams are used up is a later copy and is not learnt from.
    """
    left = Counter(_trigrams(_tokens(gold)))
    weights = np.ones(len(labels))
    for i, text in enumerate(lines.texts):
        grams = _trigrams(_tokens(text))
        if not (labels[i] and grams):
            continue
        used_up = sum(left[g] <= 0 for g in grams) / len(grams)
        left.subtract(grams)
        weights[i] = float(used_up <= COPY_MIN_USED_SHARE)
    return weights


def page_hosts(bench: Path) -> dict[str, str]:
    """Page id -> the host folds are grouped by, from the set's ``manifest.tsv``.

    A page without a URL (some test fixtures) is grouped by its source name less a
    trailing number, so ``webmd-1`` and ``webmd-2`` stay together.
    """
    hosts: dict[str, str] = {}
    for row in (bench / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = row.split("\t")
        host = urlparse(cols[2]).netloc.removeprefix("www.") if len(cols) > 2 else ""
        hosts[cols[0]] = host or re.sub(r"-\d+$", "", cols[1] if len(cols) > 1 else cols[0])
    return hosts


def load_pages(bench: Path) -> list[Page]:
    """Read every rendering of every page with gold, featurize and label it."""
    hosts = page_hosts(bench)
    pages = []
    for gold_path in sorted((bench / "gold").glob("*.txt")):
        gold = gold_path.read_text(encoding="utf-8")
        for rendering in RENDERINGS:
            text = (bench / "render" / rendering / gold_path.name).read_text(encoding="utf-8")
            lines = line_table(text)
            scan = scan_lines(lines.texts)
            labels = label_lines(lines, gold)
            pages.append(Page(gold_path.stem, rendering, hosts[gold_path.stem], bench.name, gold,
                              lines, scan,
                              feature_matrix(lines, scan), labels,
                              label_weights(lines, gold, labels)))
    return pages


def load_sets(benches: Sequence[Path]) -> list[Page]:
    """The pages of several sets, each tagged with its set's folder name."""
    names = [bench.name for bench in benches]
    if len(set(names)) != len(names):
        raise SystemExit(f"two sets share a folder name: {names}")
    return [page for bench in benches for page in load_pages(bench)]


def _fit(features: Sequence[np.ndarray], labels: Sequence[np.ndarray],
         weights: Sequence[np.ndarray], *, stage: int) -> Any:
    model = HistGradientBoostingClassifier(max_iter=ROUNDS[stage - 1], **HYPERPARAMETERS)
    model.fit(np.vstack(features), np.concatenate(labels), sample_weight=np.concatenate(weights))
    return model


def fit_stage2(pages: Sequence[Page], first: Sequence[np.ndarray]) -> Any:
    """Stage 2 on line features plus out-of-fold stage-1 verdicts.

    Stage 2 is trained on out-of-fold stage-1 probabilities so it learns how much
    to trust stage 1 on unseen pages, not on pages stage 1 has memorised.
    """
    return _fit([stage2_columns(q, p.features, p.scan) for p, q in zip(pages, first, strict=True)],
                [p.labels for p in pages], [p.weights for p in pages], stage=2)


def predict(models: tuple[Any, Any], page: Page) -> np.ndarray:
    """Two-stage probabilities for one page with sklearn models."""
    first = models[0].predict_proba(page.features)[:, 1]
    return np.asarray(models[1].predict_proba(stage2_columns(first, page.features, page.scan))[:, 1])


def _load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_extract", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_output(page: Page, probabilities: np.ndarray) -> str:
    """The article body the pipeline would write for this page (the gold has no title)."""
    return body_text(build_extraction(page.lines, probabilities, page=page.scan))


def score(pages: Sequence[Page], probs: Sequence[np.ndarray], scorer: ModuleType) -> dict[str, float]:
    """Mean per-page F1 for each rendering, computed with the benchmark's scorer."""
    out = {}
    for rendering in RENDERINGS:
        gold = {p.page_id: p.gold for p in pages if p.rendering == rendering}
        pred = {p.page_id: page_output(p, pr) for p, pr in zip(pages, probs, strict=True)
                if p.rendering == rendering}
        summary, _ = scorer.evaluate_texts(gold, pred)
        out[rendering] = round(summary["f1"], 4)
    return out


Folds = list[tuple[np.ndarray, np.ndarray]]


def host_folds(pages: Sequence[Page], seed: int | None = None) -> Folds:
    """Train/test folds that never put one host on both sides.

    Without a seed, scikit-learn's GroupKFold. With one, the hosts are shuffled and
    dealt, largest first, to the folds holding the fewest pages: one split of 159
    pages is a noisy estimate, so ``--repeats`` averages several of these.
    """
    if seed is None:
        return list(GroupKFold(n_splits=FOLDS).split(pages, groups=[p.host for p in pages]))
    sizes = Counter(page.host for page in pages)
    hosts = sorted(sizes)
    rng = np.random.RandomState(seed)
    rng.shuffle(hosts)
    hosts.sort(key=lambda host: -sizes[host])
    load = [0] * FOLDS
    fold_of: dict[str, int] = {}
    for host in hosts:
        lightest = [k for k in range(FOLDS) if load[k] == min(load)]
        fold_of[host] = lightest[rng.randint(len(lightest))]
        load[fold_of[host]] += sizes[host]
    fold = np.array([fold_of[page.host] for page in pages])
    return [(np.flatnonzero(fold != k), np.flatnonzero(fold == k)) for k in range(FOLDS)]


def oof_stage1(pages: Sequence[Page], folds: Folds) -> list[np.ndarray]:
    """Out-of-fold stage-1 probabilities with host-grouped folds."""
    oof: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for train, test in folds:
        model = _fit([pages[i].features for i in train], [pages[i].labels for i in train],
                     [pages[i].weights for i in train], stage=1)
        for i in test:
            oof[i] = model.predict_proba(pages[i].features)[:, 1]
    return oof


def cross_validate(pages: Sequence[Page], first: Sequence[np.ndarray],
                   folds: Folds) -> list[np.ndarray]:
    """Out-of-fold two-stage probabilities on the folds ``first`` was computed on.

    A test page's stage-1 input comes from the stage-1 model of its own fold, which
    never saw its host. The stage-2 model of a fold is trained on the other pages'
    out-of-fold stage-1 verdicts; those came from models that did see the test
    hosts, a second-order leak accepted to keep training to 12 fits (a fully
    nested run costs about three times as much).
    """
    oof: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for fold, (train, test) in enumerate(folds):
        stage2 = fit_stage2([pages[i] for i in train], [first[i] for i in train])
        for i in test:
            columns = stage2_columns(first[i], pages[i].features, pages[i].scan)
            oof[i] = stage2.predict_proba(columns)[:, 1]
        LOGGER.info("fold %d done", fold)
    return oof


def repeated_cv(pages: Sequence[Page], repeats: int, scorer: ModuleType) -> dict[str, Any]:
    """Mean and lowest held-out F1 over ``repeats`` seeded host-to-fold assignments."""
    runs = []
    for seed in REPEAT_SEEDS[:repeats]:
        folds = host_folds(pages, seed)
        runs.append(score(pages, cross_validate(pages, oof_stage1(pages, folds), folds), scorer))
        LOGGER.info("seed %d: %s", seed, runs[-1])
    return {"mean": {r: round(float(np.mean([run[r] for run in runs])), 4) for r in RENDERINGS},
            "lowest": {r: min(run[r] for run in runs) for r in RENDERINGS}, "runs": len(runs)}


def by_set(pages: Sequence[Page]) -> dict[str, list[int]]:
    """Set name -> indices of its pages, in the order the sets were loaded."""
    out: dict[str, list[int]] = {}
    for i, page in enumerate(pages):
        out.setdefault(page.dataset, []).append(i)
    return out


def score_sets(pages: Sequence[Page], probs: Sequence[np.ndarray],
               scorer: ModuleType) -> dict[str, dict[str, float]]:
    """:func:`score` of each set on its own: set name -> rendering -> mean F1."""
    return {name: score([pages[i] for i in index], [probs[i] for i in index], scorer)
            for name, index in by_set(pages).items()}


def fit_models(pages: Sequence[Page]) -> tuple[Any, Any]:
    """Both stages fit on ``pages``: stage 2 on host-grouped out-of-fold stage-1 verdicts."""
    first = oof_stage1(pages, host_folds(pages))
    return (_fit([p.features for p in pages], [p.labels for p in pages],
                 [p.weights for p in pages], stage=1),
            fit_stage2(pages, first))


def fit_text_model(pages: Sequence[Page]) -> TextModel:
    """The model the pipeline would ship if trained on ``pages`` (exported, scored with numpy)."""
    return model_from_json(export(fit_models(pages)))


def cross_validate_sets(pages: Sequence[Page]) -> list[np.ndarray]:
    """Out-of-fold probabilities of every page, with host-grouped folds within its own set."""
    oof: list[np.ndarray] = [np.zeros(0)] * len(pages)
    for name, index in by_set(pages).items():
        subset = [pages[i] for i in index]
        folds = host_folds(subset)
        for i, probs in zip(index, cross_validate(subset, oof_stage1(subset, folds), folds),
                            strict=True):
            oof[i] = probs
        LOGGER.info("cross-validated %s", name)
    return oof


def leave_one_set_out(pages: Sequence[Page],
                      targets: Collection[str] | None = None) -> list[np.ndarray]:
    """Probabilities of the pages of each set from a model trained on the other sets only.

    ``targets`` names the sets to score (default: all); the pages of the others keep
    an empty array.
    """
    out: list[np.ndarray] = [np.zeros(0)] * len(pages)
    groups = by_set(pages)
    if len(groups) < 2:
        raise ValueError("leave-one-set-out needs at least two sets")
    for name, index in groups.items():
        if targets is not None and name not in targets:
            continue
        model = fit_text_model([p for p in pages if p.dataset != name])
        for i in index:
            out[i] = model.probability(pages[i].features, pages[i].scan)
        LOGGER.info("scored %s with the model of the other sets", name)
    return out


def export_ensemble(model: Any, names: list[str]) -> dict[str, Any]:
    """Flatten fitted trees into the arrays :class:`TreeEnsemble` walks.

    Nodes are renumbered so each right child directly follows its left sibling.
    """
    feature: list[int] = []
    threshold: list[float | None] = []
    left: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    depth = 0
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        roots.append(len(feature))
        order = [0]
        new_id = {0: len(feature)}
        k = 0
        while k < len(order):
            old = order[k]
            if not nodes[old]["is_leaf"]:
                for child in (int(nodes[old]["left"]), int(nodes[old]["right"])):
                    new_id[child] = len(feature) + len(order)
                    order.append(child)
            k += 1
        for old in order:
            node = nodes[old]
            if node["is_leaf"]:
                feature.append(0)
                threshold.append(None)
                left.append(new_id[old])
                value.append(float(node["value"]))
            else:
                feature.append(int(node["feature_idx"]))
                threshold.append(float(node["num_threshold"]))
                left.append(new_id[int(node["left"])])
                value.append(0.0)
            depth = max(depth, int(node["depth"]))
    return {"features": names, "feature": feature, "threshold": threshold, "left": left,
            "value": value, "roots": roots, "depth": depth,
            "baseline": float(np.ravel(model._baseline_prediction)[0])}


def export(models: tuple[Any, Any]) -> dict[str, Any]:
    """Both stages plus the settings that produced them."""
    return {"stage1": export_ensemble(models[0], feature_names()),
            "stage2": export_ensemble(models[1], stage2_names()),
            "hyperparameters": HYPERPARAMETERS, "rounds": ROUNDS,
            "label_min_trigram_share": LABEL_MIN_TRIGRAM_SHARE}


def main(argv: list[str] | None = None) -> int:
    """Cross-validate, score each set by the others, fit on all pages, export and report."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, action="append", required=True,
                        help="benchmark set folder; repeat it to train on several sets and score "
                             "each by a model trained on the others")
    parser.add_argument("--scorer", type=Path, default=None,
                        help="eval_extract.py (default: next to the first set folder)")
    parser.add_argument("--out", type=Path, default=None,
                        help="model JSON to write, fit on every page of every set")
    parser.add_argument("--save-oof", type=Path, default=None,
                        help="write out-of-fold probabilities (.npz) for tuning the rules")
    parser.add_argument("--no-cv", action="store_true",
                        help="skip the two-stage cross-validation within each set")
    parser.add_argument("--no-loso", action="store_true",
                        help="skip scoring each set with a model trained on the other sets")
    parser.add_argument("--repeats", type=int, default=0, choices=range(len(REPEAT_SEEDS) + 1),
                        help="also average the CV over this many shuffled host-to-fold assignments")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    scorer = _load_scorer(args.scorer or args.bench[0].parent / "eval_extract.py")
    t0 = time.perf_counter()
    pages = load_sets(args.bench)
    LOGGER.info("%d page renderings, %d lines, %.0f s", len(pages),
                sum(len(p.lines) for p in pages), time.perf_counter() - t0)
    report: dict[str, Any] = {}
    if len(args.bench) > 1 and not args.no_loso:
        report["trained_on_other_sets"] = score_sets(pages, leave_one_set_out(pages), scorer)
    if not args.no_cv:
        oof = cross_validate_sets(pages)
        report["cv_grouped_by_host"] = score_sets(pages, oof, scorer)
        if args.save_oof:
            np.savez_compressed(args.save_oof,
                                keys=np.array([f"{p.dataset}/{p.rendering}/{p.page_id}"
                                               for p in pages]),
                                lengths=np.array([len(q) for q in oof]),
                                probabilities=np.concatenate(oof))
    if args.repeats:
        report["cv_repeated"] = {name: repeated_cv([pages[i] for i in index], args.repeats, scorer)
                                 for name, index in by_set(pages).items()}
    if args.out:
        models = fit_models(pages)
        data = export(models)
        data["trained_on"] = sorted({p.dataset for p in pages})
        shipped = model_from_json(data)
        report["full_fit"] = score_sets(
            pages, [shipped.probability(p.features, p.scan) for p in pages], scorer)
        check = max(float(np.abs(shipped.probability(p.features, p.scan) - predict(models, p)).max())
                    for p in pages[:20])
        LOGGER.info("exported model matches sklearn within %.2e", check)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        # write beside the target, then replace in one move: the pipeline may be
        # loading the shipped model while this runs
        partial = args.out.with_name(args.out.name + ".partial")
        partial.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        os.replace(partial, args.out)
    print(json.dumps(report, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
