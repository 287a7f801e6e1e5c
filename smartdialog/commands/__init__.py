"""The command line's jobs, one module per area (see smartdialog.cli)."""
