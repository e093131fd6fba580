"""Lesson 3.2 -- Creating and optimising profiles: the practice questions.

Used by ``module3_social/3.2-profiles.ipynb``::

    from course.exercises.module3 import lesson2 as ex
    ex.cargo_handle.check(cargo_handle)

Expected answers of the choice questions are stored only as salted hashes (see :mod:`course.checks`).
The profile fix is checked by scoring the learner's edited profile with :mod:`course.social.profiles`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from course.checks import ChoiceQuestion, NotAttempted, Question
from course.social import profiles as audit

__all__ = ["cargo_handle", "instagram_bio", "contact_route", "pinned_post", "fixed_tiktok", "ProfileFixQuestion"]


# --------------------------------------------------------------------------- exercise 1
cargo_handle = ChoiceQuestion(
    id="l32_cargo_handle",
    options=["a", "b", "c", "d"],
    answer_hash="ddd06dba2fc4d847d742",
    feedback={
        # a: @veloracargo, and @veloracargo.official on Instagram
        "9a68403c7724d6123a24": "Two handles for one brand: which one does a rider type when they want to tag the "
        "Cargo in an Instagram story, and where does the other one lead?",
        # b: @veloracargobikes
        "b99dd94571fdb34d9ec3": "Run handle_fits on it. Does every one of the four platforms accept it?",
        # d: report the fan account
        "09c2cbd9e820c5a39014": "The fan account says plainly that it is a fan page. Is that impersonation, and how "
        "would riders read a brand taking a fan's name away?",
    },
    hints=[
        "A handle works when it is the same on every platform and each platform accepts it. Try each candidate "
        "with handle_fits(handle, platforms).",
        "X is the strictest platform here: count the characters, and look at which symbols it allows.",
    ],
    explanation=(
        "One handle on every platform lets people find and tag the brand without guessing. When the plain name is "
        "taken, a small, legal variation used everywhere beats a perfect name on three platforms out of four."
    ),
    model_answer=(
        "c. @velora_cargo is free on all four platforms, has 12 characters and uses only letters and an underscore, "
        "which X, Instagram, TikTok and YouTube all accept. (a) splits the brand across two handles, (b) has 16 "
        "characters, one more than X allows, and (d) treats a clearly labelled fan page as an impostor, "
        "which it is not, and picks a fight with a fan."
    ),
)


# --------------------------------------------------------------------------- exercise 2
instagram_bio = ChoiceQuestion(
    id="l32_instagram_bio",
    options=["a", "b", "c"],
    answer_hash="3933f1083b09d841ffae",
    feedback={
        # a: award-winning, premium quality
        "36a319c0d5eb5b5b0c81": "It fits, but read it as a stranger: what do *you* get by following? Which words "
        "are about the visitor rather than the brand?",
        # c: the long one
        "09fbb8e947c3be689cca": "Its words are good. Run bio_check on it: how much of it would Instagram keep?",
    },
    hints=[
        "A bio has two jobs: fit in the platform's limit, and tell a visitor what following gives them. "
        "Try each one with bio_check(bio, \"instagram\").",
        "Empty praise (award-winning, premium quality) is about the brand. Tips, help and stories are about the rider.",
    ],
    explanation=(
        "A bio is read in a second by someone deciding whether to follow. It must fit the platform's box and "
        "answer the visitor's question: what is in it for me?"
    ),
    model_answer=(
        "b. It has 119 of Instagram's 150 characters and names what a follower gets: ride tips, repair help and "
        "rider stories, plus the campaign's hashtag written in CamelCase. (a) fits but only praises the brand, and "
        "(c) says the right things in 158 characters, more than the bio holds."
    ),
)


# --------------------------------------------------------------------------- exercise 3
contact_route = ChoiceQuestion(
    id="l32_contact_route",
    options=["a", "b", "c", "d"],
    answer_hash="75ff403678a80a4b1244",
    feedback={
        # a: 24/7
        "dfbcf7e6acc1ae63ca2c": "Three people cannot answer around the clock. What happens to trust when a "
        "promise of 'any time' meets a six-hour silence at 3 a.m.?",
        # b: phone only
        "fd63faa6e191bd9fd076": "Who picks up the phone when Turin is asleep, and where does a rider in Toronto "
        "write if they would rather not call?",
        # c: email, DMs closed
        "9306c9e0e9e02193b515": "Closing DMs moves riders off the platform they chose. And what does the profile "
        "say about when an email will be read?",
    },
    hints=[
        "A good contact route says where to write and when a person will answer, and offers something for the "
        "hours nobody is there.",
        "Add up the team's working hours in one time zone: two people in Turin, one in Toronto.",
    ],
    explanation=(
        "A small team cannot be always on, but it can be honest: stated hours, in a named time zone, that the team "
        "can keep, and a place for the hours between."
    ),
    model_answer=(
        "d. DMs answered on weekdays from 8:00 to 23:00 Turin time (Toronto covers the European evening), email for "
        "orders and warranty, and the forum's FAQ for the hours in between. (a) promises what three people cannot "
        "deliver, (b) needs a person on the phone at every hour and forgets those who prefer to write, and (c) closes "
        "the channel riders already use and gives no hours at all."
    ),
)


# --------------------------------------------------------------------------- exercise 4
pinned_post = ChoiceQuestion(
    id="l32_pinned_post",
    options=["a", "b", "c", "d"],
    answer_hash="64dbe70122b079789d53",
    feedback={
        # b: the campaign post from May
        "9ac882ff7fdaad2c5e6b": "It was a great post, in May. The campaign ended in June: what does a visitor "
        "in November learn from it?",
        # c: the apology from March
        "f4a624f427419c35959a": "The apology mattered while the crisis ran. Months later, does leaving it on top "
        "help a newcomer, or keep an old problem in the shop window?",
        # d: nothing pinned
        "dd282b106ca9ccb094fb": "The newest post changes every day. What does the pinned spot give that the "
        "timeline does not?",
    },
    hints=[
        "The pinned post is the one post every visitor sees first. Ask what a newcomer needs to know *this* month.",
        "Check each option against the audit's rule: recent, useful to a newcomer, and accessible.",
    ],
    explanation=(
        "The pinned spot is a welcome mat, not a trophy shelf: current, useful to someone new, and readable by "
        "everyone."
    ),
    model_answer=(
        "a. The November welcome post is current, tells a newcomer where to start, how to reach the team and when, "
        "and its image has alt text. (b) is the year's best post but a finished campaign, (c) keeps a closed crisis "
        "on top for every newcomer, and (d) wastes the one spot every visitor sees."
    ),
)


# --------------------------------------------------------------------------- exercise 5: the lab's fix
@dataclass
class ProfileFixQuestion(Question):
    """The learner edits one shipped profile (a dict) until it passes every point of the audit.

    *Not attempted* while a field is still ``...`` or nothing has been changed; *not yet right* names each
    point still missed and why; *correct* at a full score.
    """

    brand: str = ""
    platform: str = ""

    def original(self) -> dict[str, Any]:
        return audit.get_profile(audit.load_profiles(), self.brand, self.platform)

    def _verdict(self, answer: Any) -> None:
        if answer is Ellipsis:
            raise self._not_attempted()
        if type(answer) is not dict:
            raise self._not_yet(f"Give the profile as a dictionary (start from get_profile); you gave a "
                                f"{type(answer).__name__}.")
        left = [field for field, value in answer.items() if value is Ellipsis]
        if left:
            raise self._not_attempted(f"the field(s) {', '.join(map(str, left))}")
        try:
            edited = audit._clean(answer)
            result = audit.score_profile(edited, audit.load_profiles())
        except audit.ProfileError as problem:
            raise self._not_yet(str(problem)) from None
        if (result.brand.lower(), result.platform) != (self.brand.lower(), self.platform):
            raise self._not_yet(f"This is the profile of {result.brand} on {result.platform}; the task is "
                                f"{self.brand}'s {self.platform} profile.")
        if edited == audit._clean(self.original()):
            raise NotAttempted("The profile is still exactly as shipped. Change the fields that missed a point, "
                               "then run this cell again.", self.id)
        if result.missed:
            still = "\n".join(f"- {p.title}: {p.reason}" for p in result.missed)
            raise self._not_yet(f"Now {result.score}/{result.out_of}. Still missed:\n{still}")


fixed_tiktok = ProfileFixQuestion(
    id="l32_fixed_tiktok",
    brand="Velora",
    platform="tiktok",
    hints=[
        "Read the audit's reasons for Velora's TikTok one by one: each names the field to change.",
        "The bio must fit TikTok's 80 characters and keep the web address out (it belongs in link, with https://). "
        "A pinned post from the last 90 days, with captions (pinned_accessible = True), fixes two points at once.",
        "contact, response_hours and location are empty: fill them as Velora's other profiles do.",
    ],
    explanation=(
        "Every point passed. Most of the fixes were small and cost nothing: a shorter bio, the link in its field, a "
        "fresh pinned video with captions, and the contact hours the other profiles already state."
    ),
    model_answer=(
        "fixed_tiktok = get_profile(profiles, \"Velora\", \"tiktok\")\n"
        "fixed_tiktok[\"bio\"] = \"E-bikes made in Turin. Ride tips and quick repair help, twice a week.\"\n"
        "fixed_tiktok[\"link\"] = \"https://velora.bike/riders\"\n"
        "fixed_tiktok[\"pinned_text\"] = \"Winter riding: three checks before you leave home\"\n"
        "fixed_tiktok[\"pinned_date\"] = \"2026-10-20\"\n"
        "fixed_tiktok[\"pinned_accessible\"] = True\n"
        "fixed_tiktok[\"contact\"] = \"DM or help@velora.bike\"\n"
        "fixed_tiktok[\"response_hours\"] = \"Mon-Fri 8:00-23:00 CET\"\n"
        "fixed_tiktok[\"location\"] = \"Turin, Italy\""
    ),
)
