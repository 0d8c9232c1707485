#pragma once

#include "appsettings.h"

#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace Quiver {

// The Engines part of Settings: the remote aria2 daemons (name, RPC address, secret token) beside "This
// computer", added, edited and removed here and stored by save() with the rest of the dialog. A token typed
// in is kept only until save() writes it to its file; an engine edited without a new token keeps its own.
class EnginesEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnginesEditor)

public:
    explicit EnginesEditor(QWidget *parent = nullptr);

    void load(const AppSettings *settings);
    // False, with error set, when a token could not be stored.
    bool save(AppSettings *settings, QString *error);
    bool hasChanges(const AppSettings *settings) const;

    // Opens the form for a new engine (what Add… does).
    void addEngine();

signals:
    void edited();

private:
    void editEngine();
    void removeEngine();
    // Asks for an engine's name, address and token; false when the person canceled.
    bool askFor(RemoteEngineSetting &engine, QByteArray &token, bool isNew);
    void refresh();

    QTreeWidget *m_list = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_remove = nullptr;
    const AppSettings *m_settings = nullptr;
    QList<RemoteEngineSetting> m_engines;
    QHash<QString, QByteArray> m_tokens;   // new tokens by engine name, until saved
};

} // namespace Quiver
