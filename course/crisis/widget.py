"""The crisis lab: a thin ipywidgets view over :class:`course.crisis.model.Simulation`.

    from course.crisis import CrisisLab
    lab = CrisisLab("leaking_jackets", seed=1)
    lab            # shows the feed, the gauges, the actions and the clock

Nothing here blocks: the clock moves when you press *Next* (or *Play*), so the notebook also
runs headless (tests, grading) without hanging. ``lab.press("acknowledge")`` and
``lab.tick()`` do from code what the buttons do.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from course.crisis.model import ACTIONS, LESSONS, ONCE, PER_POST, RULES, Simulation, debrief
from course.crisis.scenario import Scenario, load_scenario

LABELS = {
    "acknowledge": "📣 Acknowledge publicly", "apologise": "🙏 Apologise", "post_statement": "📝 Statement with steps",
    "offer_remedy": "🎁 Offer a remedy", "pull_content": "🗑️ Pull the content", "escalate": "⚖️ Escalate to legal/PR",
    "respond_individually": "💬 Reply to this post", "take_offline": "✉️ Take it to DM", "moderate": "🛡️ Moderate (hide)",
    "delete_comment": "❌ Delete comment", "argue": "😤 Argue back", "stay_silent": "🤐 Stay silent",
}
KIND_COLOURS = {"complaint": "#c62828", "question": "#1565c0", "abuse": "#6a1b9a", "spam": "#757575",
                "praise": "#2e7d32", "support": "#2e7d32", "media_request": "#e65100", "legal_threat": "#bf360c",
                "influencer": "#ad1457", "misinformation": "#8d6e63"}


def _sparkline(values: list[float], colour: str, low: float | None = None, high: float | None = None,
               width: int = 260, height: int = 46) -> str:
    if len(values) < 2:
        values = values * 2 or [0.0, 0.0]
    low = min(values) if low is None else low
    high = max(values) if high is None else high
    span = (high - low) or 1.0
    step = width / (len(values) - 1)
    points = " ".join(f"{i * step:.1f},{height - 3 - (v - low) / span * (height - 6):.1f}" for i, v in enumerate(values))
    return (f"<svg width='{width}' height='{height}' style='background:#fafafa;border:1px solid #eee'>"
            f"<polyline fill='none' stroke='{colour}' stroke-width='2' points='{points}'/></svg>")


class CrisisLab:
    """Play a crisis scenario by hand: feed, gauges, actions, a reply box, a clock and a debrief."""

    FEED_LENGTH = 12

    def __init__(self, scenario: str | Scenario = "leaking_jackets", seed: int = 0, play_interval_ms: int = 2000):
        self.scenario = load_scenario(scenario) if isinstance(scenario, str) else scenario
        self.sim = Simulation(self.scenario, seed)
        self.last_message = "The crisis has started. Read the feed, then act, or press Next to let ten minutes pass."

        self.header = widgets.HTML()
        self.gauge_trust = widgets.FloatProgress(min=0, max=100, description="Trust", bar_style="info")
        self.gauge_mood = widgets.FloatProgress(min=0, max=100, description="Sentiment")
        self.stats = widgets.HTML()
        self.chart = widgets.HTML()
        self.feed = widgets.HTML(layout=widgets.Layout(max_height="360px", overflow="auto"))
        self.target = widgets.Dropdown(description="Post", layout=widgets.Layout(width="100%"))
        self.reply = widgets.Textarea(placeholder="Write your reply (used by 'Reply to this post')",
                                      layout=widgets.Layout(width="100%", height="60px"))
        self.buttons = {a: widgets.Button(description=LABELS[a], layout=widgets.Layout(width="auto"),
                                          tooltip=RULES.get(a, ("", ""))[0]) for a in ACTIONS}
        for action, button in self.buttons.items():
            button.on_click(lambda _, a=action: self.press(a))
            button.add_class(f"cmw-action-{action}")
        self.next_button = widgets.Button(description=f"⏭ Next {self.scenario.step_minutes} minutes", button_style="primary")
        self.next_button.on_click(lambda _: self.tick())
        self.next_button.add_class("cmw-next")
        self.play = widgets.Play(interval=play_interval_ms, min=0, max=self.scenario.steps, step=1, description="Play")
        self.play.observe(self._on_play, names="value")
        self.message = widgets.HTML()
        self.debrief_box = widgets.HTML()

        global_actions = [self.buttons[a] for a in ACTIONS if a not in PER_POST and a != "stay_silent"]
        post_actions = [self.buttons[a] for a in PER_POST]
        left = widgets.VBox([widgets.HTML("<b>Live feed</b> (newest first)"), self.feed], layout=widgets.Layout(width="58%"))
        right = widgets.VBox([self.gauge_trust, self.gauge_mood, self.stats, self.chart], layout=widgets.Layout(width="42%"))
        self.view = widgets.VBox([
            self.header,
            widgets.HBox([left, right]),
            widgets.HTML("<b>Brand-wide actions</b>"), widgets.HBox(global_actions, layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HTML("<b>Act on one post</b>"), self.target, self.reply,
            widgets.HBox(post_actions, layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HBox([self.next_button, self.play]),
            self.message, self.debrief_box,
        ])
        self.view.add_class("cmw-crisis-lab")
        self.refresh()

    # ------------------------------------------------------------------ controls
    def press(self, action: str) -> None:
        """Do what the button for ``action`` does."""
        if self.sim.done:
            self.last_message = "The scenario is over: read the debrief below."
        elif action in PER_POST:
            if self.target.value is None:
                self.last_message = "Pick a post in the list first."
            else:
                effect = self.sim.act(action, self.target.value, self.reply.value or None)
                self.reply.value = ""
                self.last_message = self._describe(effect)
        else:
            effect = self.sim.act(action)
            self.last_message = self._describe(effect) if effect else (
                "Staying silent: time will tell." if action == "stay_silent" else "Already done.")
        self.refresh()

    def tick(self) -> None:
        """Let one step of simulated time pass."""
        if not self.sim.done:
            self.sim.advance()
            if self.sim.done:
                self.last_message = "Time is up. Here is how it went."
        self.refresh()

    def _on_play(self, change) -> None:
        if change["new"] > change["old"]:
            self.tick()

    def _describe(self, effect) -> str:
        if effect is None:
            return "Nothing changed."
        mark = "✅" if effect.helped else "⚠️"
        return f"{mark} {effect.note}"

    # ------------------------------------------------------------------ drawing
    def refresh(self) -> None:
        sim, state = self.sim, self.sim.state
        sc = self.scenario
        self.header.value = (
            f"<h3 style='margin:0'>{html.escape(sc.title)}</h3>"
            f"<div style='color:#555'>{html.escape(sc.brief)}</div>"
            f"<div class='cmw-clock' style='font-size:1.1em;margin-top:.3em'>🕒 Minute <b>{state.minute}</b> of {sc.duration_minutes}"
            f" &nbsp;·&nbsp; difficulty: {sc.difficulty}</div>")
        self.gauge_trust.value = state.trust
        self.gauge_trust.bar_style = "success" if state.trust >= 60 else "warning" if state.trust >= 40 else "danger"
        self.gauge_mood.value = (state.sentiment + 1) * 50
        self.gauge_mood.bar_style = "success" if state.sentiment > 0.1 else "warning" if state.sentiment > -0.3 else "danger"
        done = ", ".join(LABELS[a].split(" ", 1)[1] for a in state.done) or "nothing yet"
        press = "<b style='color:#c62828'>covering the story</b>" if state.media_pickup else "not yet"
        self.stats.value = (
            f"<div class='cmw-stats'>Negative mentions: <b class='cmw-negative'>{state.negative_per_hour:.0f}</b> per hour<br>"
            f"Story reach: <b class='cmw-reach'>{int(state.story_reach):,}</b> people<br>"
            f"Open posts: <b class='cmw-open'>{sum(p.needs_attention for p in sim.feed)}</b><br>"
            f"Press: {press}<br>"
            f"Done so far: {html.escape(done)}</div>")
        history = sim.history
        self.chart.value = (
            "<div style='font-size:.85em'>negative mentions per hour</div>"
            + _sparkline([h["negative_per_hour"] for h in history], "#c62828", low=0)
            + "<div style='font-size:.85em'>trust</div>"
            + _sparkline([h["trust"] for h in history], "#1565c0", low=0, high=100))
        self.feed.value = "".join(self._post_html(p) for p in reversed(sim.feed[-self.FEED_LENGTH:])) or "<i>quiet so far</i>"
        open_posts = [p for p in reversed(sim.feed) if p.status == "open"][:40]
        options = [(f"#{p.id} {p.author}: {p.text[:60]}", p.id) for p in open_posts]
        self.target.options = options
        self.target.value = options[0][1] if options else None
        for action in ONCE:
            self.buttons[action].disabled = action in state.done or sim.done
        for action in (*PER_POST, "stay_silent"):
            self.buttons[action].disabled = sim.done
        self.next_button.disabled = sim.done
        self.message.value = f"<div class='cmw-message' style='margin:.4em 0'>{html.escape(self.last_message)}</div>"
        self.debrief_box.value = self._debrief_html() if sim.done else ""

    def _post_html(self, post) -> str:
        colour = KIND_COLOURS.get(post.kind, "#555")
        faded = "opacity:.55;" if post.status != "open" else ""
        status = "" if post.status == "open" else f" · <i>{post.status}</i>"
        return (f"<div class='cmw-post' style='border-left:4px solid {colour};padding:.2em .5em;margin:.25em 0;{faded}'>"
                f"<small>#{post.id} · min {post.minute} · <b>{html.escape(post.author)}</b> ({post.followers:,} followers)"
                f" · <span style='color:{colour}'>{post.kind.replace('_', ' ')}</span>{status}</small><br>"
                f"{html.escape(post.text)}</div>")

    def _debrief_html(self) -> str:
        result = debrief(self.sim)
        rows = "".join(
            f"<tr><td>{e.minute}</td><td>{'✅' if e.helped else '❌'}</td><td>{html.escape(e.action)}</td>"
            f"<td>{html.escape(e.target)}</td><td>{html.escape(e.note)}</td></tr>" for e in result.timeline[:60])
        lessons = "".join(f"<li>{html.escape(line)}</li>" for line in result.lessons()) or "<li>Nothing: well played.</li>"
        parts = ", ".join(f"{k} {v:+.1f}" for k, v in result.parts.items())
        contained = 1 - result.story_reach / max(result.baseline_reach, 1)
        return (f"<div class='cmw-debrief' style='border:2px solid #1565c0;padding:.6em;border-radius:6px'>"
                f"<h3 style='margin-top:0'>Debrief: score <span class='cmw-score'>{result.score:.0f}</span> / 100</h3>"
                f"<p>Trust at the end: {result.trust:.0f}. The story reached {result.story_reach:,} people; staying silent "
                f"it would have reached {result.baseline_reach:,} ({contained:+.0%} contained). First public word: "
                f"{'minute ' + str(result.first_public_minute) if result.first_public_minute is not None else 'never'}. "
                f"Press coverage: {'yes' if result.media_pickup else 'no'}.</p><p><small>Score parts: {parts}</small></p>"
                f"<b>Timeline of your decisions</b><table>{rows}</table>"
                f"<b>What to revisit</b><ul>{lessons}</ul></div>")

    def _ipython_display_(self):
        from IPython.display import display

        display(self.view)


__all__ = ["CrisisLab", "LESSONS"]
