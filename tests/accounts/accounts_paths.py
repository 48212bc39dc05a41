from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "accounts"
ACCOUNTS = FIXTURES / "accounts.csv"
ACTIVITY = FIXTURES / "activity-2026-10.csv"
