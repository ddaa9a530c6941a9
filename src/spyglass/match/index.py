"""The name index: an inverted index from blocking keys to the names of knowledge-base records.

Keys of a name are its normalised tokens, adjacent tokens joined ("al qaida" -> "alqaida"), a phonetic
key per token (metaphone, so Soleimani and Sulaimani meet) and, for long tokens, the token with each letter
deleted (`#`-prefixed, a symmetric-delete neighbourhood): a query token the index does not know looks up its
own deletions too, so one typo in the only distinctive word still finds the name ("Maiullah" ~ "Matiullah").
A query looks up its keys, rarest first, and
accumulates token rarity per name; keys shared by very many names are only intersected, so "Kim" alone
never pulls in every Kim. Only the best-blocked names are scored.
"""

import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Sequence
from operator import itemgetter

from rigour.text import metaphone

from spyglass.kb.record import KBRecord
from spyglass.match.names import name_tokens

MAX_POSTING = 2000
CANDIDATE_NAMES = 40
TYPO_KEY_LENGTH = 6


def _deletions(token: str) -> set[str]:
    return {"#" + token, *("#" + token[:i] + token[i + 1 :] for i in range(len(token)))}


def blocking_keys(tokens: tuple[str, ...], typo_tokens: tuple[str, ...] = ()) -> set[str]:
    """Tokens, adjacent pairs joined, `~`-prefixed phonetic keys of tokens of 3+ letters, and `#`-prefixed
    one-deletion keys of `typo_tokens`."""
    keys = set(tokens)
    keys.update(a + b for a, b in itertools.pairwise(tokens))
    keys.update("~" + m for t in tokens if len(t) >= 3 and not t.isdigit() and (m := metaphone(t)))
    for token in typo_tokens:
        keys.update(_deletions(token))
    return keys


class NameIndex:
    """Every name and alias of some records, indexed for candidate lookup; `entries[i]` is (record, name, tokens)."""

    def __init__(self, records: Sequence[KBRecord]) -> None:
        self.records = list(records)
        self.entries: list[tuple[int, str, tuple[str, ...]]] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for record_no, record in enumerate(self.records):
            for name in record.names:
                tokens = name_tokens(name)
                if not tokens:
                    continue
                entry = len(self.entries)
                self.entries.append((record_no, name, tokens))
                long_tokens = tuple(t for t in tokens if len(t) >= TYPO_KEY_LENGTH)
                for key in blocking_keys(tokens, long_tokens):
                    postings[key].append(entry)
        self.postings = dict(postings)
        self._frequent = {k: frozenset(p) for k, p in self.postings.items() if len(p) > MAX_POSTING}
        total = max(len(self.entries), 1)
        self._idf = {key: math.log(1 + total / len(p)) for key, p in self.postings.items()}
        self._max_idf = math.log(1 + total)

    def weight(self, token: str) -> float:
        """Rarity of a token among the indexed names (IDF); unseen tokens weigh the most."""
        return self._idf.get(token, self._max_idf)

    def candidates(self, tokens: tuple[str, ...], limit: int = CANDIDATE_NAMES) -> list[int]:
        """Entry numbers of the names sharing the most (rarity-weighted) keys with `tokens`, best first."""
        unknown = tuple(t for t in tokens if t not in self.postings and len(t) >= TYPO_KEY_LENGTH - 1)
        found = [k for k in blocking_keys(tokens, unknown) if k in self.postings]
        keys = sorted(found, key=lambda k: len(self.postings[k]))
        scores: dict[int, float] = defaultdict(float)
        for key in keys:
            posting = self.postings[key]
            weight = math.log(1 + len(self.entries) / len(posting))
            if len(posting) <= MAX_POSTING:
                for entry in posting:
                    scores[entry] += weight
            elif scores:
                frequent = self._frequent[key]
                for entry in scores.keys() & frequent:
                    scores[entry] += weight
            else:
                return self._intersect([self.postings[k] for k in keys], limit)
        return [entry for entry, _ in heapq.nlargest(limit, scores.items(), key=itemgetter(1))]

    @staticmethod
    def _intersect(lists: list[list[int]], limit: int) -> list[int]:
        """Names on every frequent key, narrowing rarest first and stopping before the set would empty."""
        common = set(lists[0])
        for posting in lists[1:]:
            if len(common) <= limit:
                break
            narrower = common.intersection(posting)
            if not narrower:
                break
            common = narrower
        return sorted(common)[:limit]
