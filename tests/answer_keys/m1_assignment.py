"""Answer keys for Assignment 1 (the master notebook's hidden tests hold the same key)."""

import pandas as pd

from course.exercises.module1 import assignment as ex

_SPACE = {"help_forum": "S", "ideas_board": "P", "velora_crew": "A", "route_library": "C",
          "instagram_replies": "E", "dealer_workspace": "I"}
_AUDIENCE = {"newsletter_readers": "audience", "forum_helpers": "community", "tv_ad_viewers": "audience",
             "ride_club": "community"}
_CM = {"schedule_posts": "social media management", "answer_forum_question": "community management",
       "design_campaign_visuals": "social media management", "welcome_new_members": "community management",
       "introduce_two_members": "community management"}
_SAY = {"member_tutorial": "thank you", "app_outage": "sorry", "rider_injured": "we support you", "ugc_photo": "thank you"}


def _one_wrong(key, item, label):
    return {**key, item: label}


def _within_hour(messages):
    complaints = messages[messages["kind"] == "complaint"]
    return float((complaints["minutes_to_reply"] <= 60).mean())


CASES = [
    (ex.space_types, _SPACE, [_one_wrong(_SPACE, "velora_crew", "E"), _one_wrong(_SPACE, "dealer_workspace", "E"),
                              {k: v.lower() for k, v in _one_wrong(_SPACE, "help_forum", "C").items()}]),
    (ex.community_or_audience, _AUDIENCE, [_one_wrong(_AUDIENCE, "ride_club", "audience"),
                                           {k: "community" for k in _AUDIENCE}]),
    (ex.cm_or_smm, {**_CM, "schedule_posts": "SMM"}, [_one_wrong(_CM, "introduce_two_members", "smm"),
                                                      {k: "community management" for k in _CM}]),
    (ex.people_told, lambda happy, unhappy: 15 * happy + 24 * unhappy,
     [lambda happy, unhappy: 24 * happy + 15 * unhappy, lambda happy, unhappy: 15 * (happy + unhappy),
      lambda happy, unhappy: None, lambda happy, unhappy: "270"]),
    (ex.review_readers, 1164, [1200, 36, 97, 1164.6, "1164"]),
    (ex.first_reply, " B ", ["a", "c", "d", "e", 2]),
    (ex.say_it, _SAY, [_one_wrong(_SAY, "rider_injured", "sorry"), _one_wrong(_SAY, "app_outage", "we support you")]),
    (ex.agency_risk, "c", ["a", "b", "d"]),
    (ex.complaints_within_hour, _within_hour,
     [lambda m: float((m["minutes_to_reply"] <= 60).mean()),
      lambda m: float((m[m["kind"] == "complaint"]["minutes_to_reply"] < 60).mean()),
      lambda m: int((m[m["kind"] == "complaint"]["minutes_to_reply"] <= 60).sum()),
      lambda m: pd.DataFrame()]),
]
