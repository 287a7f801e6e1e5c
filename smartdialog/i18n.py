"""Translations: English source strings, German shipped and loaded by default.

Each area of the product has its own Qt Linguist source under
resources/translations (``<area>_<lang>.ts``, built to ``.qm``); all of a
language's files are loaded together.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from smartdialog.paths import resource

DEFAULT_LANGUAGE = "de"
LANGUAGES = {"de": "Deutsch", "en": "English"}

# Loaded translators per language, kept alive here: a QTranslator that Python
# collects is silently removed from the application.
_cache: dict[str, list[QTranslator]] = {}
_current = "en"


def preferred_language(setting: str | None = None) -> str:
    """The language to use: the explicit setting, then SMARTDIALOG_LANG, then German."""
    for candidate in (setting, os.environ.get("SMARTDIALOG_LANG")):
        if candidate in LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE


def load(language: str) -> list[QTranslator]:
    """The translators for ``language`` (for English, the source language, only plural forms).

    Also makes ``language`` the one ``translate`` uses.
    """
    global _current
    _current = language
    if language in _cache:
        return _cache[language]
    translators: list[QTranslator] = []
    # English is the source language; its files hold only the plural forms.
    for qm in sorted(resource("translations").glob(f"*_{language}.qm")):
        translator = QTranslator()
        if translator.load(str(qm)):
            translators.append(translator)
    if language != "en":
        qt_own = QTranslator()
        if qt_own.load(
            QLocale(language),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            translators.append(qt_own)
    _cache[language] = translators
    return translators


def install(app: QCoreApplication, language: str) -> None:
    for translator in load(language):
        app.installTranslator(translator)
    QLocale.setDefault(
        QLocale(QLocale.Language.German if language == "de" else QLocale.Language.English)
    )


def translate(context: str, text: str) -> str:
    """Translate without an application object (the command line)."""
    for translator in _cache.get(_current, ()):
        translated = translator.translate(context, text)
        if translated:
            return translated
    return text
