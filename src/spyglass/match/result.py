"""What a match returns: a ranked candidate with its score and the weighted features that explain it."""

from pydantic import BaseModel, Field

from spyglass.kb.record import KBRecord


class Feature(BaseModel):
    """One scored feature: `value` in [0, 1] (or -1..1 for context), its `weight`, and what it saw."""

    name: str
    weight: float
    value: float
    detail: str = ""

    @property
    def contribution(self) -> float:
        return self.weight * self.value


class Candidate(BaseModel):
    """A knowledge-base record proposed for a query name, with the features behind its score."""

    query: str
    matched_name: str
    score: float = Field(ge=0, le=1, description="Name score adjusted by context, clipped to [0, 1].")
    name_score: float = Field(ge=0, le=1, description="Score of the best name pair alone.")
    rank_score: float = Field(description="Unclipped name score plus context; orders candidates that tie on 1.0.")
    features: list[Feature]
    record: KBRecord

    def explain(self) -> str:
        """The features as one line: `name=value*weight` with what each saw."""
        parts = [f"{f.name}={f.value:.2f}x{f.weight:g}" + (f" ({f.detail})" if f.detail else "") for f in self.features]
        return f"{self.query!r}~{self.matched_name!r}: " + "; ".join(parts)
