"""stance.dates: news dates resolved against the publication day, tested both ways."""
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stance import dates
from stance.dates import date_statement, find_dates, find_event_days, parse_entry_header

SUN_17 = datetime.date(2025, 8, 17)
MON_18 = datetime.date(2025, 8, 18)
TUE_19 = datetime.date(2025, 8, 19)
WED_20 = datetime.date(2025, 8, 20)
MON_SEP_1 = datetime.date(2025, 9, 1)
THU_JAN_2 = datetime.date(2025, 1, 2)
FRI_JAN_10 = datetime.date(2025, 1, 10)


def day(iso: str) -> datetime.date:
    return datetime.date.fromisoformat(iso)


RESOLVED = [
    # today and yesterday
    pytest.param("The minister said today that talks would go on.", WED_20, None,
                 "2025-08-20", "day", id="today"),
    pytest.param("Officials met this morning in Brussels.", WED_20, None,
                 "2025-08-20", "day", id="this-morning"),
    pytest.param("Zelensky spoke to reporters tonight.", WED_20, None,
                 "2025-08-20", "day", id="tonight"),
    pytest.param("Earlier today the Kremlin brushed the plan aside.", WED_20, None,
                 "2025-08-20", "day", id="earlier-today"),
    pytest.param("The envoy said yesterday that a deal was close.", WED_20, None,
                 "2025-08-19", "day", id="yesterday"),
    pytest.param("Leaders talked late last night.", WED_20, None,
                 "2025-08-19", "day", id="last-night"),
    pytest.param("The day before yesterday, Kyiv signalled support.", WED_20, None,
                 "2025-08-18", "day", id="day-before-yesterday"),
    # weekdays
    pytest.param("Trump ruled out ground troops on Tuesday.", WED_20, None,
                 "2025-08-19", "day", id="on-weekday"),
    pytest.param("On Tuesday, Leavitt called air support an option.", TUE_19, None,
                 "2025-08-19", "day", id="weekday-same-as-publication-day"),
    pytest.param("Macron spoke on Wednesday evening.", WED_20, None,
                 "2025-08-20", "day", id="weekday-evening"),
    pytest.param("Merz said Tuesday that Europe would pay its share.", WED_20, None,
                 "2025-08-19", "day", id="weekday-without-on"),
    pytest.param("Starmer hosted the call on Sunday.", MON_18, None,
                 "2025-08-17", "day", id="sunday-in-monday-paper"),
    pytest.param("The talks ended on Monday.", SUN_17, None,
                 "2025-08-11", "day", id="monday-in-sunday-paper"),
    pytest.param("Putin made the offer last Tuesday.", TUE_19, None,
                 "2025-08-12", "day", id="last-weekday-same-day"),
    pytest.param("Putin made the offer last Tuesday.", WED_20, None,
                 "2025-08-12", "day", id="last-weekday-is-the-week-before"),
    pytest.param("At the summit last Friday, the envoy set out terms.", day("2025-08-23"), None,
                 "2025-08-15", "day", id="last-friday-in-saturday-paper"),
    pytest.param("Kyiv replied last Sunday.", MON_18, None,
                 "2025-08-17", "day", id="last-sunday-in-monday-paper"),
    pytest.param("Putin made the offer this past Tuesday.", WED_20, None,
                 "2025-08-19", "day", id="this-past-weekday"),
    pytest.param("Trump met Putin on Tuesday last week.", WED_20, None,
                 "2025-08-12", "day", id="weekday-last-week"),
    pytest.param("At Monday's summit, Trump backed security guarantees.", WED_20, None,
                 "2025-08-18", "day", id="at-possessive-weekday"),
    pytest.param("Trump met Putin on Friday.", MON_SEP_1, None,
                 "2025-08-29", "day", id="weekday-across-month"),
    pytest.param("Nato ministers met on Monday.", THU_JAN_2, None,
                 "2024-12-30", "day", id="weekday-across-year"),
    # weeks and weekends
    pytest.param("The EU agreed the sanctions package last week.", WED_20, None,
                 "2025-08-13", "week", id="last-week"),
    pytest.param("Kyiv said earlier this week it would not cede land.", WED_20, None,
                 "2025-08-18", "week", id="earlier-this-week"),
    pytest.param("Kyiv said earlier this week it would not cede land.", MON_18, None,
                 "2025-08-18", "week", id="earlier-this-week-on-monday"),
    pytest.param("The envoys met at the weekend.", WED_20, None,
                 "2025-08-16", "week", id="at-the-weekend"),
    pytest.param("The envoys met over the weekend.", SUN_17, None,
                 "2025-08-16", "week", id="weekend-in-sunday-paper"),
    pytest.param("Ministers met last weekend.", SUN_17, None,
                 "2025-08-09", "week", id="last-weekend-on-sunday"),
    # months
    pytest.param("The Kremlin hardened its line earlier this month.", WED_20, None,
                 "2025-08-01", "month", id="earlier-this-month"),
    pytest.param("Berlin offered air defence last month.", FRI_JAN_10, None,
                 "2024-12-01", "month", id="last-month-across-year"),
    pytest.param("Zelensky visited Washington in February.", WED_20, None,
                 "2025-02-01", "month", id="in-month"),
    pytest.param("He first floated the idea in December.", FRI_JAN_10, None,
                 "2024-12-01", "month", id="december-in-january-paper"),
    pytest.param("Trump raised tariffs on India in August.", WED_20, None,
                 "2025-08-01", "month", id="in-publication-month"),
    pytest.param("The plan was drafted in May 2024.", WED_20, None,
                 "2024-05-01", "month", id="month-and-year"),
    pytest.param("Sanctions were tightened in mid-July.", WED_20, None,
                 "2025-07-15", "week", id="mid-month"),
    pytest.param("Exports slowed in early July.", WED_20, None,
                 "2025-07-05", "week", id="early-month"),
    # absolute days
    pytest.param("Trump and Putin met in Alaska on 15 August.", WED_20, None,
                 "2025-08-15", "day", id="day-month"),
    pytest.param("The memo, dated August 15th, was leaked.", WED_20, None,
                 "2025-08-15", "day", id="month-day-ordinal"),
    pytest.param("Lavrov spoke on Aug. 14, 2025 in Moscow.", WED_20, None,
                 "2025-08-14", "day", id="abbreviated-month-with-year"),
    pytest.param("The decree signed on 15/08/2025 stands.", WED_20, None,
                 "2025-08-15", "day", id="numeric-day-first"),
    pytest.param("Talks resumed on Tuesday 19 August in Geneva.", WED_20, None,
                 "2025-08-19", "day", id="weekday-and-date"),
    pytest.param("The ceasefire began on 2025-08-01.", WED_20, None,
                 "2025-08-01", "day", id="iso-date"),
    pytest.param("The talks of 28 December collapsed.", datetime.date(2025, 1, 5), None,
                 "2024-12-28", "day", id="day-month-across-year"),
    pytest.param("On the 15th, officials met again.", WED_20, None,
                 "2025-08-15", "day", id="day-of-month"),
    pytest.param("Trump said on 19 August that Europe would lead.", WED_20, None,
                 "2025-08-19", "day", id="day-month-then-would"),
    pytest.param("Prisoners were swapped after talks on May 16. Kyiv said so on May 17.", WED_20,
                 None, "2025-05-17", "day", id="month-day-before-full-stop"),
    # counted back from the publication day
    pytest.param("The proposal surfaced two days ago.", WED_20, None,
                 "2025-08-18", "day", id="days-ago"),
    pytest.param("Kyiv rejected it a week ago.", WED_20, None,
                 "2025-08-13", "week", id="a-week-ago"),
    pytest.param("Talks stalled three weeks ago.", WED_20, None,
                 "2025-07-30", "week", id="weeks-ago"),
    pytest.param("Washington paused aid a month ago.", WED_20, None,
                 "2025-07-01", "month", id="a-month-ago"),
    # anaphora: counted from the anchor
    pytest.param("The envoy had hinted the opposite the day before.", WED_20, TUE_19,
                 "2025-08-18", "day", id="day-before-anchor"),
    pytest.param("The envoy had hinted the opposite the day before.", WED_20, None,
                 "2025-08-19", "day", id="day-before-no-anchor"),
    pytest.param("A day earlier, Rubio struck a softer tone.", WED_20, MON_18,
                 "2025-08-17", "day", id="a-day-earlier"),
    pytest.param("The previous day, he had been more cautious.", WED_20, TUE_19,
                 "2025-08-18", "day", id="the-previous-day"),
    pytest.param("Two days later, Moscow dismissed the idea.", WED_20, datetime.date(2025, 8, 15),
                 "2025-08-17", "day", id="days-later"),
    pytest.param("He repeated the pledge that evening.", WED_20, MON_18,
                 "2025-08-18", "day", id="that-evening"),
    pytest.param("Hours later, the chancellor signed the order.", WED_20, MON_18,
                 "2025-08-18", "day", id="hours-later"),
    pytest.param("Shortly afterwards the Kremlin rejected the idea.", WED_20, MON_18,
                 "2025-08-18", "day", id="shortly-afterwards"),
    pytest.param("A few minutes earlier, the envoy had landed.", WED_20, MON_18,
                 "2025-08-18", "day", id="minutes-earlier"),
    pytest.param("The mayor answered within hours, rejecting the plan.", WED_20, MON_18,
                 "2025-08-18", "day", id="within-hours"),
    pytest.param("The governor replied that same evening.", WED_20, MON_18,
                 "2025-08-18", "day", id="that-same-evening"),
    pytest.param("In the evening the governor conceded the point.", WED_20, MON_18,
                 "2025-08-18", "day", id="in-the-evening"),
    # a background word closed by its year leaves the day after it alone
    pytest.param("The first talks between the two sides since 2022 ended on Tuesday.", WED_20, None,
                 "2025-08-19", "day", id="since-year-then-day"),
    # words said straight after an event were said on its day
    pytest.param("Starmer announced after Sunday's summit that Britain would lead.", WED_20, None,
                 "2025-08-17", "day", id="said-right-after-an-event"),
    pytest.param("Rubio told reporters after talks on Monday that sanctions stayed.", WED_20, None,
                 "2025-08-18", "day", id="told-reporters-after"),
    pytest.param("Trade grew in late August.", day("2025-08-25"), None,
                 "2025-08-24", "week", id="late-month-already-begun"),
    pytest.param("Trade grew in late August.", day("2025-08-22"), None,
                 "2025-08-22", "week", id="late-month-not-after-publication"),
    # a perfect participle tells of an earlier event
    pytest.param("The union struck on Monday, having warned in early August that it would.", WED_20,
                 None, "2025-08-18", "day", id="having-warned-is-background"),
    # which of several dates the statement
    pytest.param("A day after talks in Washington on Monday, European leaders yesterday "
                 "weighed a force.", WED_20, None, "2025-08-19", "day",
                 id="main-clause-over-after"),
    pytest.param("After Friday's summit, Trump told Fox News on Tuesday he would help by air.",
                 WED_20, None, "2025-08-19", "day", id="possessive-after-is-background"),
    pytest.param("Trump, who met Putin on Friday, said on Monday he was hopeful.", WED_20, None,
                 "2025-08-18", "day", id="relative-clause-is-background"),
    pytest.param("The union said early this month that it would strike.", WED_20, None,
                 "2025-08-05", "week", id="early-this-month-is-a-week"),
    pytest.param("The union said late last month that it would strike.", WED_20, None,
                 "2025-07-24", "week", id="late-last-month-is-a-week"),
    pytest.param("The union said early this month that it would strike.", day("2025-08-03"), None,
                 "2025-08-03", "week", id="early-this-month-not-after-publication"),
    pytest.param("The council approved in June the plan it had shelved.", WED_20, None,
                 "2025-06-01", "month", id="a-main-verb-before-its-date-is-no-noun-clause"),
    pytest.param("“We spoke yesterday,” Rubio said on Monday.", WED_20, None,
                 "2025-08-18", "day", id="outside-quote-beats-inside"),
    pytest.param("Aid resumed last month and Trump backed it on Tuesday.", WED_20, None,
                 "2025-08-19", "day", id="day-beats-month"),
    pytest.param("Leavitt said at a briefing yesterday that troops were ruled out, a day after "
                 "Monday's talks.", WED_20, None, "2025-08-19", "day", id="speech-noun"),
    pytest.param("Yesterday Trump told reporters he would not send troops; on Monday he was "
                 "vaguer.", WED_20, None, "2025-08-19", "day", id="speech-verb-after"),
    pytest.param("Trump on Monday ruled out troops, though he will meet Putin on Friday.",
                 WED_20, None, "2025-08-18", "day", id="past-clause-beside-plan"),
    pytest.param("Seated next to Merz in Berlin on Monday, the president said he backed the plan.",
                 WED_20, None, "2025-08-18", "day", id="next-to-is-a-place-not-a-plan"),
    # a bare participle after the day is the main verb, in the past
    pytest.param("The governor on Monday proposed a freeze on rents.", WED_20, None,
                 "2025-08-18", "day", id="weekday-then-participle"),
    # "by" a day in the past tense: done by then, not a deadline
    pytest.param("By Monday night the minister had dropped her objection.", WED_20, None,
                 "2025-08-18", "day", id="by-weekday-past-perfect"),
    pytest.param("By Tuesday the ministry had issued a correction.", WED_20, None,
                 "2025-08-19", "day", id="by-weekday-past"),
    # a yearless month or day that lies back, not ahead
    pytest.param("The cabinet approved the budget in March.", day("2025-11-03"), None,
                 "2025-03-01", "month", id="month-back-this-year"),
    pytest.param("Exports fell sharply in November.", day("2025-02-10"), None,
                 "2024-11-01", "month", id="month-last-year-nearer-than-next"),
    pytest.param("“We won,” the mayor said in March.", WED_20, None,
                 "2025-03-01", "month", id="month-outside-the-quote"),
]


