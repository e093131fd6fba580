"""Synthetic texts for Velora's community data: inbox messages, forum thread titles, survey comments.

The dataset generator calls three functions with its own seeded ``numpy.random.Generator``:

* :func:`inbox_text` -- a comment, mention, DM, review or forum post for an intent (question, complaint,
  praise, suggestion, spam, abuse), a language (en, it, zh) and a topic (general, jacket_leak for the crisis
  week of 16-22 March 2026, first_ride for the #FirstRideVelora campaign, app, battery, delivery);
* :func:`forum_title` -- an English thread title for a board of the Velora Riders forum;
* :func:`survey_comment` -- an answer to "What should we do better?" (``None`` for a blank answer).

How the texts are made
----------------------
Every text is assembled from parts: an optional opener ("Hi all,"), a body, optional details and a closer,
optional emoji and hashtags. Bodies and details have slots such as ``{model}``, ``{city}``, ``{km}`` or
``{order}`` that are filled from lists (product names, Velora Wear items, cities, app features, days) or
from numbers (ride distances, order numbers, firmware versions). English also gets casual variations:
occasional typos, all-lowercase messages, angry ALL CAPS and extra exclamation marks in complaints. So a
few hundred hand-written parts give tens of thousands of distinct messages, from a few words to four
sentences. Italian and Chinese have fewer parts, written natively rather than translated word for word.

The English parts are worded so that VADER (the sentiment label of English messages) mostly agrees with
the intent: complaints and abuse carry negative words, praise positive ones, questions and suggestions are
mixed, as real ones are. Abuse stays PG-13: insults aimed at the brand and its staff, no slurs or profanity.
All texts are invented for the course; none is a real person's post.

Randomness and speed
--------------------
All randomness comes from the ``rng`` passed in: each call draws blocks of uniforms with ``rng.random``
(one block is enough for almost every text) and picks parts by index, so the same generator state always
gives the same text and no global random state is touched. Templates are parsed once at import into
literal pieces and filler functions; a call then costs a few microseconds.
"""

from __future__ import annotations

import re
from typing import Callable

import numpy as np

__all__ = ["inbox_text", "forum_title", "survey_comment", "INTENTS", "LANGUAGES", "TOPICS", "BOARDS"]

INTENTS = ("question", "complaint", "praise", "suggestion", "spam", "abuse")
LANGUAGES = ("en", "it", "zh")
TOPICS = ("general", "jacket_leak", "first_ride", "app", "battery", "delivery")
BOARDS = ("help", "ideas", "rides", "marketplace")

_BLOCK = 24  # uniforms drawn per block; almost every text needs fewer


def _uniforms(rng: np.random.Generator):
    """Endless stream of uniforms in [0, 1), drawn from ``rng`` in blocks."""
    while True:
        yield from rng.random(_BLOCK).tolist()


# ---------------------------------------------------------------------------------------------------------------
# Slot fillers: each takes one uniform u in [0, 1) and returns the text to put in the slot.
# ---------------------------------------------------------------------------------------------------------------

Filler = Callable[[float], str]


def _one_of(*values: str) -> Filler:
    seq = tuple(values)
    n = len(seq)
    return lambda u: seq[int(u * n)]


def _int_between(lo: int, hi: int, step: int = 1, fmt: str = "{}", thousands: str = ",") -> Filler:
    count = (hi - lo) // step + 1
    if thousands != ",":
        return lambda u: fmt.format(lo + step * int(u * count)).replace(",", thousands)
    return lambda u: fmt.format(lo + step * int(u * count))


def _order(u: float) -> str:
    k = int(u * 2_400_000)
    number = 100000 + k // 3
    return ("VL-{}", "#VL{}", "VL{}")[k % 3].format(number)


def _firmware(u: float) -> str:
    k = int(u * 60)
    return f"2.{k // 10}.{k % 10}"


_ALNUM = "abcdefghijkmnpqrstuvwxyz23456789"


def _code(u: float, length: int = 6) -> str:
    k = int(u * 32**length)
    out = []
    for _ in range(length):
        k, r = divmod(k, 32)
        out.append(_ALNUM[r])
    return "".join(out)


_SPAM_DOMAINS = ("bit.ly", "tinyurl.top", "velora-outlet.shop", "promo-gifts.site", "free-bikes.club",
                 "cutt.ly", "veloraofficial-sale.com", "win-prize.live", "cryptodouble.io", "likes4u.biz")


def _url(u: float) -> str:
    k = int(u * len(_SPAM_DOMAINS) * 1_000_000)
    return f"{_SPAM_DOMAINS[k % len(_SPAM_DOMAINS)]}/{_code((k // len(_SPAM_DOMAINS)) / 1_000_000, 5)}"


_HANDLE_WORDS = ("growth.guru", "promo_queen", "insta.boost", "fame_agency", "crypto.anna", "trader_mike",
                 "likes.factory", "brandcollab", "viral_kings", "mrs.fortune", "bike_deals", "social.star")


def _handle(u: float) -> str:
    k = int(u * len(_HANDLE_WORDS) * 1000)
    return f"{_HANDLE_WORDS[k % len(_HANDLE_WORDS)]}{k // len(_HANDLE_WORDS)}"


def _wechat(u: float) -> str:
    return "vx" + _code(u, 7)


_COMMON_FILLERS: dict[str, Filler] = {
    "km": _int_between(5, 120),
    "longkm": _int_between(60, 150),
    "bigkm": _int_between(800, 9800, 100, "{:,}"),
    "n": _int_between(2, 9),
    "pct": _int_between(5, 95),
    "off": _int_between(40, 90, 5),
    "order": _order,
    "fw": _firmware,
    "cm": _int_between(152, 198),
    "code": _int_between(11, 99, 1, "E{}"),
    "price": _int_between(9, 99),
    "money": _int_between(500, 9500, 250),
    "mult": _one_of("2", "3", "5", "10"),
    "url": _url,
    "handle": _handle,
    "wx": _wechat,
    "crypto": _one_of("BTC", "ETH", "USDT", "SOL", "DOGE"),
    "size": _one_of("S", "M", "L", "XL", "M", "L"),
    "year": _one_of("2021", "2022", "2023", "2024", "2025"),
}

_EN_CITIES = ("Turin", "Milan", "Lyon", "Munich", "Toronto", "Shanghai", "Portland", "Bologna", "Genoa", "Zurich",
              "Berlin", "Amsterdam", "Rotterdam", "Paris", "Barcelona", "Vienna", "Vancouver", "Montreal", "Seattle",
              "Chicago", "Hangzhou", "Copenhagen", "Boston", "Utrecht", "Grenoble", "Hamburg", "Ottawa", "Madrid")

_FILL_EN: dict[str, Filler] = {
    **_COMMON_FILLERS,
    "model": _one_of("Velora City", "Velora Trail", "Velora City", "Velora Trail", "City", "Trail"),
    "city": _one_of(*_EN_CITIES),
    "jacket": _one_of("Velora Wear rain jacket", "rain jacket", "Velora Wear jacket", "Velora Wear rain jacket",
                      "jacket", "rain shell"),
    "wear": _one_of("Velora Wear rain jacket", "Velora Wear gloves", "Velora Wear helmet", "Velora Wear winter gloves",
                    "Velora Wear commuter helmet", "Velora Wear rain trousers"),
    "item": _one_of("rain jacket", "gloves", "helmet", "winter gloves", "rain trousers", "commuter helmet",
                    "overshoes", "base layer"),
    "part": _one_of("brakes", "chain", "display", "charger", "kickstand", "rear light", "front light", "saddle",
                    "battery lock", "pedals", "rear rack", "fenders", "tyres", "motor", "bell", "derailleur"),
    "noisy": _one_of("brakes", "chain", "saddle", "pedals", "kickstand", "rear rack", "fenders", "derailleur",
                     "bottom bracket", "headset", "motor"),
    "bent": _one_of("rear rack", "kickstand", "front fender", "brake lever", "derailleur hanger", "handlebar",
                    "display mount", "rear light bracket"),
    "weekday": _one_of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
    "feature": _one_of("route planner", "battery level widget", "firmware update screen", "ride history",
                       "turn-by-turn navigation", "assist mode settings", "theft alert", "offline maps",
                       "ride stats", "elevation profile", "route sharing", "Strava sync", "range estimate"),
    "day": _one_of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "yesterday",
                   "last week", "last Friday", "the weekend"),
    "month": _one_of("January", "February", "April", "May", "June", "July", "August", "September", "October"),
    "color": _one_of("graphite", "sage green", "sand", "midnight blue", "Turin red", "matte black", "pearl white"),
    "weeks": _one_of("two", "three", "four", "five", "six", "3", "4", "2"),
    "months": _one_of("two", "three", "four", "six", "eight", "ten"),
    "season": _one_of("spring", "summer", "autumn", "winter", "month", "weekend"),
    "country": _one_of("Italy", "France", "Germany", "the Netherlands", "Canada", "the US", "Switzerland", "Spain"),
    "terrain": _one_of("gravel", "forest trails", "steep climbs", "cobblestones", "tram tracks", "mountain passes"),
}

_FILL_IT: dict[str, Filler] = {
    **_COMMON_FILLERS,
    "model": _one_of("Velora City", "Velora Trail", "Velora City", "Velora Trail", "City", "Trail"),
    "city": _one_of("Torino", "Milano", "Bologna", "Genova", "Firenze", "Roma", "Verona", "Bergamo", "Padova",
                    "Trento", "Brescia", "Novara", "Cuneo", "Pinerolo", "Lione", "Monaco di Baviera"),
    "bigkm": _int_between(800, 9800, 100, "{:,}", "."),
    "weekday": _one_of("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"),
    "jacket": _one_of("giacca antipioggia Velora Wear", "giacca Velora Wear", "giacca antipioggia",
                      "giacca impermeabile Velora Wear", "giacca antipioggia Velora Wear"),
    "wear": _one_of("i guanti Velora Wear", "il casco Velora Wear", "la giacca antipioggia Velora Wear",
                    "i guanti invernali Velora Wear", "i pantaloni antipioggia Velora Wear"),
    "part": _one_of("i freni", "la catena", "il display", "il caricabatterie", "il cavalletto", "la luce posteriore",
                    "la sella", "il motore", "i pedali", "il portapacchi", "il cambio", "i parafanghi"),
    "bent": _one_of("il portapacchi", "il cavalletto", "il parafango", "il manubrio", "il forcellino del cambio",
                    "il supporto del display"),
    "feature": _one_of("il pianificatore di percorsi", "l'indicatore della batteria", "l'aggiornamento del firmware",
                       "lo storico delle uscite", "la navigazione", "le mappe offline", "le statistiche",
                       "l'allarme antifurto", "le impostazioni dell'assistenza"),
    "day": _one_of("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "ieri", "sabato scorso", "stamattina",
                   "una settimana"),
    "color": _one_of("grafite", "verde salvia", "sabbia", "blu notte", "rosso Torino", "nero opaco"),
    "weeks": _one_of("due", "tre", "quattro", "cinque", "sei", "3", "2"),
}

_FILL_ZH: dict[str, Filler] = {
    **_COMMON_FILLERS,
    "model": _one_of("Velora City", "Velora Trail", "Velora City", "Velora Trail"),
    "city": _one_of("上海", "杭州", "北京", "深圳", "苏州", "成都", "南京", "广州", "武汉", "厦门", "宁波", "无锡"),
    "jacket": _one_of("Velora Wear防雨夹克", "Velora Wear骑行雨衣", "防雨夹克", "雨衣", "Velora Wear雨衣"),
    "wear": _one_of("Velora Wear手套", "Velora Wear头盔", "Velora Wear防雨夹克", "Velora Wear冬季手套",
                    "Velora Wear雨裤"),
    "part": _one_of("刹车", "链条", "显示屏", "充电器", "脚撑", "尾灯", "车座", "电机", "脚踏", "后货架", "变速器", "挡泥板"),
    "feature": _one_of("路线规划", "电量显示", "固件升级", "骑行记录", "导航", "离线地图", "防盗提醒", "助力模式设置",
                       "骑行数据"),
    "day": _one_of("周一", "周二", "周三", "周五", "昨天", "上周末", "今天早上", "上周"),
    "color": _one_of("石墨灰", "鼠尾草绿", "沙色", "午夜蓝", "都灵红", "哑光黑"),
    "weeks": _one_of("两", "三", "四", "五", "六"),
    "zhe": _one_of("一", "二", "三", "四", "五"),
    "bigkm": _int_between(800, 9800, 100),
    "weekday": _one_of("周一", "周二", "周三", "周四", "周五", "周六"),
    "bent": _one_of("后货架", "脚撑", "挡泥板", "刹车把", "车把", "尾灯支架"),
}

_FILLERS = {"en": _FILL_EN, "it": _FILL_IT, "zh": _FILL_ZH}


# ---------------------------------------------------------------------------------------------------------------
# Templates. A spec is a dict of part lists and probabilities; topic specs override the general one.
#   short  -- a complete short message (used with probability p_short)
#   open   -- opener; body -- main sentence; detail / extra -- further sentences; close -- closer
#   emoji / tag -- appended; caps -- whole text in capitals; shout -- last part in capitals;
#   bang -- final "." becomes "!!"; lower -- all lowercase; typo -- one typo; swap -- detail before body
# ---------------------------------------------------------------------------------------------------------------

_EN_EMOJI_HAPPY = ("😍", "🚲💨", "🙌", "💚", "👏", "😊", "🥳", "✨", "🙂", "🎉", "😍😍", "💚🚲", "😊🙌")
_EN_EMOJI_ANGRY = ("😡", "😤", "👎", "😠", "🙄", "😡😡", "😩", "😭", "🤦")

