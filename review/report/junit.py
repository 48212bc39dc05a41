"""`--format junit`: JUnit XML, one test case per file, for CI systems that show test
reports (GitLab's merge request widget). A file fails when it has a finding at the report's
fail-on severity or no valid approval; a file that cannot be read is an error."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from review.report.records import Report


def render(report: Report, lang: str) -> str:
    suite = ET.Element("testsuite", name=f"review {report.command}",
                       tests=str(len(report.files)))
    failures = errors = 0
    for file in report.files:
        result = file.result
        case = ET.SubElement(suite, "testcase", classname="review", name=result.path)
        if result.error is not None:
            errors += 1
            ET.SubElement(case, "error", message=result.error)
            continue
        problems = [f"{f.location.label(lang)} {f.severity.value} {f.rule} {f.message}"
                    + (f": {f.text}" if f.text else "")
                    for f in result.findings if report.fails(f)]
        if file.approval:
            problems.append(f"{file.approval.rule.id} {file.approval.message}")
        if problems:
            failures += 1
            failure = ET.SubElement(case, "failure", message=problems[0])
            failure.text = "\n".join(problems)
    if report.notices:  # what was not checked (a picture not compared …): said, not dropped
        ET.SubElement(suite, "system-out").text = "\n".join(str(n) for n in report.notices)
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    return ET.tostring(suite, encoding="unicode", xml_declaration=True)
