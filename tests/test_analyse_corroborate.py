"""Corroboration: one happening told by several documents is one cluster; copies and relays are one source."""

from datetime import date

import pytest

from spyglass.analyse.corroborate import corroborate
from test_store_builders import article, event, store_all

pytest_plugins = ["test_store_builders"]

ENTITIES = {
    "nct": ("Namchongang Trading Corporation", "ORGANIZATION"),
    "al": ("aluminium tubes", "ITEM"),
    "sy": ("Syria", "LOCATION"),
    "eg": ("Egypt", "LOCATION"),
    "ledger": ("Seoul Ledger", "ORGANIZATION"),
}

ORIGINAL = (
    "SEOUL - A North Korean trading house shipped a consignment of high-strength tubing to the Middle East in May, "
    "according to customs records reviewed for this report. The [Namchongang Trading Corporation](nct), which "
    "United Nations experts have long tied to the country's nuclear programme, sold [aluminium tubes](al) to "
    "[Syria](sy), the records show. The cargo left the port of Nampo aboard a general cargo ship and was declared "
    "as irrigation pipes. Analysts said tubes of that grade can be machined into centrifuge rotors, and that the "
    "buyer was a state research centre rather than a farm cooperative."
)
SYNDICATED = ORIGINAL + " This story was distributed by the Seoul Ledger news service."
INDEPENDENT = (
    "TOKYO - Customs data seen by our reporters show that the [Namchongang Trading Corporation](nct) of North Korea "
    "sold [aluminium tubes](al) bound for [Syria](sy) last spring. A shipping broker in Dalian described the "
    "buyer as a government laboratory. Japanese officials declined to comment on the findings, which come as the "
    "Security Council weighs new measures against Pyongyang's procurement networks."
)
RELAYED = (
    "WASHINGTON - The [Namchongang Trading Corporation](nct) sold [aluminium tubes](al) to [Syria](sy) in May, "
    "the [Seoul Ledger](ledger) reported on Tuesday, citing customs records. The State Department said it was "
    "aware of the report."
)
ELSEWHERE = (
    "CAIRO - The [Namchongang Trading Corporation](nct) sold [aluminium tubes](al) to [Egypt](eg) in May, a "
    "trade journal reported, in a deal unrelated to earlier shipments."
)


def sale(marked: str, outlet: str, on: str | None = "2024-05-01", sources=(), certainty="certain", **meta) -> object:
    spec = event(
        "TRANSFER",
        "sold",
        on=on,
        until=on and on[:8] + "28",
        sources=sources,
        certainty=certainty,
        supplier="nct",
        item="al",
        recipient=["sy"] if "(sy)" in marked else ["eg"],
    )
    return article(
        marked, ENTITIES, [spec], outlet=outlet, title=f"{outlet} report", published=date(2024, 6, 3), **meta
    )


def test_three_reports_one_copied_are_one_cluster_of_two_sources(sessions):
    store_all(
        sessions,
        sale(ORIGINAL, "Seoul Ledger"),
        sale(SYNDICATED, "Pacific Daily", source="test://pacific"),
        sale(INDEPENDENT, "Tokyo Times", on=None),
    )
    with sessions() as s:
        clusters = corroborate(s)
    assert len(clusters) == 1
    cluster = clusters[0]
    assert (len(cluster.documents), cluster.independent_sources) == (3, 2)
    assert sorted(len(g) for g in cluster.source_groups) == [1, 2]
    assert any("near-duplicate" in reason for reason in cluster.reasons)


def test_a_report_relaying_an_outlet_counts_with_that_outlet(sessions):
    store_all(
        sessions,
        sale(ORIGINAL, "Seoul Ledger"),
        sale(RELAYED, "Capital Post", sources=(("Seoul Ledger", "ledger"),)),
        sale(INDEPENDENT, "Tokyo Times"),
    )
    with sessions() as s:
        [cluster] = corroborate(s)
    assert (len(cluster.documents), cluster.independent_sources) == (3, 2)
    assert any("same original outlet (seoul ledger)" in reason for reason in cluster.reasons)


@pytest.mark.parametrize(
    ("second", "clustered"),
    [
        ({"marked": INDEPENDENT, "outlet": "Tokyo Times"}, True),
        ({"marked": INDEPENDENT, "outlet": "Tokyo Times", "on": None}, True),
        ({"marked": INDEPENDENT, "outlet": "Tokyo Times", "on": "2021-02-01"}, False),  # dates do not overlap
        ({"marked": ELSEWHERE, "outlet": "Cairo Herald"}, False),  # the recipients disagree
        ({"marked": INDEPENDENT, "outlet": "Tokyo Times", "certainty": "negated"}, False),  # a denial
    ],
)
def test_events_cluster_only_when_roles_agree_and_dates_overlap(sessions, second, clustered):
    store_all(sessions, sale(ORIGINAL, "Seoul Ledger"), sale(**second))
    with sessions() as s:
        assert len(corroborate(s)) == (1 if clustered else 0)


def test_one_document_alone_is_not_corroborated(sessions):
    store_all(sessions, sale(ORIGINAL, "Seoul Ledger"))
    with sessions() as s:
        assert corroborate(s) == []


def test_an_undated_report_does_not_chain_events_of_different_dates(sessions):
    store_all(
        sessions,
        sale(ORIGINAL, "Seoul Ledger"),
        sale(INDEPENDENT, "Tokyo Times", on=None),
        sale(RELAYED, "Capital Post", on="2021-02-01"),
    )
    with sessions() as s:
        [cluster] = corroborate(s)
    assert len(cluster.documents) == 2


@pytest.mark.parametrize(
    ("weapons", "clustered"),
    [(("hw", "hw"), True), (("hw", "kn"), False), ((None, None), False)],  # an actor alone does not identify a test
)
def test_launches_are_one_happening_only_through_their_weapon(sessions, weapons, clustered):
    entities = {"kp": ("North Korea", "LOCATION"), "hw": ("Hwasong-18", "WEAPON"), "kn": ("KN-23", "WEAPON")}
    records = []
    for i, weapon in enumerate(weapons):
        roles = {"actor": "kp", **({"weapon": weapon} if weapon else {})}
        named = f" a [{entities[weapon][0]}]({weapon})" if weapon else " a missile"
        records.append(
            article(
                f"[North Korea](kp) fired{named} on Thursday, report {i} said.",
                entities,
                [event("TEST", "fired", on="2024-07-11", **roles)],
                outlet=f"Outlet {i}",
            )
        )
    store_all(sessions, *records)
    with sessions() as s:
        assert len(corroborate(s)) == (1 if clustered else 0)
