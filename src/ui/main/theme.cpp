#include "theme.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QSvgRenderer>

namespace pgdeck::ui {

namespace {
const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kPortalIface = QStringLiteral("org.freedesktop.portal.Settings");

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x26, 0x28, 0x2c), base(0x1d, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6), mid(0x3a, 0x3d, 0x42);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x24, 0x26, 0x2a));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8f, 0x98));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    p.setColor(QPalette::Mid, mid);
    p.setColor(QPalette::Dark, QColor(0x15, 0x16, 0x18));
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

bool paletteLooksDark(const QPalette &p)
{
    return p.color(QPalette::Window).lightness() < 128;
}
} // namespace

Theme *Theme::instance()
{
    static Theme *theme = new Theme;
    return theme;
}

void Theme::install(QApplication &app)
{
    setParent(&app);
    const QString forced = qEnvironmentVariable("PGDECK_COLOR_SCHEME").toLower();
    if (forced == QLatin1String("dark") || forced == QLatin1String("light")) {
        m_forced = true;
        apply(forced == QLatin1String("dark"));
        return;
    }
    // A platform theme (KDE, qt6ct, …) that already hands us a dark palette wins.
    if (paletteLooksDark(QApplication::palette())) {
        m_dark = true;
        return;
    }
    apply(false);
    readPortal();
    QDBusConnection::sessionBus().connect(kPortalService, kPortalPath, kPortalIface, QStringLiteral("SettingChanged"), this,
                                          SLOT(onPortalSettingChanged(QString, QString, QVariant)));
}

void Theme::readPortal()
{
    if (!QDBusConnection::sessionBus().isConnected())
        return;
    QDBusMessage msg = QDBusMessage::createMethodCall(kPortalService, kPortalPath, kPortalIface, QStringLiteral("Read"));
    msg << QStringLiteral("org.freedesktop.appearance") << QStringLiteral("color-scheme");
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(msg, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        QDBusPendingReply<QVariant> reply = *w;
        if (reply.isError())
            return; // no portal: stay with the light palette
        QVariant v = reply.value();
        // Read() wraps the value in one more variant.
        while (v.canConvert<QDBusVariant>())
            v = qvariant_cast<QDBusVariant>(v).variant();
        onPortalSettingChanged(QStringLiteral("org.freedesktop.appearance"), QStringLiteral("color-scheme"), v);
    });
}

void Theme::onPortalSettingChanged(const QString &ns, const QString &key, const QVariant &value)
{
    if (m_forced || ns != QLatin1String("org.freedesktop.appearance") || key != QLatin1String("color-scheme"))
        return;
    QVariant v = value;
    if (v.canConvert<QDBusVariant>())
        v = qvariant_cast<QDBusVariant>(v).variant();
    apply(v.toUInt() == 1); // 1 = prefer dark, 2 = prefer light, 0 = no preference
}

void Theme::apply(bool dark)
{
    const bool changedScheme = dark != m_dark;
    m_dark = dark;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
    if (changedScheme)
        Q_EMIT changed(dark);
}

QIcon Theme::icon(const QString &bundledName, const QString &themeName)
{
    if (!themeName.isEmpty() && QIcon::hasThemeIcon(themeName))
        return QIcon::fromTheme(themeName);
    QFile f(QStringLiteral(":/icons/%1.svg").arg(bundledName));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = f.readAll();
    const QColor colour = QApplication::palette().color(QPalette::WindowText);
    svg.replace("currentColor", colour.name().toLatin1());
    QSvgRenderer renderer(svg);
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter painter(&pm);
        renderer.render(&painter);
        painter.end();
        icon.addPixmap(pm);
    }
    return icon;
}

} // namespace pgdeck::ui
