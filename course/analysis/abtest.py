"""Reading an A/B test honestly: the A/B test lab of lesson 5.4.

    from course.analysis import abtest

    result = abtest.read_test()                 # #FirstRideVelora: variant B against A, engagements per impression
    result.table()                              # each variant's rate with its 95% confidence interval
    print(result.recommendation())              # what to do, in plain words
    days = abtest.peeking()                     # the same test read day by day, as an impatient team would
    abtest.peeking_chart(days)
    sim = abtest.simulate_peeking()             # A/A tests (no real difference) stopped at the first "significant" day

The statistics come from statsmodels: Wilson intervals for each rate (``proportion_confint``), the
two-proportion z-test with a pooled variance (``test_proportions_2indep``, score method, the same test as
``proportions_ztest``), an interval for the lift B/A (``confint_proportions_2indep``, ratio) and the
minimum detectable effect from the power of the test (``NormalIndPower`` on Cohen's h, turned back into a
rate with ``proportion_effectsize``). Nothing here is a formula written by hand.

A rate is always *successes per impression*: ``metric="engagements"`` (likes, comments, shares and saves)
or ``metric="clicks"`` (link clicks). The two variants of the test were shown to about the same number of
people each day, so their rates compare directly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import brentq
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import (confint_proportions_2indep, proportion_confint, proportion_effectsize,
                                          test_proportions_2indep)

__all__ = ["METRICS", "ALPHA", "POWER", "VariantRate", "ABReading", "variant_rates", "read_test",
           "minimum_detectable_effect", "peeking", "peeking_chart", "simulate_peeking", "PeekingSimulation",
           "simulation_chart"]

METRICS = {"engagements": "engagements (likes + comments + shares + saves) per impression",
           "clicks": "link clicks per impression"}
ALPHA = 0.05   # the usual threshold: a 1-in-20 chance of calling a difference that is not there
POWER = 0.80   # the usual power: an 80% chance of seeing a difference of the minimum detectable size
_COLUMNS = ("date", "variant", "impressions", *METRICS)


def _load(ab: pd.DataFrame | None) -> pd.DataFrame:
    if ab is None:
        from course.datasets import load_ab_test

        ab = load_ab_test()
    missing = [c for c in _COLUMNS if c not in ab.columns]
    if missing:
        raise ValueError(f"the A/B table lacks the column(s) {', '.join(missing)}; it needs {', '.join(_COLUMNS)}.")
    return ab


def _check(ab: pd.DataFrame, metric: str, control: str, treatment: str) -> None:
    if metric not in METRICS:
        raise ValueError(f"metric={metric!r} is not one of: {', '.join(METRICS)}.")
    variants = sorted(str(v) for v in pd.unique(ab["variant"].astype(str)))
    for name, value in (("control", control), ("treatment", treatment)):
        if str(value) not in variants:
            raise ValueError(f"{name}={value!r} is not a variant of the test; the variants are: {', '.join(variants)}.")
    if str(control) == str(treatment):
        raise ValueError("control and treatment are the same variant: compare two different ones.")


def _until(ab: pd.DataFrame, until) -> pd.DataFrame:
    if until is None:
        return ab
    day = pd.Timestamp(until)
    kept = ab[pd.to_datetime(ab["date"]) <= day]
    if kept.empty:
        raise ValueError(f"until={until!r} is before the test's first day ({pd.to_datetime(ab['date']).min():%d %b %Y}).")
    return kept


@dataclass(frozen=True)
class VariantRate:
    """One variant's rate (successes per impression) with its 95% Wilson interval."""

    variant: str
    impressions: int
    successes: int
    rate: float
    low: float
    high: float


