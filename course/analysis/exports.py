"""Messy exports, as analytics tools hand them over, and how to tidy them into the course's tables.

    from course.analysis import exports
    path = exports.sample_path("instagram_followers_it")   # a copy of an export, shipped with the course
    for problem in exports.explain(path, "followers"):      # what stops load("followers", path)
        print(problem)
    tidy = exports.tidy(path, "followers")                  # text columns named as the course's schema
    followers = exports.load_tidy(path, "followers")        # tidied, then checked by the validating loader

The samples are written for the course. Each carries quirks seen in real exports: a header in the
interface's language, a day-first date, local times with no time zone, dots or commas as thousands
separators, a currency sign, a totals row, comment lines above the header, ``source / medium`` in one column and ``(not set)`` rows.
Every problem names the file, the row (as a spreadsheet numbers it, header on row 1) and the column.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from course.datasets import TABLES, DataError, validate

__all__ = ["SAMPLES", "ExportProblem", "sample_path", "read_export", "explain", "tidy", "load_tidy", "not_set_share"]

SAMPLES = {
    "instagram_followers_it": ("followers", "Daily followers from a platform's insights page set to Italian."),
    "web_by_source_medium": ("web_sessions", "Daily sessions by source / medium from a web-analytics tool."),
    "instagram_posts_local_time": ("posts", "Campaign posts from a platform export written in the account's local time."),
}
NAIVE_TIME = r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?"

# Headers as tools and languages write them -> the course's column names (compared lower-case, trimmed).
HEADERS = {
    "data": "date", "giorno": "date", "day": "date", "fecha": "date", "datum": "date",
    "piattaforma": "platform", "network": "platform", "channel": "platform",
    "nuovi follower": "new", "new followers": "new", "follows": "new",
    "follower persi": "lost", "unfollows": "lost", "lost followers": "lost",
    "follower totali": "total", "followers": "total", "total followers": "total",
    "session source": "source", "session medium": "medium", "session campaign": "campaign",
    "sessioni": "sessions", "sign-ups": "signups", "sign ups": "signups", "registrazioni": "signups",
    "purchases": "orders", "transactions": "orders", "ordini": "orders",
    "post id": "post_id", "published": "published_at", "published (local time)": "published_at",
    "publish time": "published_at", "link clicks": "clicks", "video views": "video_views", "utm campaign": "utm_campaign",
    "purchase revenue": "revenue", "total revenue": "revenue", "entrate": "revenue",
}
COMBINED = {"session source / medium": ("source", "medium"), "source / medium": ("source", "medium")}
TOTAL_WORDS = {"total", "totals", "totale", "grand total", "totale complessivo", "gesamt", "total general"}
NOT_SET = "(not set)"
MEDIUMS = {"(none)": "direct", "paid": "cpc", "ppc": "cpc", "paid social": "social"}


@dataclass(frozen=True)
class ExportProblem:
    """One thing wrong with an export: where it is and what to do about it."""

    file: str
    row: int | None  # as a spreadsheet numbers it (header = 1); None when it concerns the whole column
    column: str
    problem: str
    fix: str

    def __str__(self) -> str:
        place = f"row {self.row}, " if self.row is not None else ""
        return f"{self.file}: {place}column '{self.column}': {self.problem}. Fix: {self.fix}"


def sample_path(name: str) -> Path:
    """The path of a shipped sample export (``SAMPLES`` lists them)."""
    if name not in SAMPLES:
        raise DataError(f"there is no sample export called {name!r}; the samples are: {', '.join(SAMPLES)}")
    return Path(str(resources.files("course").joinpath("analysis", "exports", f"{name}.csv")))


def _source(path) -> tuple[Path, str]:
    path = Path(path)
    if not path.exists():
        raise DataError(f"{path}: no such file")
    return path, path.name


def read_export(path) -> tuple[pd.DataFrame, int]:
    """Read an export as text, skipping comment lines (``#``) above the header.

    Returns the frame and the number of lines skipped, so rows can be reported as the file numbers them.
    """
    path, name = _source(path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    skipped = 0
    while skipped < len(lines) and (not lines[skipped].strip() or lines[skipped].lstrip().startswith("#")):
        skipped += 1
    body = "\n".join(lines[skipped:])
    try:
        frame = pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False, na_values=[])
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise DataError(f"{name}: could not be read as a CSV file ({type(error).__name__}: {error})") from None
    return frame, skipped


def _row(index: int, skipped: int) -> int:
    return index + 2 + skipped  # header line, 1-based, comment lines above


def _is_total(row: pd.Series) -> bool:
    return any(str(v).strip().lower() in TOTAL_WORDS for v in row.iloc[:3])


def _number_quirks(text: pd.Series) -> tuple[str | None, pd.Series]:
    """Which quirk a column of numbers has (None if plain), and the values made plain."""
    t = text.str.strip()
    if t.str.contains("€|\\$|£", regex=True).any():
        return "carries a currency sign", t.str.replace(r"[€$£\s]", "", regex=True).str.replace(",", "", regex=False)
    if t.str.fullmatch(r"\d{1,3}(\.\d{3})+").any():
        return "uses dots as thousands separators (53.222 means fifty-three thousand)", t.str.replace(".", "", regex=False)
    if t.str.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?").any():
        return "uses commas as thousands separators", t.str.replace(",", "", regex=False)
    return None, t


def _date_quirks(text: pd.Series) -> tuple[str | None, pd.Series]:
    t = text.str.strip()
    if t.str.fullmatch(r"\d{2}/\d{2}/\d{4}").all():
        parsed = pd.to_datetime(t, format="%d/%m/%Y", errors="coerce")
        return "is written day first (dd/mm/yyyy)", parsed.dt.strftime("%Y-%m-%d")
    if t.str.fullmatch(r"\d{8}").all():
        parsed = pd.to_datetime(t, format="%Y%m%d", errors="coerce")
        return "is written as yyyymmdd with no separators", parsed.dt.strftime("%Y-%m-%d")
    return None, t


def _time_quirks(text: pd.Series, timezone: str | None) -> tuple[str | None, pd.Series]:
    t = text.str.strip()
    if not t.str.fullmatch(NAIVE_TIME).all():
        return None, t
    if timezone is None:
        return ("carries no time zone, so the course would read local times as UTC and shift them",
                t)
    local = pd.to_datetime(t, format="ISO8601").dt.tz_localize(timezone)
    return f"is in local time ({timezone})", local.dt.tz_convert("UTC").map(lambda v: v.isoformat())


def _work(path, table: str, timezone: str | None = None) -> tuple[pd.DataFrame, list[ExportProblem]]:
    """Tidy an export and record every change made: the one walk :func:`explain` and :func:`tidy` share."""
    if table not in TABLES:
        raise DataError(f"there is no table called {table!r}; the tables are: {', '.join(TABLES)}")
    _, name = _source(path)
    frame, skipped = read_export(path)
    problems: list[ExportProblem] = []
    totals = [i for i in frame.index if _is_total(frame.loc[i])]  # before columns move
    if skipped:
        problems.append(ExportProblem(name, None, "(header)", f"{skipped} comment line(s) sit above the header",
                                      "skip them when reading (the header is on line {})".format(skipped + 1)))
    renamed = {}
    known = {c.name for c in TABLES[table].columns}
    for column in frame.columns:
        key = " ".join(str(column).strip().lower().split())
        if key in COMBINED:
            problems.append(ExportProblem(name, None, column, "holds two fields in one",
                                          f"split it at ' / ' into {' and '.join(COMBINED[key])}"))
            parts = frame[column].str.split(" / ", n=1, expand=True).reindex(columns=[0, 1]).fillna(NOT_SET)
            for target, part in zip(COMBINED[key], (0, 1)):
                frame[target] = parts[part].str.strip()
            frame = frame.drop(columns=column)
        elif key in known and key != column:
            renamed[column] = key
        elif key in HEADERS and HEADERS[key] != column:
            renamed[column] = HEADERS[key]
    if renamed:
        cased = [column for column, target in renamed.items() if column.strip().lower() == target]
        if cased:
            problems.append(ExportProblem(name, None, ", ".join(cased), "capital letters: the course's column names "
                                          "are lower case", "write them in lower case"))
        for column, target in renamed.items():
            if column not in cased:
                problems.append(ExportProblem(name, None, column, "is not a column name the course knows",
                                              f"rename it '{target}'"))
        frame = frame.rename(columns=renamed)
    for i in totals:
        problems.append(ExportProblem(name, _row(i, skipped), str(frame.columns[0]), "is a totals row, not a day",
                                      "drop it (summing the table would count everything twice)"))
    frame = frame.drop(index=totals)
    spec = TABLES[table]
    if "platform" in frame.columns and spec.column("platform").kind == "category":
        frame["platform"] = frame["platform"].str.strip().str.lower()
    for column in spec.columns:
        if column.name not in frame.columns:
            continue
        if column.kind in ("int", "float"):
            quirk, plain = _number_quirks(frame[column.name])
        elif column.kind == "date":
            quirk, plain = _date_quirks(frame[column.name])
        elif column.kind == "datetime":
            quirk, plain = _time_quirks(frame[column.name], timezone)
            if quirk and timezone is None:
                problems.append(ExportProblem(name, _row(frame.index[0], skipped), column.name, quirk,
                                              "say which zone the tool wrote them in, e.g. timezone='Europe/Rome'"))
                continue
        else:
            continue
        if quirk:
            first = int((plain != frame[column.name].str.strip()).to_numpy().argmax())
            problems.append(ExportProblem(name, _row(frame.index[first], skipped), column.name, quirk,
                                          "rewrite the values in the course's plain form"))
            frame[column.name] = plain
    if "medium" in frame.columns:
        unset = frame["medium"].str.strip().isin([NOT_SET]) & frame["source"].str.strip().isin([NOT_SET])
        for i in frame.index[unset]:
            problems.append(ExportProblem(name, _row(i, skipped), "source / medium",
                                          "is (not set): the tool could not tell where the visit came from",
                                          "leave it out of the by-source table and report the sessions it held"))
        frame = frame[~unset]
        frame["medium"] = frame["medium"].str.strip().str.lower().replace(MEDIUMS)
    if "campaign" in frame.columns:
        unset = frame["campaign"].str.strip() == NOT_SET
        if unset.any():
            first = frame.index[unset][0]
            problems.append(ExportProblem(name, _row(first, skipped), "campaign",
                                          f"holds '(not set)' in {int(unset.sum())} row(s) where the visit had no utm_campaign",
                                          "leave the cell empty, as the course's table does for untagged visits"))
            frame.loc[unset, "campaign"] = ""
    return frame.reset_index(drop=True), problems


def explain(path, table: str, timezone: str | None = None) -> list[ExportProblem]:
    """Everything in the export at ``path`` that would stop it loading as ``table``, in file order.

    Columns the table needs and the export lacks are reported last; an empty list means the file loads as it is.
    """
    tidied, problems = _work(path, table, timezone)
    _, name = _source(path)
    for column in TABLES[table].columns:
        if column.name not in tidied.columns:
            problems.append(ExportProblem(name, None, column.name, "is missing",
                                          f"add it: {column.description} ({column.expected})"))
    return problems


def tidy(path, table: str, timezone: str | None = None, **fill) -> pd.DataFrame:
    """The export at ``path`` with the course's column names and plain values, still as text.

    Columns the export lacks can be given as ``name=value`` (for example ``platform="instagram"``);
    ``timezone`` (e.g. ``"Europe/Rome"``) says in which zone the tool wrote date-times that carry none.
    Pass the result to :func:`course.datasets.validate`, or use :func:`load_tidy`.
    """
    tidied, _ = _work(path, table, timezone)
    for column, value in fill.items():
        tidied[column] = str(value)
    return tidied


def load_tidy(path, table: str, timezone: str | None = None, **fill) -> pd.DataFrame:
    """Tidy the export at ``path`` and check it with the course's validating loader (typed columns)."""
    _, name = _source(path)
    return validate(table, tidy(path, table, timezone, **fill), f"{name} (tidied {table})")


def not_set_share(path) -> float:
    """The share of sessions the web-analytics export could not attribute to any source (its (not set) rows)."""
    frame, _ = read_export(path)
    column = next(c for c in frame.columns if c.strip().lower() in COMBINED)
    keep = ~frame.apply(_is_total, axis=1)
    sessions = pd.to_numeric(frame.loc[keep, "Sessions"].str.replace(",", "", regex=False))
    unset = frame.loc[keep, column].str.startswith(NOT_SET)
    return round(float(sessions[unset].sum() / sessions.sum()), 4)