@pytest.mark.parametrize("text, doc_date, anchor, expected, precision", RESOLVED)
def test_date_statement_resolves(text, doc_date, anchor, expected, precision):
    ref = date_statement(text, doc_date, anchor)
    assert ref is not None
    assert (ref.date, ref.precision) == (day(expected), precision)
    assert text[ref.start:ref.end] == ref.expression


UNDATED = [
    # plans: never the day a position was expressed
    pytest.param("Trump will meet Putin on Friday.", WED_20, None, id="will-weekday"),
    pytest.param("On Friday, the leaders will meet again.", WED_20, None, id="fronted-future"),
    pytest.param("Nato defence chiefs are expected to hold a video call on Wednesday, "
                 "Reuters first reported.", WED_20, None, id="expected-to-same-day"),
    pytest.param("The summit is set for next Tuesday.", WED_20, None, id="next-weekday"),
    pytest.param("Leaders hope to sign the deal next week.", WED_20, None, id="next-week"),
    pytest.param("Talks resume tomorrow.", WED_20, None, id="tomorrow"),
    pytest.param("Kyiv wants an answer by Friday.", WED_20, None, id="deadline"),
    pytest.param("Moscow has until the end of August to reply.", WED_20, None,
                 id="until-end-of-month"),
    pytest.param("A deal is due by the end of August.", WED_20, None, id="deadline-end-of-month"),
    pytest.param("Europe will decide in September.", WED_20, None, id="will-month"),
    pytest.param("He said talks would resume later this month.", WED_20, None,
                 id="later-this-month"),
    pytest.param("The envoy will travel to Moscow on 3 September 2025.", WED_20, None,
                 id="future-absolute"),
    pytest.param("The summit on 3 September 2026 was announced.", WED_20, None,
                 id="explicit-year-after-publication"),
    pytest.param("Trump said he would meet Zelensky on Friday.", WED_20, None, id="reported-would"),
    pytest.param("He'll fly to Anchorage on Friday.", WED_20, None, id="contracted-will"),
    pytest.param("A meeting is planned for Thursday.", WED_20, None, id="planned"),
    pytest.param("Leaders meet again Tuesday week.", WED_20, None, id="weekday-week"),
    pytest.param("The next day, officials said more.", WED_20, None,
                 id="forward-anaphor-no-anchor"),
    pytest.param("Two days later, Moscow replied.", WED_20, TUE_19, id="anaphor-past-publication"),
    pytest.param("Hours later, the envoy spoke.", WED_20, None, id="hours-later-no-anchor"),
    pytest.param("She will set out the terms in the evening.", WED_20, MON_18, id="in-the-evening-plan"),
    pytest.param("He would answer within hours, aides promised.", WED_20, MON_18, id="within-hours-plan"),
    pytest.param("The vote, due to be held on Friday, was put off.", WED_20, None,
                 id="due-to-be-held"),
    pytest.param("The pact is scheduled to be signed on Friday.", WED_20, None,
                 id="passive-infinitive-is-no-past-verb"),
    pytest.param("“This win goes back to our campaign in March,” the mayor wrote.", WED_20, None,
                 id="quoted-month-is-the-speakers-reference"),
    pytest.param("“We won the vote today,” the mayor wrote.", WED_20, None,
                 id="quoted-today-is-the-speakers-day"),
    pytest.param("The levy doubles from late August.", day("2025-08-07"), None,
                 id="late-month-still-ahead"),
    pytest.param("Talks resume in mid-August.", day("2025-08-06"), None, id="mid-month-still-ahead"),
    pytest.param("Leaders meet at the end of August.", day("2025-08-06"), None,
                 id="end-of-month-still-ahead"),
    # dates of other events: found, but not the statement's date
    pytest.param("Officials praised Monday's summit.", WED_20, None, id="possessive-event"),
    pytest.param("Aid has flowed since May.", WED_20, None, id="since-month"),
    pytest.param("He backtracked after meeting Putin in Alaska on Friday.", WED_20, None,
                 id="after-phrase"),
    pytest.param("Kyiv worries after the welcome Putin got last week.", WED_20, None,
                 id="after-last-week"),
    pytest.param("The truce holds until Friday.", WED_20, None, id="until-weekday"),
    pytest.param("Rubio said two days after the talks on Friday that sanctions stayed.", WED_20, None,
                 id="said-days-after"),
    pytest.param("They urged Moscow to accept a 30-day ceasefire starting on Monday.", WED_20, None,
                 id="period-starting-on-a-day"),
    pytest.param("The duty on lumber is lifted from Monday.", WED_20, None, id="from-weekday"),
    pytest.param("Unions criticised the proposed walkout on Friday.", WED_20, None,
                 id="participle-before-weekday-is-a-plan"),
    pytest.param("Her tone was a clear change from Friday, when she threatened a walkout.", WED_20, None,
                 id="change-from-a-day"),
    pytest.param("The minister insists the levy must go by Friday.", WED_20, None,
                 id="by-weekday-must-is-a-deadline"),
    # a date inside a noun's own clause dates that thing, not the statement
    pytest.param("The union said it stood by the pay deal signed in June.", WED_20, None,
                 id="participle-modifying-a-noun"),
    pytest.param("The mayor praised the truce she brokered on Monday between the two clubs.", WED_20, None,
                 id="pronoun-relative-clause"),
    # a yearless month or day much nearer ahead than back is a plan
    pytest.param("If the vote slips in October, the board has a fallback.", day("2025-09-02"), None,
                 id="month-just-ahead"),
    pytest.param("The board meets late this month to settle it.", day("2025-09-10"), None,
                 id="late-this-month-ahead-is-a-plan"),
    pytest.param("The rules come up for review in January.", day("2025-11-20"), None,
                 id="month-ahead-across-new-year"),
    pytest.param("The extension runs to 12 December, and both sides welcomed it.", day("2025-10-01"),
                 None, id="day-weeks-ahead"),
]


