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
    # They are public: every authorised client reads them. Every other record belongs to
    # the organisation that filed it, and only that organisation sees it ("the claims
    # the organisation has filed").
    "/doedsbojournaler": 50,
    "/tvangsoploesningssager": 20,
}

APPOINTS_LIQUIDATOR = frozenset({"/tvangsoploesningssager"})
"""Court-owned collections whose items (cases) have a liquidator appointed in them."""

ON_BEHALF_HEADER = "X-Paa-Vegne-Af"
"""Names the liquidator an organisation acts for. An operation declaring it acts for
the liquidator appointed in the case, who must be associated with the organisation;
it reads every creditor's claims in the case, and the positions taken on them are the
liquidator's."""

LIQUIDATOR_PREFIX = "LIK-"
"""In the stand-in every registered client is associated with one liquidator,
`LIK-<client-id>`; the seed appoints them in the cases in turn."""

SEEDED_RECORDS_PER_ITEM = 2
"""Records of each kind (krav, tilgodehavender, ...) seeded under every third item."""

SEED_OWNER = "skifteretten"
"""The owner of seeded records when no client is registered. Otherwise the seed hands
the records it files under estates and cases to the registered clients in turn, so
that every client finds records of its own to read."""

CREATED_FIELDS = ("oprettet", "created", "createdAt")
UPDATED_FIELDS = ("opdateret", "aendret", "sidstAendret", "updated", "updatedAt")
FILE_NAME_FIELDS = ("filnavn", "filename", "fileName")
FILE_SIZE_FIELDS = ("stoerrelse", "size", "bytes")
FILE_TYPE_FIELDS = ("mediatype", "mediaType", "contentType")
FILE_PAGES_FIELDS = ("antalSider", "pages", "pageCount")
"""Counted in a PDF's content; another kind of file has no pages to count."""
