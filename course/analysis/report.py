"""The community report builder of lesson 5.3: a weekly or monthly report a manager can read.

A report is a KPI table against targets with a traffic-light status, trend charts, the
learner's commentary and next steps. It exports to one self-contained HTML file (charts
embedded as data URIs, no external request, readable on a phone) and to a PDF::

    from course.analysis import report as rb

    table = rb.kpi_table("2026-05")                 # May 2026 against Velora's monthly targets
    charts = rb.trend_charts("2026-05")             # weekly trends, the month shaded
    draft = rb.Report("Velora community report", "2026-05", table, charts,
                      commentary="...", next_steps=["..."])
    rb.export(draft)                                # reports/velora-community-report-2026-05.html (+ .pdf)

The numbers come from :mod:`course.metrics`, computed the way every other lesson computes them.
The HTML is made by Jinja2 with autoescaping: whatever the learner writes in the commentary or
the next steps is shown as text, never run as markup or script, and the page's content security
policy forbids scripts and any request outside the file.
"""

from __future__ import annotations

import base64
import io
import math
import re
import textwrap
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from course import metrics
from course.datasets import load_followers, load_inbox, load_listening, load_posts

__all__ = [
    "AMBER_BAND", "THRESHOLDS", "KPIS", "KpiSpec", "Report", "ExportResult",
    "period", "status", "kpi_values", "kpi_table", "weekly_kpis", "trend_charts", "show_charts", "export",
]

# --------------------------------------------------------------------------- the traffic light
AMBER_BAND = 0.10
THRESHOLDS = (
    "Green: the figure meets its target or beats it. "
    "Amber: it misses the target by no more than a tenth of the target (for a 3.0% target, 2.7% to 3.0%; "
    "for a 60-minute target, up to 66 minutes). "
    "Red: it misses by more than that. "
    "For a figure where lower is better, such as a reply time, 'missing' means being above the target."
)
STATUS_LABELS = {"green": "Green: on target", "amber": "Amber: close to target", "red": "Red: off target",
                 "no data": "No data"}


def status(value: Any, target: Any, higher_is_better: bool = True, band: float = AMBER_BAND) -> str:
    """``"green"``, ``"amber"`` or ``"red"`` for a value against its target (``"no data"`` for NaN).

    Green when the target is met; amber when the miss is at most ``band`` times the size of the
    target; red beyond. For a target of 0 the band is 0 (any miss is red).

    >>> status(0.029, 0.03), status(0.026, 0.03), status(68, 60, higher_is_better=False)
    ('amber', 'red', 'red')
    """
    if value is None or target is None or (isinstance(value, float) and math.isnan(value)):
        return "no data"
    value, target = float(value), float(target)
    miss = (target - value) if higher_is_better else (value - target)
    if miss <= 1e-12:
        return "green"
    return "amber" if miss <= band * abs(target) + 1e-12 else "red"


# --------------------------------------------------------------------------- the KPIs
@dataclass(frozen=True)
class KpiSpec:
    """One line of the report: what it measures, how it is computed, its monthly target."""

    key: str
    name: str
    definition: str
    unit: str  # "%" (a share, shown in per cent), "min" (minutes) or "" (a plain number)
    target: float
    higher_is_better: bool = True
    per_month: bool = False  # a total that grows with the period's length (its target is scaled)

    def show(self, value: Any) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "n/a"
        if self.unit == "%":
            return f"{100 * value:.1f}%"
        if self.unit == "min":
            return f"{value:.0f} min"
        return f"{value:+.2f}"


KPIS: tuple[KpiSpec, ...] = (
    KpiSpec("engagement_rate", "Engagement rate (by reach)",
            "Likes, comments, shares and saves on the period's posts, all platforms, divided by the people "
            "they reached.", "%", 0.030),
    KpiSpec("follower_growth", "Follower growth",
            "Followers on all platforms on the last day minus the day before the period, as a share of the "
            "starting figure.", "%", 0.020, per_month=True),
    KpiSpec("question_reply_minutes", "Median first reply to a question",
            "Half the answered questions in the inbox had a first reply faster than this.", "min", 60.0,
            higher_is_better=False),
    KpiSpec("complaints_within_hour", "Complaints answered within an hour",
            "Complaints whose first reply came within 60 minutes, out of all the period's complaints.", "%", 0.50),
    KpiSpec("net_sentiment", "Net sentiment of the inbox",
            "Share of positive messages minus share of negative ones (from -1 to +1).", "", 0.25),
    KpiSpec("share_of_voice", "Share of voice",
            "Mentions of Velora out of all mentions of Velora and its three competitors, from social listening.",
            "%", 0.30),
)
_SPECS = {spec.key: spec for spec in KPIS}