@pytest.mark.parametrize("text, doc_date, anchor", UNDATED)
def test_date_statement_gives_none(text, doc_date, anchor):
    assert date_statement(text, doc_date, anchor) is None


NOT_DATES = [
    pytest.param("Around 10 countries could send troops.", id="count-of-countries"),
    pytest.param("Article 5 of the Nato treaty was cited.", id="article-number"),
    pytest.param("Russia rejected a 30-day ceasefire.", id="thirty-day"),
    pytest.param("The G7 backed the plan 100 per cent.", id="g7-per-cent"),
    pytest.param("Trump gave Putin 50 days to agree.", id="fifty-days"),
    pytest.param("The 2022 invasion changed Europe.", id="year-as-adjective"),
    pytest.param("Kyiv has asked for jets since 2022.", id="since-year"),
    pytest.param("Theresa May said Britain stood firm.", id="surname-may"),
    pytest.param("Negotiators may march on regardless.", id="verbs-may-march"),
    pytest.param("The Mayor of Kyiv spoke at Mar-a-Lago.", id="mayor-mar-a-lago"),
    pytest.param("Black Friday sales fell in the US.", id="named-day"),
    pytest.param("Talks are held on Mondays.", id="habit"),
    pytest.param("The day before the summit was chaotic.", id="day-before-an-event"),
    pytest.param("A few days ago, talks stalled.", id="vague-ago"),
    pytest.param("Years ago, Putin wrote an essay.", id="years-ago"),
    pytest.param("The deal, signed 05/08/2025, holds.", id="ambiguous-numeric"),
    pytest.param("A 24/7 hotline and version 2.1.2025 shipped.", id="numbers-with-slashes"),
    pytest.param("The market decided, maybe, in decades.", id="month-like-substrings"),
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert find_dates(text, WED_20) == []


@pytest.mark.parametrize("text, expected", [
    ("ROME, Aug 19 (Harbour Wire) - Meloni said on Monday that Italy would not send troops.",
     ["on Monday"]),
    ("KYIV/WARSAW, 19 August (Harbour Wire) — Tusk met Zelensky yesterday.", ["yesterday"]),
    ("NEW YORK, Aug. 19, 2025 - Leaders met.", []),
    ("Rome, Aug 19 talks were tense.", ["Aug 19"]),
], ids=["dateline-then-weekday", "two-cities-day-first", "dateline-with-year", "not-a-dateline"])
def test_a_dateline_is_the_filing_day_not_a_date_in_the_story(text, expected):
    assert [ref.expression for ref in find_dates(text, WED_20)] == expected


def test_find_dates_lists_all_in_text_order_with_offsets():
    text = "After Friday's talks, leaders met on Monday and spoke again yesterday."
    refs = find_dates(text, WED_20)
    assert [(ref.expression, ref.date.isoformat()) for ref in refs] == [
        ("Friday's", "2025-08-15"), ("on Monday", "2025-08-18"), ("yesterday", "2025-08-19")]
    assert all(text[ref.start:ref.end] == ref.expression for ref in refs)


def test_expression_stops_before_the_full_stop():
    refs = find_dates("Aid was paused in August.", WED_20)
    assert [(ref.expression, ref.date.isoformat()) for ref in refs] == [("in August", "2025-08-01")]


def test_find_dates_keeps_background_but_drops_plans():
    text = "Since May, aid has flowed; Trump will decide on Friday."
    assert [ref.expression for ref in find_dates(text, WED_20)] == ["Since May"]


@pytest.mark.parametrize("anchor, relative_to", [(TUE_19, "anchor"), (None, "doc")],
                         ids=["with-anchor", "without-anchor"])
def test_anaphor_says_what_it_was_counted_from(anchor, relative_to):
    ref = date_statement("He had said the opposite the day before.", WED_20, anchor)
    assert ref.relative_to == relative_to


def test_deictic_words_ignore_the_anchor():
    ref = date_statement("The envoy said yesterday a deal was close.", WED_20, MON_18)
    assert (ref.date, ref.relative_to) == (TUE_19, "doc")


def test_datetime_and_date_give_the_same_answer():
    as_datetime = datetime.datetime(2025, 8, 20, 14, 5)
    assert date_statement("Trump spoke on Tuesday.", as_datetime) == \
        date_statement("Trump spoke on Tuesday.", WED_20)


HEADERS = [
    pytest.param("Tuesday 19 August 2025 14:05", WED_20, "2025-08-19", id="weekday-day-month-time"),
    pytest.param("19 August 2025, 14:05 BST", WED_20, "2025-08-19", id="day-month-time-zone"),
    pytest.param("## Monday 18 August", WED_20, "2025-08-18", id="markdown-no-year"),
    pytest.param("**Aug 19, 2025 2:05pm ET**", WED_20, "2025-08-19", id="us-style"),
    pytest.param("Updated: 20 August 2025 09:12", WED_20, "2025-08-20", id="updated-label"),
    pytest.param("2025-08-18 10:00", WED_20, "2025-08-18", id="iso"),
    pytest.param("Tuesday 16:40", WED_20, "2025-08-19", id="weekday-and-time"),
    pytest.param("31 December 23:50", datetime.date(2026, 1, 1), "2025-12-31", id="across-year"),
    pytest.param("14:05 BST", WED_20, None, id="time-only"),
    pytest.param("Thursday 21 August 2025 09:00", WED_20, None, id="after-publication"),
    pytest.param("Trump said on 19 August 2025 he was open.", WED_20, None, id="a-sentence"),
    pytest.param("", WED_20, None, id="empty"),
]


@pytest.mark.parametrize("line, doc_date, expected", HEADERS)
def test_parse_entry_header(line, doc_date, expected):
    assert parse_entry_header(line, doc_date) == (day(expected) if expected else None)


PHRASES = [
    "on Tuesday", "Tuesday's", "last Friday", "next Monday", "Sunday evening", "today",
    "yesterday", "last night", "tomorrow", "the day before", "a day earlier", "the next day",
    "that day", "two days later", "three weeks ago", "a month ago", "last week",
    "earlier this week", "at the weekend", "last weekend", "this month", "last month",
    "in May", "in December", "since March", "by June", "May 2025", "on 15 August",
    "Aug. 31, 2024", "29 February", "on the 31st", "15/08/2025", "2025-02-29", "13/13/2025",
    "said", "will", "would", "after", "who", "“", "”", ",", ".", "Trump", "met", "10 countries",
    "Article 5", "50 days", "G7", "2022",
]


def _check(text, doc_date, anchor):
    refs = find_dates(text, doc_date, anchor)
    assert refs == find_dates(text, doc_date, anchor)  # same input, same answer
    for ref in refs:
        assert ref.date <= doc_date
        assert text[ref.start:ref.end] == ref.expression
        assert ref.precision in ("day", "week", "month")
        assert ref.relative_to in ("doc", "anchor")
    assert [ref.start for ref in refs] == sorted(ref.start for ref in refs)
    best = date_statement(text, doc_date, anchor)
    assert best is None or best in refs


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), doc_date=st.dates(), anchor=st.none() | st.dates())
def test_any_text_never_fails_nor_dates_after_publication(text, doc_date, anchor):
    _check(text, doc_date, anchor)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(PHRASES), max_size=12),
       doc_date=st.dates() | st.dates(min_value=datetime.date(2024, 1, 1),
                                      max_value=datetime.date(2026, 12, 31)),
       anchor=st.none() | st.dates())
