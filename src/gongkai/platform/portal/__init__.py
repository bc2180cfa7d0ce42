"""The public portal: each agency's 政府信息公开 column (guide, catalogue, statutory content, annual
reports, the application form) and the full-text search — what anonymous visitors see.

Everything here reads through ``queries.public_items``: published, proactively disclosed items only.
"""
