"""Who to write to about an estate."""

from skifteportal_doedsbo_v1_2_0 import Client


class Contacts:
    def __init__(self, client: Client) -> None:
        self.client = client

    def contact_name(self, estate: str) -> str | None:
        journal = self.client.get_bo(estate)
        contact = journal.kontaktperson  # breaks: property-renamed
        return contact.navn if contact else None

    def court(self, estate: str) -> str:
        return self.client.get_bo(estate).skifteret
