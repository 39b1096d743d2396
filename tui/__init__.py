"""taxqa-tui: the Textual chat app."""
