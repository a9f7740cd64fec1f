"""The words the models store and the claim finder speaks: one definition of
each, with no database behind it, so the pure extraction layer and the models
share them (``factcheck.models`` re-exports them)."""

import enum


class StrEnum(enum.StrEnum):
    """An enum stored as its value string, readable in templates."""

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class ClaimKind(StrEnum):
    ATTRIBUTION = "attribution"
    STATISTIC = "statistic"
    QUOTE = "quote"
    CHARACTERIZATION = "characterization"
    EVENT = "event"

    @property
    def asks_who_said_it(self) -> bool:
        """An attribution or a quote: the verdict says whether the source
        said it (confirmed / not found / misquoted), apart from the rating."""
        return self in (ClaimKind.ATTRIBUTION, ClaimKind.QUOTE)


class Priority(StrEnum):
    HIGH = "high"
    NORMAL = "normal"
    LOW = "low"


class SourceKind(StrEnum):
    AGENCY = "agency"
    MONITOR = "monitor"
    ANALYST = "analyst"
    OFFICIAL = "official"
    GOVERNMENT = "government"
    ORGANISATION = "organisation"
    PUBLICATION = "publication"
    PERSON = "person"
    DOCUMENT = "document"
