"""This app's import kinds (enterprise list, IP rights, management records) and the life of an import run."""
