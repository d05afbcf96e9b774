"""Date each statement: resolve "on Tuesday", "the day before", "in May" to the day meant.

News reports positions relative to the publication day ("yesterday", "on Tuesday"), so the
same words mean a different day in every article. This stage finds the date expressions in a
statement's text and resolves them the way HeidelTime's news mode does: deictic words against
the document's publication day (`doc_date`), anaphoric words ("the day before") against an
`anchor` — the day already established for the surrounding text, by a live-blog entry header
or a preceding sentence. For a live-blog entry, pass the entry header's day (see
`parse_entry_header`) as `doc_date`: it is that entry's publication day.

Rules (each has `(text, expected)` cases in tests/test_dates.py):

- Nothing is ever dated after `doc_date`. A plan is not the day a position was expressed, so a
  future reference ("next week", "tomorrow", "later this month", "Tuesday week"), a deadline
  ("by Friday", unless the clause is past: "by Friday he had agreed" is that day) and a
  tense-open reference in a future clause ("will meet on Friday") yield no date at all.
- Future clause: the nearest tense cue before the expression, in the same clause, decides; a
  future cue (`data/dates/future_cues.txt`: will, would, could, expected to, plans to, next...)
  makes it a plan, a past verb (`data/dates/past_verbs.txt`, or a lower-case "-ed" word) makes
  it past, unless "be" stands before it ("due to be held": the cue before it decides). With no cue before it, the first cue after it in the clause decides ("On Friday, he
  will..."). Only tense-open words are tested: weekdays, "this week/month/weekend", month
  names, day-month dates; "yesterday", "last week", "two days ago" are past whatever the verb.
- today, tonight, this morning, earlier today -> doc_date (day); yesterday, last night ->
  doc_date - 1 (day); the day before yesterday -> doc_date - 2.
- on Tuesday, Tuesday, Tuesday evening, Monday's summit -> the latest Tuesday on or before
  doc_date (a piece published on a Tuesday means that day); this past Tuesday -> the latest
  Tuesday strictly before doc_date; last Tuesday, Tuesday last week -> Tuesday of the week
  before doc_date's (a writer names a day of the current week "on Friday"; "last Friday" in a
  Saturday paper is the Friday eight days back).
- this week, earlier this week -> the Monday of doc_date's week (week); last week ->
  doc_date - 7 (week); this weekend, at/over the weekend -> the latest Saturday on or before
  doc_date, precision week; last weekend -> that Saturday, or the one before when doc_date
  falls on the weekend itself.
- this month, earlier this month -> the 1st of doc_date's month; last month -> the 1st of the
  month before (month). in/during/since/until May, May 2025 ->
  the 1st of the latest May not after doc_date (month); early / mid / late May, the end of
  May -> a day inside that part (the 5th, 15th, 24th, 28th; week precision, never after
  doc_date); last May -> the latest May before
  doc_date's month; a bare "May" is never a date ("Theresa May", "in May's cabinet"). A part
  of the publication month that has not begun by doc_date ("from late August" on 7 August)
  is a plan, and so is a month whose next coming lies less than half as far ahead as its
  last one lies back ("a review in December", written in October) — unless a past verb, with
  no present one after it, rules the clause, that verb is no verb of planning
  (`data/dates/plan_verbs.txt`: "announced a review in June", "was set for 20 March") and no
  deadline word (by, until) leads the month:
  "In May, she promised a levy" in a March paper is last May, "from late August he had
  refused" in a 7 August paper last August. The same holds for a yearless day just ahead
  ("backed it on 20 March", written on 12 March, is last year's 20 March).
- in/during 2024, last year, late last year, early 2024, the end of 2024 -> month precision (there
  is no year precision): a past year is dated to the 1st of a month standing for it — July for
  the whole year (mid-year), February for early, June for mid, November for late, December for
  its end, January for its start. Of the current year, "earlier this year" is the 1st of the
  month halfway from January to doc_date's month, "early this year" that or February, whichever
  is earlier; "this year" and "in 2026" alone include the publication day and date nothing, and
  "later this year" and a later year are plans. A bare year needs in/during or a part before it.
- 15 August, August 15, Aug. 15, 2025, the 15th of August, on the 15th, 15/08/2025,
  2025-08-15 -> day. The day and month come from our own pattern; dateparser then reads just
  that substring with RELATIVE_BASE = doc_date and PREFER_DATES_FROM = past, so a date
  without a year is the latest one not after doc_date, unless the coming one is much nearer
  (as for months: "talks on 2 June" in a 29 May paper is a plan). Numeric dates must be unambiguous
  (15/08/2025, 08/15/2025; not 05/08/2025), or be told in a past clause with one reading after
  doc_date ("backed it on 03/04/2026" in a 12 March 2026 paper can only be 4 March). A weekday beside the date ("Tuesday 19 August")
  is part of the expression, and the numbers win if the two disagree. A year on its own
  ("since 2022", "the 2022 invasion") is not a date.
- two days ago -> day; a week ago, three weeks ago -> week (doc_date - 7n); a month ago ->
  month. "a few days ago", "years ago" are too vague and give nothing.
- the day before, a day earlier, the previous day, two days earlier -> anchor - n, or
  doc_date - n without an anchor (`relative_to` says which); the next day, a day later, that
  day, the same day, that same evening, hours later, within hours, shortly afterwards, in the
  evening -> anchor + n (only with an anchor, and never past doc_date; "in the evening" and
  "within hours" take their clause's tense: "will speak in the evening" is a plan). "The day
  before the summit" is about the summit, not an anaphor, and is skipped.
- on the eve of the vote on Tuesday, the eve of Monday's hearing, the day before / after the
  count on Sunday -> that day -1 / +1 (day), the statement's own day even when the event's day
  is a possessive ("the eve of Monday's hearing"); the expression runs from "the eve".
- "the day before he signed", "on the day the order was signed", "the day after they met"
  name a day by an event told earlier: `find_event_days` finds them and the event's verb
  (`event_verbs` lists a text's event verbs), and the caller, who knows which day the story
  told that verb beside, dates them.
- A wire dateline ("PARIS, Sept 5 (Wire) -") is the filing day, not a date in the story.
- Not dates: counts ("the 10 countries", "50 days", "a 30-day ceasefire"), "Article 5",
  "G7", "100 per cent", years, habits ("on Mondays"), named days ("Black Friday").

Which date dates the statement (`date_statement`): an expression is *background* when it
dates another event — it follows a perfect participle in its clause ("..., having warned in
mid-August"), it opens with since / until / before / after / from ("a U-turn from
Monday", "lifted from Friday"), after / since / until / before / following / ahead of comes
before it in its clause ("days after meeting Putin on Friday"), it sits in a relative clause ("Trump, who
met Putin on Friday, said"), or it is a possessive not introduced by at / during / in ("praised
Monday's summit"; but "at Monday's summit, he said" is the statement's day) — and background
never dates the statement (`find_dates` still lists it, marked `is_background`); but words
said straight after an event ("announced after Sunday's summit", "told reporters after talks on
Monday") were said on its day, and a background word whose object is a year ("talks since 2022
ended on Friday") leaves later days alone. An expression inside quotation marks never dates
the statement either: "our victory in November," he wrote names another event, and the
speaker's "today" or "yesterday" counts from the day the words were said, which this module
does not know (`find_dates` lists it, resolved against doc_date and marked `is_quoted`). Of the
rest, prefer (1) one attached to a speech word ("said on Tuesday", "at a briefing yesterday",
"Yesterday Trump told"), (2) day over week over month precision, (3) the first in the text. No candidate: None, and the caller falls back
to the anchor or the publication day (precision "doc").

The word lists live in `stance/data/dates/` and are read once, when the module is imported,
into the compiled patterns below; nothing changes after that.
"""
from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

import dateparser

from .lexicon import folds_plainly as _folds_plainly
from .lexicon import trie_alternation

__all__ = ["DateRef", "EventDay", "find_dates", "date_statement", "parse_entry_header",
           "find_event_days", "event_verbs"]

DATA_DIR = Path(__file__).parent / "data" / "dates"


@dataclass(frozen=True)
class DateRef:
    """One resolved date expression, with the words and offsets it came from.

    `date` is the day meant; for week and month precision it is a representative day (see the
    module rules: the Monday of "this week", the 1st of a month). `relative_to` is "doc" when
    the publication day was the reference, "anchor" when the anchor date was. `is_background`
    says the expression dates another event ("after Friday's talks"), not what the text says;
    `is_quoted` that it stands inside quotation marks (the speaker's words, not the writer's).
    """

    date: datetime.date
    precision: str
    expression: str
    start: int
    end: int
    relative_to: str
    is_background: bool = False
    is_quoted: bool = False


