"""Lesson 1.1 -- What is community management? (practice exercises, no points).

Used in ``module1_intro/1.1-what-is-community-management.ipynb`` as::

    from course.exercises.module1 import lesson1 as ex
    ex.space_types.check(space_types)

Expected answers are stored as salted hashes; ``model_answer`` texts appear only after a learner has
checked an answer of their own (``solution()``).
"""

from course.checks import ChoiceQuestion, LabelsQuestion

__all__ = ["community_or_audience", "cm_or_smm", "space_types", "jacket_week"]


community_or_audience = LabelsQuestion(
    id="m1l1_community_or_audience",
    labels=("community", "audience"),
    answer_hashes={
        "billboard_passers": "9ac271ebbc8de3f69482",
        "youtube_preroll": "0f9197b7f1d080a6f34f",
        "silent_followers": "9931072bf6c0c5fb81d3",
        "webinar_viewers": "280f34eeb22246fb64a2",
        "crew_chat": "0acf0a7fc437029a5139",
        "reddit_regulars": "19bf1a3791fd25b6ed59",
        "first_ride_cheerers": "6612fd1102a27b97a662",
    },
    ideas={
        "billboard_passers": "Could any of these commuters answer the billboard, or find the others who walked past it?",
        "youtube_preroll": "Fifteen seconds, no way to reply, no contact with the other viewers: which way do the arrows point?",
        "silent_followers": "Following is not the same as taking part. What have these people actually said, and to whom?",
        "webinar_viewers": "A live event is not automatically a community. With the chat switched off, who could talk to whom?",
        "crew_chat": "These people know each other and act together, even when the brand is not in the room.",
        "reddit_regulars": "Velora does not run this place. Does that decide the label, or does the way members treat each other?",
        "first_ride_cheerers": "Look at the comments: riders are talking to other riders, not only to the brand.",
    },
    hints=(
        "Draw the arrows. If messages only travel from Velora to people, it is an audience; if people also "
        "talk to Velora and to each other, it is a community.",
        "Size, money spent and who owns the platform do not decide the label. Ask: would these people notice "
        "each other, and would the conversation go on without a new post from the brand?",
        "Four of the groups only receive messages; three talk among themselves.",
    ),
    explanation="An audience is reached; a community takes part. The arrows between members, not the number "
    "of people, make the difference, and a community can gather in a place the brand does not own.",
    model_answer="Audience: billboard_passers, youtube_preroll, silent_followers, webinar_viewers (in each, messages "
    "only travel from Velora to people who never meet). Community: crew_chat, reddit_regulars, first_ride_cheerers "
    "(members talk to each other; the Reddit group counts although Velora runs nothing there).",
)


cm_or_smm = LabelsQuestion(
    id="m1l1_cm_or_smm",
    labels=("community management", "social media management"),
    answer_hashes={
        "caption_hashtags": "63fa06e31fe768d07d3d",
        "profile_refresh": "52ea181be095857e85d5",
        "reach_report": "8de1e3a3fdca7be7e5f8",
        "ideas_feedback_loop": "0ade74a2bdf69daa4982",
        "forum_house_rules": "dd4d8c911226a45c4f18",
        "crew_onboarding": "bd76c667ec0180bf6af1",
        "sunday_ride": "7773e3b786381d6ed20d",
    },
    ideas={
        "caption_hashtags": "Nobody has reacted yet: is this about preparing the brand's own post, or about a relationship?",
        "profile_refresh": "The work is on the brand's accounts themselves, not with any particular member.",
        "reach_report": "Reach and impressions describe how posts travelled. Which job lives on that kind of number?",
        "ideas_feedback_loop": "This carries members' voices to the company and the answer back to the members.",
        "forum_house_rules": "Where does this happen, and is it about publishing or about keeping a shared space healthy?",
        "crew_onboarding": "The ambassadors are people Velora builds a lasting relationship with, off the social feeds.",
        "sunday_ride": "Offline, face to face, members meeting members: which of the two jobs reaches this far?",
    },
    hints=(
        "Social media management is about the brand's presence on social networks: its posts, its profiles, "
        "its publishing plan and how the posts performed.",
        "Community management is about relationships with and among members wherever they meet, including "
        "forums, ambassador programmes and events offline.",
        "Ask of each task: is the unit of work a post or account, or is it a member or conversation?",
    ),
    explanation="Social media management looks after what the brand publishes on social networks; community "
    "management looks after the people and their relationships, on social media and well beyond it.",
    model_answer="Social media management: caption_hashtags, profile_refresh, reach_report (the unit of work is a "
    "post, a profile or a post's numbers). Community management: ideas_feedback_loop, forum_house_rules, "
    "crew_onboarding, sunday_ride (the unit of work is members and their relationships, off the feeds too).",
)


