"""Answer keys for lesson 5.1 (Monitoring and analysing metrics), used by ``tests/test_analysis_kpis.py``.

``FACTS`` measures on the shipped data the May 2026 figures the lesson's prose quotes; ``ALTERNATIVES`` is the
register of plausible answers other than the reference one, with the decision taken for each: ``accepted`` (the
check passes it) or ``rejected`` (a real mistake, the check fails it with a message about the idea).
"""

from course.analysis.kpis import kpi_set, sentiment_by_language
from course.exercises.module5 import lesson1 as ex
from course.datasets import load_inbox

ANSWERS = {"l51_denominator": "b", "l51_reach_impressions": "c", "l51_ninety_nine_one": "a",
           "l51_sentiment_limits": "d"}

_may = kpi_set("2026-05-01", "2026-05-31")
_inbox = load_inbox()
_languages = sentiment_by_language(_inbox[_inbox["received_at"].dt.month == 5])
FACTS = {name: float(value) for name, value in _may.table["value"].items()}
FACTS.update({f"vader_agrees_{lang}": float(share) for lang, share in _languages["vader_agrees"].items()})

# (question, right answer, wrong answers) for tests/test_checkers.py
CASES = [
    (ex.denominator, "b", ["a", "c", "d"]),
    (ex.reach_impressions, "c", ["a", "b", "d"]),
    (ex.ninety_nine_one, "a", ["b", "c", "d"]),
    (ex.sentiment_limits, "d", ["a", "b", "c"]),
]

ALTERNATIVES = {
    "l51_denominator": [
        ("B", "accepted", "capital letters do not matter: the same option b"),
        ("a", "rejected", "followers ignore how far TikTok posts travel beyond the brand's own audience"),
        ("c", "rejected", "totals reward the platform with more posts and a bigger audience"),
        ("d", "rejected", "impressions count repeat showings to the same person as if they were people"),
        ("b)", "rejected", "not an option label; the message names the options so the learner retypes it"),
    ],
    "l51_reach_impressions": [
        (" c ", "accepted", "spaces around the label are ignored: the same option c"),
        ("a", "rejected", "impressions above reach is the normal case, not an error in the figures"),
        ("b", "rejected", "more showings with flat reach are repeats, not new people"),
        ("d", "rejected", "reach cannot exceed impressions; the figures are read the wrong way round"),
    ],
    "l51_ninety_nine_one": [
        ("A", "accepted", "capital letters do not matter: the same option a"),
        ("b", "rejected", "half the members posting ignores that about nine in ten only read"),
        ("c", "rejected", "readers learn, buy and often join in later; removing them loses them"),
        ("d", "rejected", "the rule of thumb is about who writes, not about buying or complaining"),
    ],
    "l51_sentiment_limits": [
        ("D", "accepted", "capital letters do not matter: the same option d"),
        ("a", "rejected", "a lexicon scores words and misses the sarcasm of the message"),
        ("b", "rejected", "VADER calls Chinese text neutral because it knows none of its words"),
        ("c", "rejected", "more messages do not cancel a bias that always points the same way"),
    ],
}
