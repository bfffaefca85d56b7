#pragma once

#include "metricpoint.h"

#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QString>

namespace pgdeck::store {

// The SQLite side of MetricStore. Lives on the store's worker thread and owns that
// thread's connection: every write, rollup, prune and history read happens here, in
// order, so the GUI thread never waits on the disk.
class MetricWriter : public QObject
{
    Q_OBJECT
public:
    struct Tick
    {
        QString source;
        qint64 t = 0;
        MetricValues values;
    };
    struct Query
    {
        QString source;
        QStringList metrics; // empty = all
        qint64 from = 0, to = 0;
        bool minutes = false; // read the 1-minute rollups instead of raw ticks
    };
    struct Answer
    {
        bool minutes = false;
        QHash<QString, MetricSeries> series;
        QString error;
    };

    MetricWriter(QString path, qint64 rawRetentionMs, qint64 minuteRetentionMs);
    ~MetricWriter() override;

    QString open(); // empty on success, else the reason
    // One transaction: the ticks plus the 1-minute rollups they touch.
    QString write(const QList<Tick> &ticks);
    Answer read(const Query &query);
    void prune(qint64 nowMs);
    void close();
    bool isOpen() const { return m_open; }

    // The SQL the metric area needs, versioned (see Workspace::migrate).
    static QList<struct Migration> migrations();

private:
    struct Agg
    {
        double sum = 0, min = 0, max = 0;
        quint32 n = 0;
    };
    struct Minute
    {
        qint64 start = -1;
        QHash<quint16, Agg> values;
        bool dirty = false;
    };
    int sourceId(const QString &name);
    int metricId(const QString &name);
    void startMinute(int sourceId, Minute &m, qint64 start);
    bool saveMinute(int sourceId, const Minute &m);

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    bool m_open = false;
    qint64 m_rawRetentionMs;
    qint64 m_minuteRetentionMs;
    QHash<QString, int> m_sources;
    QHash<QString, int> m_metrics;
    QHash<int, QString> m_metricNames;
    QHash<int, Minute> m_minutes; // by source id
    qint64 m_lastPruneMs = 0;
    bool m_warnedIdSpace = false;
};

} // namespace pgdeck::store
