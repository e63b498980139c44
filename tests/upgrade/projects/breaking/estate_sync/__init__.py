"""Synchronises an organisation's estate records with Skifteportalen (a fictitious example)."""
