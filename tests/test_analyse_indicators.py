"""Indicators: each rule fires on the case it describes, with evidence offsets into the text, and not otherwise."""

from datetime import date

import pytest

from spyglass.analyse.indicators import indicators
from spyglass.store.views import IndicatorKind
from test_store_builders import article, event, store_all

pytest_plugins = ["test_store_builders"]

F8 = ("February 8 General Machine Factory", "FACILITY", "sg:kp:february-8-general-machine-factory")
PEOPLE = {"kim": ("Kim Jong Un", "PERSON"), "aide": ("Ri Pyong Chol", "PERSON")}


def visit(marked: str, site=F8, visitor: str = "kim") -> object:
    entities = {**PEOPLE, "site": site}
    return article(marked, entities, [event("VISIT", "visited", visitor=visitor, site="site")], title="visit")


def transfer(marked: str, entities: dict, on: str | None = None, attributes: dict | None = None) -> object:
    roles = {k: k for k in ("supplier", "item", "recipient") if k in entities}
    spec = event("TRANSFER", "shipped", on=on, attributes=attributes, **roles)
    return article(marked, entities, [spec], title="transfer", published=date(2024, 5, 2))


NCT = ("Namchongang Trading Corporation", "ORGANIZATION")
CASES = [
    pytest.param(
        visit(
            "[Kim Jong Un](kim) visited the [February 8 General Machine Factory](site) on Monday. "
            "State media called the [plant](site) a maker of daily necessities for the people."
        ),
        IndicatorKind.civilian_cover,
        "daily necessities",
        id="leader visits a defense-linked plant presented as making daily necessities",
    ),
    pytest.param(
        visit(
            "Party official [Ri Pyong Chol](aide) visited the [February 8 plant](site), a tractor works.",
            site=("February 8 plant", "FACILITY"),
            visitor="aide",
        ),
        None,
        None,
        id="the visitor is no leader",
    ),
    pytest.param(
        visit(
            "Supreme leader [Kim Jong Un](kim) visited the [February 8 plant](site), which makes tractors.",
            site=("February 8 plant", "FACILITY"),
        ),
        IndicatorKind.civilian_cover,
        "tractors",
        id="site recognised by its alias without a kb_id",
    ),
    pytest.param(
        visit("[Kim Jong Un](kim) visited the [February 8 General Machine Factory](site) to inspect launchers."),
        None,
        None,
        id="no civilian presentation",
    ),
    pytest.param(
        visit(
            "[Kim Jong Un](kim) visited the [Pyongyang Cornstarch Factory](site), which makes daily necessities.",
            site=("Pyongyang Cornstarch Factory", "FACILITY"),
        ),
        None,
        None,
        id="civilian site not marked defense-linked",
    ),
    pytest.param(
        transfer(
            "A broker in Dalian shipped [aluminium tubes](item) to the [Namchongang Trading Corporation](recipient).",
            {"item": ("aluminium tubes", "ITEM"), "recipient": NCT},
        ),
        IndicatorKind.controlled_transfer,
        "shipped",
        id="dual-use item to a listed company",
    ),
    pytest.param(
        transfer(
            "A broker shipped [rice](item) to the [Namchongang Trading Corporation](recipient).",
            {"item": ("rice", "ITEM"), "recipient": NCT},
        ),
        None,
        None,
        id="uncontrolled goods",
    ),
    pytest.param(
        transfer(
            "A broker shipped [aluminium tubes](item) to the [Harbin Bicycle Company](recipient).",
            {"item": ("aluminium tubes", "ITEM"), "recipient": ("Harbin Bicycle Company", "ORGANIZATION")},
        ),
        None,
        None,
        id="party neither listed nor defense-linked",
    ),
    pytest.param(
        transfer(
            "A firm shipped a [missile launcher](item) declared as tools for expressway construction.",
            {"item": ("missile launcher", "WEAPON")},
            attributes={"declared_as": "tools for expressway construction"},
        ),
        IndicatorKind.declaration_mismatch,
        "tools for expressway construction",
        id="declared description disagrees with the goods",
    ),
    pytest.param(
        transfer(
            "A firm shipped [aluminium tubes](item) declared as aluminium tubing for irrigation.",
            {"item": ("aluminium tubes", "ITEM")},
            attributes={"declared_as": "aluminium tubing for irrigation"},
        ),
        None,
        None,
        id="declared description names the goods",
    ),
    pytest.param(
        transfer(
            "In 2015 the [Namchongang Trading Corporation](supplier) shipped [rice](item) to a buyer.",
            {"supplier": NCT, "item": ("rice", "ITEM")},
            on="2015-03-01",
        ),
        IndicatorKind.activity_after_listing,
        "shipped",
        id="listed company active after its listing date",
    ),
    pytest.param(
        transfer(
            "In 2008 the [Namchongang Trading Corporation](supplier) shipped [rice](item) to a buyer.",
            {"supplier": NCT, "item": ("rice", "ITEM")},
            on="2008-03-01",
        ),
        None,
        None,
        id="activity before the listing",
    ),
]


@pytest.mark.parametrize(("record", "kind", "evidence"), CASES)
def test_indicator_rules(sessions, record, kind, evidence):
    store_all(sessions, record)
    with sessions() as s:
        found = indicators(s)
    assert [i.kind for i in found] == ([kind] if kind else [])
    if kind:
        [hit] = found
        assert hit.reason and hit.event_id
        texts = [e.text for e in hit.evidence]
        assert evidence in texts
        for e in hit.evidence:
            assert record.document.text[e.start : e.end] == e.text
            assert e.text in e.sentence


def test_a_civilian_word_in_another_facility_name_does_not_count(sessions):
    other = ("Kusong Tractor Works", "FACILITY")
    record = article(
        "[Kim Jong Un](kim) visited the [Kusong Tractor Works](other) and the [February 8 General Machine Factory]"
        "(site).",
        {**PEOPLE, "site": F8, "other": other},
        [event("VISIT", "visited", visitor="kim", site=["other", "site"])],
    )
    store_all(sessions, record)
    with sessions() as s:
        assert indicators(s) == []
