"""Lesson 1.3 -- The community manager (practice questions, not graded).

Expected answers are stored as salted hashes only (see :mod:`course.checks`).
"""

from course.checks import ChoiceQuestion, LabelsQuestion

traits = LabelsQuestion(
    id="l13_traits",
    labels=("growth", "customer", "empathy", "authentic", "detail", "analytical", "voice"),
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
    model_answer="lyon_meetup: growth; winter_tips: customer; crash_report: empathy; own_words: authentic; "
    "wrong_model: detail; monday_numbers: analytical; voice_guide: voice. The usual mix-ups: winter_tips uses "
    "evidence but decides whose needs come first, and voice_guide is about many people sounding like one brand, "
    "where own_words is one person sounding genuine.",
    explanation="Every trait shows up in ordinary moments. Hiring for them, and recognising them in your own "
    "team, matters more than any single tool skill.",
)

what_to_say = LabelsQuestion(
    id="l13_what_to_say",
    labels=("thank you", "sorry", "we support you"),
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
        "stolen_trail": "It is upsetting, but did Velora cause it? 'So sorry to hear' is sympathy, which the labels file under standing by her, not an apology.",
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
    model_answer="Thank you: sunrise_photo, newcomer_help (they gave something). Sorry: leaking_seams, firmware_zero, "
    "late_delivery (Velora's product, update or promise failed). We support you: stolen_trail, charity_ride (Velora "
    "did not cause it; a reply to stolen_trail may well start 'so sorry to hear', which is support, not an apology).",
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
    model_answer="c. It is specific to Marco, owns the fault and apologises, shares what is known, asks for one useful "
    "detail, gives a workaround and a date, in public. (a) is canned, (b) jokes at the wrong moment and blames his "
    "phone, and (d) sounds caring but locks a fair complaint out of sight.",
    explanation="It names his problem in his own terms, apologises because the fault is Velora's, shares what is "
    "known, asks for one useful detail, offers a workaround and a date, and does it in public where the other "
    "affected riders can see it.",
)

crisis_drop = ChoiceQuestion(
    id="l13_crisis_drop",
    options=("a", "b", "c", "d"),
    answer_hash="7f420a3d2674d8d56522",
    feedback={
        # a: ordinary questions wait a week
        "079f6de1f88e474f5002": "A crisis does not stop other riders needing help, and a week's wait turns ordinary "
        "questions into new complaints. Look at the chart: did replies shrink or grow?",
        # c: moderation waits
        "18e7b54e3e670f304d6e": "A crisis is when abuse and pile-ons rise. Left unmoderated, they make the space unsafe "
        "and bury the fair criticism you want to answer. What did Giulia's moderation time do in the crisis week?",
        # d: measuring waits
        "2e88d26352e66d91e277": "Without the daily count nobody can tell whether the replies are working or when the "
        "storm is passing, and leadership decides blind. Did measuring shrink in Giulia's crisis week?",
    },
    hints=(
        "Compare the two weeks in the chart: which duties vanished, and which held their time?",
        "Which activity would look out of place, even careless, while customers are complaining?",
    ),
    explanation="Cheerful promotions in the middle of a complaint storm look tone-deaf, and pausing them frees hours "
    "for replies without leaving anyone unanswered or the space unmoderated. Giulia's log shows exactly that: contests "
    "gone, scheduling used only to pause posts, content limited to the apology and the update.",
    model_answer="b. Pause scheduled promotions, contests and giveaways. They can wait without harm and would sound "
    "careless mid-crisis. (a) makes other riders the next complainants, (c) lets abuse bury fair criticism, and (d) "
    "removes the only way to tell whether the response is working.",
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
    model_answer="b. Hire a North American community manager on Giulia's team, with the same voice guide and a direct "
    "line to support and the app team. (a) fixes the hours but rents out the voice, (c) leaves a third of the "
    "community waiting nine hours, and (d) answers fast with a canned line that says nothing.",
    explanation="A North American community manager closes the time-zone gap while keeping the voice, the product "
    "knowledge and the relationships inside Velora; agencies still have a place, for production work.",
)
