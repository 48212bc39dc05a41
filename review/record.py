"""Records: a class's annotated fields, set by keyword, compared by value, copied with changes.

What `review check` needed of dataclasses (Finding, FileResult, Config), without importing them:
`dataclasses` brings `inspect` with it, 42M instructions of a one-draft check's 870M, and
compiles each class's methods at every start (issue 19). A field's default is the class
attribute of its name; a list, dict or set default is copied for each record, as a dataclass's
default factory would make a new one."""

from __future__ import annotations

from typing import Any, ClassVar, dataclass_transform

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
