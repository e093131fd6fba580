"""A pure model of a social-media crisis: state, seeded randomness, a step function.

No widgets here: the lab in :mod:`course.crisis.widget` is a thin view on top, and the
graded exercise runs the same model headless (:mod:`course.crisis.policy`).

The model encodes the course's lessons as rules. Each rule has an id, used in the debrief to
say what helped and what hurt, and cites the lesson that teaches it:

==================  =========================================================================
rule                what the model does
==================  =========================================================================
respond_fast        Until the brand says something in public (a post everyone sees: an
                    acknowledgement, an apology, a statement; a reply to one person is not one),
                    the story grows faster every hour of silence; a public word within the first
                    hour earns the most trust and the speed points. (1.2 Why it matters; 4.3.)
acknowledge_early   Acknowledging works before the full fix exists: it slows growth and earns
                    trust at once; the statement with concrete steps can follow.
apologise_if_due    An apology calms the story in proportion to how much the brand is at fault,
                    and an owed apology still missing after the first hour costs trust every
                    hour. Apologising for what the brand did not do (brand-wide, or in a reply
                    to a false rumour) reads as an admission: it costs trust and score.
inform_steps        A statement with concrete steps (and a remedy for those affected) turns the
                    sentiment; with no statement after ninety minutes, trust slips every hour.
act_on_cause        Pulling the offending content removes the story's fuel; while it stays up
                    the story grows faster, and after the first hour trust slips every hour.
                    Pulling when there is nothing to pull looks like panic and costs trust.
individual_replies  Answering each legitimate post personally resolves it and earns trust.
                    Canned replies (blank, a word or two, stock phrases, the post's own words
                    sent back, or a near-copy of either of the brand's last two replies by
                    difflib similarity, the author's name aside) cost trust and score and leave
                    the post open. (4.2: no canned replies.)
offline             Taking a case to a private channel resolves it when it needs personal
                    details (an order, a refund, an address) and comes after a public word;
                    before it, it looks like hiding, and with nothing private in the post it
                    leaves the post's readers without an answer.
negative_vs_bad     Legitimate criticism is answered; abuse and spam are moderated under the
                    rules. Deleting legitimate criticism backfires: screenshots spread and trust
                    falls. (4.2: negative vs. bad content.)
dont_argue          Arguing with critics feeds the story and costs trust.
bad_news_travels    A negative post travels further than a positive one, in the ratio 24 to 15
                    of the word-of-mouth figure taught in 1.2 (from one of the course's source
                    articles), so negative reach is weighted 1.6x.
escalate_in_time    Legal threats and press requests go to PR/legal: escalating one of those
                    posts hands it to them, and they answer it (the post counts as answered),
                    and the press needs a bigger story before it runs it. Escalating for
                    nothing costs time.
media_pickup        When the story's reach passes a threshold the press picks it up, and it
                    grows again until the brand has spoken with concrete steps.
workload            Unanswered posts pile up; a long queue of ignored people costs trust.
==================  =========================================================================
"""

from __future__ import annotations

import difflib
import math
import re
import zlib
from dataclasses import dataclass, field, replace

import numpy as np

from course.crisis.scenario import BAD_KINDS, LEGITIMATE_KINDS, Scenario, ScriptedPost, reacts_to

ACTIONS = ("acknowledge", "apologise", "respond_individually", "take_offline", "post_statement", "offer_remedy",
           "pull_content", "escalate", "stay_silent", "delete_comment", "argue", "moderate")
PER_POST = ("respond_individually", "take_offline", "delete_comment", "argue", "moderate")
ONCE = ("acknowledge", "apologise", "post_statement", "offer_remedy", "pull_content", "escalate")
# The brand's public word: a post everyone sees. A reply reaches one thread, not the crowd.
PUBLIC = ("acknowledge", "apologise", "post_statement", "offer_remedy")

LESSONS = {
    "1.2": "module1_intro/1.2-why-it-matters.ipynb",
    "4.2": "Module 4, lesson 2: Managing comments and messages",
    "4.3": "Module 4, lesson 3: Crisis management on social media",
}

RULES = {
    "respond_fast": ("Respond within the hour", "4.3"),
    "acknowledge_early": ("Acknowledge before you have the full fix", "4.3"),
    "apologise_if_due": ("Apologise where an apology is due", "4.3"),
    "inform_steps": ("Inform people of the concrete steps", "4.3"),
    "act_on_cause": ("Act on the cause (pull the content)", "4.3"),
    "individual_replies": ("Answer each person individually, no canned replies", "4.2"),
    "offline": ("Take the conversation offline when needed", "4.2"),
    "negative_vs_bad": ("Negative content is answered; bad content is moderated", "4.2"),
    "dont_argue": ("Do not argue with critics", "4.3"),
    "bad_news_travels": ("Bad experiences travel further than good ones", "1.2"),
    "escalate_in_time": ("Escalate legal threats and press requests in time", "4.3"),
    "media_pickup": ("The press picks up a story that is left to grow", "4.3"),
    "workload": ("Ignored messages pile up", "4.2"),
}

# Where each rule is taught: the notebook (from the course folder) and the heading of its section.
PLAYBOOK = ("module4_interaction/4.3-crisis-management.ipynb", "The response playbook")
REFLEXES = ("module4_interaction/4.3-crisis-management.ipynb", "Negative is not bad, and three reflexes to resist")
SECTIONS = {
    "respond_fast": PLAYBOOK, "acknowledge_early": PLAYBOOK, "apologise_if_due": PLAYBOOK, "inform_steps": PLAYBOOK,
    "act_on_cause": PLAYBOOK, "offline": PLAYBOOK, "escalate_in_time": PLAYBOOK, "media_pickup": PLAYBOOK,
    "individual_replies": REFLEXES, "negative_vs_bad": REFLEXES, "dont_argue": REFLEXES, "workload": REFLEXES,
    "bad_news_travels": ("module1_intro/1.2-why-it-matters.ipynb", "Why bad news travels further"),
}


def heading_anchor(heading: str) -> str:
    """The anchor JupyterLab gives a Markdown heading: its text with spaces as hyphens."""
    return heading.strip().replace(" ", "-")


def section_link(rule: str, from_folder: str = "module4_interaction") -> tuple[str, str]:
    """(href, title) of the lesson section behind ``rule``, relative to a notebook in ``from_folder``."""
    import posixpath

    notebook, heading = SECTIONS[rule]
    href = posixpath.relpath(notebook, from_folder) + "#" + heading_anchor(heading)
    number = posixpath.basename(notebook).split("-")[0]
    return href, f"{number} · {heading}"


