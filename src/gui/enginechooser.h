#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;

namespace Quiver {

// Where links being added will run: "This computer" (the default) or one of the remote engines from
// Settings, and for a remote one the folder on that machine (empty: the daemon's own folder). Hidden while
// there is no remote engine: then there is nothing to choose.
class EngineChooser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineChooser)

public:
    explicit EngineChooser(QWidget *parent = nullptr);

    // The remote engines' names; a chosen one that is gone falls back to this computer.
    void setRemoteEngines(const QStringList &names);
    // Empty for this computer.
    QString engine() const;
    void setEngine(const QString &name);
    // The folder on the chosen remote engine's machine, as typed (empty: the daemon's own).
    QString remoteFolder() const;
    void setRemoteFolder(const QString &folder);

    // Says under the field what is wrong (a folder that is not an absolute path on that machine) and
    // returns false; true when the links can go.
    bool check();

private:
    void update();

    QComboBox *m_engines = nullptr;
    QLabel *m_folderLabel = nullptr;
    QLineEdit *m_folder = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace Quiver
