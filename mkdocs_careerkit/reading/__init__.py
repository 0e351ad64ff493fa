"""Reading lists: "Further Reading" bullets become cards."""
