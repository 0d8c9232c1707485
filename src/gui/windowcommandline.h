#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Quiver {

// `quiver [--help] [--version] [URL|FILE...]`: what the window's command line asks for. Read before any
// window or display exists, so --help, --version and a wrong option end at once, also without a display.
// Qt's own GUI options (-platform, -style, -session, ...) are left for QApplication.
class WindowCommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(Quiver::WindowCommandLine)

public:
    enum class Action {
        Run,       // open the window (or hand arguments() to the running one)
        Help,      // print output() to stdout, exit 0
        Version,   // print output() to stdout, exit 0
        BadUsage,  // print output() to stderr, exit 2
    };

    // arguments as QCoreApplication::arguments() gives them, the program first.
    static WindowCommandLine parse(const QStringList &arguments);

    Action action() const { return m_action; }
    QString output() const { return m_output; }
    // The links and files to open, in the order given.
    QStringList arguments() const { return m_arguments; }

private:
    Action m_action = Action::Run;
    QString m_output;
    QStringList m_arguments;
};

} // namespace Quiver
