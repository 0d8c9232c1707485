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
    for (const QString &uiLanguage : locale.uiLanguages()) {
        if (isSourceLanguage(uiLanguage))
            return {};
        for (const QString &name : candidates(uiLanguage)) {
            const QString path = QLatin1String(":/i18n/quiver_") + name + QLatin1String(".qm");
            if (!QFile::exists(path))
                continue;
            auto *quiver = new QTranslator(app);
            if (!quiver->load(path)) {
                delete quiver;
                continue;
            }
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