_EN: dict[str, dict[str, dict]] = {
    "question": {
        "general": dict(
            short=("Price of the {model} in {country}?", "Available in {city}?", "Size guide for the {model}?",
                   "Range of the {model}?", "Ship to {city}?", "Any shop in {city}?", "Is the {model} in stock?",
                   "Does the {model} come in {color}?", "Weight of the {model}?", "Warranty on the {part}?",
                   "Test rides in {city}?", "Student discount in {country}?", "When is the next Crew ride in {city}?",
                   "Spare {part} available?", "City or Trail for {terrain}?"),
            p_short=0.08,
            open=("Hi!", "Hello,", "Hey Velora team,", "Quick question:", "Hi all,", "Hello from {city}!", "Hey,",
                  "Question for the team:", "Hi there,", "Good morning,", "Hi Velora,",
                  "Sorry if this was asked before,", "Newbie here.", "Hi everyone,", "Hey folks,",
                  "Hi, {city} rider here.", "Evening all,", "Hello Velora Riders,"),
            p_open=0.6,
            body=("Does the {model} come in size {size}?", "What's the real range of the {model} in eco mode?",
                  "Can I fit a child seat on the {model}?", "Is there a shop near {city} where I can test the {model}?",
                  "How long does shipping to {city} usually take?", "Does the warranty cover the {part}?",
                  "Which tyre pressure do you recommend for the {model}?", "How often should the {model} be serviced?",
                  "Can I ride the {model} in heavy rain?", "Is the {model} battery removable for charging indoors?",
                  "When will the {model} be back in stock in {color}?",
                  "Where do I find the {feature} in the Velora Ride app?",
                  "What's the max rider weight for the {model}?",
                  "Can I order a spare charger for the {model} separately?",
                  "Are there Velora Crew rides in {city}?",
                  "How do I join the Velora Crew ambassador programme in {country}?",
                  "Does the {model} take a rear rack and panniers?",
                  "How does the {item} sizing run? I'm usually size {size}.",
                  "Can I use the {model} for a {km} km commute every day?",
                  "Any Velora Riders meetups planned in {city} this {season}?",
                  "Is there a student discount on the {model}?",
                  "What's the difference between the Velora City and the Velora Trail on {terrain}?",
                  "Does the {model} have a walk-assist mode?", "Is financing available in {country}?",
                  "Do you offer trade-ins for older bikes in {country}?",
                  "Which {item} size should I get at {cm} cm tall?",
                  "Can I swap the saddle on the {model} for my own?", "Can I take the {model} on trains in {country}?",
                  "Is the {model} street legal in {country}?", "Any {color} option for the Velora Wear {item}?",
                  "Which frame size should I get for the {model} at {cm} cm?", "Can the {model} handle {terrain}?",
                  "Is the {model} OK to leave outside in winter?", "Do you ship spare parts to {city}?",
                  "How loud is the motor on the {model}?", "Does the {model} come with lights and fenders?"),
            detail=("I ride about {km} km a day.", "I live in {city}.", "I'm {cm} cm tall.",
                    "Thinking of ordering next week.",
                    "Couldn't find it in the FAQ.", "The manual doesn't say.", "My commute has a few steep hills.",
                    "I'd mostly use it for commuting.", "Asking for my partner.",
                    "I searched the forum but found nothing.",
                    "It's for a gift.", "I already have a {model}.", "Planning a trip to {city} in {month}.",
                    "My current bike is from {year}.", "Mostly flat roads here in {city}.",
                    "Deciding between the two models.", "Order not placed yet."),
            p_detail=0.5,
            close=("Thanks!", "Thanks in advance.", "Cheers.", "Any info appreciated.", "🙏", "Thx", "Grazie!",
                   "Appreciate it.", "Anyone?", "Ciao.", "Thank you!", "🤔"),
            p_close=0.45, emoji=("🤔", "🚲", "🙏"), p_emoji=0.05, tag=("#Velora", "#ebike"), p_tag=0.02,
            lower=0.1, typo=0.12, swap=0.25,
        ),
        "jacket_leak": dict(
            short=("Refund for the {jacket}?", "Is there a recall?", "Leaking {jacket}, what now?",
                   "Jacket refund, how?", "Recall on the {jacket}?"),
            p_short=0.06,
            open=("Hi,", "Hello Velora,", "Serious question:", "Okay so", "Honest question:", "Hey,", "Hi all,",
                  "Question about the jackets:", "Me again.", "Still no answer, so asking here:"),
            p_open=0.55,
            body=("Is there a recall on the {jacket}? The seams on mine leak after {weeks} weeks.",
                  "How do I get a refund for the {jacket}? Water comes through the seams.",
                  "Will you replace the leaking {jacket} or refund it?",
                  "Is the {jacket} supposed to let water in at the shoulder seams?",
                  "Are all batches of the {jacket} affected by the seam problem or just some?",
                  "Do I need the receipt to return the leaking {jacket}? Order {order}.",
                  "What exactly is wrong with the {jacket} seams?",
                  "When will you publish a statement about the leaking {jacket}?",
                  "Can I return the {jacket} in a store in {city} or only by post?",
                  "How long does the refund for the {jacket} take?",
                  "Is the new batch of the {jacket} fixed or will it leak too?",
                  "Is it true the seam tape on the {jacket} fails after a few washes?",
                  "Who pays for return shipping on the leaking {jacket}?",
                  "Should I stop wearing the {jacket} until you have a fix?",
                  "Why does my {jacket} leak at the seams after only {weeks} weeks?",
                  "Is there a form for the {jacket} refund or do I email support?"),
            detail=("Mine got soaked on a {km} km ride in {city}.", "I bought it {weeks} weeks ago.", "Order {order}.",
                    "My shirt was wet after a short ride.", "I've seen a lot of posts about this.",
                    "Nobody answered my email from {day}.", "I paid full price for it.",
                    "Water comes in at the shoulders.",
                    "Not happy about this.", "Kind of disappointed, honestly."),
            p_detail=0.55, close=("Thanks.", "Waiting for an answer.", "?", "Please answer.", "??"), p_close=0.35,
            emoji=("☔", "😕", "🤔", "😒"), p_emoji=0.1, tag=("#VeloraWear",), p_tag=0.03,
        ),
        "first_ride": dict(
            short=("How do I join #FirstRideVelora?", "#FirstRideVelora rules?",
                   "Can I still post for #FirstRideVelora?"),
            p_short=0.08,
            body=("How do I take part in #FirstRideVelora?", "Can I post a TikTok video for #FirstRideVelora?",
                  "When are the #FirstRideVelora winners announced?",
                  "Does #FirstRideVelora count if I bought my {model} second hand?",
                  "Do I need to tag Velora for the #FirstRideVelora post to count?",
                  "Is #FirstRideVelora open to riders in {country}?",
                  "Can I post my unboxing video for #FirstRideVelora or only the first ride?",
                  "What's the prize for #FirstRideVelora this month?",
                  "My {model} arrives next week, is #FirstRideVelora still running then?",
                  "Can my partner and I both enter #FirstRideVelora with one bike?"),
            detail=("Just ordered my {model}.", "Bike arrives on {weekday}.",
                    "Planning a {km} km first ride around {city}.",
                    "I'm so excited.", "First e-bike ever!"),
        ),
        "app": dict(
            body=("How do I update the firmware through the Velora Ride app?",
                  "Why doesn't the Velora Ride app show my battery level anymore?",
                  "Can I use the Velora Ride app without an account?", "Is there a Velora Ride app for smartwatches?",
                  "How do I import a GPX route into the Velora Ride app?", "Does the {feature} work offline?",
                  "Can two riders share one bike in the Velora Ride app?",
                  "Where are my saved routes after reinstalling the Velora Ride app?",
                  "Is firmware {fw} safe to install on the {model}?",
                  "How do I turn off the theft alert in the Velora Ride app?",
                  "Where is the {feature} in the new version of the app?",
                  "Can the Velora Ride app show my battery level on the lock screen?",
                  "How long does a firmware update take on the {model}?",
                  "Does the Velora Ride app sync rides with Strava?"),
            detail=("I'm on firmware {fw}.", "Using an Android phone.", "Using an iPhone.",
                    "Reinstalled it twice already.",
                    "The manual doesn't say.", "Couldn't find it in the FAQ."),
        ),
        "battery": dict(
            body=("How many charge cycles does the {model} battery last?",
                  "Is it OK to leave the battery charging overnight?",
                  "Can I store the battery in a cold garage in winter?",
                  "How long does a full charge take on the {model}?", "Is a spare battery available for the {model}?",
                  "Why does the range drop so much in winter?", "Can I take the {model} battery on a train?",
                  "Should I charge to 100% or stop at 80%?",
                  "What range should I expect for a {km} km commute with hills?",
                  "Does the battery level in the app include the reserve?",
                  "How do I check the battery health of my {model}?",
                  "Can I use a third-party charger with the {model}?"),
            detail=("My battery shows {pct}% after a {km} km ride.", "I ride about {km} km a day.",
                    "The bike is {months} months old.", "It gets cold here in {city}."),
        ),
        "delivery": dict(
            body=("When will order {order} ship?", "Can I change the delivery address for order {order}?",
                  "Do you deliver to {city}?", "Is the {model} delivered fully assembled?",
                  "Can I pick up my order in the Turin store?",
                  "Tracking for {order} says 'in transit' since {day}, is that normal?",
                  "Which courier do you use for {city}?", "Can I choose a delivery day?",
                  "Do I need to be home to sign for the {model}?", "Is delivery to {country} free?",
                  "How long does delivery to {city} take?", "Can I add a {item} to order {order} before it ships?"),
            detail=("I ordered on {weekday}.", "I'm away next week.", "Order {order}.",
                    "No email since the confirmation."),
        ),
    },
    "complaint": {
        "general": dict(
            short=("Still waiting for a reply. {ang}", "Worst service ever. {ang}",
                   "So disappointed with my {model}. {ang}",
                   "Broken again. {ang}", "Terrible support. {ang}", "Still no answer after {n} days. {ang}",
                   "Awful experience with support. {ang}", "Really bad service, Velora. {ang}",
                   "My {part} failed again. {ang}", "Useless support. {ang}",
                   "Not happy with my {model} at all. {ang}"),
            p_short=0.08,
            open=("Really disappointed.", "Not happy.", "Honestly, I'm frustrated.", "Ugh.", "Seriously?",
                  "So annoyed right now.", "Worst experience.", "I'm fed up and angry.", "Sorry but this is bad.",
                  "Very disappointed, Velora.", "What a mess.", "Not impressed.", "Terrible.", "Come on, Velora.",
                  "This is getting ridiculous.", "Frustrated customer here.", "Bad news again.",
                  "I'm really upset.", "Disappointed.", "Unhappy {model} owner here."),
            p_open=0.6,
            body=("My {model} has a rattling noise from the {noisy} after only {weeks} weeks. Annoying.",
                  "The {part} on my {model} broke after {km} km.",
                  "The Velora Ride app keeps crashing when I open the {feature}.",
                  "{n} emails to support and still no answer. Terrible.",
                  "I waited {weeks} weeks for a simple spare part and it's still not here.",
                  "The {wear} I bought fell apart after a month. Poor quality.",
                  "Support closed my ticket about the {part} without fixing anything.",
                  "My {model} won't turn on since the last firmware update. Useless.",
                  "The battery range is nowhere near what you advertise, I barely get {km} km. Misleading.",
                  "The shop in {city} refused to look at my {model}.",
                  "A squeak from the {noisy} since day {n}, and the dealer ignored it.",
                  "Paid premium money for a bike that has been in repair for {weeks} weeks.",
                  "Order {order} is still not delivered and tracking hasn't moved since {day}. Awful.",
                  "The charger stopped working on {weekday} and nobody can tell me when a replacement ships.",
                  "The {model} display shows error {code} every morning and support has no idea why.",
                  "My {model} lost assist halfway up a hill in {city}. Dangerous and frustrating.",
                  "My {model} was damaged on arrival and I've been waiting {n} days for a fix.",
                  "The dealer in {city} charged me for a repair that should be under warranty. Unfair.",
                  "Your hotline put me on hold for {km} minutes and then hung up. Ridiculous.",
                  "Second failure of the {part} on my {model}. Bad quality.",
                  "Badly made {wear}: the stitching came loose after {weeks} weeks.",
                  "Firmware {fw} made the assist worse, the motor now cuts out randomly.",
                  "Had to push my {model} home {km} km because the battery died with {pct}% showing.",
                  "Nobody at Velora reads these messages, it seems. Day {n} of waiting. Sad."),
            detail=("This is unacceptable for a bike at this price.", "I expected much better.",
                    "Nobody seems to care.",
                    "I'm losing patience.", "Never had this problem with my old bike.", "Really bad service.",
                    "I ride {km} km a day and I need this fixed.", "I can't commute like this.",
                    "Your chatbot is useless.", "I've been a loyal customer since {year}, this is sad.",
                    "Very poor customer care.", "Ticket number {order}, still ignored.", "Worst purchase I've made.",
                    "I regret buying it."),
            p_detail=0.55,
            extra=("I want a refund.", "Still waiting.", "Zero communication.", "Not acceptable."), p_extra=0.15,
            close=("Fix it.", "Very disappointing.", "Not recommending Velora to anyone.", "Awful.", "Unacceptable.",
                   "I want my money back.", "Do better.", "Still waiting.", "Sad.", "Really upset.", "Terrible.",
                   "Bad.", "Not happy."),
            p_close=0.5, emoji=_EN_EMOJI_ANGRY, p_emoji=0.2, tag=("#VeloraFail", "#badservice", "#customerservice"),
            p_tag=0.03, caps=0.04, shout=0.08, bang=0.15, typo=0.12,
        ),
        "jacket_leak": dict(
            short=("REFUND MY JACKET. {ang}", "Leaking jacket, terrible. {ang}", "So much for waterproof. {ang}",
                   "My {jacket} leaks. Awful.", "Soaked again. Terrible jacket.", "Leaky seams, angry customer. {ang}"),
            p_short=0.08,
            open=("Wow, just terrible.", "Absolutely furious.", "Thanks for nothing, Velora.",
                  "So much for 'waterproof'.",
                  "Disgusted.", "Are you serious?", "Another leaking jacket here.", "Same problem as everyone else.",
                  "I'm so angry.", "Shameful.", "Seriously, Velora?", "Angry customer here.", "Terrible quality.",
                  "Fed up.", "Honestly terrible jacket."),
            p_open=0.6,
            body=("My {jacket} leaks at the seams after {weeks} weeks. I got completely soaked riding home in {city}.",
                  ("Paid a lot of money for a 'waterproof' {jacket} and the seams let water in after {weeks} weeks. "
                   "Awful."),
                  "The seam tape on my {jacket} is peeling off and water pours in at the shoulders.",
                  "Wore my {jacket} in the rain for {km} km and arrived at work soaked to the skin. Miserable.",
                  "Your {jacket} is NOT waterproof. The seams leak every single time it rains.",
                  "Second {jacket}, same leaking seams. This is a design defect, not bad luck.",
                  "I want a full refund for my {jacket}, order {order}. The seams failed completely.",
                  "The {jacket} seams failed after {weeks} weeks of commuting. Total waste of money.",
                  "Soaked again. The {jacket} seams leak and the helpdesk hasn't replied in {n} days. Awful.",
                  "The so-called waterproof {jacket} leaks at every seam. Terrible quality.",
                  "My laptop got wet because the {jacket} seams leak. Who pays for that?",
                  "Leaking seams after a few weeks on a jacket that costs this much? Ridiculous.",
                  "The {jacket} failed on the first rainy day in {city}. Water everywhere.",
                  "Defective {jacket}: the seams leaked after {weeks} weeks and support just ignored me.",
                  "Returned my leaking {jacket} {n} days ago and I'm still waiting for the refund. Unacceptable.",
                  "You sold me a defective {jacket} and now you offer a discount code? Insulting."),
            detail=("I want my money back.", "Refund me now.", "Nobody answers the phone.",
                    "Your helpdesk keeps sending useless copy-paste replies.", "This is false advertising.",
                    "How did this pass any quality test?", "I'm returning everything I bought from Velora Wear.",
                    "Very disappointed in this brand.", "Still no answer to my email from {day}.",
                    "I expect a refund, not a discount code.", "Misleading marketing.", "Worst purchase this year.",
                    "Terrible way to treat customers."),
            p_detail=0.6, extra=("Refund. Now.", "Awful.", "Horrible."), p_extra=0.15,
            close=("REFUND NOW.", "Disgraceful and sad.", "Disappointed.", "Shame on you.", "#VeloraLeaks",
                   "Unacceptable.", "Fix this.", "Terrible.", "Pathetic.", "Angry and soaked."),
            p_close=0.55, emoji=("😡", "☔😤", "😡😡", "💧😠", "👎", "🤬"), p_emoji=0.25,
            tag=("#VeloraLeaks", "#VeloraWear", "#refund"), p_tag=0.08, caps=0.07, shout=0.1, bang=0.2,
        ),
        "first_ride": dict(
            short=("My #FirstRideVelora post was ignored. Sad.",),
            p_short=0.05,
            body=("My bike arrived too late to join #FirstRideVelora. Disappointing.",
                  "My #FirstRideVelora post was never shared, a bit sad after all the effort.",
                  "The #FirstRideVelora prize rules are confusing and unfair.",
                  "Waited {weeks} weeks for my {model} and missed #FirstRideVelora. Frustrating.",
                  "My first ride ended with a flat tyre after {km} km. Not the #FirstRideVelora moment I hoped for.",
                  "The box was damaged and the {bent} was bent, so no #FirstRideVelora for me. Bad start.",
                  "Unboxing my {model} and the charger was missing. Terrible first impression.",
                  "First ride and the display shows error {code}. Really disappointed."),
        ),
        "app": dict(
            body=("The Velora Ride app crashes every time I open the {feature}.",
                  "Since firmware {fw} the app keeps losing the connection to my {model}. Annoying.",
                  "The battery level in the app is wrong: it said {pct}% and the bike died after {km} km.",
                  "The app logged me out and my ride history is gone. Terrible.",
                  "The firmware update failed halfway and now the display is dead.",
                  "The {feature} is broken again after the last app update.",
                  "The Velora Ride app drains my phone battery in an hour. Awful.",
                  "The route planner sent me onto a motorway near {city}. Useless and dangerous.",
                  "Every firmware update resets my assist settings. Frustrating.",
                  "The app is so slow it takes a minute to unlock my {model}. Ridiculous.",
                  "Firmware {fw} bricked my display. Unacceptable.",
                  "The theft alert goes off every night for no reason. Annoying."),
        ),
        "battery": dict(
            body=("My {model} battery drops from 100% to {pct}% in {km} km. That's not normal.",
                  "The battery died after {months} months. Terrible quality.",
                  "Range in winter is awful, barely {km} km.", "The battery won't charge past {pct}%. Frustrating.",
                  "The charger got hot and stopped working. Scary and unacceptable.",
                  "A replacement battery costs a fortune. Ridiculous.",
                  "My battery lost half its range in {months} months. Disappointed.",
                  "The battery lock broke and now I can't remove the battery. Useless.",
                  "Battery shows {pct}% and then the bike just dies. Dangerous.",
                  "Charging takes forever and the battery is dead again after {km} km. Bad."),
        ),
        "delivery": dict(
            body=("Order {order} is {n} days late and nobody answers. Terrible.",
                  "The box arrived damaged and the {bent} is bent.",
                  "Tracking hasn't moved since {day}. Awful service.",
                  "The courier left my {model} in the rain outside the door. Unacceptable.",
                  "I paid for express delivery and waited {weeks} weeks. Ridiculous.",
                  "Delivery was cancelled twice without explanation. Frustrating.",
                  "Order {order} was delivered to the wrong address in {city}. What a mess.",
                  "Missing parts in my delivery and support ignores me.",
                  "Still no shipping date for order {order} after {weeks} weeks. Bad.",
                  "The delivery van never showed up on {weekday}. I lost a day off work for nothing."),
        ),
    },
    "praise": {
        "general": dict(
            short=("Love my {model}! {hap}", "Best bike ever {hap}", "Great ride today! {hap}", "Love it! {hap}",
                   "Amazing bike {hap}", "Happy rider in {city} {hap}", "So good! {hap}", "Best purchase ever. {hap}",
                   "Great service, thanks! {hap}", "Perfect commute in {city} today {hap}", "Love this brand {hap}",
                   "Great job Velora! {hap}", "Awesome! {hap}"),
            p_short=0.1,
            open=("Wow!", "Love it!", "Just wanted to say thanks!", "So happy!", "Amazing!", "Big thanks to the team!",
                  "Honestly impressed.", "What a bike!", "Best purchase this year.", "Shout-out to Velora!",
                  "Okay, I'm in love.", "10/10.", "Great news:", "Happy rider here!", "Smiling all the way.",
                  "Thank you, Velora!", "Brilliant.", "Just WOW.", "Loving it.", "Super happy."),
            p_open=0.6,
            body=("My {model} makes the {km} km commute in {city} a pleasure.",
                  "The {model} climbs the hills in {city} effortlessly. Amazing.",
                  "Support fixed my {part} issue in {n} days, super friendly.",
                  "The new {feature} in the Velora Ride app is brilliant.",
                  "Rode {km} km this weekend on the {model} and still had battery to spare. Brilliant.",
                  "The {wear} kept me warm and comfortable all winter.",
                  "The shop team in {city} was incredibly helpful.",
                  "Firmware {fw} made the assist so much smoother. Great update.",
                  "Best commute of my life thanks to the {model}.",
                  "Delivery to {city} was fast and the bike was perfectly packed.",
                  "The Velora Riders forum answered my question in {n} minutes. Great community!",
                  "Joined a Velora Crew ride in {city} today, such lovely people.",
                  "Sold my car and now ride the {model} everywhere. Happiest decision.",
                  "The {model} looks stunning in {color}.",
                  "My {model} just passed {bigkm} km without a single problem. Amazing.",
                  "The {model} handles {terrain} beautifully.",
                  "Great customer service: my question about the {part} was answered within an hour.",
                  "The mechanic in {city} was friendly and fixed everything on the spot.",
                  "Love how quiet the motor on the {model} is.",
                  "Really happy with the fit of the {wear}.",
                  "My kids love riding with me on the {model} to school.",
                  "Commuting in {city} is fun again thanks to the {model}.",
                  "The Velora Crew meetup in {city} was so much fun.",
                  "Your team answered my DM on a {weekday} evening. Impressive!"),
            detail=("Thank you Velora!", "Highly recommend.", "Worth every cent.", "Super pleased.",
                    "You guys rock.", "Keep it up!", "Love the attention to detail.", "My friends are jealous.",
                    "Great job, team.", "Best decision ever.", "So glad I chose Velora.", "Happy customer!",
                    "Really great quality.", "Five stars."),
            p_detail=0.55, extra=("Thanks again!", "Love it.", "Perfect."), p_extra=0.12,
            close=("Thank you!", "Cheers!", "Grazie Velora!", "Love it!", "Keep it up!", "Great work!"),
            p_close=0.25, emoji=_EN_EMOJI_HAPPY, p_emoji=0.35,
            tag=("#Velora", "#VeloraRiders", "#ebike", "#bikecommute", "#VeloraCity", "#VeloraTrail", "#bikelife",
                 "#VeloraCrew", "#Velora #ebike", "#VeloraRiders #bikelife"),
            p_tag=0.2, bang=0.1, lower=0.08, typo=0.06,
        ),
        "first_ride": dict(
            short=("First ride done! {hap} #FirstRideVelora", "Unboxing joy {hap} #FirstRideVelora",
                   "Best first ride ever {hap} #FirstRideVelora", "My first {km} km! {hap} #FirstRideVelora",
                   "Happy first ride in {city} {hap} #FirstRideVelora", "New bike, big smile {hap} #FirstRideVelora"),
            p_short=0.1,
            open=("IT'S HERE!", "Unboxing day!", "First ride done!", "Finally!", "Day one with my {model}!",
                  "Look who arrived today!", "Best delivery ever!", "Dream come true!", "Couldn't wait any longer!",
                  "New bike day!", "So excited!", "Happy happy happy!", "Yes!!", "Oh wow."),
            p_open=0.65,
            body=("Just unboxed my {model} and took it for a {km} km spin around {city}. Pure joy!",
                  "First ride on the {model} along the river in {city}: smooth, quiet and so much fun.",
                  "The unboxing was beautiful and the {model} was ready to ride in ten minutes.",
                  "My first ride on the {model}: {km} km, big smile, zero sweat.",
                  "Unboxed the {model} in {color} and it looks even better than in the photos.",
                  "Took my {model} out for its first ride to work in {city}. Loved every minute.",
                  "First ride done with my kids on the new {model}. Everyone wants a turn!",
                  "The packaging, the note from the team, the first ride... everything felt special.",
                  "First ride with the {model} up the hills above {city}. The assist is magic.",
                  "Unboxing the {model} felt like Christmas morning.",
                  "My partner surprised me with a {model} and our first ride together was perfect.",
                  "First ride on {terrain} with the {model} and I'm grinning like a kid.",
                  "{km} km on my first ride and I didn't want to stop. Love this bike.",
                  "Unboxed, charged, and off for a first sunset ride through {city}. Beautiful."),
            detail=("Excited for tomorrow's commute.", "So happy with it.", "Thank you Velora!",
                    "Already planning the next ride.", "Best purchase of the year.", "Love love love it.",
                    "Great job on the packaging, team!", "Totally worth the wait.", "My neighbours are jealous."),
            p_detail=0.45, close=("Thank you!", "Love it!", "Perfect start!"), p_close=0.15,
            emoji=_EN_EMOJI_HAPPY, p_emoji=0.5,
            tag=("#FirstRideVelora", "#FirstRideVelora #unboxing", "#FirstRideVelora #Velora",
                 "#FirstRideVelora #ebike", "#FirstRideVelora #VeloraRiders", "#unboxing #FirstRideVelora",
                 "#FirstRideVelora #newbike", "#FirstRideVelora 🚲"),
            p_tag=0.92,
        ),
        "jacket_leak": dict(
            short=("Refund received, thanks Velora! {hap}", "Great support on the jacket issue {hap}"),
            p_short=0.08,
            body=("Thanks for the quick refund on my leaking {jacket}, great service.",
                  "The replacement {jacket} arrived in {n} days and it's been dry so far. Thanks!",
                  "Honestly impressed by how Velora handled the jacket issue.",
                  "Got my refund for the {jacket} in {n} days, no questions asked. Great support.",
                  "Respect to the team for owning the seam problem and fixing it fast.",
                  "The store in {city} swapped my {jacket} on the spot. Very kind staff.",
                  "Good to see an honest apology about the {jacket}. Appreciated.",
                  "Support called me back about my {jacket} and sorted it in five minutes. Excellent."),
        ),
        "app": dict(
            body=("The new {feature} in the Velora Ride app is brilliant.",
                  "Firmware {fw} installed in two minutes and the assist feels smoother. Great work!",
                  "Love the ride stats in the Velora Ride app.", "The battery level widget is so handy, love it.",
                  "The route planner found me a beautiful quiet route through {city}.",
                  "The Velora Ride app keeps getting better. The {feature} is perfect.",
                  "Finally a bike app that just works. Great job!",
                  "Unlocking the {model} from the app is so easy. Love it."),
        ),
        "battery": dict(
            body=("Did {longkm} km on one charge. Impressive!",
                  "The battery still gives great range after {months} months. Love it.",
                  "Charging is quick and the range estimate is spot on.",
                  "{bigkm} km on the original battery and still going strong. Amazing.",
                  "Rode {km} km in the cold and the battery was still fine. Great job.",
                  "The removable battery is so convenient for charging at the office. Love it."),
        ),
        "delivery": dict(
            body=("Ordered on {weekday} and the {model} arrived in {city} two days later. Amazing!",
                  "Perfect packaging and a super friendly courier.",
                  "Delivery was fast and the bike was ready to ride in minutes.",
                  "Order {order} arrived early and in perfect condition. Great job!",
                  "Best delivery experience I've had, the courier even helped me carry the box upstairs.",
                  "Great communication about my delivery, every step was clear."),
        ),
    },
    "suggestion": {
        "general": dict(
            short=("Please add a {color} {model}!", "Meetup in {city} please!", "Please add dark mode to the app {hap}",
                   "More Crew rides in {city}?", "Offline maps please! {hap}", "A {color} {item} would be cool."),
            p_short=0.07,
            open=("Idea:", "Suggestion for the team:", "Feature request:", "Just a thought,", "Hi Velora,",
                  "Small idea:", "Request:", "Two cents:", "Hey team,", "Wish list:", "Hi all,",
                  "Something I'd like to see:", "From a {city} rider:"),
            p_open=0.6,
            body=("Could we have the {feature} on the phone lock screen?",
                  "Please add a {color} option for the {model}.", "Could you sell a longer rear rack for the {model}?",
                  "A discount for Velora Crew members on the Velora Wear {item} would be nice.",
                  "How about a Velora Riders meetup in {city}?",
                  "The Velora Ride app could show charging stations along the route, like the one to {city}.",
                  "Offer a winter service package for the {model}.", "Maybe add a child seat adapter for the {model}.",
                  "Let us export rides from the {feature} as GPX files.",
                  "Publish the firmware changelog before each update, not after (looking at you, {fw}).",
                  "Add reflective details to the {item}.",
                  "Sell a second battery for the {model} as a bundle for long tours.",
                  "A repair video series on YouTube would help a lot, starting with the {part}.",
                  "Make the {feature} available offline.",
                  "Let us share routes with other Velora Riders in {city} directly in the app.",
                  "Consider a women's fit for the {item}.", "Open a test-ride point in {city}.",
                  "Add a {terrain} mode to the assist settings.",
                  "Organise a Velora Crew ride from {city} this {season}.",
                  "Make the {model} kickstand sturdier.", "Bring back the {color} colour for the {model}.",
                  "Add a forum board for {city} riders.", "Offer a trade-in programme for older e-bikes in {country}.",
                  "Run a maintenance workshop in {city}.",
                  "Add a {model} size {size} with a lower step-through frame."),
            detail=("I'd pay for it.", "Many riders in {city} want this.", "It would save me a lot of time.",
                    "Just an idea.", "Not a big deal, but it would help.", "Other brands already do this.",
                    "I can test it.", "I ride {km} km a day, so this matters to me.", "My friends asked for it too."),
            p_detail=0.45, close=("Thanks for listening!", "Cheers.", "💡", "🙂", "What do you think?", "Thanks!"),
            p_close=0.4, emoji=("💡", "🙂", "🚲"), p_emoji=0.05, lower=0.08, typo=0.1,
        ),
        "jacket_leak": dict(
            body=("Test the seams in real rain before launching a jacket.",
                  "Please publish the results of the seam investigation on the {jacket}.",
                  "Offer a repair kit for the seam tape on the {jacket}.",
                  "Email every {jacket} buyer directly, not just a post on Instagram.",
                  "Let Velora Crew members test new Velora Wear before launch.",
                  "Add a waterproof rating to every Velora Wear product page.",
                  "Set up a simple refund form for the {jacket} instead of email threads.",
                  "Pin a post on the forum with the {jacket} refund steps."),
        ),
        "first_ride": dict(
            body=("Make a #FirstRideVelora map with all the first rides!",
                  "Feature more riders from {city} in #FirstRideVelora.",
                  "Add a #FirstRideVelora category on the forum.",
                  "Give every #FirstRideVelora rider a small Velora Wear gift.",
                  "Run #FirstRideVelora again next spring.",
                  "Let us vote for the best #FirstRideVelora photo.",
                  "Make a #FirstRideVelora video montage for YouTube."),
        ),
        "app": dict(
            body=("Please add a dark mode to the Velora Ride app.",
                  "Let us export rides as GPX from the Velora Ride app.",
                  "The app should warn me before a firmware update starts.",
                  "Show the battery level on the phone lock screen.", "Add Strava sync to the Velora Ride app.",
                  "Make the {feature} work offline.", "Let us rename bikes in the Velora Ride app.",
                  "Add a widget for the {feature}.", "Show the remaining range in km, not only the battery level."),
        ),
        "battery": dict(
            body=("Please sell a bigger battery for the {model}.", "Add a charge limit setting to protect the battery.",
                  "A battery health report in the app would be great.", "Offer a battery recycling programme.",
                  "Sell a lighter travel charger for the {model}.", "Show charging time left in the app."),
        ),
        "delivery": dict(
            body=("Please send a delivery time slot.", "Offer pickup in store in {city}.",
                  "Use less plastic in the packaging.", "Send a text when the courier is one hour away.",
                  "Let us choose the delivery day at checkout.", "Add a pre-assembly option for deliveries to {city}."),
        ),
    },
    "spam": {
        "general": dict(
            short=("🚀 {crypto} GIVEAWAY! Send any amount and get {mult}x back! Link in bio 👉 {url}",
                   "DM me for promo 📩 We grow your page to {money} real followers in {n} days!",
                   "Buy {money} followers for only ${price}! 100% safe 💯 {url}",
                   "🔥 Velora bikes {off}% OFF today only!!! Claim here: {url}",
                   "Congratulations! You've been selected for a FREE Velora Trail 🎁 Claim it at {url}",
                   "Nice pic! Send it to @{handle} for a feature 📸",
                   "Earn ${money} a week from home, no experience needed. DM me 💰",
                   "Want more likes? Check my profile 😘 @{handle}",
                   "Collab? DM @{handle} 💌 We promote brands to {money}+ followers",
                   "Official Velora outlet ➡️ {url} all bikes {off}% off",
                   "Investment opportunity: turn ${price}0 into ${money} with {crypto} trading. Ask me how!",
                   "Hot deal ➡️ {url} brand e-bikes from ${price}9",
                   "Your account will be suspended! Verify now: {url}",
                   "Follow back? 🙏 f4f l4l @{handle}",
                   "I made ${money} this month thanks to @{handle}, the best {crypto} trader!",
                   "Free gift cards 🎁🎁 {url}", "💸 {crypto} airdrop live now, connect your wallet: {url}",
                   "Get {money} views on your reels in 24h 👉 {url}",
                   "Promo for your page? DM @{handle} for prices 📈",
                   "Cheap Velora Wear jackets {off}% off, only today ➡️ {url}",
                   "Win a Velora City!!! Like, share and register at {url}",
                   "Hello dear, I sent you a DM about a business offer 😊 @{handle}",
                   "Verified badge for only ${price}, DM @{handle}",
                   "Replica e-bikes {off}% cheaper than the shop, WhatsApp me 📲"),
            p_short=1.0, body=("",), p_detail=0.0, p_close=0.0,
            emoji=("🔥", "💯", "🚀", "💰", "✅", "⏰"), p_emoji=0.25,
            tag=("#giveaway", "#crypto #free", "#promo", "#followforfollow", "#ebike #sale", "#win"), p_tag=0.2,
        ),
    },
    "abuse": {
        "general": dict(
            short=("Pathetic company. {ang}", "Clowns. Useless clowns. {ang}", "Worst brand ever, idiots. {ang}",
                   "You people are pathetic. {ang}", "Scam company. Liars. {ang}", "Incompetent fools. {ang}",
                   "Garbage brand, stupid staff. {ang}", "Pathetic excuse for a bike company. {ang}"),
            p_short=0.12,
            open=("Wow.", "Honestly,", "Hey Velora,", "Listen,", "Newsflash:", "Seriously,", "Let's be clear,",
                  "Ok so", "Dear so-called support,", "To whoever runs this page:", "Pathetic."),
            p_open=0.55,
            body=("Your support team are a bunch of clueless idiots.", "What a pathetic excuse for a company.",
                  "You sell overpriced garbage and call it premium. Pathetic.",
                  "Whoever designed the Velora Ride app should be fired, it's garbage.",
                  "Your staff are incompetent clowns.", "Stop lying to your customers, you frauds.",
                  "The people running this page are useless.", "This company is a scam run by amateurs.",
                  "Your community manager is a pathetic liar.", "Worst brand ever, total clowns.",
                  "You idiots can't even answer a simple email.",
                  "Absolute garbage company with absolute garbage service. Pathetic.",
                  "Your so-called experts know nothing about bikes. Clueless.",
                  "Nobody cares about your stupid marketing.", "You are the dumbest company I've ever dealt with.",
                  "Your dealer in {city} is a rude, incompetent fool.",
                  "Hire people with a brain for once, idiots.", "Your bikes are junk and your staff are worse. Losers.",
                  "Stop deleting comments, you cowards.", "Fire your whole support team, they're useless.",
                  "Another stupid firmware update from a clueless team.", "You're liars and everyone knows it."),
            detail=("Shame on you.", "Losers.", "Disgusting.", "Go out of business already.", "Clowns.", "Pathetic.",
                    "Idiots.", "Hopeless.", "Never buying from you frauds again.", "What a disgrace.",
                    "Stupid company."),
            p_detail=0.55, close=("🤡", "🤮", "🤡🤡", "👎", "🙄"), p_close=0.25, caps=0.05, shout=0.1, bang=0.2,
            typo=0.08,
        ),
        "jacket_leak": dict(
            body=("Your leaking jackets are garbage and so are you.", "Sell another leaking jacket, you clowns.",
                  "Idiots can't even tape a seam. Pathetic.", "Garbage jackets, garbage support, garbage brand.",
                  "You knew the jackets leaked and sold them anyway. Liars.",
                  "Who tested the {jacket}, a bunch of clueless amateurs? Pathetic idiots.",
                  "Your 'waterproof' {jacket} is a scam and your staff are frauds.",
                  "Stop posting cute bikes and refund the jackets, you pathetic clowns."),
        ),
    },
}