@dataclass(frozen=True)
class _Reading:
    """What one expression means before its clause is looked at."""

    date: datetime.date
    precision: str = "day"
    relative_to: str = "doc"
    tense: str = "past"  # "past": fixed by the words; "open": the clause's verb decides;
                         # "if_past": a day just ahead, last year's only in a past clause


Reader = Callable[[re.Match, datetime.date, "datetime.date | None"], "_Reading | None"]
"""Reads one pattern's match: what the words mean, before the clause around them is seen."""


@dataclass(frozen=True)
class _Found:
    """A resolved expression and the part it plays in its sentence."""

    ref: DateRef
    role: str  # "speech" | "main" | "background"
    is_quoted: bool


def _read_phrases(name: str) -> tuple[str, ...]:
    """The phrases of one word list, comments and blank lines dropped."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _alternation(phrases: tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, folded into a character trie (`trie_alternation`):
    a phrase is tried before the shorter ones it extends, so "expected to" beats "expected", as
    longest-first alternatives do, but a place in the text tries one branch per letter instead of
    each of sixty phrases."""
    return trie_alternation(sorted(set(phrases)))


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NUMBERS = MappingProxyType(
    {name: number for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1)}
)
COUNT_WORDS = MappingProxyType({
    "a": 1, "an": 1, "one": 1, "the": 1, "that": 1, "a couple of": 2, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12,
})

# Pattern parts shared by several patterns below.
WEEKDAY_NAMES = "|".join(WEEKDAYS)
WEEKDAY_ABBREVIATIONS = "Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun"
# Months are matched capitalised only: "may" and "march" are also verbs. Only an
# abbreviation takes a full stop ("Aug. 15"), so "in August." ends before the stop.
MONTH_NAMES = (r"(?:January|February|March|April|May|June|July|August|September|October"
               r"|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])"
YEAR_NUMBER = r"(?:19|20)\d{2}"
COUNT = (r"(?:\d{1,3}|a\s+couple\s+of|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
         r"|eleven|twelve)")
LEAD = r"(?:(?P<lead>(?i:on|in|at|during|since|until|till|by|from))\s+)?"
# What may follow an anaphor that ends in before/after: punctuation, the end, or a word that
# cannot start the event it would otherwise be "before" ("the day before, he said" but not
# "the day before the summit").
STANDS_ALONE = (r"(?=\s*(?:[.,;:!?)\]\"”—–]|$)"
                r"|\s+(?:and|but|when|while|in|at|on|to|with|by|for|from)\b)")

RE_DATE_HINT = re.compile(r"""
    day|night|tomorrow|morning|afternoon|evening              # Monday, today, last night
   |week|month|fortnight|ago\b                                # last week, two days ago
   |(?:hours|minutes|moments)\s+(?:later|earlier)|shortly\s+after  # hours later
   |within\s+(?:\w+\s+)?(?:hours?|minutes)                   # within hours
   |\d[/.-]\d|\d(?:st|nd|rd|th)\b                             # 15/08/2025, 2025-08-15, 15th
""", re.VERBOSE)
"""A cheap first look, run on the lower-cased text: without any of these (or a month name,
see `RE_MONTH_HINT`), there is no date. Substrings are enough ("day" also hits "Monday").
"""

# The words without which RE_DATE_HINT cannot match, and those of them that are a hint wherever
# they stand ("ago" needs a word end, "hours" a "later" after it; a digit needs a date's shape).
SURE_HINT_WORDS = ("day", "night", "tomorrow", "morning", "afternoon", "evening", "week", "month", "fortnight")
HINT_WORDS = SURE_HINT_WORDS + ("ago", "hours", "minutes", "moments", "shortly")
RE_DIGIT = re.compile(r"\d")
# The longest word that may open a family hint before its hint word: "preceding" ("the
# preceding day"), "wednes" of "wednesday".
HINT_LEAD_CHARS = len("preceding")

RE_PATTERN_FAMILY = re.compile(r"""
    (?=[abdefhilmnpstwy\d])    # every family opens with one of these: other places fail at once
    (?:(?P<weekdays>monday|tuesday|wednesday|thursday|friday|saturday|sunday)
   |(?P<deictic>today|tonight|yesterday|tomorrow|last\s+night
               |this\s+(?:morning|afternoon|evening))         # today, last night
   |(?P<anaphor>(?:day|week|night|morning|afternoon|evening)s?
                \s+(?:before|earlier|later|after|prior)
               |(?:previous|preceding|prior|following|next|that|same)
                \s+(?:day|week|night|morning|afternoon|evening)  # the day before, that day
               |(?:hours|minutes|moments)\s+(?:later|earlier)|shortly\s+after  # hours later
               |within\s+(?:\w+\s+)?(?:hours?|minutes)                # within hours
               |(?:in|by)\s+the\s+(?:morning|afternoon|evening))       # in the evening
   |(?P<spans>week|month|fortnight)                           # last week, earlier this month
   |(?P<ago>ago\b)                                            # two days ago
   |(?P<numeric>\d[/.-]\d)                                    # 15/08/2025, 2025-08-15
   |(?P<ordinal>\d(?:st|nd|rd|th)\b))                         # on the 15th
""", re.VERBOSE)
"""The second look, on lower-cased text that passed the first: which patterns can match.

Each family names the patterns worth running in full (see `READERS`); the rest are skipped.
"""
# A day that opens a period ahead: "a 30-day ceasefire starting on Monday", "effective from Friday".
RE_PERIOD_START = re.compile(r"\b(?:starting|beginning|commencing|effective|taking\s+effect)(?:\s+from)?\s*$",
                             re.IGNORECASE)
# Month names count only capitalised (see MONTH_NAMES), so they are looked for in the text as written.
# The boundary is tested after the three letters ("not a word character four back"), not before
# them: a pattern that opens with letters is searched by skipping to its first letters, one that
# opens with a boundary is tried at every place (four times slower on a sentence).
RE_MONTH_HINT = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?<!\w...)")

RE_NUMERIC_DATE = re.compile(rf"""
    (?<![\w/.-])                                              # not inside a longer number
    {LEAD}                                                    # "on 2025-08-15"
    (?:(?P<iso_year>{YEAR_NUMBER})-(?P<iso_month>0[1-9]|1[0-2])-(?P<iso_day>[0-2]\d|3[01])
                                                              # ISO 2025-08-15
      |(?P<first>\d{{1,2}})(?P<separator>[/.])(?P<second>\d{{1,2}})
       (?P=separator)(?P<year>{YEAR_NUMBER})
                                                              # 15/08/2025 or 08/15/2025
    )
    (?![\w/-]|\.\d)                                           # not a longer number or a version
""", re.VERBOSE)

RE_DAY_MONTH = re.compile(rf"""
    (?<![\w/.-])                                              # a whole number
    {LEAD}                                                    # "on 15 August"
    (?:(?P<weekday>(?i:{WEEKDAY_NAMES})|{WEEKDAY_ABBREVIATIONS})\.?,?\s+)?  # "Tuesday 19 August"
    (?:the\s+)?                                               # "the 15th of August"
    (?P<day>{DAY_NUMBER})(?:st|nd|rd|th)?                     # 15, 15th
    \s+(?:of\s+)?                                             # "15 August", "15th of August"
    (?P<month>{MONTH_NAMES})                                  # August, Aug, Aug.
    (?:,?\s+(?P<year>{YEAR_NUMBER}))?                         # optional year
    (?![\w-])                                                 # a whole word
""", re.VERBOSE)

RE_MONTH_DAY = re.compile(rf"""
    (?<![\w-])                                                # a whole word
    {LEAD}                                                    # "on August 15"
    (?:(?P<weekday>(?i:{WEEKDAY_NAMES})|{WEEKDAY_ABBREVIATIONS})\.?,?\s+)?  # "Tuesday, Aug. 19"
    (?P<month>{MONTH_NAMES})\s+                               # August, Aug.
    (?P<day>{DAY_NUMBER})(?:st|nd|rd|th)?                     # 15, 15th
    (?:,?\s+(?P<year>{YEAR_NUMBER}))?                         # optional year
    (?![\w:-]|\.\d)                                           # not "August 15.5", "May 5:30"
""", re.VERBOSE)

RE_DAY_OF_MONTH = re.compile(rf"""
    (?<![\w-])(?P<lead>(?i:on))\s+the\s+                      # "on the 15th"
    (?P<day>{DAY_NUMBER})(?:st|nd|rd|th)                      # the ordinal day of the month
    {STANDS_ALONE}                                            # not "on the 15th floor"
""", re.VERBOSE)