def test_phrase_salad_never_fails_nor_dates_after_publication(words, doc_date, anchor):
    _check(" ".join(words), doc_date, anchor)


@settings(max_examples=100, deadline=None)
@given(line=st.text(max_size=60) | st.sampled_from([str(case.values[0]) for case in HEADERS]),
       doc_date=st.dates())
def test_any_header_line_never_fails_nor_dates_after_publication(line, doc_date):
    day_of_entry = parse_entry_header(line, doc_date)
    assert day_of_entry is None or day_of_entry <= doc_date


@pytest.mark.parametrize("text, doc_date", [
    ("Lavrov proposed that the next round be held in Istanbul on 2 June.", datetime.date(2025, 5, 29)),
    ("Without a vote the measures would lapse on 31 January.", datetime.date(2025, 1, 28)),
], ids=["talks-next-week", "deadline-in-days"])
def test_yearless_day_just_ahead_is_a_plan_not_last_year(text, doc_date):
    assert all(ref.date.year == doc_date.year for ref in find_dates(text, doc_date))
    assert date_statement(text, doc_date) is None


FEB_10_2026 = datetime.date(2026, 2, 10)


@pytest.mark.parametrize("text, expected, precision", [
    ("In April, the union endorsed the strike ballot.", "2025-04-01", "month"),
    ("The senator voted against the levy on 25 February.", "2025-02-25", "day"),
    ("The regulator had cleared the merger in late February.", "2025-02-24", "week"),
    ("In May the growers lobbied hard for the subsidy.", "2025-05-01", "month"),
], ids=["month-ahead-past-verb-after", "day-ahead-past-verb-before", "part-of-month-ahead-pluperfect",
        "month-ahead-no-comma"])
