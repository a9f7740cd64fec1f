"""Typed SQLAlchemy models, one module per aggregate."""

from factcheck.models.article import Article, ArticleStatus
from factcheck.models.audit import AuditEvent
from factcheck.models.claim import Claim, ClaimKind, ClaimSource, ClaimStatus, Priority
from factcheck.models.evidence import Comment, ContactAttempt, ContactOutcome, Evidence, Stance
from factcheck.models.export import DataExport
from factcheck.models.notification import Notification, NotificationKind
from factcheck.models.rating import RatingLevel
from factcheck.models.source import (
    MentionStatus,
    Source,
    SourceAlias,
    SourceKind,
    SourceMention,
)
from factcheck.models.stored_file import StoredFile, StoredFilePart
from factcheck.models.suggestion import SuggestionDismissal
from factcheck.models.user import ApiToken, Role, User, UserRole, UserSession
from factcheck.models.verdict import (
    AttributionFinding,
    Resolution,
    ResolutionKind,
    Verdict,
)

__all__ = [
    "ApiToken",
    "Article",
    "ArticleStatus",
    "AttributionFinding",
    "AuditEvent",
    "Claim",
    "ClaimKind",
    "ClaimSource",
    "ClaimStatus",
    "Comment",
    "ContactAttempt",
    "ContactOutcome",
    "DataExport",
    "Evidence",
    "MentionStatus",
    "Notification",
    "NotificationKind",
    "Priority",
    "RatingLevel",
    "Resolution",
    "ResolutionKind",
    "Role",
    "Source",
    "SourceAlias",
    "SourceKind",
    "SourceMention",
    "Stance",
    "StoredFile",
    "StoredFilePart",
    "SuggestionDismissal",
    "User",
    "UserRole",
    "UserSession",
    "Verdict",
]
