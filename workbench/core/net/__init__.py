"""The web: the guarded httpx client, decoding, article pages, link checks and the archive."""
