"""Answer keys for lesson 4.1 (Interaction and engagement techniques), used by the shared checker tests.

``ALTERNATIVES`` records, for every checked item, the plausible answers other than the key that were
considered, and what was decided: ``"accepted"`` (the check passes it) or ``"rewritten"`` (the item
was changed so that answer is now clearly wrong; the test shows the check rejects it).
"""

from course.exercises.module4 import lesson1 as ex

_TECHNIQUES = {"quiet_caption": "question", "photo_flood": "feature", "same_questions": "live",
               "first_post": "welcome", "brake_squeal": "members"}

CASES = [
    (ex.format_trap, "b", ["a", "c", "d"]),
    (ex.technique, _TECHNIQUES, [
        {**_TECHNIQUES, "brake_squeal": "live"},
        {**_TECHNIQUES, "photo_flood": "question"},
        {**_TECHNIQUES, "first_post": "members"},
        {**_TECHNIQUES, "same_questions": "question"},
    ]),
    (ex.ugc_next, "b", ["a", "c", "d"]),
    (ex.live_turnout, 408, [800, 340, 631, 400, 510]),
    (ex.best_idea, "b", ["a", "c", "d"]),
]

ALTERNATIVES = {
    ex.format_trap.id: [
        ("a", "rewritten", "Carousels do sit slightly above their platforms (1.10); the stem now asks for the reading "
         "the table supports, and the option claims the raw rate, which is the platforms' difference, as the reason."),
    ],
    ex.technique.id: [
        ({**_TECHNIQUES, "brake_squeal": "Member help", "same_questions": "Q&A", "quiet_caption": "open question"}, "accepted",
         "The usual names of the techniques ('member help', 'Q&A', 'open question') mean the same labels."),
        ({**_TECHNIQUES, "photo_flood": "reshare", "first_post": "greet"}, "accepted",
         "Resharing is the featuring move and greeting is the welcome; both name the technique in other words."),
        ({**_TECHNIQUES, "same_questions": "question"}, "rewritten", "A post asking riders about firmware could "
         "gather the questions too; the stem now says the questions come from many people every week and need the "
         "product team's answers, which is what a live session gives."),
    ],
    ex.ugc_next.id: [
        ("d", "rewritten", "Counting tagged posts is a common campaign KPI; the option now makes it the only measure, "
         "which the lesson shows hides the unanswered four in ten."),
    ],
    ex.live_turnout.id: [
        (407.6, "accepted", "The show rate to four places (0.5095) gives 407.6 people, which rounds to the same 408."),
        (408.0, "accepted", "The same number written as a decimal."),
        (400, "rewritten", "A show rate of a half is a fair first guess; the stem asks for the table's Q&A figure, "
                           "0.51, so 400 is not the number it supports."),
    ],
    ex.best_idea.id: [
        ("d", "rewritten", "The how-to ranks second on a solid history; the stem now asks for the idea most likely to "
         "start a conversation, and its caption gives nobody anything to answer."),
    ],
}
