"""Lesson 1.3 -- The community manager (practice questions, not graded).

Expected answers are stored as salted hashes only (see :mod:`course.checks`).
"""

from course.checks import ChoiceQuestion, LabelsQuestion, NumberQuestion

traits = LabelsQuestion(
    id="l13_traits",
    labels=("growth", "customer", "empathy", "authentic", "detail", "analytical", "voice"),
    aliases={
        "drives growth": "growth",
        "customer-centred": "customer",
        "customer-centered": "customer",
        "customer centred": "customer",
        "customer centered": "customer",
        "empathetic": "empathy",
        "authenticity": "authentic",
        "detail-oriented": "detail",
        "details": "detail",
        "analysis": "analytical",
        "analytics": "analytical",
        "brand voice": "voice",
    },
    answer_hashes={
        "lyon_meetup": "30386d14941769457498",
        "winter_tips": "66f8e56575b04f8847db",
        "crash_report": "15b6b7f7ef0b0dc84e1d",
        "own_words": "2258cc4ebf1216a14bf8",
        "wrong_model": "d83fa6bff58bf1ab40c0",
        "monday_numbers": "926be3e4ed9e6061c5ea",
        "voice_guide": "0448e09f99844ae251e4",
    },
    ideas={
        "lyon_meetup": "She is not looking after something that exists; she is starting something new and bringing people in.",
        "winter_tips": "The forum threads are evidence, but the decision is about whose needs the posts serve: the brand's or the riders'.",
        "crash_report": "The point is reading the moment: the same playful voice that worked yesterday would hurt today.",
        "own_words": "This is about sounding like a real, honest person rather than a template.",
        "wrong_model": "Small slips that members would spot straight away.",
        "monday_numbers": "She measures, compares and changes the plan because of what the numbers say.",
        "voice_guide": "The aim is that several people sound like one brand.",
    },
    hints=(
        "For each moment, ask what Giulia is protecting or building: new members, members' needs, a member's "
        "feelings, honesty, accuracy, learning from results, or a consistent personality.",
        "Two pairs are easy to mix up. 'authentic' is about one person being genuine in each reply; 'voice' is "
        "about many people sounding like the same brand. 'customer' is about whose needs come first; "
        "'analytical' is about measuring and adjusting.",
        "Each label is used exactly once, so once you are sure of five, the last two have to split between what is left.",
    ),
    explanation="Every trait shows up in ordinary moments. Hiring for them, and recognising them in your own "
    "team, matters more than any single tool skill.",
)

what_to_say = LabelsQuestion(
    id="l13_what_to_say",
    labels=("thank you", "sorry", "we support you"),
    aliases={
        "thanks": "thank you",
        "thank-you": "thank you",
        "thankyou": "thank you",
        "apology": "sorry",
        "apologise": "sorry",
        "apologize": "sorry",
        "support": "we support you",
    },
    answer_hashes={
        "sunrise_photo": "2c21a87b09146b2d74af",
        "leaking_seams": "eff7c75596390bb25d72",
        "stolen_trail": "250a96d9f78bb157efab",
        "newcomer_help": "6d901a0658ed24ecc247",
        "firmware_zero": "428f183cdc38674235b3",
        "charity_ride": "cf4835d49f4084fdc2f8",
        "late_delivery": "bbfc52974ec61afb4531",
    },
    ideas={
        "sunrise_photo": "She chose to share her ride with the brand. What does that deserve first?",
        "leaking_seams": "Whose product failed here?",
        "stolen_trail": "It is upsetting, but did Velora cause it? 'Sorry to hear' is sympathy, not an apology.",
        "newcomer_help": "He did part of the community's work for free.",
        "firmware_zero": "Who shipped the update?",
        "charity_ride": "Nothing went wrong, and she is not giving the brand anything: she is taking on a challenge.",
        "late_delivery": "A date was promised and nobody said it would slip. Whose promise was it?",
    },
    hints=(
        "Ask two questions of each situation: did the member give something, and is anything here Velora's fault?",
        "Gave something -> 'thank you'. Velora fell short -> 'sorry'. A member faces something Velora did not "
        "cause -> 'we support you'.",
        "Three situations involve something Velora made, shipped or promised.",
    ),
    explanation="Picking the right lead phrase is quick once you ask 'did they give?' and 'is it our fault?'. "
    "Saying it specifically, and following it with action, is what makes it sound meant.",
)

