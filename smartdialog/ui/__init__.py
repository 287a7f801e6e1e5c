"""The Qt user interface: a thin skin over the core services."""
