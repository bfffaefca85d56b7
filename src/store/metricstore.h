#pragma once

#include "metricpoint.h"
#include "metricring.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThread;
class QTimer;

namespace pgdeck::store {

class MetricWriter;

// Where the charts get their numbers. append() is cheap and stays on the caller's
// (GUI) thread: it fills an in-memory ring per source for the live view and queues
// the tick for the SQLite history, which a worker thread writes in one transaction
// every few seconds. History keeps every tick for the last hour and 1-minute
// averages (with min/max) for seven days; older rows are pruned.
class MetricStore : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString path;                   // empty = Workspace::defaultPath()
        bool persist = true;            // false: ring buffers only (headless runs)
        int ringCapacity = 900;         // ticks per source kept in memory
        int flushIntervalMs = 3000;
        qint64 rawRetentionMs = 3600 * 1000LL;
        qint64 minuteRetentionMs = 7 * 24 * 3600 * 1000LL;
    };
    enum class Resolution { Tick, Minute };
    struct History
    {
        Resolution resolution = Resolution::Tick;
        QHash<QString, MetricSeries> series;
        QString error;
    };
    using HistoryCallback = std::function<void(const History &)>;

    explicit MetricStore(Options options, QObject *parent = nullptr);
    explicit MetricStore(QObject *parent = nullptr);
    // Writes what is still queued, then stops the writer thread.
    ~MetricStore() override;

    void append(const QString &source, qint64 tMs, const MetricValues &values);

    QStringList sources() const { return m_rings.keys(); }
    const MetricRing *ring(const QString &source) const;
    MetricSeries live(const QString &source, const QString &metric, qint64 sinceMs = 0) const;
    double latest(const QString &source, const QString &metric) const;

    // Reads [fromMs, toMs] from the SQLite history: ticks when the range lies within
    // the raw retention, else 1-minute averages. Anything appended before this call
    // is included. `done` runs on this object's thread unless `context` died.
    void history(const QString &source, const QStringList &metrics, qint64 fromMs, qint64 toMs, QObject *context,
                 HistoryCallback done);
    static Resolution resolutionFor(qint64 fromMs, qint64 nowMs, qint64 rawRetentionMs);

    // Hands the queued ticks to the writer now (tests, shutdown).
    void flush();
    bool persistent() const { return m_writer != nullptr; }
    QString lastError() const { return m_lastError; }
    int pendingTicks() const { return int(m_pending.size()); }
    const Options &options() const { return m_options; }

Q_SIGNALS:
    void appended(const QString &source, qint64 tMs);
    // A batch reached the disk (or failed: error is not empty).
    void flushed(int ticks, const QString &error);

private:
    void startWriter();

    Options m_options;
    QHash<QString, std::shared_ptr<MetricRing>> m_rings;
    QList<QPair<QString, QPair<qint64, MetricValues>>> m_pending;
    QThread *m_thread = nullptr;
    MetricWriter *m_writer = nullptr;
    QTimer *m_flushTimer = nullptr;
    QString m_lastError;
    qint64 m_lastPruneMs = 0;
};

} // namespace pgdeck::store
