"""First entity component: the statistical NER mapped to contract types, one cluster per (type, text)."""

from spacy.language import Language
from spacy.tokens import Doc

from spyglass.extract.entity_ref import EntityCluster
from spyglass.model import EntityType

NER_TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "FAC": EntityType.FACILITY,
    "GPE": EntityType.LOCATION,
    "LOC": EntityType.LOCATION,
}


@Language.factory("spyglass_entities")
def make_entities(nlp: Language, name: str) -> "EntityComponent":
    return EntityComponent()


class EntityComponent:
    def __call__(self, doc: Doc) -> Doc:
        clusters: dict[tuple[EntityType, str], EntityCluster] = {}
        for ent in doc.ents:
            etype = NER_TYPES.get(ent.label_)
            if etype is None:
                continue
            key = (etype, ent.text)
            if key not in clusters:
                clusters[key] = EntityCluster(id=f"e{len(clusters) + 1}", type=etype, name=ent.text)
            clusters[key].mentions.append(ent)
        doc._.sg_entities = list(clusters.values())
        return doc
