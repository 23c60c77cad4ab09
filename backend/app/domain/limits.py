"""Bounds shared by the models, the schemas and the parsers, each written once."""

# A task's title: the column's width, what the API accepts and what the parsers keep.
TITLE_MAX_LENGTH = 160
# Identifiers are 32-bit integers in the database; larger values cannot exist.
MAX_ID = 2**31 - 1