CANNED = ("we value your feedback", "thank you for your feedback", "please contact customer service",
          "we apologise for any inconvenience", "your feedback is important to us")
EMPATHY = ("sorry", "understand", "frustrat", "apolog", "thank", "fix", "replace", "refund")
# Words that make a reply an apology (an admission), as opposed to sympathy such as "sorry to hear".
APOLOGY = re.compile(r"\b(apologi[sz]e|apologies|our fault|our mistake|we (?:are|'re) sorry|i'm sorry|i am sorry|"
                     r"sorry (?:for|about))\b")
# What in a complaint or question calls for a private channel: orders, money, personal data.
PRIVATE_DETAILS = ("refund", "my order", "order number", "receipt", "invoice", "covering that", "download everything",
                   "my account", "home address", "via ")
DUPLICATE_SIMILARITY = 0.85  # difflib ratio above which a reply is a near-copy of an earlier one
RECENT_REPLIES = 2  # the replies a reader sees next to this one: a copy of either is noticed
ECHO_OVERLAP = 0.6  # share of a reply's words taken from the post above which it only repeats the post
SHORT_REPLY_WORDS = 5  # fewer words than this (the name aside) answer nothing


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def canned_reason(reply: str | None, post_text: str, author: str, recent: list[str]) -> str | None:
    """Why a reply to a legitimate post counts as canned, or None if it is a real answer.

    Empty or bare replies, stock phrases, replies made mostly of the post's own words (an echo),
    and near-copies of the brand's recent replies (compared word by word with ``difflib`` after the
    author's name is taken out, so a template with the name swapped in is still a copy) are canned.
    """
    text = " ".join((reply or "").lower().split())
    plain = _plain(reply, author)
    words = plain.split()
    if not words:
        return "empty"
    if any(c in text for c in CANNED):
        return "stock phrase"
    post_words = set(_words(post_text))
    if sum(w in post_words for w in words) / len(words) >= ECHO_OVERLAP:
        return "echo"
    if len(words) < SHORT_REPLY_WORDS:
        return "bare"
    for earlier in recent:  # word by word: a changed word or two still leaves a copy
        matcher = difflib.SequenceMatcher(None, words, earlier.split(), autojunk=False)
        if (matcher.real_quick_ratio() >= DUPLICATE_SIMILARITY and matcher.quick_ratio() >= DUPLICATE_SIMILARITY
                and matcher.ratio() >= DUPLICATE_SIMILARITY):
            return "copy"
    return None


def _plain(reply: str | None, author: str) -> str:
    name = author.lstrip("@").lower()
    return " ".join(w for w in _words(reply or "") if w not in (name, "@" + name))


def is_apology(reply: str | None) -> bool:
    """True if the reply admits fault ("we're sorry for", "we apologise"), not only sympathy."""
    return bool(APOLOGY.search(" ".join((reply or "").lower().replace("’", "'").split())))

CANNED_NOTES = {"empty": "blank reply", "stock phrase": "stock-phrase reply", "echo": "reply that only repeats the post",
                "bare": "bare reply of a word or two", "copy": "copy of your earlier replies"}

NEGATIVE_REACH_WEIGHT = 24 / 15  # bad experiences reach about 24 people for every 15 a good one reaches
SHARE_OF_FOLLOWERS_REACHED = 0.05
# Moves the playbook owes by a given minute; while one is missing, trust slips by so much per hour (an
# apology's cost is scaled by the brand's share of the fault). Owed only when due: an apology when the
# brand is at fault, a pull when there is offending content, a statement always.
OVERDUE = (
    ("apologise", "apologise_if_due", 60, 3.0, "An hour in, Velora had caused the problem and still not said sorry: "
                                               "people noticed, and trust slipped every hour."),
    ("pull_content", "act_on_cause", 60, 3.0, "An hour in, the content that caused it all was still up: new people "
                                              "kept finding it, and trust slipped every hour."),
    ("post_statement", "inform_steps", 90, 3.0, "Ninety minutes in and still no statement with steps: people kept "
                                                "asking what Velora was actually doing, and trust slipped every hour."),
)
WRONG_BRAND_APOLOGY_PENALTY = 4  # score points: a public apology for what the brand did not do
MAX_NEGATIVE_PER_HOUR = 600.0  # beyond this the team cannot read the feed anyway

DEFAULT_TEXTS = {
    "negative": ("Still no word from the brand about this?", "This is really not ok.", "Unbelievable, and silence from them.",
                 "Anyone else affected? Thinking twice before buying again.", "Disappointed. Expected better."),
    "neutral": ("What exactly happened here?", "Following this.", "Is there an official statement yet?",
                "Waiting to hear their side.", "Can someone summarise?"),
    "positive": ("Still love the brand, mistakes happen.", "They usually sort things out, give them a day.",
                 "My experience has always been great.", "Good to see them answering.", "Rooting for them."),
}


@dataclass
class Post:
    """A post in the feed. ``kind`` is the team's triage label; ``legitimate`` tells criticism from abuse."""

    id: int
    minute: int
    author: str
    followers: int
    kind: str
    text: str
    sentiment: float
    scripted: bool = False
    status: str = "open"  # open | answered | offline | deleted | moderated | argued

    @property
    def legitimate(self) -> bool:
        return self.kind in LEGITIMATE_KINDS

    @property
    def needs_attention(self) -> bool:
        return self.status == "open" and (self.legitimate or self.kind in BAD_KINDS)


@dataclass(frozen=True)
class View:
    """A read-only snapshot of the crisis, what a response policy sees."""

    minute: int
    negative_per_hour: float
    sentiment: float
    trust: float
    story_reach: int
    media_pickup: bool
    open_posts: int
    acknowledged: bool
    apologised: bool
    statement_posted: bool
    remedy_offered: bool
    content_pulled: bool
    escalated: bool
    brand_at_fault: float
    offending_content: bool
    press_or_legal: bool  # a journalist or a lawyer has been in touch


@dataclass
class Effect:
    minute: int
    action: str
    target: str
    rule: str
    helped: bool
    note: str
    post_id: int | None = None  # the post acted on, for a per-post action


@dataclass
class CrisisState:
    minute: int = 0
    negative_per_hour: float = 0.0
    sentiment: float = -0.3
    trust: float = 60.0
    story_reach: float = 0.0
    media_pickup: bool = False
    media_minute: int | None = None
    media_announced: bool = False
    first_public_minute: int | None = None
    done: dict[str, int] = field(default_factory=dict)  # once-only action -> minute
    deleted_legitimate: int = 0
    argued: int = 0
    canned: int = 0
    wrong_apologies: int = 0
    overdue_noted: set[str] = field(default_factory=set)  # rules whose overdue move the debrief already named
    replies: int = 0
    pending_penalty_posts: list[tuple[str, str]] = field(default_factory=list)


