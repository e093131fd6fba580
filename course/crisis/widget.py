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
from IPython.display import HTML

from course.crisis.model import ACTIONS, LESSONS, ONCE, PER_POST, PLAIN, RULES, Simulation, debrief, decision_moment
from course.crisis.report import decisions_html, lesson_link, notes_html
from course.crisis.scenario import Scenario, load_scenario

LABELS = {
    "acknowledge": "📣 Acknowledge publicly", "apologise": "🙏 Apologise", "post_statement": "📝 Statement with steps",
    "offer_remedy": "🎁 Offer a remedy", "pull_content": "🗑️ Pull the content", "escalate": "⚖️ Escalate to legal/PR",
    "respond_individually": "💬 Reply to this post", "take_offline": "✉️ Take it to DM", "moderate": "🛡️ Moderate (hide)",
    "delete_comment": "❌ Delete comment", "argue": "😤 Argue back", "stay_silent": "🤐 Stay silent",
}
# In words, with a mark any font has: a colour or an emoji alone says nothing to some readers.
HELPED = "<b style='color:#2e7d32'>✔ Helped</b>"
HURT = "<b style='color:#c62828'>✘ Hurt</b>"
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
    DEBRIEF_ROWS = 60

    def __init__(self, scenario: str | Scenario = "leaking_jackets", seed: int = 0, play_interval_ms: int = 2000):
        self.scenario = load_scenario(scenario) if isinstance(scenario, str) else scenario
        self.sim = Simulation(self.scenario, seed)
        self.last_message = (f"The crisis has started. Read the feed, then act, or press Next to let "
                             f"{self.scenario.step_minutes} minutes pass.")
        self._shown_debrief = None

        self.header = widgets.HTML()
        self.prompt = widgets.HTML()  # the scenario's decision point, while the clock is at it
        self.gauge_trust = widgets.FloatProgress(min=0, max=100, description="Trust", bar_style="info")
        self.gauge_mood = widgets.FloatProgress(min=0, max=100, description="Sentiment")
        self.stats = widgets.HTML()
        self.chart = widgets.HTML()
        self.feed = widgets.HTML(layout=widgets.Layout(max_height="360px", overflow="auto"))
        self.feed.add_class("cmw-feed-box")
        self.target = widgets.Dropdown(description="Post", layout=widgets.Layout(width="100%"))
        self.reply = widgets.Textarea(placeholder="Write your reply (used by 'Reply to this post')",
                                      layout=widgets.Layout(width="100%", height="60px"))
        self.buttons = {a: widgets.Button(description=LABELS[a], layout=widgets.Layout(width="auto"),
                                          tooltip=RULES.get(a, ("", ""))[0]) for a in ACTIONS}
        for action, button in self.buttons.items():
            button.on_click(lambda _, a=action: self.press(a))
            button.add_class(f"cmw-action-{action}")
        self.next_button = widgets.Button(description=f"⏭ Next {self.scenario.step_minutes} minutes", button_style="primary",
                                          tooltip="Let the clock move on by one step")
        self.next_button.on_click(lambda _: self.tick())
        self.next_button.add_class("cmw-next")
        # The clock's timer runs in the browser (a Play widget, kept out of sight); the buttons say what they do.
        self.play = widgets.Play(interval=play_interval_ms, min=0, max=self.scenario.steps, step=1, show_repeat=False,
                                 layout=widgets.Layout(display="none"))
        self.play.observe(self._on_play, names="value")
        self.play.observe(lambda _: self.refresh(), names="playing")
        self.play_button = self._control("▶ Play", "cmw-play", "Let the clock run by itself, one step every "
                                         f"{play_interval_ms / 1000:g} seconds", self.start)
        self.pause_button = self._control("⏸ Pause", "cmw-pause", "Stop the clock where it is", self.pause)
        self.restart_button = self._control("↺ Restart", "cmw-restart", "Start the same crisis again from minute 0",
                                            self.restart)
        self.finish_button = self._control("🏁 Finish", "cmw-finish", "Let the rest of the time pass with no more moves "
                                           "and see the debrief", self.finish)
        self.message = widgets.HTML()
        self.debrief_box = widgets.Output()
        self.debrief_box.add_class("cmw-debrief-box")

        global_actions = [self.buttons[a] for a in ACTIONS if a not in PER_POST]
        post_actions = [self.buttons[a] for a in PER_POST]
        left = widgets.VBox([widgets.HTML("<b>Live feed</b> (newest first)"), self.feed], layout=widgets.Layout(width="58%"))
        right = widgets.VBox([self.gauge_trust, self.gauge_mood, self.stats, self.chart], layout=widgets.Layout(width="42%"))
        self.view = widgets.VBox([
            self.header, self.prompt,
            widgets.HBox([left, right]),
            widgets.HTML("<b>Brand-wide actions</b>"), widgets.HBox(global_actions, layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HTML("<b>Act on one post</b>"), self.target, self.reply,
            widgets.HBox(post_actions, layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HTML("<b>The clock</b>"),
            widgets.HBox([self.next_button, self.play_button, self.pause_button, self.restart_button, self.finish_button,
                          self.play], layout=widgets.Layout(flex_flow="row wrap")),
            self.message, self.debrief_box,
        ])
        self.view.add_class("cmw-crisis-lab")
        self.refresh()

    # ------------------------------------------------------------------ controls
    @staticmethod
    def _control(label: str, css: str, tooltip: str, handler) -> widgets.Button:
        button = widgets.Button(description=label, tooltip=tooltip, layout=widgets.Layout(width="auto"))
        button.on_click(lambda _: handler())
        button.add_class(css)
        return button

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
        elif action == "stay_silent":  # a choice too: say nothing and let the next step pass
            self.sim.act(action)
            self._advance()
            if not self.sim.done:
                self.last_message = (f"You stayed silent for {self.scenario.step_minutes} minutes: "
                                     f"the feed kept moving without you.")
        else:
            effect = self.sim.act(action)
            self.last_message = self._describe(effect) if effect else "Already done."
        self.refresh()

    def tick(self) -> None:
        """Let one step of simulated time pass."""
        self._advance()
        self.refresh()

    def _advance(self) -> None:
        if not self.sim.done:
            self.sim.advance()
            if self.sim.done:
                self.play.playing = False
                self.last_message = "Time is up. Here is how it went."

    def start(self) -> None:
        """Let the clock run by itself (the Play button); Pause stops it."""
        if not self.sim.done:
            self.play.value = self.sim.state.minute // self.scenario.step_minutes
            self.play.playing = True
            self.last_message = "The clock is running. Act whenever you like, or press Pause to think."
        self.refresh()

    def pause(self) -> None:
        self.play.playing = False
        if not self.sim.done:
            self.last_message = f"Paused at minute {self.sim.state.minute}."
        self.refresh()

    def restart(self) -> None:
        """Start the same crisis again from minute 0 (same seed: the same posts arrive)."""
        self.play.playing = False
        self.sim = Simulation(self.scenario, self.sim.seed)
        self.play.value = 0
        self.reply.value = ""
        self.last_message = "Back to minute 0: the same crisis, from the start."
        self.refresh()

    def finish(self) -> None:
        """Let the remaining time pass with no more moves and show the debrief."""
        self.play.playing = False
        if not self.sim.done:
            left = self.scenario.duration_minutes - self.sim.state.minute
            self.sim.run_silent()
            self.last_message = f"You finished early: the last {left} minutes passed with no more moves from you."
        self.refresh()

    def _on_play(self, change) -> None:
        if change["new"] > change["old"] and self.play.playing:
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
        shown = sim.posts_so_far()  # never a post stamped later than the clock
        self.header.value = (
            f"<h3 style='margin:0'>{html.escape(sc.title)}</h3>"
            f"<div style='color:#555'>{html.escape(sc.brief)}</div>"
            f"<div class='cmw-clock' style='font-size:1.1em;margin-top:.3em'>🕒 Minute <b>{state.minute}</b> of {sc.duration_minutes}"
            f" &nbsp;·&nbsp; difficulty: {sc.difficulty}</div>")
        point = self.current_decision_point()
        self.prompt.value = ("" if point is None else
                             f"<div class='cmw-decision-prompt' style='border-left:4px solid #1565c0;background:#e3f2fd;"
                             f"padding:.3em .6em;margin:.3em 0'>🧭 <b>Decision point</b> (minute {point.minute}): "
                             f"{html.escape(point.prompt)}</div>")
        self.gauge_trust.value = state.trust
        self.gauge_trust.bar_style = "success" if state.trust >= 60 else "warning" if state.trust >= 40 else "danger"
        self.gauge_mood.value = (state.sentiment + 1) * 50
        self.gauge_mood.bar_style = "success" if state.sentiment > 0.1 else "warning" if state.sentiment > -0.3 else "danger"
        done = ", ".join(LABELS[a].split(" ", 1)[1] for a in state.done) or "nothing yet"
        press = "<b style='color:#c62828'>covering the story</b>" if state.media_pickup else "not yet"
        self.stats.value = (
            f"<div class='cmw-stats'>Negative mentions: <b class='cmw-negative'>{state.negative_per_hour:.0f}</b> per hour<br>"
            f"Story reach: <b class='cmw-reach'>{int(state.story_reach):,}</b> people<br>"
            f"Open posts: <b class='cmw-open'>{sum(p.needs_attention for p in shown)}</b><br>"
            f"Press: {press}<br>"
            f"Done so far: {html.escape(done)}</div>")
        history = sim.history
        self.chart.value = (
            "<div style='font-size:.85em'>negative mentions per hour</div>"
            + _sparkline([h["negative_per_hour"] for h in history], "#c62828", low=0)
            + "<div style='font-size:.85em'>trust</div>"
            + _sparkline([h["trust"] for h in history], "#1565c0", low=0, high=100))
        self.feed.value = "".join(self._post_html(p) for p in reversed(shown[-self.FEED_LENGTH:])) or "<i>quiet so far</i>"
        open_posts = [p for p in reversed(shown) if p.status == "open"][:40]
        options = [(f"#{p.id} {p.author}: {p.text[:60]}", p.id) for p in open_posts]
        self.target.options = options
        self.target.value = options[0][1] if options else None
        for action in ONCE:
            self.buttons[action].disabled = action in state.done or sim.done
        for action in (*PER_POST, "stay_silent"):
            self.buttons[action].disabled = sim.done
        for button in (self.next_button, self.finish_button):
            button.disabled = sim.done
        self.play_button.disabled = sim.done or self.play.playing
        self.pause_button.disabled = not self.play.playing
        self.message.value = f"<div class='cmw-message' style='margin:.4em 0'>{html.escape(self.last_message)}</div>"
        shown_debrief = self.debrief_html() if sim.done else None
        if shown_debrief != self._shown_debrief:  # an Output widget: JupyterLab follows the lesson links in it
            self._shown_debrief = shown_debrief
            self.debrief_box.outputs = ()
            if shown_debrief:
                self.debrief_box.append_display_data(HTML(shown_debrief))

    def current_decision_point(self):
        """The scenario's decision point the clock is at (shown for two ticks from when its posts appear), or None.

        Only the question is shown while playing: what the course recommends comes in the debrief.
        """
        if self.sim.done:
            return None
        now, step = self.sim.state.minute, self.scenario.step_minutes
        at = [p for p in self.scenario.decision_points if decision_moment(p.minute, step)[0] <= now
              <= decision_moment(p.minute, step)[1]]
        return at[-1] if at else None

    def _post_html(self, post) -> str:
        colour = KIND_COLOURS.get(post.kind, "#555")
        faded = "opacity:.55;" if post.status != "open" else ""
        status = "" if post.status == "open" else f" · <i>{post.status}</i>"
        return (f"<div class='cmw-post' style='border-left:4px solid {colour};padding:.2em .5em;margin:.25em 0;{faded}'>"
                f"<small>#{post.id} · min {post.minute} · <b>{html.escape(post.author)}</b> ({post.followers:,} followers)"
                f" · <span style='color:{colour}'>{post.kind.replace('_', ' ')}</span>{status}</small><br>"
                f"{html.escape(post.text)}</div>")

    def debrief_html(self) -> str:
        """The debrief as HTML: the score, where the points went, the decision points of the scenario, the timeline
        of decisions, what to revisit and the scenario's notes on what the case teaches."""
        result = debrief(self.sim)
        timeline = result.timeline
        td = "<td style='text-align:left;vertical-align:top'>"
        rows = "".join(
            f"<tr class='{'cmw-helped' if e.helped else 'cmw-hurt'}'>{td}{e.minute}</td>{td}"
            f"{HELPED if e.helped else HURT}</td>{td}{html.escape(PLAIN.get(e.action, e.action))}</td>"
            f"{td}{html.escape(e.target) or '–'}</td>{td}{html.escape(e.note)}</td>{td}{self._lesson_link(e.rule)}</td></tr>"
            for e in timeline[:self.DEBRIEF_ROWS])
        if len(timeline) > self.DEBRIEF_ROWS:
            rows += (f"<tr><td colspan='6'>… and {len(timeline) - self.DEBRIEF_ROWS} more "
                     f"(<code>lab.debrief().timeline</code> holds them all)</td></tr>")
        head = "".join(f"<th style='text-align:left'>{h}</th>" for h in
                       ("Minute", "Helped or hurt", "What you did", "Post by", "What happened", "Lesson"))
        hurt_rules = list(dict.fromkeys(e.rule for e in result.hurt))
        lessons = "".join(f"<li>{html.escape(RULES[rule][0])}: {self._lesson_link(rule)}</li>" for rule in hurt_rules)
        missed = "".join(f"<li>{html.escape(line)}</li>" for line in result.missed)
        parts = ", ".join(f"{k} {v:+.1f}" for k, v in result.parts.items())
        contained = 1 - result.story_reach / max(result.baseline_reach, 1)
        return (f"<div class='cmw-debrief' style='border:2px solid #1565c0;padding:.6em;border-radius:6px'>"
                f"<h3 style='margin-top:0'>Debrief: score <span class='cmw-score'>{result.score:.0f}</span> / 100</h3>"
                f"<p>Trust at the end: {result.trust:.0f}. The story reached {result.story_reach:,} people; staying silent "
                f"it would have reached {result.baseline_reach:,} ({contained:+.0%} contained). First public word: "
                f"{'minute ' + str(result.first_public_minute) if result.first_public_minute is not None else 'never'}. "
                f"Press coverage: {'yes' if result.media_pickup else 'no'}.</p><p><small>Score parts: {parts}</small></p>"
                f"<b>Where the points went</b><ul class='cmw-missed'>{missed or '<li>Nowhere: full marks.</li>'}</ul>"
                f"{decisions_html(result)}"
                f"<b>Timeline of your decisions</b><table class='cmw-timeline'><thead><tr>{head}</tr></thead>"
                f"<tbody>{rows}</tbody></table>"
                f"<b>What to revisit</b><ul class='cmw-revisit'>{lessons or '<li>Nothing went wrong: well played.</li>'}</ul>"
                f"{notes_html(result)}</div>")

    def debrief(self):
        """The debrief of the run so far (:class:`course.crisis.model.Debrief`)."""
        return debrief(self.sim)

    @staticmethod
    def _lesson_link(rule: str) -> str:
        return lesson_link(rule)

    def _ipython_display_(self):
        from IPython.display import display

        display(self.view)


__all__ = ["CrisisLab", "LESSONS", "PLAIN"]