def test_yearless_date_ahead_in_a_past_clause_is_last_year(text, expected, precision):
    ref = date_statement(text, FEB_10_2026)
    assert (ref.date.isoformat(), ref.precision) == (expected, precision)


@pytest.mark.parametrize("text", [
    "The union will ballot its members in April.",
    "The hearing due on 25 February may be put off.",
    "Growers want the subsidy renewed next May.",
    "The senator said the hearing is on 25 February.",
    "In April the union ballots its members.",
    "Investors trimmed their bets but still expect a deal by April.",
    "The minister announced a review of the levy in June.",
    "Growers called for a fresh ballot in April.",
    "The senator said the hearing was set for 25 February.",
], ids=["will-month", "due-day", "next-month", "said-then-present", "present-tense", "deadline-after-past-verb",
        "announced-event-ahead", "called-for-event-ahead", "set-for-day-ahead"])
def test_yearless_date_ahead_outside_a_past_clause_stays_a_plan(text):
    assert date_statement(text, FEB_10_2026) is None


@pytest.mark.parametrize("text, doc_date, expected", [
    ("The party dropped its objection to the pipeline in 2023.", WED_20, "2023-07-01"),
    ("The regulator had warmed to the fee during 2024.", FEB_10_2026, "2024-07-01"),
    ("Growers lobbied for the subsidy last year.", FEB_10_2026, "2025-07-01"),
    ("The council softened its line late last year.", WED_20, "2024-11-01"),
    ("The mayor first floated a levy in early 2024.", WED_20, "2024-02-01"),
    ("The regulator signalled earlier this year that fees would rise.", WED_20, "2025-04-01"),
    ("Earlier this year the union voted against the merger.", FEB_10_2026, "2026-01-01"),
], ids=["in-year", "during-year", "last-year", "late-last-year", "early-year", "earlier-this-year",
        "earlier-this-year-in-february"])
