#include "connparams.h"

#include <libpq-fe.h>

#include <memory>

namespace pgdeck::pg {

core::Result<ConnParams> ConnParams::parse(const QString &conninfo)
{
    char *err = nullptr;
    const QByteArray utf8 = conninfo.trimmed().toUtf8();
    PQconninfoOption *opts = PQconninfoParse(utf8.constData(), &err);
    if (!opts) {
        QString msg = err ? QString::fromUtf8(err).trimmed() : QStringLiteral("out of memory");
        if (err)
            PQfreemem(err);
        return core::Error::make(core::Error::Kind::Input,
                                 QStringLiteral("invalid connection string: %1").arg(msg),
                                 {}, QStringLiteral("Use host=… port=… dbname=… user=…, a postgres:// URI or service=name."));
    }
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> guard(opts, &PQconninfoFree);
    ConnParams p;
    for (PQconninfoOption *o = opts; o->keyword; ++o) {
        if (o->val && *o->val)
            p.m_pairs.append({QByteArray(o->keyword), QString::fromUtf8(o->val)});
    }
    return p;
}

QString ConnParams::value(const QByteArray &keyword) const
{
    for (const auto &kv : m_pairs)
        if (kv.first == keyword)
            return kv.second;
    return {};
}

bool ConnParams::has(const QByteArray &keyword) const
{
    for (const auto &kv : m_pairs)
        if (kv.first == keyword)
            return true;
    return false;
}

void ConnParams::set(const QByteArray &keyword, const QString &value)
{
    if (value.isEmpty()) {
        remove(keyword);
        return;
    }
    for (auto &kv : m_pairs)
        if (kv.first == keyword) {
            kv.second = value;
            return;
        }
    m_pairs.append({keyword, value});
}

void ConnParams::remove(const QByteArray &keyword)
{
    m_pairs.removeIf([&](const auto &kv) { return kv.first == keyword; });
}

void ConnParams::addServerOption(const QString &name, const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char(' '), QStringLiteral("\\ "));
    const QString opt = QStringLiteral("-c %1=%2").arg(name, v);
    const QString existing = this->value("options");
    set("options", existing.isEmpty() ? opt : existing + QLatin1Char(' ') + opt);
}

QStringList ConnParams::hosts() const
{
    QString h = value("host");
    if (h.isEmpty())
        h = value("hostaddr");
    return h.isEmpty() ? QStringList{} : h.split(QLatin1Char(','));
}

QStringList ConnParams::ports() const
{
    const QString p = value("port");
    return p.isEmpty() ? QStringList{} : p.split(QLatin1Char(','));
}

QList<ConnParams> ConnParams::splitHosts() const
{
    const QStringList hs = hosts();
    if (hs.size() <= 1)
        return {*this};
    const QStringList ps = ports();
    const QStringList addrs = value("hostaddr").isEmpty() ? QStringList{} : value("hostaddr").split(QLatin1Char(','));
    QList<ConnParams> out;
    for (int i = 0; i < hs.size(); ++i) {
        ConnParams one = *this;
        if (has("host"))
            one.set("host", value("host").split(QLatin1Char(',')).value(i));
        if (!addrs.isEmpty())
            one.set("hostaddr", addrs.value(i));
        if (ps.size() == hs.size())
            one.set("port", ps.value(i));
        else if (ps.size() == 1)
            one.set("port", ps.first());
        one.remove("target_session_attrs");
        out.append(one);
    }
    return out;
}

namespace {
bool isSecret(const QByteArray &k)
{
    return k == "password" || k == "sslpassword";
}

QString quoteValue(const QString &v)
{
    if (!v.isEmpty() && !v.contains(QLatin1Char(' ')) && !v.contains(QLatin1Char('\''))
        && !v.contains(QLatin1Char('\\')) && !v.contains(QLatin1Char('=')))
        return v;
    QString q = v;
    q.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    q.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}
} // namespace

QString ConnParams::toDisplayString() const
{
    return toConninfo(false);
}

QString ConnParams::toConninfo(bool withSecrets) const
{
    QStringList parts;
    for (const auto &kv : m_pairs) {
        if (!withSecrets && isSecret(kv.first))
            continue;
        parts << QString::fromLatin1(kv.first) + QLatin1Char('=') + quoteValue(kv.second);
    }
    return parts.join(QLatin1Char(' '));
}

QString ConnParams::endpoint() const
{
    const QString host = hosts().value(0, QStringLiteral("localhost"));
    const QString port = ports().value(0, QStringLiteral("5432"));
    return host + QLatin1Char(':') + port;
}

ConnParamArrays::ConnParamArrays(const ConnParams &params)
{
    m_storage.reserve(size_t(params.pairs().size()) * 2);
    for (const auto &kv : params.pairs()) {
        m_storage.push_back(kv.first);
        m_keys.push_back(m_storage.back().constData());
        m_storage.push_back(kv.second.toUtf8());
        m_vals.push_back(m_storage.back().constData());
    }
    m_keys.push_back(nullptr);
    m_vals.push_back(nullptr);
}

} // namespace pgdeck::pg
