#include "appsettings.h"
#include "mainwindow.h"
#include "util/translations.h"

#include <QApplication>

#include <csignal>

int main(int argc, char *argv[])
{
    // Past a file size limit (ulimit -f) the kernel would kill the whole process with SIGXFSZ; ignored,
    // the write fails with EFBIG instead and only that download fails, with its reason.
    std::signal(SIGXFSZ, SIG_IGN);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Quiver"));
    QApplication::setOrganizationName(QStringLiteral("Quiver"));
    QApplication::setApplicationDisplayName(QStringLiteral("Quiver"));
    QApplication::setApplicationVersion(QStringLiteral(QUIVER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.quiver.Quiver"));
    Quiver::installTranslations();

    Quiver::AppSettings settings;
    Quiver::MainWindow window(&settings);
    window.useSession(Quiver::MainWindow::defaultSessionPath());
    window.show();
    window.openArguments(QApplication::arguments().mid(1));
    return QApplication::exec();
}
