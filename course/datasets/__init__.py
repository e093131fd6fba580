"""Velora's community data: one loader per table, with the right types.

    from course.datasets import load_inbox, load
    inbox = load_inbox()                      # the course data, shipped inside the package
    mine = load("posts", "my_export.csv")     # your own export, checked against the same columns

Times are time-zone aware (UTC) datetimes, categories are pandas categoricals, counts are
integers. The course data is read from the installed package, never from the working
directory. A file of your own is validated: a missing column, or a column whose values are
not what it should hold, raises :class:`DataError` naming the file, the column, the first
bad row and what was expected.
"""

from __future__ import annotations

import io
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from course import tidy_pandas
from course.datasets.schema import AUDIENCE_VALUES, TABLES, Column, Table

tidy_pandas()  # the tables read whole in a notebook, whichever cell loads them first

__all__ = ["DataError", "load", "validate", "table_names", "TABLES"] + [f"load_{name}" for name in TABLES]

_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}


class DataError(ValueError):
    """A table does not have the columns or values it should."""


def table_names() -> list[str]:
    return list(TABLES)


def _table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise DataError(f"there is no table called {name!r}; the tables are: {', '.join(TABLES)}") from None


def _bad(where: str, column: Column, values: pd.Series, mask: np.ndarray, problem: str) -> DataError:
    first = int(np.flatnonzero(mask)[0])
    example = values.iloc[first]
    return DataError(
        f"{where}: column '{column.name}' {problem}: row {first + 2} holds {example!r} "  # +2: header line, 1-based
        f"({int(mask.sum())} bad value(s) in all). Expected {column.expected} ({column.description})"
    )


def _convert(raw: pd.Series, column: Column, where: str):
    """Turn a column of text into its proper type, or raise DataError saying what is wrong and where."""
    text = raw.astype("string").str.strip()
    empty = (text.isna() | (text == "")).to_numpy()
    if empty.any() and not column.nullable and column.kind not in ("text",):
        raise _bad(where, column, raw, empty, "has empty values but may not")
    kind = column.kind
    if kind in ("id", "text"):
        values = raw.astype(object).where(~empty, None if column.nullable else "")
        return values
    if kind in ("int", "float"):
        numbers = pd.to_numeric(text.where(~empty), errors="coerce")
        bad = numbers.isna().to_numpy() & ~empty
        if bad.any():
            raise _bad(where, column, raw, bad, "holds values that are not numbers")
        if kind == "int":
            fractional = (numbers.notna() & (numbers != numbers.round())).to_numpy()
            if fractional.any():
                raise _bad(where, column, raw, fractional, "holds numbers that are not whole")
            return numbers.astype("int64")
        return numbers.astype("float64")
    if kind == "bool":
        lowered = text.str.lower()
        truthy, falsy = lowered.isin(_TRUE).to_numpy(), lowered.isin(_FALSE).to_numpy()
        bad = ~(truthy | falsy)
        if bad.any():
            raise _bad(where, column, raw, bad, "holds values that are not true/false")
        return pd.Series(truthy, index=raw.index)
    if kind == "category":
        lookup = {c.lower(): c for c in column.categories}
        canonical = text.str.lower().map(lookup)
        bad = canonical.isna().to_numpy() & ~empty
        if bad.any():
            raise _bad(where, column, raw, bad, "holds an unknown value")
        return pd.Series(pd.Categorical(canonical.astype(object), categories=list(column.categories)), index=raw.index)
    if kind == "datetime":
        parsed = pd.to_datetime(text.where(~empty), errors="coerce", utc=True, format="ISO8601")
        bad = parsed.isna().to_numpy() & ~empty
        if bad.any():
            raise _bad(where, column, raw, bad, "holds values that are not date-times")
        return parsed
    if kind == "date":
        parsed = pd.to_datetime(text.where(~empty), errors="coerce", format="ISO8601")
        bad = parsed.isna().to_numpy() & ~empty
        if bad.any():
            raise _bad(where, column, raw, bad, "holds values that are not dates")
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_localize(None)
        return parsed.dt.normalize()
    raise AssertionError(f"unknown column kind {kind}")  # pragma: no cover - schema is fixed