# --- Italian ----------------------------------------------------------------------------------------------------

_IT_EMOJI_HAPPY = ("😍", "🚲💨", "🙌", "💚", "👏", "😊", "🥳", "✨")
_IT_EMOJI_ANGRY = ("😡", "😤", "👎", "😠", "🙄", "😡😡")

_IT: dict[str, dict[str, dict]] = {
    "question": {
        "general": dict(
            short=("Prezzo della {model}?", "Disponibile a {city}?", "Spedite a {city}?", "Autonomia della {model}?",
                   "La {model} c'è in {color}?", "C'è lo sconto studenti sulla {model}?", "Negozi a {city}?"),
            p_short=0.08,
            open=("Ciao!", "Buongiorno,", "Salve,", "Ciao a tutti,", "Domanda veloce:", "Ciao Velora,", "Scusate,",
                  "Buonasera,", "Ciao ragazzi,", "Una domanda:", "Ciao, scrivo da {city}."),
            p_open=0.6,
            body=("La {model} è disponibile in taglia {size}?",
                  "Qual è l'autonomia reale della {model} in modalità eco?",
                  "Si può montare un seggiolino per bambini sulla {model}?",
                  "C'è un negozio a {city} dove provare la {model}?", "Quanto ci vuole per la consegna a {city}?",
                  "La garanzia copre anche {part}?", "Ogni quanto va fatto il tagliando alla {model}?",
                  "Dove trovo {feature} nell'app Velora Ride?", "Come si entra nel programma Velora Crew?",
                  "Ci sono uscite dei Velora Riders a {city}?",
                  "La batteria della {model} si può togliere per caricarla in casa?",
                  "Posso usare la {model} tutti i giorni per un tragitto di {km} km?",
                  "Quando torna disponibile la {model} color {color}?",
                  "Che pressione consigliate per le gomme della {model}?", "C'è uno sconto per studenti?",
                  "Che differenza c'è tra la Velora City e la Velora Trail?",
                  "Si può portare la {model} in treno?"),
            detail=("Abito a {city}.", "Faccio circa {km} km al giorno.", "Sono alto {cm} cm.",
                    "Nel manuale non l'ho trovato.", "Ho cercato sul forum ma niente.", "È per un regalo.",
                    "Ho già una {model}.", "Il mio tragitto ha parecchie salite."),
            p_detail=0.5, close=("Grazie!", "Grazie mille.", "Grazie in anticipo 🙏", "Qualcuno sa?", "Ciao!",
                                 "Grazie :)"),
            p_close=0.5, typo=0.12, swap=0.2,
        ),
        "jacket_leak": dict(
            body=("C'è un richiamo per la {jacket}? La mia perde dalle cuciture.",
                  "Come faccio ad avere il rimborso della {jacket}?",
                  "La {jacket} che perde la sostituite o la rimborsate?",
                  "Sono coinvolti tutti i lotti della {jacket} o solo alcuni?",
                  "Posso restituire la {jacket} in un negozio a {city}?",
                  "Quanto tempo ci vuole per il rimborso della {jacket}?",
                  "Chi paga la spedizione per il reso della {jacket}?",
                  "Il nuovo lotto della {jacket} è stato corretto o perde ancora?",
                  "Serve lo scontrino per il reso? Ordine {order}."),
            detail=("L'ho comprata {weeks} settimane fa.", "Ordine {order}.",
                    "Dopo {km} km sotto la pioggia ero fradicio.",
                    "Ho scritto all'assistenza {weekday} ma niente.", "L'acqua entra dalle spalle."),
        ),
        "first_ride": dict(
            body=("Come si partecipa a #FirstRideVelora?",
                  "Posso partecipare a #FirstRideVelora con un video su TikTok?",
                  "Quando annunciate i vincitori di #FirstRideVelora?",
                  "Vale anche per #FirstRideVelora se la {model} è usata?",
                  "La mia {model} arriva la settimana prossima, #FirstRideVelora è ancora attivo?",
                  "Bisogna taggare Velora per #FirstRideVelora?"),
        ),
        "app": dict(
            body=("Come si aggiorna il firmware dall'app Velora Ride?",
                  "Perché l'app non mi mostra più il livello della batteria?",
                  "Dove trovo {feature} nella nuova versione dell'app?",
                  "Il firmware {fw} si può installare sulla {model}?",
                  "Si può usare l'app Velora Ride senza account?",
                  "Come importo un percorso GPX nell'app?"),
        ),
        "battery": dict(
            body=("Quanti cicli di ricarica dura la batteria della {model}?",
                  "Si può lasciare la batteria in carica tutta la notte?",
                  "Posso tenere la batteria in garage d'inverno?", "Quanto ci mette una ricarica completa?",
                  "Meglio caricare fino al 100% o fermarsi all'80%?",
                  "Perché d'inverno l'autonomia cala così tanto?"),
        ),
        "delivery": dict(
            body=("Quando parte l'ordine {order}?", "Posso cambiare l'indirizzo di consegna dell'ordine {order}?",
                  "Consegnate a {city}?", "La {model} arriva già montata?",
                  "Posso ritirare l'ordine nel negozio di Torino?",
                  "Il tracking dell'ordine {order} è fermo da {day}, è normale?"),
        ),
    },
    "complaint": {
        "general": dict(
            short=("Ancora nessuna risposta. {ang}", "Assistenza pessima. {ang}",
                   "Delusissimo dalla mia {model}. {ang}",
                   "Di nuovo rotta. {ang}", "Servizio vergognoso. {ang}"),
            p_short=0.08,
            open=("Molto deluso.", "Sono davvero arrabbiato.", "Che delusione.", "Basta!", "Non ci siamo.",
                  "Pessima esperienza.", "Sinceramente sono stufo.", "Ma scherziamo?", "Vergognoso.",
                  "Ennesimo problema.", "Cara Velora,"),
            p_open=0.6,
            body=("La mia {model} ha già un problema con {part} dopo solo {weeks} settimane.",
                  "L'app Velora Ride si blocca ogni volta che apro {feature}.",
                  "Ho scritto tre email all'assistenza e nessuno mi ha risposto.",
                  "Aspetto da {weeks} settimane un semplice pezzo di ricambio.",
                  "Dopo l'ultimo aggiornamento la {model} non si accende più.",
                  "L'autonomia della batteria è molto inferiore a quella dichiarata.",
                  "Il negozio di {city} si è rifiutato di controllare la mia {model}.",
                  "L'ordine {order} non è ancora arrivato e il tracking è fermo da {day}.",
                  "Ho pagato una bici premium che è in riparazione da {weeks} settimane.",
                  "Il caricabatterie ha smesso di funzionare e nessuno sa dirmi quando arriva quello nuovo.",
                  "Il display della {model} segna l'errore {code} ogni mattina.",
                  "Mi avete fatto pagare una riparazione che doveva essere in garanzia."),
            detail=("Per una bici di questo prezzo è inaccettabile.", "Mi aspettavo molto di più.",
                    "Sembra che a nessuno importi.", "Sto perdendo la pazienza.",
                    "Faccio {km} km al giorno, mi serve la bici.",
                    "Servizio clienti pessimo.", "Il chatbot non serve a niente.",
                    "Cliente dal {year}, che delusione."),
            p_detail=0.55,
            close=("Rivoglio i miei soldi.", "Sistemate questa cosa.", "Mai più.", "Che vergogna.", "Delusissimo.",
                   "Inaccettabile."),
            p_close=0.5, emoji=_IT_EMOJI_ANGRY, p_emoji=0.2, shout=0.06, bang=0.15, typo=0.12,
        ),
        "jacket_leak": dict(
            short=("RIMBORSO SUBITO. {ang}", "Giacca che perde, vergogna. {ang}", "Altro che impermeabile. {ang}"),
            p_short=0.08,
            open=("Furioso.", "Complimenti, eh.", "Altra giacca che perde.", "Stesso problema di tutti.", "Vergogna.",
                  "Sono arrabbiatissimo.", "Ma vi sembra normale?", "Ridicolo."),
            body=("La mia {jacket} fa entrare acqua dalle cuciture dopo {weeks} settimane.",
                  "Sono arrivato al lavoro a {city} completamente fradicio: le cuciture della {jacket} non tengono.",
                  "Altro che impermeabile: la {jacket} perde dalle cuciture a ogni pioggia.",
                  "Il nastro delle cuciture della {jacket} si sta staccando e l'acqua passa sulle spalle.",
                  "Seconda {jacket}, stesso problema alle cuciture. È un difetto di progettazione.",
                  "Voglio il rimborso completo della {jacket}, ordine {order}.",
                  "Ho speso un sacco di soldi per una {jacket} che si bagna dentro dopo poche settimane.",
                  "Scrivo da {n} giorni all'assistenza per la {jacket} che perde e nessuno risponde.",
                  "Mi offrite un codice sconto per una {jacket} difettosa? Ridicolo."),
            detail=("Rivoglio i miei soldi.", "Pubblicità ingannevole.", "Come ha fatto a passare i controlli qualità?",
                    "Niente buoni sconto, voglio il rimborso.", "Dall'assistenza solo risposte copia-incolla."),
            close=("RIMBORSO SUBITO.", "Vergogna.", "Mai più Velora Wear.", "Che schifo.", "#VeloraLeaks"),
            emoji=("😡", "☔😤", "😡😡", "💧😠"), p_emoji=0.25,
        ),
        "first_ride": dict(
            body=("La bici è arrivata troppo tardi per #FirstRideVelora. Che delusione.",
                  "Il mio post per #FirstRideVelora non l'avete nemmeno condiviso.",
                  "Primo giro e il display segna l'errore {code}. Pessimo inizio.",
                  "Scatola rovinata e {bent} storto: niente #FirstRideVelora per me."),
        ),
        "app": dict(
            body=("L'app Velora Ride va in crash ogni volta che apro {feature}.",
                  "Dal firmware {fw} l'app perde continuamente la connessione con la {model}.",
                  "L'aggiornamento del firmware si è interrotto a metà e ora il display è spento.",
                  "L'app mi ha disconnesso e ho perso tutto lo storico delle uscite.",
                  "L'app segnava {pct}% di batteria e la bici si è spenta dopo {km} km."),
        ),
        "battery": dict(
            body=("La batteria della {model} passa dal 100% al {pct}% in {km} km. Non è normale.",
                  "D'inverno l'autonomia è ridicola, a malapena {km} km.",
                  "La batteria non si carica oltre il {pct}%.",
                  "Il caricabatterie si è surriscaldato e non funziona più.",
                  "Una batteria nuova costa una fortuna. Assurdo."),
        ),
        "delivery": dict(
            body=("L'ordine {order} è in ritardo di {n} giorni e nessuno risponde.",
                  "Il pacco è arrivato danneggiato e {bent} è storto.",
                  "Il corriere ha lasciato la mia {model} sotto la pioggia davanti alla porta.",
                  "Ho pagato la spedizione express e ho aspettato {weeks} settimane.",
                  "Consegna annullata due volte senza spiegazioni."),
        ),
    },
    "praise": {
        "general": dict(
            short=("Adoro la mia {model}! {hap}", "Bici fantastica {hap}", "Che bel giro oggi a {city}! {hap}",
                   "Top! {hap}", "Bravissimi! {hap}"),
            p_short=0.1,
            open=("Che spettacolo!", "Innamorato!", "Grazie Velora!", "Felicissimo!", "Fantastica!",
                  "Complimenti al team!", "Bellissima!", "Top!", "Sono entusiasta.", "Che bici!"),
            p_open=0.6,
            body=("La mia {model} rende un piacere i {km} km per andare al lavoro a {city}.",
                  "Con la {model} le salite di {city} non le sento più.",
                  "L'assistenza mi ha risolto il problema con {part} in {n} giorni, gentilissimi.",
                  "Ho fatto {km} km nel weekend con la {model} e avevo ancora batteria.",
                  "Con {wear} mi trovo benissimo, anche d'inverno.",
                  "Il negozio di {city} è stato super disponibile.",
                  "L'aggiornamento {fw} ha reso la pedalata assistita ancora più fluida.",
                  "Uscita con la Velora Crew a {city} oggi: gente fantastica.",
                  "Ho venduto la macchina e ora vado ovunque con la {model}.",
                  "La {model} color {color} dal vivo è bellissima.",
                  "Sul forum Velora Riders mi hanno risposto in dieci minuti.",
                  "La mia {model} ha superato i {bigkm} km senza un problema."),
            detail=("Consigliatissima.", "Vale ogni centesimo.", "Non potrei essere più contento.", "Grandi!",
                    "Continuate così!", "Bravi davvero.", "Scelta migliore di sempre."),
            p_detail=0.5, close=("Grazie!", "Grazie mille!", "Bravi!"), p_close=0.2,
            emoji=_IT_EMOJI_HAPPY, p_emoji=0.35, tag=("#Velora", "#VeloraRiders", "#ebike", "#bicielettrica"),
            p_tag=0.15, typo=0.06,
        ),
        "first_ride": dict(
            open=("È arrivata!", "Giorno dell'unboxing!", "Primo giro fatto!", "Finalmente!", "Bici nuova!",
                  "Non vedevo l'ora!", "Che emozione!", "Sogno realizzato!"),
            body=("Appena arrivata la mia {model}: primo giro di {km} km per {city} ed è amore.",
                  "Primo giro con la {model} lungo il fiume a {city}: silenziosa, fluida, divertentissima.",
                  "Unboxing della {model} color {color}: dal vivo è ancora più bella.",
                  "Primo giro fatto! {km} km e un sorriso enorme.",
                  "Prima uscita per andare al lavoro con la {model}, che emozione.",
                  "L'imballaggio, il biglietto del team, il primo giro... tutto perfetto.",
                  "Primo giro in collina sopra {city}: la pedalata assistita è una magia.",
                  "Aprire la scatola della {model} è stato come a Natale.",
                  "Primo giro con i bambini sulla nuova {model}: tutti vogliono provarla!"),
            detail=("Non vedo l'ora di domani.", "Felicissimo.", "Grazie Velora!", "Ne è valsa la pena aspettare.",
                    "Già penso al prossimo giro."),
            tag=("#FirstRideVelora", "#FirstRideVelora #unboxing", "#FirstRideVelora #Velora",
                 "#FirstRideVelora #bicielettrica"),
            p_tag=0.92, p_emoji=0.5,
        ),
        "jacket_leak": dict(
            body=("Grazie per il rimborso veloce della {jacket}, servizio ottimo.",
                  "La {jacket} sostitutiva è arrivata in {n} giorni e finora è asciutta. Grazie!",
                  "Devo dire che il problema delle giacche l'avete gestito bene.",
                  "Il negozio di {city} mi ha cambiato la {jacket} al volo. Gentilissimi."),
        ),
        "app": dict(
            body=("Con il firmware {fw} la pedalata è più fluida, ottimo lavoro!",
                  "L'app Velora Ride migliora a ogni versione, bravi.",
                  "Il pianificatore di percorsi mi ha trovato una strada tranquillissima a {city}."),
        ),
        "battery": dict(
            body=("{longkm} km con una sola ricarica, impressionante!",
                  "Dopo {bigkm} km la batteria è ancora come nuova.",
                  "La batteria estraibile è comodissima da caricare in ufficio."),
        ),
        "delivery": dict(
            body=("Ordinata {weekday} e la {model} è arrivata a {city} due giorni dopo!",
                  "Imballaggio perfetto e corriere gentilissimo.",
                  "Consegna velocissima, la bici era pronta in pochi minuti."),
        ),
    },
    "suggestion": {
        "general": dict(
            short=("Un raduno a {city}, dai!", "Modalità scura nell'app, per favore! {hap}", "La {model} in {color}!"),
            p_short=0.07,
            open=("Idea:", "Un suggerimento:", "Proposta:", "Ciao Velora,", "Una piccola idea:", "Mi piacerebbe:",
                  "Ciao team,", "Lista dei desideri:", "Da un ciclista di {city}:"),
            p_open=0.6,
            body=("Sarebbe utile poter usare {feature} anche offline.", "Aggiungete il colore {color} per la {model}.",
                  "Perché non organizzare un raduno Velora Riders a {city}?",
                  "L'app Velora Ride potrebbe mostrare le colonnine di ricarica lungo il percorso.",
                  "Un pacchetto tagliando invernale per la {model} sarebbe comodo.",
                  "Fate uno sconto su Velora Wear per i membri della Velora Crew.",
                  "Pubblicate le note di rilascio prima di ogni aggiornamento del firmware.",
                  "Una serie di video sulle riparazioni su YouTube aiuterebbe molto.",
                  "Aprite un punto prova a {city}.", "Vendete una seconda batteria in kit per i viaggi lunghi.",
                  "Aggiungete una sezione del forum per chi pedala a {city}."),
            detail=("Pagherei volentieri.", "A {city} saremmo in tanti a volerlo.", "Altri marchi lo fanno già.",
                    "Solo un'idea.", "Sono disponibile a fare da tester.", "Faccio {km} km al giorno, mi servirebbe."),
            p_detail=0.45, close=("Grazie!", "Che ne dite?", "💡", "Ciao!"), p_close=0.4, typo=0.1,
        ),
        "jacket_leak": dict(
            body=("Testate le cuciture sotto la pioggia vera prima di lanciare una giacca.",
                  "Pubblicate i risultati dell'indagine sulle cuciture della {jacket}.",
                  "Scrivete a tutti quelli che hanno comprato la {jacket}, non solo un post su Instagram.",
                  "Fate provare i nuovi capi Velora Wear alla Velora Crew prima del lancio."),
        ),
        "first_ride": dict(
            body=("Fate una mappa con tutti i giri di #FirstRideVelora!",
                  "Mettete in evidenza più ciclisti di {city} in #FirstRideVelora.",
                  "Rifate #FirstRideVelora anche la prossima primavera.",
                  "Fateci votare la foto più bella di #FirstRideVelora."),
        ),
    },
    "spam": {
        "general": dict(
            short=("💰 Guadagna {money}€ a settimana da casa! Scrivimi in DM",
                   "Vuoi più follower? {money} follower reali in {n} giorni 👉 {url}",
                   "🔥 Bici Velora scontate del {off}% solo oggi: {url}",
                   "Complimenti! Hai vinto una Velora Trail gratis 🎁 Riscatta qui: {url}",
                   "Bella foto! Mandala a @{handle} per essere pubblicato 📸",
                   "Regalo in {crypto}: invia quanto vuoi e ricevi il doppio! Link in bio",
                   "Outlet ufficiale Velora ➡️ {url} tutto al {off}% di sconto",
                   "Collaborazione? Scrivi a @{handle} 💌", "Il tuo account sarà sospeso! Verifica subito: {url}",
                   "Ho guadagnato {money}€ con il trading di {crypto}, contatta @{handle}",
                   "Giacche Velora Wear a {price}€, solo oggi ➡️ {url}"),
            p_short=1.0, body=("",), p_detail=0.0, p_close=0.0, emoji=("🔥", "💯", "🚀", "✅"), p_emoji=0.2,
        ),
    },
    "abuse": {
        "general": dict(
            short=("Pagliacci. {ang}", "Incompetenti. {ang}", "Azienda ridicola. {ang}", "Che pena. {ang}"),
            p_short=0.12,
            open=("Ma dai.", "Sinceramente,", "Senti Velora,", "Ditemi voi,", "Ascoltate,", "Ridicoli."),
            p_open=0.55,
            body=("Siete una banda di incompetenti.", "Che azienda ridicola.",
                  "Vendete spazzatura a prezzi da gioielleria.",
                  "Chi ha progettato l'app Velora Ride andrebbe licenziato, fa pena.",
                  "Il vostro servizio clienti è una barzelletta.", "Siete dei pagliacci.",
                  "Smettetela di prendere in giro i clienti, buffoni.", "Questa pagina è gestita da dilettanti.",
                  "La peggior marca di bici che esista.", "Non siete nemmeno capaci di rispondere a una email.",
                  "Il vostro rivenditore di {city} è un maleducato incompetente."),
            detail=("Vergognatevi.", "Pagliacci.", "Che schifo.", "Fallite presto.", "Dilettanti.", "Ridicoli."),
            p_detail=0.5, close=("🤡", "🤮", "👎"), p_close=0.2, shout=0.08, bang=0.2,
        ),
        "jacket_leak": dict(
            body=("Vendete giacche che perdono e pure vi vantate. Ridicoli.",
                  "Non sapete nemmeno sigillare una cucitura, dilettanti.",
                  "Giacche spazzatura e assistenza spazzatura.",
                  "Sapevate che le giacche perdevano e le avete vendute lo stesso. Bugiardi."),
        ),
    },
}

