"""What leaves the desk: ClaimReview JSON-LD, CSV and the printable report."""

from factcheck.exports.claimreview import claimreview_items
from factcheck.exports.tables import activity_csv, claims_csv, newsroom_claims_csv

__all__ = ["activity_csv", "claimreview_items", "claims_csv", "newsroom_claims_csv"]
