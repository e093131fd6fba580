"""The report builder of lesson 5.3: the traffic light, the KPI table, and an HTML export a manager can read offline.

The exported page is parsed with the standard library's html.parser: it must hold the title, the period, every KPI
with its target and status, the charts as embedded images, the commentary as escaped text, and nothing that reaches
outside the file.
"""

from __future__ import annotations

import base64
import math
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from course.analysis import report as rb


# ------------------------------------------------------------------ the traffic light
@pytest.mark.parametrize("value, target, higher, expected", [
    (0.030, 0.030, True, "green"), (0.035, 0.030, True, "green"), (0.0271, 0.030, True, "amber"),
    (0.0269, 0.030, True, "red"), (60, 60, False, "green"), (66, 60, False, "amber"), (66.5, 60, False, "red"),
    (-0.1, 0.25, True, "red"), (0.1, 0.0, True, "green"), (-0.01, 0.0, True, "red"), (math.nan, 0.3, True, "no data"),
])
def test_the_traffic_light_follows_the_stated_thresholds(value, target, higher, expected):
    assert rb.status(value, target, higher_is_better=higher) == expected


def test_the_thresholds_are_explained_in_words():
    assert "Green" in rb.THRESHOLDS and "Amber" in rb.THRESHOLDS and "Red" in rb.THRESHOLDS
    assert "a tenth" in rb.THRESHOLDS and rb.AMBER_BAND == 0.10


# ------------------------------------------------------------------ the KPI table on Velora's data
@pytest.fixture(scope="module")
def may():
    return rb.kpi_table("2026-05")


def test_may_2026_against_the_monthly_targets(may):
    # the lesson's worked example quotes these
    assert list(may.index) == [spec.key for spec in rb.KPIS]
    assert may["status"].to_dict() == {
        "engagement_rate": "amber", "follower_growth": "green", "question_reply_minutes": "red",
        "complaints_within_hour": "amber", "net_sentiment": "green", "share_of_voice": "green"}
    assert may.attrs["period"] == "May 2026"
    assert 0.040 < may.loc["follower_growth", "value"] < 0.042 and may.loc["follower_growth", "previous"] < 0.02
    assert 67 < may.loc["question_reply_minutes", "value"] < 69
    assert may.loc["complaints_within_hour", "shown"] == "47.9%"
    assert may.loc["question_reply_minutes", "target_shown"] == "≤ 60 min"


def test_the_crisis_month_is_red_but_for_share_of_voice():
    march = rb.kpi_table("2026-03")
    assert (march["status"] == "red").sum() == 5 and march.loc["share_of_voice", "status"] == "green"
    assert march.loc["net_sentiment", "value"] < 0


def test_the_numbers_are_the_course_metrics():
    from course import metrics
    from course.datasets import load_inbox, load_posts

    posts, inbox = load_posts(), load_inbox()
    start, end = pd.Timestamp("2026-05-01", tz="UTC"), pd.Timestamp("2026-06-01", tz="UTC")
    values = rb.kpi_values("2026-05-01", "2026-06-01")
    in_may = posts[(posts["published_at"] >= start) & (posts["published_at"] < end)]
    assert values["engagement_rate"] == pytest.approx(metrics.engagement_rate(in_may, by="reach"))
    messages = inbox[(inbox["received_at"] >= start) & (inbox["received_at"] < end)]
    assert values["net_sentiment"] == pytest.approx(metrics.net_sentiment(messages))


def test_targets_can_be_changed_and_a_week_scales_the_growth_target():
    table = rb.kpi_table("2026-05", targets={"engagement_rate": 0.025})
    assert table.loc["engagement_rate", "status"] == "green"
    week = rb.kpi_table(pd.Period("2026-05-04", "W-SUN"))
    assert week.loc["follower_growth", "target"] == pytest.approx(0.02 * 7 / 30)
    assert week.attrs["period"].startswith("Week of 04 May 2026")
    with pytest.raises(ValueError, match="no KPI called reach"):
        rb.kpi_table("2026-05", targets={"reach": 1})
    with pytest.raises(ValueError, match="2026-05"):
        rb.period("May")