# --- Simplified Chinese -----------------------------------------------------------------------------------------

_ZH_EMOJI_HAPPY = ("😍", "🚲💨", "👍", "💚", "👏", "😊", "🥳", "✨")
_ZH_EMOJI_ANGRY = ("😡", "😤", "👎", "😠", "🙄", "😡😡")

_ZH: dict[str, dict[str, dict]] = {
    "question": {
        "general": dict(
            short=("{model}多少钱？", "{city}有货吗？", "能寄到{city}吗？", "{model}续航多少？", "{model}有{color}吗？",
                   "{model}学生有优惠吗？", "{city}有门店吗？"),
            p_short=0.08,
            open=("你好，", "请问，", "您好，", "问一下，", "各位好，", "打扰一下，", "Velora你好，", "小白求问：",
                  "想咨询一下，", "{city}车友求问："),
            p_open=0.6,
            body=("{model}有{size}码吗？", "{model}在经济模式下实际续航多少？", "{model}可以装儿童座椅吗？",
                  "{city}有可以试骑的门店吗？", "寄到{city}一般要几天？", "保修包括{part}吗？",
                  "{model}多久需要保养一次？", "Velora Ride App里的{feature}在哪里？", "怎么加入Velora Crew大使计划？",
                  "{city}有Velora Riders的骑行活动吗？", "{model}的电池可以拆下来在家充电吗？",
                  "每天通勤{km}公里，{model}够用吗？", "{color}的{model}什么时候补货？", "学生有优惠吗？",
                  "Velora City和Velora Trail有什么区别？", "{model}可以带上地铁吗？"),
            detail=("我在{city}。", "我每天骑大概{km}公里。", "我身高{cm}厘米。", "说明书里没找到。",
                    "论坛搜了一下没找到答案。", "想买来送人。", "我已经有一辆{model}了。", "上班路上坡比较多。"),
            p_detail=0.5, close=("谢谢！", "先谢谢了🙏", "求解答", "有人知道吗？", "谢谢～"), p_close=0.5, swap=0.25,
        ),
        "jacket_leak": dict(
            body=("{jacket}会召回吗？我的接缝漏水。", "{jacket}漏水怎么申请退款？", "漏水的{jacket}是换新还是退款？",
                  "是所有批次的{jacket}都有接缝问题吗？", "可以在{city}的门店退{jacket}吗？", "{jacket}退款要多久？",
                  "退{jacket}的运费谁出？", "新批次的{jacket}修好了吗？还会漏吗？", "退货需要小票吗？订单号{order}。"),
            detail=("{weeks}周前买的。", "订单号{order}。", "在{city}骑了{km}公里就湿透了。", "{day}发邮件到现在没人回。",
                    "肩膀那里一直进水。"),
        ),
        "first_ride": dict(
            body=("怎么参加#FirstRideVelora活动？", "#FirstRideVelora可以发抖音视频吗？",
                  "#FirstRideVelora什么时候公布获奖名单？", "二手的{model}也能参加#FirstRideVelora吗？",
                  "我的{model}下周才到，#FirstRideVelora还来得及吗？", "参加#FirstRideVelora需要@Velora吗？"),
        ),
        "app": dict(
            body=("怎么通过Velora Ride App升级固件？", "为什么App不显示电量了？", "新版App里的{feature}在哪里？",
                  "{model}可以装{fw}版本的固件吗？", "不注册账号能用Velora Ride App吗？", "怎么把GPX路线导入App？"),
        ),
        "battery": dict(
            body=("{model}的电池能充多少次？", "电池可以整夜充电吗？", "冬天电池能放在车库里吗？", "充满一次要多久？",
                  "充到100%好还是充到80%就停？", "为什么冬天续航掉得这么厉害？"),
        ),
        "delivery": dict(
            body=("订单{order}什么时候发货？", "订单{order}可以改收货地址吗？", "能送到{city}吗？", "{model}到货是装好的吗？",
                  "可以去门店自提吗？", "订单{order}的物流从{day}就没动过，正常吗？"),
        ),
    },
    "complaint": {
        "general": dict(
            short=("还是没人回复。{ang}", "客服太差了。{ang}", "对{model}太失望了。{ang}", "又坏了。{ang}", "差评！{ang}"),
            p_short=0.08,
            open=("太失望了。", "真的很生气！", "无语了。", "服了。", "什么情况？", "体验太差了。", "受够了！",
                  "又出问题了。", "说实话很失望，"),
            p_open=0.6,
            body=("我的{model}才骑了{weeks}周，{part}就出问题了。", "Velora Ride App一打开{feature}就闪退。",
                  "给客服发了三封邮件，一个回复都没有。", "一个小配件等了{weeks}周还没到。",
                  "固件升级以后{model}就开不了机了。", "续航比宣传的差太多了。", "{city}的门店拒绝帮我检查{model}。",
                  "订单{order}到现在还没收到，物流从{day}就没更新过。", "花大价钱买的车，修了{weeks}周还没修好。",
                  "充电器坏了，没人能告诉我新的什么时候发货。", "{model}的显示屏每天早上都报{code}错误。",
                  "保修期内的维修居然让我自己付钱。"),
            detail=("这个价位出这种问题，完全不能接受。", "本来期待很高。", "好像根本没人在乎。", "耐心快没了。",
                    "我每天要骑{km}公里上班，急用。", "客服太差了。", "智能客服完全没用。"),
            p_detail=0.55, close=("退钱！", "赶紧解决。", "再也不买了。", "差评。", "太让人失望了。"), p_close=0.5,
            emoji=_ZH_EMOJI_ANGRY, p_emoji=0.2, bang=0.15,
        ),
        "jacket_leak": dict(
            short=("马上退款！{ang}", "雨衣漏水，差评！{ang}", "说好的防水呢？{ang}"),
            p_short=0.08,
            open=("气死了！", "又一件漏水的。", "和大家一样的问题。", "太离谱了。", "真的服了，", "愤怒！"),
            body=("我的{jacket}才穿了{weeks}周，接缝处就漏水。", "在{city}骑车回家，{jacket}接缝漏水，全身湿透。",
                  "说好的防水呢？{jacket}一下雨接缝就渗水。", "{jacket}的压胶条脱落了，肩膀那里一直进水。",
                  "换了第二件{jacket}，还是同样的接缝漏水问题，这是设计缺陷吧。", "我要求{jacket}全额退款，订单号{order}。",
                  "花那么多钱买的{jacket}，几周就漏水。", "{jacket}漏水的事找客服{n}天了，没人理。",
                  "{jacket}有质量问题，就给个优惠券打发人？"),
            detail=("必须退款！", "这是虚假宣传。", "质检是怎么通过的？", "不要优惠券，我要退款。", "客服只会复制粘贴。"),
            close=("马上退款！", "太丢人了。", "再也不买Velora Wear了。", "#VeloraLeaks"),
            emoji=("😡", "☔😤", "😡😡", "💧😠"), p_emoji=0.25,
        ),
        "first_ride": dict(
            body=("车到得太晚，没赶上#FirstRideVelora，很失望。", "我发的#FirstRideVelora帖子根本没人转发。",
                  "第一次骑显示屏就报{code}错误，开局太差了。", "箱子压坏了，{bent}也弯了，#FirstRideVelora泡汤了。"),
        ),
        "app": dict(
            body=("Velora Ride App一打开{feature}就闪退。", "升级到{fw}以后App老是断开和{model}的连接。",
                  "固件升级到一半失败了，现在显示屏黑屏。", "App把我登出了，骑行记录全没了。",
                  "App显示还有{pct}%电，骑了{km}公里车就没电了。"),
        ),
        "battery": dict(
            body=("{model}的电池骑{km}公里就从100%掉到{pct}%，这不正常。", "冬天续航太差了，最多{km}公里。",
                  "电池充不到{pct}%以上。", "充电器发烫后就坏了，太吓人了。", "换一块新电池贵得离谱。"),
        ),
        "delivery": dict(
            body=("订单{order}已经晚了{n}天，没人回复。", "箱子到的时候就破了，{bent}也弯了。",
                  "快递员把我的{model}放在门口淋雨。", "付了加急运费还等了{weeks}周。", "配送无缘无故被取消了两次。"),
        ),
    },
    "praise": {
        "general": dict(
            short=("太爱我的{model}了！{hap}", "好车！{hap}", "今天在{city}骑得太爽了！{hap}", "满分！{hap}",
                   "给Velora点赞！{hap}"),
            p_short=0.1,
            open=("太爱了！", "谢谢Velora！", "超开心！", "太棒了！", "给团队点赞！", "真心推荐！", "好车！", "满分！",
                  "必须夸一下，"),
            p_open=0.6,
            body=("每天骑{model}通勤{km}公里，太享受了。", "有了{model}，{city}的坡再也不怕了。",
                  "客服{n}天就帮我解决了{part}的问题，态度超好。", "周末骑了{km}公里，电量还有剩。",
                  "{wear}整个冬天都很好用。", "{city}门店的工作人员特别专业。", "固件{fw}升级后助力顺滑多了。",
                  "今天参加了{city}的Velora Crew骑行，大家都很友好。", "{color}的{model}实物比图片还好看。",
                  "在Velora Riders论坛提问，十分钟就有人回答。", "我的{model}已经骑了{bigkm}公里，一点毛病都没有。"),
            detail=("强烈推荐。", "物超所值。", "非常满意。", "继续加油！", "细节做得很好。", "买得太值了。"),
            p_detail=0.5, close=("谢谢！", "爱了爱了！"), p_close=0.2, emoji=_ZH_EMOJI_HAPPY, p_emoji=0.35,
            tag=("#Velora", "#VeloraRiders", "#电助力自行车"), p_tag=0.12,
        ),
        "first_ride": dict(
            open=("到货啦！", "开箱日！", "第一次骑行打卡！", "终于等到了！", "新车到手！", "太激动了！"),
            body=("{model}终于到了！第一次骑了{km}公里，在{city}转了一圈，太开心了。", "开箱{color}的{model}，实物比照片还好看！",
                  "第一次骑{model}上班，安静又顺滑。", "第一次骑行完成：{km}公里，一路笑着回来。",
                  "包装、团队的手写卡片、第一次骑行……每个细节都很用心。", "开箱的感觉就像过年拆礼物。",
                  "第一次骑{model}去{city}郊外爬坡，助力太神奇了。", "和孩子一起第一次骑新车，全家都抢着骑！"),
            detail=("明天通勤有盼头了。", "太满意了。", "谢谢Velora！", "等了这么久，值了。", "已经在计划下一次骑行了。"),
            tag=("#FirstRideVelora", "#FirstRideVelora #开箱", "#FirstRideVelora #Velora"), p_tag=0.92, p_emoji=0.5,
        ),
        "jacket_leak": dict(
            body=("{jacket}的退款很快就到了，服务很好。", "换的新{jacket}{n}天就到了，目前没再漏水，谢谢！",
                  "说实话，雨衣的问题处理得挺好。", "{city}门店当场给我换了{jacket}，很贴心。"),
        ),
        "app": dict(
            body=("固件{fw}升级后助力顺滑多了，赞！", "Velora Ride App越来越好用了。", "路线规划帮我在{city}找到了一条很安静的路。"),
        ),
        "battery": dict(
            body=("一次充电骑了{longkm}公里，厉害！", "骑了{bigkm}公里，电池还跟新的一样。", "电池可以拆下来在办公室充，太方便了。"),
        ),
        "delivery": dict(
            body=("{weekday}下单，两天后{model}就送到{city}了！", "包装完美，快递小哥也很客气。", "发货很快，几分钟就能骑了。"),
        ),
    },
    "suggestion": {
        "general": dict(
            short=("在{city}办个线下活动吧！", "App出个深色模式吧{hap}", "{model}出{color}吧！"),
            p_short=0.07,
            open=("建议：", "提个建议，", "小建议：", "Velora你好，", "希望可以：", "许个愿：", "{city}车友建议："),
            p_open=0.6,
            body=("希望{feature}可以离线使用。", "{model}能不能出{color}？", "可以在{city}办一次Velora Riders线下活动吗？",
                  "App里可以显示路线上的充电桩吗？", "出一个{model}冬季保养套餐吧。",
                  "Velora Crew成员买Velora Wear能不能打折？", "每次固件升级前先公布更新说明。",
                  "在B站或YouTube出一些维修教程视频吧。", "在{city}开一个试骑点吧。", "出一个第二块电池的长途套装。",
                  "论坛可以加一个{city}车友版块。"),
            detail=("我愿意付费。", "{city}很多车友都想要。", "别的品牌已经有了。", "只是个想法。", "可以找我内测。"),
            p_detail=0.45, close=("谢谢！", "大家觉得呢？", "💡"), p_close=0.4,
        ),
        "jacket_leak": dict(
            body=("新雨衣上市前请在真实雨天测试接缝。", "请公布{jacket}接缝问题的调查结果。",
                  "给每位买了{jacket}的用户发邮件，不要只在社交媒体发个帖子。", "新的Velora Wear上市前先让Velora Crew试穿。"),
        ),
        "first_ride": dict(
            body=("做一张#FirstRideVelora全球骑行地图吧！", "#FirstRideVelora多展示一些{city}的车友。",
                  "明年春天再办一次#FirstRideVelora。", "让大家投票选出最佳#FirstRideVelora照片。"),
        ),
    },
    "spam": {
        "general": dict(
            short=("💰在家兼职，日赚{money}元，加微信{wx}", "涨粉：{money}真粉{n}天到账👉 {url}",
                   "🔥Velora电动车限时{zhe}折，点击领取：{url}", "恭喜你获得免费Velora Trail一辆🎁 领取链接：{url}",
                   "{crypto}空投！转多少返两倍！{url}", "正品代购，全场低至{zhe}折，私信我",
                   "你的账号存在异常，请立即验证：{url}", "互粉互赞，回关必回🙏 @{handle}",
                   "数字货币带单，稳赚不赔，联系@{handle}", "Velora Wear雨衣{price}元清仓，加微信{wx}"),
            p_short=1.0, body=("",), p_detail=0.0, p_close=0.0, emoji=("🔥", "💯", "🚀", "✅"), p_emoji=0.2,
        ),
    },
    "abuse": {
        "general": dict(
            short=("垃圾公司。{ang}", "一群外行。{ang}", "可笑。{ang}", "丢人现眼。{ang}", "什么破品牌。{ang}"),
            p_short=0.12,
            open=("呵呵，", "说真的，", "笑死，", "Velora，", "服了，"),
            p_open=0.5,
            body=("你们客服就是一群摆设。", "垃圾公司，垃圾服务。", "卖这么贵的垃圾还好意思叫高端。",
                  "做Velora Ride App的人都该被开除。", "你们就是个笑话。", "一群外行在管这个账号。",
                  "别再骗消费者了，骗子。", "史上最差的自行车品牌。", "连封邮件都回不了，真无能。",
                  "你们的小编除了复制粘贴还会什么？", "{city}那家店的人又没礼貌又不专业。",
                  "删差评倒是挺快，解决问题一点不会。", "{model}卖这个价，服务却这么烂，真可笑。",
                  "你们的所谓专家根本不懂车。", "这种公司也配叫高端品牌？"),
            detail=("丢人。", "可笑。", "早点倒闭吧。", "一群骗子。", "真丢人。", "一群外行。", "太无能了。"),
            p_detail=0.5, close=("🤡", "🤮", "👎"), p_close=0.2, bang=0.2,
        ),
        "jacket_leak": dict(
            body=("漏水的雨衣也敢卖，脸都不要了。", "连个接缝都压不好，一群外行。", "垃圾雨衣配垃圾客服。",
                  "明知道雨衣漏水还继续卖，骗子。"),
        ),
    },
}


