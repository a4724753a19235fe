"""The reference extractors of the extraction benchmark, as its baselines call them.

Used twice by ``scripts/bench_extract.py``: in process for the F1 columns, and as a process
of its own for the whole-process time (``python scripts/reference_tools.py TOOL FORM SRC
DST``). Only the standard library is imported at the top, and each tool when it is asked
for, so the timed process pays for its one tool and nothing of the pipeline.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from html import escape
from pathlib import Path


def lines_as_html(page: str) -> str:
    """Wrap a rendering as minimal HTML, one <p> per line (the benchmark's baseline protocol)."""
    paragraphs = "\n".join(f"<p>{escape(line.strip(), quote=False)}</p>"
                           for line in page.splitlines() if line.strip())
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title></title></head><body>\n'
            f"{paragraphs}\n</body></html>\n")


def trafilatura_system(form: str) -> Callable[[str], str]:
    """trafilatura as the reference, called as the benchmark's baselines call it."""
    import trafilatura

    def run(page: str) -> str:
        doc = page if form == "html" else lines_as_html(page)
        return trafilatura.extract(doc, include_comments=False, deduplicate=False) or ""

    return run


def justext_system(form: str) -> Callable[[str], str] | None:
    """jusText with the English stop list and default parameters (None when not installed)."""
    try:
        import justext
    except ImportError:
        return None
    stoplist = justext.get_stoplist("English")

    def run(page: str) -> str:
        doc = page if form == "html" else lines_as_html(page)
        return "\n".join(p.text for p in justext.justext(doc, stoplist) if not p.is_boilerplate)

    return run


def extract_folder(tool: str, form: str, src: Path, dst: Path) -> None:
    """Extract every page of ``src`` with ``tool`` ("trafilatura" or "justext"), writing ``dst/<id>.txt``."""
    system = trafilatura_system(form) if tool == "trafilatura" else justext_system(form)
    if system is None:
        raise SystemExit(f"{tool} is not installed")
    for path in sorted(src.iterdir()):
        (dst / f"{path.stem}.txt").write_text(system(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    tool_name, input_form, source, target = sys.argv[1:5]
    extract_folder(tool_name, input_form, Path(source), Path(target))
