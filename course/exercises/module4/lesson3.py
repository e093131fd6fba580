"""Lesson 4.3 -- Crisis management on social media (practice questions, not graded).

The graded crisis-response policy is in lab 4.3b (:mod:`course.exercises.module4.crisis`). These
warm-ups are practice: their checks show a verdict and never raise, and ``solution()`` shows the
model answer after a real attempt. Expected answers are stored as salted hashes (see :mod:`course.checks`).
"""

from course.checks import ChoiceQuestion, LabelsQuestion

triage = LabelsQuestion(
    id="c43_triage",
    labels=("reply", "moderate", "escalate", "offline"),
    answer_hashes={
        "soaked_commute": "0e0bf220c0b1c345081d",
        "insult": "da45b898db7be6f4b817",
        "crypto_link": "750dca8687fa2d2ecb80",
        "toxic_rumour": "d44e14c8d93450c33705",
        "magazine": "35b69573b5ed87cb089e",
        "order_number": "019b4d5931710a3e07f7",
        "lawyer": "1ee51343c0e1a58ee0d5",
    },
    ideas={
        "soaked_commute": "Angry and public, but every word of it is about a real problem with the product.",
        "insult": "Does this post contain any criticism you could act on, or only insults?",
        "crypto_link": "Nothing to do with the jackets, or with anything at all.",
        "toxic_rumour": "Wrong is not the same as abusive, and nobody outside the community team is needed to "
        "state Velora's replacement rules. If the post disappears, what will people conclude?",
        "magazine": "Who at Velora should decide what is said on the record to a journalist?",
        "order_number": "The rider is owed an answer, but sorting out one refund needs the order and payment details.",
        "lawyer": "Once lawyers are mentioned, the community team should not be the only ones who know.",
    },
    hints=(
        "Sort the posts into three piles first: legitimate criticism or questions (however rude the tone), "
        "content that breaks the community rules, and posts that need someone beyond the community team.",
        "Legitimate criticism is answered in public, unless the conversation needs personal details: then the "
        "public word comes first and the details move to a private channel.",
        "A false rumour is still legitimate in the sense of the lesson: it is negative, not bad. It gets an answer with facts.",
    ),
    explanation="Negative is not bad: criticism and even false rumours are answered, only abuse and spam are "
    "moderated, personal details move to a private channel, and the press and lawyers go to the people who "
    "speak for the company.",
    model_answer="soaked_commute: reply (angry, but all of it is about the product) · insult: moderate (abuse, "
    "nothing to act on) · crypto_link: moderate (spam) · toxic_rumour: reply (false, so answer it with the facts "
    "in public; deleting it would confirm it) · magazine: escalate (the press office answers journalists) · "
    "order_number: offline (a short public word, then the refund is sorted out in a private message) · "
    "lawyer: escalate (legal must know, and answers it).",
)

first_hour = ChoiceQuestion(
    id="c43_first_hour",
    options=("a", "b", "c", "d"),
    answer_hash="3447d8189840e35be91c",
    feedback={
        "aed5cce1c22f104dfe25": "Waiting for the full answer means an hour or more of silence, and the story "
        "does not wait with you. What can you honestly say already?",
        "5880270889ce6f732a07": "The cause is not confirmed yet, and pointing at a supplier sounds like dodging. "
        "Riders bought a Velora jacket, not a supplier's tape.",
        "f531ce2297cf0219efcb": "Those posts are legitimate complaints. Hiding them is deleting criticism by "
        "another name, and the screenshots will travel further than the photos did.",
    },
    hints=(
        "Think about what people need to hear in the first hour: that you know, that you care, and what happens next.",
        "You do not need the fix to speak. You need honesty about what you know, what you don't, and when you will update.",
    ),
    explanation="A fast, honest acknowledgement with an apology and a time for the next update slows the story "
    "while the facts are checked; the statement with concrete steps can follow.",
    model_answer="b) A short public post now that names the problem, says sorry (Velora sold the jackets) and gives "
    "a time for the next update, then personal replies. a) leaves the first hour to other people's guesses, c) "
    "blames a supplier before the cause is known, d) hides legitimate complaints.",
)
