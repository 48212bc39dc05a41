"""What a reader of each output format checks first: that it parses as that format. Shared
by the tests that run every registered renderer through check, ci and published."""

from __future__ import annotations

import functools
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import click

RULE_ID = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{3,4}(?![0-9])")
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"  # OASIS's own


@functools.cache
def _sarif_validator():
    from jsonschema import Draft4Validator, FormatChecker

    # FormatChecker checks `uri` and `uri-reference` by RFC 3986 (rfc3986-validator): an
    # artifact URI with a space, a `#` or a Chinese character in it is invalid
    return Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")),
                           format_checker=FormatChecker())


def sarif_problems(log: dict) -> list[str]:
    """Where a SARIF log breaks the SARIF 2.1.0 schema, one line each."""
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in _sarif_validator().iter_errors(log)]


def parse(fmt: str, output: str):
    """The parsed output: JSON and SARIF as data, JUnit as XML, annotations and text as
    lines; SARIF valid by its schema. An assertion error names the format when the output is
    not what it claims."""
    if fmt in ("json", "sarif"):
        data = json.loads(output)
        assert ("runs" in data) == (fmt == "sarif"), fmt
        assert fmt != "sarif" or not sarif_problems(data), sarif_problems(data)
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


def aligned(lines: list[str]) -> list[int]:
    """The display columns at which a text table's columns start (cells are two or more spaces
    apart), asserted the same on every line — a Chinese character taking two columns — and
    never laid out by tabs, which a terminal stops at multiples of 8 whatever the width."""
    from wcwidth import wcswidth

    assert lines and not any("\t" in line for line in lines), lines
    starts = [[wcswidth(line[:m.start()]) for m in re.finditer(r"(?:^|(?<=  ))(?=\S)", line)]
              for line in lines]
    columns = min(len(s) for s in starts)
    assert columns > 1 and all(s[:columns] == starts[0][:columns] for s in starts), lines
    return starts[0][:columns]