RE_MONTH_REFERENCE = re.compile(rf"""
    (?<![\w-])                                                # a whole word
    (?:(?P<lead>(?i:in|during|since|until|till|by|from|through|throughout|before|after
                    |as\s+(?:late|recently)\s+as
                    |last|next|this
                    |(?:in\s+)?(?:early|late|mid)
                    |(?:at\s+|by\s+|until\s+)?the\s+(?:end|start|beginning|middle)\s+of))
                                                              # a word that makes it a time
       (?:\s+|\s*-\s*)                                        # "in May", "mid-May"
       (?P<month>{MONTH_NAMES})                               # the month
       (?:,?\s+(?P<year>{YEAR_NUMBER}))?                      # optional year
     |(?P<bare_month>{MONTH_NAMES}),?\s+(?P<bare_year>{YEAR_NUMBER})
                                                              # "August 2025" needs no preposition
    )
    (?!['’]s)(?![\w-])                                        # not "May's government"
""", re.VERBOSE)

RE_YEAR_REFERENCE = re.compile(rf"""
    (?<![\w-])                                                # a whole word
    (?:(?P<lead>(?i:in|during|throughout))\s+)?                # "in 2024", "during last year"
    (?:(?P<part>(?i:early|earlier|mid|middle|late|later       # "late last year", "mid-2024"
                  |(?:at\s+)?the\s+(?:start|beginning|middle|end)\s+of))
       (?:\s+|\s*-\s*)(?:(?i:in)\s+)?)?                       # "earlier in the year" is not one
    (?:(?P<which>(?i:last|this))\s+(?i:year)                   # last year, earlier this year
      |(?P<number>{YEAR_NUMBER}))                             # 2024, with a lead or a part only
    (?!['’]s)(?![\w/-]|\.\d)                                  # not "last year's", "2024-25"
""", re.VERBOSE)
"""A year or a part of one ("in 2024", "late last year", "earlier this year"): month precision
on a representative month (see `_read_year`)."""
RE_YEAR_HINT = re.compile(rf"year|(?<!\d){YEAR_NUMBER}(?!\d)")
"""Without "year" or a four-digit year, RE_YEAR_REFERENCE cannot match."""
YEAR_HINT_KEYS = ("year", "19", "20")
"""Every match of RE_YEAR_HINT holds one of these: most sentences hold none, and three substring
tests cost a fraction of a pass of the pattern (which tries both branches at every place)."""

RE_DEICTIC_DAY = re.compile(rf"""
    (?<![\w-])                                                # a whole word
    {LEAD}                                                    # "since yesterday"
    (?P<phrase>(?i:
        the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow
       |(?:earlier|later)\s+today|today|tonight               # the publication day
       |this\s+(?:morning|afternoon|evening)
       |yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night  # the day before it
       |tomorrow(?:\s+(?:morning|afternoon|evening|night))?   # a plan
    ))
    (?P<possessive>['’]s)?                                    # "today's meeting"
    (?![\w-])                                                 # a whole word
""", re.VERBOSE)

RE_WEEKDAY_REFERENCE = re.compile(rf"""
    (?<![\w-])                                                # a whole word
    {LEAD}                                                    # "on Tuesday", "by Friday"
    (?:(?P<modifier>(?i:last|this\s+past|this\s+coming|this|next|coming))\s+)?  # which week
    (?<!Black\s)(?<!Good\s)(?<!Super\s)(?<!Cyber\s)(?<!Easter\s)
    (?<!Ash\s)(?<!Bloody\s)(?<!Holy\s)(?<!Maundy\s)(?<!Shrove\s)  # named days, not dates
    (?P<weekday>(?i:{WEEKDAY_NAMES}))                         # the day
    (?!s\b)                                                   # "on Mondays" is a habit
    (?:(?P<possessive>['’]s)                                  # "Monday's summit"
      |(?P<last_week>\s+(?i:(?:of\s+)?last\s+week))           # "Tuesday last week"
      |\s+(?P<week_on>(?i:week|next))                         # "Tuesday week": a plan
      |\s+(?i:morning|afternoon|evening|night)                # "Tuesday evening"
    )?
    (?![\w-])                                                 # a whole word
""", re.VERBOSE)

RE_CALENDAR_SPAN = re.compile(r"""
    (?<![\w-])                                                # a whole word
    (?:(?P<lead>(?i:on|in|at|during|since|until|till|by|from))\s+)?  # "at last week's summit"
    (?P<phrase>(?i:
        (?:earlier|later)\s+this\s+(?:week|month)             # "earlier this week"
       |(?P<month_part>early|mid|late)[\s-]+(?:this|last)\s+month   # "early this month": a week of it
       |(?:this\s+past|this\s+coming|this|last|next|the\s+coming)\s+(?:weekend|week|month)
       |(?:at|over|during)\s+the\s+weekend                    # "at the weekend"
       |the\s+weekend(?=['’]s)                                # "the weekend's talks"
    ))
    (?P<possessive>['’]s)?                                    # "last week's summit"
    (?![\w-])                                                 # a whole word
""", re.VERBOSE)

RE_AGO = re.compile(rf"""
    (?<![\w-])                                                # a whole word
    (?P<count>(?i:{COUNT}|a\s+few|several|few))               # how many (vague ones match too)
    \s+(?P<unit>(?i:days?|weeks?|fortnights?|months?|years?)) # of what
    \s+(?i:ago)(?![\w-])                                      # counted back from publication
""", re.VERBOSE)

RE_ANAPHORIC = re.compile(rf"""
    (?<![\w-])                                                # a whole word
    (?:(?P<lead>(?i:on|at|by|since|until|from))\s+)?          # "on the same day"
    (?P<phrase>(?i:
        (?:the|a|one|that|{COUNT})\s+(?:days?|weeks?|nights?|mornings?|evenings?)\s+
        (?:earlier|later|(?:before|after){STANDS_ALONE}|prior(?!\s+to\b){STANDS_ALONE})
                                                              # "the day before", "two days later"
       |the\s+(?:previous|preceding|prior|following|next)
        \s+(?:day|week|morning|afternoon|evening|night)
                                                              # "the previous day"
       |(?:that|the)\s+same\s+(?:day|morning|afternoon|evening|night)
       |that\s+(?:day|morning|afternoon|evening|night)          # "that day", "the same day"
       |(?:in|by)\s+the\s+(?:morning|afternoon|evening)        # "in the evening": of that day
       |within\s+(?:(?:a\s+few|a\s+couple\s+of|some|several|an|the)\s+)?(?:hours?|minutes)
                                                              # "within hours", "within the hour"
       |(?:(?:a\s+few|a\s+couple\s+of|some|several|{COUNT})\s+)?(?:hours|minutes|moments)
        \s+(?:later|earlier)                                   # "hours later": the same day
       |shortly\s+after(?:wards?|{STANDS_ALONE})              # "shortly afterwards"
    ))
    (?![\w'’-])                                               # a whole word, not "that day's"
""", re.VERBOSE)

RE_ANAPHOR_PARTS = re.compile(r"""
    (?P<count>\d{1,3}|a\s+couple\s+of|\w+)\s+                 # the number, or the/a/that
    (?P<unit>\w+?)s?\s*                                       # day(s), week(s), night...
    (?P<direction>\w*)$                                       # before / later / "" for "that day"
""", re.VERBOSE | re.IGNORECASE)
"""Splits a normalised anaphor: "two days earlier", "the day before"; see `_read_anaphoric`."""

RE_SAME_DAY_ANAPHOR = re.compile(r"\b(?:hours?|minutes|moments|shortly|same)\b|^(?:in|by)\s")
"""An anaphor within the anchor's day: "hours later", "shortly afterwards", "within hours",
"that same evening", "in the evening"."""
RE_OPEN_ANAPHOR = re.compile(r"^(?:in|by|within)\s")
"""A same-day anaphor whose clause decides its tense: "he spoke in the evening" is that day,
"he will speak in the evening" a plan."""

AUXILIARIES = frozenset({"was", "were", "had", "did"})
RE_EVENT_VERB = re.compile(rf"""
    (?<![\w'’-])
    (?!(?:{"|".join(AUXILIARIES)})\b)                          # "was" is no event of its own
    (?P<verb>{_alternation(_read_phrases("past_verbs.txt"))}|[a-z][a-z]+(?<!e)ed)  # signed, met, held
    (?![\w'’-])
""", re.VERBOSE)
"""A past verb that names an event: what "the day before he signed" points back to."""

RE_PARTICIPLE_BY = re.compile(r"\s+by\b")
RE_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
"""With "by" after it, a participle tells an event only as a passive verb ("was signed by")."""

RE_EVENT_ANAPHOR = re.compile(rf"""
    (?<![\w-])
    (?:(?P<same>(?i:(?:almost\s+|just\s+)?as\s+soon\s+as|(?:hours|minutes)\s+after))  # "as soon as"
      |(?:(?i:on)\s+)?(?i:the\s+(?:very\s+)?day)               # "on the day", "the day"
       (?:\s+(?P<direction>(?i:before|after)))?                 # "the day before"
    )
    \s+(?:(?i:that|when)\s+)?                                # "the day that ..."
    (?P<event>(?:(?!(?i:of|in|at|on|for|to)\b)[\w'’]+\s+){{0,3}}?  # "he", "the order was"
       (?!(?:{"|".join(AUXILIARIES)})\b)
       (?P<verb>{_alternation(_read_phrases("past_verbs.txt"))}|[a-z][a-z]+(?<!e)ed))  # "signed"
    (?![\w'’-])
""", re.VERBOSE)
"""A day named by an event told earlier: "the day before he signed", "on the day the order was
signed", "the day after they met", "as soon as the deal was announced", "hours after they met".
Its day is the day of that event (`EventDay`)."""


