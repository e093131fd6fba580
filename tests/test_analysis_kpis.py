"""Lesson 5.1's KPI set: figures from course.metrics for the chosen period, definitions, clear errors, the
sentiment limits it shows, the practice questions' register of alternatives and the figures the lesson quotes."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from course import metrics
from course.analysis import kpis
from course.datasets import load_inbox, load_posts
from course.exercises.module5 import lesson1
from answer_keys import m5_lesson1 as keys

QUESTIONS = {q.id: q for q in (lesson1.denominator, lesson1.reach_impressions, lesson1.ninety_nine_one,
                               lesson1.sentiment_limits)}
REGISTER = [(qid, answer, decision, reason) for qid, rows in keys.ALTERNATIVES.items()
            for answer, decision, reason in rows]


@pytest.fixture(scope="module")
def may():
    return kpis.kpi_set("2026-05-01", "2026-05-31")


def test_every_metric_has_a_value_and_a_definition(may):
    assert list(may.table.index) == list(kpis.DEFINITIONS)
    assert may.table["value"].notna().all()
    assert (may.definitions().str.len() > 20).all()
    assert set(may.denominators.index) == {"reach", "impressions", "followers"}
    assert may.denominators["fits when"].str.len().min() > 30


def test_figures_are_course_metrics_on_the_chosen_posts(may):
    posts = load_posts()
    times = posts["published_at"].dt.tz_convert("UTC").dt.tz_localize(None)
    chosen = posts[(times >= "2026-05-01") & (times < "2026-06-01")]
    for by in ("reach", "impressions", "followers"):
        assert may.table.loc[f"engagement rate ({by})", "value"] == pytest.approx(metrics.engagement_rate(chosen, by=by))
    assert may.table.loc["reach", "value"] == chosen["reach"].sum()
    assert may.table.loc["impressions", "value"] >= may.table.loc["reach", "value"]
    assert may.table.loc["frequency", "value"] == pytest.approx(chosen["impressions"].sum() / chosen["reach"].sum())


def test_platforms_narrow_every_figure():
    china = kpis.kpi_set("2026-03-01", "2026-03-31", platforms=["weibo", "xiaohongshu", "wechat"])
    everything = kpis.kpi_set("2026-03-01", "2026-03-31")
    assert china.platforms == ["weibo", "xiaohongshu", "wechat"]
    assert china.table.loc["reach", "value"] < everything.table.loc["reach", "value"]
    assert kpis.kpi_set("2026-03-01", "2026-03-31", platforms="instagram").platforms == ["instagram"]


@pytest.mark.parametrize("kwargs, named", [
    ({"start": "2026-13-01", "end": "2026-05-31"}, "start"),
    ({"start": "2026-05-01", "end": "2027-01-31"}, "end"),
    ({"start": "2024-05-01", "end": "2026-05-31"}, "start"),
    ({"start": "2026-05-31", "end": "2026-05-01"}, "end"),
    ({"start": None, "end": "2026-05-31"}, "start"),
    ({"start": "2026-05-01", "end": "2026-05-31", "platforms": ["instagramm"]}, "platforms"),
    ({"start": "2026-05-01", "end": "2026-05-31", "platforms": []}, "platforms"),
])
def test_bad_periods_and_platforms_name_the_argument(kwargs, named):
    with pytest.raises(ValueError, match=named):
        kpis.kpi_set(**kwargs)


def test_targets_are_the_community_reports(may):
    from course.analysis.report import KPIS
    report = {spec.key: spec.target for spec in KPIS}
    assert may.table.loc["complaints within 1 hour", "target"] == report["complaints_within_hour"]
    assert may.table.loc["share of voice", "target"] == report["share_of_voice"]


def test_the_chart_draws_both_panels(may):
    fig = may.chart()
    left, right = fig.axes
    assert len(left.patches) == 3 and len(right.patches) == len(may.response)
    matplotlib.pyplot.close(fig)


def test_a_lexicon_misreads_sarcasm_and_text_it_cannot_read():
    reading = kpis.vader_reading(["Great, the battery died again halfway to work. Just what I needed.",
                                  "电池又没电了，太失望了。"])
    assert reading["vader"].tolist() == ["positive", "neutral"]
    inbox = load_inbox()
    table = kpis.sentiment_by_language(inbox[inbox["received_at"].dt.month == 5])
    assert table.loc["en", "vader_agrees"] > 0.95
    assert table.loc["zh", "vader_agrees"] < 0.5 and table.loc["it", "vader_agrees"] < 0.6
    assert (table.loc[["it", "zh"], "vader_neutral"] > table.loc[["it", "zh"], "labelled_neutral"]).all()


def test_every_question_has_a_register_entry_and_its_reference_answer_passes():
    assert set(keys.ALTERNATIVES) == set(QUESTIONS) == set(keys.ANSWERS)
    for qid, answer in keys.ANSWERS.items():
        assert QUESTIONS[qid].verdict(answer).correct
        assert QUESTIONS[qid].verdict(...).status == "not attempted"


@pytest.mark.parametrize("qid, answer, decision, reason", REGISTER, ids=[f"{r[0]}-{r[2]}-{i}" for i, r in enumerate(REGISTER)])
def test_register_decisions_are_what_the_checks_do(qid, answer, decision, reason):
    assert decision in ("accepted", "rejected") and len(reason) > 20
    verdict = QUESTIONS[qid].verdict(answer)
    if decision == "accepted":
        assert verdict.correct, (qid, answer, verdict.message)
    else:
        assert verdict.status == "not yet right", (qid, answer, verdict.status)


def test_every_wrong_option_has_its_own_feedback():
    for question in QUESTIONS.values():
        assert len(question.feedback) == len(question.options) - 1


def test_the_lessons_prose_figures_hold():
    facts = keys.FACTS
    assert round(facts["engagement rate (reach)"] * 100, 1) == 2.9       # "about 2.9 ... per hundred people reached"
    assert round(facts["engagement rate (impressions)"] * 100, 1) == 2.1
    assert round(facts["engagement rate (followers)"] * 100, 1) == 0.9
    assert round(facts["frequency"], 1) == 1.4
    assert 0.035 < facts["follower growth"] < 0.045                       # "about 4%"
    assert 0.2 < facts["replied within 1 hour"] < 0.3                     # "about a quarter"
    assert 80 < facts["median first reply"] < 100                         # "about an hour and a half"
    assert 0.3 < facts["share of voice"] < 0.36                           # "about a third", above its target
    assert 0.45 < facts["complaints within 1 hour"] < 0.5                 # "just miss their target of one in two"
    assert 0.029 < facts["engagement rate (reach)"] < 0.030               # "just under its 3% target"
    assert facts["net sentiment"] > 0.25
    assert round(facts["lurkers (90-9-1)"], 2) == 0.93
    assert 0.45 < facts["vader_agrees_it"] < 0.55 and 0.3 < facts["vader_agrees_zh"] < 0.4


def test_share_of_voice_doubles_in_the_crisis_week_as_the_lesson_says():
    spring = kpis.kpi_set("2026-03-01", "2026-04-30")
    fig = spring.voice_chart()
    assert [text.get_text() for text in fig.axes[0].get_legend().get_texts()][0] == "Velora"
    matplotlib.pyplot.close(fig)
    listening = spring.listening.assign(date=pd.to_datetime(spring.listening["date"]))
    crisis = listening["date"].between("2026-03-16", "2026-03-22")
    ordinary = listening["date"].between("2026-04-06", "2026-04-26")
    assert metrics.share_of_voice(listening[crisis]) > 2 * metrics.share_of_voice(listening[ordinary])
    assert 0.23 < metrics.share_of_voice(listening[ordinary]) < 0.28     # "about a quarter"


def test_the_case_studys_weibo_figures_hold():
    posts = load_posts()
    rates = metrics.engagement_rate(posts, group="platform")
    likes = posts.groupby("platform", observed=True)["likes"].sum()
    assert 35 < likes["instagram"] / likes["weibo"] < 45                  # "about forty times Weibo's likes"
    assert 1.8 < rates["instagram"] / rates["weibo"] < 2.3                # "only about twice Weibo's rate"
