"""The publication registry (主动公开): items an agency publishes, their review before publishing
(条例 第十七条), their life (made, published, amended, repealed), the full-text index of what is
public, and table 二 of the annual report counted from them.
"""
