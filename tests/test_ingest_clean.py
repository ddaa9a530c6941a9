"""Plain-text cleaning: each boilerplate kind goes, every body paragraph stays, metadata lines are lifted."""

from datetime import date

import pytest

from spyglass.ingest.clean import clean_text

BODY = (
    "The customs office said the cargo of valves had been declared as plumbing parts before it was opened at the port."
)
TITLE = "Valves seized at port"
BODY2 = "Investigators later traced the valves to a workshop that had supplied a missile programme for years."

# (case id, text around BODY/BODY2, lines that must go)
REMOVED = [
    (
        "caption with Photo credit",
        f"Cranes load a ship at a quay in Nampo. Photo: Agency/Jane Doe\n\n{BODY}",
        ["Photo:"],
    ),
    ("caption with pipe credit", f"{BODY}\n\nA tanker sits at anchor off Taiwan on May 3. | REUTERS", ["anchor"]),
    ("bare credit line", f"{BODY}\n\nREUTERS/Kim Hong-Ji\n\n{BODY2}", ["Kim Hong-Ji"]),
    ("caption phrase", f"Kim Jong Un inspects a lathe in a photo released May 4.\n\n{BODY}", ["lathe"]),
    (
        "wire caption with date",
        f"A man watches a news report at a station in Seoul, South Korea, May 4, 2019.\n\n{BODY}",
        ["man watches"],
    ),
    ("picture taken", f"A launcher at a parade in a picture taken by state media\n\n{BODY}", ["launcher at"]),
    ("section label", f"Asia Pacific\n\nCargo of valves seized at port\n\n{BODY}", ["Asia Pacific"]),
    (
        "latest stories block",
        f"{BODY}\n\nLATEST WORLD STORIES\n\nRains delay planting\nA long teaser...\nJo Min",
        ["Jo Min"],
    ),
    (
        "related block then body",
        f"{BODY}\n\nRELATED\n\nPort reopens\n\nOther headline here\n\n{BODY2}",
        ["Port reopens"],
    ),
    ("more from block", f"{BODY}\n\nMORE FROM ASIA\nHeadline one\nHeadline two", ["Headline one", "Headline two"]),
    ("photos", f"{BODY}\n\nPHOTOS\n\n{BODY2}", ["PHOTOS"]),
    ("click to enlarge", f"{BODY}\n\nsearch icon Click to enlarge", ["enlarge"]),
    ("one reply on", f"{BODY}\n\nOne reply on “Valves seized”\n\nA reader\nGreat story.", ["reply", "Great story"]),
    ("replies on", f"{BODY}\n\n3 replies to “Valves seized”\n\nAnother comment here.", ["Another comment"]),
    ("comments closed", f"{BODY}\n\nComments are closed.", ["Comments are closed"]),
    ("comment counter", f"12 comments\n\n{BODY}", ["12 comments"]),
    ("share this article", f"{BODY}\n\nShare this article", ["Share this"]),
    ("share buttons", f"{BODY}\n\nFacebook Twitter Email", ["Facebook"]),
    ("comma run", f"{BODY}\n\n, , , ,", [", ,"]),
    ("truncated teaser", f"{BODY}\n\nExporters warned over dual-use machine to...", ["Exporters warned"]),
    ("breadcrumb", f"Home > World > Asia\n\n{TITLE}\n\n{BODY}", ["Home >"]),
    ("widget row", f"{BODY}\n\n5 Comments | Share | Save", ["Comments"]),
    (
        "bare comments heading",
        f"{BODY}\n\nComments (3)\n\nA. Reader - 2 hours ago\nSame story every year.",
        ["Same story"],
    ),
    ("all rights reserved", f"{BODY}\n\nHarbor Ledger, all rights reserved.", ["rights reserved"]),
    ("parenthesised credit", f"A crane at the quay in an undated photo. (KCNA via KNS)\n\n{BODY}", ["KCNA via"]),
    ("photo label first", f"{BODY}\n\nPhoto: A missile on parade in Islamabad. File photo / AFP", ["parade"]),
    ("reading time", f"{TITLE}\n\n4 min read\n\n{BODY}", ["min read"]),
    ("also read", f"{BODY}\n\nAlso read: Port reopens after storm\n\n{BODY2}", ["Port reopens"]),
    ("getty credit line", f"{BODY}\n\nGetty Images via AFP\n\n{BODY2}", ["Getty"]),
    ("role line", f"{TITLE}\n\nBy Jo Min\nStaff Writer\n\n{BODY}", ["Staff Writer"]),
    ("agency inputs", f"{BODY}\n\n(With inputs from Reuters)", ["inputs from"]),
    ("reporting credit", f"{BODY}\n\n(Reporting by Jo Min; Editing by Ann Lee)", ["Reporting by"]),
    # between two body paragraphs, where no tail rule would take them
    ("previous link", f"{BODY}\n\nPrevious: Customs seize valves in Gdansk\n\n{BODY2}", ["Gdansk"]),
    ("report download", f"{BODY}\n\nDownload the full report (PDF, 30 pages)\n\n{BODY2}", ["full report"]),
    ("reporter e-mail", f"{BODY}\n\nkjh@example.co.kr\n\n{BODY2}", ["kjh@"]),
    ("wire end mark", f"{BODY}\n\n(END)\n\n{BODY2}", ["(END)"]),
    ("comment box", f"{BODY}\n\nYour Comment\n\n{BODY2}", ["Your Comment"]),
    ("helpful prompt", f"{BODY}\n\nWas this article helpful?\n\n{BODY2}", ["helpful"]),
]


