"""Crisis scenarios as data: YAML files, validated on load.

A scenario file describes one crisis: a brief, the starting state, the scripted posts that
arrive on the simulated clock, the background chatter and the decision points. See
``docs/crisis-scenarios.md`` for the format; the shipped scenarios live in
``course/crisis/scenarios/``. Instructors can write their own and load them with
``load_scenario(path)``: any mistake is reported with the file, the field and the problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

POST_KINDS = ("complaint", "question", "abuse", "spam", "praise", "support", "media_request", "legal_threat",
              "influencer", "misinformation")
# Negative but legitimate: answered, never deleted. (Misinformation is corrected with facts.)
LEGITIMATE_KINDS = ("complaint", "question", "media_request", "legal_threat", "influencer", "misinformation")
BAD_KINDS = ("abuse", "spam")  # moderated under the community rules, not answered
DIFFICULTIES = ("easy", "medium", "hard")
MAX_NOTES = 1200  # debrief_notes: a few sentences, read at the end of the debrief


class ScenarioError(ValueError):
    """A scenario file is missing a field or holds a wrong value; the message names file and field."""


@dataclass(frozen=True)
class ScriptedPost:
    minute: int
    author: str
    followers: int
    kind: str
    text: str
    sentiment: float  # -1 (very negative) .. 1 (very positive)
    only_if: tuple[str, ...] = ()  # shown only if the learner made at least one of these moves before its minute
    unless: tuple[str, ...] = ()  # not shown if the learner made any of these moves before its minute

    @property
    def legitimate(self) -> bool:
        """Negative but legitimate content is answered; bad content (abuse, spam) is moderated."""
        return self.kind in LEGITIMATE_KINDS

    @property
    def conditional(self) -> bool:
        return bool(self.only_if or self.unless)

    def shown(self, done) -> bool:
        """Whether the post appears, given the brand-wide moves made so far (``done``: action names)."""
        return reacts_to(self.only_if, self.unless, done)


def reacts_to(only_if: tuple[str, ...], unless: tuple[str, ...], done) -> bool:
    """True if a text with these conditions fits the moves in ``done``: one of ``only_if`` (if any), none of ``unless``."""
    return (not only_if or any(a in done for a in only_if)) and not any(a in done for a in unless)


@dataclass(frozen=True)
class DecisionPoint:
    minute: int
    prompt: str
    recommended: tuple[str, ...]


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    brief: str
    difficulty: str
    duration_minutes: int
    step_minutes: int
    brand_at_fault: float  # 0..1: how much an apology is owed
    offending_content: bool  # there is a post/ad/product page that can be pulled
    trust: float  # starting trust, 0..100
    negative_per_hour: float  # starting rate of negative mentions
    growth_per_hour: float  # how fast the story grows if nothing is done (fraction per hour)
    media_threshold: int  # story reach at which the media pick it up
    background_per_hour: float  # ordinary posts per hour (mixed sentiment)
    background_negative_share: float
    posts: tuple[ScriptedPost, ...]
    decision_points: tuple[DecisionPoint, ...] = ()
    background_texts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # mood -> {index of a text in background_texts: (if, unless)}: texts that fit only some moves of the learner
    background_reactions: dict[str, dict[int, tuple[tuple[str, ...], tuple[str, ...]]]] = field(default_factory=dict)
    debrief_notes: str = ""  # what the case teaches, shown at the end of the debrief
    source: str = ""

    @property
    def steps(self) -> int:
        return self.duration_minutes // self.step_minutes


# --------------------------------------------------------------------------- validation
def _where(source: str, path: str) -> str:
    return f"{source}: {path}" if path else source


def _get(data: dict, key: str, kind, source: str, path: str, default: Any = ..., choices=None, low=None, high=None):
    full = f"{path}.{key}" if path else key
    if key not in data:
        if default is not ...:
            return default
        raise ScenarioError(f"{_where(source, full)}: missing (required)")
    value = data[key]
    if kind is float and type(value) is int:
        value = float(value)
    if kind is int and type(value) is float and value.is_integer():
        value = int(value)
    if type(value) is not kind:
        raise ScenarioError(f"{_where(source, full)}: expected {kind.__name__}, found {type(value).__name__} {value!r}")
    if choices is not None and value not in choices:
        raise ScenarioError(f"{_where(source, full)}: {value!r} is not one of {', '.join(map(str, choices))}")
    if low is not None and value < low or high is not None and value > high:
        raise ScenarioError(f"{_where(source, full)}: {value!r} is outside {low}..{high}")
    if kind is str and not value.strip():
        raise ScenarioError(f"{_where(source, full)}: must not be empty")
    return value


POST_FIELDS = {"minute", "author", "followers", "kind", "text", "sentiment", "if", "unless"}


def _condition(item: dict, key: str, source: str, path: str, moves: tuple[str, ...]) -> tuple[str, ...]:
    """A post's ``if:`` / ``unless:``: a brand-wide move, or a list of them, that the post reacts to."""
    where = _where(source, f"{path}.{key}")
    value = item.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or key in item and not value:
        raise ScenarioError(f"{where}: expected a brand-wide move or a list of them ({', '.join(moves)}), "
                            f"found {value!r}")
    for j, move in enumerate(value):
        if move not in moves:
            raise ScenarioError(f"{where}[{j}]: {move!r} is not a brand-wide move; a post can react to "
                                f"{', '.join(moves)}")
    return tuple(value)


