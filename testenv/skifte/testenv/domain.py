"""What the shape of the API cannot tell the stand-in: the Skifteportal domain.

Collections are named by path template with blank parameters (see routes.py).
Kept as data, so a new release with the same resources needs no change here.
"""

from __future__ import annotations

ALIASES: dict[str, str] = {
    # A liquidator reads the claims filed in the case: the case's krav, every creditor's.
    "/tvangsoploesningssager/{}/likvidator/anmeldte-krav": "/tvangsoploesningssager/{}/krav",
}

VIEWS: dict[str, tuple[str, str]] = {
    # The bilag of one krav: the estate's bilag whose `relation` is that krav (until 1.2.0).
    "/doedsbojournaler/{}/krav/{}/bilag": ("/doedsbojournaler/{}/bilag", "relation"),
}

SEEDED: dict[str, int] = {
    # Court-owned collections that no client creates: how many items the seed makes.
    "/doedsbojournaler": 50,
    "/tvangsoploesningssager": 20,
}

SEEDED_RECORDS_PER_ITEM = 2
"""Records of each kind (krav, tilgodehavender, ...) seeded under every third item."""

SEED_OWNER = "skifteretten"
"""Seeded records belong to nobody who can log in: no client may change them."""

CREATED_FIELDS = ("oprettet", "created", "createdAt")
UPDATED_FIELDS = ("opdateret", "aendret", "sidstAendret", "updated", "updatedAt")
FILE_NAME_FIELDS = ("filnavn", "filename", "fileName")
FILE_SIZE_FIELDS = ("stoerrelse", "size", "bytes")
FILE_TYPE_FIELDS = ("mediatype", "mediaType", "contentType")
FILE_PAGES_FIELDS = ("antalSider", "pages", "pageCount")
"""Counted in a PDF's content; another kind of file has no pages to count."""