def _may_name_event_day(lowered: str) -> bool:
    """Whether a lower-cased text holds what every match of RE_EVENT_ANAPHOR needs: "soon" ("as
    soon as"), "hours" or "minutes" with "after", or "day" right after white space ("the day").
    Not the "day" of "Monday" or "today": a third of news sentences hold one, one in fourteen these."""
    if "soon" in lowered or ("after" in lowered and ("hours" in lowered or "minutes" in lowered)):
        return True
    at = lowered.find("day", 1)
    while at >= 0:
        if lowered[at - 1].isspace():   # what `\s` matches
            return True
        at = lowered.find("day", at + 1)
    return False


RE_CLAUSE_BOUNDARY = re.compile(r"""
    [;:!?()\[\]"“”—–]                                         # strong punctuation and quotes
   |,\s                                                       # a comma between clauses
   |\s-\s                                                     # a spaced dash
   |\.(?<![A-Z]\.)(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z][a-z]{2}\.)(?<!\b[A-Z][a-z]{3}\.)(?:\s|$)
                                                              # a full stop, not "U.S." or "Gen."
                                                              # (the stop first: other places fail at once)
""", re.VERBOSE)

RE_TENSE_CUE = re.compile(rf"""
    (?:(?<![\w'’])|(?=['’]))                                  # a whole word, or "'ll" in "he'll"
    (?:(?P<future>{_alternation(_read_phrases("future_cues.txt"))})(?!\s+have\b)(?!(?<=next)\s+to\b)
                                                              # will, would, expected to, next
                                                              # (not "next to", a place)
      |(?<!\sbe\s)(?P<past>{_alternation(_read_phrases("past_verbs.txt"))}
               |(?!hundred\b)(?!Red\b)[A-Za-z][a-z]{{1,}}(?<!e)ed)  # met, said, ruled, "Asked" (not "need")
    )
    (?![\w'’])
""", re.VERBOSE)

RE_PRESENT_VERB = re.compile(r"(?<![\w'’])(?i:is|are|am|be|isn['’]t|aren['’]t)(?![\w'’])|['’]s\s+(?:on|in)\b")
"""A present copula after a clause's past verb: "said the hearing is on 25 February" tells a
plan, so a yearless day just ahead stays the coming one (see `_Reading`'s "if_past")."""

RE_PLAN_VERB = re.compile(rf"""
    (?<![\w'’])(?i:{_alternation(_read_phrases("plan_verbs.txt"))})(?![\w'’])  # announced, set out
   |(?<![\w'’])(?i:set\s+for|for)\s*$                          # "the vote was set for" (20 March)
""", re.VERBOSE)
"""A past verb whose object is an event to come ("announced a review in June"): a yearless date
just ahead after it is that event's, not last year's (see `_Reading`'s "if_past")."""

RE_PARTICIPLE = re.compile(r"[a-z]+ed")
"""A future cue that is a bare participle ("proposed", "planned"), not "expected to"."""
RE_FIRST_BEFORE = re.compile(r"\b(?:first|originally|initially)\s+$", re.IGNORECASE)
RE_WHEN_PAST_AFTER = re.compile(r"\s*,\s*when\s+(?:\w+\s+){1,3}?(?:[a-z]+ed|told|said|met|wrote|spoke|gave|made)\b")
"""The participle's own past: "first proposed the deal in March", "in March, when she told"."""

RE_ROLE_CUE = re.compile(rf"""
    (?<![\w'’])
    (?:(?P<speech>(?i:{_alternation(_read_phrases("speech_cues.txt"))}))
                                                              # said, told, at a briefing
      |(?P<background>(?i:after|since|until|till|before|following|ahead\s+of|prior\s+to
                          |in\s+the\s+wake\s+of))             # dates another event
      |(?P<relative>who|which|whose                           # a relative clause: another event
         |(?i:to|for|on|of|with|from|under|over|about|by)\s+(?i:the|a|an|its|their|his|her|this|that)\s+
          (?:[a-z][\w'’-]*\s+){{1,3}}?(?:reached|signed|agreed|struck|brokered|announced|imposed|approved
                                      |adopted|passed|unveiled|declared|offered|proposed|made)
                                                              # "committed to the truce reached" (in May)
         |(?i:the|a|an|its|their|this|that)\s+[a-z][\w'’-]*\s+(?:he|she|they|we)\s+(?:had\s+)?[a-z]+ed)
                                                              # "the truce he claimed" (credit for in May)
      |(?P<compared>(?i:where|as)\s+(?:it|they|he|she|things|talks|prices|rates)\s+(?:was|were|stood|did|had\s+been|had\s+stood))
                                                              # "close to where it was" (on 30 September)
      |(?P<stop>that)                                         # a reported clause starts
    )
    (?![\w'’])
""", re.VERBOSE)

RE_DAY_FROM_EVENT = re.compile(r"""
    (?<![\w'’-])(?:(?i:on)\s+)?                                # "on the eve of"
    (?i:the\s+(?:eve\s+of|day\s+(?P<direction>before|after)))   # the eve of, the day before
    \s+(?P<event>(?:[\w'’-]+\s+){0,4})$                        # "the vote", "the budget vote"
""", re.VERBOSE)
"""A day counted from an event the date names: "on the eve of the vote on Tuesday" is Monday,
"the day after the count on Sunday" Monday, and either is the statement's own day, not background."""

RE_PERFECT_PARTICIPLE = re.compile(r"(?<![\w'’])(?i:having)\s+(?:\w+ly\s+)?[a-z]+(?![\w'’])")
"""A perfect participle ("having warned"): its clause tells of an event before the main one."""


RE_YEAR_OBJECT = re.compile(rf"\s+{YEAR_NUMBER}\b")
"""A background word whose object is a year ("talks since 2022 ended on Friday") dates that
year, not the day named after it."""

RE_RIGHT_AFTER = re.compile(r"""
    (?:\s+(?!(?:days?|weeks?|months?|years?|hours?)\b)[A-Za-z]+){0,2}  # "told reporters", not "days"
    \s+(?i:after|following)                                   # the event just before
""", re.VERBOSE)
"""What may stand between a speech word and "after": up to two words that are no span of time."""

RE_QUOTED_SPAN = re.compile(r"""
    “[^”]*(?:”|$)                                             # curly; a paragraph may leave it open
   |"[^"]*(?:"|$)                                             # straight quotes
""", re.VERBOSE)

RE_DATELINE = re.compile(rf"""
    \s*[A-Z][A-Z'’.-]*(?:[\s/]+[A-Z][A-Z'’.-]*)*              # KYIV, NEW YORK, KYIV/MOSCOW
    (?:,\s*[A-Z][a-z]+)?                                       # ", Scotland"
    ,\s+(?:{MONTH_NAMES}\s+{DAY_NUMBER}|{DAY_NUMBER}\s+{MONTH_NAMES})(?:,?\s+{YEAR_NUMBER})?
                                                              # the filing day: "Sept 5"
    \s*(?:\([^)]*\)\s*)?                                      # the agency: "(Northbridge Wire)"
    [-—–]                                                     # the dash before the story
""", re.VERBOSE)
"""A wire story's dateline ("PARIS, Sept 5 (Wire) -"): the day it was filed, not a day anything
in the story happened, so no date is read from it."""

RE_ENTRY_HEADER = re.compile(rf"""
    [\s#>*_]*                                                 # Markdown marks: "## ", "**", "> "
    (?:(?i:(?:last\s+)?(?:updated|posted|published))\s*:?\s*)?  # a label some blogs print first
    (?:(?P<weekday>(?i:{WEEKDAY_NAMES})|{WEEKDAY_ABBREVIATIONS})\.?,?\s*)?  # the weekday
    (?P<date>
        {DAY_NUMBER}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_NAMES})(?:,?\s+{YEAR_NUMBER})?
                                                              # 19 August 2025
      |(?:{MONTH_NAMES})\s+{DAY_NUMBER}(?:st|nd|rd|th)?(?:,?\s+{YEAR_NUMBER})?
                                                              # August 19, 2025
      |{YEAR_NUMBER}-\d{{2}}-\d{{2}}                          # 2025-08-19
      |\d{{1,2}}/\d{{1,2}}/{YEAR_NUMBER}                      # 19/08/2025
    )?
    (?:\s*(?:,|at|@|-|–|—|\||•)?\s*                           # a separator before the time
       (?P<time>(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*(?i:[ap]\.?m\.?))?
               |(?:1[0-2]|0?[1-9])\s*(?i:[ap]\.?m\.?))        # 14:05, 2.05pm, 2pm
       (?:\s*(?P<zone>[A-Z]{{2,5}}(?:[+-]\d{{1,2}}(?::?\d{{2}})?)?))?  # BST, UTC+1
    )?
    [\s*_]*                                                   # closing Markdown marks
""", re.VERBOSE)

