#pragma once

#include <memory>

#include <QDialog>

class QAbstractButton;

namespace Ui {
class SettingsDialog;
}

namespace Quiver {

class AppSettings;
class EnginesEditor;

// Edits AppSettings. The form is filled by load() and written back by save() (Apply or OK); saving
// makes AppSettings emit changed(), which is how the running queue learns about new limits.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    explicit SettingsDialog(AppSettings *settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // Fills the form from the settings and forgets any edits.
    void load();
    // Writes the form into the settings. Returns false, showing why under the folder field, when the
    // download folder cannot be created or written to; nothing is saved then.
    bool save();

    // True while the form differs from the stored settings (this is what enables Apply).
    bool hasChanges() const;
    EnginesEditor *enginesEditor() const { return m_engines; }

private:
    void onButtonClicked(QAbstractButton *button);
    void browseForFolder();
    void restoreDefaults();
    void updateApplyButton();
    void showFolderError(const QString &message);

    // The folder as the user typed it, made absolute; "~" means the home folder.
    QString folderFromForm() const;
    // Creates the folder if needed and checks that a file can be written there. Returns an error
    // sentence, or an empty string when the folder is usable.
    QString prepareFolder(const QString &path) const;

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    EnginesEditor *m_engines = nullptr;
    AppSettings *m_settings = nullptr;
};

} // namespace Quiver
