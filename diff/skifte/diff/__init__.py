"""Release diff: every change between two releases, classified, with the client code it hits."""
