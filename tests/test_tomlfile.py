"""TOML files are parsed once per content and read back from the cache in marshal's form."""

from __future__ import annotations

import datetime

import pytest

from review.errors import ConfigError
from review.tomlfile import read_toml

TEXT = '[a]\nname = "区政府"\nsizes = [1, 2.5, inf]\nnested = { on = true }\n'


def test_a_parse_is_read_back_as_it_was_parsed(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "rules.toml"
    path.write_text(TEXT, encoding="utf-8")
    first = read_toml(path)
    (cached,) = (tmp_path / "cache").glob("toml-*.bin")
    second = read_toml(path)
    assert first == second == {"a": {"name": "区政府", "sizes": [1, 2.5, float("inf")],
                                     "nested": {"on": True}}}
    assert second is not first
    cached.write_bytes(b"damaged")  # parsed again, and the cache put right
    assert read_toml(path) == first and cached.read_bytes() != b"damaged"
    path.write_text(TEXT.replace("区政府", "市政府"), encoding="utf-8")  # new bytes, new parse
    assert read_toml(path)["a"]["name"] == "市政府"


def test_a_file_with_dates_is_parsed_each_time(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "dated.toml"
    path.write_text("since = 2026-12-07\n", encoding="utf-8")
    assert read_toml(path) == read_toml(path) == {"since": datetime.date(2026, 12, 7)}
    assert not list((tmp_path / "cache").glob("toml-*"))


def test_invalid_toml_is_one_line_naming_the_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[a\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.toml: not valid TOML"):
        read_toml(path)
