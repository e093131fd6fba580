"""The reply-drafting checker rewards personal, specific replies and penalises canned, duplicated,
empty-promise and arguing ones, with feedback per reply in plain words."""

from __future__ import annotations

import pytest

from course.interaction import replies as rp

GOOD = {
    "I0001041": "@tatocycles759, five days late with no answer is not good enough, and I'm sorry. I've asked the courier "
                "where order VL356143 is and will DM you with what they say before 17:00 today.",
    "I0011042": "Hi tama_ebike641, yes: order VL280354 hasn't shipped yet, so the address can still change. Send me the "
                "new one by DM (not here, it's personal) and I'll update it this morning.",
    "I0016581": "8,000 km on the original battery, @marbelcommutes535! That is a lot of commutes. May we share it with "
                "the Velora Crew?",
    "I0014508": "Good idea, sape_mi247: a longer rear rack for the Velora City comes up a lot. I've passed it to the "
                "product team and we'll post their answer in the forum's roadmap thread.",
    "I0023725": "@weiancycles733, a dead display after a failed firmware update should never happen. I've sent you a DM: "
                "a technician can reset it by phone today, and if that fails we collect the bike.",
    "I0019555": "luweitrails177, a Trail left outside in the rain is not how it should arrive. I've reported the courier, "
                "and support will call you within 2 hours to check the bike.",
}


@pytest.fixture(scope="module")
def messages():
    return rp.reply_messages()


def test_the_six_messages_are_varied_and_each_has_a_handle_and_key_terms(messages):
    assert list(messages["message_id"]) == list(rp.REPLY_IDS)
    assert {"angry complaint", "question", "praise", "suggestion", "detractor"} <= set(messages["kind"])
    assert messages["handle"].notna().all()
    assert all(terms for terms in messages["key_terms"])
    assert "VL356143" in messages.set_index("message_id").loc["I0001041", "key_terms"]


def test_personal_specific_replies_score_full_marks(messages):
    report = rp.check_replies(GOOD, messages)
    assert report.overall == 100, repr(report)
    assert report.table["person"].all() and report.table["issue"].all()
    assert "You name their issue" in report.table.loc[0, "feedback"]


def test_canned_replies_sent_to_everyone_score_near_zero(messages):
    canned = {k: "Dear customer, thank you for your feedback. We apologise for any inconvenience." for k in GOOD}
    report = rp.check_replies(canned, messages)
    assert report.overall == 0
    assert report.table["canned"].all() and report.table["duplicate"].all()
    assert "stock phrase" in report.table.loc[0, "feedback"]


def test_a_template_with_the_names_filled_in_is_a_near_duplicate(messages):
    filled = {row.message_id: f"Hi @{row.handle}, thanks for your message about {row.key_terms[0]}. We take it seriously "
                               f"and our team will look at what happened and reply."
              for row in messages.itertuples()}
    report = rp.check_replies(filled, messages)
    assert report.table["duplicate"].all() and report.table["person"].all()
    assert report.overall <= 60 < rp.check_replies(GOOD, messages).overall
    assert "with the names changed" in report.table.loc[0, "feedback"]


@pytest.mark.parametrize("reply", [
    "@tatocycles759 about order VL356143: we will fix everything!",
    "@tatocycles759 sorry about order VL356143, it will be with you soon.",
    "@tatocycles759 we're looking into order VL356143 and will get back to you asap.",
])
def test_empty_promises_lose_points_and_say_why(messages, reply):
    report = rp.check_replies({"I0001041": reply}, messages)
    row = report.table.iloc[0]
    assert row["promise"] and row["points"] == 70
    assert "next step" in row["feedback"]


def test_soon_with_a_date_and_a_next_step_is_a_real_promise(messages):
    reply = "@tatocycles759 order VL356143 leaves the warehouse soon: tomorrow by 12:00, and I'll DM you the tracking."
    assert not rp.check_replies({"I0001041": reply}, messages).table.iloc[0]["promise"]


@pytest.mark.parametrize("reply", [
    "@weiancycles733 you should have read the manual before the firmware update.",
    "@weiancycles733 calm down, the firmware works for everyone else.",
    "@weiancycles733 that's not true, the display cannot die from an update.",
])
def test_arguing_or_blaming_the_customer_costs_half(messages, reply):
    row = rp.check_replies({"I0023725": reply}, messages).table.set_index("message_id").loc["I0023725"]
    assert row["arguing"] and row["points"] <= 50
    assert "blames the customer" in row["feedback"]


def test_missing_name_and_vague_content_are_named_in_the_feedback(messages):
    row = rp.check_replies({"I0016581": "Thanks so much, we love hearing this!"}, messages).table.iloc[2]
    assert row["points"] == 20 and "@marbelcommutes535" in row["feedback"] and "8,000 km" in row["feedback"]


def test_unwritten_replies_score_zero_and_bad_input_is_named(messages):
    report = rp.check_replies({"I0001041": ..., "I0011042": ""}, messages)
    assert report.overall == 0 and not report.table["written"].any()
    with pytest.raises(rp.ReplyError, match="I9999999"):
        rp.check_replies({"I9999999": "hello"}, messages)
    with pytest.raises(rp.ReplyError, match="text in quotes"):
        rp.check_replies({"I0001041": 42}, messages)
    with pytest.raises(rp.ReplyError, match="dictionary"):
        rp.check_replies(["hello"], messages)


def test_similarity_is_the_share_of_words_in_the_same_order():
    assert rp.similarity("a b c d", "a b c d") == 1.0
    assert rp.similarity("a b c d", "w x y z") == 0.0
    assert rp.similarity("", "a") == 0.0
    assert rp.template("Hi @luweitrails177, order VL356143", "luweitrails177") == "hi order"


def test_an_order_number_counts_in_any_of_its_spellings_and_a_figure_with_or_without_its_comma(messages):
    for spelling in ("VL356143", "#VL356143", "vl-356143"):
        assert rp.check_replies({"I0001041": f"About {spelling}: sorry."}, messages).table.iloc[0]["issue"]
    assert rp.check_replies({"I0016581": "8000 km!"}, messages).table.iloc[2]["issue"]


def test_the_report_shows_as_html_with_every_reply(messages):
    page = rp.check_replies(GOOD, messages)._repr_html_()
    assert page.count("cmw-reply'") == 6 and "100 / 100" in page
