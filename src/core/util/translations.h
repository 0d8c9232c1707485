#pragma once

#include <QLocale>
#include <QString>

namespace Quiver {

// Installs Quiver's translation (installed in ../share/quiver/translations beside the program's folder, or else
// embedded under :/i18n) and Qt's own (qtbase_<lang>.qm from Qt's
// translations folder, when installed) for the first of the locale's UI languages that Quiver has a
// translation for. English is the source language: an English entry earlier in the list (LANGUAGE=en:de,
// LANG=en_GB, LANG=C) stops the search, so the strings stay as written. Call once, after the
// QCoreApplication exists; the translators belong to it. Returns the language installed ("de"), or an
// empty string when the texts stay English.
QString installTranslations(const QLocale &locale = QLocale::system());

} // namespace Quiver