# ---------------------------------------------------------------------------------------------------------------
# Compilation at import
# ---------------------------------------------------------------------------------------------------------------

_SLOT_RE = re.compile(r"\{(\w+)\}")


def _compile(text: str, fill: dict[str, Filler]):
    """A template becomes its text (no slots) or (literal pieces, filler functions)."""
    pieces = _SLOT_RE.split(text)
    if len(pieces) == 1:
        return text
    return tuple(pieces[0::2]), tuple(fill[name] for name in pieces[1::2])


def _render(template, nxt) -> str:
    if template.__class__ is str:
        return template
    lits, fns = template
    out = lits[0]
    i = 1
    for fn in fns:
        out += fn(nxt()) + lits[i]
        i += 1
    return out


_DEFAULTS = dict(short=(), p_short=0.0, open=(), p_open=0.0, body=("",), detail=(), p_detail=0.0, extra=(),
                 p_extra=0.0, close=(), p_close=0.0, emoji=(), p_emoji=0.0, tag=(), p_tag=0.0, caps=0.0,
                 shout=0.0, bang=0.0, lower=0.0, typo=0.0, swap=0.0)

_PART_KEYS = ("short", "open", "body", "detail", "extra", "close", "emoji", "tag")


class _Spec:
    __slots__ = tuple(_DEFAULTS) + ("sep", "lang", "lower_after")

    def __init__(self, raw: dict, lang: str):
        fill = dict(_FILLERS[lang])
        # {hap} / {ang}: an emoji (or nothing) inside short messages
        fill["hap"] = _one_of(*({"en": _EN_EMOJI_HAPPY, "it": _IT_EMOJI_HAPPY, "zh": _ZH_EMOJI_HAPPY}[lang] + ("",)))
        fill["ang"] = _one_of(*({"en": _EN_EMOJI_ANGRY, "it": _IT_EMOJI_ANGRY, "zh": _ZH_EMOJI_ANGRY}[lang] + ("",)))
        for key, default in _DEFAULTS.items():
            value = raw.get(key, default)
            if key in _PART_KEYS:
                value = tuple(_compile(t, fill) for t in value)
            setattr(self, key, value)
        if not self.detail:
            self.p_detail = 0.0
        if not self.extra:
            self.p_extra = 0.0
        self.sep = "" if lang == "zh" else " "
        self.lang = lang
        # openers after which the next sentence starts in lower case ("Hi all, does ..."; Italian "Idea: fate ...")
        # (never in Chinese: "\0" ends no opener)
        self.lower_after = {"en": (",", " so", "Ok"), "it": (",", ":"), "zh": ("\0",)}[lang]


