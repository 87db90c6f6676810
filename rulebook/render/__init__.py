"""Presenting versions, diffs and answers: plain text, markdown, JSON and HTML."""
