"""Amendments: motions and rulings, applying them, and their conventional wording."""
