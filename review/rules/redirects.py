"""Rule ids that were merged into another rule (ruff's `rule_redirects` is the model). Ids are
never reused; an old id in `[severity]`, a CI baseline or `review rules --explain` means the
rule that took its place, so an upgrade neither revives a finding an organisation turned off
nor fails a baseline that accepted it."""

from __future__ import annotations

# 2026-12: one correction entry per wrong form (the copies of one typo in two files merged).
REDIRECTS: dict[str, str] = {
    "EX1517": "EX0112", "EX1526": "EX0396", "EX2055": "EX0353", "EX2111": "EX0375",
    "EX2134": "EX0376", "EX2173": "EX0237", "EX2174": "EX0238", "EX2175": "EX0259",
    "EX2177": "EX0262", "EX2180": "EX0165", "EX2181": "EX0164", "EX2190": "EX0284",
    "EX2215": "EX0350", "EX2217": "EX0347", "EX2218": "EX0341", "EX2219": "EX0342",
    "EX2220": "EX0344", "EX2221": "EX0343", "EX2222": "EX0351", "EX2227": "EX0346",
    "EX2228": "EX0329", "EX2230": "EX0348",
    # issue 14: the cult's "quit the Party" slogan attacks the state, so it is security's now
    "IL111": "SE104",
    # issue 17: a body's head given another body's title is judged by the offices table
    "EX2718": "EX9105", "EX2719": "EX9105",
}


def current(rule_id: str) -> str:
    """The id that stands for `rule_id` today."""
    return REDIRECTS.get(rule_id, rule_id)
