"""The rule registry: every rule of every kind, its stable id, documentation and examples.

`spec` holds what a rule declaration is (RuleSpec) and the table of id ranges by kind;
`schema` the one typed schema every rule file is validated against; `registry` collects
the specs of all kinds in one place (`review rules`, `review rules --explain`, the tests);
`explain` says what a rule finds, why, an example and the fix."""
