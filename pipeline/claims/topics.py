"""Topics: an optional, analyst-editable TOML file, matched on lemmas; derived from frames otherwise.

File shape (see ``topics/example-skincare.toml``)::

    [topics."session interval"]
    keywords = ["apart", "every"]       # phrases, matched on lemmas ("sessions" finds "session")
    frames = ["interval"]               # optional: claims with this frame score higher

A claim gets the topic with the highest score (a frame hit counts ``FRAME_WEIGHT``,
each distinct keyword phrase found counts 1; ties go to the topic listed first). With no
file, or no hit, the topic is derived from the frame and its object ("advice: sunscreen").
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.claims.language import build_nlp
from pipeline.errors import ConfigError

LOGGER = logging.getLogger(__name__)

#: A frame hit alone places a claim that names no keyword ("Avoid irritating products for
#: several days" -> aftercare) and breaks ties, but one keyword outweighs it: a topic's words
#: are more specific than its frames ("use sunscreen" is sun protection before it is advice).
FRAME_WEIGHT = 0.5

#: Frames whose derived topic is the frame alone when no object is named.
VALUE_FRAMES = frozenset({"interval", "duration", "wait", "count", "quantity", "date"})


@dataclass(frozen=True, slots=True)
class Topic:
    """One analyst topic: its keyword phrases (lemmas), compiled once, and frames that suggest it."""

    name: str
    keywords: tuple[str, ...]
    frames: frozenset[str]
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class TopicSet:
    """The topics of one file, in file order (earlier wins ties)."""

    topics: tuple[Topic, ...] = ()


def _topic(name: str, table: object, path: Path) -> Topic:
    """Validate one ``[topics.NAME]`` table."""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: topic {name!r} must be a table")
    keywords, frames = table.get("keywords", []), table.get("frames", [])
    unknown = set(table) - {"keywords", "frames", "description"}
    if unknown or not isinstance(keywords, list) or not isinstance(frames, list):
        raise ConfigError(
            f"{path}: topic {name!r} needs lists 'keywords'/'frames' (unknown keys: {sorted(unknown)})"
        )
    phrases = tuple(p for p in dict.fromkeys(" ".join(lemma_words(str(k))) for k in keywords) if p)
    # Longest phrase first so "side effect" wins over "effect"; "(?!)" never matches (no keywords).
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) or "(?!)"
    pattern = re.compile(rf"(?<!\S)(?:{alternation})(?!\S)")
    return Topic(name, phrases, frozenset(str(f) for f in frames), pattern)


def load_topics(path: Path | None) -> TopicSet:
    """Read a topic file; ``None`` gives an empty set (topics derived from frames).

    Raises:
        ConfigError: unreadable TOML or a malformed topic table.
    """
    if path is None:
        return TopicSet()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read topic file ({exc})") from exc
    tables = data.get("topics", {})
    if not isinstance(tables, dict):
        raise ConfigError(f"{path}: [topics] must be a table of topics")
    topics = tuple(_topic(name, table, path) for name, table in tables.items())
    LOGGER.info("%s: %d topics", path, len(topics))
    return TopicSet(topics)


def lemma_words(text: str) -> list[str]:
    """The lowercase lemmas of the words of ``text``, as the trained pipeline reads them."""
    return [t.lemma_.lower() for t in build_nlp()(text) if t.is_alpha or t.like_num]


def derived_topic(*, frame: str, obj: str, kind: str) -> str:
    """Topic from the claim's own arguments: "advice: sunscreen", "interval", else its kind."""
    if not frame:
        return kind
    return f"{frame}: {obj}" if obj else frame


def match_topic(topics: TopicSet, *, lemmas: list[str], frame: str, obj: str, kind: str) -> str:
    """The best-scoring analyst topic for a claim (its text's lemmas), or the derived topic."""
    if not topics.topics:
        return derived_topic(frame=frame, obj=obj, kind=kind)
    words = " ".join([*lemmas, obj])
    best, best_score = "", 0.0
    for topic in topics.topics:
        hits = len({match.group() for match in topic.pattern.finditer(words)})
        score = hits + (FRAME_WEIGHT if frame and frame in topic.frames else 0.0)
        if score > best_score:
            best, best_score = topic.name, score
    return best or derived_topic(frame=frame, obj=obj, kind=kind)
