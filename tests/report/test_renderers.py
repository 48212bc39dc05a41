"""The output formats registry: every renderer takes the same Report, and says the same
things in its own format — findings, a whole file's problem, an unreadable file, notices."""

import inspect
import json
import xml.etree.ElementTree as ET

import pytest
from rendered import parse, rule_ids

from review.ci.report import NOT_APPROVED
from review.document import Document
from review.findings import FileResult
from review.report import OUTPUT_FORMATS, RENDERERS
from review.report.records import FileProblem, FileReport, GateSummary, Report

TEXT = "关于冬季防火的通知\n加微信 abc_shop888 下单。\n"


@pytest.fixture(scope="module")
def report(pipeline) -> Report:
    checked = pipeline.check(Document("posts/冬季 通知.md", TEXT, "markdown"), "zh")
    unreadable = FileResult(path="posts/empty.md", error="文件为空，没有可检查的内容")
    clean = pipeline.check(Document("posts/ok.md", "关于冬季防火的通知\n", "markdown"), "zh")
    return Report([FileReport(checked, "A"),
                   FileReport(clean, "M", approval=FileProblem(NOT_APPROVED, "not approved")),
                   FileReport(unreadable, "A")],
                  pipeline.rules(), command="ci", context={"base": "abc123"},
                  notices=["review.toml is changed"],
                  gate=GateSummary(deleted=["posts/old.md"], exit_code=2))


def test_the_registry_names_every_format_once():
    assert OUTPUT_FORMATS == ("text", "json", "sarif", "github", "junit")
    assert all(RENDERERS[name].name == name for name in OUTPUT_FORMATS)


@pytest.mark.parametrize("fmt", OUTPUT_FORMATS)
def test_every_renderer_has_the_one_signature(fmt):
    module = __import__(RENDERERS[fmt].module, fromlist=["render"])
    assert list(inspect.signature(module.render).parameters) == ["report", "lang"]


@pytest.mark.parametrize("fmt", OUTPUT_FORMATS)
def test_every_renderer_reports_findings_problems_and_errors(report, fmt):
    out = RENDERERS[fmt].render(report, "zh")
    assert parse(fmt, out) is not None
    assert rule_ids(fmt, out) >= {"AD501", "RV001"}
    assert "empty.md" in out or fmt == "sarif" and "empty.md" in json.dumps(parse(fmt, out))


@pytest.mark.parametrize("fmt", [f for f in OUTPUT_FORMATS if RENDERERS[f].streams])
def test_a_streamed_report_is_the_whole_report(report, fmt):
    renderer = RENDERERS[fmt]
    parts = [renderer.render_file(f, "en") for f in report.files]
    parts.append(renderer.render_end(report, "en"))
    assert "\n".join(p for p in parts if p) == renderer.render(report, "en")


def test_json_keeps_offsets_and_says_the_gate(report):
    data = json.loads(RENDERERS["json"].render(report, "zh"))
    assert list(data)[:2] == ["version", "base"]
    assert data["deleted"] == ["posts/old.md"] and data["notices"] == ["review.toml is changed"]
    finding = next(f for f in data["files"][0]["findings"] if f["rule"] == "AD501")
    assert TEXT[finding["start"]:finding["end"]] == "abc_shop888"
    assert finding["location"] == {"line": 2, "column": 5}
    approval = data["files"][1]
    assert (approval["approved"], approval["approval_rule"]) == (False, "RV001")
    assert data["summary"]["exit"] == 2 and data["summary"]["unapproved"] == 1


def test_sarif_describes_the_rules_and_encodes_uris(report):
    run = json.loads(RENDERERS["sarif"].render(report, "en"))["runs"][0]
    described = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert described["RV001"]["shortDescription"]["text"] == NOT_APPROVED.message("en")
    assert "shortDescription" in described["AD501"]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in run["results"] for loc in r["locations"]}
    assert "posts/%E5%86%AC%E5%AD%A3%20%E9%80%9A%E7%9F%A5.md" in uris
    assert all(u.isascii() and " " not in u for u in uris)
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert {n["level"] for n in notes} == {"error", "warning"}


def test_junit_fails_at_the_reports_threshold(report):
    suite = ET.fromstring(RENDERERS["junit"].render(report, "en"))
    assert suite.get("name") == "review ci"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "1")
    never = Report(report.files[:1], fail_on="never")
    assert ET.fromstring(RENDERERS["junit"].render(never, "en")).get("failures") == "0"


def test_text_ends_with_the_gate_table_or_the_summary(report):
    assert "exit 2" in RENDERERS["text"].render(report, "en").splitlines()[-1]
    plain = Report(report.files[:1])
    assert RENDERERS["text"].render(plain, "en").splitlines()[-1].startswith("1 files checked")
