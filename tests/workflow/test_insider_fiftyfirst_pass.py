"""Red-team pass 51: a draft is signed for an account only as the signed log made it."""

from sqlalchemy import create_engine, text

from review.workflow.store import sqlite_url


def test_a_draft_is_not_signed_for_an_account_made_by_hand(team):
    """X5: a member INSERTed an account into review_accounts (no `account.add` signed it) and
    submitted a draft `--account` it: the submission was signed for it, since `submit` read the
    table unchecked. Now the office's tables must agree with the signed log first (exit 3)."""
    engine = create_engine(team.url or sqlite_url(team.root))
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO review_accounts (name, unit, platform, high_attention, "
                          "status) VALUES ('城南发布', '城南街道', '微博', false, 'open')"))
    engine.dispose()
    draft = team.write("a.txt", "关于开展冬季消防安全检查的通知\n\n请各单位完成自查。\n")
    team.fails(3, "editor", "submit", draft, "--account", "城南发布", match="review_accounts")
    team.ok("editor", "submit", draft)  # without an account: the table is not read