class Simulation:
    """One play-through of a scenario. Same scenario and seed, same run.

    Scripted posts and background lines with ``if``/``unless`` react to the brand-wide moves made
    before them (see ``docs/crisis-scenarios.md``); the same moves give the same run.

    >>> from course.crisis import load_scenario
    >>> sim = Simulation(load_scenario("leaking_jackets"), seed=1)
    >>> sim.act("acknowledge"); sim.advance()
    >>> sim.state.done["acknowledge"]
    0
    """

    def __init__(self, scenario: Scenario, seed: int = 0):
        self.scenario = scenario
        self.seed = seed
        self.rng = np.random.default_rng([seed, zlib.crc32(scenario.id.encode())])
        self.state = CrisisState(negative_per_hour=scenario.negative_per_hour, trust=scenario.trust)
        self.feed: list[Post] = []
        self.effects: list[Effect] = []
        self.history: list[dict] = []
        self._next_scripted = 0
        self._held: list[ScriptedPost] = []  # scripted posts that react to the learner, waiting for their minute
        self._next_id = 1
        # Bookkeeping so that each step costs little however long the feed gets.
        self._open = 0  # posts that need attention
        self._open_legitimate: dict[int, int] = {}  # post id -> minute, for open legitimate posts
        self._spreading: list[Post] = []  # negative posts still travelling
        self._press_or_legal = False
        self._recent_replies: list[str] = []  # the brand's latest replies, name taken out
        self._canned_ids: set[int] = set()  # posts given a canned reply: still unanswered
        self._unanswered_in_public: set[int] = set()  # posts moved to DM with nothing private in them
        self._record()
        self._arrive(0, scenario.step_minutes)

    # ------------------------------------------------------------------ reading
    @property
    def done(self) -> bool:
        return self.state.minute >= self.scenario.duration_minutes

    def view(self) -> View:
        s = self.state
        return View(
            minute=s.minute, negative_per_hour=round(s.negative_per_hour, 2), sentiment=round(s.sentiment, 3),
            trust=round(s.trust, 2), story_reach=int(s.story_reach), media_pickup=s.media_pickup,
            open_posts=self._open, acknowledged="acknowledge" in s.done,
            apologised="apologise" in s.done, statement_posted="post_statement" in s.done,
            remedy_offered="offer_remedy" in s.done, content_pulled="pull_content" in s.done,
            escalated="escalate" in s.done, brand_at_fault=self.scenario.brand_at_fault,
            offending_content=self.scenario.offending_content,
            press_or_legal=self._press_or_legal,
        )

    def posts_so_far(self) -> list[Post]:
        """The posts whose minute has come: what a person watching the clock can have seen.

        The posts due before the next tick are already in ``feed`` (a policy meets them as they
        arrive), but one stamped minute 7 has not been written yet at minute 0.
        """
        now = self.state.minute
        return [p for p in self.feed if p.minute <= now]

    def new_posts(self, since_minute: int) -> list[Post]:
        return [p for p in self.feed if p.minute >= since_minute]

    def post(self, post_id: int) -> Post:
        for p in self.feed:
            if p.id == post_id:
                return p
        raise KeyError(f"no post with id {post_id} in the feed")

    # ------------------------------------------------------------------ acting
    def act(self, action: str, post_id: int | None = None, reply: str | None = None) -> Effect | None:
        """Apply one action now. Per-post actions need ``post_id``; returns the recorded effect."""
        if action not in ACTIONS:
            raise ValueError(f"{action!r} is not an action; the actions are: {', '.join(ACTIONS)}")
        s = self.state
        if action == "stay_silent":
            return None
        if action == "escalate" and post_id is not None:
            effect = self._escalate_post(self.post(post_id))
        elif action in ONCE:
            if action in s.done:
                return None  # already done: repeating it changes nothing
            s.done[action] = s.minute
            effect = getattr(self, f"_do_{action}")()
        else:
            if post_id is None:
                raise ValueError(f"{action!r} needs a post: pass post_id")
            target = self.post(post_id)
            if target.status != "open":
                return None
            effect = getattr(self, f"_do_{action}")(target, reply)
        if action in PUBLIC and s.first_public_minute is None:
            s.first_public_minute = s.minute
        s.trust = float(min(100.0, max(0.0, s.trust)))
        if effect is not None:
            if post_id is not None and effect.target:
                effect.post_id = post_id
            self.effects.append(effect)
        return effect

    def _effect(self, action, rule, helped, note, target="") -> Effect:
        return Effect(self.state.minute, action, target, rule, helped, note)

    def _do_acknowledge(self):
        s = self.state
        early = s.minute <= 60
        s.trust += 5 if early else 2
        return self._effect("acknowledge", "respond_fast" if early else "acknowledge_early", True,
                            "You said something in public within the hour: the story slowed at once." if early else
                            "You acknowledged the problem, but only after the first hour: the silence had already fed the story.")

    def _do_apologise(self):
        s, fault = self.state, self.scenario.brand_at_fault
        if fault >= 0.4:
            s.trust += 8 * fault - 2.5
            return self._effect("apologise", "apologise_if_due", True, "An apology was owed, and it took the heat out of the story.")
        s.trust -= 6  # an apology for what the brand did not do reads as an admission
        s.wrong_apologies += WRONG_BRAND_APOLOGY_PENALTY
        return self._effect("apologise", "apologise_if_due", False,
                            "The brand was hardly at fault here: the apology read as an admission and blurred the facts.")

    def _do_post_statement(self):
        s = self.state
        s.trust += 6 if "acknowledge" in s.done else 3
        return self._effect("post_statement", "inform_steps", True,
                            "Concrete steps told people what will change; sentiment turned.")

    def _do_offer_remedy(self):
        s, fault = self.state, self.scenario.brand_at_fault
        s.trust += 6 * fault - 2
        return self._effect("offer_remedy", "inform_steps", fault >= 0.4,
                            "A remedy for the people affected made the apology concrete." if fault >= 0.4 else
                            "A remedy where the brand was not at fault cost money and changed little.")

    def _do_pull_content(self):
        s = self.state
        if self.scenario.offending_content:
            s.trust += 5
            return self._effect("pull_content", "act_on_cause", True, "Pulling the offending content removed the story's fuel.")
        s.trust -= 5
        return self._effect("pull_content", "act_on_cause", False, "There was nothing offending to pull: it looked like panic.")

    def _escalate_post(self, post: Post):
        """Hand a press request or a legal threat to PR/legal: they answer it, and the escalation is made."""
        s = self.state
        effect = None
        if "escalate" not in s.done:
            s.done["escalate"] = s.minute
            effect = self._do_escalate()
        if post.status != "open" or post.kind not in ("media_request", "legal_threat"):
            return effect  # nothing for PR or legal to answer in this post: it is still waiting for a reply
        self._set_status(post, "escalated")
        s.trust += 1
        if effect is not None:
            self.effects.append(effect)
        return self._effect("escalate", "escalate_in_time", True,
                            "The people who speak for the company answered this post themselves.", post.author)

    def _do_escalate(self):
        s = self.state
        serious = self._press_or_legal or s.trust < 40 or s.media_pickup
        if serious:
            s.trust += 3
            return self._effect("escalate", "escalate_in_time", True, "Legal and PR were in the loop when the press and lawyers called.")
        s.trust -= 1
        return self._effect("escalate", "escalate_in_time", False, "Escalating before there was anything to escalate cost the team time.")

    def _do_respond_individually(self, post: Post, reply: str | None):
        s = self.state
        text = " ".join((reply or "").lower().split())
        why = canned_reason(reply, post.text, post.author, self._recent_replies)
        canned = why is not None
        if why != "empty":
            self._recent_replies = [*self._recent_replies, _plain(reply, post.author)][-RECENT_REPLIES:]
        if post.kind in BAD_KINDS:
            self._set_status(post, "answered")
            s.trust -= 1
            return self._effect("respond_individually", "negative_vs_bad", False,
                                f"Replying to {post.kind} gave it attention; moderate it under the rules instead.", post.author)
        if not post.legitimate:  # a supporter: a thank-you is always welcome, a blank or a copy is not
            self._set_status(post, "answered")
            if canned:
                s.canned += 1
                return self._effect("respond_individually", "individual_replies", False,
                                    f"A {CANNED_NOTES[why]} to a supporter: it thanked nobody.", post.author)
            s.trust += 0.2
            return self._effect("respond_individually", "individual_replies", True,
                                "You thanked a supporter: they will defend you again.", post.author)
        s.replies += 1
        if canned:  # the post is not answered: it stays open and keeps travelling
            s.canned += 1
            s.trust -= 1.5
            self._canned_ids.add(post.id)
            return self._effect("respond_individually", "individual_replies", False,
                                f"A {CANNED_NOTES[why]}: people notice, feel brushed off, and the post stays unanswered.",
                                post.author)
        if is_apology(reply) and (post.kind == "misinformation" or self.scenario.brand_at_fault < 0.4):
            self._set_status(post, "answered")
            s.wrong_apologies += 1
            s.trust -= 1.0
            s.negative_per_hour *= 1.02
            return self._effect("respond_individually", "apologise_if_due", False,
                                "You apologised for something Velora did not do: readers took it as an admission.",
                                post.author)
        self._set_status(post, "answered")
        names_them = post.author.lstrip("@").lower()[:4] in text
        personal = bool(text) and (names_them or sum(w in text for w in EMPATHY) >= 2)
        s.trust += (0.5 if personal else 0.25) * (100 - s.trust) / 50  # each reply matters less once trust is high
        s.negative_per_hour *= 0.98 if post.followers < 5000 else 0.93
        return self._effect("respond_individually", "individual_replies", True,
                            "A personal answer resolved the post." if personal else "An answer resolved the post.", post.author)

    def _do_take_offline(self, post: Post, reply: str | None):
        s = self.state
        self._set_status(post, "offline")
        if not post.legitimate:
            return self._effect("take_offline", "negative_vs_bad", False,
                                f"There was nothing to sort out privately with a {post.kind.replace('_', ' ')} post.", post.author)
        if s.first_public_minute is None:
            s.trust += 0.1
            return self._effect("take_offline", "offline", False,
                                "Going private before saying anything in public looked like hiding the problem.", post.author)
        if post.kind not in ("complaint", "question", "influencer") or not any(
                w in post.text.lower() for w in PRIVATE_DETAILS):
            s.trust -= 0.5
            self._unanswered_in_public.add(post.id)
            return self._effect("take_offline", "offline", False,
                                "Nothing in this post needed a private channel: its readers saw no answer.", post.author)
        s.trust += 0.4
        s.negative_per_hour *= 0.98
        return self._effect("take_offline", "offline", True, "The details moved to a private channel, after a public word.", post.author)

    def _do_delete_comment(self, post: Post, reply: str | None):
        s = self.state
        if post.kind not in BAD_KINDS and not post.legitimate:  # a supporter's post
            self._set_status(post, "deleted")
            s.trust -= 1
            return self._effect("delete_comment", "negative_vs_bad", False, "You removed a supporter's post: why?", post.author)
        if not post.legitimate:
            self._set_status(post, "moderated")
            s.trust += 0.3
            return self._effect("delete_comment", "negative_vs_bad", True, f"Removing {post.kind} kept the space safe.", post.author)
        self._set_status(post, "deleted")
        s.deleted_legitimate += 1
        s.trust -= 6
        s.pending_penalty_posts.append((post.author, "deleted"))
        return self._effect("delete_comment", "negative_vs_bad", False,
                            "You deleted legitimate criticism: screenshots of the deletion spread.", post.author)

    def _do_moderate(self, post: Post, reply: str | None):
        if post.kind not in BAD_KINDS:
            return self._do_delete_comment(post, reply)  # hiding criticism is deleting it, whatever it is called
        self._set_status(post, "moderated")
        self.state.trust += 0.4
        return self._effect("moderate", "negative_vs_bad", True, f"Moderating {post.kind} under the rules kept the space safe.", post.author)

    def _do_argue(self, post: Post, reply: str | None):
        s = self.state
        self._set_status(post, "argued")
        s.argued += 1
        s.trust -= 5
        s.pending_penalty_posts.append((post.author, "argued"))
        return self._effect("argue", "dont_argue", False, "Arguing in public fed the story and made the brand look defensive.", post.author)

    # ------------------------------------------------------------------ time
    def _growth_per_hour(self) -> float:
        s, sc = self.state, self.scenario
        hours = s.minute / 60
        g = sc.growth_per_hour - 0.06 * hours  # crises burn out by themselves, slowly
        if s.first_public_minute is None:
            g += 0.12 * min(hours, 3)  # every hour of silence feeds the story
        done = s.done
        if "acknowledge" in done:
            g -= 0.35 + (0.15 if done["acknowledge"] <= 60 else 0)
        if "apologise" in done:
            g += -0.45 * sc.brand_at_fault if sc.brand_at_fault >= 0.4 else 0.15
        if "post_statement" in done:
            g -= 0.3 + (0.1 if "acknowledge" in done else 0)
        if "offer_remedy" in done:
            g -= 0.25 * sc.brand_at_fault
        if sc.offending_content:  # while the offending content is up, new people keep finding it
            g += -0.5 if "pull_content" in done else 0.15
        g += min(1.0, 0.25 * s.deleted_legitimate + 0.15 * s.argued)
        if s.media_pickup and "post_statement" not in done:
            g += 0.3
        return g

    def advance(self) -> None:
        """Move the clock on by one step: the story grows or calms, new posts arrive, trust moves."""
        if self.done:
            return
        s, sc = self.state, self.scenario
        dt = sc.step_minutes
        s.negative_per_hour = min(MAX_NEGATIVE_PER_HOUR, max(0.0, s.negative_per_hour * math.exp(self._growth_per_hour() * dt / 60)))
        open_old = sum(1 for minute in self._open_legitimate.values() if s.minute - minute >= 60)
        s.trust -= 0.15 * min(open_old, 40) * dt / 60  # ignored people lose faith
        for move, rule, due, per_hour, note in OVERDUE:
            owed = {"apologise": sc.brand_at_fault >= 0.4, "pull_content": sc.offending_content}.get(move, True)
            if owed and move not in s.done and s.minute >= due:
                # a move the playbook owes and the brand has not made: trust slips every hour it is missing
                s.trust -= per_hour * (sc.brand_at_fault if move == "apologise" else 1.0) * dt / 60
                if rule not in s.overdue_noted:
                    s.overdue_noted.add(rule)
                    self.effects.append(Effect(s.minute, "(time)", "", rule, False, note))
        s.story_reach += self._spread(dt)
        s.minute += dt
        if not self.done:
            self._arrive(s.minute, s.minute + dt)
        if not s.media_pickup and s.story_reach >= sc.media_threshold * (1.6 if "escalate" in s.done else 1.0):
            s.media_pickup, s.media_minute = True, s.minute
            s.story_reach *= 1.5
            s.trust -= 5
            self.effects.append(Effect(s.minute, "(time)", "", "media_pickup", False,
                                       "The press picked the story up: its reach jumped."))
        s.trust = float(min(100.0, max(0.0, s.trust)))
        self._record()

    def _spread(self, dt: int) -> float:
        """People newly reached by negative posts during the next ``dt`` minutes.

        A negative post keeps travelling for a couple of hours (half-life about an hour); an
        answered one travels far less, a deleted one not at all (its screenshot does instead).
        Negative posts are weighted 24/15 against positive ones: bad news travels further.
        """
        now = self.state.minute
        self._spreading = [p for p in self._spreading
                           if now - p.minute <= 360 and p.status not in ("deleted", "moderated")]
        if not self._spreading:
            return 0.0
        followers = np.fromiter((p.followers for p in self._spreading), float, len(self._spreading))
        ages = np.fromiter((now - p.minute for p in self._spreading), float, len(self._spreading))
        damping = np.fromiter((1.0 if p.status in ("open", "argued") else 0.8 if p.id in self._unanswered_in_public
                               else 0.25 for p in self._spreading), float, len(self._spreading))
        reached = float((followers * damping * np.exp(-ages / 90)).sum()) * dt / 90
        return reached * SHARE_OF_FOLLOWERS_REACHED * 1.6 * NEGATIVE_REACH_WEIGHT

    def _arrive(self, start: int, end: int) -> None:
        sc, s, rng = self.scenario, self.state, self.rng
        new: list[Post] = []
        # A post that reacts to the learner ("if"/"unless") waits for the first tick at or after its minute, so that
        # it sees every move made before it; the others arrive with the tick their minute falls in.
        due = [p for p in self._held if p.minute <= start]
        self._held = [p for p in self._held if p.minute > start]
        while self._next_scripted < len(sc.posts) and sc.posts[self._next_scripted].minute < end:
            p = sc.posts[self._next_scripted]
            (self._held if p.conditional and p.minute > start else due).append(p)
            self._next_scripted += 1
        for p in sorted(due, key=lambda p: p.minute):
            if p.shown(s.done):
                new.append(self._make(p.minute, p.author, p.followers, p.kind, p.text, p.sentiment, scripted=True))
        for author, why in s.pending_penalty_posts:
            text = (f"{author}'s comment just got DELETED by the brand. Screenshot below. Shady." if why == "deleted"
                    else f"Wow, the brand is arguing with {author} in public now. Unreal.")
            new.append(self._make(start, f"@watcher{int(rng.integers(100, 999))}", int(rng.lognormal(7.5, 1.0)),
                                  "complaint", text, -0.8))
        s.pending_penalty_posts.clear()
        if s.media_pickup and not s.media_announced:
            s.media_announced = True
            new.append(self._make(start, "@dailytechnews", 250000, "media_request",
                                  "We are running a story on this. Does the brand have a comment?", -0.4))
        dt_hours = (end - start) / 60
        negatives = rng.poisson(s.negative_per_hour * dt_hours)
        others = rng.poisson(sc.background_per_hour * dt_hours)
        texts = {mood: self._fitting_texts(mood) for mood in DEFAULT_TEXTS}
        # Background posts, drawn in one go per step (the hot path of long, loud crises).
        n = int(negatives)
        if n:
            minutes = rng.integers(start, end, n)
            authors = rng.integers(1000, 99999, n)
            followers = rng.lognormal(5.7, 1.4, n)
            kinds = rng.choice(3, size=n, p=(0.86, 0.09, 0.05))
            lines = rng.integers(0, len(texts["negative"]), n)
            moods = rng.uniform(-0.9, -0.3, n)
            for i in range(n):
                new.append(self._make(int(minutes[i]), f"@user{authors[i]}", followers[i],
                                      ("complaint", "abuse", "misinformation")[kinds[i]], texts["negative"][lines[i]],
                                      moods[i]))
        m = int(others)
        if m:
            positive_share = max(0.05, 0.5 - sc.background_negative_share / 2 + s.trust / 400)
            minutes = rng.integers(start, end, m)
            authors = rng.integers(1000, 99999, m)
            followers = rng.lognormal(5.5, 1.2, m)
            positive = rng.random(m) < positive_share
            picks = rng.random(m)
            moods = np.where(positive, rng.uniform(0.2, 0.8, m), rng.uniform(-0.1, 0.1, m))
            for i in range(m):
                mood = "positive" if positive[i] else "neutral"
                pool = texts[mood]
                new.append(self._make(int(minutes[i]), f"@user{authors[i]}", followers[i],
                                      "support" if positive[i] else "question", pool[int(picks[i] * len(pool))], moods[i]))
        new.sort(key=lambda p: (p.minute, p.id))
        if new:  # number the batch in the order the posts appear on the clock
            first = min(p.id for p in new)
            for offset, post in enumerate(new):
                post.id = first + offset
        if new:
            weights = np.array([math.log10(p.followers + 10) for p in new])
            moods = np.array([p.sentiment for p in new])
            s.sentiment = 0.6 * s.sentiment + 0.4 * float((weights * moods).sum() / weights.sum())
            # a visible, trusted brand pulls the mood up a little
            s.sentiment = max(-1.0, min(1.0, s.sentiment + (s.trust - 50) / 2000))
        self.feed.extend(new)
        for post in new:
            if post.kind in ("media_request", "legal_threat"):
                self._press_or_legal = True
            if post.needs_attention:
                self._open += 1
                if post.legitimate:
                    self._open_legitimate[post.id] = post.minute
            if post.sentiment < 0:
                self._spreading.append(post)

    def _fitting_texts(self, mood: str) -> tuple[str, ...]:
        """The background texts of a mood, each one that does not fit the moves made so far replaced by one that does.

        The list keeps its length, so the seeded draws (and the run) are the same whatever the learner did.
        """
        texts = self.scenario.background_texts.get(mood) or DEFAULT_TEXTS[mood]
        reactions = self.scenario.background_reactions.get(mood)
        if not reactions:
            return texts
        done = self.state.done
        fits = [t for k, t in enumerate(texts) if k not in reactions or reacts_to(*reactions[k], done)]
        return tuple(t if k not in reactions or reacts_to(*reactions[k], done) else fits[k % len(fits)]
                     for k, t in enumerate(texts))

    def _set_status(self, post: Post, status: str) -> None:
        if post.needs_attention:
            self._open -= 1
        self._open_legitimate.pop(post.id, None)
        post.status = status

    def _make(self, minute, author, followers, kind, text, sentiment, scripted=False) -> Post:
        post = Post(self._next_id, minute, author, max(0, int(followers)), kind, text, float(sentiment), scripted)
        self._next_id += 1
        return post

    def _record(self) -> None:
        s = self.state
        self.history.append({"minute": s.minute, "negative_per_hour": s.negative_per_hour, "sentiment": s.sentiment,
                             "trust": s.trust, "story_reach": s.story_reach,
                             "open_posts": self._open})

    # ------------------------------------------------------------------ the end
    def run_silent(self) -> "Simulation":
        """Play the rest without doing anything (the baseline the debrief compares with)."""
        while not self.done:
            self.advance()
        return self


