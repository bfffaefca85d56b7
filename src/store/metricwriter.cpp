#include "metricwriter.h"

#include "core/logging.h"
#include "metriccodec.h"
#include "migration.h"
#include "workspace.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <cmath>

namespace pgdeck::store {

namespace {
auto log() { return core::logger("store"); }
constexpr qint64 kMinuteMs = 60000;
} // namespace

QList<Migration> MetricWriter::migrations()
{
    return {
        {1,
         QStringLiteral("metric history: raw ticks and 1-minute rollups"),
         {QStringLiteral("CREATE TABLE metric_source (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
          QStringLiteral("CREATE TABLE metric_name (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
          // One row per source and tick / minute; values packed by MetricCodec.
          QStringLiteral("CREATE TABLE metric_tick (source_id INTEGER NOT NULL REFERENCES metric_source(id),"
                         " ts INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (source_id, ts)) WITHOUT ROWID"),
          QStringLiteral("CREATE TABLE metric_minute (source_id INTEGER NOT NULL REFERENCES metric_source(id),"
                         " ts INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (source_id, ts)) WITHOUT ROWID")}},
    };
}

MetricWriter::MetricWriter(QString path, qint64 rawRetentionMs, qint64 minuteRetentionMs)
    : m_path(std::move(path)), m_rawRetentionMs(rawRetentionMs), m_minuteRetentionMs(minuteRetentionMs)
{
    m_connection = QStringLiteral("pgdeck-metrics-%1").arg(quintptr(this), 0, 16);
}

MetricWriter::~MetricWriter()
{
    close();
}

QString MetricWriter::open()
{
    auto db = Workspace::open(m_path, m_connection);
    if (!db.ok())
        return db.error().message + QStringLiteral(": ") + db.error().detail;
    m_db = *db;
    auto v = Workspace::migrate(m_db, QStringLiteral("metrics"), migrations());
    if (!v.ok())
        return v.error().message + QStringLiteral(": ") + v.error().detail;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("SELECT id, name FROM metric_source"));
    while (q.next())
        m_sources.insert(q.value(1).toString(), q.value(0).toInt());
    q.exec(QStringLiteral("SELECT id, name FROM metric_name"));
    while (q.next()) {
        m_metrics.insert(q.value(1).toString(), q.value(0).toInt());
        m_metricNames.insert(q.value(0).toInt(), q.value(1).toString());
    }
    m_open = true;
    return {};
}

void MetricWriter::close()
{
    if (!m_open)
        return;
    m_open = false;
    m_db = QSqlDatabase();
    Workspace::close(m_connection);
}

int MetricWriter::sourceId(const QString &name)
{
    if (auto it = m_sources.constFind(name); it != m_sources.cend())
        return *it;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO metric_source (name) VALUES (?)"));
    q.addBindValue(name);
    q.exec();
    q.prepare(QStringLiteral("SELECT id FROM metric_source WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return -1;
    const int id = q.value(0).toInt();
    m_sources.insert(name, id);
    return id;
}

int MetricWriter::metricId(const QString &name)
{
    if (auto it = m_metrics.constFind(name); it != m_metrics.cend())
        return *it;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO metric_name (name) VALUES (?)"));
    q.addBindValue(name);
    q.exec();
    q.prepare(QStringLiteral("SELECT id FROM metric_name WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return -1;
    const int id = q.value(0).toInt();
    m_metrics.insert(name, id);
    m_metricNames.insert(id, name);
    return id;
}

void MetricWriter::startMinute(int source, Minute &m, qint64 start)
{
    m.start = start;
    m.values.clear();
    m.dirty = false;
    // A minute already partly written (by an earlier run of pgdeck) keeps its points.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT data FROM metric_minute WHERE source_id = ? AND ts = ?"));
    q.addBindValue(source);
    q.addBindValue(start);
    if (q.exec() && q.next()) {
        if (auto aggs = MetricCodec::decodeMinute(q.value(0).toByteArray())) {
            for (const auto &a : *aggs)
                m.values.insert(a.id, Agg{a.avg * a.n, a.min, a.max, a.n});
        }
    }
}

bool MetricWriter::saveMinute(int source, const Minute &m)
{
    QList<MetricCodec::Aggregate> aggs;
    aggs.reserve(m.values.size());
    for (auto it = m.values.cbegin(); it != m.values.cend(); ++it)
        if (it->n > 0)
            aggs.append({it.key(), it->sum / it->n, it->min, it->max, it->n});
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO metric_minute (source_id, ts, data) VALUES (?, ?, ?)"));
    q.addBindValue(source);
    q.addBindValue(m.start);
    q.addBindValue(MetricCodec::encodeMinute(aggs));
    return q.exec();
}

QString MetricWriter::write(const QList<Tick> &ticks)
{
    if (!m_open || ticks.isEmpty())
        return m_open ? QString() : QStringLiteral("the metric history is not open");
    if (!m_db.transaction())
        return m_db.lastError().text();
    QSqlQuery ins(m_db);
    ins.prepare(QStringLiteral("INSERT OR REPLACE INTO metric_tick (source_id, ts, data) VALUES (?, ?, ?)"));
    QString error;
    for (const Tick &t : ticks) {
        const int src = sourceId(t.source);
        if (src < 0) {
            error = QStringLiteral("cannot record source %1").arg(t.source);
            break;
        }
        QList<MetricCodec::Value> values;
        values.reserve(t.values.size());
        for (auto it = t.values.cbegin(); it != t.values.cend(); ++it) {
            if (!std::isfinite(it.value()))
                continue;
            const int id = metricId(it.key());
            if (id < 0 || id > 0xFFFF) {
                if (!m_warnedIdSpace)
                    log()->warn("metric name space full; {} and later names are not kept", it.key().toStdString());
                m_warnedIdSpace = true;
                continue;
            }
            values.append({quint16(id), it.value()});
        }
        ins.bindValue(0, src);
        ins.bindValue(1, t.t);
        ins.bindValue(2, MetricCodec::encodeTick(values));
        if (!ins.exec()) {
            error = ins.lastError().text();
            break;
        }
        Minute &m = m_minutes[src];
        const qint64 start = t.t - t.t % kMinuteMs;
        if (m.start != start) {
            if (m.dirty && !saveMinute(src, m)) {
                error = QStringLiteral("cannot save a minute rollup");
                break;
            }
            startMinute(src, m, start);
        }
        for (const auto &v : values) {
            Agg &a = m.values[v.id];
            if (a.n == 0) {
                a.min = a.max = v.value;
            } else {
                a.min = std::min(a.min, v.value);
                a.max = std::max(a.max, v.value);
            }
            a.sum += v.value;
            ++a.n;
        }
        m.dirty = true;
    }
    // The minute in progress is saved too, so a restart loses nothing; the next
    // write replaces it.
    if (error.isEmpty()) {
        for (auto it = m_minutes.begin(); it != m_minutes.end(); ++it) {
            if (it->dirty && !saveMinute(it.key(), *it)) {
                error = QStringLiteral("cannot save a minute rollup");
                break;
            }
            it->dirty = false;
        }
    }
    if (!error.isEmpty()) {
        m_db.rollback();
        m_minutes.clear();
        log()->warn("metric history write failed: {}", error.toStdString());
        return error;
    }
    if (!m_db.commit()) {
        m_minutes.clear();
        return m_db.lastError().text();
    }
    return {};
}

MetricWriter::Answer MetricWriter::read(const Query &query)
{
    Answer a;
    a.minutes = query.minutes;
    if (!m_open) {
        a.error = QStringLiteral("the metric history is not open");
        return a;
    }
    const auto src = m_sources.constFind(query.source);
    if (src == m_sources.cend())
        return a;
    QHash<int, QString> wanted;
    if (query.metrics.isEmpty()) {
        wanted = m_metricNames;
    } else {
        for (const QString &name : query.metrics)
            if (auto it = m_metrics.constFind(name); it != m_metrics.cend())
                wanted.insert(*it, name);
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(query.minutes ? QStringLiteral("SELECT ts, data FROM metric_minute WHERE source_id = ? AND ts BETWEEN ? AND ? ORDER BY ts")
                            : QStringLiteral("SELECT ts, data FROM metric_tick WHERE source_id = ? AND ts BETWEEN ? AND ? ORDER BY ts"));
    q.addBindValue(*src);
    q.addBindValue(query.from);
    q.addBindValue(query.to);
    if (!q.exec()) {
        a.error = q.lastError().text();
        return a;
    }
    while (q.next()) {
        const double t = double(q.value(0).toLongLong());
        const QByteArray blob = q.value(1).toByteArray();
        if (query.minutes) {
            // Plotted at the middle of its minute.
            if (auto aggs = MetricCodec::decodeMinute(blob))
                for (const auto &g : *aggs)
                    if (auto name = wanted.constFind(g.id); name != wanted.cend())
                        a.series[*name].append(QPointF(t + kMinuteMs / 2.0, g.avg));
        } else if (auto vals = MetricCodec::decodeTick(blob)) {
            for (const auto &v : *vals)
                if (auto name = wanted.constFind(v.id); name != wanted.cend())
                    a.series[*name].append(QPointF(t, v.value));
        }
    }
    return a;
}

void MetricWriter::prune(qint64 nowMs)
{
    if (!m_open)
        return;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM metric_tick WHERE ts < ?"));
    q.addBindValue(nowMs - m_rawRetentionMs);
    q.exec();
    q.prepare(QStringLiteral("DELETE FROM metric_minute WHERE ts < ?"));
    q.addBindValue(nowMs - m_minuteRetentionMs);
    q.exec();
    m_lastPruneMs = nowMs;
}

} // namespace pgdeck::store
