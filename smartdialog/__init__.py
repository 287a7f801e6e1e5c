"""smartdialog — runs a city's public citizens' dialogue event."""

__version__ = "0.1.0"
APP_NAME = "smartdialog"
ORG_NAME = "smartdialog"
