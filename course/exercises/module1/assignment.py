"""Assignment 1 -- foundations of community management (graded).

The expected answers are stored as salted hashes only; the master notebook's hidden tests
hold the instructor's own copy of the key.
"""

import pandas as pd

from course.checks import ChoiceQuestion, FunctionQuestion, LabelsQuestion, NumberQuestion

space_types = LabelsQuestion(
    id="a1_space_types",
    raises=True,
    labels=("S", "P", "A", "C", "E", "I"),
    answer_hashes={
        "help_forum": "2abd99e5b35650f4a417",
        "ideas_board": "e3933b850deb5ec44ec8",
        "velora_crew": "fb29743129adc90bd32c",
        "route_library": "65aea1128bbe52207298",
        "instagram_replies": "6e157acc0630b85239d5",
        "dealer_workspace": "605154ee5ffabaebac61",
    },
    ideas={
        "help_forum": "Who is helped here, and with what: using a product they already own?",
        "ideas_board": "What does the company get out of members voting: support, or direction for what it builds next?",
        "velora_crew": "The reward is tied to bringing in new riders. Which type is about growing the customer base?",
        "route_library": "Members are the ones producing something others come back to use.",
        "instagram_replies": "The conversation happens on a network the brand does not own, with the public.",
        "dealer_workspace": "Look at who the members are: are they customers at all?",
    },
    hints=(
        "Decide first who the members are (customers, prospects, staff or partners) and where they meet.",
        "Then ask what the brand gains: solved problems (S), product direction (P), new customers (A), "
        "material made by members (C), public conversation (E) or aligned staff and partners (I).",
        "Every letter is used exactly once in this exercise.",
    ),
    explanation="Knowing a community's type tells you what to measure: solved threads for S, shipped ideas for P, "
    "referrals for A, contributions for C, conversations for E, adoption for I.",
)

community_or_audience = LabelsQuestion(
    id="a1_community_or_audience",
    raises=True,
    labels=("community", "audience"),
    answer_hashes={
        "newsletter_readers": "d873b589449cdc93b15a",
        "forum_helpers": "858c98a7dc309c9caf81",
        "tv_ad_viewers": "1a7a3b65c59c1236a7c8",
        "ride_club": "fee99852f38977fd18bf",
    },
    ideas={
        "newsletter_readers": "Do the readers talk to each other, or only receive?",
        "forum_helpers": "Count the directions the conversation flows.",
        "tv_ad_viewers": "Is anyone able to reply, or to meet the others who watched?",
        "ride_club": "The members know one another and act together.",
    },
    hints=(
        "An audience listens to the brand; a community also talks with the brand and with each other.",
        "Look for member-to-member contact: that is the mark of a community.",
    ),
    explanation="An audience is a one-to-many broadcast; a community is many-to-many, with members connecting to each other.",
)

cm_or_smm = LabelsQuestion(
    id="a1_cm_or_smm",
    raises=True,
    labels=("community management", "social media management"),
    aliases={"cm": "community management", "smm": "social media management"},
    answer_hashes={
        "schedule_posts": "b6a2f9e7ee2f1b4f4a91",
        "answer_forum_question": "4bc2a019ce59251b3064",
        "design_campaign_visuals": "9d2c36b71411507ee6cb",
        "welcome_new_members": "d73792556bea336c315e",
        "introduce_two_members": "c96fe174755c7879a128",
    },
    ideas={
        "schedule_posts": "Is this about publishing the brand's own content, or about a conversation?",
        "answer_forum_question": "Someone asked; someone answers. Whose space is it and what kind of work is that?",
        "design_campaign_visuals": "This is making content to publish, before anyone has reacted.",
        "welcome_new_members": "It builds a relationship with a person, not a post.",
        "introduce_two_members": "It creates a connection between members.",
    },
    hints=(
        "Social media management publishes the brand's content on its channels. Community management looks after "
        "the people and conversations, wherever they happen.",
        "Ask: would this task exist if no one ever replied to the brand? If yes, it is social media management.",
    ),
    explanation="The two overlap, but publishing is social media management and relationships are community management.",
)

people_told = FunctionQuestion(
    id="a1_people_told",
    raises=True,
    name="people_told",
    decimals=0,
    cases=[((10, 5), "89b963e3fae3427ce923")],
    hints=(
        "Each happy customer tells about 15 people; each unhappy one about 24.",
        "Multiply each group by its own figure and add the two results.",
    ),
    explanation="Bad news travels further: the same number of unhappy customers reaches 60% more people.",
)

