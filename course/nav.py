"""Previous/next links at the foot of every notebook, generated from the syllabus.

The last cell of each master notebook is a markdown cell tagged ``nav``. ``python -m course nav``
rewrites it; ``python -m course nav --check`` fails if any is out of date (run by the tests).
"""

from __future__ import annotations

import os

import nbformat

from course.syllabus import reading_order


def nav_text(index: int) -> str:
    order = reading_order()
    module, notebook = order[index]
    here = module.path

    def link(i: int) -> str:
        m, nb = order[i]
        relative = os.path.relpath(m.path / nb.file, here).replace(os.sep, "/")
        return f"[{nb.title}]({relative})"

    parts = []
    if index > 0:
        parts.append(f"⬅️ Previous: {link(index - 1)}")
    parts.append(f"Module {module.number}: {module.title}")
    if index + 1 < len(order):
        parts.append(f"Next: {link(index + 1)} ➡️")
    return "---\n" + " &nbsp;|&nbsp; ".join(parts)


def update(check: bool = False) -> list[str]:
    """Rewrite (or with ``check``, only compare) every nav cell; return the stale notebooks."""
    stale = []
    for index, (module, notebook) in enumerate(reading_order()):
        path = module.path / notebook.file
        nb = nbformat.read(path, as_version=4)
        cells = [c for c in nb.cells if "nav" in c.get("metadata", {}).get("tags", [])]
        if len(cells) != 1:
            raise ValueError(f"{path}: expected exactly one markdown cell tagged 'nav', found {len(cells)}")
        wanted = nav_text(index)
        if cells[0].source != wanted:
            stale.append(str(path))
            if not check:
                cells[0].source = wanted
                nbformat.write(nb, path)
    return stale
