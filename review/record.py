"""Records: a class's annotated fields, set by keyword, compared by value, copied with changes.

What `review check` needed of dataclasses (Finding, FileResult, Config), without importing them:
`dataclasses` brings `inspect` with it, 42M instructions of a one-draft check's 870M, and
compiles each class's methods at every start (issue 19). A field's default is the class
attribute of its name; a list, dict or set default is copied for each record, as a dataclass's
default factory would make a new one.

`NamedTuple` is typing.NamedTuple without its check of each field's annotation: under
`from __future__ import annotations` every annotation is a string, which typing compiles into
a ForwardRef for each field of each class — 24M instructions of a one-draft check for the 36
named tuples on its path. The annotations are kept as written, never run."""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any, ClassVar, Generic, dataclass_transform

_COPIED = (list, dict, set)


@dataclass_transform(kw_only_default=True)
class Record:
    _fields: ClassVar[tuple[str, ...]] = ()
    _frozen: ClassVar[bool] = False

    def __init_subclass__(cls, frozen: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # the annotations are strings (from __future__ import annotations): read, never run
        own = [name for name, kind in vars(cls).get("__annotations__", {}).items()
               if not str(kind).startswith("ClassVar")]
        cls._fields = (*(n for n in cls._fields if n not in own), *own)
        cls._frozen = frozen

    def __init__(self, **values: Any) -> None:
        kind = type(self)
        fields = {}
        for name in self._fields:
            if name in values:
                fields[name] = values.pop(name)
                continue
            try:
                default = getattr(kind, name)
            except AttributeError:
                raise TypeError(f"{kind.__name__}: missing the field {name!r}") from None
            fields[name] = type(default)(default) if type(default) in _COPIED else default
        if values:
            raise TypeError(f"{kind.__name__}: no field {', '.join(map(repr, values))}")
        self.__dict__.update(fields)
        self._check()

    def _check(self) -> None:
        """Raise ValueError for values no record may hold (a subclass's rule); may normalise
        a field with object.__setattr__. Runs again for each copy `replace` makes."""

    def __setattr__(self, name: str, value: object) -> None:
        if self._frozen:
            raise AttributeError(f"{type(self).__name__} is read-only: use replace()")
        object.__setattr__(self, name, value)

    def _values(self) -> tuple:
        return tuple(self.__dict__[name] for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        if not self._frozen:
            raise TypeError(f"unhashable type: {type(self).__name__!r}")
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"

    def replace(self, **changes: Any) -> Any:
        """A copy with `changes` (checked as a new record is)."""
        return type(self)(**{**{name: self.__dict__[name] for name in self._fields}, **changes})


# what a class body may not define, and what it defines that the tuple keeps its own of
# (typing's _prohibited and _special)
_PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                         "_field_defaults", "_make", "_replace", "_asdict", "_source"})
_SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})


class _NamedTupleMeta(type):
    def __new__(cls, name: str, bases: tuple[type, ...], ns: dict[str, Any]) -> Any:
        if not bases:  # the base itself
            return super().__new__(cls, name, bases, ns)
        if any(base is not _Base and base is not Generic for base in bases):
            raise TypeError("can only inherit from a NamedTuple type and Generic")
        annotations = ns.get("__annotations__", {})
        defaults = [name for name in annotations if name in ns]
        if defaults and list(annotations)[-len(defaults):] != defaults:
            raise TypeError(f"{name}: a field without a default after one with a default")
        made = collections.namedtuple(name, list(annotations),
                                      defaults=[ns[n] for n in defaults],
                                      module=ns["__module__"])
        made.__annotations__ = made.__new__.__annotations__ = dict(annotations)
        made.__bases__ = tuple(tuple if base is _Base else base for base in bases)
        if Generic in bases:
            made.__class_getitem__ = classmethod(Generic.__class_getitem__.__func__)
        for key, value in ns.items():
            if key in _PROHIBITED:
                raise AttributeError(f"Cannot overwrite NamedTuple attribute {key}")
            if key not in _SPECIAL and key not in made._fields:
                setattr(made, key, value)
        if Generic in bases:
            made.__init_subclass__()
        return made


class _Base(metaclass=_NamedTupleMeta):
    pass


class _Subclassed:
    """Stands in a class statement's bases as typing.NamedTuple does (`class Hit(NamedTuple):
    …`), and is replaced there by the base that makes the tuple."""

    def __mro_entries__(self, bases: tuple) -> tuple[type]:
        return (_Base,)


if TYPE_CHECKING:
    from typing import NamedTuple
else:
    NamedTuple = _Subclassed()
