"""How many pages the organisation has uploaded to an estate."""

from skifteportal_doedsbo_v1_2_0 import Client


def pages_uploaded(client: Client, estate: str) -> int:
    pages = 0
    for document in client.iter_list_bilag(estate):
        pages += document.antal_sider  # breaks: response-required-property-removed
    return pages


def first_document_pages(client: Client, estate: str) -> int:
    first = client.list_bilag(estate)[0]
    return first.antal_sider  # breaks: response-required-property-removed
