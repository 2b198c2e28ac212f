"""`python -m corpuscli` runs the `corpus` command."""

from corpuscli.cli.entry import main

if __name__ == "__main__":
    main()