WINDOW = 120  # characters looked at on each side of an expression for its clause
FORWARD_SPEECH = 40  # "Yesterday Trump said": how far after an expression a speech word counts
BACKGROUND_LEADS = frozenset({"since", "until", "till", "before", "after", "through", "throughout", "from"})
DEADLINE_LEADS = frozenset({"by", "until", "till"})  # "pared bets ... but see a cut by September"
SETTING_LEADS = frozenset({"at", "during", "in"})
PRECISION_RANK = MappingProxyType({"day": 0, "week": 1, "month": 2})
ROLE_RANK = MappingProxyType({"speech": 0, "main": 1})


def find_dates(text: str, doc_date: datetime.date,
               anchor: datetime.date | None = None) -> list[DateRef]:
    """All date expressions in `text` that point at a day up to `doc_date`, in text order.

    Plans ("next week", "will meet on Friday") are left out, so no returned date is after
    `doc_date`. See the module docstring for the rules.

    >>> [(ref.expression, ref.date.isoformat(), ref.precision)
    ...  for ref in find_dates("After Friday's talks, leaders met on Monday.",
    ...                        datetime.date(2025, 8, 20))]
    [("Friday's", '2025-08-15', 'day'), ('on Monday', '2025-08-18', 'day')]
    """
    return [found.ref for found in _find(text, _as_day(doc_date), _as_day(anchor))]


def date_statement(text: str, doc_date: datetime.date,
                   anchor: datetime.date | None = None) -> DateRef | None:
    """The expression that dates the position in `text`, or None when nothing does.

    Background dates (of other events: "after Friday's talks") and quoted ones never count;
    then a speech word's date beats others, day beats week beats month, and the first wins. None means the caller keeps the anchor or the publication day.

    >>> ref = date_statement("After Friday's talks, Trump told reporters on Monday he was open.",
    ...                      datetime.date(2025, 8, 20))
    >>> ref.expression, ref.date.isoformat()
    ('on Monday', '2025-08-18')
    >>> date_statement("Trump will meet Putin on Friday.", datetime.date(2025, 8, 20)) is None
    True
    """
    candidates = [found for found in _find(text, _as_day(doc_date), _as_day(anchor))
                  if found.role != "background" and not found.is_quoted]
    if not candidates:
        return None
    best = min(candidates, key=lambda found: (ROLE_RANK[found.role],
                                              PRECISION_RANK[found.ref.precision],
                                              found.ref.start))
    return best.ref


def parse_entry_header(line: str, doc_date: datetime.date) -> datetime.date | None:
    """The day of a live-blog entry header line, or None when the line is not a dated header.

    Live blogs restart "today" with each entry, so each header's day is the publication day
    of the text under it. A time-only header ("14:05 BST") gives None: the caller keeps the
    current day. A day after `doc_date` gives None too, so no statement is dated after its
    document; a year left out is the latest one not after `doc_date`.

    >>> parse_entry_header("Tuesday 19 August 2025 14:05", datetime.date(2025, 8, 20))
    datetime.date(2025, 8, 19)
    >>> parse_entry_header("14:05 BST", datetime.date(2025, 8, 20)) is None
    True
    """
    doc_date = _as_day(doc_date)
    match = RE_ENTRY_HEADER.fullmatch(line)
    if match is None:
        return None
    if match.group("date"):
        words = match.group("date")
        order = "DMY"
        if "/" in words:
            order = _numeric_order(*(int(part) for part in words.split("/")[:2]))
            if order is None:
                return None
        day = _parse_absolute(words, doc_date, order)
    elif match.group("weekday"):
        try:
            day = _latest_weekday(doc_date, _weekday_number(match.group("weekday")), strictly=False)
        except OverflowError:  # before the first Monday of year 1
            return None
    else:
        return None
    return day if day is not None and day <= doc_date else None


@dataclass(frozen=True)
class EventDay:
    """A day named by an earlier event: `verb` is the event's verb as written ("signed"),
    `offset` the days from that event (-1 "the day before", 1 "the day after", 0 "on the day")."""

    verb: str
    offset: int
    expression: str
    start: int
    end: int


def find_event_days(text: str) -> list[EventDay]:
    """The days in `text` that are named by another event rather than by a date.

    >>> [(event.verb, event.offset) for event in find_event_days("The day before he signed, Rubio called.")]
    [('signed', -1)]
    >>> find_event_days("The day before the summit was chaotic.")
    []
    """
    lowered = text.lower()
    if _folds_plainly(text, lowered) and not _may_name_event_day(lowered):
        return []   # most sentences: the pattern would try every place in vain
    events = []
    for match in RE_EVENT_ANAPHOR.finditer(text):
        direction = (match.group("direction") or "").lower()
        offset = {"before": -1, "after": 1}.get(direction, 0)
        if not direction and not match.group("same") and not match.group(0).lower().startswith("on"):
            continue  # "the day he signed was hot": no time adverbial
        events.append(EventDay(match.group("verb").lower(), offset, match.group(0), match.start(), match.end()))
    return events


def event_verbs(text: str) -> list[tuple[str, int]]:
    """The event verbs of a text ("signed", "met") and their offsets, for `find_event_days`; a
    participle that names a thing ("the deal announced by the mediators") tells no event."""
    return [(match.group("verb").lower(), match.start()) for match in RE_EVENT_VERB.finditer(text)
            if not RE_PARTICIPLE_BY.match(text, match.end())
            or RE_PASSIVE_BEFORE.search(text, 0, match.start())]


@functools.lru_cache(maxsize=4096)
def _find(text: str, doc_date: datetime.date, anchor: datetime.date | None) -> tuple[_Found, ...]:
    """Every past or present date expression in `text`, with its role, in text order. Remembered
    like `_candidates`: a story reader asks for the same sentence, day and anchor twice in a row
    (`StoryDates.read`, then its events), and clauses that are whole sentences are asked again."""
    found = []
    for candidate in _candidates(text):
        if candidate.is_skipped:
            continue
        match = candidate.match
        if candidate.offset and any(f.ref.end > candidate.start for f in found):
            # "the day before May 2025 on Tuesday": another date inside the event's words, so
            # "the day before" counts from that, not from Tuesday
            candidate = replace(candidate, start=match.start(), offset=0)
        try:
            reading = candidate.reader(match, doc_date, anchor)
        except (OverflowError, ValueError):  # a day outside the calendar (year 1, 9999)
            continue
        if reading is not None and candidate.offset and reading.precision == "day":
            reading = replace(reading, date=reading.date + datetime.timedelta(days=candidate.offset))
        if reading is None or reading.date > doc_date:  # a plan, or nothing we can date
            continue
        if reading.tense == "open" and candidate.tense == "future":
            continue
        if reading.tense == "if_past" and not candidate.is_told_as_past:
            continue  # "will meet in May" in a March paper: a plan, not last May
        ref = DateRef(reading.date, reading.precision, text[candidate.start:match.end()], candidate.start,
                      match.end(), reading.relative_to, candidate.role == "background",
                      candidate.is_quoted)
        found.append(_Found(ref, candidate.role, candidate.is_quoted))
    return tuple(found)


def forget_texts() -> None:
    """Drop the remembered pattern matches and readings (the caller's document is done)."""
    _candidates.cache_clear()
    _find.cache_clear()


@dataclass(frozen=True)
class _Candidate:
    """A pattern's match and what its clause makes of it, whatever day it resolves to: a
    sentence is dated several times (for the article's focus, its paragraph, each clause),
    against other days and anchors, but its words are read once."""

    match: re.Match
    reader: Reader
    is_skipped: bool   # in the dateline, a deadline ("by Friday"), or a period's start
    tense: str         # of its clause: "future", "past" or "none"
    is_told_as_past: bool  # a past verb, with no present one, rules its clause: "backed it in May"
    start: int         # where the expression starts: before the match for "the eve of the vote on ..."
    offset: int        # days from the date named: -1 for "the eve of the vote on Tuesday"
    role: str          # "speech" | "main" | "background"
    is_quoted: bool


