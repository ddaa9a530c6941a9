"""The sentence around a stretch of text, for showing evidence: stored events keep offsets, not sentences."""

import re

from spyglass.model import Span

# A sentence ends at . ! ? (optionally closed by a quote or bracket) before whitespace, or at a line break.
_END = re.compile(r"""(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)[.!?]["'”’)\]]*(?=\s)|\n""")
MAX_CHARS = 600


def sentence_around(text: str, start: int, end: int) -> Span:
    """The sentence of `text` that holds `start`..`end` (clipped to MAX_CHARS either side)."""
    lo = max(0, start - MAX_CHARS)
    begin = lo
    for match in _END.finditer(text, lo, start):
        begin = match.end()
    stop = _END.search(text, end, min(len(text), end + MAX_CHARS))
    finish = min(len(text), end + MAX_CHARS)
    if stop is not None:
        finish = stop.start() if stop.group().isspace() else stop.end()
    while begin < start and text[begin].isspace():
        begin += 1
    return Span(start=begin, end=finish, text=text[begin:finish])
