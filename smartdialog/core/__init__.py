"""The domain of smartdialog: models, database, migrations and services.

Plain Python: nothing here imports Qt or the ui package (a test enforces it).
"""
