#pragma once

#include <QIcon>
#include <QObject>

class QApplication;

namespace pgdeck::ui {

// Light or dark, following the desktop: the freedesktop settings portal's
// color-scheme (read asynchronously over D-Bus, followed live), or the platform
// palette when a platform theme already provides one. PGDECK_COLOR_SCHEME=dark|light
// overrides (screenshots, tests).
class Theme : public QObject
{
    Q_OBJECT
public:
    static Theme *instance();
    void install(QApplication &app);
    bool isDark() const { return m_dark; }

    // A themed icon: the desktop icon theme first, else the bundled Lucide SVG
    // (resources/icons, ISC) drawn in the palette's text colour.
    static QIcon icon(const QString &bundledName, const QString &themeName = {});

Q_SIGNALS:
    void changed(bool dark);

private Q_SLOTS:
    void onPortalSettingChanged(const QString &ns, const QString &key, const QVariant &value);

private:
    void apply(bool dark);
    void readPortal();

    bool m_dark = false;
    bool m_forced = false;
};

} // namespace pgdeck::ui
