"""Reading and writing rulebook's files: rule books, histories, motions, scenarios."""
