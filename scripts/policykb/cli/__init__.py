"""The command line: a thin layer over the library that turns errors into one-line messages."""
