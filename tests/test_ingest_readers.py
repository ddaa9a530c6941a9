"""Readers on articles written for these tests: plain text, HTML, RSS and Atom, folders sniffed by content."""

import shutil
from datetime import date
from pathlib import Path

from spyglass.errors import InputError
from spyglass.ingest import iter_documents
from spyglass.model import Document

DATA = Path(__file__).parent / "data" / "ingest"


def documents(*inputs: str | Path, **kwargs) -> list[Document]:
    items = list(iter_documents([str(i) for i in inputs], **kwargs))
    assert not [i for i in items if isinstance(i, InputError)]
    return items


def test_scraped_wire_story() -> None:
    [doc] = documents(DATA / "wire_story.txt")
    assert (doc.title, doc.byline, doc.dateline, doc.published) == (
        "Freighter linked to banned coal trade seized off Indonesia",
        "Reuters",
        "JAKARTA",
        None,
    )
    assert doc.text.startswith("JAKARTA (Reuters) - Indonesian authorities")
    assert doc.text.endswith("showed signs of tampering.")
    assert "It isn't clear if the owner knew" in doc.text
    assert "“We boarded the ship" in doc.text
    for gone in ("Photo: Agency", "Asia Pacific", "LATEST", "Lee Sung-ho", "PHOTOS", "Click to enlarge", "| REUTERS"):
        assert gone not in doc.text
    assert doc.boilerplate[0].endswith("Photo: Agency/Jo Min")
    assert doc.boilerplate[-1] == ", , , , ,"


def test_scraped_blog_post_with_comments() -> None:
    [doc] = documents(DATA / "blog_post.txt")
    assert (doc.title, doc.byline, doc.dateline, doc.published) == (
        "Inspectors question lathe shipment bound for Tehran",
        "Dana Whitfield",
        "VIENNA",
        date(2019, 3, 14),
    )
    assert len(doc.text.split("\n\n")) == 4
    assert doc.title == "Inspectors question lathe shipment bound for Tehran"
    assert "Officials said the exporter may have been unaware" in doc.text
    for gone in ("12 comments", "Share this", "Sanctions panel", "One reply", "Sam R.", "Comments are closed"):
        assert gone not in doc.text


def test_agency_dispatch() -> None:
    [doc] = documents(DATA / "agency_dispatch.txt")
    assert (doc.title, doc.dateline) == ("Missile engine test reported at Sohae", "SEOUL")
    assert "parade" not in doc.text and "Pyongyang marks" not in doc.text
    assert doc.text.startswith("SEOUL, Oct. 2 (Yonhap) -- North Korea appears")


def test_paragraphs_one_a_line_without_blank_lines() -> None:
    [doc] = documents(DATA / "no_blank_lines.txt")
    assert (doc.title, doc.byline, doc.dateline) == ("Kim tours tractor plant in northern province", "Reuters", "SEOUL")
    assert len(doc.text.split("\n\n")) == 3 and doc.text.endswith("one analyst said.")
    assert doc.boilerplate[-2:] == ["KEYWORDS", "North Korea, Kim Jong Un, Kanggye"]


def test_html_page() -> None:
    [doc] = documents(DATA / "page.html")
    assert (doc.title, doc.outlet, doc.byline, doc.dateline, doc.published) == (
        "Satellite images show new launcher shed",
        "Harbor Ledger",
        "Priya Nandakumar",
        "WASHINGTON",
        date(2020, 8, 21),
    )
    assert doc.text.startswith("WASHINGTON (Reuters) - Commercial satellite pictures")
    assert "It isn't clear if the shed" in doc.text
    for gone in ("window.tracker", "font-family", "Home", "Most read", "Port city", "Copyright", "Share this"):
        assert gone not in doc.text


def test_rss_items_are_articles_dated_by_item() -> None:
    first, second = documents(DATA / "feed.rss")
    assert (first.source, first.title, first.outlet, first.byline, first.published) == (
        "https://strait-monitor.example/2021/02/11/tanker-transfer",
        "Tanker transfers fuel to unflagged ship at night",
        "Strait Monitor",
        "Omar Haddad",
        date(2021, 2, 11),
    )
    assert "Coast Guard/Handout" not in first.text and first.boilerplate == ["Photo: Coast Guard/Handout"]
    assert second.published == date(2021, 2, 12)
    assert second.text.startswith("Customs officers seized a truckload of aluminium tubes")


def test_atom_entry() -> None:
    [doc] = documents(DATA / "feed.atom")
    assert (doc.title, doc.byline, doc.outlet, doc.dateline, doc.published) == (
        "Agency confirms second centrifuge cascade",
        "Lena Fischer",
        "Arms Control Notes",
        "VIENNA",
        date(2022, 5, 5),
    )
    assert "<p>" not in doc.text and len(doc.text.split("\n\n")) == 2


def test_old_latin1_feed_with_doctype() -> None:
    """RSS 0.91 with a public DOCTYPE and a Latin-1 declaration; no pubDate, so the link's date path dates it."""
    doc, empty = iter_documents([str(DATA / "old_wire.rss")])
    assert isinstance(doc, Document) and doc.text.startswith("The plant near Zürich")
    assert (doc.outlet, doc.published) == ("Old Wire", date(2001, 5, 4))
    assert isinstance(empty, InputError) and empty.reason == "feed item has no text"


def test_folder_is_read_recursively_and_sniffed_by_content(tmp_path: Path) -> None:
    (tmp_path / "nested" / "deeper").mkdir(parents=True)
    shutil.copy(DATA / "page.html", tmp_path / "nested" / "page.txt")
    shutil.copy(DATA / "feed.atom", tmp_path / "nested" / "deeper" / "entries")
    shutil.copy(DATA / "wire_story.txt", tmp_path / "story.html")
    shutil.copy(DATA / "blog_post.txt", tmp_path / ".hidden.txt")
    docs = documents(tmp_path)
    assert [d.title for d in docs] == [
        "Freighter linked to banned coal trade seized off Indonesia",
        "Satellite images show new launcher shed",
        "Agency confirms second centrifuge cascade",
    ]


def test_same_story_same_id(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text((DATA / "wire_story.txt").read_text().replace("\n", "\r\n"))
    first, second = documents(DATA / "wire_story.txt", copy)
    assert first.id == second.id and first.source != second.source


def test_published_argument_fills_only_when_absent() -> None:
    stated, unstated = documents(DATA / "blog_post.txt", DATA / "wire_story.txt", published=date(2024, 1, 2))
    assert (stated.published, unstated.published) == (date(2019, 3, 14), date(2024, 1, 2))


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    body = "Der Zoll in Genf prüfte die Lieferung. Die Behörde sagte, die Maschinen würden bald überprüft."
    path.write_bytes(body.encode("latin-1"))
    [doc] = documents(path)
    assert doc.text == body