def variant_rates(ab: pd.DataFrame | None = None, metric: str = "engagements", until=None,
                  alpha: float = ALPHA) -> pd.DataFrame:
    """Each variant's rate with its confidence interval (Wilson, ``1 - alpha``), as a table."""
    ab = _until(_load(ab), until)
    if metric not in METRICS:
        raise ValueError(f"metric={metric!r} is not one of: {', '.join(METRICS)}.")
    totals = ab.groupby(ab["variant"].astype(str))[["impressions", metric]].sum()
    low, high = proportion_confint(totals[metric], totals["impressions"], alpha=alpha, method="wilson")
    table = pd.DataFrame({"impressions": totals["impressions"], metric: totals[metric],
                          "rate": totals[metric] / totals["impressions"], "ci_low": low, "ci_high": high})
    table.index.name = "variant"
    return table


def minimum_detectable_effect(base_rate: float, n_control: int, n_treatment: int, alpha: float = ALPHA,
                              power: float = POWER) -> float:
    """The smallest lift (as a share: 0.06 = +6%) the sample could detect with this power, from ``base_rate``.

    statsmodels solves the power equation for Cohen's h; the h is turned back into a rate by finding the
    rate whose ``proportion_effectsize`` against the base rate equals it.
    """
    if not 0 < base_rate < 1:
        raise ValueError(f"base_rate={base_rate!r} should be a share between 0 and 1.")
    if n_control < 2 or n_treatment < 2:
        raise ValueError("each variant needs impressions before a detectable effect can be worked out.")
    h = NormalIndPower().solve_power(effect_size=None, nobs1=n_treatment, alpha=alpha, power=power,
                                     ratio=n_control / n_treatment, alternative="two-sided")
    target = brentq(lambda p: proportion_effectsize(p, base_rate) - h, base_rate, 1 - 1e-12)
    return target / base_rate - 1


@dataclass(frozen=True)
class ABReading:
    """What the A/B test says: both rates, the lift, the test, the detectable effect, the days it ran."""

    metric: str
    control: VariantRate
    treatment: VariantRate
    lift: float          # treatment rate / control rate - 1
    lift_low: float      # its confidence interval
    lift_high: float
    p_value: float
    mde: float           # minimum detectable lift at this sample, alpha and power
    days: int
    first_day: pd.Timestamp
    last_day: pd.Timestamp
    alpha: float = ALPHA
    power: float = POWER

    @property
    def significant(self) -> bool:
        return self.p_value < self.alpha

    @property
    def difference(self) -> float:
        """The gap in percentage points as a share (0.007 = 0.7 points)."""
        return self.treatment.rate - self.control.rate

    def table(self) -> pd.DataFrame:
        rows = [{"variant": v.variant, "impressions": v.impressions, self.metric: v.successes, "rate": v.rate,
                 "ci_low": v.low, "ci_high": v.high} for v in (self.control, self.treatment)]
        return pd.DataFrame(rows).set_index("variant")

    def summary(self) -> pd.Series:
        return pd.Series({
            "metric": METRICS[self.metric], "days": self.days,
            "control rate": f"{self.control.rate:.2%} ({self.control.low:.2%} to {self.control.high:.2%})",
            "treatment rate": f"{self.treatment.rate:.2%} ({self.treatment.low:.2%} to {self.treatment.high:.2%})",
            "lift": f"{self.lift:+.1%} ({self.lift_low:+.1%} to {self.lift_high:+.1%})",
            "p-value": _p(self.p_value), "detectable lift": f"{self.mde:+.1%}",
            "verdict": "a real difference" if self.significant else "no clear difference",
        }, name=f"{self.treatment.variant} against {self.control.variant}")

    def recommendation(self) -> str:
        """The decision in plain words, with the caveats a manager needs before acting on it."""
        a, b = self.control, self.treatment
        what = "engagements" if self.metric == "engagements" else "link clicks"
        span = (f"{self.days} days ({self.first_day:%d %b} to {self.last_day:%d %b %Y})" if self.days > 1
                else f"one day ({self.first_day:%d %b %Y})")
        rates = (f"{b.variant} earned {b.rate:.2%} {what} per impression against {a.variant}'s {a.rate:.2%} over "
                 f"{span}")
        if self.days < 7:
            return (f"Too early to decide. {rates}, a lift of {self.lift:+.0%} so far (95% interval "
                    f"{self.lift_low:+.0%} to {self.lift_high:+.0%}, p {_p(self.p_value)}). Less than a week is in the "
                    "test, so weekdays and weekends are not both in it, and an early lift is the figure most likely "
                    "to change. Let the test run its planned length, then read it once.")
        if self.significant and self.lift > 0:
            return (f"{rates}: a lift of {self.lift:+.0%} (95% interval {self.lift_low:+.0%} to {self.lift_high:+.0%}), "
                    f"p {_p(self.p_value)}. The test could detect lifts of {self.mde:.1%} or more, and this one is "
                    f"clear of zero: use variant {b.variant}'s approach, and keep watching {what} after the switch, "
                    "because a launch fortnight is not an ordinary one.")
        if self.significant:
            return (f"{rates}: {b.variant} does worse ({self.lift:+.0%}, p {_p(self.p_value)}). Keep variant "
                    f"{a.variant}.")
        return (f"{rates}: a lift of {self.lift:+.0%} that could be chance (p {_p(self.p_value)}, interval "
                f"{self.lift_low:+.0%} to {self.lift_high:+.0%}). This sample can only detect lifts of about "
                f"{self.mde:.0%} or more: no winner yet. Choose on other grounds, or run longer.")

    def _repr_html_(self) -> str:
        return self.summary().to_frame()._repr_html_()


