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


# review.record.NamedTuple: typing.NamedTuple without compiling each string annotation


def _both(body: str) -> tuple[type, type]:
    """The same class statement under typing's NamedTuple and under review's."""
    made = []
    for source in ("typing", "review.record"):
        namespace: dict = {"__name__": "tests.test_record"}
        exec(f"from __future__ import annotations\nfrom {source} import NamedTuple\n"
             f"from typing import Generic, TypeVar\nT = TypeVar('T')\n{body}", namespace)
        made.append(namespace["Made"])
    return made[0], made[1]


BODY = '''
class Made(NamedTuple):
    """A point."""
    x: int
    label: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def twice(self) -> int:
        return 2 * self.x

    def moved(self, by: int) -> Made:
        return self._replace(x=self.x + by)
'''


def test_a_named_tuple_behaves_as_typings():
    theirs, ours = _both(BODY)
    for kind in (theirs, ours):
        point = kind(3, tags=("a",))
        assert isinstance(point, tuple) and kind.__mro__[1:] == (tuple, object)
        assert tuple(point) == (3, None, ("a",)) and point == (3, None, ("a",))
        assert point.twice == 6 and point.moved(1).x == 4 and point.label is None
        assert kind._fields == ("x", "label", "tags")
        assert kind._field_defaults == {"label": None, "tags": ()}
        assert repr(point) == "Made(x=3, label=None, tags=('a',))"
        assert kind.__doc__ == "A point." and kind.__module__ == "tests.test_record"
        assert point._asdict() == {"x": 3, "label": None, "tags": ("a",)}
        with pytest.raises(TypeError):
            kind()  # x is required
    # the annotations are kept as written (strings), which only typing's checks
    assert ours.__annotations__ == {"x": "int", "label": "str | None",
                                    "tags": "tuple[str, ...]"}


def test_a_named_tuple_refuses_what_typings_refuses():
    for body in ("class Made(NamedTuple):\n    x: int = 0\n    y: int\n",
                 "class Made(NamedTuple):\n    x: int\n    def _replace(self): ...\n",
                 "class Made(NamedTuple, dict):\n    x: int\n"):
        for source in ("typing", "review.record"):
            with pytest.raises((TypeError, AttributeError)):
                exec(f"from {source} import NamedTuple\n{body}", {"__name__": "t"})


def test_a_generic_named_tuple_is_subscripted_as_typings():
    theirs, ours = _both("class Made(NamedTuple, Generic[T]):\n    value: T\n    n: int = 0\n")
    for kind in (theirs, ours):
        assert kind[int](5).value == 5 and kind.__parameters__ == (kind.__parameters__[0],)


def test_named_tuples_of_the_check_pickle_and_compare_as_before():
    from review.findings import Hit, Rule

    rule = Rule("EX0001", "expression", "text", "review", "错", "wrong", "改", "fix")
    hit = Hit(rule, 1, 3)
    assert pickle.loads(pickle.dumps(hit)) == hit and hit._replace(end=4).end == 4


def test_the_checks_digest_is_sha256():
    import hashlib

    from review.digest import sha256

    for data in (b"", b"abc", "中文".encode() * 1000):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