def baseline(scenario: Scenario, seed: int) -> Simulation:
    """The same scenario and seed with no action at all."""
    return Simulation(scenario, seed).run_silent()


# The actions in the debrief's words: what the learner did, in plain language, and what the course recommends.
PLAIN = {
    "acknowledge": "Acknowledged it in public", "apologise": "Apologised", "post_statement": "Posted a statement with steps",
    "offer_remedy": "Offered a remedy", "pull_content": "Pulled the content", "escalate": "Escalated to legal and PR",
    "respond_individually": "Replied", "take_offline": "Moved it to a private message", "moderate": "Moderated (hid) it",
    "delete_comment": "Deleted it", "argue": "Argued back", "stay_silent": "Stayed silent",
    "(time)": "Time passed",
}
TO_DO = {
    "acknowledge": "acknowledge it in public", "apologise": "apologise", "post_statement": "post a statement with steps",
    "offer_remedy": "offer a remedy", "pull_content": "pull the content", "escalate": "escalate to legal and PR",
    "respond_individually": "reply to the post", "take_offline": "move it to a private message",
    "moderate": "moderate (hide) it", "delete_comment": "delete it", "argue": "argue back", "stay_silent": "stay silent",
}
# The rule behind each action, for the lesson section a decision point links to (stay_silent has none of its own).
ACTION_RULES = {
    "acknowledge": "respond_fast", "apologise": "apologise_if_due", "post_statement": "inform_steps",
    "offer_remedy": "inform_steps", "pull_content": "act_on_cause", "escalate": "escalate_in_time",
    "respond_individually": "individual_replies", "take_offline": "offline", "moderate": "negative_vs_bad",
    "delete_comment": "negative_vs_bad", "argue": "dont_argue",
}
AROUND_ROWS = 6  # other moves named next to a decision point; the timeline holds them all
IN_TIME_MINUTES = 60  # a recommended move within the hour of its decision point is in time (the course's standard)


