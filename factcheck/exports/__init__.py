"""What leaves the desk: ClaimReview JSON-LD, CSV and the printable report."""

from factcheck.exports.claimreview import claimreview_items
from factcheck.exports.tables import claims_csv

__all__ = ["claimreview_items", "claims_csv"]
