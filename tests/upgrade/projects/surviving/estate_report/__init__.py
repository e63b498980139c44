"""A report of an organisation's claims in estates (a fictitious example)."""
