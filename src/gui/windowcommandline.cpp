#include "windowcommandline.h"

#include <QCommandLineParser>
#include <QSet>

namespace Quiver {

using namespace Qt::StringLiterals;

namespace {
// QGuiApplication's and QApplication's own options (with one dash or two), which QApplication takes out
// of the arguments itself; a desktop's session restore passes -session, a user may pass -style.
const QSet<QString> &qtOptionsWithValue()
{
    static const QSet<QString> names{u"platform"_s, u"platformpluginpath"_s, u"platformtheme"_s, u"plugin"_s,
                                     u"qwindowgeometry"_s, u"qwindowicon"_s, u"qwindowtitle"_s, u"display"_s,
                                     u"geometry"_s, u"style"_s, u"stylesheet"_s, u"session"_s, u"title"_s,
                                     u"name"_s, u"visual"_s, u"qmljsdebugger"_s};
    return names;
}

const QSet<QString> &qtFlags()
{
    static const QSet<QString> names{u"reverse"_s, u"widgetcount"_s, u"nograb"_s, u"dograb"_s, u"sync"_s};
    return names;
}

// The arguments without Qt's GUI options and their values.
QStringList withoutQtOptions(const QStringList &arguments)
{
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (i == 0 || !argument.startsWith(u'-') || argument == u"--"_s) {
            kept.append(argument);
            continue;
        }
        QString name = argument.mid(argument.startsWith(u"--"_s) ? 2 : 1);
        const qsizetype equals = name.indexOf(u'=');
        const bool inlineValue = equals >= 0;
        if (inlineValue)
            name.truncate(equals);
        if (qtOptionsWithValue().contains(name)) {
            if (!inlineValue)
                ++i;   // its value
            continue;
        }
        if (qtFlags().contains(name) && !inlineValue)
            continue;
        kept.append(argument);
    }
    return kept;
}
} // namespace

WindowCommandLine WindowCommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Downloads many files at once, resuming and retrying until each one is "
                                        "complete and correct. Links and files of links given here are "
                                        "downloaded in the Quiver window; when it is open already, they are "
                                        "handed to it."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(tr("URL|FILE"), tr("Links to download, or files that list them."),
                                 tr("[URL|FILE...]"));

    WindowCommandLine result;
    if (!parser.parse(withoutQtOptions(arguments))) {
        result.m_action = Action::BadUsage;
        result.m_output = parser.errorText() + u"\n\n"_s + parser.helpText();
        return result;
    }
    if (parser.isSet(u"help"_s) || parser.isSet(u"help-all"_s)) {
        result.m_action = Action::Help;
        result.m_output = parser.helpText();
        return result;
    }
    if (parser.isSet(u"version"_s)) {
        result.m_action = Action::Version;
        result.m_output = u"quiver %1\n"_s.arg(QCoreApplication::applicationVersion());
        return result;
    }
    result.m_arguments = parser.positionalArguments();
    return result;
}

} // namespace Quiver
