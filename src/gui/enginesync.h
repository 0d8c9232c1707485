#pragma once

#include <QHash>
#include <QObject>
#include <QUrl>

namespace Quiver {

class AppSettings;
class DownloadEngine;

// Keeps the download engine's remote engines as Settings has them: an engine added there is added, one
// whose address or token changed is replaced (its running rows start again on it), one removed is removed
// (its rows stay and say so). Tokens are read from their files here, and only handed to the engine.
class EngineSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineSync)

public:
    explicit EngineSync(DownloadEngine *engine, QObject *parent = nullptr);

    void apply(const AppSettings *settings);

private:
    struct Applied {
        QUrl address;
        QByteArray tokenHash;   // to notice a new token without keeping a second copy of it
    };

    DownloadEngine *m_engine = nullptr;
    QHash<QString, Applied> m_applied;
};

} // namespace Quiver
