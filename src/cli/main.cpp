#include "cliapp.h"
#include "translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("quiver-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUIVER_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Quiver"));
    Quiver::installTranslations();

    Quiver::CliApp cli;
    const int early = cli.start(QCoreApplication::arguments());
    if (early >= 0)
        return early;
    return QCoreApplication::exec();
}
