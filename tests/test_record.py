"""Records (review.record) behave as the dataclasses they replaced: what a caller of Config,
Finding and FileResult relies on."""

from __future__ import annotations

import pickle

import pytest

from review.config import CLASSIFIER_THRESHOLDS, Config
from review.findings import Decision, FileResult


def test_a_list_default_is_a_new_list_for_each_record():
    first, second = FileResult(path="a.txt"), FileResult(path="b.txt")
    first.findings.append("x")  # type: ignore[arg-type]
    assert second.findings == [] and FileResult(path="c.txt").findings == []


def test_fields_are_named_and_required_ones_said():
    with pytest.raises(TypeError, match="missing the field 'path'"):
        FileResult()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="no field 'colour'"):
        FileResult(path="a.txt", colour="red")  # type: ignore[call-arg]


def test_a_frozen_record_is_changed_only_by_a_copy_that_is_checked_again():
    config = Config(lang="en")
    with pytest.raises(AttributeError):
        config.lang = "zh"  # type: ignore[misc]
    copy = config.replace(fail_on="never")
    assert (copy.lang, copy.fail_on, config.fail_on) == ("en", "never", "block")
    with pytest.raises(ValueError, match="consent topics"):
        config.replace(severity={"consent": "block"})
    # a copy keeps what the check made of its fields (thresholds over the defaults)
    assert config.replace(classifier={"ads": 0.5}).classifier == {**CLASSIFIER_THRESHOLDS,
                                                                 "ads": 0.5}


def test_equal_by_value_hashable_only_when_frozen_and_pickled_whole():
    a = FileResult(path="a.txt", decision=Decision.PASS)
    assert a == FileResult(path="a.txt", decision=Decision.PASS) != FileResult(path="b.txt")
    with pytest.raises(TypeError):
        hash(a)
    assert pickle.loads(pickle.dumps(a)) == a
    config = Config(official_domains=["gov.cn"])
    assert pickle.loads(pickle.dumps(config)) == config
    assert "official_domains=['gov.cn']" in repr(config)
