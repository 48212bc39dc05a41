"""The reviewer's and the office's pages, read through the desk in this process: the queue,
a draft with its findings marked at their characters, the signed actions (and the rules that
refuse them, the same as on the command line), the records for inspectors, the accounts desk."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from desk.conftest import client_of, desk_of, form_of

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "accounts"
PAGE = ("<html><head><title>提示</title></head><body><h1>防范诈骗提示</h1>"
        "<p>本店新鲜土鸡蛋，需要的加微信 egg2026 下单，量大优惠。</p>"
        "<script>document.title = 'PWNED'; document.body.append('INJECTED')</script>"
        "<p>请各单位于12月10日前完成自查。</p></body></html>")


@pytest.fixture(autouse=True)
def scripts_submitted_as_before(monkeypatch):
    """PAGE holds a script: refused at submission since red-team pass 67, but a store may hold
    a draft submitted before, and the desk must never run it."""
    monkeypatch.setattr("review.markup._note_script", lambda tag, values: None)


class Marks(HTMLParser):
    """The text inside each <mark>, by the findings it carries, and any <script> element."""

    def __init__(self) -> None:
        super().__init__()
        self.marked: dict[int, str] = {}
        self.scripts = 0
        self._open: list[int] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        if tag == "mark":
            self._open = [int(n) for n in dict(attrs)["data-findings"].split()]

    def handle_endtag(self, tag):
        if tag == "mark":
            self._open = None

    def handle_data(self, data):
        for n in self._open or []:
            self.marked[n] = self.marked.get(n, "") + data


def _shown(team, item: int) -> dict:
    return json.loads(team.ok("reviewer", "show", str(item), "--format", "json").stdout)


def test_the_queue_shows_whats_waiting_at_my_level(team, monkeypatch):
    first = team.submit("editor", team.write("a.txt", "关于开展冬季消防安全检查的通知\n\n"
                                                      "请各单位完成自查。\n"))
    second = team.submit("editor", team.write("b.html", PAGE))
    page = client_of(desk_of(team, "reviewer", monkeypatch)).get("/").text
    rows = re.findall(r'<tr data-item="(\d+)">(.*?)</tr>', page, re.S)
    assert [int(n) for n, _ in rows] == [first, second]
    row = dict(rows)[str(second)]
    assert "提示" in row and "block 2" in row and "1 · reviewer" in row
    assert re.search(r"0 d \d+ h", row)
    # the editor's own items wait for someone else: not at his level
    mine = client_of(desk_of(team, "editor", monkeypatch)).get("/").text
    assert 'data-item=' not in mine and "nothing is waiting" in mine
    everything = client_of(desk_of(team, "editor", monkeypatch)).get("/?show=all").text
    assert len(re.findall(r'<tr data-item=', everything)) == 2
    only_ads = client_of(desk_of(team, "reviewer", monkeypatch)).get("/?category=ads").text
    assert re.findall(r'<tr data-item="(\d+)"', only_ads) == [str(second)]


def test_a_draft_is_shown_as_its_reader_sees_it_with_every_finding_in_place(team,
                                                                            monkeypatch):
    item = team.submit("editor", team.write("eggs.html", PAGE))
    findings = _shown(team, item)["findings"]
    assert findings
    page = client_of(desk_of(team, "reviewer", monkeypatch)).get(f"/items/{item}").text
    parser = Marks()
    parser.feed(page)
    for n, f in enumerate(findings):
        assert parser.marked[n] == f["text"], f  # marked at exactly its characters
        assert f'href="/rules/{f["rule"]}"' in page
    assert parser.scripts == 0  # the draft's script is no element of the page
    assert "document.title" not in page and "&lt;p&gt;" not in page  # nor shown as markup
    assert "防范诈骗提示" in page and "请各单位于12月10日前完成自查。" in page


def test_approve_on_the_page_is_the_services_signed_approval(team, monkeypatch):
    item = team.submit("editor", team.write("a.txt", "关于开展冬季消防安全检查的通知\n\n"
                                                     "请各单位完成自查。\n"))
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    response = client.post(f"/items/{item}/approve", data={**form_of(client, item),
                                                           "comment": "同意发布"})
    assert response.status_code == 303
    page = client.get(response.headers["location"]).text
    assert 'id="done"' in page
    log = json.loads(team.ok("admin", "log", str(item), "--format", "json").stdout)
    assert [(r["kind"], r["person"], r["signed"]) for r in log][-1] == \
        ("approve", "reviewer", True)
    assert log[-1]["statement"]["comment"] == "同意发布"
    history = re.search(r'<tr data-kind="approve">(.*?)</tr>', page, re.S).group(1)
    assert "reviewer" in history and log[-1]["statement"]["at"] in history
    team.ok("editor", "release", str(item))  # the page's approval is the one release needs


def test_the_page_refuses_what_the_rules_refuse(team, monkeypatch):
    team.keygen("chief")
    team.add("chief", "editor,reviewer")  # may review, but never his own draft
    item = team.submit("chief", team.write("eggs.html", PAGE))
    mine = client_of(desk_of(team, "chief", monkeypatch))
    assert 'id="approve"' in mine.get(f"/items/{item}").text  # the rule, not the page, refuses
    response = mine.post(f"/items/{item}/approve", data=form_of(mine, item))
    assert response.status_code == 409 and "cannot review it" in response.text
    editor = client_of(desk_of(team, "editor", monkeypatch))
    response = editor.post(f"/items/{item}/approve", data=form_of(editor, item))
    assert response.status_code == 409 and "does not hold the role reviewer" in response.text
    reviewer = client_of(desk_of(team, "reviewer", monkeypatch))
    fields = form_of(reviewer, item)
    # a version the reviewer did not read: the page names the one it showed
    response = reviewer.post(f"/items/{item}/approve", data={**fields, "version": "0" * 64})
    assert response.status_code == 409 and "resubmitted" in response.text
    blank = reviewer.post(f"/items/{item}/reject", data={**fields, "reason": "  "})
    assert blank.status_code == 400
    kinds = [r["kind"] for r in json.loads(team.ok("admin", "log", str(item), "--format",
                                                      "json").stdout)]
    assert kinds == ["submit"]


def test_override_reject_and_the_previous_version(team, monkeypatch):
    path = team.write("eggs.html", PAGE)
    item = team.submit("editor", path)
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    blocking = re.findall(r'<option value="([A-Z]+\d+@\d+)">', client.get(f"/items/{item}").text)
    assert blocking
    response = client.post(f"/items/{item}/override", data={
        **form_of(client, item), "finding": blocking[0], "reason": "经核实为单位公众号"})
    assert response.status_code == 303
    response = client.post(f"/items/{item}/reject", data={**form_of(client, item),
                                                          "reason": "删除商业内容"})
    assert response.status_code == 303
    page = client.get(f"/items/{item}").text
    assert 'data-state="rejected"' in page and 'id="approve"' not in page
    assert "删除商业内容" in page and "经核实为单位公众号" in page
    # the editor's next version: the page compares its findings with the version before
    (team.root / path).write_text(PAGE.replace("加微信 egg2026 下单，量大优惠", "按时接种疫苗"),
                                  encoding="utf-8")
    team.ok("editor", "submit", path)
    page = client.get(f"/items/{item}").text
    gone = re.search(r'id="gone-findings">(.*?)</ul>', page, re.S).group(1)
    assert "egg2026" in gone or "加微信" in gone


def test_the_record_for_inspectors_stands_alone(team, monkeypatch):
    item = team.submit("editor", team.write("a.txt", "关于开展冬季消防安全检查的通知\n\n"
                                                     "请各单位完成自查。\n"))
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    client.post(f"/items/{item}/approve", data=form_of(client, item))
    page = client.get(f"/items/{item}/record")
    assert page.status_code == 200 and 'data-kind="approve"' in page.text
    saved = client.get(f"/items/{item}/record?download=1")
    assert saved.headers["content-disposition"].startswith(
        f'attachment; filename="item-{item}-record.html"')
    assert "<style>" in saved.text and 'rel="stylesheet"' not in saved.text
    assert 'data-kind="submit"' in saved.text and 'data-kind="approve"' in saved.text


def test_a_rules_explanation_is_one_click_away(team, monkeypatch):
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    page = client.get("/rules/AD001")
    assert page.status_code == 200 and "AD001" in page.text and "the fix:" in page.text
    assert client.get("/rules/NO-SUCH-RULE").status_code == 404


def test_the_accounts_desk(team, monkeypatch):
    for csv in FIXTURES.glob("*.csv"):
        shutil.copy(csv, team.root)
    team.ok("admin", "accounts", "import", "accounts.csv")
    team.ok("admin", "accounts", "activity", "import", "activity-2026-10.csv")
    for day in ("2026-03-02", "2026-06-01"):
        team.ok("admin", "alerts", "add", "城东区公安分局", "--kind", "serious", "--date", day,
                "--note", "转发未核实信息")
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    page = client.get("/accounts?account=城东发布").text
    assert "平安城东" in page and "城东发布" in page
    alerts = re.search(r'<tr data-unit="城东区公安分局">(.*?)</tr>', page, re.S).group(1)
    assert "<td>2</td>" in alerts and "liaison" in alerts
    assert "<svg" in page and "<polyline" in page and "2026-10" in page
    notice = client.get("/accounts/notice?unit=城东区公安分局").text
    assert "整改通报" in notice and "转发未核实信息" in notice
    month = client.get("/accounts/城东发布/record?month=2026-10")
    assert month.status_code == 200
    for month in ("2026-10", "%202026-10%0A"):  # the month as read, never a header's line end
        saved = client.get(f"/accounts/城东发布/record?month={month}&download=1")
        assert saved.status_code == 200
    assert "filename*=UTF-8''%E5%9F%8E%E4%B8%9C%E5%8F%91%E5%B8%83-2026-10-record.html" in \
        saved.headers["content-disposition"]
    assert client.get("/accounts/no-such/record").status_code == 400


def test_a_rejection_binds_to_the_version_the_page_showed(team, monkeypatch):
    path = team.write("a.txt", "关于开展冬季消防安全检查的通知\n\n请各单位完成自查。\n")
    item = team.submit("editor", path)
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    fields = form_of(client, item)  # the page is open on the first version
    (team.root / path).write_text("关于开展冬季消防安全检查的通知\n\n请各单位于周五前完成自查。\n",
                                  encoding="utf-8")
    team.ok("editor", "submit", path)
    response = client.post(f"/items/{item}/reject", data={**fields, "reason": "时间写错"})
    assert response.status_code == 409 and "resubmitted" in response.text
    kinds = [r["kind"] for r in json.loads(team.ok("admin", "log", str(item), "--format",
                                                      "json").stdout)]
    assert kinds == ["submit", "resubmit"]


def test_records_that_count_for_nothing_are_said_to(team, monkeypatch):
    item = team.submit("editor", team.write("eggs.html", PAGE))
    client = client_of(desk_of(team, "reviewer", monkeypatch))
    client.post(f"/items/{item}/approve", data=form_of(client, item))
    # the same bytes again: a new version record, the approval no longer counts
    team.ok("editor", "submit", "posts/eggs.html")
    page = client.get(f"/items/{item}").text
    approve = re.search(r'<tr data-kind="approve"([^>]*)>', page).group(1)
    assert 'data-void="1"' in approve and "counts for nothing now" in page
    assert 'data-void' not in re.search(r'<tr data-kind="submit"([^>]*)>', page).group(1)
    # and the comparison with the version before is with other content, not these bytes
    assert "this is the first version" in page


def test_the_draft_is_drawn_as_a_reader_sees_it_hidden_text_said(team, monkeypatch):
    """Text an element hides by its own markup is not drawn (the reader never sees it), the
    page says the draft holds some, and a finding inside it is listed as not shown."""
    page = ("<p>本次活动<span hidden>不</span>向参会人员收取报名费。</p>"
            "<p style=\"display:none\">需要的加微信 egg2026 下单</p><p>请准时参加。</p>")
    item = team.submit("editor", team.write("hidden.html", page))
    html = client_of(desk_of(team, "reviewer", monkeypatch)).get(f"/items/{item}").text
    text = re.search(r'<div class="text" id="text">(.*?)</div>', html, re.S).group(1)
    assert "本次活动向参会人员收取报名费。" in text and "不" not in text
    assert "egg2026" not in text and "请准时参加。" in text
    assert 'id="hidden-text"' in html
    findings = re.findall(r'<li id="f\d+".*?</li>', html, re.S)
    assert findings and all("not shown to readers" in f for f in findings if "egg2026" in f)
    assert any("egg2026" in f for f in findings)


def test_a_word_drafts_hidden_runs_are_not_drawn(team, monkeypatch):
    import io

    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("本次活动")
    paragraph.add_run("不").font.hidden = True
    paragraph.add_run("向参会人员收取报名费。")
    document.add_paragraph("需要的加微信下单。")
    out = io.BytesIO()
    document.save(out)
    item = team.submit("editor", team.write("notice.docx", out.getvalue()))
    findings = json.loads(team.ok("reviewer", "show", str(item), "--format",
                                  "json").stdout)["findings"]
    html = client_of(desk_of(team, "reviewer", monkeypatch)).get(f"/items/{item}").text
    text = re.search(r'<div class="text" id="text">(.*?)</div>', html, re.S).group(1)
    assert "本次活动向参会人员收取报名费。" in text and "不" not in text
    assert 'id="hidden-text"' in html
    parser = Marks()
    parser.feed(html)
    wechat = next(n for n, f in enumerate(findings) if "微信" in f["text"])
    assert parser.marked[wechat] == findings[wechat]["text"]  # still marked in place


def test_word_drafts_parted_everywhere_are_drawn_with_findings_in_place(team, monkeypatch):
    """Every paragraph parted by a hidden character (the check reads each again, joined), and
    a long paragraph before other text: drawn, each finding once on the words a reader sees."""
    import io

    import docx

    document = docx.Document()
    for text in ("为进一步做好社区服务工作，" * 40, "需要的加微信下单。", "请准时参加。"):
        paragraph = document.add_paragraph()
        paragraph.add_run(text[:4])
        paragraph.add_run("甲").font.hidden = True
        paragraph.add_run(text[4:])
    out = io.BytesIO()
    document.save(out)
    item = team.submit("editor", team.write("parted.docx", out.getvalue()))
    findings = json.loads(team.ok("reviewer", "show", str(item), "--format",
                                  "json").stdout)["findings"]
    response = client_of(desk_of(team, "reviewer", monkeypatch)).get(f"/items/{item}")
    assert response.status_code == 200
    parser = Marks()
    parser.feed(response.text)
    wechat = [n for n, f in enumerate(findings) if f["text"] == "加微信"]
    assert wechat
    # found in the paragraph as the check read it joined: said so, never "not shown"
    assert "a reader sees these words joined" in response.text
    assert "not shown to readers" not in response.text
    long = re.search(r'<div class="text" id="text">(.*?)</div>', response.text, re.S).group(1)
    assert "为进一步做好社区服务工作，" * 40 in long and "甲" not in long