@functools.lru_cache(maxsize=4096)
def _candidates(text: str) -> tuple[_Candidate, ...]:
    """The date patterns' matches in a text and their clauses' readings (see `_Candidate`)."""
    lowered = text.lower()
    families = set()
    first = _first_hint(lowered)
    if first is not None:
        families = {hint.lastgroup for hint in RE_PATTERN_FAMILY.finditer(lowered, _family_scan_start(lowered, first))}
    if RE_MONTH_HINT.search(text):
        families.add("months")
    if any(key in lowered for key in YEAR_HINT_KEYS) and RE_YEAR_HINT.search(lowered):
        families.add("years")
    if not families:
        return ()
    matches = _matches(text, families)
    if not matches:
        return ()
    dateline = RE_DATELINE.match(text)
    quoted_spans = [span.span() for span in RE_QUOTED_SPAN.finditer(text)]
    return tuple(_candidate(text, match, reader, dateline, quoted_spans) for match, reader in matches)


def _first_hint(lowered: str) -> int | None:
    """Where the first word a date pattern needs (`HINT_WORDS`, a digit) stands in a lower-cased
    text, or None when it has no date hint at all (what `RE_DATE_HINT` finds, found with plain
    substring searches, which cost a fraction of one pass of the pattern)."""
    places = [place for place in map(lowered.find, HINT_WORDS) if place >= 0]
    digit = RE_DIGIT.search(lowered)
    if digit is not None:
        places.append(digit.start())
    if not places:
        return None
    if not any(word in lowered for word in SURE_HINT_WORDS) and RE_DATE_HINT.search(lowered) is None:
        return None   # only "ago" in "Chicago", "hours" without "later", a digit not of a date
    return min(places)


def _family_scan_start(lowered: str, first: int) -> int:
    """A place no family hint (`RE_PATTERN_FAMILY`) can start before, the first hint word being
    at `first`: a hint may open with one word before it ("last night", "the previous day", "this
    morning") or with the start of its own word ("Wednesday"), none longer than
    `HINT_LEAD_CHARS`, so the scan starts there rather than at the beginning of the text."""
    start = first
    while start > 0 and lowered[start - 1].isspace():
        start -= 1
    return max(0, start - HINT_LEAD_CHARS)


# Words that may stand before a fronted time and leave it fronted: "Back in May, ...", "Only
# last week, ...".
RE_FRONTING_ADVERB = re.compile(r"^\s*(?i:(?:way\s+|as\s+far\s+)?back(?:\s+as)?|only|even|just)\s*$")


def _candidate(text: str, match: re.Match, reader: Reader, dateline: re.Match | None,
               quoted_spans: list[tuple[int, int]]) -> _Candidate:
    lead = (match.group("lead") or "").lower() if "lead" in match.re.groupindex else ""
    lead_word = lead.split()[0] if lead else ""
    before = _clause_before(text, match.start())
    after = _clause_after(text, match.end(), is_clause_start=not RE_FRONTING_ADVERB.sub("", before).strip())
    tense = _clause_tense(before, after)
    is_skipped = (bool(dateline) and match.start() < dateline.end()
                  or lead_word == "by" and tense != "past"   # "by Friday" is a deadline, but
                                                             # "by Sunday he had backed down" a day
                  or bool(RE_PERIOD_START.search(before)))   # "a ceasefire starting on Monday" begins
    is_possessive = "possessive" in match.re.groupindex and bool(match.group("possessive"))
    is_told_as_past = tense == "past" and lead_word not in DEADLINE_LEADS
    if is_told_as_past:
        told = before[_last_past_cue_start(before):]
        is_told_as_past = not RE_PRESENT_VERB.search(told) and not RE_PLAN_VERB.search(told)
    lowered = before.lower()
    event = RE_DAY_FROM_EVENT.search(before) if "eve " in lowered or "the day " in lowered else None
    if event is not None and not RE_TENSE_CUE.search(event.group("event")):
        # "on the eve of Monday's hearing": the day of the position, not another event's
        direction = (event.group("direction") or "before").lower()
        expression_start = match.start() - len(before) + event.start()
        offset = 1 if direction == "after" else -1
        role = _clause_role(before[:event.start()], after, "on", is_possessive=False)
    else:
        expression_start, offset = match.start(), 0
        role = _clause_role(before, after, lead_word, is_possessive)
    return _Candidate(match, reader, is_skipped, tense, is_told_as_past, expression_start, offset, role,
                      any(start <= match.start() < end for start, end in quoted_spans))


def _matches(text: str, families: set[str]) -> list[tuple[re.Match, Reader]]:
    """Non-overlapping pattern matches in text order; the longer of two overlapping wins."""
    lowered = text.lower()
    matches = [(match, reader, priority)
               for priority, (needs, pattern, reader) in enumerate(READERS)
               if not needs.isdisjoint(families)
               for match in _finditer(pattern, text, lowered)]
    matches.sort(key=lambda item: (item[0].start() - item[0].end(), item[2], item[0].start()))
    chosen: list[tuple[re.Match, Reader]] = []
    for match, reader, _ in matches:
        if all(match.end() <= other.start() or match.start() >= other.end()
               for other, _ in chosen):
            chosen.append((match, reader))
    return sorted(chosen, key=lambda item: item[0].start())


def _finditer(pattern: re.Pattern, text: str, lowered: str):
    """`pattern.finditer(text)`, faster for a pattern whose every match holds a key word
    (`KEY_WORDS`): such a pattern tries every place of a text, but a match can only start a few
    words before a key word, so each search starts there (see `_key_search_start`)."""
    key_words = KEY_WORDS.get(pattern)
    if key_words is None or not _folds_plainly(text, lowered):
        yield from pattern.finditer(text)
        return
    keys, lead_words, lead_chars = key_words
    position = 0
    while True:
        places = [place for place in (lowered.find(key, position) for key in keys) if place >= 0]
        if not places:
            return
        match = pattern.search(text, max(position, _key_search_start(lowered, min(places), lead_words, lead_chars)))
        if match is None:
            return
        yield match
        position = match.end()


def _key_search_start(lowered: str, key: int, lead_words: int, lead_chars: int) -> int:
    """A place no match can start after, for a key word at `key`: up to `lead_words` words of up
    to `lead_chars` characters, each followed by white space, may open a match before it."""
    start = key
    for _ in range(lead_words):
        while start > 0 and lowered[start - 1].isspace():
            start -= 1
        start = max(0, start - lead_chars)
    return start


def _clause_before(text: str, start: int) -> str:
    """The text of the clause before `start`, cut at the nearest clause boundary."""
    window = text[max(0, start - WINDOW):start]
    boundary = None
    for boundary in RE_CLAUSE_BOUNDARY.finditer(window):
        pass
    return window[boundary.end():] if boundary else window


def _clause_after(text: str, end: int, is_clause_start: bool) -> str:
    """The text of the clause after `end`; a fronted "On Monday," reaches past its comma."""
    window = text[end:end + WINDOW]
    if is_clause_start and window.lstrip().startswith(","):
        window = window.lstrip()[1:]
    boundary = RE_CLAUSE_BOUNDARY.search(window)
    return window[:boundary.start()] if boundary else window


def _last_past_cue_start(before: str) -> int:
    """Where the last past verb before an expression starts (0 with none): it and the words
    after it may still make the expression a plan ("said the hearing is on 25 February",
    "announced a review in June")."""
    cues = [cue for cue in RE_TENSE_CUE.finditer(before) if cue.lastgroup == "past"]
    return cues[-1].start() if cues else 0


def _clause_tense(before: str, after: str) -> str:
    """ "future", "past" or "none": the nearest tense cue before, else the first after. After
    the expression a bare participle is the clause's main verb, in the past ("Putin on Sunday
    proposed talks"), whereas before it marks a plan ("the proposed talks on Thursday")."""
    cues = list(RE_TENSE_CUE.finditer(before))
    if cues:
        last = cues[-1]
        if last.lastgroup == "future" and RE_PARTICIPLE.fullmatch(last.group(0)) and (
                RE_FIRST_BEFORE.search(before, 0, last.start()) or RE_WHEN_PAST_AFTER.match(after)):
            return "past"   # "first proposed it in November", "proposed it in March, when she told ..."
        return last.lastgroup
    cue = RE_TENSE_CUE.search(after)
    if cue is None:
        return "none"
    if cue.lastgroup == "future" and RE_PARTICIPLE.fullmatch(cue.group(0)):
        return "past"
    return cue.lastgroup


def _clause_role(before: str, after: str, lead: str, is_possessive: bool) -> str:
    """ "background", "speech" or "main": what the expression dates in its clause."""
    cues = [cue for cue in RE_ROLE_CUE.finditer(before)
            if not (cue.lastgroup == "background" and RE_YEAR_OBJECT.match(before, cue.end()))]
    if _is_said_right_after(before, cues):
        return "speech"
    if lead in BACKGROUND_LEADS or (is_possessive and lead not in SETTING_LEADS):
        return "background"
    if RE_PERFECT_PARTICIPLE.search(before):
        return "background"   # "..., having warned in mid-August": before the clause's own event
    nearest = cues[-1].lastgroup if cues else "stop"
    if nearest in ("background", "relative", "compared"):
        return "background"
    if nearest == "speech":
        return "speech"
    cue = RE_ROLE_CUE.search(after[:FORWARD_SPEECH])
    return "speech" if cue and cue.lastgroup == "speech" else "main"


