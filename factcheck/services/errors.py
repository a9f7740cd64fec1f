class ServiceError(Exception):
    http_status = 400


class StaleEdit(ServiceError):
    """Someone saved the object after this form was loaded."""

    http_status = 409

    def __init__(self, what: str = "record") -> None:
        super().__init__(
            f"Someone else changed this {what} while you were editing. "
            "Nothing was saved: reload to see their version, then make your change again."
        )


class ValidationFailed(ServiceError):
    """Input that a form could not check on its own, tied to a field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