@pytest.mark.parametrize(("text", "gone"), [(t, g) for _, t, g in REMOVED], ids=[c for c, _, _ in REMOVED])
def test_boilerplate_goes_body_stays(text: str, gone: list[str]) -> None:
    cleaned = clean_text(text)
    assert BODY in cleaned.text
    if BODY2 in text:
        assert BODY2 in cleaned.text
    for fragment in gone:
        assert fragment not in cleaned.text
        assert any(fragment in removed for removed in cleaned.boilerplate)


@pytest.mark.parametrize(
    "paragraph",
    [
        "“We will not accept this,” the minister said, adding that talks would resume next month.",
        "It isn't clear if the shipment ever reached Pyongyang, officials conceded on Friday afternoon.",
        '"Nobody checked the containers," a dock worker said. He asked not to be named.',
        "In May the leader oversaw the first flight of a previously untested weapon, state media said.",
        "PHOTOS of the site were shared widely online after the blast, drawing attention to the plant.",
        "No comment on the shipment was available from the ministry, which rarely answers questions.",
        "KCNA released one image: a missile on a launcher.",
        "The figures come from a Reuters/Ipsos poll.",
        "Copyright lawyers said the software licences had been resold to a firm in Tehran.",
        "You may have missed the fine print, but the rules changed in May, officials said.",
        "Phishing emails that landed in your inbox last year carried the same malware, researchers said.",
    ],
)
def test_body_paragraphs_kept(paragraph: str) -> None:
    cleaned = clean_text(f"{BODY}\n\n{paragraph}\n\n{BODY2}")
    assert cleaned.paragraphs == [BODY, paragraph, BODY2]
    assert cleaned.boilerplate == []


def test_teaser_block_ends_at_next_body_paragraph() -> None:
    text = f"{BODY}\n\nRELATED STORIES\nFirst headline\nSecond teaser that was cut...\n\n{BODY2}"
    cleaned = clean_text(text)
    assert cleaned.paragraphs == [BODY, BODY2]
    assert cleaned.boilerplate == ["RELATED STORIES\nFirst headline\nSecond teaser that was cut..."]


def test_lone_body_sentence_before_comments_ends_the_block() -> None:
    cleaned = clean_text(f"{BODY}\n\nRELATED\n\nPort reopens\n\n{BODY2}\n\nOne reply on “Valves”\n\nNice.")
    assert cleaned.paragraphs == [BODY, BODY2]


def test_caption_among_teasers_does_not_end_the_block() -> None:
    caption = "A fishing boat returns to harbour at dawn in Busan on Monday after a storm passed the coast."
    text = f"{BODY}\n\nMORE STORIES\n\nTowns brace for typhoons\n\n{caption}\n\nRice prices climb\n\n{BODY2} {BODY2}"
    cleaned = clean_text(text)
    assert cleaned.paragraphs == [BODY, f"{BODY2} {BODY2}"]
    assert caption in cleaned.boilerplate


def test_boilerplate_listed_in_order_as_it_stood() -> None:
    text = f"Europe\n\n{BODY}\n\nShare  this article\n\nComments are closed."
    assert clean_text(text).boilerplate == ["Europe", "Share this article", "Comments are closed."]


def test_only_teaser_keeps_its_text() -> None:
    """A cut-off line is dropped only when other body text remains (a feed summary may be all there is)."""
    assert clean_text("Customs officers seized a truckload of tubes at the crossing on...").text


