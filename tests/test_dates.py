"""Date expressions and their resolution against the publication date, one form per case."""

from datetime import date

import pytest

from spyglass.extract.dates import find_dates

PUB = date(2017, 9, 14)  # a Thursday

# (text, expected expression, start, end, approximate) resolved against PUB
FORMS = [
    ("launched on July 28, 2017, from", "on July 28, 2017", date(2017, 7, 28), date(2017, 7, 28), False),
    ("seized on 5 March 2018 in", "on 5 March 2018", date(2018, 3, 5), date(2018, 3, 5), False),
    ("filed 2019-03-04 in", "2019-03-04", date(2019, 3, 4), date(2019, 3, 4), False),
    ("shipped in April to", "in April", date(2017, 4, 1), date(2017, 4, 30), False),
    ("In May Kim oversaw", "In May", date(2017, 5, 1), date(2017, 5, 31), False),
    ("tested in October", "in October", date(2016, 10, 1), date(2016, 10, 31), False),
    ("began in the late 1990s to", "in the late 1990s", date(1996, 1, 1), date(1999, 12, 31), True),
    ("built in the mid-2000s", "in the mid-2000s", date(2003, 1, 1), date(2006, 12, 31), True),
    ("in the 1980s", "in the 1980s", date(1980, 1, 1), date(1989, 12, 31), False),
    ("about five years ago, the", "about five years ago", date(2012, 1, 1), date(2012, 12, 31), True),
    ("three months ago", "three months ago", date(2017, 6, 1), date(2017, 6, 30), False),
    ("visited last week", "last week", date(2017, 9, 4), date(2017, 9, 10), False),
    ("on Monday, the", "on Monday", date(2017, 9, 11), date(2017, 9, 11), False),
    ("last Thursday", "last Thursday", date(2017, 9, 7), date(2017, 9, 7), False),
    ("yesterday", "yesterday", date(2017, 9, 13), date(2017, 9, 13), False),
    ("earlier this year", "earlier this year", date(2017, 1, 1), PUB, False),
    ("sold in 2019 to", "in 2019", date(2019, 1, 1), date(2019, 12, 31), False),
    ("between 2019 and 2021", "between 2019 and 2021", date(2019, 1, 1), date(2021, 12, 31), False),
    ("visits in 2016 and 2017 as", "in 2016 and 2017", date(2016, 1, 1), date(2017, 12, 31), False),
    ("in late 2016", "in late 2016", date(2016, 9, 1), date(2016, 12, 31), True),
    ("on March 3", "on March 3", date(2017, 3, 3), date(2017, 3, 3), False),
    ("found on 4 June in", "on 4 June", date(2017, 6, 4), date(2017, 6, 4), False),
    (
        "fired on May 14, Juche 106 (2017), from",
        "on May 14, Juche 106 (2017)",
        date(2017, 5, 14),
        date(2017, 5, 14),
        False,
    ),
    ("tested in September", "in September", date(2017, 9, 1), date(2017, 9, 30), False),
    ("on Thursday", "on Thursday", PUB, PUB, False),
    ("sold between March and August, it said", "between March and August", date(2017, 3, 1), date(2017, 8, 31), False),
    ("between November and February", "between November and February", date(2016, 11, 1), date(2017, 2, 28), False),
    (
        "between February and October 2016",
        "between February and October 2016",
        date(2016, 2, 1),
        date(2016, 10, 31),
        False,
    ),
    ("from late 2015 to March 2016", "from late 2015 to March 2016", date(2015, 9, 1), date(2016, 3, 31), True),
    ("between Aug. 22 and Aug. 31", "between Aug. 22 and Aug. 31", date(2017, 8, 22), date(2017, 8, 31), False),
    ("from 2012 to 2014", "from 2012 to 2014", date(2012, 1, 1), date(2014, 12, 31), False),
    ("shipped since February 2016", "since February 2016", date(2016, 2, 1), PUB, False),
    ("since last year", "since last year", date(2016, 1, 1), PUB, False),
    ("since 2015", "since 2015", date(2015, 1, 1), PUB, False),
    ("fired over the weekend", "over the weekend", date(2017, 9, 9), date(2017, 9, 10), False),
    ("last weekend", "last weekend", date(2017, 9, 9), date(2017, 9, 10), False),
    ("in May last year", "in May last year", date(2016, 5, 1), date(2016, 5, 31), False),
    ("March this year", "March this year", date(2017, 3, 1), date(2017, 3, 31), False),
    ("this summer", "this summer", date(2017, 6, 1), date(2017, 8, 31), True),
    ("last winter", "last winter", date(2016, 12, 1), date(2017, 2, 28), True),
    ("in the spring of 2015", "in the spring of 2015", date(2015, 3, 1), date(2015, 5, 31), True),
    ("late last year", "late last year", date(2016, 9, 1), date(2016, 12, 31), True),
    ("early last month", "early last month", date(2017, 8, 1), date(2017, 8, 10), True),
    ("earlier this month", "earlier this month", date(2017, 9, 1), PUB, False),
    ("by the end of 2015", "by the end of 2015", date(2015, 9, 1), date(2015, 12, 31), True),
    ("at the end of the 1990s", "at the end of the 1990s", date(1996, 1, 1), date(1999, 12, 31), True),
    ("on Sept. 2 the", "on Sept. 2", date(2017, 9, 2), date(2017, 9, 2), False),
    ("in late March", "late March", date(2017, 3, 21), date(2017, 3, 31), True),
    ("in mid-June", "mid-June", date(2017, 6, 11), date(2017, 6, 20), True),
    ("this past weekend", "this past weekend", date(2017, 9, 9), date(2017, 9, 10), False),
    ("in the first half of 2016", "the first half of 2016", date(2016, 1, 1), date(2016, 6, 30), False),
    ("in the third quarter of last year", "the third quarter of last year", date(2016, 7, 1), date(2016, 9, 30), False),
    ("in recent weeks", "in recent weeks", date(2017, 8, 3), PUB, True),
    ("in the past week", "in the past week", date(2017, 9, 7), PUB, True),
    ("exports in 2015-16 rose", "in 2015-16", date(2015, 1, 1), date(2016, 12, 31), False),
]


