"""Learned parts of strife: a sentence encoder and the small heads trained over its embeddings."""
