"""Use cases. The only code that changes data: each function checks the
workflow, changes the objects, writes the audit event and flushes. The
caller (a view, the API or the CLI) commits once."""

from factcheck.services.errors import ServiceError, StaleEdit, ValidationFailed

__all__ = ["ServiceError", "StaleEdit", "ValidationFailed"]
