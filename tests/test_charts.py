"""The lessons' chart helpers draw what their data says and refuse bad input by name."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from matplotlib.colors import to_hex  # noqa: E402

from course.charts import (  # noqa: E402
    ELSEWHERE_COLOUR, OWNED_COLOUR, ChartError, duty_shares, mentions_by_place, word_of_mouth)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _heights(ax):
    return [round(p.get_height(), 1) for p in ax.patches]


def test_word_of_mouth_draws_the_rule_and_the_month():
    one, month = word_of_mouth(300, 100)
    assert _heights(one) == [15, 24]
    # good: 75% of customers, 4500/6900 of stories; bad: 25%, 2400/6900
    assert _heights(month) == [75.0, 65.2, 25.0, 34.8]
    assert "300 happy and 100 unhappy" in month.get_title()


def test_word_of_mouth_other_rates_change_the_shares():
    _, month = word_of_mouth(1, 1, told_if_happy=10, told_if_unhappy=30)
    assert _heights(month) == [50.0, 25.0, 50.0, 75.0]


@pytest.mark.parametrize("args, word", [((-1, 5), "happy"), ((3, 2.5), "unhappy"), ((0, 0), "at least one"),
                                        ((True, 1), "happy")])
def test_word_of_mouth_rejects_bad_counts(args, word):
    with pytest.raises(ChartError, match=word):
        word_of_mouth(*args)


LOG = pd.DataFrame({
    "week": ["normal", "normal", "crisis", "crisis"],
    "duty": ["replies", "content", "replies", "content"],
    "minutes": [50, 50, 90, 10],
})


def test_duty_shares_compares_the_two_weeks():
    ax = duty_shares(LOG)
    assert ax.shares.loc["replies", "crisis"] == 90.0
    assert ax.shares.loc["content", "normal"] == 50.0
    assert sorted(_heights_w(ax)) == [10.0, 50.0, 50.0, 90.0]


def _heights_w(ax):
    return [round(p.get_width(), 1) for p in ax.patches]


def test_duty_shares_names_what_is_wrong():
    with pytest.raises(ChartError, match="'minutes'"):
        duty_shares(LOG.drop(columns="minutes"))
    with pytest.raises(ChartError, match="'crisis'"):
        duty_shares(LOG[LOG["week"] == "normal"])
    with pytest.raises(ChartError, match="zero or more"):
        duty_shares(LOG.assign(minutes=[50, -5, 90, 10]))
    with pytest.raises(ChartError, match="DataFrame"):
        duty_shares([1, 2, 3])


@pytest.fixture
def mentions():
    return pd.DataFrame({"place": ["forum", "Reddit", "Instagram"],
                         "velora_has_account": [True, False, True],
                         "mentions": [300, 120, 200]})


def test_mentions_by_place_draws_one_bar_per_place_busiest_on_top_coloured_by_ownership(mentions):
    ax = mentions_by_place(mentions)
    bars = ax.patches
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Reddit", "Instagram", "forum"]  # barh draws bottom-up: the busiest place ends on top
    assert [b.get_width() for b in bars] == [120, 200, 300]
    assert [to_hex(b.get_facecolor()) for b in bars] == [ELSEWHERE_COLOUR, OWNED_COLOUR, OWNED_COLOUR]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Velora has an account", "no Velora account"]
    plt.close("all")


def test_mentions_by_place_draws_on_the_axes_it_is_given(mentions):
    fig, ax = plt.subplots()
    assert mentions_by_place(mentions, ax=ax, title="t") is ax and ax.get_title() == "t"
    plt.close(fig)


@pytest.mark.parametrize("change, message", [
    (lambda t: t.drop(columns="mentions"), "no column 'mentions'"),
    (lambda t: t.assign(velora_has_account=["yes", False, True]), "must hold True or False, not 'yes'"),
    (lambda t: t.assign(mentions=[300, -1, 200]), "counts of zero or more, not -1"),
    (lambda t: t.assign(mentions=[300, "many", 200]), "not 'many'"),
])
def test_mentions_by_place_names_what_is_wrong(mentions, change, message):
    with pytest.raises(ChartError, match=message):
        mentions_by_place(change(mentions))
    plt.close("all")


def test_mentions_by_place_wants_a_table():
    with pytest.raises(ChartError, match="needs a pandas DataFrame; it was given a list"):
        mentions_by_place([("forum", True, 3)])