@dataclass(frozen=True)
class MoveCheck:
    """One move a decision point recommends, and what the run did about it."""

    action: str
    status: str  # "in time" | "late" | "not done" | "not reached" (the clock has not come to the point yet)
    minute: int | None  # when it was made
    delay: int | None  # minutes after the decision point (negative: made before it)
    helped: bool | None  # what the model made of it; None if not made
    rule: str | None  # the rule behind it, whose lesson section the debrief links
    text: str  # in plain words

    @property
    def lesson(self) -> str:
        """The lesson section behind the move, e.g. "4.3 · The response playbook" ("" if none)."""
        return section_link(self.rule)[1] if self.rule in SECTIONS else ""


@dataclass(frozen=True)
class DecisionReview:
    """A decision point of the scenario, what the course recommends there and what the run did around it."""

    minute: int
    prompt: str
    recommended: tuple[str, ...]
    moves: tuple[MoveCheck, ...]
    around: tuple[str, ...]  # the other moves made at this moment, in plain words
    verdict: str  # "followed" | "partly" | "missed" | "not reached"

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.rule for m in self.moves if m.rule in SECTIONS))

    @property
    def lessons(self) -> tuple[str, ...]:
        """The lesson sections behind the recommended moves, each once (e.g. "4.3 · The response playbook")."""
        return tuple(dict.fromkeys(section_link(rule)[1] for rule in self.rules))

    @property
    def summary(self) -> str:
        """One sentence: how much of the recommendation the run followed."""
        good = sum(m.status == "in time" and m.helped for m in self.moves)
        return {"followed": "Followed: every recommended move was made in time.",
                "partly": f"Partly followed: {good} of the {len(self.moves)} recommended moves in time.",
                "missed": "Missed: none of the recommended moves was made in time.",
                "not reached": "The clock has not reached this point yet."}[self.verdict]


