"""The gate's report: a GateReport as the Report every renderer takes, with the gate's own
rule (RV001–RV099)."""

from __future__ import annotations

from review.ci.gate import GateReport
from review.i18n import said
from review.report.records import FileProblem, FileReport, GateSummary, LazyRules, Report
from review.rules.release import GATE as RULES
from review.rules.release import NOT_APPROVED


def to_report(gate: GateReport) -> Report:
    lang = gate.lang  # the gate's own sentences, in the language of its findings
    files = [FileReport(f.result, f.status, f.baselined,
                        FileProblem(f.rule or NOT_APPROVED, said(f.approval, lang)) if f.approval
                        else None)
             for f in gate.files]
    return Report(files, LazyRules(gate.rules, RULES), command="ci", context={"base": gate.base},
                  notices=[said(n, lang) for n in gate.notices], fail_on=gate.fail_on,
                  gate=GateSummary(gate.deleted, gate.exit_code(), gate.outside))