review_readers = NumberQuestion(
    id="a1_review_readers",
    raises=True,
    what="review_readers",
    decimals=0,
    answer_hash="21aa1df86882c927cf13",
    mistakes={
        "8c484e11396fc1bf7762": "That is the number who do NOT read reviews. The question asks for those who do.",
        "d6c17b2facb0d1977ea0": "That is every buyer. Only a share of them read reviews first.",
        "30f84961f098ff8df1ea": "97 is a percentage. Turn it into a share (0.97) and apply it to the buyers.",
    },
    hints=("About 97 in every 100 online buyers read reviews before they buy.", "Multiply the buyers by 0.97 and round to a whole person."),
    explanation="Almost every buyer reads what other customers say, so replies to reviews are read by future customers too.",
)

first_reply = ChoiceQuestion(
    id="a1_first_reply",
    raises=True,
    options=("a", "b", "c", "d"),
    answer_hash="525c07463bf074ef63c6",
    feedback={
        "e6e25a19b3bf1fbd8a30": "Deleting legitimate criticism makes people angrier and tells everyone watching that the brand hides problems.",
        "aaa2cb07f51a8d6dc063": "A copy-and-paste reply that sends the customer elsewhere feels like a brush-off. Speak to this person.",
        "895ee80b95186aeb865c": "Silence while you investigate lets the story grow. You can acknowledge before you have the full fix.",
    },
    hints=(
        "Think about speed: the lesson's rule of thumb is to answer a complaint within the hour.",
        "The best reply speaks to the person, admits the problem and offers a next step, even before the full fix exists.",
    ),
    explanation="Acknowledge quickly and personally, own the problem, and move the details to a private channel.",
)

say_it = LabelsQuestion(
    id="a1_say_it",
    raises=True,
    labels=("thank you", "sorry", "we support you"),
    answer_hashes={
        "member_tutorial": "bd22fdeb8c019c955836",
        "app_outage": "59b978b9f8f1a1df92c2",
        "rider_injured": "4863ed6e0abe4d5d1357",
        "ugc_photo": "48e76c3d66303d79d702",
    },
    ideas={
        "member_tutorial": "A member gave the community something of value.",
        "app_outage": "Who caused the problem here?",
        "rider_injured": "Nobody at the brand did anything wrong, but a member is going through something hard.",
        "ugc_photo": "A member shared something with the brand. What do you owe them?",
    },
    hints=(
        "'Sorry' is for when the brand let someone down; 'thank you' for when a member gave something; "
        "'we support you' for when a member is struggling through no fault of the brand.",
    ),
    explanation="Knowing which of the three to say, and meaning it, is one of the community manager's core skills.",
)

agency_risk = ChoiceQuestion(
    id="a1_agency_risk",
    raises=True,
    options=("a", "b", "c", "d"),
    answer_hash="5969900ca4da2065919b",
    feedback={
        "7f90c0a5e6827fcff7d1": "Cost can matter, but it is not the main risk the lesson names.",
        "c78c289ca5987fdff1f2": "Agencies can post on time; scheduling is not the problem.",
        "e206c404ad7b26b22652": "Agencies can use the same tools. The risk is about who speaks, not with what.",
    },
    hints=("Think about what members notice first when the brand replies to them.",),
    explanation="The voice is the human side of the brand; outsiders rarely know the product, the people and the history well enough to carry it.",
)


def _example_messages() -> pd.DataFrame:
    """The example inbox used by the visible check (six messages, four complaints)."""
    return pd.DataFrame(
        {
            "kind": ["complaint", "question", "complaint", "praise", "complaint", "complaint"],
            "minutes_to_reply": [45, 200, 90, 30, 60, 15],
        }
    )


complaints_within_hour = FunctionQuestion(
    id="a1_complaints_within_hour",
    raises=True,
    name="share_answered_within_hour",
    decimals=2,
    cases=[((_example_messages(),), "844a8a0fd2f4133b593d")],
    mistakes={
        "9379889f1e652fc40595": "It looks like every message was counted; keep only the complaints.",
        "ecab651500a5bcfdba9d": "Exactly 60 minutes is still within the hour: use <= 60.",
        "9f2d2cf9eb63efc6b5e6": "That is a count. Divide by the number of complaints to get a share.",
        "0d6945fae690cbb29bf7": "Return a share between 0 and 1, not a percentage.",
    },
    hints=(
        "First keep only the rows whose kind is 'complaint': messages[messages['kind'] == 'complaint'].",
        "Then compare minutes_to_reply with 60 (<= 60 counts as within the hour); the mean of True/False values is a share.",
    ),
    explanation="Tracking the share of complaints answered within the hour turns a good habit into a measurable target.",
)
