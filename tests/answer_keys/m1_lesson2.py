"""Answer keys for lesson 1.2 (Why community management matters), used by the shared checker tests."""

from course.exercises.module1 import lesson2 as ex


def _people_told(happy, unhappy):
    return happy * 15 + unhappy * 24


def _swapped(happy, unhappy):  # the two averages the wrong way round
    return happy * 24 + unhappy * 15


def _only_happy(happy, unhappy):  # forgets the unhappy customers
    return happy * 15


_BENEFITS = {
    "battery_video": "reputation",
    "fire_rumour": "reputation",
    "pairing_help": "support",
    "firstride_friday": "engagement",
    "spring_referrals": "sales",
    "evening_posts": "insights",
}

CASES = [
    (ex.people_told, _people_told, [_swapped, _only_happy, lambda happy, unhappy: happy + unhappy]),
    (ex.happy_needed, 40, [25, 16, 600, 375, 1.6, 41]),
    (
        ex.benefits,
        _BENEFITS,
        [
            {**_BENEFITS, "fire_rumour": "support"},
            {**_BENEFITS, "evening_posts": "sales"},
            {**_BENEFITS, "firstride_friday": "reputation"},
        ],
    ),
    (ex.ad_response, "c", ["a", "b", "d"]),
]
