"""Lesson 4.2 -- Managing comments and messages: the practice questions.

Used by ``module4_interaction/4.2-comments-and-messages.ipynb``::

    from course.exercises.module4 import lesson2 as ex
    ex.negative_or_bad.check(negative_or_bad)

Expected answers are stored only as salted hashes (see :mod:`course.checks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from course.checks import ChoiceQuestion, LabelsQuestion, Question

__all__ = ["negative_or_bad", "first_reply", "take_offline", "triage_rules", "replies"]


@dataclass
class TriageQuestion(Question):
    """The triage lab: rules (a table or a function) that score at least ``pass_mark`` on the practice inbox."""

    pass_mark: float = 70.0

    def _verdict(self, answer: Any) -> None:
        from course.checks import is_template
        from course.datasets import load_inbox
        from course.interaction import inbox as ib

        if answer is Ellipsis or (callable(answer) and is_template(answer)):
            raise self._not_attempted("your rules")
        try:
            result = ib.score(answer, load_inbox())
        except ib.TriageError as problem:
            raise self._not_yet(str(problem)) from None
        if result.overall < self.pass_mark or result.bad_public / max(result.bad_total, 1) > 0.05:
            raise self._not_yet(result.summary() + f" Aim for {self.pass_mark:.0f} or more, with almost no bad content "
                                "left in a public queue: which part of the table above lost you the most points?")


@dataclass
class RepliesQuestion(Question):
    """The reply lab: every draft scores at least ``pass_mark`` in :func:`course.interaction.replies.check_replies`."""

    pass_mark: float = 80.0

    def _verdict(self, answer: Any) -> None:
        from course.interaction import replies as rp

        if answer is Ellipsis:
            raise self._not_attempted("your replies")
        if type(answer) is not dict:
            raise self._not_yet(f"Give the replies as a dictionary (message id -> text); you gave a {type(answer).__name__}.")
        if all(value is Ellipsis for value in answer.values()):
            raise self._not_attempted("the dictionary")
        try:
            report = rp.check_replies(answer)
        except rp.ReplyError as problem:
            raise self._not_yet(str(problem)) from None
        weak = report.table[report.table["points"] < self.pass_mark]
        if len(weak):
            lines = [f"{len(report.table) - len(weak)} of {len(report.table)} replies are ready."]
            lines += [f"- {row.message_id} ({row.points:.0f}): {row.feedback}" for row in weak.itertuples()]
            raise self._not_yet("\n".join(lines))


# --------------------------------------------------------------------------- exercise 1
negative_or_bad = LabelsQuestion(
    id="l42_negative_or_bad",
    labels=["reply", "moderate"],
    answer_hashes={
        "caps_complaint": "aa5835e9137a8ed25480",
        "insult_staff": "1f084dd11576daf31f3b",
        "crypto_link": "b7949044801712f67c66",
        "sarcastic": "52832233c0c065890956",
        "one_star": "4995029bef2ecfc0c21b",
        "rival_link": "fe19ece66a069bc15579",
    },
    ideas={
        "caps_complaint": "Capital letters are loud, but what is the message about: a person, or an order that is late?",
        "insult_staff": "Is this about the product or the service, or is it an attack on a named person?",
        "crypto_link": "Does the author want anything from Velora, or from Velora's followers?",
        "sarcastic": "Sarcasm is still a customer telling you something went wrong. What, exactly?",
        "one_star": "A harsh review warns other buyers. Does it break a community rule, or is it an opinion on a product?",
        "rival_link": "Who is the link for, and does it add anything to the conversation?",
    },
    hints=[
        "Ask of each message: is it about Velora's product or service (criticism), or is it an attack on people, or "
        "an advert aimed at the audience?",
        "Three are criticism, however rude they sound; three break the community rules whatever their tone.",
    ],
    explanation=(
        "Criticism, shouted, sarcastic or one-star, is answered: it is a customer with a problem, and the people "
        "reading want to see how Velora handles it. Insults aimed at people and adverts aimed at the audience break "
        "the community rules and are moderated under them, with the rule named."
    ),
    model_answer=(
        "caps_complaint: reply; insult_staff: moderate; crypto_link: moderate; sarcastic: reply; one_star: reply; "
        "rival_link: moderate."
    ),
)


# --------------------------------------------------------------------------- exercise 2
first_reply = ChoiceQuestion(
    id="l42_first_reply",
    options=["a", "b", "c", "d"],
    answer_hash="315e47658b9606a1a145",
    feedback={
        # a: wait for the fix
        "690727eb91c38a63b92e": "A complete answer on Wednesday means two days of silence under an angry comment that "
        "everyone can read. What does the person need to hear in the first hour, even without the fix?",
        # c: canned and vague
        "d884d8cf57fa9a3cdb1b": "It is fast, but would Sara know that anyone read her comment? Look for a stock phrase "
        "and a promise without a date.",
        # d: explaining the range
        "c92651f51cfa310f6c8a": "Every word may be true, and it still tells Sara she is the problem. Does it acknowledge "
        "her, or defend the bike?",
    },
    hints=[
        "Two things matter here: how soon the first reply goes out, and what it says when the fix is not ready yet.",
        "Choose the reply that comes within the hour, names the problem, says what happens next and when, and moves "
        "the personal details out of public view.",
    ],
    explanation=(
        "A complaint is answered within the hour even when the fix takes longer: the first reply acknowledges the "
        "problem, says what happens next and when, and takes the order details to a private message."
    ),
    model_answer=(
        "b. It goes out within the hour, names Sara and the battery, gives the next step (a loan battery today) and the "
        "date of the workshop's answer, and asks for the order number privately. (a) leaves a public complaint "
        "unanswered for two days, (c) is canned with no date, and (d) argues."
    ),
)


# --------------------------------------------------------------------------- exercise 3
take_offline = LabelsQuestion(
    id="l42_take_offline",
    labels=["public", "offline"],
    answer_hashes={
        "address_change": "6f640f3901095120914a",
        "winter_range": "07b1c77eb40e741db716",
        "refund_dispute": "0b4759035bf7a9e05d56",
        "thanks_photo": "b158e0ee749475dade4a",
        "firmware_bug": "fe771368ec5e8b07fbb8",
        "fall_injury": "43e318f1d15281a7d4f1",
    },
    ideas={
        "address_change": "What would the answer need Velora and the rider to write where everyone can read it?",
        "winter_range": "How many other riders are wondering the same thing, and where would they look for the answer?",
        "refund_dispute": "After three public rounds, is another public reply going to help anyone?",
        "thanks_photo": "Is there anything private here, or is this a moment to share?",
        "firmware_bug": "Would other owners with the same bug want to see the status, and would silence look like hiding?",
        "fall_injury": "Health, blame and compensation: is that a conversation for a comment thread?",
    },
    hints=[
        "Go private when the answer needs personal details or the exchange has become one person's case; stay public "
        "when other people gain from seeing the answer.",
        "Going private still starts with a public reply that says where the conversation went, so others see it was "
        "answered. Three of the six stay public.",
    ],
    explanation=(
        "Take a conversation offline when it needs personal data, when it has become one customer's case going round "
        "in circles, or when it touches health, money or blame; keep it public when the answer helps others or "
        "celebrates someone. Either way, reply publicly first, so readers see it was heard."
    ),
    model_answer=(
        "address_change: offline; winter_range: public; refund_dispute: offline; thanks_photo: public; firmware_bug: "
        "public; fall_injury: offline."
    ),
)


# --------------------------------------------------------------------------- the triage lab
triage_rules = TriageQuestion(
    id="l42_triage_rules",
    hints=[
        "Put the rules for bad content first, so spam and insults never reach a public queue; then complaints, then "
        "the rest. Run the score after each change and read which intent is weakest.",
        "Use the labelled sentiment as a condition: an unhappy question is urgent like a complaint, and most messages "
        "with negative sentiment that are not abuse are complaints.",
        "Spam shows itself with links, handles with numbers and money; abuse with insults aimed at people. Add the "
        "Italian and Chinese words you see in the messages the score gets wrong.",
    ],
    explanation=(
        "Your rules sort the inbox well: bad content goes to moderation, criticism to a person who answers it, and "
        "the unhappy customers are marked for a reply within the hour."
    ),
    model_answer=(
        "Nine rules, in this order: spam (links, handles with numbers, money, follower offers) and abuse (insults "
        "aimed at people), both to moderation; unhappy questions (negative sentiment with a question mark) and then "
        "every other negative message as a complaint, both urgent to support; suggestions (please, idea, an "
        "imperative such as 'add' or 'sell') to the community team, later; other questions to support, today; "
        "positive messages as praise; a last catch-all for what is left. It scores about 80 on the practice inbox."
    ),
)


# --------------------------------------------------------------------------- the reply lab
replies = RepliesQuestion(
    id="l42_replies",
    hints=[
        "Start every reply with the person's handle and name the thing they wrote about: the order number, the "
        "part, the figure.",
        "Write each reply from scratch: if you catch yourself copying the last one and changing the name, start "
        "again. Give a next step with a time, not 'soon'.",
    ],
    explanation="Each reply is written to one person about their message, with a next step and without a fight.",
    model_answer=(
        "Two of the six, as examples. To @tatocycles759: \"Five days late with no answer is not good enough, and I'm "
        "sorry. I've asked the courier where VL356143 is and I'll DM you their answer before 16:00 today.\" To "
        "@weiancycles733: \"A display that dies during a firmware update is our failure. Check your DMs: a technician "
        "can restore it with you by phone today, and if that fails we collect the bike tomorrow.\" Each opens with "
        "the person, names their order, part or figure, gives one next step with a time, and shares no sentence "
        "with the others."
    ),
)
