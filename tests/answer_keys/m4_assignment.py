"""Assignment 4: the key, the form checks' cases, the register of alternative answers, the two lab items graded on
hidden data and the synthetic class.

The course package holds no key for an assessment; the master notebook's hidden tests hold it, and this file holds
the same key for the tests (``tests/test_assessments.py`` proves the two agree for the choice and label items;
``tests/test_grading_a4.py`` does it for the triage seed and the two pass marks). The formats (``CASES``, ``FORMS``,
``KEYS``, ``ALTERNATIVES``) are described in ``m1_assignment.py``.

The figures the items quote were computed with the course's labs on Velora's data, and ``tests/test_grading_a4.py``
recomputes them:

- Q1: ``conversation_rates(load_posts())``: Xiaohongshu 3.33 comments per 1,000 reached, TikTok 2.74, Instagram's
  7,873 comments the most after the forum, X's 357 posts the most of any network;
- Q6: ``reply_shares()``: the top 1% (59 members) wrote 63% of the year's forum replies, the next 9% 36%;
- Q7: ``welcome_comparison()``: 63 of 66 welcomed newcomers came back, 3 of the 4 who were not;
- Q9: ``triage_grade(MODEL_RULES)`` (the hidden test's grading, below) passes: the jacket's complaints and questions
  reach PR's crisis desk (``DESK_PASS``) and the rest of ``hidden_set(HIDDEN_SEED)`` scores ``TRIAGE_PASS``; lesson
  4.2's table, which has no jacket rule, fails; one queue, everything urgent, everything to moderation and the
  keyword-only table score 0; ``NO_COMPLAINTS_RULE`` lands between ``TRIAGE_PARTIAL`` and the pass mark (1 point);
- Q10: ``check_replies(MODEL_REPLIES, reply_set())`` is 100; canned and one-template replies score under
  ``REPLIES_PARTIAL``; ``HALF_CANNED_REPLIES`` between it and ``REPLIES_PASS`` (1 point).

``DEGENERATE`` holds learners who take a shortcut (always the same letter, one label everywhere, answers copied from
the lessons); each also sends every message to one queue and pastes one canned reply four times.
"""

from functools import partial

from course.exercises.module4 import assignment as ex
from gradecells import (Assessment, but, cheat_sources, class_scores, degenerate_learners,
                        same_everywhere as _same_everywhere, synthetic_submission)

TECHNIQUES = {"quiet_newcomers": "welcome", "cold_weekend_photos": "ugc campaign", "firmware_questions": "live session"}
HANDLING = {"shouted_complaint": "reply", "insult_to_mechanic": "moderate", "address_change": "offline"}

KEYS = {
    "a4_conversation_platform": "c",
    "a4_technique_for_goal": TECHNIQUES,
    "a4_content_handling": HANDLING,
    "a4_late_night_complaint": "b",
    "a4_jackets_first_move": "d",
    "a4_reply_share": "a",
    "a4_welcome_reading": "b",
    "a4_ambassador_post": "a",
}

# Question 1: the network behind each option.
PLATFORM_OPTIONS = {"a": "instagram", "b": "tiktok", "c": "xiaohongshu", "d": "x"}

# --------------------------------------------------------------------------- the two lab items, graded on hidden data
HIDDEN_SEED = 4646  # written in the master's hidden test only; never in the package or the learner copy
TRIAGE_PASS = 55  # of 100: the model table reaches it on the hidden inbox, the shortcuts score 0
# The brief's rule for the rain jacket (the twist lesson 4.2's table does not meet): every complaint or question that
# names the jacket, in any language, goes to PR's crisis desk marked urgent; at least DESK_PASS of them must.
JACKET_PATTERN = "jacket|rain shell|giacca|夹克|雨衣"
DESK_PASS = 0.8
REPLIES_PASS = 70  # of 100, the reply checker's average over the four messages
# Q9 and Q10 give partial credit (the grade cell's last line is the points, as nbgrader reads it): 1 of the 2 points
# from these marks, both from the pass marks above
TRIAGE_PARTIAL = 45
REPLIES_PARTIAL = 45

# The model rule table (the master's solution, as the learner writes it: a list of dicts).
_SPAM = (r"[\w-]+\.(com|live|site|biz|club|io|top|xyz|shop|info|net|ly)/\w|airdrop|crypto|\beth\b|whatsapp|telegram|"
         r"business offer|trader|replica|follower|views on|likes|giveaway|badge|f4f|follow back|link in bio|"
         r"@[a-z_.]+\d{2,}|\d+% off|\$\d+|guadagna|scrivimi|粉丝|加微信|代购|免费|赚|私信")