def _is_said_right_after(before: str, cues: list[re.Match]) -> bool:
    """ "Starmer announced after Sunday's summit", "told reporters after talks on Monday": words
    said straight after an event were said on its day (but not "said, days after ...")."""
    if len(cues) < 2 or cues[-1].lastgroup != "background" or cues[-2].lastgroup != "speech":
        return False
    return bool(RE_RIGHT_AFTER.fullmatch(before, cues[-2].end(), cues[-1].end()))


def _read_numeric_date(match: re.Match, doc_date: datetime.date,
                       anchor: datetime.date | None) -> _Reading | None:
    """15/08/2025, 08/15/2025 or 2025-08-15; 05/08/2025 could be either and is skipped, unless
    one reading lies after the publication day and a past clause tells it (see "if_past")."""
    if match.group("iso_year"):
        parsed = _parse_absolute("-".join(match.group("iso_year", "iso_month", "iso_day")),
                                 doc_date, "YMD")
        return _Reading(parsed) if parsed else None
    words = f"{match.group('first')}/{match.group('second')}/{match.group('year')}"
    order = _numeric_order(int(match.group("first")), int(match.group("second")))
    if order is not None:
        parsed = _parse_absolute(words, doc_date, order)
        return _Reading(parsed) if parsed else None
    readings = {_parse_absolute(words, doc_date, order) for order in ("DMY", "MDY")}
    past = [day for day in readings if day is not None and day <= doc_date]
    if len(past) == 1 and len(readings) == 2:
        return _Reading(past[0], tense="if_past")   # "backed it on 03/04/2026", on 12 March: 4 March
    return None


def _read_named_day(match: re.Match, doc_date: datetime.date,
                    anchor: datetime.date | None) -> _Reading | None:
    """15 August, Aug. 15, 2025, Tuesday 19 August: a day; a year in the words fixes the tense.

    Without a year it is the latest such day not after the publication day, unless the same
    day ahead is much nearer (see `_is_ahead`): "talks in Istanbul on 2 June", written on
    29 May, is a plan, not last year's 2 June.
    """
    month = MONTH_NUMBERS.get(match.group("month").lower().rstrip(".")[:3])
    if month is None:
        return None
    day = int(match.group("day"))
    if match.group("year"):
        try:
            return _Reading(datetime.date(int(match.group("year")), month, day), tense="past")
        except ValueError:  # "31 February"
            return None
    past = coming = None
    for year in (doc_date.year + 1, doc_date.year, doc_date.year - 1):
        try:
            candidate = datetime.date(year, month, day)
        except ValueError:  # "29 February" in a common year
            continue
        if candidate > doc_date:
            coming = candidate
        elif past is None:
            past = candidate
    if past is None:
        return None
    if _is_ahead(past, coming, doc_date):
        return _Reading(past, tense="if_past")   # "backed it on 20 March", in a 12 March paper
    return _Reading(past, tense="open")


def _is_ahead(past_end: datetime.date, coming: datetime.date | None, doc_date: datetime.date) -> bool:
    """Whether a day or month named without a year is the coming one: when it lies less than
    half as far ahead as the last one lies back. News tells of the recent past more than of
    plans, but "talks on 2 June" in a 29 May paper, or "a review in December" in October, are
    weeks ahead, not most of a year back."""
    return coming is not None and 2 * (coming - doc_date).days < (doc_date - past_end).days


def _read_day_of_month(match: re.Match, doc_date: datetime.date,
                       anchor: datetime.date | None) -> _Reading | None:
    """ "on the 15th": that day of the publication month, or of the month before."""
    day, month_start = int(match.group("day")), doc_date.replace(day=1)
    for first in (month_start, _add_months(month_start, -1), _add_months(month_start, -2)):
        try:
            candidate = first.replace(day=day)
        except ValueError:  # "the 31st" in a 30-day month
            continue
        if candidate <= doc_date:
            return _Reading(candidate, tense="open")
    return None


def _read_month(match: re.Match, doc_date: datetime.date,
                anchor: datetime.date | None) -> _Reading | None:
    """in May, mid-May, last May, May 2025: the 1st of the latest such month not after doc_date."""
    name = match.group("month") or match.group("bare_month")
    year = match.group("year") or match.group("bare_year")
    month = MONTH_NUMBERS[name[:3].lower()]
    lead = "" if (match.group("lead") or "").lower().startswith("as") else (match.group("lead") or "")   # "as late as May"
    modifier = lead.split()[-1].lower() if lead else ""
    if modifier == "next":
        return None  # a plan
    if year:
        return _Reading(datetime.date(int(year), month, 1), "month")
    if modifier == "last":
        in_year = doc_date.year if month < doc_date.month else doc_date.year - 1
        return _Reading(datetime.date(in_year, month, 1), "month")
    in_year = doc_date.year if month <= doc_date.month else doc_date.year - 1
    if modifier == "this":
        in_year = doc_date.year
    part = next((word for word in lead.lower().split() if word in MONTH_PART_STARTS), "")
    tense = "open"
    if (in_year, month) == (doc_date.year, doc_date.month) and doc_date.day < MONTH_PART_STARTS.get(part, 1):
        in_year, tense = in_year - 1, "if_past"  # "from late August" in a 7 August paper: a plan
    elif modifier != "this" and _is_ahead(_add_months(datetime.date(in_year, month, 1), 1) - datetime.timedelta(days=1),
                                          datetime.date(in_year + 1, month, 1), doc_date):
        tense = "if_past"  # "in December", written in October: a plan, unless told as past
    part = next((word for word in lead.lower().split() if word in MONTH_PART_DAYS), "")
    if part:   # "mid-August": about a week, not the whole month
        return _Reading(min(doc_date, datetime.date(in_year, month, MONTH_PART_DAYS[part])), "week", tense=tense)
    return _Reading(datetime.date(in_year, month, 1), "month", tense=tense)


