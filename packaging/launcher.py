"""The frozen app's entry point: the same command line as ``smartdialog`` from a checkout."""

from smartdialog.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
