"""Accounts: the registry through each account's lifecycle, update duty, violation alerts and
the 二四六 escalation, scores. On the workflow's store (SQLite or PostgreSQL)."""
