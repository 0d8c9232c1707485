#include "cliapp.h"
#include "util/malloctuning.h"
#include "util/translations.h"

#include <QCoreApplication>
#include <QNetworkProxyFactory>

#include <csignal>

int main(int argc, char *argv[])
{
    Quiver::tuneMalloc();   // before any thread: see malloctuning.h
    // Past a file size limit (ulimit -f) the kernel would kill the whole process with SIGXFSZ; ignored,
    // the write fails with EFBIG instead and only that download fails, with its reason.
    std::signal(SIGXFSZ, SIG_IGN);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("quiver-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUIVER_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Quiver"));
    Quiver::installTranslations();
    // Downloads go through the system's proxy settings (HttpSettings::useSystemProxy, --no-proxy to opt
    // out), whichever way Qt was built: Debian's Qt does this by default, another build might not.
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    Quiver::CliApp cli;
    const int early = cli.start(QCoreApplication::arguments());
    if (early >= 0)
        return early;
    return QCoreApplication::exec();
}