def _build(table: dict[str, dict[str, dict]], lang: str) -> dict[tuple[str, str], _Spec]:
    specs = {}
    for intent in INTENTS:
        general = table[intent]["general"]
        for topic in TOPICS:
            raw = table[intent].get(topic)
            if raw is None:
                raw = general
            elif topic != "general":
                raw = {**general, **raw}
            specs[intent, topic] = _Spec(raw, lang)
    return specs


_SPECS = {"en": _build(_EN, "en"), "it": _build(_IT, "it"), "zh": _build(_ZH, "zh")}

# Words that keep their capital after an opener ending in a comma ("Hi all, Velora City ..." not "velora").
_KEEP_CAPITAL = {
    "en": ("I ", "I'", "Velora", "Strava", "YouTube", "Turin", "Christmas") + _EN_CITIES,
    "it": ("Velora", "YouTube", "Torino", "Milano", "Bologna", "Genova", "Firenze", "Roma", "Verona", "Bergamo",
           "Padova", "Trento", "Brescia", "Novara", "Cuneo", "Pinerolo", "Lione", "Monaco"),
    "zh": (),
}

# Typos a hurried writer makes (English and Italian chat style). One is applied when it fits.
_TYPOS = {
    "en": (("the ", "teh "), ("you", "u"), ("because", "bc"), ("really", "realy"), ("received", "recieved"),
           ("weeks", "weks"), ("jacket", "jaket"), ("battery", "batery"), ("definitely", "definately"),
           ("please", "pls"), ("Thanks", "Thnx"), ("thanks", "thx"), ("with", "wiht"), ("about", "abt"),
           ("and ", "adn "), ("there", "their"), ("It's", "Its"), ("it's", "its"), ("doesn't", "doesnt"),
           ("can't", "cant"), ("I'm", "Im"), ("don't", "dont"), ("weather", "wether"), ("their", "there"),
           ("commute", "comute"), ("support", "suport"), ("should", "shoud"), ("tomorrow", "tommorow")),
    "it": (("perché", "perche"), ("è ", "e' "), ("però", "pero'"), ("non ", "nn "), ("comunque", "cmq"),
           ("per ", "x "), ("che ", "ke "), ("Grazie", "Grz"), ("settimane", "settimae"), ("già", "gia")),
    "zh": (("什么", "啥"), ("的", "滴"), ("这样", "酱紫"), ("谢谢", "3Q")),
}


