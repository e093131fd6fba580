"""Choosing channels from the audience: rank Velora's platforms for a brief, and write personas.

Used by ``module2_strategy/2.2-target-audience.ipynb``::

    from course.datasets import load_audience
    from course.strategy.channels import rank_channels

    audience = load_audience()
    brief = {"age_bands": ["18-24", "25-34"], "countries": ["IT"], "languages": ["it"]}
    rank_channels(audience, brief)

A **brief** says whom a piece of community work is for: the age bands, countries and app languages
of the people you want to reach. You may leave any of the three out, give each a weight (how much it
matters next to the others) and limit the comparison to some platforms. :func:`rank_channels` reads
each platform's audience breakdown (the audience table) and answers, platform by platform: what share
of its followers fits each part of the brief, and about how many fit all of it.

A :class:`Persona` is a short portrait of one kind of member; :func:`persona_card` shows it as a card
and :func:`brief_from_personas` turns a few personas into the brief they add up to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

import pandas as pd

from course.datasets.schema import AUDIENCE_DIMENSIONS, AUDIENCE_VALUES, PLATFORMS

__all__ = ["Brief", "BriefError", "rank_channels", "Persona", "persona_card", "brief_from_personas", "breakdown_chart"]

# The brief's fields, the audience table's breakdown each one reads, and how a reason names it.
FIELDS = {"age_bands": "age_band", "countries": "country", "languages": "language"}
FIELDS_BY_DIMENSION = {dimension: name for name, dimension in FIELDS.items()}
WHAT = {"age_band": "in the brief's ages", "country": "in the brief's countries", "language": "in the brief's languages"}
COLUMNS = ("as_of", "platform", "dimension", "value", "followers", "share")


class BriefError(ValueError):
    """A brief (or the audience table it is read against) is not something the ranking can use."""


def _listed(values: Iterable[str]) -> str:
    return ", ".join(str(v) for v in values)


def _normalise(dimension: str, value: object) -> str:
    """Spell a value as the audience table does: country codes in capitals, languages in lower case."""
    if not isinstance(value, str):
        raise BriefError(f"the brief's {dimension.replace('_', ' ')} values should be text such as "
                         f"{AUDIENCE_VALUES[dimension][1]!r}; it holds {value!r}")
    text = value.strip().replace(" ", "").replace("–", "-")
    if dimension == "country":
        text = text if text.lower() == "other" else text.upper()
    else:
        text = text.lower()
    return text


@dataclass(frozen=True)
class Brief:
    """Whom a piece of community work is for.

    ``age_bands``, ``countries`` and ``languages`` list the groups you want to reach (leave one empty to
    ignore it). ``weights`` says how much each of the three counts in the score (default 1 each), e.g.
    ``{"age_bands": 2}`` when age matters twice as much as the rest. ``platforms`` limits the comparison
    to the places you would consider (default: all of Velora's platforms). Unknown values raise
    :class:`BriefError` naming the value and listing the valid ones.
    """

    age_bands: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    weights: Mapping[str, float] = field(default_factory=dict)
    platforms: tuple[str, ...] = ()

    def __post_init__(self):
        for name, dimension in FIELDS.items():
            raw = getattr(self, name)
            if isinstance(raw, str):
                raw = (raw,)
            values = tuple(_normalise(dimension, v) for v in raw)
            valid = AUDIENCE_VALUES[dimension]
            for value, shown in zip(values, raw):
                if value not in valid:
                    raise BriefError(f"{dimension.replace('_', ' ')} {shown!r} in the brief's {name} is not one the "
                                     f"audience table knows. Valid {name}: {_listed(valid)}")
            object.__setattr__(self, name, tuple(dict.fromkeys(values)))
        platforms = (self.platforms,) if isinstance(self.platforms, str) else tuple(self.platforms)
        cleaned = []
        for platform in platforms:
            name = str(platform).strip().lower()
            if name not in PLATFORMS:
                raise BriefError(f"platform {platform!r} in the brief is not one of Velora's. Valid platforms: "
                                 f"{_listed(PLATFORMS)}")
            cleaned.append(name)
        object.__setattr__(self, "platforms", tuple(dict.fromkeys(cleaned)))
        weights = dict(self.weights or {})
        for key, weight in weights.items():
            if key not in FIELDS:
                raise BriefError(f"weights has {key!r}, which is not part of a brief. Weights go with: {_listed(FIELDS)}")
            if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
                raise BriefError(f"the weight for {key} should be a number of 0 or more; it is {weight!r}")
        object.__setattr__(self, "weights", {key: float(weights.get(key, 1.0)) for key in FIELDS})
        if not self.targets():
            raise BriefError("the brief names no age bands, countries or languages: say whom you want to reach")
        if sum(self.weights[FIELDS_BY_DIMENSION[d]] for d in self.targets()) == 0:
            raise BriefError("every part of the brief has weight 0: give at least one of them a weight above 0")

    @classmethod
    def from_any(cls, brief: "Brief | Mapping") -> "Brief":
        """A Brief from a Brief or a plain dict with the same keys."""
        if isinstance(brief, cls):
            return brief
        if not isinstance(brief, Mapping):
            raise BriefError(f"a brief is a dict such as {{'age_bands': ['18-24'], 'countries': ['IT']}}; "
                             f"you gave a {type(brief).__name__}")
        known = set(FIELDS) | {"weights", "platforms"}
        unknown = [k for k in brief if k not in known]
        if unknown:
            raise BriefError(f"the brief has {unknown[0]!r}, which a brief does not use. A brief's keys are: "
                             f"{_listed(sorted(known))}")
        return cls(**{k: (v if k == "weights" else tuple([v] if isinstance(v, str) else v)) for k, v in brief.items()})

    def targets(self) -> dict[str, tuple[str, ...]]:
        """The audience-table breakdowns the brief uses, with the values it wants: {"age_band": ("18-24",), ...}."""
        return {FIELDS[name]: getattr(self, name) for name in FIELDS if getattr(self, name)}


def _check_audience(audience: pd.DataFrame) -> None:
    if not isinstance(audience, pd.DataFrame):
        raise BriefError(f"audience should be the audience table (load_audience()); it is a {type(audience).__name__}")
    missing = [c for c in ("platform", "dimension", "value", "followers", "share") if c not in audience.columns]
    if missing:
        raise BriefError(f"the audience table lacks the column(s) {_listed(missing)}; load it with load_audience(). "
                         f"Its columns are: {_listed(COLUMNS)}")


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _reason(platform: str, followers: int, matches: dict[str, float], fit_all: int, best: dict[str, str]) -> str:
    parts = [f"{_pct(share)} {WHAT[dimension]}" for dimension, share in matches.items()]
    text = f"{platform}: of its {followers:,} followers, " + ", ".join(parts)
    if len(matches) > 1:
        text += f"; about {fit_all:,} fit the whole brief"
    weak = min(matches, key=matches.get)
    if matches[weak] < 0.15:
        text += f". Weak on {weak.replace('_', ' ')}: its largest group outside the brief is {best[weak]}"
    return text + "."


def rank_channels(audience: pd.DataFrame, brief: "Brief | Mapping") -> pd.DataFrame:
    """Rank platforms by how well their followers fit ``brief``.

    For each platform: the share of followers in the brief's age bands, countries and languages (one
    column each, for the parts the brief uses), a ``score`` (those shares averaged with the brief's
    weights: 1.0 would mean every follower fits every part), ``fit_all`` (about how many followers fit the
    whole brief, if age, country and language are independent of each other, which is a rough guess) and a
    plain-language ``reason``. Best first; ties go to the larger account.
    """
    _check_audience(audience)
    brief = Brief.from_any(brief)
    targets = brief.targets()
    platforms = brief.platforms or tuple(p for p in PLATFORMS if p in set(audience["platform"].astype(str)))
    table = audience.assign(platform=audience["platform"].astype(str), dimension=audience["dimension"].astype(str),
                            value=audience["value"].astype(str).str.strip())
    known = set(table["platform"])
    absent = [p for p in platforms if p not in known]
    if absent:
        raise BriefError(f"platform {absent[0]!r} is in the brief but not in the audience table. Platforms in the "
                         f"table: {_listed(p for p in PLATFORMS if p in known)}")
    rows = []
    for platform in platforms:
        own = table[table["platform"] == platform]
        by_dimension = {d: own[own["dimension"] == d] for d in AUDIENCE_DIMENSIONS}
        followers = int(by_dimension["age_band"]["followers"].sum())
        matches, best = {}, {}
        for dimension, wanted in targets.items():
            part = by_dimension[dimension]
            matches[dimension] = float(part.loc[part["value"].isin(wanted), "share"].sum())
            outside = part[~part["value"].isin(wanted)]
            best[dimension] = str(outside.loc[outside["share"].idxmax(), "value"]) if len(outside) else "-"
        weights = {d: brief.weights[FIELDS_BY_DIMENSION[d]] for d in targets}
        score = sum(matches[d] * weights[d] for d in targets) / sum(weights.values())
        together = 1.0
        for share in matches.values():
            together *= share
        fit_all = int(round(followers * together))
        row = {"platform": platform, "followers": followers}
        row.update({d: round(matches[d], 3) for d in targets})
        row.update({"score": round(score, 3), "fit_all": fit_all,
                    "reason": _reason(platform, followers, matches, fit_all, best)})
        rows.append(row)
    ranked = pd.DataFrame(rows).sort_values(["score", "followers"], ascending=False, kind="stable")
    ranked.insert(0, "rank", range(1, len(ranked) + 1))
    return ranked.set_index("rank")


# --------------------------------------------------------------------------- personas
@dataclass(frozen=True)
class Persona:
    """A short, evidence-based portrait of one kind of member or prospect.

    ``age_band``, ``country`` and ``language`` use the audience table's values so a persona can feed a
    brief; ``profession``, ``goal``, ``frustration`` and ``talks_on`` (where they already talk about
    bikes) come from research: the survey, the forum, listening.
    """

    name: str
    age_band: str
    country: str
    language: str
    profession: str = ""
    goal: str = ""
    frustration: str = ""
    talks_on: tuple[str, ...] = ()

    def __post_init__(self):
        if not str(self.name).strip():
            raise BriefError("a persona needs a name, so the team can talk about them")
        for dimension, attribute in (("age_band", "age_band"), ("country", "country"), ("language", "language")):
            value = _normalise(dimension, getattr(self, attribute))
            if value not in AUDIENCE_VALUES[dimension]:
                raise BriefError(f"persona {self.name!r}: {attribute.replace('_', ' ')} {getattr(self, attribute)!r} is "
                                 f"not one the audience table knows. Valid values: {_listed(AUDIENCE_VALUES[dimension])}")
            object.__setattr__(self, attribute, value)
        talks = (self.talks_on,) if isinstance(self.talks_on, str) else tuple(self.talks_on)
        object.__setattr__(self, "talks_on", tuple(str(t).strip() for t in talks if str(t).strip()))


def persona_card(persona: Persona) -> pd.Series:
    """The persona as a one-column card (shown as a small table in a notebook)."""
    return pd.Series({
        "age": persona.age_band,
        "country": persona.country,
        "language": persona.language,
        "profession": persona.profession or "-",
        "wants": persona.goal or "-",
        "frustrated by": persona.frustration or "-",
        "already talks on": ", ".join(persona.talks_on) or "-",
    }, name=persona.name)


def brief_from_personas(personas: Iterable[Persona], weights: Mapping[str, float] | None = None) -> Brief:
    """The brief a set of personas adds up to: every age band, country and language among them."""
    personas = list(personas)
    if not personas or not all(isinstance(p, Persona) for p in personas):
        raise BriefError("give one or more Persona objects to build a brief from")
    return Brief(age_bands=tuple(p.age_band for p in personas), countries=tuple(p.country for p in personas),
                 languages=tuple(p.language for p in personas), weights=dict(weights or {}))


# --------------------------------------------------------------------------- chart
def breakdown_chart(audience: pd.DataFrame, dimension: str = "age_band", ax=None):
    """Stacked bars: each platform's followers split by ``dimension`` (youngest or first group on the left).

    Platforms are sorted by the share of their first two groups (for ages: the under-25s), so the
    youngest audiences are at the top. Returns the matplotlib axes.
    """
    import matplotlib.pyplot as plt

    _check_audience(audience)
    if dimension not in AUDIENCE_VALUES:
        raise BriefError(f"dimension {dimension!r} is not a breakdown of the audience table. Valid: "
                         f"{_listed(AUDIENCE_VALUES)}")
    part = audience[audience["dimension"].astype(str) == dimension]
    shares = part.pivot_table(index=part["platform"].astype(str), columns=part["value"].astype(str), values="share",
                              aggfunc="sum").reindex(columns=list(AUDIENCE_VALUES[dimension]), fill_value=0).fillna(0)
    shares = shares.loc[shares.iloc[:, :2].sum(axis=1).sort_values().index]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4.5))
    left = pd.Series(0.0, index=shares.index)
    colours = plt.get_cmap("viridis")([i / max(1, shares.shape[1] - 1) for i in range(shares.shape[1])])
    for colour, group in zip(colours, shares.columns):
        ax.barh(shares.index, shares[group], left=left, color=colour, label=group)
        left += shares[group]
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
    ax.set_xlabel("share of the platform's followers")
    ax.set_title(f"Velora's followers by {dimension.replace('_', ' ')}, per platform")
    ax.legend(title=dimension.replace("_", " "), bbox_to_anchor=(1.01, 1), loc="upper left", fontsize="small")
    ax.figure.tight_layout()
    return ax
