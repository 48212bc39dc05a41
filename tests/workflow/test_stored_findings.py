"""Findings as stores already hold them (JSON with each finding's key) come back typed."""

import json

from review.findings import Category, Severity
from review.workflow.service import blocking, dump_findings, finding_key, load_findings

# One finding as `review submit` has stored it since the first schema version.
STORED = json.dumps([{
    "key": "SC501@21", "rule": "SC501", "category": "secrets", "gate": "confidentiality",
    "severity": "block", "start": 21, "end": 39, "line": 2, "column": 8, "end_line": 2,
    "end_column": 26, "text": "11010519491231002X", "message": "身份证号码",
    "suggestion": None, "replacement": None}], ensure_ascii=False)


def test_a_stored_finding_is_read_typed_and_keeps_its_key():
    [finding] = load_findings(STORED)
    assert finding.category is Category.SECRETS and finding.severity is Severity.BLOCK
    assert finding_key(finding) == "SC501@21"
    assert blocking([finding], set()) == ["SC501@21"]
    assert blocking([finding], {"SC501@21"}) == []
    [again] = json.loads(dump_findings([finding]))
    # A finding stored before locations existed gains its text location: its line and column.
    assert again.pop("location") == {"line": 2, "column": 8}
    assert again.pop("words") is None  # … and no words of a wider statement
    assert [again] == json.loads(STORED)