def period(value: Any) -> pd.Period:
    """A report period: ``"2026-05"`` (a month) or a ``pd.Period``; ``"2026-W19"``-style text is not used.

    A week is given as a ``pd.Period`` with a weekly frequency, e.g. ``pd.Period("2026-05-04", "W-SUN")``
    (Monday 4 to Sunday 10 May).
    """
    if isinstance(value, pd.Period):
        return value
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return pd.Period(text, "M")
    raise ValueError(f"a period is a month written like '2026-05' or a pd.Period; got {value!r}")


def _label(p: pd.Period) -> str:
    if p.freqstr.startswith("M"):
        return p.start_time.strftime("%B %Y")
    return f"Week of {p.start_time:%d %B %Y} to {p.end_time:%d %B %Y}"


def _data(data: Mapping[str, pd.DataFrame] | None) -> dict[str, pd.DataFrame]:
    data = dict(data or {})
    loaders = {"posts": load_posts, "followers": load_followers, "inbox": load_inbox, "listening": load_listening}
    for name, loader in loaders.items():
        if name not in data:
            data[name] = loader()
    return data


def _window(frame: pd.DataFrame, column: str, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    times = frame[column]
    if getattr(times.dt, "tz", None) is not None:
        start, end = start.tz_localize("UTC"), end.tz_localize("UTC")
    return frame[(times >= start) & (times < end)]


def kpi_values(start: Any, end: Any, data: Mapping[str, pd.DataFrame] | None = None) -> dict[str, float]:
    """Every KPI of :data:`KPIS` for the days from ``start`` up to (not including) ``end``."""
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    d = _data(data)
    posts = _window(d["posts"], "published_at", start, end)
    inbox = _window(d["inbox"], "received_at", start, end)
    listening = _window(d["listening"], "date", start, end)
    # growth runs from the last day before the period to the period's last day
    followers = d["followers"]
    followers = followers[(followers["date"] >= start - pd.Timedelta(days=1)) & (followers["date"] < end)]
    questions = metrics.response_time_stats(inbox, target="1h", intents="question")
    complaints = metrics.response_time_stats(inbox, target="1h", intents="complaint")
    return {
        "engagement_rate": float(metrics.engagement_rate(posts, by="reach")),
        "follower_growth": float(metrics.follower_growth_rate(followers)) if len(followers) else math.nan,
        "question_reply_minutes": float(questions["median_minutes"]),
        "complaints_within_hour": float(complaints["within_target_share"]),
        "net_sentiment": float(metrics.net_sentiment(inbox)) if len(inbox) else math.nan,
        "share_of_voice": float(metrics.share_of_voice(listening)),
    }


def _targets(p: pd.Period, targets: Mapping[str, float] | None) -> dict[str, float]:
    unknown = set(targets or {}) - set(_SPECS)
    if unknown:
        raise ValueError(f"no KPI called {', '.join(sorted(unknown))}; the KPIs are: {', '.join(_SPECS)}")
    days = (p.end_time.normalize() - p.start_time.normalize()).days + 1
    scaled = {s.key: s.target * (days / 30 if s.per_month and days < 28 else 1) for s in KPIS}
    return {**scaled, **dict(targets or {})}


def kpi_table(when: Any, targets: Mapping[str, float] | None = None,
              data: Mapping[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """The KPI table of a report: each KPI's value, the period before, the target and the status.

    ``when`` is a month (``"2026-05"``) or a weekly ``pd.Period``. ``targets`` overrides some of
    the monthly targets of :data:`KPIS` (a week's follower-growth target is scaled to seven days).
    Columns: ``kpi``, ``value``, ``previous``, ``target``, ``status``, ``shown`` (value as text),
    ``previous_shown``, ``target_shown``, ``better`` (``"higher"`` or ``"lower"``), ``definition``.
    """
    p = period(when)
    start, end = p.start_time.normalize(), p.end_time.normalize() + pd.Timedelta(days=1)
    before = p - 1
    now = kpi_values(start, end, data)
    then = kpi_values(before.start_time.normalize(), start, data)
    goal = _targets(p, targets)
    rows = []
    for spec in KPIS:
        rows.append({
            "kpi": spec.name, "value": now[spec.key], "previous": then[spec.key], "target": goal[spec.key],
            "status": status(now[spec.key], goal[spec.key], spec.higher_is_better),
            "shown": spec.show(now[spec.key]), "previous_shown": spec.show(then[spec.key]),
            "target_shown": ("≥ " if spec.higher_is_better else "≤ ") + spec.show(goal[spec.key]),
            "better": "higher" if spec.higher_is_better else "lower", "definition": spec.definition,
        })
    table = pd.DataFrame(rows, index=pd.Index([s.key for s in KPIS], name="key"))
    table.attrs["period"] = _label(p)
    return table


# --------------------------------------------------------------------------- trend charts
def weekly_kpis(end: Any, weeks: int = 26, data: Mapping[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """Every KPI week by week (Monday to Sunday): ``weeks`` weeks, the last one holding the day before ``end``.

    One row per week, indexed by its Monday; one column per KPI of :data:`KPIS`.
    """
    d = _data(data)
    last_day = pd.Timestamp(end).normalize() - pd.Timedelta(days=1)
    last_monday = last_day - pd.Timedelta(days=last_day.weekday())
    mondays = [last_monday - pd.Timedelta(weeks=n) for n in range(weeks - 1, -1, -1)]
    rows = [kpi_values(m, m + pd.Timedelta(days=7), d) for m in mondays]
    return pd.DataFrame(rows, index=pd.DatetimeIndex(mondays, name="week"))


def _png(figure) -> bytes:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(figure)
    return buffer.getvalue()


def trend_charts(when: Any, keys: Sequence[str] = ("engagement_rate", "question_reply_minutes", "net_sentiment"),
                 weeks: int = 26, targets: Mapping[str, float] | None = None,
                 data: Mapping[str, pd.DataFrame] | None = None) -> dict[str, bytes]:
    """Weekly trend charts ending with the report period, as PNG images keyed by their title.

    Each chart shows one KPI week by week with its target as a dashed line (weekly follower growth
    is not drawn: a weekly growth line is mostly noise) and the report period shaded. The figures
    are closed once drawn, so a notebook shows them only inside the report.
    """
    import matplotlib.pyplot as plt

    p = period(when)
    start, end = p.start_time.normalize(), p.end_time.normalize() + pd.Timedelta(days=1)
    d = _data(data)
    goal = _targets(pd.Period(p.start_time, "M"), targets)
    unknown = [key for key in keys if key not in _SPECS]
    if unknown:
        raise ValueError(f"no KPI called {', '.join(unknown)}; the KPIs are: {', '.join(_SPECS)}")
    table = weekly_kpis(end, weeks, d)
    charts: dict[str, bytes] = {}
    for key in keys:
        spec = _SPECS[key]
        series = table[key]
        scale = 100 if spec.unit == "%" else 1
        figure, axes = plt.subplots(figsize=(6.4, 2.8))
        axes.plot(series.index, series.to_numpy() * scale, marker="o", markersize=3, color="#1565c0", label="weekly")
        if not spec.per_month:
            axes.axhline(goal[key] * scale, color="#6d6d6d", linestyle="--", linewidth=1, label="target")
        axes.axvspan(start, end - pd.Timedelta(days=1), color="#ffe082", alpha=0.45, label="this report")
        unit = {"%": " (%)", "min": " (minutes)"}.get(spec.unit, "")
        better = "higher is better" if spec.higher_is_better else "lower is better"
        axes.set_title(f"{spec.name}, week by week ({better})", fontsize=10)
        axes.set_ylabel(unit.strip(" ()") or "score", fontsize=8)
        axes.tick_params(labelsize=8)
        axes.legend(fontsize=7, loc="best", frameon=False)
        axes.grid(alpha=0.3)
        figure.autofmt_xdate()
        charts[f"{spec.name}, week by week"] = _png(figure)
    return charts


def show_charts(charts: Mapping[str, bytes]) -> None:
    """Show the PNG charts of :func:`trend_charts` in a notebook, one under the other."""
    from IPython.display import Image, display

    for png in charts.values():
        display(Image(data=png, format="png"))


# --------------------------------------------------------------------------- the report
_PLACEHOLDER = re.compile(r"^\s*(\.\.\.|…)?\s*$")


@dataclass
class Report:
    """A community report ready to export. ``kpis`` is a :func:`kpi_table`, ``charts`` maps titles to PNG bytes."""

    title: str
    when: Any
    kpis: pd.DataFrame
    charts: Mapping[str, bytes] = field(default_factory=dict)
    commentary: str = ""
    next_steps: Sequence[str] = ()
    author: str = ""

    @property
    def period_label(self) -> str:
        return _label(period(self.when))

    def problems(self) -> list[str]:
        """What a manager would miss in this draft (empty when it is complete)."""
        found = []
        if not str(self.title).strip():
            found.append("The report has no title.")
        if not isinstance(self.commentary, str) or _PLACEHOLDER.match(self.commentary):
            found.append("The commentary is still empty: say what the numbers mean and why they moved.")
        steps = [s for s in self.next_steps if isinstance(s, str) and not _PLACEHOLDER.match(s)]
        if not steps:
            found.append("There are no next steps: a report ends with what the team will do.")
        if not self.charts:
            found.append("There is no trend chart: one picture of the weeks shows whether a figure is a blip or a trend.")
        return found

    def _context(self) -> dict[str, Any]:
        text = self.commentary if isinstance(self.commentary, str) and not _PLACEHOLDER.match(self.commentary) else ""
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
        counts = self.kpis["status"].value_counts()
        return {
            "title": str(self.title), "period": self.period_label, "author": str(self.author),
            "kpis": self.kpis.to_dict("records"), "status_labels": STATUS_LABELS, "thresholds": THRESHOLDS,
            "summary": {s: int(counts.get(s, 0)) for s in ("green", "amber", "red")},
            "charts": [(title, "data:image/png;base64," + base64.b64encode(png).decode("ascii"))
                       for title, png in self.charts.items()],
            "commentary": paragraphs,
            "next_steps": [s for s in self.next_steps if isinstance(s, str) and not _PLACEHOLDER.match(s)],
        }

    def to_html(self) -> str:
        """The whole report as one HTML document (escaped learner text, embedded images, no scripts)."""
        return _template().render(**self._context())

    def _repr_html_(self) -> str:
        import html

        # previewed in a sandboxed frame, so the report's styles do not leak into JupyterLab
        return (f"<iframe title='report preview' sandbox srcdoc=\"{html.escape(self.to_html(), quote=True)}\" "
                f"style='width:100%;max-width:820px;height:640px;border:1px solid #ccc;border-radius:4px'></iframe>")

    def save_html(self, path: Path | str) -> Path:
        path = Path(path)
        path.write_text(self.to_html(), encoding="utf-8")
        return path

    def save_pdf(self, path: Path | str) -> Path:
        """The report as a PDF made with matplotlib (no browser needed): the table, the text, then the charts."""
        import matplotlib.image as mpimg
        import matplotlib.pyplot as plt
        from matplotlib.backends.backend_pdf import PdfPages

        path = Path(path)
        context = self._context()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a glyph the PDF font lacks is drawn as a box, not a warning
            with PdfPages(path) as pdf:
                figure = plt.figure(figsize=(8.27, 11.69))
                figure.text(0.07, 0.95, context["title"], fontsize=16, weight="bold", parse_math=False)
                figure.text(0.07, 0.925, context["period"] + (f" · {context['author']}" if context["author"] else ""),
                            fontsize=10, parse_math=False)
                cells = [[r["kpi"], r["shown"], r["previous_shown"], r["target_shown"], r["status"].capitalize()]
                         for r in context["kpis"]]
                axes = figure.add_axes((0.07, 0.70, 0.86, 0.20))
                axes.axis("off")
                table = axes.table(cellText=cells, colLabels=["KPI", "This period", "Before", "Target", "Status"],
                                   loc="upper left", colWidths=[0.44, 0.14, 0.14, 0.14, 0.14])
                table.auto_set_font_size(False)
                table.set_fontsize(8)
                colours = {"green": "#c8e6c9", "amber": "#ffe0b2", "red": "#ffcdd2"}
                for i, r in enumerate(context["kpis"], start=1):
                    table[i, 4].set_facecolor(colours.get(r["status"], "white"))
                lines = textwrap.wrap(THRESHOLDS, 100) + ["", "Commentary"]
                for paragraph in context["commentary"]:
                    lines += textwrap.wrap(paragraph, 100) + [""]
                lines += ["Next steps"]
                for n, step in enumerate(context["next_steps"], 1):
                    lines += textwrap.wrap(f"{n}. {step}", 100, subsequent_indent="    ")
                # the rest of the first page holds about 45 lines; longer text continues on further pages
                first, rest = lines[:45], lines[45:]
                figure.text(0.07, 0.64, "\n".join(first), fontsize=8, va="top", parse_math=False)
                pdf.savefig(figure)
                plt.close(figure)
                for start in range(0, len(rest), 90):
                    figure = plt.figure(figsize=(8.27, 11.69))
                    figure.text(0.07, 0.95, "\n".join(rest[start:start + 90]), fontsize=8, va="top", parse_math=False)
                    pdf.savefig(figure)
                    plt.close(figure)
                for title, png in self.charts.items():
                    figure = plt.figure(figsize=(8.27, 5))
                    axes = figure.add_axes((0.03, 0.03, 0.94, 0.94))
                    axes.imshow(mpimg.imread(io.BytesIO(png), format="png"))
                    axes.axis("off")
                    pdf.savefig(figure)
                    plt.close(figure)
        return path


def _template():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("report.html.j2")


# --------------------------------------------------------------------------- export
@dataclass
class ExportResult:
    """Where the files went, and what could not be made."""

    html: Path
    pdf: Path | None
    messages: list[str]

    def __repr__(self) -> str:
        lines = [f"HTML report: {self.html}"]
        lines.append(f"PDF report: {self.pdf}" if self.pdf else "PDF report: not made")
        return "\n".join(lines + self.messages)


_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,80}")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "report"


def export(report: Report, folder: Path | str = "reports", name: str | None = None, pdf: bool = True,
           home: Path | str | None = None) -> ExportResult:
    """Write ``report`` as ``<folder>/<name>.html`` (and ``.pdf``), inside the learner's own folder.

    ``folder`` is relative to ``home`` (default: the folder the notebook runs in) and may not lead
    out of it; ``name`` is letters, digits, ``-`` and ``_`` (default: from the title and period).
    A draft with :meth:`Report.problems` is still exported, and the problems are listed. If the
    PDF cannot be made, the HTML is kept and the message says why.
    """
    home = Path(home or Path.cwd()).resolve()
    folder = Path(folder)
    if folder.is_absolute() or ".." in folder.parts:
        raise ValueError(f"write reports inside your own folder: give a folder such as 'reports', not {str(folder)!r}")
    target = (home / folder).resolve()
    if home != target and home not in target.parents:
        raise ValueError(f"{str(folder)!r} leads outside your folder {home}")
    p = period(report.when)
    name = name or f"{_slug(str(report.title))}-{p.strftime('%Y-%m') if p.freqstr.startswith('M') else p.start_time.strftime('%Y-%m-%d')}"
    if not _NAME.fullmatch(name):
        raise ValueError(f"a report name is letters, digits, '-' and '_' only (no folders, no dots); got {name!r}")
    target.mkdir(parents=True, exist_ok=True)
    messages = [f"Still to do: {problem}" for problem in report.problems()]
    html_path = report.save_html(target / f"{name}.html")
    pdf_path = None
    if pdf:
        try:
            pdf_path = report.save_pdf(target / f"{name}.pdf")
        except Exception as error:  # the HTML is the report; a PDF is a convenience
            messages.append(f"The PDF could not be made here ({type(error).__name__}: {error}); "
                            "open the HTML file in a browser and print it to PDF instead.")
    return ExportResult(html_path, pdf_path, messages)
