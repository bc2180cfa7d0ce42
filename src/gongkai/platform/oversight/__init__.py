"""Oversight across agencies: the store of published reports of a region, imported in batches."""