def _p(p: float) -> str:
    return "< 0.001" if p < 0.001 else f"= {p:.3f}"


def _test(n_a, k_a, n_b, k_b):
    """p-value of the pooled two-proportion z-test; works on arrays (one test per element)."""
    result = test_proportions_2indep(k_b, n_b, k_a, n_a, method="score", compare="diff", correction=False)
    return result.pvalue


def read_test(ab: pd.DataFrame | None = None, metric: str = "engagements", control: str = "A",
              treatment: str = "B", until=None, alpha: float = ALPHA, power: float = POWER) -> ABReading:
    """Read the test: both rates with intervals, the lift with its interval, the p-value, the detectable lift.

    ``until`` (a date) reads the test as it stood at the end of that day, as someone peeking would.
    """
    ab = _load(ab)
    _check(ab, metric, control, treatment)
    ab = _until(ab, until)
    rates = variant_rates(ab, metric, alpha=alpha)
    a, b = (VariantRate(str(v), int(rates.loc[v, "impressions"]), int(rates.loc[v, metric]),
                        float(rates.loc[v, "rate"]), float(rates.loc[v, "ci_low"]), float(rates.loc[v, "ci_high"]))
            for v in (str(control), str(treatment)))
    low, high = confint_proportions_2indep(b.successes, b.impressions, a.successes, a.impressions,
                                           compare="ratio", alpha=alpha)
    dates = pd.to_datetime(ab["date"])
    return ABReading(
        metric=metric, control=a, treatment=b, lift=b.rate / a.rate - 1, lift_low=float(low) - 1,
        lift_high=float(high) - 1, p_value=float(_test(a.impressions, a.successes, b.impressions, b.successes)),
        mde=minimum_detectable_effect(a.rate, a.impressions, b.impressions, alpha, power),
        days=int(dates.nunique()), first_day=dates.min(), last_day=dates.max(), alpha=alpha, power=power)


def _daily(ab: pd.DataFrame, metric: str, control: str, treatment: str) -> pd.DataFrame:
    wide = ab.assign(variant=ab["variant"].astype(str), date=pd.to_datetime(ab["date"])).pivot_table(
        index="date", columns="variant", values=["impressions", metric], aggfunc="sum")
    return pd.DataFrame({"n_a": wide[("impressions", control)], "k_a": wide[(metric, control)],
                         "n_b": wide[("impressions", treatment)], "k_b": wide[(metric, treatment)]}).sort_index()