_ABUSE = (r"clown|idiot|stupid|dumb|pathetic|liar|fraud|loser|garbage|junk|clueless|amateur|coward|scam|moron|fool|"
          r"incompetent|are useless|barzelletta|ridicol|licenziat|spazzatura|incapaci|ladri|buffoni|pagliacci|vergogna|"
          r"truffator|dilettanti|peggior|fallite|最差|骗子|垃圾|废物|开除|可笑|倒闭")
_SUGGESTION = (r"please|would be|idea|suggest|two cents|like to see|request|wish list|how about|"
               r"^([\w ,!]{0,30}[:,] )?(add|sell|offer|open|organi[sz]e|let us|make|bring|use|show|publish|give|send)\b|"
               r"sarebbe|potrebbe|aiuterebbe|pubblicate|proposta|aggiungete|perché non|希望|建议|能不能|可以出|吧！")
_JACKET = JACKET_PATTERN
MODEL_RULES = [
    {"name": "spam", "pattern": _SPAM, "intent": "spam", "priority": "later", "route": "moderation"},
    {"name": "rain jacket questions (PR crisis desk)", "pattern": rf"({_JACKET}).*[?？吗]|[?？吗].*({_JACKET})",
     "sentiment": "negative, neutral", "intent": "question", "priority": "urgent", "route": "pr"},
    {"name": "rain jacket complaints (PR crisis desk)", "pattern": _JACKET, "sentiment": "negative, neutral",
     "intent": "complaint", "priority": "urgent", "route": "pr"},
    {"name": "abuse", "pattern": _ABUSE, "intent": "abuse", "priority": "later", "route": "moderation"},
    {"name": "unhappy questions", "pattern": r"\w.{12,}[?？吗]", "sentiment": "negative", "intent": "question",
     "priority": "urgent", "route": "support"},
    {"name": "complaints", "sentiment": "negative", "intent": "complaint", "priority": "urgent", "route": "support"},
    {"name": "suggestions", "pattern": _SUGGESTION, "intent": "suggestion", "priority": "later", "route": "community"},
    {"name": "questions", "pattern": r"[?？吗]", "intent": "question", "priority": "today", "route": "support"},
    {"name": "praise", "sentiment": "positive", "intent": "praise", "priority": "later", "route": "community"},
    {"name": "first rides", "pattern": r"first ride|prima uscita|what a bike|entusiast|first \d+ km|unboxed",
     "intent": "praise", "priority": "later", "route": "community"},
    {"name": "everything else", "intent": "question", "priority": "today", "route": "support"},
]

MODEL_REPLIES = {
    "I0008342": "tave331, a rain jacket that lets water in has failed you, and a discount code was the wrong answer to "
                "that. I've booked a full refund to your card today, and I'll DM you a free return label for the "
                "jacket within the hour.",
    "I0002990": "@giocam_to295, a battery that cuts out at 47% is a safety problem and we take it seriously. Please "
                "don't ride on it for now: check your DMs, our workshop will call you today to book a free check and "
                "a loan bike.",
    "I0009092": "Hi gioma_mi919, water through the seams is exactly what the jacket should stop. For the Velora Wear "
                "jacket you get the whole price back: send us the order number by DM and I'll start the refund this "
                "afternoon.",
    "I0014499": "106 km on the first day around Montreal, tararides375, welcome to the riders! Would you let us share "
                "your first ride on our Instagram this week? I'll message you to ask properly.",
}

# Lesson 4.2's revealable model table, rule for rule as the lesson shows it (the model's rules without the jacket
# desk, and a "neutral praise" rule without "unboxed"). It sorts the rest of the inbox well but has no jacket rule.
LESSON_RULES = [rule for rule in MODEL_RULES if "jacket" not in rule["name"] and rule["name"] != "first rides"]
LESSON_RULES.insert(-1, {"name": "neutral praise", "intent": "praise", "priority": "later", "route": "community",
                         "pattern": r"first ride|prima uscita|what a bike|entusiast|first \d+ km"})


