"""Tell a decoded input's kind ("feed", "html" or "text") from its content, not its name."""

import re

from spyglass.ingest.cues import format_cues

_PROLOG = re.compile(
    r"^(?:\s+|<\?[^>]*\?>|<!--.*?-->|<!doctype(?!\s+html)[^>\[]*(?:\[.*?\])?\s*>)*", re.IGNORECASE | re.DOTALL
)
_HEAD_CHARS = 4096


def sniff(text: str) -> str:
    """ "feed" for RSS/Atom/RDF, "html" for markup pages and fragments, else "text"."""
    head = text[:_HEAD_CHARS].lstrip("\ufeff")
    body = head[_PROLOG.match(head).end() :].lower()
    cues = format_cues()
    if any(re.match(rf"<{re.escape(root)}[\s>/]", body) for root in cues.feed_roots):
        return "feed"
    if body.startswith("<") and any(marker in body for marker in cues.html_markers):
        return "html"
    return "text"
