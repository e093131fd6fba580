"""Answer key for lesson 1.3 (the community manager): right and wrong answers for every question."""

from course.exercises.module1 import lesson3 as ex

_TRAITS = {
    "lyon_meetup": "growth",
    "winter_tips": "customer",
    "crash_report": "empathy",
    "own_words": "authentic",
    "wrong_model": "detail",
    "monday_numbers": "analytical",
    "voice_guide": "voice",
}

_WHAT_TO_SAY = {
    "sunrise_photo": "thank you",
    "leaking_seams": "sorry",
    "stolen_trail": "we support you",
    "newcomer_help": "thank you",
    "firmware_zero": "sorry",
    "charity_ride": "we support you",
    "late_delivery": "sorry",
}

CASES = [
    (
        ex.traits,
        _TRAITS,
        [
            {**_TRAITS, "winter_tips": "analytical", "monday_numbers": "customer"},
            {**_TRAITS, "own_words": "voice", "voice_guide": "authentic"},
            {**_TRAITS, "crash_report": "authentic"},
        ],
    ),
    (
        ex.what_to_say,
        _WHAT_TO_SAY,
        [
            {**_WHAT_TO_SAY, "stolen_trail": "sorry"},
            {**_WHAT_TO_SAY, "leaking_seams": "thank you"},
            {**_WHAT_TO_SAY, "charity_ride": "thank you"},
        ],
    ),
    (ex.best_reply, "c", ["a", "b", "d"]),
    (ex.reply_share, 1140 / 1545 * 100, [735 / 1410 * 100, 1875 / 2955 * 100, 1140 / 1545, 1140, 19.0]),
    (ex.velora_plan, "b", ["a", "c", "d"]),
]
