"""The lessons' chart helpers draw what they say, and reject a table they cannot draw with a clear error."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from course.charts import ELSEWHERE_COLOUR, OWNED_COLOUR, ChartError, mentions_by_place  # noqa: E402


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
