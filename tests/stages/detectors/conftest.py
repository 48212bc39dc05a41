import pytest


@pytest.fixture
def found(pipeline):
    """(rule, severity, matched text) of every pattern finding in a text."""

    def run(text: str, kind: str = "text") -> list[tuple[str, str, str]]:
        result = pipeline.check_text(text, kind=kind)
        return [(f.rule, f.severity.value, f.text) for f in result.findings
                if f.rule[2] == "5"]

    return run