def _lower_first(text: str, lang: str) -> str:
    if not text or text.startswith(_KEEP_CAPITAL[lang]):
        return text
    return text[0].lower() + text[1:]


def _apply_typo(text: str, lang: str, nxt) -> str:
    pairs = _TYPOS[lang]
    n = len(pairs)
    start = int(nxt() * n)
    for k in range(n):
        wrong_from, wrong_to = pairs[(start + k) % n]
        if wrong_from in text:
            return text.replace(wrong_from, wrong_to, 1)
    return text


def _compose(spec: _Spec, nxt) -> str:
    lang = spec.lang
    if nxt() < spec.p_short:
        seq = spec.short
        text = _render(seq[int(nxt() * len(seq))], nxt).rstrip()
        extras = spec.p_short >= 1.0  # all-short specs (spam) still get emoji and hashtags
    else:
        extras = True
        parts = [_render(spec.body[int(nxt() * len(spec.body))], nxt)]
        if nxt() < spec.p_detail:
            seq = spec.detail
            detail = _render(seq[int(nxt() * len(seq))], nxt)
            if nxt() < spec.swap:
                parts.insert(0, detail)
            elif detail not in parts[0]:
                parts.append(detail)
        if nxt() < spec.p_extra:
            seq = spec.extra
            extra = _render(seq[int(nxt() * len(seq))], nxt)
            if extra not in parts:
                parts.append(extra)
        if nxt() < spec.p_open:
            seq = spec.open
            opener = _render(seq[int(nxt() * len(seq))], nxt)
            if opener.endswith(spec.lower_after):
                parts[0] = _lower_first(parts[0], lang)
            parts.insert(0, opener)
        if nxt() < spec.p_close:
            seq = spec.close
            close = _render(seq[int(nxt() * len(seq))], nxt)
            if close not in parts and close not in parts[-1]:
                parts.append(close)
        if nxt() < spec.shout:
            parts[-1] = parts[-1].upper()
        text = spec.sep.join(parts)
    if spec.bang and nxt() < spec.bang:
        last = text[-1]
        if last == ".":
            text = text[:-1] + ("!!", "!!!", "!")[int(nxt() * 3)]
        elif last == "。":
            text = text[:-1] + "！！"
    if extras and spec.emoji and nxt() < spec.p_emoji:
        seq = spec.emoji
        text += (" " if lang != "zh" else "") + _render(seq[int(nxt() * len(seq))], nxt)
    if spec.tag and nxt() < spec.p_tag:
        seq = spec.tag
        tag = _render(seq[int(nxt() * len(seq))], nxt)
        if "#" not in text or not any(t in text for t in tag.split()):
            text += " " + tag
    if spec.typo and nxt() < spec.typo:
        text = _apply_typo(text, lang, nxt)
    if spec.caps and nxt() < spec.caps:
        text = text.upper()
    elif spec.lower and nxt() < spec.lower:
        text = text.lower().rstrip(".")
    return text


def inbox_text(rng: np.random.Generator, intent: str, language: str, *, topic: str = "general") -> str:
    """One inbox message (comment, mention, DM, review or forum post).

    ``intent`` is one of :data:`INTENTS`, ``language`` one of :data:`LANGUAGES` and ``topic`` one of
    :data:`TOPICS`; a topic that makes no sense for the intent (spam about the jacket leak) falls back to
    ``"general"``. All randomness comes from ``rng``.
    """
    try:
        spec = _SPECS[language][intent, topic]
    except KeyError:
        raise ValueError(f"unknown language/intent/topic: {language!r}, {intent!r}, {topic!r}") from None
    return _compose(spec, _uniforms(rng).__next__)


# ---------------------------------------------------------------------------------------------------------------
# Forum thread titles (English)
# ---------------------------------------------------------------------------------------------------------------