def parse_scenario(data: Any, source: str = "<scenario>") -> Scenario:
    """Build a :class:`Scenario` from parsed YAML, checking every field."""
    from course.crisis.model import ACTIONS, ONCE  # the actions a decision point may recommend or a post react to

    if not isinstance(data, dict):
        raise ScenarioError(f"{source}: the file must hold a mapping of fields (id, title, ...), found {type(data).__name__}")
    known = {"id", "title", "brief", "difficulty", "duration_minutes", "step_minutes", "brand_at_fault",
             "offending_content", "initial", "background", "timeline", "decision_points", "debrief_notes"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ScenarioError(f"{source}: unknown field(s) {', '.join(unknown)}; the fields are {', '.join(sorted(known))}")
    duration = _get(data, "duration_minutes", int, source, "", low=30, high=24 * 60)
    step = _get(data, "step_minutes", int, source, "", default=10, low=1, high=60)
    if duration % step:
        raise ScenarioError(f"{source}: duration_minutes ({duration}) must be a multiple of step_minutes ({step})")
    initial = _get(data, "initial", dict, source, "")
    background = _get(data, "background", dict, source, "", default={})
    timeline = _get(data, "timeline", list, source, "")
    if not timeline:
        raise ScenarioError(f"{source}: timeline: needs at least one post")
    posts = []
    for i, item in enumerate(timeline):
        path = f"timeline[{i}]"
        if not isinstance(item, dict):
            raise ScenarioError(f"{source}: {path}: expected a mapping (minute, author, kind, text ...), found {item!r}")
        unknown = sorted(set(item) - POST_FIELDS)
        if unknown:
            raise ScenarioError(f"{source}: {path}: unknown field(s) {', '.join(map(str, unknown))}; "
                                f"the fields are {', '.join(sorted(POST_FIELDS))}")
        posts.append(ScriptedPost(
            minute=_get(item, "minute", int, source, path, low=0, high=duration - 1),
            author=_get(item, "author", str, source, path),
            followers=_get(item, "followers", int, source, path, default=300, low=0),
            kind=_get(item, "kind", str, source, path, choices=POST_KINDS),
            text=_get(item, "text", str, source, path),
            sentiment=_get(item, "sentiment", float, source, path, default=-0.6, low=-1.0, high=1.0),
            only_if=_condition(item, "if", source, path, ONCE),
            unless=_condition(item, "unless", source, path, ONCE),
        ))
        post = posts[-1]
        if post.conditional and post.minute == 0:
            raise ScenarioError(f"{source}: {path}: a post at minute 0 comes before the learner can do anything; "
                                f"one with 'if' or 'unless' needs a later minute")
        both = sorted(set(post.only_if) & set(post.unless))
        if both:
            raise ScenarioError(f"{source}: {path}: {', '.join(both)} is in both 'if' and 'unless': the post could "
                                f"never appear")
    points = []
    for i, item in enumerate(_get(data, "decision_points", list, source, "", default=[])):
        path = f"decision_points[{i}]"
        if not isinstance(item, dict):
            raise ScenarioError(f"{source}: {path}: expected a mapping (minute, prompt, recommended)")
        recommended = _get(item, "recommended", list, source, path, default=[])
        for j, action in enumerate(recommended):
            if action not in ACTIONS:
                raise ScenarioError(f"{source}: {path}.recommended[{j}]: {action!r} is not an action; "
                                    f"the actions are {', '.join(ACTIONS)}")
        points.append(DecisionPoint(_get(item, "minute", int, source, path, low=0, high=duration - 1),
                                    _get(item, "prompt", str, source, path), tuple(recommended)))
    notes = " ".join(_get(data, "debrief_notes", str, source, "", default="").split())
    if len(notes) > MAX_NOTES:
        raise ScenarioError(f"{source}: debrief_notes: {len(notes):,} characters; keep it to a few sentences "
                            f"(at most {MAX_NOTES:,} characters)")
    texts = dict(_get(background, "texts", dict, source, "background", default={}))
    reactions: dict[str, dict[int, tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for mood in list(texts):
        if mood not in ("negative", "neutral", "positive"):
            raise ScenarioError(f"{source}: background.texts.{mood}: must be negative, neutral or positive")
        lines = texts[mood]
        if not isinstance(lines, list) or not lines:
            raise ScenarioError(f"{source}: background.texts.{mood}: expected a non-empty list of texts")
        plain = []
        for k, line in enumerate(lines):
            path = f"background.texts.{mood}[{k}]"
            if isinstance(line, dict):  # a text that reacts to the learner: {text, if, unless}
                unknown = sorted(set(line) - {"text", "if", "unless"})
                if unknown:
                    raise ScenarioError(f"{source}: {path}: unknown field(s) {', '.join(map(str, unknown))}; "
                                        f"the fields are if, text, unless")
                when = (_condition(line, "if", source, path, ONCE), _condition(line, "unless", source, path, ONCE))
                if when[0] or when[1]:
                    reactions.setdefault(mood, {})[k] = when
                line = _get(line, "text", str, source, path)
            if not isinstance(line, str) or not line.strip():
                raise ScenarioError(f"{source}: {path}: expected a text, or a mapping with text (and if or unless)")
            plain.append(line)
        if len(reactions.get(mood, {})) == len(plain):
            raise ScenarioError(f"{source}: background.texts.{mood}: every text has 'if' or 'unless'; at least one "
                                f"must always be possible")
        texts[mood] = plain
    return Scenario(
        id=_get(data, "id", str, source, ""),
        title=_get(data, "title", str, source, ""),
        brief=_get(data, "brief", str, source, ""),
        difficulty=_get(data, "difficulty", str, source, "", choices=DIFFICULTIES),
        duration_minutes=duration,
        step_minutes=step,
        brand_at_fault=_get(data, "brand_at_fault", float, source, "", low=0.0, high=1.0),
        offending_content=_get(data, "offending_content", bool, source, "", default=False),
        trust=_get(initial, "trust", float, source, "initial", low=0.0, high=100.0),
        negative_per_hour=_get(initial, "negative_per_hour", float, source, "initial", low=0.0),
        growth_per_hour=_get(initial, "growth_per_hour", float, source, "initial", low=0.0, high=3.0),
        media_threshold=_get(initial, "media_threshold", int, source, "initial", low=1),
        background_per_hour=_get(background, "posts_per_hour", float, source, "background", default=6.0, low=0.0),
        background_negative_share=_get(background, "negative_share", float, source, "background", default=0.5,
                                       low=0.0, high=1.0),
        posts=tuple(sorted(posts, key=lambda p: p.minute)),
        decision_points=tuple(sorted(points, key=lambda p: p.minute)),
        background_texts={mood: tuple(lines) for mood, lines in texts.items()},
        background_reactions=reactions,
        debrief_notes=notes,
        source=source,
    )


def load_scenario(name_or_path: str | Path) -> Scenario:
    """Load a shipped scenario by id (e.g. ``"leaking_jackets"``) or any scenario file by path."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") or path.exists():
        if not path.exists():
            raise ScenarioError(f"{path}: no such scenario file")
        source, text = str(path), path.read_text(encoding="utf-8")
    else:
        name = str(name_or_path)
        resource = resources.files("course.crisis").joinpath("scenarios", f"{name}.yaml")
        if not resource.is_file():
            raise ScenarioError(f"there is no scenario called {name!r}; the scenarios are: {', '.join(scenario_ids())}")
        source, text = f"{name}.yaml", resource.read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        raise ScenarioError(f"{source}: not valid YAML{where}: {getattr(error, 'problem', error)}") from None
    return parse_scenario(data, source)


def scenario_ids() -> list[str]:
    folder = resources.files("course.crisis").joinpath("scenarios")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))
