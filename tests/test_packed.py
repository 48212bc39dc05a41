"""review.packed: tables of strings as the cache keeps them give back what was packed."""

from __future__ import annotations

import marshal

import pytest

from review.packed import CharNumbers, CharStrings, Strings

TABLE = {"工": "作人具", "人": "民员", "𠀀": "甲𠀁乙", "a": "", "龥": "x"}


def _through_marshal(data: list) -> list:
    return marshal.loads(marshal.dumps(data))  # as the cache file gives it back


def test_character_strings_come_back_as_packed():
    table = CharStrings.unpack(_through_marshal(CharStrings.pack(TABLE)))
    assert dict(table.items()) == {k: v for k, v in TABLE.items() if v}  # "" is no entry
    assert table == {k: v for k, v in TABLE.items() if v}
    assert table.get("工") == "作人具" and table.get("𠀀") == "甲𠀁乙"  # beyond the BMP too
    assert table.get("口") == "" and table.get("口", "?") == "?"
    assert table.get("\u0000") == "" and table.get("\U0010ffff") == ""  # outside the range
    assert table.has("工", "人") and not table.has("工", "民") and not table.has("口", "人")
    assert table.has("𠀀", "𠀁")
    with pytest.raises(KeyError):
        table["口"]


def test_character_numbers_come_back_as_packed():
    weights = {"工": 2.5, "人": -1.0, "𠀀": 0.0}
    table = CharNumbers.unpack(_through_marshal(CharNumbers.pack(weights)))
    assert dict(table.items()) == weights and len(table) == 3
    assert table.value("口") == 0 and table.value("\U0010ffff") == 0
    counts = CharNumbers.unpack(_through_marshal(CharNumbers.pack({"工": 7, "人": 40000}, "I")))
    assert counts.value("人") == 40000 and counts["工"] == 7


def test_a_list_of_strings_comes_back_as_packed():
    strings = ["工作", "", "𠀀人", "a b"]
    packed = Strings.unpack(_through_marshal(Strings.pack(strings)))
    assert list(packed) == strings and len(packed) == 4
    assert packed[2] == "𠀀人" and packed[-1] == "a b" and packed[1:3] == ["", "𠀀人"]
    with pytest.raises(IndexError):
        packed[4]


def test_an_empty_table_packs():
    assert len(CharStrings.unpack(CharStrings.pack({}))) == 0
    assert CharStrings.unpack(CharStrings.pack({})).get("工") == ""
    assert list(Strings.unpack(Strings.pack([]))) == []


def test_keys_must_be_single_characters():
    with pytest.raises(ValueError):
        CharStrings.pack({"工作": "x"})
