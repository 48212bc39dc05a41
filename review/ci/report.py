"""The gate's report: a GateReport as the Report every renderer takes, with the gate's own
rule (RV001–RV099)."""

from __future__ import annotations

from review.ci.gate import GateReport
from review.report.records import FileProblem, FileReport, GateSummary, LazyRules, Report
from review.rules.release import GATE as RULES
from review.rules.release import NOT_APPROVED


def to_report(gate: GateReport) -> Report:
    files = [FileReport(f.result, f.status, f.baselined,
                        FileProblem(NOT_APPROVED, f.approval) if f.approval else None)
             for f in gate.files]
    return Report(files, LazyRules(gate.rules, RULES), command="ci", context={"base": gate.base},
                  notices=gate.notices, fail_on=gate.fail_on,
                  gate=GateSummary(gate.deleted, gate.exit_code(), gate.outside))