def peeking(ab: pd.DataFrame | None = None, metric: str = "engagements", control: str = "A", treatment: str = "B",
            alpha: float = ALPHA) -> pd.DataFrame:
    """The test as it stood at the end of each day: cumulative rates, lift with its interval, p-value.

    ``significant`` marks the days a team that checks every evening would have called a winner;
    ``first_call`` the first of them, where an impatient team stops.
    """
    ab = _load(ab)
    _check(ab, metric, control, treatment)
    sums = _daily(ab, metric, control, treatment).cumsum()
    low, high = confint_proportions_2indep(sums["k_b"], sums["n_b"], sums["k_a"], sums["n_a"], compare="ratio",
                                           alpha=alpha)
    table = pd.DataFrame({
        "day": np.arange(1, len(sums) + 1),
        "impressions": sums["n_a"] + sums["n_b"],
        "rate_a": sums["k_a"] / sums["n_a"], "rate_b": sums["k_b"] / sums["n_b"],
        "lift": (sums["k_b"] / sums["n_b"]) / (sums["k_a"] / sums["n_a"]) - 1,
        "lift_low": np.asarray(low) - 1, "lift_high": np.asarray(high) - 1,
        "p_value": _test(sums["n_a"].to_numpy(), sums["k_a"].to_numpy(), sums["n_b"].to_numpy(), sums["k_b"].to_numpy()),
    }, index=sums.index)
    table["significant"] = table["p_value"] < alpha
    table["first_call"] = table["significant"] & ~table["significant"].shift(fill_value=False).cummax()
    table.attrs.update(metric=metric, alpha=alpha, control=control, treatment=treatment)
    return table