def test_weekly_kpis_end_with_the_week_of_the_last_day():
    weeks = rb.weekly_kpis("2026-06-01", weeks=4)
    assert list(weeks.index.strftime("%Y-%m-%d")) == ["2026-05-04", "2026-05-11", "2026-05-18", "2026-05-25"]
    assert set(weeks.columns) == {spec.key for spec in rb.KPIS}


# ------------------------------------------------------------------ the HTML export
class _Page(HTMLParser):
    """What a reader (and a browser) would find in the page."""

    def __init__(self):
        super().__init__()
        self.tags, self.text, self.images, self.urls, self.meta = [], [], [], [], {}
        self._in = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        self._in.append((tag, attrs.get("class", "")))
        if tag == "img":
            self.images.append(attrs)
        if tag == "meta":
            self.meta[attrs.get("name") or attrs.get("http-equiv") or "charset"] = attrs.get("content", attrs.get("charset"))
        for key in ("src", "href", "action", "srcset", "poster", "data"):
            if attrs.get(key):
                self.urls.append(attrs[key])

    def handle_endtag(self, tag):
        while self._in and self._in.pop()[0] != tag:
            pass

    def handle_data(self, data):
        self.text.append((tuple(self._in), data))

    def inside(self, css_class: str) -> str:
        return " ".join(d for stack, d in self.text if any(css_class in c.split() for _, c in stack))


HOSTILE = ('Engagement held while reach doubled <script>alert("x")</script> and '
           '<img src="https://tracker.example/pixel.gif"> & <b>bold</b> "quotes"\n\nSecond paragraph.')


@pytest.fixture(scope="module")
def exported(tmp_path_factory, may):
    home = tmp_path_factory.mktemp("learner")
    charts = rb.trend_charts("2026-05", weeks=8)
    draft = rb.Report("Velora community report", "2026-05", may, charts, commentary=HOSTILE,
                      next_steps=["Add a second person to the inbox rota <on Mondays>", "Keep the campaign going"],
                      author="Giulia Rossi")
    result = rb.export(draft, home=home)
    page = _Page()
    page.feed(result.html.read_text(encoding="utf-8"))
    return home, result, page, draft


def test_the_export_lands_in_the_learners_reports_folder(exported):
    home, result, _, _ = exported
    assert result.html == home / "reports" / "velora-community-report-2026-05.html"
    assert result.pdf == home / "reports" / "velora-community-report-2026-05.pdf"
    assert result.pdf.read_bytes().startswith(b"%PDF") and result.pdf.stat().st_size > 10_000
    assert result.messages == []  # a complete draft has nothing left to do


def test_the_page_has_what_a_manager_needs(exported, may):
    _, _, page, _ = exported
    assert "Velora community report" in page.inside("report-title")
    assert page.inside("report-period") == "May 2026"
    rows = page.inside("kpis")
    for row in may.itertuples():
        assert row.kpi in rows and row.shown in rows and row.target_shown in rows
        assert rb.STATUS_LABELS[row.status] in rows
    assert "How the status is set" in page.inside("thresholds") and "a tenth of the target" in page.inside("thresholds")
    assert "Add a second person to the inbox rota <on Mondays>" in page.inside("next-steps")


def test_charts_are_embedded_images(exported):
    _, _, page, draft = exported
    assert len(page.images) == len(draft.charts) == 3
    for image in page.images:
        assert image["src"].startswith("data:image/png;base64,") and image.get("alt")
        assert base64.b64decode(image["src"].split(",", 1)[1]).startswith(b"\x89PNG")


def test_commentary_is_escaped_text_never_markup(exported):
    _, result, page, _ = exported
    raw = result.html.read_text(encoding="utf-8")
    assert "script" not in page.tags and page.tags.count("img") == 3 and "b" not in page.tags
    commentary = page.inside("commentary")
    assert '<script>alert("x")</script>' in commentary and '<img src="https://tracker.example/pixel.gif">' in commentary
    assert "&lt;script&gt;" in raw and "<script" not in raw
    assert "Second paragraph." in commentary and page.tags.count("p") >= 3