space_types = LabelsQuestion(
    id="m1l1_space_types",
    labels=("S", "P", "A", "C", "E", "I"),
    answer_hashes={
        "faq_search": "024048a762cfb7142391",
        "developer_forum": "33e4470d8229feeacd6a",
        "wear_test_panel": "e4b5b39583e6eb066bed",
        "focus_group": "7881e08e6337295a4fd4",
        "crew_top_tier": "09f3394b352a504bb783",
        "secondhand_market": "5e6aaea17f0e7208cdcc",
        "crowdfunding_site": "238bec469c825c397067",
        "social_replies": "e14915a3d59c3db3d46b",
        "staff_ride_week": "12e1ca8c24f07bf22ef5",
    },
    ideas={
        "faq_search": "What does a rider want when she types a question into that search box?",
        "developer_forum": "The developers already use the platform. Are they shaping it, selling it, or getting help to succeed with it?",
        "wear_test_panel": "The jacket is not finished yet. What are the testers' reports for?",
        "focus_group": "Ten customers, a prototype, an afternoon of opinions: where will those opinions end up?",
        "crew_top_tier": "The tier is earned by bringing new people to the brand. Which type is about growth through fans?",
        "secondhand_market": "Who creates the listings that give this marketplace its value?",
        "crowdfunding_site": "For this company, the members' campaigns are the product itself.",
        "social_replies": "Where does this talk happen, and who owns that network? Some riders want help, but "
        "check which question in the list you reach first.",
        "staff_ride_week": "Look at who the members are before you look at what they do.",
    },
    hints=(
        "Classify by the main job of the activity, not by the app it runs on. First ask who the members are: "
        "customers and fans, or staff and partners?",
        "Then go down the lesson's questions in order and stop at the first yes: a programme where fans recruit (A), "
        "things members make or trade (C), the brand talking in public on a network it does not own (E), people "
        "shaping the product (P), and only then help with something they use (S).",
        "Every type appears at least once. Two scenarios describe companies other than Velora, and they follow "
        "the same logic.",
    ),
    explanation="Naming the type tells you what success means: problems solved for S, ideas shipped for P, "
    "new customers for A, healthy contributions for C, lively public conversation for E, connected staff for I.",
    model_answer="faq_search S, developer_forum S (help on the company's own site), wear_test_panel P, focus_group P, "
    "crew_top_tier A, secondhand_market C, crowdfunding_site C, social_replies E (public talk on networks Velora "
    "does not own: the E question comes before S, so a rider's question there does not make it S), "
    "staff_ride_week I (the members are employees).",
)


jacket_week = ChoiceQuestion(
    id="m1l1_jacket_week",
    options=("a", "b", "c", "d"),
    answer_hash="21cef1ddb72e3e4d1fc5",
    feedback={
        "c7c9ad4c9edb58408153": "Instagram is where the complaints are most visible, but look at every other place in "
        "the story where people are asking. Who answers them if only the social team acts?",
        "2d38ba53afd60f8c4dfd": "The fix may belong to the product team, but the conversation is happening now. "
        "What does a community read into a week of silence?",
        "c7d90523907af6949d3f": "The community lives in many places, including some Velora does not own. Can a brand "
        "tell dealers, ambassadors and Reddit users where to hold their conversation?",
    },
    hints=(
        "List every group of people in the story and where each one is talking.",
        "Put a SPACE+I letter next to each group. How many different letters do you end up with?",
        "Pick the reading that leaves none of those groups without an answer.",
    ),
    explanation="One product problem reached support, feedback, advocacy, social and internal spaces at once. "
    "Seeing the whole map is what lets a community manager give one consistent answer everywhere.",
    model_answer="c. a treats one space as the whole problem and leaves the forum, the Crew and the dealers "
    "unanswered; b mistakes 'no fix yet' for 'nothing to say', and a week of silence reads as not caring; d "
    "asks people to move to a place Velora controls, which Reddit users and dealers will not do. One agreed "
    "answer, worded for each space, is the only reading that reaches everyone.",
)