def peeking_chart(days: pd.DataFrame, axes=None):
    """Two panels from :func:`peeking`: the p-value day by day (with the 0.05 line) and the lift with its interval.

    The first day that crosses the line is marked: it is where a team that peeks every evening would stop.
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import PercentFormatter

    needed = ("day", "p_value", "lift", "lift_low", "lift_high", "first_call")
    missing = [c for c in needed if c not in getattr(days, "columns", ())]
    if missing:
        raise ValueError(f"peeking_chart() draws the table peeking() returns; this one lacks {', '.join(missing)}.")
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(11, 3.8), layout="constrained")
    alpha = days.attrs.get("alpha", ALPHA)
    metric = days.attrs.get("metric", "engagements")
    left, right = axes
    left.semilogy(days["day"], days["p_value"], marker="o", color="#37474f")
    left.axhline(alpha, color="#c62828", linestyle="--", linewidth=1)
    left.text(days["day"].iloc[-1], alpha * 1.3, f"p = {alpha}", color="#c62828", ha="right", fontsize=8)
    left.set_xlabel("day of the test")
    left.set_ylabel("p-value (log scale)")
    left.set_title("The test read every evening")
    right.fill_between(days["day"], days["lift_low"], days["lift_high"], color="#90caf9", alpha=0.5,
                       label="95% interval")
    right.plot(days["day"], days["lift"], marker="o", color="#1565c0", label="lift of B over A so far")
    right.axhline(days["lift"].iloc[-1], color="#2e7d32", linestyle=":", label="lift at the end")
    right.axhline(0, color="#9e9e9e", linewidth=0.8)
    right.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    right.set_xlabel("day of the test")
    right.set_title(f"Lift in {metric} per impression")
    first = days[days["first_call"]]
    if len(first):
        day = first.iloc[0]
        for ax, y in ((left, day["p_value"]), (right, day["lift"])):
            ax.plot([day["day"]], [y], marker="*", markersize=16, color="#ef6c00", zorder=5,
                    label="first 'significant' evening")
    right.legend(fontsize=8, frameon=False, loc="lower right")
    return axes


@dataclass(frozen=True)
class PeekingSimulation:
    """A/A tests (two identical variants) read day by day: how often each way of reading calls a winner."""

    runs: int
    days: int
    rate: float
    alpha: float
    by_day: pd.DataFrame   # day, share called by that day when peeking, share significant on that day alone
    stopped_lift: float    # median absolute "lift" reported by the runs that stopped early

    @property
    def peeking_false_alarms(self) -> float:
        """Share of A/A tests that a team checking every day would have stopped with a 'winner'."""
        return float(self.by_day["called_by_now"].iloc[-1])

    @property
    def planned_false_alarms(self) -> float:
        """Share of A/A tests called a winner when read once, on the planned last day."""
        return float(self.by_day["significant_today"].iloc[-1])


def simulate_peeking(ab: pd.DataFrame | None = None, metric: str = "engagements", runs: int = 2000,
                     seed: int = 2026, alpha: float = ALPHA) -> PeekingSimulation:
    """``runs`` A/A tests with the real test's daily impressions and variant A's rate for both variants.

    There is no difference to find, so every "winner" is a false alarm. Read once at the end, about 1 run in
    20 is called; checked every evening and stopped at the first p below ``alpha``, several times as many.
    Seeded, so the same call gives the same figures.
    """
    if not isinstance(runs, int) or isinstance(runs, bool) or not 100 <= runs <= 20000:
        raise ValueError(f"runs={runs!r} should be a whole number from 100 to 20000.")
    ab = _load(ab)
    _check(ab, metric, "A", "B")
    daily = _daily(ab, metric, "A", "B")
    rate = float(daily["k_a"].sum() / daily["n_a"].sum())
    rng = np.random.default_rng(seed)
    n_a = np.broadcast_to(daily["n_a"].to_numpy(), (runs, len(daily)))
    n_b = np.broadcast_to(daily["n_b"].to_numpy(), (runs, len(daily)))
    k_a, k_b = rng.binomial(n_a, rate).cumsum(axis=1), rng.binomial(n_b, rate).cumsum(axis=1)
    n_a, n_b = n_a.cumsum(axis=1), n_b.cumsum(axis=1)
    p = _test(n_a.ravel(), k_a.ravel(), n_b.ravel(), k_b.ravel()).reshape(runs, -1)
    significant = p < alpha
    called = np.maximum.accumulate(significant, axis=1)
    first = np.where(called[:, -1], significant.argmax(axis=1), -1)
    stopped = first >= 0
    rows = np.flatnonzero(stopped)
    lift = (k_b[rows, first[rows]] / n_b[rows, first[rows]]) / (k_a[rows, first[rows]] / n_a[rows, first[rows]]) - 1
    by_day = pd.DataFrame({"day": np.arange(1, len(daily) + 1), "called_by_now": called.mean(axis=0),
                           "significant_today": significant.mean(axis=0)})
    return PeekingSimulation(runs=runs, days=len(daily), rate=rate, alpha=alpha, by_day=by_day,
                             stopped_lift=float(np.median(np.abs(lift))) if len(lift) else math.nan)


def simulation_chart(sim: PeekingSimulation, axes=None):
    """How many identical-variant tests are called a winner: peeking every evening against one planned reading."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import PercentFormatter

    if axes is None:
        _, axes = plt.subplots(figsize=(7.5, 3.6), layout="constrained")
    days = sim.by_day["day"]
    axes.plot(days, sim.by_day["called_by_now"], marker="o", color="#c62828",
              label="peeking: stopped at the first p < 0.05 so far")
    axes.plot(days, sim.by_day["significant_today"], marker="o", color="#2e7d32",
              label="one reading, on that day only")
    axes.axhline(sim.alpha, color="#9e9e9e", linestyle="--", linewidth=1)
    axes.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    axes.set_ylim(0, max(0.3, float(sim.by_day["called_by_now"].max()) + 0.05))
    axes.set_xlabel("day of the test")
    axes.set_ylabel("tests that call a winner")
    axes.set_title(f"{sim.runs:,} A/A tests: no real difference anywhere")
    axes.legend(fontsize=8, frameon=False, loc="upper left")
    return axes
