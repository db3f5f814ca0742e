"""Headless Chromium (Debian's `chromium` and `chromium-driver`) driven by Selenium, over a live emulator.

Outside CI a machine without Chromium skips these tests, saying why; in CI (`CI` set) that is a failure,
since `.ci/run` installs it. Each page's screenshot goes under the test's tmp path.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from emulator.app import EmulatorApp, create_app
from emulator.catalog import Catalog
from emulator.settings import Settings
from emulator.testing.server import EmulatorServer
from tests.conftest import fail_on_violations

CHROMIUM = ("chromium", "chromedriver")
WAIT_S = 10.0


def _tools() -> tuple[str, str]:
    found = [shutil.which(name) for name in CHROMIUM]
    if None in found:
        why = "Debian's chromium and chromium-driver are not installed (.ci/run installs them)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    return found[0] or "", found[1] or ""


@pytest.fixture(scope="session")
def driver() -> Iterator[Any]:
    """One headless Chromium for the session (its console log is read and cleared by each page check)."""
    binary, chromedriver = _tools()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = binary
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1800",
        "--no-first-run",
        "--disable-extensions",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    browser.implicitly_wait(0)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="module")
def served(catalog: Catalog) -> Iterator[tuple[EmulatorApp, str]]:
    """A live emulator on a loopback port: (its app, its base URL)."""
    app = create_app(Settings(strict_responses=True, seed=1515), catalog)
    with EmulatorServer(app) as server:
        yield app, server.url


@pytest.fixture
def live(served: tuple[EmulatorApp, str]) -> Iterator[tuple[EmulatorApp, str]]:
    app, url = served
    app.control.reset(faults=True, journal=True)
    yield app, url
    fail_on_violations(app)


class Pages:
    """Screenshots and console checks of the pages one test visits."""

    def __init__(self, browser: Any, folder: Path) -> None:
        self.browser = browser
        self.folder = folder
        browser.get("about:blank")  # an earlier test's dashboard stops polling (its server may be gone)
        browser.get_log("browser")  # and what it logged is forgotten

    def check(self, name: str, allowed_status: str | None = None) -> Path:
        """Save a screenshot of the current page as `name.png` and fail on any console error.

        `allowed_status`: the page's own HTTP status (e.g. "400" on an error page), which Chromium
        reports as a failed resource load; nothing else is excused.
        """
        shot = self.folder / f"{name}.png"
        self.browser.save_screenshot(str(shot))
        errors = [
            entry
            for entry in self.browser.get_log("browser")
            if entry["level"] == "SEVERE"
            and not (allowed_status and f"status of {allowed_status}" in entry["message"])
        ]
        assert errors == [], f"console errors on {name}: {errors}"
        return shot


@pytest.fixture
def pages(driver: Any, tmp_path: Path) -> Pages:
    return Pages(driver, tmp_path)


def wait_for(browser: Any, condition: Any, what: str) -> Any:
    """Poll `condition(browser)` until it is truthy (returned) or WAIT_S pass; the dashboard redraws
    sections as they change, so an element that went stale in between is looked up again."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    ignored = (NoSuchElementException, StaleElementReferenceException)
    wait = WebDriverWait(browser, WAIT_S, poll_frequency=0.05, ignored_exceptions=ignored)
    return wait.until(condition, message=what)
