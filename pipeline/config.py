"""Paths and tunables: defaults here, an optional TOML file over them, CLI flags over that."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError

PROJ_ROOT = Path(__file__).resolve().parents[1]
RAW_DIR = PROJ_ROOT / "raw"
CLEANED_DIR = PROJ_ROOT / "cleaned"
REPORTS_DIR = PROJ_ROOT / "reports"

#: File suffixes read from a raw folder; the form is still detected from content.
RAW_SUFFIXES = (".html", ".htm", ".txt", ".xhtml", ".text", ".md")


@dataclass(frozen=True, slots=True)
class Settings:
    """Run settings; every field is recorded in the dataset's package descriptor."""

    #: Pages above this size are refused with a clear error, which bounds time and memory:
    #: a 5 MB rendering takes about 17 s and 515 MB, a 20 MB one 34 s and 1.6 GB per worker
    #: (scripts/bench_scale.py); the largest benchmark page is 1.5 MB.
    max_page_bytes: int = 5_000_000
    #: Pages whose detected language differs are processed but flagged (README: "Languages").
    language: str = "en"
    #: Optional analyst-editable topic file (TOML); empty means derive topics from frames.
    topics_file: str = ""
    #: Worker processes for per-page stages; 0 means one per core.
    jobs: int = 0
    #: "local" (process pool) or "dask" (a Dask distributed cluster).
    engine: str = "local"
    #: Dask scheduler address; empty starts a LocalCluster.
    scheduler: str = ""
    #: Read raw entries that are links to files outside the raw folder (refused by default).
    follow_links: bool = False

    def to_json(self) -> dict[str, Any]:
        """Return the settings as a plain dict."""
        return dataclasses.asdict(self)

    def digest(self) -> str:
        """Short hash of the effective settings, written beside the outputs."""
        blob = json.dumps(self.to_json(), sort_keys=True).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()[:12]


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Layer a TOML file (``[pipeline]`` table or top level) and overrides over defaults.

    Raises:
        ConfigError: unreadable file, unknown key or wrong type.
    """
    values: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config ({exc})") from exc
        values.update(data.get("pipeline", data))
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name: f for f in dataclasses.fields(Settings)}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(f"unknown setting {key!r}; known: {', '.join(sorted(known))}")
        expected = type(getattr(Settings(), key))
        if not isinstance(value, expected):
            raise ConfigError(f"setting {key!r} must be {expected.__name__}, got {value!r}")
    return Settings(**values)
