#include "util/translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QTranslator>

namespace Quiver {

namespace {
// "de-DE" -> "de_DE", then the shorter "de", as the .qm files are named.
QStringList candidates(const QString &uiLanguage)
{
    QString name = uiLanguage;
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    QStringList names{name};
    for (qsizetype cut = name.lastIndexOf(QLatin1Char('_')); cut > 0; cut = name.lastIndexOf(QLatin1Char('_'))) {
        name.truncate(cut);
        names.append(name);
    }
    return names;
}

// The installed .qm files first (next to the program: ../share/quiver/translations from bin/), so a
// language added to an installed Quiver is used without a rebuild; then the ones built into the program.
QStringList translationFolders()
{
    return {QCoreApplication::applicationDirPath() + QLatin1Char('/') + QLatin1String(QUIVER_TRANSLATIONS_FROM_BIN),
            QStringLiteral(":/i18n")};
}

// English ("en", "en-GB") and the C/POSIX locale: the strings as written in the code.
bool isSourceLanguage(const QString &uiLanguage)
{
    qsizetype end = 0;
    while (end < uiLanguage.size() && uiLanguage.at(end).isLetter())
        ++end;
    const QStringView language = QStringView(uiLanguage).left(end);
    return language == u"en" || language == u"C" || language == u"POSIX" || language.isEmpty();
}
} // namespace

QString installTranslations(const QLocale &locale)
{
    auto *app = QCoreApplication::instance();
    if (!app)
        return {};
    const QStringList folders = translationFolders();
    for (const QString &uiLanguage : locale.uiLanguages()) {
        if (isSourceLanguage(uiLanguage))
            return {};
        for (const QString &name : candidates(uiLanguage)) {
            QTranslator *quiver = nullptr;
            for (const QString &folder : folders) {
                const QString path = folder + QLatin1String("/quiver_") + name + QLatin1String(".qm");
                if (!QFile::exists(path))
                    continue;
                quiver = new QTranslator(app);
                if (quiver->load(path))
                    break;
                delete quiver;
                quiver = nullptr;
            }
            if (!quiver)
                continue;
            // Qt's own strings (dialog buttons, the line edits' context menu, --help) in the same
            // language, when Qt's translations are installed (Debian: qt6-translations-l10n).
            auto *qt = new QTranslator(app);
            if (qt->load(QLocale(name), QStringLiteral("qtbase"), QStringLiteral("_"),
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
                QCoreApplication::installTranslator(qt);
            else
                delete qt;
            QCoreApplication::installTranslator(quiver);
            return name;
        }
    }
    return {};
}

} // namespace Quiver