def test_a_year_or_part_of_one_is_a_representative_month(text, doc_date, expected):
    ref = date_statement(text, doc_date)
    assert (ref.date.isoformat(), ref.precision) == (expected, "month")


@pytest.mark.parametrize("text", [
    "The levy will be reviewed later this year.",
    "Polls this year have found wide support for the levy.",
    "Elections are due in 2027.",
    "The union has opposed the merger since 2021.",
    "The treaty of 1994 still binds the two states.",
    "The mayor, who lost the vote in 2023, backs the levy.",
    "Ministers praised last year's harvest.",
], ids=["later-this-year", "this-year-includes-today", "year-ahead", "since-year", "year-without-lead",
        "relative-clause", "possessive"])
def test_a_year_that_does_not_date_the_statement(text):
    assert date_statement(text, WED_20) is None


def test_ambiguous_numeric_date_told_as_past_is_the_reading_not_ahead():
    ref = date_statement("The senator endorsed the bill on 02/05/2026.", FEB_10_2026)
    assert (ref.date.isoformat(), ref.precision) == ("2026-02-05", "day")   # not 2 May, still ahead


@pytest.mark.parametrize("text", [
    "The hearing on 02/05/2026 will settle it.",
    "The senator endorsed the bill on 01/02/2026.",
    "The senator says the hearing is on 02/05/2026.",
], ids=["plan", "both-readings-past", "present-tense"])
def test_ambiguous_numeric_date_is_refused_unless_the_calendar_decides(text):
    assert date_statement(text, FEB_10_2026) is None