def triage_grade(rules, labelled):
    """What the master's hidden test measures: (share of the jacket's complaints and questions sent to PR marked
    urgent, the lab's score on the rest of the inbox). ``tests/test_grading_a4.py`` holds it to the hidden test."""
    from course.interaction.inbox import apply_rules, score

    jacket = labelled["intent"].isin(["complaint", "question"]) & labelled["text"].str.contains(
        JACKET_PATTERN, case=False, regex=True)
    desk = apply_rules(rules, labelled[jacket])
    return (float(((desk["route"] == "pr") & (desk["priority"] == "urgent")).mean()),
            score(rules, labelled[~jacket]).overall)


# The shortcuts the lab warns against, and what each earns (tests/test_grading_a4.py scores them).
ONE_QUEUE = [{"name": "everything", "intent": "question", "priority": "today", "route": "support"}]
ALL_URGENT = [{"name": "everything urgent", "intent": "complaint", "priority": "urgent", "route": "support"}]
# keywords for every intent, spam and abuse first, but nothing on who is unhappy or how a message is written: the
# spam that uses none of the words reaches a public queue, and the penalty takes the rest
KEYWORDS_ONLY = [
    {"name": "spam", "keywords": "crypto, giveaway, followers, link in bio, whatsapp, telegram, % off",
     "intent": "spam", "priority": "later", "route": "moderation"},
    {"name": "abuse", "keywords": "idiot, clown, stupid, scam, useless, pathetic, liar, fraud", "intent": "abuse",
     "priority": "later", "route": "moderation"},
    {"name": "complaints", "keywords": "late, broken, refund, terrible, bad, disappointed, dead, unacceptable",
     "intent": "complaint", "priority": "urgent", "route": "support"},
    {"name": "suggestions", "keywords": "would be, please add, idea, suggest, like to see", "intent": "suggestion",
     "priority": "later", "route": "community"},
    {"name": "questions", "keywords": "?", "intent": "question", "priority": "today", "route": "support"},
    {"name": "praise", "keywords": "love, amazing, great, thanks, thank you, joy", "intent": "praise",
     "priority": "later", "route": "community"},
    {"name": "the rest", "intent": "question", "priority": "today", "route": "support"},
]
# partial credit: the model table without its complaints rule meets the jacket rule but sorts the rest of the inbox
# only between the two marks (1 point); two of the model replies with two canned ones likewise (below)
NO_COMPLAINTS_RULE = [rule for rule in MODEL_RULES if rule["name"] != "complaints"]
# the model table with its sentiment conditions taken out: patterns alone miss who is waiting unhappily
WITHOUT_SENTIMENT = [{field: value for field, value in rule.items() if field != "sentiment"} for rule in MODEL_RULES]
CANNED = "Thank you for reaching out. We apologise for any inconvenience and will get back to you soon."
CANNED_REPLIES = {message_id: CANNED for message_id in ex.REPLY_SET_IDS}
HALF_CANNED_REPLIES = {message_id: CANNED if i < 2 else reply for i, (message_id, reply) in
                       enumerate(MODEL_REPLIES.items())}
_HANDLES = {"I0008342": "tave331", "I0002990": "giocam_to295", "I0009092": "gioma_mi919", "I0014499": "tararides375"}
ONE_TEMPLATE = {message_id: f"Hi @{handle}, thanks for your message. We are looking into it and will get back to you."
                for message_id, handle in _HANDLES.items()}
ALL_MODERATION = [{"name": "everything moderated", "intent": "spam", "priority": "later", "route": "moderation"}]
LAB_SHORTCUTS = {"a4_triage_rules": {"one queue": ONE_QUEUE, "everything urgent": ALL_URGENT,
                                     "everything to moderation": ALL_MODERATION, "keyword-only": KEYWORDS_ONLY},
                 "a4_replies": {"canned": CANNED_REPLIES, "one template with the name": ONE_TEMPLATE}}
LAB_KEYS = {"a4_triage_rules": MODEL_RULES, "a4_replies": MODEL_REPLIES}

