"""The lists this app imports, registered with the import engine at start-up."""