@pytest.mark.parametrize(("text", "expr", "start", "end", "approximate"), FORMS, ids=[f[1] for f in FORMS])
def test_form_resolves(text, expr, start, end, approximate):
    (found,) = find_dates(text, PUB)
    assert (found.span.text, found.span.start, found.span.end, found.span.approximate) == (
        expr,
        start,
        end,
        approximate,
    )
    assert text[found.start_char : found.end_char] == expr


@pytest.mark.parametrize(
    "text",
    [
        "in April",
        "about five years ago",
        "last week",
        "on Thursday",
        "in May",
        "in the late 1990s",
        "in the 1980s",
        "between March and August",
        "over the weekend",
        "this summer",
        "in May last year",
        "since last year",
    ],
)
def test_relative_stays_unresolved_without_published(text):
    (found,) = find_dates(text, None)
    assert (found.span.start, found.span.end, found.span.text) == (None, None, text)


def test_range_with_a_year_resolves_without_published():
    (found,) = find_dates("between late 2015 and March 2016", None)
    assert (found.span.start, found.span.end) == (date(2015, 9, 1), date(2016, 3, 31))


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL, March 4 (Yonhap) -- North Korea fired a missile on Tuesday.",
        "WASHINGTON, Sept. 12 - The Treasury designated two firms on Tuesday.",
        "Pyongyang, September 13 (KCNA) -- Kim Jong Un watched a test on Tuesday.",
    ],
)
def test_dateline_date_is_left_out(text):
    assert [d.span.text for d in find_dates(text, PUB)] == ["on Tuesday"]


@pytest.mark.parametrize(
    "text",
    [
        "Kim may visit",
        "2000 tons of steel",
        "the Hwasong-14 missile",
        "a 1,500 km range",
        "the fall of Kabul",
        "prices fall",
        "exports rose during the fall in oil prices",
    ],
)
def test_not_dates(text):
    assert find_dates(text, PUB) == []
