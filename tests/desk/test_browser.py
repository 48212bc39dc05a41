"""The desk in a real browser: Debian's Chromium, headless, driven through its chromedriver
(Selenium). Two people: the editor submits on the command line, the reviewer approves on the
page; a reviewer who wrote the draft is refused on the page; a draft's `<script>` stays inert;
every finding is marked at its characters. A screenshot of the draft view is kept as an
artefact (REVIEW_TEST_ARTIFACTS, default test-artifacts/ at the top of the repository).

Without Chromium these tests skip with a message, except under REVIEW_REQUIRE_BROWSER=1 (set
by .ci/run, which installs it), where a missing browser fails the run."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
PAGE = ("<html><head><title>防范诈骗提示</title></head><body><h1>防范诈骗提示</h1>"
        "<p>本店新鲜土鸡蛋，需要的加微信 egg2026 下单，量大优惠。"
        "详情见 http://eggs.example.com 。</p>"
        "<p>请各单位于12月10日前完成自查，并将结果报区应急管理局。</p></body></html>")
SCRIPT = "<script>document.title = 'PWNED'; document.body.append('INJECTED')</script>"


@pytest.fixture
def browser():
    if not (BROWSER and DRIVER):
        message = ("Chromium and chromedriver are not installed: apt-get install chromium "
                   "chromium-driver fonts-noto-cjk")
        if os.environ.get("REVIEW_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = BROWSER
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1400,1100", "--lang=zh-CN"):
        options.add_argument(argument)
    # the driver named: Selenium never looks for (or downloads) one
    driver = webdriver.Chrome(options=options,
                              service=webdriver.ChromeService(executable_path=DRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def artefacts() -> Path:
    path = Path(os.environ.get("REVIEW_TEST_ARTIFACTS", ROOT / "test-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def shown(browser, element_id: str):
    """The element the page the form posted to shows, once that page has loaded: a click on
    a submit button returns before the browser navigates, and a busy machine is slow to."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, 20).until(
        expected_conditions.presence_of_element_located((By.ID, element_id)))


def log_of(team, item: int) -> list[dict]:
    return json.loads(team.ok("admin", "log", str(item), "--format", "json").stdout)


def test_two_people_submit_on_the_command_line_and_approve_on_the_page(sqlite_team, browser,
                                                                       desks):
    from selenium.webdriver.common.by import By

    team = sqlite_team

    item = team.submit("editor", team.write("eggs.html", PAGE))
    findings = json.loads(team.ok("reviewer", "show", str(item), "--format",
                                  "json").stdout)["findings"]
    assert len(findings) >= 2
    browser.get(desks(team, "reviewer", lang="zh"))
    assert browser.current_url.endswith("/")  # the token traded for a cookie, and dropped
    browser.find_element(By.CSS_SELECTOR, f'tr[data-item="{item}"] a').click()

    # every finding marked at exactly its characters, and drawn (the style sheet loaded
    # under the page's Content-Security-Policy)
    for n, finding in enumerate(findings):
        marked = browser.execute_script(
            "return Array.from(document.querySelectorAll('mark')).filter("
            "m => m.dataset.findings.split(' ').includes(arguments[0]))"
            ".map(m => m.textContent).join('')", str(n))
        assert marked == finding["text"], finding
    background = browser.execute_script(
        "return getComputedStyle(document.querySelector('mark.sev-block')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    browser.save_screenshot(str(artefacts() / "desk-draft.png"))

    form = browser.find_element(By.ID, "approve")
    form.find_element(By.NAME, "comment").send_keys("同意")
    form.find_element(By.NAME, "confirm").click()
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert shown(browser, "done").is_displayed()
    last = log_of(team, item)[-1]
    assert (last["kind"], last["person"], last["signed"]) == ("approve", "reviewer", True)
    assert last["statement"]["comment"] == "同意"
    assert browser.find_element(By.CSS_SELECTOR, 'tr[data-kind="approve"]').text.count(
        "reviewer") >= 1


def test_a_scripted_draft_stays_inert_on_the_page_and_cannot_be_approved(
        sqlite_team, browser, desks, monkeypatch):
    """A draft that runs a script is refused at submission since red-team pass 67; one a store
    holds from before is shown with its script inert, and approving it is refused."""
    from selenium.webdriver.common.by import By

    team = sqlite_team
    with monkeypatch.context() as before_pass_67:
        before_pass_67.setattr("review.markup._note_script", lambda tag, values: None)
        item = team.submit("editor", team.write(
            "eggs.html", PAGE.replace("</p><p>", f"</p>{SCRIPT}<p>", 1)))
    browser.get(desks(team, "reviewer"))
    browser.get(browser.current_url.rstrip("/") + f"/items/{item}")
    # the draft's script never ran: no title change, no text added, no script element
    assert browser.title != "PWNED" and "INJECTED" not in browser.page_source.replace(
        "document.body.append('INJECTED')", "")
    assert browser.execute_script("return document.scripts.length") == 0
    form = browser.find_element(By.ID, "approve")
    form.find_element(By.NAME, "confirm").click()
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert "runs a script" in shown(browser, "problem").text
    assert [r["kind"] for r in log_of(team, item)] == ["submit"]


def test_a_reviewer_cannot_approve_his_own_draft_on_the_page(sqlite_team, browser, desks):
    from selenium.webdriver.common.by import By

    team = sqlite_team

    team.keygen("chief")
    team.add("chief", "editor,reviewer")
    item = team.submit("chief", team.write("notice.txt", "关于开展冬季消防安全检查的通知\n\n"
                                                         "请各单位完成自查。\n"))
    browser.get(desks(team, "chief"))
    browser.get(browser.current_url.rstrip("/") + f"/items/{item}")
    form = browser.find_element(By.ID, "approve")
    form.find_element(By.NAME, "confirm").click()
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert "cannot review it" in shown(browser, "problem").text
    assert [r["kind"] for r in log_of(team, item)] == ["submit"]


def test_the_page_without_the_start_token_shows_nothing(sqlite_team, browser, desks):
    url = desks(sqlite_team, "reviewer")
    browser.get(url.split("?")[0])
    assert "start token" in browser.page_source and "queue" not in browser.title.lower()
