#include "format.h"

#include <QRegularExpression>

#include <cmath>

namespace pgdeck::explain {

namespace {

QString grouped(qint64 v)
{
    QString digits = QString::number(std::llabs(v));
    for (int i = int(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return v < 0 ? QLatin1Char('-') + digits : digits;
}

} // namespace

QString Format::ms(double ms)
{
    if (std::isnan(ms))
        return QStringLiteral("—");
    const double a = std::fabs(ms);
    if (a >= 60000)
        return QStringLiteral("%1 min").arg(ms / 60000, 0, 'f', 1);
    if (a >= 1000)
        return QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', 2);
    if (a >= 100)
        return QStringLiteral("%1 ms").arg(ms, 0, 'f', 0);
    if (a >= 10)
        return QStringLiteral("%1 ms").arg(ms, 0, 'f', 1);
    if (a >= 1)
        return QStringLiteral("%1 ms").arg(ms, 0, 'f', 2);
    return QStringLiteral("%1 ms").arg(ms, 0, 'f', 3);
}

QString Format::count(double n)
{
    if (std::isnan(n))
        return QStringLiteral("—");
    if (std::fabs(n) >= 1e10)
        return QStringLiteral("%1 G").arg(n / 1e9, 0, 'f', 1);
    if (std::fabs(n) >= 1e7)
        return QStringLiteral("%1 M").arg(n / 1e6, 0, 'f', 1);
    if (n != std::floor(n) && std::fabs(n) < 1000)
        return QString::number(n, 'f', 2);
    return grouped(qint64(std::llround(n)));
}

QString Format::kilobytes(double kb)
{
    if (std::isnan(kb))
        return QStringLiteral("—");
    if (kb >= 1024.0 * 1024.0)
        return QStringLiteral("%1 GB").arg(kb / (1024.0 * 1024.0), 0, 'f', 1);
    if (kb >= 1024.0)
        return QStringLiteral("%1 MB").arg(kb / 1024.0, 0, 'f', 1);
    return QStringLiteral("%1 kB").arg(grouped(qint64(std::llround(kb))));
}

QString Format::blocks(double blocks)
{
    if (std::isnan(blocks))
        return QStringLiteral("—");
    return QStringLiteral("%1 (%2)").arg(grouped(qint64(std::llround(blocks))), kilobytes(blocks * 8.0));
}

QString Format::cost(double cost)
{
    if (std::isnan(cost))
        return QStringLiteral("—");
    const qint64 whole = qint64(std::floor(std::fabs(cost)));
    const int cents = int(std::llround((std::fabs(cost) - double(whole)) * 100.0));
    QString s = grouped(whole + (cents >= 100 ? 1 : 0)) + QStringLiteral(".%1").arg(cents % 100, 2, 10, QLatin1Char('0'));
    return cost < 0 ? QLatin1Char('-') + s : s;
}

QString Format::factor(double f)
{
    if (std::isnan(f))
        return QStringLiteral("—");
    if (f < 10)
        return QStringLiteral("%1x").arg(f, 0, 'f', 1);
    return grouped(qint64(std::llround(f))) + QLatin1Char('x');
}

QString Format::percent(double p)
{
    if (std::isnan(p))
        return QStringLiteral("—");
    if (p > 0 && p < 0.1)
        return QStringLiteral("<0.1%");
    return QStringLiteral("%1%").arg(p, 0, 'f', p >= 10 ? 0 : 1);
}

QString Format::memorySetting(double kb)
{
    double mb = std::ceil(qMax(1.0, kb) / 1024.0);
    double p = 4;
    while (p < mb)
        p *= 2;
    if (p >= 1024)
        return QStringLiteral("%1GB").arg(p / 1024, 0, 'g', 3);
    return QStringLiteral("%1MB").arg(qint64(p));
}

QString Format::ident(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_$]*$"));
    if (plain.match(name).hasMatch())
        return name;
    QString q = name;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

} // namespace pgdeck::explain
