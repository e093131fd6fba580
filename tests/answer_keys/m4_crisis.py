"""Answer keys for the graded crisis policy (lesson 4.3): good policies pass, faulty or careless ones fail."""

from answer_keys.m4_lesson3 import (_argues_with_influencers, _hides_rumours, _moderates_when_nothing_arrived,
                                    _only_acknowledge, _waits_ninety_minutes)
from course.crisis.policy import silent_policy, textbook_policy
from course.exercises.module4 import crisis as ex


def raises(state, post):
    raise ValueError("oops")


def nonsense(state, post):
    return "panic"


def jacket_only(state, post):
    """Tuned to the practice case: apologises, replies, but pulls content and offers remedies everywhere."""
    if post is None:
        for action in ("acknowledge", "apologise", "offer_remedy", "pull_content", "post_statement"):
            if not getattr(state, {"acknowledge": "acknowledged", "apologise": "apologised", "offer_remedy": "remedy_offered",
                                   "pull_content": "content_pulled", "post_statement": "statement_posted"}[action]):
                return action
        return None
    if post.kind in ("abuse", "spam"):
        return "moderate"
    return ("respond_individually", f"Sorry {post.author}, we're on it.")


def deletes_complaints(state, post):
    if post is not None and post.kind == "complaint":
        return "delete_comment"
    return textbook_policy(state, post)


def slow(state, post):
    return textbook_policy(state, post) if state.minute >= 150 else None


CASES = [
    (ex.runs_cleanly, textbook_policy, [raises, nonsense, _moderates_when_nothing_arrived, "acknowledge"]),
    (ex.practice_score, textbook_policy, [silent_policy, slow, _only_acknowledge]),
    (ex.transfer_score, textbook_policy, [silent_policy, _only_acknowledge]),
    (ex.never_delete, textbook_policy, [deletes_complaints, _hides_rumours, _argues_with_influencers]),
    (ex.responds_fast, textbook_policy, [slow, silent_policy, _waits_ninety_minutes]),
]
