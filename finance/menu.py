"""This app's entries in the site navigation."""