ALTERNATIVES = {
    "a4_conversation_platform": [
        ("a", "rejected", "Instagram drew the most comments outside the forum, but it also reached the most people; per "
                          "1,000 reached it is below the key (4.1's conversation rate)."),
        ("b", "rewritten", "TikTok's 2.74 is close and its clips do start threads; the stem now gives both rates, and "
                           "Xiaohongshu's is higher."),
        ("d", "rejected", "X published the most posts, which says how often Velora spoke, not how often riders "
                          "answered."),
    ],
    "a4_technique_for_goal": [
        (but(TECHNIQUES, quiet_newcomers="question post"), "rewritten",
         "A question post does draw replies, often from regulars; the goal now names new members who have not posted, "
         "whom a personal welcome reaches first (4.1)."),
        (but(TECHNIQUES, cold_weekend_photos="question post"), "rejected",
         "Asking what riders think gets words; asking them to post their own photos with one hashtag is the "
         "user-generated campaign that fills a feed."),
        (but(TECHNIQUES, firmware_questions="question post"), "rejected",
         "Riders already ask the questions; what they lack is someone who answers many of them at once, live."),
        ({"quiet_newcomers": "Welcome", "cold_weekend_photos": " UGC campaign ", "firmware_questions": "live session"},
         "accepted", "Capital letters and spaces do not matter."),
    ],
    "a4_content_handling": [
        (but(HANDLING, shouted_complaint="moderate"), "rejected",
         "Capital letters and anger make criticism loud, not bad: it breaks no rule, so it is answered (4.2)."),
        (but(HANDLING, insult_to_mechanic="reply"), "rejected",
         "An insult to a named member of staff is abuse under the community rules: it is moderated, not argued with."),
        (but(HANDLING, address_change="reply"), "rewritten",
         "A public answer is quick, but the new address is personal data; the item now says the rider typed the "
         "order number and asks to change where it goes, which is moved to a private message."),
    ],
    "a4_late_night_complaint": [
        ("a", "rejected", "Waiting for the fix leaves an angry rider unanswered for days in public; 4.2 answers within "
                          "the hour even without the fix."),
        ("c", "rejected", "Deleting criticism turns one complaint into a story about a brand that hides it."),
        ("d", "rewritten", "A DM is right for the details, but the rider also needs a visible first answer under the "
                           "post; the option now moves everything to private at once, saying nothing in public."),
    ],
    "a4_jackets_first_move": [
        ("a", "rejected", "A discount code before an apology is what the angriest riders called insulting (the "
                          "message in question 10)."),
        ("b", "rejected", "Waiting for the lab's report while the posts multiply is the silence that 4.3's lab "
                          "punishes."),
        ("c", "rewritten", "Answering every rider by hand is part of the plan, but alone it leaves no word from the "
                           "brand; the option now says replies only, no public statement."),
    ],
    "a4_reply_share": [
        ("b", "rejected", "The 90% are members who wrote almost nothing; they are readers, not the help desk."),
        ("c", "rejected", "The next 9% wrote 36%: much, but the top 1% wrote most."),
        ("d", "rejected", "Replies are not spread evenly; that is what participation inequality means."),
    ],
    "a4_welcome_reading": [
        ("a", "rejected", "Four newcomers are too few: one of them coming back or not moves the share by 25 points."),
        ("c", "rejected", "The table cannot show welcomes do nothing either; it shows too little to say."),
        ("d", "rewritten", "Welcomed newcomers may have been keener from the start; the option now says the gap "
                           "proves it, which the small group does not allow."),
    ],
    "a4_ambassador_post": [
        ("b", "rejected", "A hashtag nobody knows (#VC) does not tell readers the post was rewarded."),
        ("c", "rejected", "Disclosure at the bottom of a profile is not on the post that readers see."),
        ("d", "rejected", "Asking ambassadors to hide the reward is the hidden advocacy 4.4 rules out."),
    ],
}

FORMS = [
    (ex.conversation_platform, ["a", "b", " C ", "d"], ["xiaohongshu", 3]),
    (ex.technique_for_goal, [TECHNIQUES, {k: "welcome" for k in TECHNIQUES}],
     [but(TECHNIQUES, quiet_newcomers="giveaway"), {k: v for k, v in TECHNIQUES.items() if k != "firmware_questions"},
      but(TECHNIQUES, firmware_questions=2)]),
    (ex.content_handling, [HANDLING, {k: "reply" for k in HANDLING}],
     [but(HANDLING, address_change="delete"), but(HANDLING, extra="reply"), "reply"]),
    (ex.late_night_complaint, ["a", "b", "c", "d"], ["wait", None]),
    (ex.jackets_first_move, ["a", "b", "c", "d"], ["apologise", ["d"]]),
    (ex.reply_share, ["a", "b", "c", "d"], ["63%", 0.63]),
    (ex.welcome_reading, ["a", "b", "c", "d"], ["b)", 4]),
    (ex.ambassador_post, ["a", "b", "c", "d"], ["#ad", True]),
]

CASES = []  # no lesson questions here: an assessment's items are form checks

# --------------------------------------------------------------------------- degenerate learners
LABEL_ITEMS = {"a4_technique_for_goal": ex.technique_for_goal, "a4_content_handling": ex.content_handling}


