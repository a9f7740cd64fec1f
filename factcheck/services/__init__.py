"""Use cases. The only code that changes data: each function checks the
workflow, changes the objects, writes the audit event and flushes. A web
or API request commits once after its view returns (``security.access``);
a CLI command commits itself."""

from factcheck.services.errors import ServiceError, StaleEdit, ValidationFailed

__all__ = ["ServiceError", "StaleEdit", "ValidationFailed"]
