#include "appsettings.h"
#include "handovermessage.h"
#include "mainwindow.h"
#include "singleinstance.h"
#include "util/malloctuning.h"
#include "util/translations.h"
#include "windowcommandline.h"

#include <QApplication>
#include <QDir>
#include <QNetworkProxyFactory>

#include <csignal>
#include <cstdio>
#include <memory>

namespace {
void setNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("Quiver"));
    QCoreApplication::setOrganizationName(QStringLiteral("Quiver"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QUIVER_VERSION));
}
} // namespace

int main(int argc, char *argv[])
{
    Quiver::tuneMalloc();   // before any thread: see malloctuning.h
    // Past a file size limit (ulimit -f) the kernel would kill the whole process with SIGXFSZ; ignored,
    // the write fails with EFBIG instead and only that download fails, with its reason.
    std::signal(SIGXFSZ, SIG_IGN);
    setNames();

    std::unique_ptr<Quiver::SingleInstance> instance;
    QStringList arguments;
    {
        // Everything up to the hand-over needs no display: --help in a terminal without one, or a browser
        // handing a link to the window that runs already, ends here without connecting to it.
        QCoreApplication probe(argc, argv);
        Quiver::installTranslations();
        const Quiver::WindowCommandLine line = Quiver::WindowCommandLine::parse(QCoreApplication::arguments());
        switch (line.action()) {
        case Quiver::WindowCommandLine::Action::Help:
        case Quiver::WindowCommandLine::Action::Version:
            std::fputs(qPrintable(line.output()), stdout);
            return 0;
        case Quiver::WindowCommandLine::Action::BadUsage:
            std::fputs(qPrintable(line.output()), stderr);
            return 2;
        case Quiver::WindowCommandLine::Action::Run:
            break;
        }
        arguments = Quiver::HandOverMessage::absoluteArguments(line.arguments(), QDir::currentPath());
        instance = std::make_unique<Quiver::SingleInstance>();
        switch (instance->start(arguments)) {
        case Quiver::SingleInstance::Outcome::HandedOver:
            return 0;
        case Quiver::SingleInstance::Outcome::Failed:
            std::fprintf(stderr, "quiver: %s\n", qPrintable(instance->errorString()));
            return 1;
        case Quiver::SingleInstance::Outcome::Primary:
            break;
        }
    }

    QApplication app(argc, argv);
    setNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Quiver"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.quiver.Quiver"));
    Quiver::installTranslations();
    // Downloads go through the system's proxy settings unless Settings turns that off (see quiver-cli's main).
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    Quiver::AppSettings settings;
    Quiver::MainWindow window(&settings);
    window.useSession(Quiver::MainWindow::defaultSessionPath());
    window.show();
    // Listening only now, with the window up: a launch meanwhile waits on the start-up lock and then
    // hands over to this window rather than finding no one.
    if (Quiver::InstanceServer *server = instance->listen(&window)) {
        QObject::connect(server, &Quiver::InstanceServer::argumentsReceived, &window,
                         [&window](const QStringList &handedOver) {
                             window.bringToFront();
                             window.openArguments(handedOver);
                         });
    } else if (!instance->errorString().isEmpty()) {
        std::fprintf(stderr, "quiver: %s\n", qPrintable(instance->errorString()));
    }
    window.openArguments(arguments);
    return QApplication::exec();
}