@pytest.mark.parametrize("text, expected", [
    ("The union dropped its threat on the eve of the ballot on Friday.", "2025-08-14"),
    ("On the eve of Monday's hearing, the regulator backed the fee.", "2025-08-17"),
    ("The senator switched sides the day before the budget vote on 19 August.", "2025-08-18"),
    ("The mayor conceded the day after the count on Sunday.", "2025-08-18"),
], ids=["eve-of-event-on-weekday", "eve-of-possessive-weekday", "day-before-event-on-date",
        "day-after-event"])
def test_a_day_counted_from_a_dated_event(text, expected):
    ref = date_statement(text, WED_20)
    assert (ref.date.isoformat(), ref.precision) == (expected, "day")


def test_the_eve_of_an_event_that_is_today_is_yesterday_and_not_a_plan():
    assert date_statement("The union backed the deal on the eve of the vote today.", WED_20).date == TUE_19
    assert date_statement("The union will back the deal on the eve of the vote on Friday.", WED_20) is None


@pytest.mark.parametrize("text, expected", [
    ("The day before he signed, the senator had warned him.", [("signed", -1)]),
    ("On the day the bill was passed, the union called a strike.", [("passed", 0)]),
    ("The day after they met, both sides claimed victory.", [("met", 1)]),
    ("The day before the vote was tense.", []),
    ("On the day of the vote, turnout fell.", []),
    ("The day he resigned was a Friday.", []),
    ("The mayor claimed credit as soon as the budget was approved.", [("approved", 0)]),
    ("Hours after they met, the two leaders fell out.", [("met", 0)]),
    ("She promised to reply as soon as possible.", []),
    ("THE DAY BEFORE he signed, the senator had warned him.", [("signed", -1)]),
    ("“Minutes After they met, the leaders fell out,” she said.", [("met", 0)]),
    ("The senator warned him before he signed.", []),
    ("On Monday, the day before he signed, the senator warned him.", [("signed", -1)]),
    ("On Monday the senator signed it, and today he met them.", []),
], ids=["day-before-he-signed", "on-the-day-passive", "day-after-they-met", "day-before-a-noun",
        "day-of-a-noun", "no-time-adverbial", "as-soon-as", "hours-after", "as-soon-as-possible",
        "capitals", "capitals-in-curly-quotes", "no-day-named", "weekday-then-the-day-before",
        "weekday-and-today-only"])
def test_a_day_named_by_an_earlier_event(text, expected):
    assert [(event.verb, event.offset) for event in find_event_days(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The council approved the budget on Friday.", ["approved"]),
    ("Unions welcomed the budget approved by the council.", ["welcomed"]),
    ("The budget was approved by the council.", ["approved"]),
], ids=["active-verb", "participle-naming-a-thing", "passive-verb"])
def test_event_verbs_leave_out_participles_that_name_things(text, expected):
    from stance.dates import event_verbs
    assert [verb for verb, _ in event_verbs(text)] == expected


@pytest.mark.parametrize("text", [
    "Trump spoke on Monday and again since this   coming Friday's talks.",
    "Black Friday deals; on Mondays he golfs; Tuesday week is a plan, by Friday a deadline.",
    "during \n this past  Wednesday, talks began",
    "on Wednesday., the 15th of August 2025, and until the beginning of May",
    "in early - May 2024, mid-May, Aug. 15, 2025 and Tuesday, Aug. 19; the market may move in March",
    "ſunday, İstanbul, on Sunday",                      # characters whose lower case is not what ignoring case is
    "x" * 300 + " on Thursday",
], ids=["weekdays", "not-dates", "white-space", "day-month", "months", "special-case", "far-in"])
def test_key_word_search_finds_what_a_full_scan_finds(text):
    for pattern in dates.KEY_WORDS:
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in dates._finditer(pattern, text, text.lower())] == expected


