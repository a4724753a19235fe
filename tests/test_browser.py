"""Render report.html in headless Chromium: it must show the findings, load nothing and log no errors."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.dataset.export import load_dataset
from pipeline.dataset.report import run_report

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent / "fixtures" / "dataset"
CHROMIUM = Path("/usr/bin/chromium")
#: Flags that keep Chromium from phoning home, so any request seen comes from the page.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Build the report from the fixture dataset and load it in Chromium once."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(FIXTURE, root / "dataset")
    cleaned, reports = root / "dataset" / "cleaned", root / "reports"
    run_report(cleaned, reports, raw_dir=root / "dataset" / "raw")
    console: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
            page.on("pageerror", lambda exc: console.append(f"pageerror: {exc}"))
            page.on("request", lambda req: requests.append(req.url))
            page.goto((reports / "report.html").as_uri())
            page.wait_for_load_state("load")
            result = {
                "matrix_rows": page.locator("table.matrix tbody tr").count(),
                "matrix_headers": page.locator("table.matrix thead th").all_inner_texts(),
                "conflicts": page.locator("#conflict ~ .point").first.inner_text(),
                "source_rows": page.locator("table.sources tbody tr").all_inner_texts(),
                "chart_width": page.evaluate("document.querySelector('img.chart').naturalWidth"),
                "script_tags": page.locator("script").count(),
                "audit_link": page.locator("a[href^='#q-']").first.get_attribute("href"),
            }
            target = str(result["audit_link"])[1:]
            result["anchor_exists"] = page.locator(f"[id='{target}']").count()
            page.locator("a[href^='#q-']").first.click()
            result["targeted"] = page.evaluate(
                "() => { const m = document.querySelector('span:target + span mark');"
                " return m ? [getComputedStyle(m).outlineStyle, m.textContent] : null; }")
            shot = root / "report.png"
            page.screenshot(path=str(shot), full_page=True)
            result["screenshot"] = shot
        finally:
            browser.close()
    result.update(console=console, requests=requests, dataset=load_dataset(cleaned), root=root)
    return result


def test_matrix_has_a_row_per_point_and_a_column_per_usable_source(rendered: dict[str, Any]) -> None:
    points = rendered["dataset"].points
    assert rendered["matrix_rows"] == len(points)
    usable = {s["source_id"] for s in rendered["dataset"].sources if s["status"] == "ok"}
    assert usable <= set(rendered["matrix_headers"])


def test_conflict_shows_both_quotes(rendered: dict[str, Any]) -> None:
    conflict = next(p for p in rendered["dataset"].points if p["status"] == "conflict")
    for evidence in conflict["evidence"]:
        assert evidence["quote"] in rendered["conflicts"]


def test_every_source_is_listed(rendered: dict[str, Any]) -> None:
    text = "\n".join(rendered["source_rows"])
    for source in rendered["dataset"].sources:
        assert source["source_id"] in text
        assert source["status"] in text


def test_no_console_errors_no_network_no_script(rendered: dict[str, Any]) -> None:
    assert rendered["console"] == []
    assert [url for url in rendered["requests"] if not url.startswith(("file:", "data:"))] == []
    assert rendered["script_tags"] == 0
    assert rendered["chart_width"] > 0


def test_quote_links_land_on_the_highlighted_quote(rendered: dict[str, Any]) -> None:
    assert rendered["anchor_exists"] == 1
    style, text = rendered["targeted"]
    assert style == "solid"
    claim_id = str(rendered["audit_link"]).removeprefix("#q-")
    quote = next(c["quote"] for c in rendered["dataset"].claims if c["claim_id"] == claim_id)
    assert quote.startswith(text)


def test_screenshot_written(rendered: dict[str, Any]) -> None:
    shot: Path = rendered["screenshot"]
    assert shot.read_bytes().startswith(b"\x89PNG")
