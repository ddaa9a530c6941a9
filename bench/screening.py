"""Screening throughput and quality: the indexed matcher against brute-force rapidfuzz, in the same run.

Loads the UN consolidated list plus 100,000 synthetic FollowTheMoney records (generated here, read through the
FtM loader), screens the labelled variant set (tests/data/kb/variants.csv) with both, and prints names/second,
the speed ratio, and recall / false-positive rate of each at the matcher's threshold.

    python3 bench/screening.py [--synthetic 100000] [--un ../shared/data/un/consolidated-2020-03-20.xml]
"""

import argparse
import json
import random
import time
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from spyglass.kb.ftm import parse_ftm
from spyglass.kb.un_xml import parse_un_xml
from spyglass.match.matcher import THRESHOLD, Matcher
from spyglass.match.quality import LabelledName, Quality, Screen, load_labelled, measure

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ROOT / "tests" / "data" / "kb" / "variants.csv"
UN = ROOT.parent / "shared" / "data" / "un" / "consolidated-2020-03-20.xml"


def _pool(words: str) -> list[str]:
    return words.split()


KOREAN_SURNAMES = _pool("Kim Ri Pak Choe Jong Kang Cho Yun Jang Han Rim Sin O So Kwon Hwang An Song Ryu Hong")
KOREAN_SYLLABLES = _pool("Chol Su Il Nam Ho Yong Myong Kwang Hyok Song Chun Man Gil Sik Gyu Jin Hui Ok Hak Bom")
GIVEN = _pool(
    "John Mary Ahmed Fatima Ivan Olga Wei Li Carlos Ana Pierre Marie Hans Anna Yusuf Aisha Dmitri Elena "
    "Hassan Leila Omar Sara Chen Jun Luis Sofia Giorgos Eleni Raj Priya Mehmet Ayse Tomasz Katarzyna"
)
FAMILY = _pool(
    "Smith Johnson Petrov Ivanova Wang Zhang Garcia Lopez Dubois Martin Schmidt Muller Rahman Hussein "
    "Kuznetsov Popova Liu Huang Rossi Bianchi Papadopoulos Sharma Patel Yilmaz Kaya Nowak Kowalska Silva "
    "Santos Nakamura Tanaka Haddad Nasser Karimi Hosseini Novak Horvat Jensen Hansen"
)
COMPANY_WORDS = _pool(
    "Global Pacific Ocean Star Golden Dragon Eastern Northern Unity Prosperity Harmony Bright Future "
    "Silk Road Continental Asia Euro Trans Alpha Delta Summit Crown Jade Phoenix Lotus Sunrise Victory"
)
COMPANY_KINDS = _pool("Trading Shipping Logistics Industrial Energy Mining Technology Import Export Holdings")
COMPANY_FORMS = ["Co., Ltd.", "LLC", "Limited", "Corporation", "GmbH", "JSC", "FZE", "Pte Ltd", "Inc."]


def _person(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return f"{rng.choice(KOREAN_SURNAMES)} {rng.choice(KOREAN_SYLLABLES)} {rng.choice(KOREAN_SYLLABLES).lower()}"
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def _company(rng: random.Random) -> str:
    words = rng.sample(COMPANY_WORDS, rng.choice((1, 2)))
    return f"{' '.join(words)} {rng.choice(COMPANY_KINDS)} {rng.choice(COMPANY_FORMS)}"


def synthetic_ftm(count: int, seed: int = 20) -> bytes:
    """`count` FtM entities (people, companies, vessels) as JSON lines, reproducible from `seed`."""
    rng = random.Random(seed)
    lines = []
    for n in range(count):
        roll = rng.random()
        if roll < 0.55:
            schema, props = "Person", {"name": [_person(rng)], "nationality": [rng.choice(["kp", "cn", "ru", "ir"])]}
        elif roll < 0.95:
            schema, props = "Company", {"name": [_company(rng)], "country": [rng.choice(["cn", "hk", "sg", "ae"])]}
        else:
            schema, props = "Vessel", {"name": [f"{rng.choice(COMPANY_WORDS)} {rng.randint(1, 99)}".upper()]}
        if rng.random() < 0.3:
            props["alias"] = [_person(rng) if schema == "Person" else _company(rng)]
        lines.append(json.dumps({"id": f"syn-{n}", "schema": schema, "properties": props}))
    return "\n".join(lines).encode("utf-8")


def indexed_screen(matcher: Matcher) -> Screen:
    def screen(name: str):
        found = matcher.match(name, limit=1)
        return (found[0].record.reference_number, found[0].score) if found else None

    return screen


def brute_screen(matcher: Matcher) -> Screen:
    """rapidfuzz.process.extract (WRatio, default processor) over every indexed name."""
    entries = matcher.index.entries
    choices = [utils.default_process(name) for _, name, _ in entries]
    records = matcher.index.records

    def screen(name: str):
        found = process.extract(utils.default_process(name), choices, scorer=fuzz.WRatio, processor=None, limit=1)
        if not found:
            return None
        _, score, position = found[0]
        return records[entries[position][0]].reference_number, score / 100

    return screen


def timed(screen: Screen, names: list[LabelledName]) -> tuple[Quality, float]:
    start = time.perf_counter()
    quality = measure(screen, names, THRESHOLD)
    return quality, len(names) / (time.perf_counter() - start)


def report(label: str, quality: Quality, rate: float) -> None:
    print(
        f"{label:<28} {rate:>10.1f} names/s   recall {quality.recall:.3f} ({quality.found}/{quality.listed})   "
        f"false positives {quality.false_positive_rate:.3f} ({quality.false_positives}/{quality.not_listed})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=100_000)
    parser.add_argument("--un", type=Path, default=UN)
    args = parser.parse_args()

    start = time.perf_counter()
    records = parse_un_xml(args.un.read_bytes(), "un-sc")
    synthetic = parse_ftm(synthetic_ftm(args.synthetic), "synthetic")
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    matcher = Matcher([*records, *synthetic])
    built = time.perf_counter() - start
    names = load_labelled(VARIANTS)
    print(
        f"records: {len(records)} UN + {len(synthetic)} synthetic FtM; {len(matcher.index.entries)} names; "
        f"load {loaded:.1f}s, index {built:.1f}s; {len(names)} labelled queries, threshold {THRESHOLD}"
    )
    indexed, indexed_rate = timed(indexed_screen(matcher), names)
    brute, brute_rate = timed(brute_screen(matcher), names)
    report("indexed matcher", indexed, indexed_rate)
    report("brute-force rapidfuzz WRatio", brute, brute_rate)
    print(f"speed ratio indexed / brute force: {indexed_rate / brute_rate:.1f}x")
    if indexed.recall < brute.recall:
        print(f"WARNING: indexed recall {indexed.recall:.3f} below brute force {brute.recall:.3f}")


if __name__ == "__main__":
    main()
