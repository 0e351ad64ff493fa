"""Navigation cards: the links under "Cross-Reference Navigation" shown as groups of cards."""