def _read_year(match: re.Match, doc_date: datetime.date,
               anchor: datetime.date | None) -> _Reading | None:
    """in 2024, late last year, earlier this year: month precision on a representative month.

    There is no year precision, so a past year is dated to a month standing for it (`YEAR_PART_MONTHS`:
    July for a whole year, November for its late part). The current year runs to the publication
    day: "earlier this year" is the month halfway from January to doc_date's month; "this year" or
    "in 2026" alone, which include the publication day, date nothing; "later this year" is a plan.
    """
    part = " ".join((match.group("part") or "").lower().split())
    part = part.split()[-2] if part.endswith(" of") else part   # "the end of" -> "end"
    if match.group("number"):
        if not (match.group("lead") or part):
            return None   # "the 2022 invasion", "the treaty of 1994"
        year = int(match.group("number"))
    else:
        year = doc_date.year - (match.group("which").lower() == "last")
    if year < doc_date.year:
        return _Reading(datetime.date(year, YEAR_PART_MONTHS[part], 1), "month")
    if year > doc_date.year or part in ("", "later"):
        return None   # a plan, or a span that includes the publication day
    halfway = datetime.date(year, (1 + doc_date.month) // 2, 1)
    if part == "earlier":
        return _Reading(halfway, "month")
    if part in ("early", "start", "beginning"):
        return _Reading(min(halfway, datetime.date(year, YEAR_PART_MONTHS[part], 1)), "month", tense="open")
    day = datetime.date(year, YEAR_PART_MONTHS[part], 1)
    return _Reading(day, "month", tense="open") if day <= doc_date else None


YEAR_PART_MONTHS = MappingProxyType({"": 7, "early": 2, "earlier": 2, "start": 1, "beginning": 1,
                                     "mid": 6, "middle": 6, "late": 11, "later": 11, "end": 12})
"""The month that stands for a year or a part of it, a year having no precision of its own."""


MONTH_PART_STARTS = MappingProxyType({"mid": 11, "middle": 11, "late": 21, "end": 21})
"""The first day of a named part of a month: a part of the publication month that has not
begun by the publication day lies ahead."""
MONTH_PART_DAYS = MappingProxyType({"early": 5, "start": 3, "beginning": 3, "mid": 15, "middle": 15,
                                    "late": 24, "end": 28})
"""A representative day of a named part of a month ("mid-August": the 15th, week precision)."""


def _read_deictic_day(match: re.Match, doc_date: datetime.date,
                      anchor: datetime.date | None) -> _Reading | None:
    """today, tonight, yesterday, last night; tomorrow and "later today" are plans."""
    phrase = " ".join(match.group("phrase").lower().split())
    if phrase.startswith(("tomorrow", "later today", "the day after tomorrow")):
        return None  # a plan
    if phrase == "the day before yesterday":
        return _Reading(doc_date - datetime.timedelta(days=2))
    if phrase.startswith(("yesterday", "last night")):
        return _Reading(doc_date - datetime.timedelta(days=1))
    return _Reading(doc_date)


def _read_weekday(match: re.Match, doc_date: datetime.date,
                  anchor: datetime.date | None) -> _Reading | None:
    """on Tuesday, last Tuesday, Tuesday last week, Monday's summit; next Tuesday is a plan."""
    weekday = _weekday_number(match.group("weekday"))
    modifier = " ".join((match.group("modifier") or "").lower().split())
    if modifier in ("next", "coming", "this coming") or match.group("week_on"):
        return None  # a plan
    if match.group("last_week") or modifier == "last":
        return _Reading(_monday_of(doc_date) - datetime.timedelta(days=7 - weekday))
    if modifier == "this past":
        return _Reading(_latest_weekday(doc_date, weekday, strictly=True))
    return _Reading(_latest_weekday(doc_date, weekday, strictly=False), tense="open")


def _read_calendar_span(match: re.Match, doc_date: datetime.date,
                        anchor: datetime.date | None) -> _Reading | None:
    """this/last week, earlier this month, at the weekend: week or month precision."""
    phrase = " ".join(match.group("phrase").lower().split())
    if phrase.startswith(("later", "next", "this coming", "the coming")):
        return None  # a plan
    tense = "past" if phrase.startswith(("earlier", "last", "this past")) else "open"
    if phrase.endswith("weekend"):
        saturday = _latest_weekday(doc_date, 5, strictly=False)
        if phrase.startswith(("last", "this past")) and doc_date.weekday() >= 5:
            saturday -= datetime.timedelta(days=7)
        return _Reading(saturday, "week", tense=tense)
    if phrase.endswith("week"):
        if phrase.startswith("last"):
            return _Reading(doc_date - datetime.timedelta(days=7), "week")
        return _Reading(doc_date - datetime.timedelta(days=doc_date.weekday()), "week", tense=tense)
    first = doc_date.replace(day=1)
    part = match.group("month_part")
    if part:   # "early this month", "late last month": about a week, not the whole month
        month = _add_months(first, -1) if " last " in f" {phrase} " else first
        if month == first and doc_date.day < MONTH_PART_STARTS.get(part.lower(), 1):
            return None   # "late this month" on the 10th: a plan
        return _Reading(min(month.replace(day=MONTH_PART_DAYS[part.lower()]), doc_date), "week", tense="past")
    if phrase.startswith("last"):
        return _Reading(_add_months(first, -1), "month")
    return _Reading(first, "month", tense=tense)


def _read_ago(match: re.Match, doc_date: datetime.date,
              anchor: datetime.date | None) -> _Reading | None:
    """two days ago (day), three weeks ago (week), a month ago (month); vague ones give nothing."""
    count = _count(match.group("count"))
    unit = match.group("unit").lower().rstrip("s")
    if count is None or unit == "year":
        return None  # "a few days ago" is vague, "years ago" a year at most
    if unit == "day":
        return _Reading(doc_date - datetime.timedelta(days=count))
    if unit in ("week", "fortnight"):
        days = count * (14 if unit == "fortnight" else 7)
        return _Reading(doc_date - datetime.timedelta(days=days), "week")
    return _Reading(_add_months(doc_date.replace(day=1), -count), "month")


def _read_anaphoric(match: re.Match, doc_date: datetime.date,
                    anchor: datetime.date | None) -> _Reading | None:
    """the day before, two days later, that day: counted from the anchor (or back from doc_date)."""
    phrase = " ".join(match.group("phrase").lower().split())
    if RE_SAME_DAY_ANAPHOR.search(phrase):
        count, unit, direction = 0, "day", 0
    elif phrase.startswith(("that ", "the same ")):
        count, unit, direction = 0, phrase.split()[-1], 0
    elif phrase.startswith("the ") and phrase.split()[1] in (
            "previous", "preceding", "prior", "following", "next"):
        count, unit = 1, phrase.split()[-1]
        direction = -1 if phrase.split()[1] in ("previous", "preceding", "prior") else 1
    else:
        parts = RE_ANAPHOR_PARTS.match(phrase)
        count, unit = _count(parts.group("count")), parts.group("unit")
        direction = -1 if parts.group("direction") in ("before", "earlier", "prior") else 1
    if count is None:
        return None
    is_week = unit.startswith("week")
    if anchor is None and direction >= 0:
        return None  # "the next day" after what? Only an anchor can say.
    base, relative_to = (anchor, "anchor") if anchor is not None else (doc_date, "doc")
    offset = datetime.timedelta(days=direction * count * (7 if is_week else 1))
    tense = "open" if RE_OPEN_ANAPHOR.match(phrase) else "past"
    return _Reading(base + offset, "week" if is_week else "day", relative_to, tense)


READERS = (
    (frozenset({"numeric"}), RE_NUMERIC_DATE, _read_numeric_date),
    (frozenset({"months"}), RE_DAY_MONTH, _read_named_day),
    (frozenset({"months"}), RE_MONTH_DAY, _read_named_day),
    (frozenset({"ordinal"}), RE_DAY_OF_MONTH, _read_day_of_month),
    (frozenset({"deictic"}), RE_DEICTIC_DAY, _read_deictic_day),
    (frozenset({"anaphor"}), RE_ANAPHORIC, _read_anaphoric),
    (frozenset({"ago"}), RE_AGO, _read_ago),
    (frozenset({"weekdays"}), RE_WEEKDAY_REFERENCE, _read_weekday),
    (frozenset({"spans"}), RE_CALENDAR_SPAN, _read_calendar_span),
    (frozenset({"months"}), RE_MONTH_REFERENCE, _read_month),
    (frozenset({"years"}), RE_YEAR_REFERENCE, _read_year),
)
"""The hint families that make each pattern worth running, the pattern, and the function that
reads its matches; of two overlapping matches of equal length, the earlier pattern wins."""

MONTH_KEYS = tuple(MONTH_NUMBERS)   # "jan" ... "dec": the start of every month name and abbreviation
KEY_WORDS = MappingProxyType({
    RE_WEEKDAY_REFERENCE: (WEEKDAYS, 3, 6),     # "since this coming Monday"
    RE_DAY_MONTH: (MONTH_KEYS, 5, 11),          # "on Wednesday., the 15th of August"
    RE_MONTH_DAY: (MONTH_KEYS, 2, 11),          # "on Wednesday., August 15"
    RE_MONTH_REFERENCE: (MONTH_KEYS, 4, 11),    # "until the beginning of May", "in early - May"
})
"""Patterns whose every match holds one of some words (lower case): "on Tuesday" holds a
weekday, "15 August" a month. A match opens with at most so many words before that word, none
longer than so many characters (each word's white space after it not counted)."""


def _parse_absolute(words: str, doc_date: datetime.date, date_order: str) -> datetime.date | None:
    """Read an absolute date that our patterns found; a missing year is the latest in the past."""
    parsed = dateparser.parse(words, languages=["en"], settings={
        "RELATIVE_BASE": datetime.datetime.combine(doc_date, datetime.time()),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": date_order,
        "REQUIRE_PARTS": ["day", "month"],
        "PARSERS": ["absolute-time"],
    })
    return parsed.date() if parsed else None


def _numeric_order(first: int, second: int) -> str | None:
    """ "DMY" or "MDY" for a slashed date's first two numbers, or None when both could be."""
    if first == second or (first > 12 and second <= 12):
        return "DMY"
    if second > 12 and first <= 12:
        return "MDY"
    return None


def _latest_weekday(day: datetime.date, weekday: int, strictly: bool) -> datetime.date:
    """The latest given weekday on (or, if `strictly`, before) `day`."""
    back = (day.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return day - datetime.timedelta(days=back)


def _monday_of(day: datetime.date) -> datetime.date:
    """The Monday of the week `day` falls in."""
    return day - datetime.timedelta(days=day.weekday())


def _weekday_number(name: str) -> int:
    """Monday = 0 ... Sunday = 6, from a full or abbreviated English name."""
    return [weekday[:3] for weekday in WEEKDAYS].index(name[:3].lower())


def _add_months(first_of_month: datetime.date, months: int) -> datetime.date:
    """The 1st of the month `months` away from a month's 1st."""
    index = first_of_month.year * 12 + first_of_month.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _count(words: str) -> int | None:
    """A small count written in digits or words; None for vague ones ("a few", "several")."""
    words = " ".join(words.lower().split())
    return int(words) if words.isdigit() else COUNT_WORDS.get(words)


def _as_day(value: datetime.date | None) -> datetime.date | None:
    """A plain date from a date, datetime or pandas Timestamp, so comparisons never mix types."""
    if isinstance(value, datetime.datetime):
        return value.date()
    return value
