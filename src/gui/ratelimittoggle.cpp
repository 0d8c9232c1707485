#include "ratelimittoggle.h"

#include "appsettings.h"
#include "util/units.h"

namespace Quiver {

RateLimitToggle::RateLimitToggle(AppSettings *settings, QWidget *parent)
    : QToolButton(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("rateLimitToggle"));
    setCheckable(true);
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(this, &QToolButton::toggled, this, [this](bool on) { m_settings->setRateLimited(on); });
    connect(m_settings, &AppSettings::changed, this, &RateLimitToggle::showSettings);
    showSettings();
}

void RateLimitToggle::showSettings()
{
    const bool on = m_settings->rateLimited();
    const QString rate = Units::speed(double(m_settings->rateLimitKiB()) * 1024.0);
    const QSignalBlocker blocker(this);
    setChecked(on);
    setText(on ? tr("Limit %1").arg(rate) : tr("No limit"));
    // Remote engines' downloads use their own connection, not this computer's: the limit is not theirs.
    setToolTip(on ? tr("Downloads on this computer together receive at most %1 (remote engines keep their own "
                       "limits). Click to lift the limit.").arg(rate)
                  : tr("Click to limit this computer’s downloads together to %1 (set the rate in Settings; "
                       "remote engines keep their own limits).").arg(rate));
}

} // namespace Quiver
