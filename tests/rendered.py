"""What a reader of each output format checks first: that it parses as that format. Shared
by the tests that run every registered renderer through check, ci and published."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import click

RULE_ID = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{3,4}(?![0-9])")


def parse(fmt: str, output: str):
    """The parsed output: JSON and SARIF as data, JUnit as XML, annotations and text as
    lines. An assertion error names the format when the output is not what it claims."""
    if fmt in ("json", "sarif"):
        data = json.loads(output)
        assert ("runs" in data) == (fmt == "sarif"), fmt
        return data
    if fmt == "junit":
        suite = ET.fromstring(output.encode())
        assert suite.tag == "testsuite", output
        return suite
    lines = click.unstyle(output).splitlines()  # colour, when rendered outside click.echo
    if fmt == "github":
        assert all(line.startswith("::") for line in lines), output
    return lines


def rule_ids(fmt: str, output: str) -> set[str]:
    """The rule ids a format reports (text and JUnit name them in their lines)."""
    data = parse(fmt, output)
    if fmt == "json":
        found = {f["rule"] for file in data["files"] for f in file.get("findings", [])}
        return found | {f["approval_rule"] for f in data["files"] if f.get("approval_rule")}
    if fmt == "sarif":
        return {r["ruleId"] for r in data["runs"][0]["results"]}
    if fmt == "junit":
        text = "\n".join(x.text or "" for x in data.iter("failure"))
    else:
        text = "\n".join(data)
    return set(RULE_ID.findall(text))