@pytest.mark.parametrize("text, expected", [
    # a day compared with: not the position's day
    ("The council again voted the levy down, with support close to where it was on 2 March.", None),
    # "than on Monday, when ..." sets the scene of what follows: that day dates it
    ("That went further than on Monday, when the mayor said she would keep the levy.", "2025-06-09"),
    ("The mayor said on Tuesday that the council had rejected the levy in May.", "2025-06-10"),
    # a past perfect dates its act: the holder's own, or one a spokesperson reports ("said Putin
    # had agreed during Monday's call")
    ("The mayor had said on Tuesday that she would veto the levy.", "2025-06-10"),
    ("The president had already demanded in January that rates fall.", "2025-01-01"),
    ("The spokeswoman said the mayor had agreed during Monday's call to drop the levy.", "2025-06-09"),
], ids=["where-it-was", "than-when", "said-on-a-day", "had-said", "had-demanded", "reported-perfect"])
def test_a_day_compared_with_does_not_date_the_position(text, expected):
    ref = date_statement(text, datetime.date(2025, 6, 13))
    assert (ref.date.isoformat() if ref else None) == expected


def test_a_promise_for_a_month_ahead_is_a_plan_not_last_year():
    # an article of October: "in December" after a promise is this December's, never last year's
    ref = date_statement("They came out with a promise to look at the levy again in December.", datetime.date(2025, 10, 24))
    assert ref is None or ref.date <= datetime.date(2025, 10, 24) and ref.date.year == 2025


@pytest.mark.parametrize("text, expected", [
    # An adverb before a fronted time leaves it fronted: the clause after the comma gives its tense.
    ("Back in May, the senator called the mission a waste of money.", (datetime.date(2025, 5, 1), "month")),
    ("Way back in May, the senator called the mission a waste of money.", (datetime.date(2025, 5, 1), "month")),
    ("Only last week, the senator called the mission a waste of money.", (datetime.date(2026, 1, 27), "week")),
])
def test_a_fronted_time_after_an_adverb_is_still_the_clauses_time(text, expected):
    found = [(f.date, f.precision) for f in find_dates(text, datetime.date(2026, 2, 3))]
    assert found == [expected]


@pytest.mark.parametrize("text, expected", [
    ("The mayor first proposed the tram line in November.", datetime.date(2025, 11, 1)),
    ("Okoro originally proposed the parking levy in January.", datetime.date(2026, 1, 1)),
])
def test_a_plan_first_proposed_in_a_past_month_is_dated_then(text, expected):
    ref = date_statement(text, datetime.date(2026, 4, 14))
    assert ref is not None and ref.date == expected


@pytest.mark.parametrize("text, expected", [
    ("The treasurer said as late as March that the levy would stay.", datetime.date(2026, 3, 1)),
    ("As recently as June, the mayor insisted the depot would stay open.", datetime.date(2025, 6, 1)),
])
def test_as_late_as_a_month_dates_it_by_that_month(text, expected):
    ref = date_statement(text, datetime.date(2026, 4, 14))
    assert (ref.date, ref.precision) == (expected, "month")


@pytest.mark.parametrize("text, expected", [
    ("Talks resumed in May.", True),
    ("Jan. 5 was cold.", True),
    ("(Sep 2024)", True),
    ("The Mayor spoke.", True),     # a hint only: the full patterns decide
    ("InMay and xJan.", False),     # inside a word
    ("talks resumed in may.", False),
], ids=["word", "opening", "after-bracket", "prefix-of-word", "inside-word", "lower-case"])
def test_a_month_hint_is_a_capitalised_month_at_a_word_start(text, expected):
    import re
    assert bool(dates.RE_MONTH_HINT.search(text)) is expected
    assert bool(re.search(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", text)) is expected


@pytest.mark.parametrize("lowered, families", [
    ("on monday, two days ago, the 15th", {"weekdays", "ago", "ordinal"}),
    ("the day before, last night, within hours", {"anaphor", "deictic"}),
    ("earlier this month, 15/08/2025", {"spans", "numeric"}),
    ("no date here at all", set()),
], ids=["weekday-ago-ordinal", "anaphor-deictic", "spans-numeric", "none"])
def test_the_families_a_text_hints_at_are_the_ones_worth_reading(lowered, families):
    assert {hint.lastgroup for hint in dates.RE_PATTERN_FAMILY.finditer(lowered)} == families


def test_a_phrase_list_prefers_the_longer_phrase_and_reads_any_spacing():
    import re
    pattern = re.compile(rf"(?:{dates._alternation(('expected', 'expected to', 'set out', 'set'))})(?!\w)")
    text = "He expected  to go; they set\nout a plan; expected it; settled."
    assert [m.group() for m in pattern.finditer(text)] == ["expected  to", "set\nout", "expected"]


@pytest.mark.parametrize("text, expected", [
    ("He left. Then", [". "]),
    ("U.S. troops and Gen. Smith; Mr. X.", [";"]),
    ("Sept. 5, the end.", [", ", "."]),
    ("St. Louis - Paris: talks", [" - ", ":"]),
], ids=["full-stop", "abbreviations", "month-abbreviation", "dash-and-colon"])
def test_a_clause_ends_at_strong_punctuation_a_comma_or_a_full_stop_but_not_an_abbreviation(text, expected):
    assert [m.group() for m in dates.RE_CLAUSE_BOUNDARY.finditer(text)] == expected
