"""The gate's report: a GateReport as the Report every renderer takes, with the gate's own
rule (RV001–RV099)."""

from __future__ import annotations

from review.ci.gate import GateReport
from review.findings import Category, Gate, Rule, Severity
from review.report.records import FileProblem, FileReport, GateSummary, LazyRules, Report

# Content that went out unreviewed has passed none of the five gates; 政治关 is the first.
NOT_APPROVED = Rule("RV001", Category.RELEASE, Gate.POLITICAL, Severity.BLOCK,
                    "没有本内容的有效发布证明（未经审核发布）",
                    "no valid release attestation for this content (not approved)",
                    "提交送审（review submit），经审核通过并发布（review release）后再合并",
                    "submit it for review and release it (review submit … review release) "
                    "before merging")
RULES = [NOT_APPROVED]


def to_report(gate: GateReport) -> Report:
    files = [FileReport(f.result, f.status, f.baselined,
                        FileProblem(NOT_APPROVED, f.approval) if f.approval else None)
             for f in gate.files]
    return Report(files, LazyRules(gate.rules, RULES), command="ci", context={"base": gate.base},
                  notices=gate.notices, fail_on=gate.fail_on,
                  gate=GateSummary(gate.deleted, gate.exit_code()))
