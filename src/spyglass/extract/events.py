"""Event component: sets `doc._.sg_events` (contract `Event`s whose arguments point at entity cluster ids)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("spyglass_events")
def make_events(nlp: Language, name: str) -> "EventComponent":
    return EventComponent()


class EventComponent:
    def __call__(self, doc: Doc) -> Doc:
        doc._.sg_events = []
        return doc