def decision_moment(minute: int, step: int) -> tuple[int, int]:
    """The ticks of a decision point at ``minute``: the first at or after it (when the lab's feed shows it) and the next."""
    shown = -(-minute // step) * step
    return shown, shown + step


def _when(minute: int, point: int, deadline: int) -> tuple[str, str]:
    """(status, words) for a move made at ``minute`` about a decision point at ``point``."""
    if minute < point:
        return "in time", f"at minute {minute}, {point - minute} minutes before this point"
    if minute == point:
        return "in time", f"at minute {minute}, as the point came up"
    if minute <= deadline:
        return "in time", f"at minute {minute}, {minute - point} minutes after this point came up"
    return "late", (f"only at minute {minute}, {minute - point} minutes after this point came up: late, more than "
                    f"{IN_TIME_MINUTES} minutes after it")


def _review_decisions(sim: "Simulation") -> tuple[DecisionReview, ...]:
    """Each decision point of the scenario against the run: the recommended moves, when (and whether) they came."""
    sc, s = sim.scenario, sim.state
    step = sc.step_minutes
    brand_effects: dict[str, Effect] = {}
    for e in sim.effects:
        if not e.target and e.action in ONCE:
            brand_effects.setdefault(e.action, e)
    reviews = []
    for point in sc.decision_points:
        # The moment of the point: the tick the lab shows it and the next one. A recommended move is in time
        # within the hour of the point (and always within its moment, however long the steps).
        shown, moment_end = decision_moment(point.minute, step)
        deadline = max(point.minute + IN_TIME_MINUTES, moment_end)
        reached = s.minute >= shown
        posts = [p for p in sim.feed if p.scripted and point.minute <= p.minute < point.minute + step]
        ids = {p.id for p in posts}
        moves = []
        for action in point.recommended:
            rule = ACTION_RULES.get(action)
            effect = None
            if action in ONCE:
                minute = s.done.get(action)
                effect = brand_effects.get(action)
            else:  # a per-post move: on the posts of this point, or (with none scripted here) on any post from now on
                found = [e for e in sim.effects if e.action == action and
                         (e.post_id in ids if ids else e.target and e.minute >= point.minute)]
                effect = found[0] if found else None
                minute = effect.minute if effect else None
            if effect is not None:
                rule = effect.rule
            if minute is None:
                status = "not done" if reached else "not reached"
                text = (f"Not done: {TO_DO[action]}." if reached else "The clock has not reached this point yet.")
                moves.append(MoveCheck(action, status, None, None, None, rule, text))
                continue
            status, when = _when(minute, point.minute, deadline)
            who = f" (post by {effect.target})" if effect is not None and effect.target else ""
            text = f"{PLAIN[action]}{who} {when}."
            if action == "escalate" and any(p.status == "escalated" for p in posts):
                text += " PR and legal answered " + ", ".join(p.author for p in posts if p.status == "escalated") + "."
            helped = effect.helped if effect is not None else True
            if not helped:
                text += f" It hurt: {effect.note}"
            moves.append(MoveCheck(action, status, minute, minute - point.minute, helped, rule, text))
        good = sum(m.status == "in time" and bool(m.helped) for m in moves)
        verdict = ("not reached" if not reached else "followed" if good == len(moves) else "partly" if good
                   else "missed")
        around = []
        for e in sim.effects:  # what else the run did at this moment, or to the posts of this point
            recommended_here = e.action in point.recommended and (e.action in ONCE or e.post_id in ids or not ids)
            if e.action == "(time)" or recommended_here:
                continue
            if e.post_id in ids or point.minute <= e.minute <= moment_end and not e.target:
                who = f" (post by {e.target})" if e.target else ""
                around.append(f"{PLAIN.get(e.action, e.action)}{who} at minute {e.minute}: "
                              f"{'helped' if e.helped else 'hurt'}. {e.note}")
        replies = sum(1 for e in sim.effects if e.target and e.post_id not in ids
                      and point.minute <= e.minute <= moment_end)
        if len(around) > AROUND_ROWS:
            around = around[:AROUND_ROWS] + [f"... and {len(around) - AROUND_ROWS} more moves."]
        if replies:
            around.append(f"Besides, {replies} move{'s' if replies != 1 else ''} on other posts between minute "
                          f"{point.minute} and {moment_end}.")
        reviews.append(DecisionReview(point.minute, point.prompt, point.recommended, tuple(moves), tuple(around),
                                      verdict))
    return tuple(reviews)


@dataclass(frozen=True)
class Debrief:
    score: float
    trust: float
    story_reach: int
    baseline_reach: int
    first_public_minute: int | None
    media_pickup: bool
    helped: tuple[Effect, ...]
    hurt: tuple[Effect, ...]
    timeline: tuple[Effect, ...]
    parts: dict
    missed: tuple[str, ...] = ()  # where the points went, in plain words, biggest loss first
    decisions: tuple[DecisionReview, ...] = ()  # the scenario's decision points, one review each
    notes: str = ""  # what the case teaches, from the scenario file (debrief_notes)
    scenario: str = ""  # the scenario's id

    def lessons(self) -> list[str]:
        """The lessons behind what hurt, to revisit."""
        seen = []
        for effect in self.hurt:
            title, lesson = RULES[effect.rule]
            line = f"{title} — {LESSONS[lesson]}"
            if line not in seen:
                seen.append(line)
        return seen

    def decisions_table(self):
        """The decision points as a table (pandas), one row per recommended move."""
        import pandas as pd

        return pd.DataFrame([{"minute": d.minute, "decision point": d.prompt, "recommended": TO_DO[m.action],
                              "done at minute": m.minute, "minutes after the point": m.delay, "status": m.status,
                              "helped": m.helped, "lesson": m.lesson} for d in self.decisions for m in d.moves],
                            columns=["minute", "decision point", "recommended", "done at minute",
                                     "minutes after the point", "status", "helped", "lesson"])

    def summary(self) -> str:
        """The debrief as plain text: the score, where the points went, each decision point, what to revisit, the notes."""
        first = "never" if self.first_public_minute is None else f"at minute {self.first_public_minute}"
        lines = [f"{self.scenario + ': ' if self.scenario else ''}score {self.score:.0f} / 100",
                 f"Trust at the end {self.trust:.0f}; the story reached {self.story_reach:,} people "
                 f"({self.baseline_reach:,} if Velora had stayed silent); first public word {first}; "
                 f"the press {'ran' if self.media_pickup else 'did not run'} the story."]
        if self.missed:
            lines += ["", "Where the points went"] + [f"- {line}" for line in self.missed]
        if self.decisions:
            lines += ["", "The decision points"]
            for d in self.decisions:
                lines.append(f"Minute {d.minute}: {d.prompt}")
                lines.append(f"  The course recommends: {', '.join(TO_DO[a] for a in d.recommended)}. {d.summary}")
                lines += [f"  - {m.text}" for m in d.moves]
                lines += [f"  · {line}" for line in d.around]
                if d.lessons:
                    lines.append(f"  Lesson: {'; '.join(d.lessons)}")
        revisit = self.lessons()
        if revisit:
            lines += ["", "What to revisit"] + [f"- {line}" for line in revisit]
        if self.notes:
            lines += ["", "What this case teaches", self.notes]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()


def debrief(sim: Simulation, baseline_sim: Simulation | None = None) -> Debrief:
    """Score a finished (or unfinished) run out of 100 and explain it.

    Besides the score, its parts and the timeline, the debrief reviews each decision point of the scenario
    (``Debrief.decisions``) and carries the scenario's notes; neither changes the score.
    """
    s = sim.state
    base = baseline_sim or baseline(sim.scenario, sim.seed)
    containment = 1.0 - min(1.0, s.story_reach / max(base.state.story_reach, 1.0))
    first = s.first_public_minute
    speed = 1.0 if first is not None and first <= 60 else 0.5 if first is not None and first <= 120 else 0.0
    parts = {
        "trust": 0.35 * s.trust,
        "containment": 30 * containment,
        "speed": 15 * speed,
        "sentiment": 10 * (s.sentiment + 1) / 2,
        "media": 10.0 if not s.media_pickup else (4.0 if "post_statement" in s.done else 0.0),
        "penalties": -min(20.0, 5.0 * s.deleted_legitimate + 3.0 * s.argued + 1.0 * s.canned + 1.0 * s.wrong_apologies),
    }
    score = round(max(0.0, min(100.0, sum(parts.values()))), 1)
    effects = tuple(sim.effects)
    if first is None or first > 60:
        effects += (Effect(min(60, sim.state.minute), "(time)", "", "respond_fast", False,
                           "No public word in the first hour: the story grew unchecked."),)
    return Debrief(score, round(s.trust, 1), int(s.story_reach), int(base.state.story_reach), first, s.media_pickup,
                   tuple(e for e in effects if e.helped), tuple(e for e in effects if not e.helped),
                   tuple(sorted(effects, key=lambda e: e.minute)), parts, _missed(sim, parts, containment),
                   decisions=_review_decisions(sim), notes=sim.scenario.debrief_notes, scenario=sim.scenario.id)


PART_MAX = {"trust": 35, "containment": 30, "speed": 15, "sentiment": 10, "media": 10}


def _missed(sim: Simulation, parts: dict, containment: float) -> tuple[str, ...]:
    """What a run left on the table: one sentence per score part that lost a point or more, and the moves not made."""
    s, sc = sim.state, sim.scenario
    answered_at: dict[str, int] = {}
    for e in sim.effects:
        if e.target and e.helped:
            answered_at.setdefault(e.target, e.minute)
    legitimate = [p for p in sim.feed if p.legitimate]
    never = [p for p in legitimate if p.status == "open"]
    late = [p for p in legitimate if p.status != "open" and answered_at.get(p.author, p.minute) - p.minute >= 60]
    big = sorted((p for p in never + late if p.followers >= 5000), key=lambda p: -p.followers)
    found = []  # (points lost, sentence)
    lost = {k: PART_MAX[k] - parts[k] for k in PART_MAX}
    if lost["trust"] >= 1:
        why = []
        if never:
            why.append(f"{len(never)} legitimate post{'s' if len(never) != 1 else ''} never got an answer")
        if late:
            why.append(f"{len(late)} got one only an hour or more after it was posted")
        if s.canned:
            why.append(f"{s.canned} repl{'ies were' if s.canned != 1 else 'y was'} canned")
        found.append((lost["trust"], f"Trust ended at {s.trust:.0f} of 100, worth {parts['trust']:.1f} of 35 points"
                      + (": " + ", ".join(why) + "." if why else ".")))
    if lost["containment"] >= 1:
        names = ", ".join(f"{p.author} ({p.followers:,} followers)" for p in big[:3])
        if names:
            why = f"; the big accounts answered late or not at all were {names}."
        elif never or late:
            why = (f"; {len(never)} negative or open posts were never answered and {len(late)} waited an hour or more, "
                   f"and a post spreads fastest until it is answered.")
        else:
            moves = ", ".join(f"{a.replace('_', ' ')} at minute {m}" for a, m in sorted(s.done.items(), key=lambda kv: kv[1]))
            why = ("; every post was answered within the hour, but an answered post still travels a quarter as far, so "
                   "what is left comes from how many negative posts keep arriving: earlier brand-wide moves mean fewer"
                   + (f" (yours: {moves})." if moves else "."))
        found.append((lost["containment"],
                      f"The story still reached {int(s.story_reach):,} people, {1 - containment:.0%} of what silence "
                      f"would have let it reach ({parts['containment']:.1f} of 30 points){why}"))
    if lost["speed"] >= 1:
        first = s.first_public_minute
        found.append((lost["speed"], "No brand-wide word at all (acknowledge, apologise or a statement): 0 of 15 points."
                      if first is None else f"The first brand-wide word came at minute {first}, after the first hour "
                      f"({parts['speed']:.1f} of 15 points)."))
    if lost["sentiment"] >= 1:
        found.append((lost["sentiment"], f"The mood of the feed ended at {s.sentiment:+.2f} on a scale from -1 to +1 "
                      f"({parts['sentiment']:.1f} of 10 points): it follows the posts still arriving"
                      + (f", and {s.negative_per_hour:.0f} negative mentions an hour were still coming in at the end; "
                         f"only calming the story itself, not single replies, lifts it." if s.negative_per_hour >= 5 else
                         ": by the end they were mostly ordinary questions and support, so little more was to be won "
                         "here than a calm day gives.")))
    if lost["media"] >= 1:
        found.append((lost["media"], f"The press ran the story from minute {s.media_minute} "
                      f"({parts['media']:.0f} of 10 points)."))
    if parts["penalties"] <= -1:
        found.append((-parts["penalties"], f"Mistakes cost {-parts['penalties']:.0f} points (deleted criticism, "
                      f"arguments, canned replies, misplaced apologies): see what hurt in the timeline."))
    moves = []
    if sc.brand_at_fault >= 0.4 and "offer_remedy" not in s.done:
        moves.append("a remedy for the people affected was never offered")
    if sim._press_or_legal and "escalate" not in s.done:
        moves.append("the press or a lawyer got in touch, and nothing was escalated to PR and legal")
    thanked = sum(1 for e in sim.effects if e.helped and e.action == "respond_individually"
                  and e.rule == "individual_replies" and "supporter" in e.note)
    supporters = sum(1 for p in sim.feed if p.kind in ("support", "praise"))
    if supporters and not thanked:
        moves.append(f"none of the {supporters} supporters was thanked")
    found.sort(key=lambda item: -item[0])
    lines = [line for _, line in found]
    if moves:
        lines.append("Not done: " + "; ".join(moves) + ".")
    return tuple(lines)


def snapshot(view: View, **changes) -> View:
    return replace(view, **changes)