_TITLES: dict[str, dict] = {
    "help": dict(
        prefix=("", "", "", "", "Help: ", "[Help] ", "Question: ", "Urgent: ", "Newbie question: ", "Solved? "),
        body=("{model} display shows error {code}", "Battery drains fast in the cold",
              "Velora Ride app won't pair after firmware {fw}",
              "Squeaky {part} on my {model}", "{model} won't turn on after firmware {fw}",
              "Rattle from the {part} over bumps",
              "Range dropped to {km} km, normal?", "How do I reset the {model} display?", "Charger light blinking red",
              "{part} adjustment on the {model}", "Assist cuts out on hills", "Best tyre pressure for {terrain}",
              "Can't find the {feature} in the app", "Firmware {fw} update stuck at {pct}%",
              "{model} battery won't lock in",
              "Noise from the motor after {bigkm} km", "Which size {item} for {cm} cm?",
              "Warranty claim for the {part}",
              "Rain jacket seams leaking - what to do?", "{feature} shows wrong numbers", "Brake pads for the {model}?",
              "Error {code} after riding in the rain", "{model} frame size at {cm} cm", "Phone mount for the {model}?",
              "Service interval for the {model}", "Theft alert going off at night",
              "Best lock for the {model} in {city}",
              "Child seat on the {model}?", "Replacing the {part} myself", "App shows {pct}% but bike is dead",
              "Lost my {model} keys", "Winter storage of the battery", "Can't update firmware on Android",
              "Shifting problem on the {model}", "Where to service a {model} in {city}?"),
        suffix=("", "", "", "", "", "?", " (help!)", " - any ideas?", " [{model}]"),
    ),
    "ideas": dict(
        prefix=("", "", "", "Idea: ", "[Idea] ", "Feature request: ", "Suggestion: ", "Wish: ", "Poll: "),
        body=("{feature} offline", "Dark mode for the Velora Ride app", "{color} version of the {model}",
              "Longer rear rack for the {model}", "Velora Crew meetup in {city}",
              "Charging stations in the route planner",
              "GPX export from the {feature}", "Bigger battery option for the {model}", "Women's fit {item}",
              "Step-through {model}", "Repair videos on YouTube", "A {city} riders board",
              "Loyalty discount on Velora Wear",
              "Winter service package", "Trade-in for old e-bikes", "Battery health report in the app",
              "Seam-sealed {item} v2", "Share routes with other riders", "Reflective {item}",
              "Lock screen widget for the {feature}",
              "Cargo version of the {model}", "Kids' seat adapter for the {model}", "Test-ride point in {city}",
              "Charge limit setting", "Firmware changelog before updates", "{terrain} assist mode",
              "Monthly {city} group ride", "Velora Crew badges on the forum", "Spare parts shop on the website",
              "{model} in {color} again, please", "Ride challenges in the app ({km} km a week)"),
        suffix=("", "", "", "", " - who's in?", " (vote!)", "?", " +1 if you agree"),
    ),
    "rides": dict(
        prefix=("", "", "", "Ride report: ", "Group ride: ", "[Ride] ", "Photos: ", "Route: "),
        body=("Sunday ride: {km} km around {city}", "{city} group ride on {weekday}", "My {km} km loop from {city}",
              "First ride on the {model} in {city}", "Commute diary: {km} km a day in {city}",
              "{terrain} with the {model}",
              "Rainy {km} km to work in {city}", "Best routes near {city}?", "{city} to the lakes: {km} km",
              "Night ride through {city}", "Velora Crew ride, {city}, {month}", "{bigkm} km on my {model} - a summary",
              "Weekend tour with the {model}: {km} km", "Hills around {city} on the {model}",
              "Breakfast ride in {city}",
              "Winter commuting in {city}", "#FirstRideVelora: {km} km in {city}", "Family ride in {city}",
              "Riverside route in {city}", "Any riders in {city}?", "Coffee ride {city} - {weekday}",
              "{longkm} km on one charge in {city}", "Alpine pass with the {model}", "Sunset loop in {city}"),
        suffix=("", "", "", "", " (photos)", " 🚲", " - join us!", " [{km} km]"),
    ),
    "marketplace": dict(
        prefix=("", "", "FS: ", "WTB: ", "[Sale] ", "[Swap] ", "Selling: ", "Wanted: ", "For sale: "),
        body=("{model} size {size}, {bigkm} km, {city}", "Velora Wear {item} size {size}",
              "{model} in {color}, like new",
              "Spare charger for the {model}", "{item} size {size}, never worn", "{model} battery, {bigkm} km",
              "Rear rack for the {model}", "{model} ({year}), {city}", "Velora Wear {item}, {color}",
              "{model} pedals and saddle", "Child seat for the {model}", "{model} size {size} - {city} pickup",
              "Phone mount and lock bundle", "Velora Wear {item} size {size}, {city}", "Winter tyres for the {model}",
              "Fenders for the {model}", "{model} frame size {size}, {city} area",
              "Velora Wear {item} - swap for size {size}"),
        suffix=("", "", "", "", " - {price}0 EUR", " - price drop", " (SOLD)", " - offers?", " - {city}"),
    ),
}

_TITLE_SPECS = {
    board: {key: tuple(_compile(t, _FILL_EN) for t in parts) for key, parts in spec.items()}
    for board, spec in _TITLES.items()
}


def forum_title(rng: np.random.Generator, board: str) -> str:
    """An English thread title for a Velora Riders board (help, ideas, rides, marketplace)."""
    try:
        spec = _TITLE_SPECS[board]
    except KeyError:
        raise ValueError(f"unknown board {board!r}; expected one of {BOARDS}") from None
    nxt = _uniforms(rng).__next__
    parts = []
    for key in ("prefix", "body", "suffix"):
        seq = spec[key]
        parts.append(_render(seq[int(nxt() * len(seq))], nxt))
    title = "".join(parts)
    if title.endswith("??"):
        title = title[:-1]
    if nxt() < 0.08:
        title = title.lower()
    return title


# ---------------------------------------------------------------------------------------------------------------
# Survey comments: answers to "What should we do better?"
# ---------------------------------------------------------------------------------------------------------------

_BLANK_SHARE = 0.30

_SURVEY_RAW: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "en": {
        "low": dict(
            open=("Honestly,", "Quality first:", "To be blunt,", "Where to start...", "Simple:", "", "", "Please,",
                  "After this year,"),
            body=("Fix the quality problems before launching new products.",
                  "Answer support emails within days, not weeks.",
                  "The rain jacket seams leaked and the refund took forever.",
                  "Stop hiding problems and communicate honestly.",
                  "The Velora Ride app crashes too often.", "Spare parts take far too long to arrive.",
                  "My bike spent {weeks} weeks in repair, that's unacceptable.",
                  "Take complaints seriously instead of sending discount codes.",
                  "The dealer in {city} was rude and unhelpful.", "Firmware updates keep breaking things.",
                  "Be honest about the real battery range.",
                  "Refund the leaking jackets without making people fight for it.",
                  "Your support chatbot is useless, let me talk to a person.",
                  "Test products properly before selling them.",
                  "Moderate the forum, some replies were rude.", "Stop deleting critical comments on Instagram."),
            close=("", "", "", "Very disappointed.", "I expected more.", "Not renewing my Crew membership.",
                   "I won't recommend you until this changes."),
        ),
        "mid": dict(
            open=("Overall okay, but", "Not bad, but", "Decent year, though", "", "", "A few things:", "Mostly fine.",
                  "Good bikes, but"),
            body=("the app could be more stable.", "more service points outside {city}.",
                  "faster replies on the forum.",
                  "cheaper spare parts.", "clearer firmware release notes.",
                  "better communication during the jacket issue.",
                  "more events outside Italy.", "a proper FAQ for the {model}.", "shorter delivery times to {city}.",
                  "more sizes in Velora Wear.", "the {feature} needs work.", "answer DMs at weekends too.",
                  "more group rides in {city}.", "the forum search is hard to use.", "newsletters are too frequent."),
            close=("", "", "", "Otherwise fine.", "Keep improving.", "Thanks."),
        ),
        "high": dict(
            open=("Not much, honestly!", "Love the community.", "Keep it up!", "Very happy overall.",
                  "Hard to say, you're doing great.", "", "", "Small things only:", "Great year!"),
            body=("More group rides in {city}.", "More Velora Crew events.", "A bigger battery option.",
                  "More colours for the {model}.", "Maybe a loyalty discount on Velora Wear.", "More how-to videos.",
                  "Keep the forum friendly.", "More meetups in {city}.", "A {model} with a step-through frame.",
                  "Share more behind-the-scenes content from Turin.", "More #FirstRideVelora style campaigns.",
                  "Offline maps in the app.", "Keep answering as fast as you do.", "Nothing, really."),
            close=("", "", "", "Thanks for everything!", "Love my {model}!", "😊", "Great job."),
        ),
    },
    "it": {
        "low": dict(
            open=("Sinceramente,", "Prima di tutto:", "", "", "Per favore,", "Dopo quest'anno,", "In breve:"),
            body=("Risolvete i problemi di qualità prima di lanciare nuovi prodotti.",
                  "Rispondete alle email in pochi giorni, non in settimane.",
                  "Le cuciture della giacca perdevano e il rimborso è arrivato dopo secoli.",
                  "Siate trasparenti sui problemi.", "L'app Velora Ride si blocca troppo spesso.",
                  "I ricambi arrivano troppo tardi.", "La mia bici è rimasta in riparazione {weeks} settimane.",
                  "Il rivenditore di {city} è stato scortese.",
                  "Gli aggiornamenti del firmware rompono sempre qualcosa.",
                  "Dite la verità sull'autonomia reale della batteria.",
                  "Il chatbot non serve a niente, fatemi parlare con una persona.",
                  "Rimborsate le giacche difettose senza costringere la gente a insistere.",
                  "Prendete sul serio i reclami invece di mandare codici sconto.",
                  "Ho avuto problemi con {part} e nessuno mi ha aiutato."),
            close=("", "", "", "Molto deluso.", "Mi aspettavo di più.", "Così non vi consiglio a nessuno."),
        ),
        "mid": dict(
            open=("Tutto sommato bene, ma", "Non male, però", "", "", "Qualche cosa:", "Bici buone, ma"),
            body=("l'app potrebbe essere più stabile.", "più officine fuori da {city}.",
                  "risposte più veloci sul forum.",
                  "ricambi meno cari.", "note di rilascio più chiare.",
                  "comunicazione migliore sul problema delle giacche.",
                  "consegne più rapide a {city}.", "più taglie per Velora Wear.", "più eventi fuori da Torino.",
                  "una FAQ fatta bene per la {model}.", "{feature} va migliorato.",
                  "rispondete ai DM anche nel weekend.",
                  "più uscite di gruppo a {city}.", "la ricerca del forum è scomoda."),
            close=("", "", "", "Per il resto va bene.", "Grazie.", "Continuate a migliorare."),
        ),
        "high": dict(
            open=("Poco, davvero!", "Adoro la community.", "Continuate così!", "", "", "Solo piccolezze:",
                  "Anno fantastico!", "Molto contento in generale."),
            body=("Più uscite di gruppo a {city}.", "Più eventi della Velora Crew.", "Una batteria più grande.",
                  "Più colori per la {model}.", "Uno sconto fedeltà su Velora Wear.", "Più video tutorial.",
                  "Più raduni a {city}.", "Niente, davvero.", "Una {model} con telaio ribassato.",
                  "Più contenuti dietro le quinte da Torino.", "Altre campagne come #FirstRideVelora.",
                  "Le mappe offline nell'app.", "Continuate a rispondere così in fretta."),
            close=("", "", "", "Grazie di tutto!", "😊", "Adoro la mia {model}!"),
        ),
    },
    "zh": {
        "low": dict(
            open=("说实话，", "首先，", "", "", "今年体验下来，", "简单说："),
            body=("先把质量问题解决了再出新品。", "客服邮件请几天内回复，不要拖几周。", "雨衣接缝漏水，退款等了好久。",
                  "有问题请坦诚沟通。", "Velora Ride App太容易闪退了。", "配件到货太慢了。", "我的车修了{weeks}周。",
                  "{city}的门店服务态度很差。", "固件一升级就出问题。", "续航请按实际情况宣传。",
                  "智能客服没用，请让真人来回答。", "认真对待投诉，别只发优惠券。", "{part}坏了，一直没人帮我解决。"),
            close=("", "", "", "很失望。", "希望改进。", "这样下去不会再推荐了。"),
        ),
        "mid": dict(
            open=("总体还行，但是", "还不错，不过", "", "", "几点建议：", "车不错，但是"),
            body=("App可以更稳定一些。", "{city}以外多开一些维修点。", "论坛回复可以再快一点。", "配件便宜一点。",
                  "固件更新说明写清楚一些。", "雨衣问题的沟通可以更好。", "发货到{city}再快一点。", "Velora Wear多一些尺码。",
                  "{feature}还需要改进。", "周末也回复一下私信。", "{model}的常见问题写得更详细一些。", "在{city}多办骑行活动。"),
            close=("", "", "", "其他都挺好。", "谢谢。", "继续努力。"),
        ),
        "high": dict(
            open=("没什么，挺好的！", "很喜欢这个社区。", "继续加油！", "", "", "都是小事：", "今年很满意！"),
            body=("在{city}多办一些骑行活动。", "多办Velora Crew活动。", "出一个大容量电池。", "{model}多出几个颜色。",
                  "Velora Wear给老用户打折。", "多出一些教程视频。", "多在{city}办线下聚会。", "真的没什么。",
                  "多分享一些都灵总部的幕后故事。", "多办#FirstRideVelora这样的活动。", "App加上离线地图。",
                  "保持现在的回复速度就好。"),
            close=("", "", "", "谢谢！", "😊", "爱我的{model}！"),
        ),
    },
}

_SURVEY = {
    lang: {
        bucket: {key: tuple(_compile(t, _FILLERS[lang]) for t in parts) for key, parts in spec.items()}
        for bucket, spec in buckets.items()
    }
    for lang, buckets in _SURVEY_RAW.items()
}


def survey_comment(rng: np.random.Generator, satisfaction: int, language: str) -> str | None:
    """Answer to "What should we do better?" for a respondent with ``satisfaction`` 1-5; ``None`` when blank."""
    if language not in _SURVEY:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    satisfaction = int(satisfaction)
    if not 1 <= satisfaction <= 5:
        raise ValueError(f"satisfaction must be 1-5, got {satisfaction}")
    nxt = _uniforms(rng).__next__
    if nxt() < _BLANK_SHARE:
        return None
    bucket = "low" if satisfaction <= 2 else "mid" if satisfaction == 3 else "high"
    spec = _SURVEY[language][bucket]
    opener = _render(spec["open"][int(nxt() * len(spec["open"]))], nxt)
    body = _render(spec["body"][int(nxt() * len(spec["body"]))], nxt)
    close = _render(spec["close"][int(nxt() * len(spec["close"]))], nxt)
    if language != "zh" and body:
        if opener.endswith(",") or (language == "it" and opener.endswith(":")):
            body = _lower_first(body, language)
        elif opener.endswith(("but", "though", "però", "ma")):
            body = body[0].lower() + body[1:]
        else:
            body = body[0].upper() + body[1:]
    sep = "" if language == "zh" else " "
    return sep.join(p for p in (opener, body, close) if p)
