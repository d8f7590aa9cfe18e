"""The HTML report in a real browser (headless Chromium): highlights match the records, a speaker filters them.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them); without them the tests
skip on a developer's machine and fail in CI.
"""

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from attrib.cli.app import app

from .conftest import SEED
from .invented import write_folder

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
]
pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and DRIVER.exists()) and not os.environ.get("CI"),
    reason="headless Chromium is not installed (apt-get install chromium chromium-driver)",
)
# per article, the number of attributions with a highlighted content (pieces of one share its number)
HIGHLIGHTED = """return [...document.querySelectorAll('article')].map(
    a => new Set([...a.querySelectorAll('mark.q' + arguments[0])].map(m => m.dataset.a)).size)"""
runner = CliRunner()


def run(*args):
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    yield driver
    driver.quit()


def records_per_article(*paths):
    found = [json.loads(line) for line in run("extract", *paths, "--format", "articles").stdout.splitlines() if line]
    return [a["attributions"] for a in found]


def check_report(browser, report: Path, records: list[list[dict]], article: int, screenshot: Path):
    """Loads the report, counts its highlights, filters one article by its busiest speaker, saves a screenshot."""
    from selenium.webdriver.common.by import By

    browser.get(report.as_uri())
    assert browser.execute_script(HIGHLIGHTED, "") == [len(r) for r in records]
    section = browser.find_elements(By.CSS_SELECTOR, "article")[article]
    button = section.find_elements(By.CSS_SELECTOR, "button[data-speaker]:not([data-speaker=''])")[0]
    key, count = button.get_attribute("data-speaker"), int(button.find_element(By.TAG_NAME, "b").text)
    assert count == sum((r["speaker_id"] or "?") == key for r in records[article])
    button.click()
    visible = browser.execute_script(HIGHLIGHTED, ":not(.off)")
    assert visible[article] == count and visible[:article] + visible[article + 1 :] == (
        [len(r) for r in records[:article]] + [len(r) for r in records[article + 1 :]]
    )
    assert {m.get_attribute("data-s") for m in section.find_elements(By.CSS_SELECTOR, "mark.q:not(.off)")} == {key}
    # a content clicked shows its record in the side panel
    section.find_elements(By.CSS_SELECTOR, "mark.q:not(.off)")[0].click()
    shown = browser.find_element(By.ID, "panel").text
    first = next(r for r in records[article] if (r["speaker_id"] or "?") == key)
    assert (first["speaker"] or "unresolved") in shown and first["kind"] in shown
    browser.save_screenshot(str(screenshot))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    button.click()  # a second click shows everyone again
    assert browser.execute_script(HIGHLIGHTED, ":not(.off)") == [len(r) for r in records]


def test_the_seed_report_in_a_browser(browser, tmp_path):
    report = tmp_path / "seed.html"
    run("show", SEED, "-o", report)
    records = records_per_article(SEED)
    assert len(records[0]) >= 15
    check_report(browser, report, records, 0, tmp_path / "seed.png")


def test_a_folder_report_and_the_same_from_jsonl_output(browser, tmp_path):
    folder = tmp_path / "news"
    write_folder(folder, 20)
    report = tmp_path / "folder.html"
    run("show", folder, "-o", report, "--date", "2026-03-02")
    records = records_per_article(folder, "--date", "2026-03-02")
    assert len(records) == 20
    check_report(browser, report, records, 7, tmp_path / "folder.png")
    assert len(browser.find_elements("css selector", "#index tbody tr")) == 20
    # a cron run's JSONL output, reviewed later with its articles
    out = tmp_path / "out.jsonl"
    run("extract", folder, "-o", out, "--date", "2026-03-02")
    from_output = tmp_path / "from-output.html"
    run("show", out, "--texts", folder, "-o", from_output)
    check_report(browser, from_output, records, 7, tmp_path / "from-output.png")


def many_speakers(n: int) -> dict:
    """An invented article in which n people each say one thing, and a sign's quotation no one took."""
    lines, records = [], []
    pos = 0
    for k in range(n):
        name = f"Speaker{k} Quill"
        line = f"{name} said “plan {k} is ready.”"
        start = pos + line.index("“")
        records.append(
            {
                "quote": line[line.index("“") :],
                "quote_start": start,
                "quote_end": pos + len(line),
                "quote_spans": [[start, pos + len(line)]],
                "kind": "direct",
                "cue": "said",
                "cue_start": pos + len(name) + 1,
                "cue_end": pos + len(name) + 5,
                "speaker": name,
                "speaker_mention": name,
                "speaker_start": pos,
                "speaker_end": pos + len(name),
                "speaker_id": f"S{k + 1}",
                "speaker_type": "person",
                "speaker_title": None,
                "speaker_confidence": 0.87,
                "date": "2026-03-02",
                "date_source": "article",
                "date_precision": "day",
            }
        )
        lines.append(line)
        pos += len(line) + 2
    text = "\n\n".join(lines + ["A sign on the door read “closed for repairs” all week."])
    return {"doc": "many.txt", "date": "2026-03-02", "text": text, "attributions": records, "speakers": []}


def test_many_speakers_a_search_and_the_side_panel(browser, tmp_path):
    from selenium.webdriver.common.by import By

    from attrib.write.html_report import render

    article = many_speakers(26)
    report = tmp_path / "many.html"
    report.write_text(render([article, {**article, "doc": "other.txt"}]), encoding="utf-8")
    browser.get(report.as_uri())
    looks = browser.execute_script(
        """return [...document.querySelectorAll('article')[0].querySelectorAll('button i.swatch')].map(
            i => getComputedStyle(i).backgroundColor + ' ' + getComputedStyle(i).backgroundImage)"""
    )
    assert len(looks) == 26 and len(set(looks)) == 26  # every speaker shown looks different
    assert browser.find_elements(By.CSS_SELECTOR, "article mark.free")[0].text == "“closed for repairs”"
    box = browser.find_element(By.ID, "search")
    box.send_keys("Speaker7 ")
    assert browser.execute_script(HIGHLIGHTED, ":not(.off)") == [1, 1]
    assert browser.find_element(By.ID, "found").text == "2 attributions in 2 articles"
    box.clear()
    box.send_keys("nothing anyone said")
    assert not [a for a in browser.find_elements(By.CSS_SELECTOR, "article") if a.is_displayed()]
    assert not [r for r in browser.find_elements(By.CSS_SELECTOR, "#index tbody tr") if r.is_displayed()]
    box.clear()
    box.send_keys("plan 3 is")
    assert browser.execute_script(HIGHLIGHTED, ":not(.off)") == [1, 1]
    browser.find_elements(By.CSS_SELECTOR, "mark.q:not(.off)")[0].click()
    shown = browser.find_element(By.ID, "panel").text.lower()
    assert "speaker confidence\n0.87" in shown and "date precision\nday" in shown
