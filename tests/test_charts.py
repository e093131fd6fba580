"""The lessons' chart helpers draw what their data says and refuse bad input by name."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from course.charts import ChartError, duty_shares, word_of_mouth  # noqa: E402


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
