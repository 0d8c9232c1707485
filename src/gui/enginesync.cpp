#include "enginesync.h"

#include "appsettings.h"
#include "engine/downloadengine.h"
#include "remote/aria2backend.h"
#include "remote/secretfile.h"

#include <QCryptographicHash>

namespace Quiver {

EngineSync::EngineSync(DownloadEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
}

void EngineSync::apply(const AppSettings *settings)
{
    QHash<QString, Applied> wanted;
    for (const RemoteEngineSetting &setting : settings->remoteEngines()) {
        // A token file that cannot be read (gone, or opened to others) leaves the engine without a token:
        // the daemon then refuses it, and its rows say so with what to do.
        QString unreadable;
        const QByteArray token =
            Aria2::readSecretFile(settings->tokenFileOf(setting.name), &unreadable).value_or(QByteArray());
        const Applied applied{setting.address, QCryptographicHash::hash(token, QCryptographicHash::Sha256)};
        wanted.insert(setting.name, applied);
        const auto before = m_applied.constFind(setting.name);
        if (before != m_applied.cend() && before->address == applied.address && before->tokenHash == applied.tokenHash)
            continue;
        m_engine->setRemoteEngine(std::make_unique<Aria2::Backend>(Aria2::Endpoint{setting.name, setting.address, token}));
    }
    for (auto it = m_applied.cbegin(); it != m_applied.cend(); ++it) {
        if (!wanted.contains(it.key()))
            m_engine->removeRemoteEngine(it.key());
    }
    m_applied = wanted;
}

} // namespace Quiver