# (case id, text, title, byline, dateline)
METADATA = [
    ("title and agency byline", f"{TITLE}\n\nReuters\n\nSEOUL - {BODY}", TITLE, "Reuters", "SEOUL"),
    ("by line", f"{TITLE}\n\nBy Ann Lee and Jo Min\n\n{BODY}", TITLE, "Ann Lee and Jo Min", None),
    ("byline role", f"{TITLE}\nBy Jo Min, Defence Correspondent\n{BODY}", TITLE, "Jo Min", None),
    ("byline place", f"{TITLE}\nBy Jo Min in Busan\n{BODY}", TITLE, "Jo Min", None),
    ("name and date line", f"{TITLE}\n\nJo Min | June 3, 2021 | 4 min read\n\n{BODY}", TITLE, "Jo Min", None),
    ("reuters dateline", f"WASHINGTON (Reuters) - {BODY}", None, None, "WASHINGTON"),
    ("yonhap dateline", f"SEOUL, June 1 (Yonhap) -- {BODY}", None, None, "SEOUL"),
    ("two-word city", f"NEW YORK — {BODY}", None, None, "NEW YORK"),
    ("two cities", f"SEOUL/TOKYO (Reuters) - {BODY}", None, None, "SEOUL/TOKYO"),
    ("colon dateline", f"ISLAMABAD: {BODY}", None, None, "ISLAMABAD"),
    ("label is no dateline", f"UPDATE: {BODY}", None, None, None),
    ("byline with agency", f"{TITLE}\n\nBy Ann Lee, Reuters\n\n{BODY}", TITLE, "Ann Lee, Reuters", None),
    ("no title when first line is prose", f"{BODY}\n\n{BODY2}", None, None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "title", "byline", "dateline"), [m[1:] for m in METADATA], ids=[m[0] for m in METADATA]
)
def test_metadata(text: str, title: str | None, byline: str | None, dateline: str | None) -> None:
    cleaned = clean_text(text)
    assert (cleaned.title, cleaned.byline, cleaned.dateline) == (title, byline, dateline)
    assert cleaned.paragraphs[0].endswith(BODY)
    if dateline:
        assert cleaned.paragraphs[0].startswith(dateline), "the dateline stays in the text"
    for lifted in (title, byline):
        assert lifted is None or lifted not in cleaned.text


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Published: June 1, 2019", date(2019, 6, 1)),
        ("Posted on 2021-03-04 10:15", date(2021, 3, 4)),
        ("Updated: 14 March 2019", date(2019, 3, 14)),
        ("Saturday, June 1, 2019", date(2019, 6, 1)),
        ("Updated: earlier this week", None),
        ("Updated 4 hours ago", None),
        ("CYBER | May 22, 2024", date(2024, 5, 22)),
        ("12 March 2024 • 6:45pm", date(2024, 3, 12)),
        ("Saturday, October 21, 2023 - 08:10 PKT", date(2023, 10, 21)),
        ("Juche 114 (2025) 2025.03.08.", date(2025, 3, 8)),
        ("Juche 114 (2025) 3. 8. Saturday", date(2025, 3, 8)),
        ("2025.03.08", date(2025, 3, 8)),
        ("Published March 8, 2025 Updated about 6 hours ago", date(2025, 3, 8)),
        ("Sunday 9 March 2025 10.02 GMT", date(2025, 3, 9)),
    ],
)
def test_date_line(line: str, published: date | None) -> None:
    cleaned = clean_text(f"{line}\n\nValves seized at port\n\n{BODY}")
    assert cleaned.published == published
    assert cleaned.title == "Valves seized at port"


def test_comments_heading_names_the_title_when_no_headline() -> None:
    cleaned = clean_text(f"{BODY}\n\n2 thoughts on “Valves seized at port”\n\nGood piece.")
    assert (cleaned.title, cleaned.paragraphs) == ("Valves seized at port", [BODY])


def test_no_date_is_guessed() -> None:
    assert clean_text(f"Valves seized at port\n\n{BODY} It happened on June 1, 2019.").published is None


@pytest.mark.parametrize(
    "first",
    [
        "By the end of 2019, the plant had built dozens of launchers.",
        "The minister said: “It is possible.”",
        "Officials said the launch failed, according to Yonhap;",
    ],
)
def test_short_first_paragraph_is_not_title_or_byline(first: str) -> None:
    cleaned = clean_text(f"{first}\n\n{BODY}")
    assert (cleaned.title, cleaned.byline) == (None, None)
    assert cleaned.paragraphs == [first, BODY]