def validate(name: str, frame: pd.DataFrame, where: str | None = None) -> pd.DataFrame:
    """Check a raw table (all text, e.g. read from a CSV) and return it with proper types.

    Columns the course does not know are kept as they are, after the known ones.
    """
    table = _table(name)
    where = where or table.file
    missing = [c for c in table.columns if c.name not in frame.columns]
    if missing:
        first = missing[0]
        others = f" (also missing: {', '.join(c.name for c in missing[1:])})" if len(missing) > 1 else ""
        raise DataError(
            f"{where}: column '{first.name}' is missing{others}. Expected {first.expected} ({first.description}). "
            f"Found columns: {', '.join(map(str, frame.columns))}"
        )
    typed = pd.DataFrame({c.name: _convert(frame[c.name], c, where) for c in table.columns}, index=frame.index)
    extra = [c for c in frame.columns if c not in typed.columns]
    for column in extra:
        typed[column] = frame[column]
    typed = typed.reset_index(drop=True)
    if name in _TABLE_CHECKS:
        _TABLE_CHECKS[name](typed, where)
    return typed


def _check_audience(audience: pd.DataFrame, where: str) -> None:
    """The audience table's own rules: each value belongs to its breakdown, and each breakdown adds up.

    Raises DataError naming the row (as in the file: header line 1) or the platform and breakdown.
    """
    for index, (platform, dimension, value) in enumerate(zip(audience["platform"], audience["dimension"], audience["value"])):
        valid = AUDIENCE_VALUES[dimension]
        if str(value).strip() not in valid:
            raise DataError(f"{where}: row {index + 2} ({platform} {dimension}): {value!r} is not a known "
                            f"{dimension.replace('_', ' ')}. Expected one of: {', '.join(valid)}")
    sums = audience.groupby(["platform", "dimension"], observed=True).agg(followers=("followers", "sum"),
                                                                           share=("share", "sum"))
    for (platform, dimension), row in sums.iterrows():
        if abs(row["share"] - 1) > 0.01:
            raise DataError(f"{where}: the {dimension} shares of {platform} add up to {row['share']:.3f}, not 1: "
                            f"a breakdown covers all of a platform's followers once")
    per_platform = sums["followers"].groupby(level="platform", observed=True)
    for platform, counts in per_platform:
        if counts.nunique() > 1:
            listed = ", ".join(f"{d} {n:,}" for (_, d), n in counts.items())
            raise DataError(f"{where}: {platform}'s breakdowns count different numbers of followers ({listed}); "
                            f"each breakdown should add up to the same total")


_TABLE_CHECKS = {"audience": _check_audience}


def _read_csv(source, where: str) -> pd.DataFrame:
    try:
        return pd.read_csv(source, dtype=str, keep_default_na=False, na_values=[], encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as error:
        raise DataError(f"{where}: could not be read as a CSV file ({type(error).__name__}: {error})") from None


def load(name: str, path: str | Path | None = None) -> pd.DataFrame:
    """Load table ``name`` from the course data, or from ``path`` (your own export) after checking it."""
    table = _table(name)
    if path is None:
        data = resources.files("course").joinpath("data", table.file).read_bytes()
        return validate(name, _read_csv(io.BytesIO(data), table.file), table.file)
    path = Path(path)
    if not path.exists():
        raise DataError(f"{path}: no such file (to load the course's own {name} table, call load({name!r}) without a path)")
    return validate(name, _read_csv(path, str(path)), f"{path} ({name})")


def _make_loader(name: str):
    def loader(path: str | Path | None = None) -> pd.DataFrame:
        return load(name, path)

    table = TABLES[name]
    loader.__name__ = f"load_{name}"
    loader.__doc__ = f"{table.description}\n\nColumns: " + ", ".join(c.name for c in table.columns) + (
        ".\n\nWith ``path``, load and check your own export instead of the course data.")
    return loader


for _name in TABLES:
    globals()[f"load_{_name}"] = _make_loader(_name)
del _name