def same_everywhere(letter: str, label_index: int) -> dict:
    return _same_everywhere(KEYS, LABEL_ITEMS, letter, label_index)


# A learner who copies, for each item, the answer of the lesson exercise that looks most like it, the lesson 4.2 rule
# table (which still sorts an unseen inbox: 2 points) and lesson 4.2's replies (written for other messages, so
# their ids are not this assignment's: 0).
COPIED_FROM_LESSONS = {
    "a4_conversation_platform": "a",  # 4.1's worked example: Instagram, the biggest account
    "a4_technique_for_goal": {"quiet_newcomers": "question post", "cold_weekend_photos": "ugc campaign",
                              "firmware_questions": "question post"},
    "a4_content_handling": {"shouted_complaint": "reply", "insult_to_mechanic": "moderate",
                            "address_change": "reply"},  # 4.2's winter-range question was answered in public
    "a4_late_night_complaint": "d",
    "a4_jackets_first_move": "c",
    "a4_reply_share": "c",
    "a4_welcome_reading": "a",
    "a4_ambassador_post": "c",
    "a4_triage_rules": LESSON_RULES,  # lesson 4.2's table, pasted unchanged: no rule for the jacket, so it fails
    "a4_replies": {"I0001041": "x", "I0011042": "y", "I0016581": "z", "I0014508": "w"},
}

_LAB_SHORTCUT = {"a4_triage_rules": ONE_QUEUE, "a4_replies": CANNED_REPLIES}
DEGENERATE = {name: {**_LAB_SHORTCUT, **answers} if name != "copied_from_lessons" else answers
              for name, answers in degenerate_learners(KEYS, LABEL_ITEMS, COPIED_FROM_LESSONS).items()}

# --------------------------------------------------------------------------- the synthetic class
ASSIGNMENT = "module4_interaction"
NOTEBOOK = "4.6-assignment.ipynb"
AUTO_MAX, WRITTEN_MAX = 20, 12  # 10 autograded items of 2 points; two written answers of 6

CHEATS = cheat_sources(equal_anything="a4_technique_for_goal", patched_str=("a4_conversation_platform", "c"),
                       silenced_check=("a4_late_night_complaint", "a"), patched_type=("a4_jackets_first_move", "d"),
                       patched_form_check=("a4_welcome_reading", "a"),
                       labels_equal_anything=("a4_content_handling", tuple(HANDLING)))

# the first option and first label everywhere: q6's and q8's keys are "a"; the lessons' nearest answers earn nothing
# (lesson 4.2's rule table misses the brief's jacket rule)
# partly_wrong's rule table earns the lower tier of question 9 (1 of 2 points)
EXPECTED = {**class_scores(AUTO_MAX, always_a=4, copied_from_lessons=0), "partly_wrong": AUTO_MAX - 3}

THOUGHTFUL = {
    "every answer right": {**KEYS, **LAB_KEYS},
    # a careful learner who still slips on the two closest calls
    "two slips": {**KEYS, **LAB_KEYS, "a4_conversation_platform": "b",
                  "a4_technique_for_goal": but(TECHNIQUES, quiet_newcomers="question post")},
}

SPEC = Assessment(
    ASSIGNMENT, NOTEBOOK, "Assignment 4", AUTO_MAX, WRITTEN_MAX, "a4_detractor_plan", expected=EXPECTED,
    build=partial(synthetic_submission,
                  # a too-small group read as proof (q7) and a rule table without its complaints rule (q9, 1 point of
                  # 2): well formed, so the visible checks say "Answered"
                  partly_wrong={"a4_welcome_reading": "a", "a4_triage_rules": NO_COMPLAINTS_RULE},
                  tampered={"a4_reply_share": "a"}, removed_check="a4_ambassador_post_check",
                  cheats=CHEATS,
                  cheater_wrong={**same_everywhere("b", 1), **_LAB_SHORTCUT},  # every other answer wrong
                  degenerate=DEGENERATE,
                  written={
                      "a4_detractor_plan": "(a) Answer within the hour, by name. (b) DM, refund, then ask back.",
                      "a4_recognition_programme": "(a) 50+ replies a year. (b) Thank-you, badge, visit; #ad."}),
    keys={**KEYS, **LAB_KEYS}, degenerate=DEGENERATE, label_items=LABEL_ITEMS, thoughtful=THOUGHTFUL,
    thoughtful_scores={"every answer right": AUTO_MAX, "two slips": AUTO_MAX - 4})
