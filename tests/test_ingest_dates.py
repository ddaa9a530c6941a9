"""Date lines in plain text: the shapes read at the head and the tail, and what never becomes a published date."""

from datetime import date

import pytest

from spyglass.ingest.clean import clean_text

TITLE = "Drone parts traced to a trading firm"
BODY = "Investigators said the drone motors had been shipped through a trading firm that was set up only weeks before."

# (case id, date line, published)
DATE_LINES = [
    ("iso with time and zone", "Published: 2022-11-02 17:40 JST", date(2022, 11, 2)),
    ("name, date, read time", "Min-ji Park | March 9, 2023 | 7 min read", date(2023, 3, 9)),
    ("section label", "DEFENCE | August 30, 2022", date(2022, 8, 30)),
    ("day month year, bullet time", "5 January 2023 • 11:20am", date(2023, 1, 5)),
    ("weekday, dash time zone", "Monday, April 3, 2023 - 14:05 IST", date(2023, 4, 3)),
    ("byline and published", "By Tom Lee | Published Sep. 12, 2022", date(2022, 9, 12)),
    ("published then updated", "Published: 8 May 2021 | Updated: 10 May 2021", date(2021, 5, 8)),
    ("relative update", "Updated 3 hours ago", None),
]


@pytest.mark.parametrize(("line", "published"), [c[1:] for c in DATE_LINES], ids=[c[0] for c in DATE_LINES])
@pytest.mark.parametrize("place", ["head", "tail"])
def test_date_line_is_read_and_lifted(place: str, line: str, published: date | None) -> None:
    text = f"{TITLE}\n\n{line}\n\n{BODY}" if place == "head" else f"{TITLE}\n\n{BODY}\n\n{line}"
    cleaned = clean_text(text)
    assert (cleaned.published, cleaned.paragraphs) == (published, [BODY])


def test_stacked_name_and_date_lines_are_one_date_line() -> None:
    cleaned = clean_text(f"{TITLE}\n\nHarbour Trade Wire\nJuly 7, 2022\n\n{BODY}")
    assert (cleaned.published, cleaned.byline, cleaned.paragraphs) == (date(2022, 7, 7), "Harbour Trade Wire", [BODY])


@pytest.mark.parametrize(
    "line",
    [
        "2 days ago",
        "yesterday",
        "May 4",
        "Posted: March 3",
        "DEFENCE | August 30, 2022 | Officials said the firm had closed.",
    ],
)
@pytest.mark.parametrize("place", ["head", "tail"])
def test_no_published_date(place: str, line: str) -> None:
    text = f"{TITLE}\n\n{line}\n\n{BODY}" if place == "head" else f"{TITLE}\n\n{BODY}\n\n{line}"
    assert clean_text(text).published is None
