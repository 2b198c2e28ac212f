"""The `corpus` command line: parses options, loads, calls the library, renders."""
