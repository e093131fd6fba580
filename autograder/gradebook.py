"""Where the gradebook lives: SQLite for one instructor (the default), PostgreSQL for a class with many graders.

The URL is, in this order: ``$GRADEBOOK_URL``; ``c.CourseDirectory.db_url`` in the course root's
``nbgrader_config.py``; ``sqlite:///<root>/gradebook.db``. A PostgreSQL URL names the driver pinned with
the course, e.g. ``postgresql+psycopg://grader@db.example.org:5432/gradebook``.

``python -m autograder gradebook migrate --to URL`` copies a SQLite gradebook into PostgreSQL, table by
table, and proves the row counts match.
"""

from __future__ import annotations

import os
from pathlib import Path

SQLITE_BUSY_TIMEOUT = 120  # seconds a SQLite writer waits for another (parallel workers share one file)


class GradebookError(RuntimeError):
    """The gradebook cannot be reached or copied; the message says which one and what to do."""


def configured_url(root: Path) -> str | None:
    """``c.CourseDirectory.db_url`` from the course root's nbgrader_config.py, if it sets one."""
    config_file = Path(root) / "nbgrader_config.py"
    if not config_file.exists():
        return None
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config()
    url = config.CourseDirectory.get("db_url")
    return str(url) if url else None


def gradebook_url(root: Path) -> str:
    """The gradebook's SQLAlchemy URL for the course root (a SQLite one with a long busy timeout)."""
    root = Path(root)
    url = os.environ.get("GRADEBOOK_URL") or configured_url(root) or f"sqlite:///{root / 'gradebook.db'}"
    if url.startswith("sqlite:") and "?" not in url:
        url += f"?timeout={SQLITE_BUSY_TIMEOUT}"
    return url


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def check_reachable(url: str, timeout: int = 5) -> None:
    """Raise :class:`GradebookError` naming the gradebook if it does not answer (before anything is graded)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import SQLAlchemyError

    arguments = {"connect_timeout": timeout} if url.startswith("postgresql") else {}
    engine = create_engine(url, connect_args=arguments)
    try:
        with engine.connect() as connection:
            connection.execute(text("select 1"))
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
        raise GradebookError(f"the gradebook at {shown(url)} does not answer ({reason}). Start the database "
                             "or point GRADEBOOK_URL at one that runs; nothing was graded or changed.") from None
    finally:
        engine.dispose()


def row_counts(url: str) -> dict[str, int]:
    """Rows per gradebook table."""
    from nbgrader.api import Base
    from sqlalchemy import create_engine, func, select

    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                    for table in Base.metadata.sorted_tables}
    finally:
        engine.dispose()


def migrate(source: str, target: str) -> dict[str, int]:
    """Copy every row of the ``source`` gradebook into the empty ``target`` one; return the counts.

    The target's tables are created by nbgrader itself (so its schema version is recorded), then filled
    in dependency order in one transaction; the counts of both sides are compared afterwards.
    """
    from nbgrader.api import Base, Gradebook
    from sqlalchemy import create_engine, select

    from sqlalchemy import inspect

    check_reachable(source)
    check_reachable(target)
    probe = create_engine(target)
    try:
        has_tables = bool(inspect(probe).get_table_names())
    finally:
        probe.dispose()
    if has_tables and any(row_counts(target).values()):
        raise GradebookError(f"the gradebook at {shown(target)} is not empty; migrate into a new database")
    with Gradebook(target):  # creates the schema and stamps its version (and a default course row)
        pass
    reader, writer = create_engine(source), create_engine(target)
    try:
        with reader.connect() as read, writer.begin() as write:
            for table in reversed(Base.metadata.sorted_tables):  # what nbgrader put there goes first
                write.execute(table.delete())
            for table in Base.metadata.sorted_tables:
                rows = [dict(row._mapping) for row in read.execute(select(table))]
                if rows:
                    write.execute(table.insert(), rows)
    finally:
        reader.dispose()
        writer.dispose()
    before, after = row_counts(source), row_counts(target)
    if before != after:
        raise GradebookError(f"row counts differ after copying: {before} in the source, {after} in the target")
    return after
