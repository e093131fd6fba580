"""`make lab` serves the generated workbook: start the real JupyterLab server on it and ask it."""

from __future__ import annotations

import json
import urllib.request

import pytest

from course import workbook as wb
from nbtools import jupyter_server


@pytest.fixture
def lab(module_course_root, tmp_path):
    book = tmp_path / "workbook"
    wb.generate(book, module_course_root, ["module1_intro"])
    with jupyter_server("jupyterlab", book, tmp_path) as (base, token):
        yield base, token


def test_jupyterlab_opens_on_the_learner_workbook(lab):
    base, token = lab
    page = urllib.request.urlopen(f"{base}/lab?token={token}").read().decode()
    assert "JupyterLab" in page
    listing = json.load(urllib.request.urlopen(f"{base}/api/contents/module1_intro?token={token}"))
    names = {item["name"] for item in listing["content"]}
    assert "1.1-what-is-community-management.ipynb" in names and "1.4-assignment.ipynb" in names
    notebook = json.load(urllib.request.urlopen(f"{base}/api/contents/module1_intro/1.4-assignment.ipynb?token={token}"))
    assert "BEGIN SOLUTION" not in json.dumps(notebook["content"])
