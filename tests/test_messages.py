"""Every message in both languages, saying the same facts: the same {placeholders} in the
Chinese and the English; keys unique across the tables; errors made from keys said in either
language, and errors made from a sentence shown as they are."""

from __future__ import annotations

import ast
import importlib
import pickle
import string
from pathlib import Path

import pytest

from review import i18n
from review.errors import InputError, Refused, ReviewError, StoreError, UsageError
from review.i18n import Msg, either, said, t

TABLES = {"review.i18n": i18n.MESSAGES,
          **{area: importlib.import_module(area).MESSAGES for area in i18n.AREAS}}


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_message_keys_are_unique_across_the_tables():
    seen: dict[str, str] = {}
    for area, table in TABLES.items():
        for key in table:
            assert key not in seen, f"{key} is in {seen[key]} and {area}"
            assert key.isidentifier(), key
            seen[key] = area
    assert set(seen) == set(i18n.messages())


@pytest.mark.parametrize("key", sorted(i18n.messages()))
def test_every_message_has_both_languages_with_the_same_placeholders(key):
    zh, en = i18n.messages()[key]
    assert zh.strip() and en.strip(), key
    assert _fields(zh) == _fields(en), (key, zh, en)
    if key not in ("or", "problem_only", "roster_added", "git_failed", "row_problem",
                   "table_row_problem", "record_problem", "roster_file_untrusted",
                   "anchored", "file_unreadable", "yes", "no", "queue_header", "gate_header",
                   "retrain_list"):
        # Chinese is said in Chinese (not the English left in place)
        assert any("\u4e00" <= c <= "\u9fff" for c in zh), (key, zh)


def test_an_error_made_from_a_key_is_said_in_either_language_and_is_english_as_a_str():
    err = Refused("own_item", name="editor", item=7)
    assert str(err) == "editor submitted or last changed item 7 and cannot review it"
    assert err.message("zh") == "editor 提交或最后修改了事项 7，不能审核该事项"
    assert err.message("en") == str(err)
    assert err.about("posts/a.txt").message("zh").startswith("posts/a.txt: editor 提交")


def test_an_error_made_from_a_sentence_is_shown_as_it_is():
    err = UsageError("the draft is somewhere else")
    assert err.key is None
    assert err.message("zh") == err.message("en") == "the draft is somewhere else"
    assert ReviewError("log_empty").key == "log_empty"  # a key without values
    assert ReviewError("no_such_thing").message("zh") == "no_such_thing"  # a word, no key


def test_a_msg_is_english_as_a_str_and_its_parts_are_said_in_the_same_language():
    problem = Msg("rp_needs_level", item=3, level=1, role="reviewer")
    assert problem == "item 3 still needs approval at level 1 (reviewer)"
    err = StoreError("no_export", problem=problem)
    assert "（事项 3 尚需第 1 级（reviewer）审核通过）" in err.message("zh")
    assert "(item 3 still needs approval at level 1 (reviewer))" in err.message("en")
    # an error as a part of another message
    inner = StoreError("item_no_submission", item=4)
    outer = Msg("record_problem", seq=9, problem=inner)
    assert outer.say("zh").startswith("第 9 条记录：事项 4 没有经过签名的提交记录")
    assert said(outer, "en") == outer == f"record 9: {inner}"
    assert said("plain", "zh") == "plain"


def test_either_joins_words_in_each_language():
    assert either(["reviewer"]) == "reviewer"
    assert t("lacks_role", "en", name="x", roles=either(("reviewer", "approver", "admin"))) == \
        "x does not hold the role reviewer or approver or admin"
    assert t("lacks_role", "zh", name="x", roles=either(("reviewer", "approver"))) == \
        "x 不具有 reviewer 或 approver 角色"


@pytest.mark.parametrize("err", [InputError("binary", kind="PNG"),
                                 Refused("no_item", item=5),
                                 StoreError("no_export", problem=Msg("rp_rejected", item=2)),
                                 UsageError("a sentence of its own")])
def test_errors_cross_processes_with_their_key(err):
    err.about("x.txt")
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is type(err)
    assert again.message("zh") == err.message("zh") and again.message("en") == err.message("en")


SAYERS = {"Msg", "say", "ReviewError", "InputError", "UsageError", "ConfigError", "Refused",
          "StoreError", "AccountError", "CalendarError", "GitError"}


def _calls():
    """(where, name, key, keywords or None for **kwargs) of every call in the package that
    says a message by its key."""
    root = Path(i18n.__file__).parent
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            first = node.args[0]
            if name in SAYERS and isinstance(first, ast.Constant) and \
                    isinstance(first.value, str) and first.value.isidentifier():
                keywords = None if any(k.arg is None for k in node.keywords) else \
                    {k.arg for k in node.keywords}
                yield f"{path.relative_to(root)}:{node.lineno}", name, first.value, keywords


def test_every_message_said_by_its_key_is_given_the_values_it_names():
    """A key that is not in the tables, or a value missing, would fail only when the error is
    raised: each is found here instead."""
    calls = list(_calls())
    assert len(calls) > 250
    table = i18n.messages()
    for where, _name, key, keywords in calls:
        assert key in table, (where, key)
        if keywords is not None:
            assert keywords == _fields(table[key][1]), (where, key, keywords)