best_reply = ChoiceQuestion(
    id="l13_best_reply",
    options=("a", "b", "c", "d"),
    answer_hash="62f243154725d30d8a15",
    feedback={
        "571f40ea3123980172b4": "That reply could sit under any complaint about anything. It owns nothing, sends him "
        "elsewhere and ends with a cheery line he will read as not listening.",
        "a99379506a194e5e06a6": "Playful is part of the voice, but not in this moment. And pointing at his phone when "
        "you already know about a bug in the app shifts the blame onto the customer.",
        "9428af8a8b3781f4820e": "His post is criticism, not abuse. Locking a fair complaint hides it from other "
        "riders with the same problem and tells everyone the brand prefers silence.",
    },
    hints=(
        "Check each reply against the traits: is it specific to Marco, honest about whose fault it is, and right "
        "for the mood of the moment?",
        "The best reply also helps the other riders reading the thread, and says what happens next and when.",
    ),
    explanation="It names his problem in his own terms, apologises because the fault is Velora's, shares what is "
    "known, asks for one useful detail, offers a workaround and a date, and does it in public where the other "
    "affected riders can see it.",
)

reply_share = NumberQuestion(
    id="l13_reply_share",
    what="reply_share",
    decimals=0,
    answer_hash="6d7084e8d60b1048afca",
    mistakes={
        "a72046567121814a6495": "That is the ordinary week's share. Filter the log on the crisis week.",
        "fa87ce02efe0fd2f4f6b": "That looks like both weeks together. Keep only the crisis week's rows first.",
        "8ad7044812422aed32d0": "That looks like a fraction. Multiply by 100 to turn it into a percentage.",
        "265d460615b3ff0d9087": "That is a number of minutes. Divide it by all the minutes of the same week.",
        "c3ff505f80aad4a66ee3": "That is a number of hours. The question asks for a share of the week, in percent.",
        "b4e30fdfb68fddbd0156": "Divide by the crisis week's own total minutes, not the ordinary week's.",
    },
    hints=(
        "Start like the worked example, but with log['week'] == 'crisis'.",
        "You need two sums from the crisis rows: the minutes whose duty is 'replies', and all the minutes.",
        "crisis.loc[crisis['duty'] == 'replies', 'minutes'].sum() gives the first; divide by the second and multiply by 100.",
    ),
    explanation="About three-quarters of the crisis week went on replies, up from about half. Scheduled content and "
    "the giveaway were paused to make room: a crisis plan should say in advance what gets dropped.",
)

velora_plan = ChoiceQuestion(
    id="l13_velora_plan",
    options=("a", "b", "c", "d"),
    answer_hash="0292e54537d9150576e3",
    feedback={
        "d3507d16214eb171c322": "It fixes the hours but hands over the voice: templated replies, no direct line to "
        "the app or support teams, and relationships that leave with the contract.",
        "77cd1c6bb07a3e57ed15": "A nine-hour wait for a third of the community is the problem on the table. Unhappy "
        "riders do not wait politely; they tell other people.",
        "a57cc647e15ec0202965": "An instant automatic reply is still a canned reply. It answers fast but says nothing, "
        "and members can tell.",
    },
    hints=(
        "Look for the plan that fixes the waiting time without losing the voice, the product knowledge or the feedback loop.",
        "Ask of each option: who will actually be talking to North American riders, and can they get an answer from "
        "the app team the same day?",
    ),
    explanation="A North American community manager closes the time-zone gap while keeping the voice, the product "
    "knowledge and the relationships inside Velora; agencies still have a place, for production work.",
)
