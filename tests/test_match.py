"""Name matching: normalisation, romanisation variants, scoring with explanations, context ranking, resolve."""

from pathlib import Path

import pytest

from spyglass.kb.record import KBRecord
from spyglass.kb.un_xml import parse_un_xml
from spyglass.match.context import MatchContext
from spyglass.match.matcher import THRESHOLD, Matcher
from spyglass.match.names import name_tokens
from spyglass.match.quality import load_labelled, measure
from spyglass.match.resolve import resolve
from spyglass.match.score import token_similarity
from spyglass.model import Entity, EntityType, Span

DATA = Path(__file__).parent / "data" / "kb"
UN = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "un" / "consolidated-2020-03-20.xml"


@pytest.mark.parametrize(
    ("names", "tokens"),
    [
        (["Kim Jong Un", "Kim Jong-un", "KIM JONG UN", "Kim Jongun", "Gim Jeong-eun", "김정은"], ("kim", "jong", "un")),
        (["Ri Won Ho", "Rhee Won-ho", "Lee Wonho", "Yi Won Ho", "Mr. Ri Won Ho"], ("ri", "won", "ho")),
        (["Cho Chun Ryong", "Jo Chun-ryong"], ("jo", "chun", "ryong")),
        (["Namchongang Trading Co., Ltd.", "NAMCHONGANG TRADING"], ("nam", "chon", "kang", "trading")),
        (["Han Yu-ro", "HAN YU RO"], ("han", "ryu", "ro")),
        (["Dr. Adib Sha’ban", "Adib Sha'ban (original script)"], ("adib", "shaban")),
        (["Siemens AG", "Siemens"], ("siemens",)),
        (
            ["Korea Ryonbong General Corp.", "KOREA RYONBONG GENERAL CORPORATION", "Korea Ryonbong General Corporaton"],
            ("korea", "ryonbong", "general"),
        ),
    ],
)
def test_name_variants_normalise_alike(names, tokens):
    assert {name_tokens(n) for n in names} == {tokens}


@pytest.mark.parametrize(
    ("a", "b", "similarity"),
    [
        ("kim", "kim", 1.0),
        ("mohsen", "mohsne", 0.8),
        ("soleimani", "sulaimani", 0.8),
        ("un", "um", 0.5),
        ("un", "il", 0),
    ],
)
def test_token_similarity(a, b, similarity):
    assert token_similarity(a, b) == pytest.approx(similarity, abs=0.12)


def _record(rid: str, name: str, **extra) -> KBRecord:
    return KBRecord(id=rid, source="test", type=extra.pop("type", EntityType.PERSON), name=name, **extra)


TWINS = [
    _record("t:1", "KIM CHOL", nationalities=["KP"], birth_dates=["1962-04-01"], notes="Works for KOMID in Tehran."),
    _record("t:2", "KIM CHOL", nationalities=["KP"], birth_dates=["1970"], identifiers=["PD 836110034"]),
    _record("t:3", "Kim Chol Trading", type=EntityType.ORGANIZATION),
    _record("t:4", "SAM HAE 7", type=EntityType.VESSEL),
]


def test_every_score_is_explained():
    (best, *_) = Matcher(TWINS).match("Kim Chol")
    assert best.score == 1.0
    assert [f.name for f in best.features] == [
        "query_tokens_matched",
        "candidate_tokens_matched",
        "string_similarity",
        "word_order",
    ]
    assert sum(f.contribution for f in best.features) == pytest.approx(best.name_score)
    assert "kim=kim, chol=chol" in best.explain()


@pytest.mark.parametrize(
    ("context", "first", "feature"),
    [
        (MatchContext(related_names=["KOMID"]), "t:1", "related_entities"),
        (MatchContext(identifiers=["PD836110034"]), "t:2", "identifier"),
        (MatchContext(birth_dates=["1970-05-05"]), "t:2", "birth_date"),
        (MatchContext(birth_dates=["1962-04-01"]), "t:1", "birth_date"),
    ],
)
def test_context_ranks_name_ties(context, first, feature):
    found = Matcher(TWINS).match("Kim Chol", kind=EntityType.PERSON, context=context)
    assert [c.record.id for c in found[:2]] == [first, ({"t:1", "t:2"} - {first}).pop()]
    assert found[0].score == 1.0 and found[0].rank_score > found[1].rank_score
    assert feature in [f.name for f in found[0].features]


def test_romanisation_is_explained():
    (best,) = Matcher(TWINS).match("Gim Cheol", limit=1)
    folds = next(f for f in best.features if f.name == "romanisation")
    assert (folds.weight, folds.detail) == (0.0, "query: gim->kim, cheol->chol")


def test_type_filter():
    assert [c.record.id for c in Matcher(TWINS).match("Sam Hae 7", kind=EntityType.VESSEL)] == ["t:4"]
    assert Matcher(TWINS).match("Sam Hae 7", kind=EntityType.PERSON, threshold=0.5) == []


def _entity(eid: str, name: str, kind: EntityType) -> Entity:
    return Entity(id=eid, name=name, type=kind, mentions=[Span(start=0, end=len(name), text=name)])


def test_resolve_links_entities_above_threshold():
    entities = [
        _entity("e1", "Rhee Won-ho", EntityType.PERSON),
        _entity("e2", "KOMID", EntityType.ORGANIZATION),
        _entity("e3", "Syria", EntityType.LOCATION),
        _entity("e4", "Jane Example", EntityType.PERSON),
    ]
    assert resolve(entities) == {"e1": "un-sc:KPi.033", "e2": "un-sc:KPe.001"}


@pytest.fixture(scope="module")
def un_matcher():
    if not UN.exists():
        pytest.skip("../shared/data/un is not present")
    return Matcher(parse_un_xml(UN.read_bytes(), "un-sc"))


def screen_with(matcher: Matcher, exhaustive: bool = False):
    def screen(name: str):
        found = matcher.match(name, limit=1, exhaustive=exhaustive)
        return (found[0].record.reference_number, found[0].score) if found else None

    return screen


def test_variant_set_recall_and_false_positives(un_matcher):
    names = load_labelled(DATA / "variants.csv")
    quality = measure(screen_with(un_matcher), names, THRESHOLD)
    assert quality.listed >= 100 and quality.not_listed >= 100
    assert quality.recall >= 0.97, quality.misses
    assert quality.false_positive_rate <= 0.02


def test_blocking_loses_nothing_on_the_variant_set(un_matcher):
    # Typos and dropped names are where blocking can lose a record; scoring every name takes a while.
    names = [n for n in load_labelled(DATA / "variants.csv") if n.kind in {"typo", "missing"}]
    blocked = measure(screen_with(un_matcher), names, THRESHOLD)
    exhaustive = measure(screen_with(un_matcher, exhaustive=True), names, THRESHOLD)
    assert blocked.found == exhaustive.found
