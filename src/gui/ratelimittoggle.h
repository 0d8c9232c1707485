#pragma once

#include <QToolButton>

namespace Quiver {

class AppSettings;

// The status bar's quick switch for the global rate limit: on shows the limit ("Limit 1.0 MiB/s"), off
// says there is none. The rate itself is set in Settings; the switch keeps it while off.
class RateLimitToggle final : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitToggle)

public:
    explicit RateLimitToggle(AppSettings *settings, QWidget *parent = nullptr);

private:
    void showSettings();

    AppSettings *m_settings = nullptr;
};

} // namespace Quiver