def test_the_page_opens_offline_and_reads_on_a_phone(exported):
    _, result, page, _ = exported
    raw = result.html.read_text(encoding="utf-8")
    assert all(url.startswith("data:") for url in page.urls), page.urls
    assert "http://" not in raw
    assert "@import" not in raw and "url(" not in raw
    assert page.meta["viewport"] == "width=device-width, initial-scale=1"
    assert "default-src 'none'" in page.meta["Content-Security-Policy"]
    assert "@media (max-width: 600px)" in raw


def test_the_only_external_looking_text_is_the_learners_own_escaped_words(exported):
    _, result, _, _ = exported
    raw = result.html.read_text(encoding="utf-8")
    assert raw.count("https://") == 1 and "&lt;img src=&#34;https://tracker.example/pixel.gif&#34;&gt;" in raw


def test_a_draft_lists_what_is_missing_and_is_still_exported(tmp_path, may):
    draft = rb.Report("Velora community report", "2026-05", may, {}, commentary="...", next_steps=[...])
    problems = draft.problems()
    assert len(problems) == 3 and any("commentary" in p for p in problems) and any("next steps" in p for p in problems)
    result = rb.export(draft, home=tmp_path, pdf=False)
    assert result.html.exists() and result.pdf is None
    assert sum(m.startswith("Still to do") for m in result.messages) == 3
    assert "PDF report: not made" in repr(result)


@pytest.mark.parametrize("folder, name", [("../elsewhere", None), ("/tmp", None), ("reports", "../x"),
                                          ("reports", "a/b"), ("reports", "x.html")])
def test_exports_never_leave_the_learners_folder(tmp_path, may, folder, name):
    draft = rb.Report("Velora", "2026-05", may, {}, commentary="ok", next_steps=["ok"])
    with pytest.raises(ValueError):
        rb.export(draft, folder=folder, name=name, home=tmp_path / "home", pdf=False)
    assert not (tmp_path / "elsewhere").exists() and not (tmp_path / "x.html").exists()


def test_a_failing_pdf_keeps_the_html_and_says_so(tmp_path, may, monkeypatch):
    draft = rb.Report("Velora", "2026-05", may, {}, commentary="ok", next_steps=["ok"])

    def broken(self, path):
        raise OSError("no fonts")

    monkeypatch.setattr(rb.Report, "save_pdf", broken)
    result = rb.export(draft, home=tmp_path)
    assert result.html.exists() and result.pdf is None
    assert any("PDF could not be made" in m and "print it to PDF" in m for m in result.messages)


def test_the_notebook_preview_is_a_sandboxed_frame(may):
    draft = rb.Report("Velora <b>", "2026-05", may, {}, commentary="<script>x</script>", next_steps=["ok"])
    preview = draft._repr_html_()
    assert preview.startswith("<iframe") and " sandbox " in preview and "<script" not in preview


def test_a_long_commentary_with_dollars_and_markup_continues_on_further_pdf_pages(tmp_path, may):
    long_text = "\n\n".join(f"Paragraph {n}: the campaign cost $5 per new rider, $x$ <b>not bold</b>. " * 4 for n in range(30))
    draft = rb.Report("Velora", "2026-05", may, rb.trend_charts("2026-05", keys=["net_sentiment"], weeks=6),
                      commentary=long_text, next_steps=["A step long enough to wrap onto a second line " * 3])
    pdf = draft.save_pdf(tmp_path / "long.pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pdf.startswith(b"%PDF") and pages == 3, pages  # the table and text, their continuation, one chart


def test_a_weekly_report_is_named_by_its_monday(tmp_path):
    week = pd.Period("2026-05-04", "W-SUN")
    draft = rb.Report("Velora weekly", week, rb.kpi_table(week), {}, commentary="ok", next_steps=["ok"])
    result = rb.export(draft, home=tmp_path, pdf=False)
    assert result.html.name == "velora-weekly-2026-05-04.html"
    assert "Week of 04 May 2026 to 10 May 2026" in result.html.read_text(encoding="utf-8")