def test_headline_starting_with_a_date_word_is_a_title() -> None:
    cleaned = clean_text(f"Updated missile guidance found in wreckage\n\n{BODY}")
    assert (cleaned.title, cleaned.published) == ("Updated missile guidance found in wreckage", None)


@pytest.mark.parametrize(
    ("head", "title", "byline", "published"),
    [
        # a site name and a section over the headline: neither is the title, both leave the text
        (
            "Eastern Wire Service\nDefence & Security\n\nFrigate handed over to the navy in a port ceremony\n\n"
            "Published March 3, 2023, 09:40 | Views 2,118",
            "Frigate handed over to the navy in a port ceremony",
            None,
            date(2023, 3, 3),
        ),
        # a staff byline, then the date line
        (
            "Economy\n\nFront firms ship lathes to an arms maker\n\nBy Wire staff\n\nPublished May 9, 2022",
            "Front firms ship lathes to an arms maker",
            "Wire staff",
            date(2022, 5, 9),
        ),
        # a date line that also looks like a photo credit ("| By Jane Doe") still gives its date and byline
        (
            "Court charges trader over graphite sales\n\nPublished: Friday, June 2, 2023 | By Mara Quill",
            "Court charges trader over graphite sales",
            "Mara Quill",
            date(2023, 6, 2),
        ),
        # "Posted <date> by <name>" among other short segments
        (
            "Hackers drain exchange of ether\n\nPosted April 4, 2024 by Min-seo Yoon | 5 min read | 900 shares",
            "Hackers drain exchange of ether",
            "Min-seo Yoon",
            date(2024, 4, 4),
        ),
        # a named reporter rather than the agency's name over the date; a particle in a name; an all-caps byline
        (
            "Yonhap News Agency\nDEFENSE | North Korea\n2025-03-04 10:12\n\n"
            "North fires missile into East Sea\n\nBy Kim Ha-na",
            "North fires missile into East Sea",
            "Kim Ha-na",
            date(2025, 3, 4),
        ),
        ("Valves seized in Rotterdam\n\nBy Anne van der Berg", "Valves seized in Rotterdam", "Anne van der Berg", None),
        ("Hackers hit shipyard\n\nBY CHO MIN-JI [cho.minji@example.co.kr]", "Hackers hit shipyard", "CHO MIN-JI", None),
        # "Summary by the <group>"
        (
            "Enrichment report: cascades added\n\nSummary by the Nuclear Desk Group | 6 min read",
            "Enrichment report: cascades added",
            "Nuclear Desk Group",
            None,
        ),
    ],
)
def test_head_lines_in_any_order(head: str, title: str, byline: str | None, published: date | None) -> None:
    cleaned = clean_text(f"{head}\n\n{BODY}")
    assert (cleaned.title, cleaned.byline, cleaned.published) == (title, byline, published)
    assert cleaned.paragraphs == [BODY], "no head line stays in the text"


@pytest.mark.parametrize("headline", ["Drones Built by North Korea Found in Ukraine", "Stand by the Sea Town Square"])
def test_headline_with_by_is_no_byline(headline: str) -> None:
    cleaned = clean_text(f"{headline}\n\n{BODY}")
    assert (cleaned.title, cleaned.byline) == (headline, None)


def test_agency_slash_dateline() -> None:
    assert clean_text(f"MINSK, March 4. /BELTA/. {BODY}").dateline == "MINSK"
    assert clean_text(f"Tehran, IRNA - {BODY}").dateline == "Tehran"


def test_page_furniture_after_the_story_goes() -> None:
    tail = [
        "Most Visited",
        "Navy frigate completes sea trials off Busan",
        "Previous: Customs seize valves in Gdansk",
        "Share: 12 | 4 | 1",
        "Download the full report (PDF, 30 pages)",
        "kjh@example.co.kr",
        "(END)",
        "Please direct any comments or questions to desk@example.net.",
        "Your Comment",
    ]
    cleaned = clean_text("\n\n".join([BODY, BODY2, *tail]))
    assert cleaned.paragraphs == [BODY, BODY2]
    assert cleaned.boilerplate == tail


def test_short_closing_sentence_stays() -> None:
    assert clean_text(f"{BODY}\n\nThe ministry declined to comment.").paragraphs == [
        BODY,
        "The ministry declined to comment.",
    ]


def test_list_a_closing_colon_opens_stays() -> None:
    items = ["Norvik Tools GmbH (Germany)", "Karawang Trading LLC (United Arab Emirates)"]
    cleaned = clean_text("\n\n".join([BODY, "The designated entities are:", *items]))
    assert cleaned.paragraphs == [BODY, "The designated entities are:", *items]
