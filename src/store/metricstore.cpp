#include "metricstore.h"

#include "core/logging.h"
#include "metricwriter.h"
#include "workspace.h"

#include <QDateTime>
#include <QThread>
#include <QTimer>

#include <limits>

namespace pgdeck::store {

namespace {
auto log() { return core::logger("store"); }
constexpr qint64 kPruneEveryMs = 60000;
} // namespace

MetricStore::MetricStore(QObject *parent) : MetricStore(Options{}, parent) {}

MetricStore::MetricStore(Options options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    if (m_options.path.isEmpty())
        m_options.path = Workspace::defaultPath();
    if (m_options.persist)
        startWriter();
}

void MetricStore::startWriter()
{
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("pgdeck-metric-writer"));
    m_writer = new MetricWriter(m_options.path, m_options.rawRetentionMs, m_options.minuteRetentionMs);
    m_writer->moveToThread(m_thread);
    m_thread->start(QThread::LowPriority);
    QPointer<MetricStore> self(this);
    MetricWriter *w = m_writer;
    QMetaObject::invokeMethod(w, [w, self]() {
        const QString err = w->open();
        if (!err.isEmpty()) {
            log()->error("metric history unavailable: {}", err.toStdString());
            QMetaObject::invokeMethod(self.data(), [self, err]() {
                if (self) {
                    self->m_lastError = err;
                    Q_EMIT self->flushed(0, err);
                }
            });
        }
    });
    m_flushTimer = new QTimer(this);
    m_flushTimer->setInterval(m_options.flushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &MetricStore::flush);
    m_flushTimer->start();
}

MetricStore::~MetricStore()
{
    if (!m_writer)
        return;
    flush();
    MetricWriter *w = m_writer;
    // The last batch must reach the disk before pgdeck exits: wait for the writer
    // (a few ms; this runs once, at shutdown).
    // quit() from here could stop the loop before the queued batch ran: the writer
    // quits its own thread once it has reached this last request.
    QMetaObject::invokeMethod(w, [w]() {
        w->close();
        QThread::currentThread()->quit();
    });
    m_thread->wait();
    delete m_writer;
    m_writer = nullptr;
}

void MetricStore::append(const QString &source, qint64 tMs, const MetricValues &values)
{
    auto &ring = m_rings[source];
    if (!ring)
        ring = std::make_shared<MetricRing>(m_options.ringCapacity);
    ring->append(tMs, values);
    if (m_writer)
        m_pending.append({source, {tMs, values}});
    Q_EMIT appended(source, tMs);
}

const MetricRing *MetricStore::ring(const QString &source) const
{
    const auto it = m_rings.constFind(source);
    return it == m_rings.cend() ? nullptr : it->get();
}

MetricSeries MetricStore::live(const QString &source, const QString &metric, qint64 sinceMs) const
{
    const MetricRing *r = ring(source);
    return r ? r->series(metric, sinceMs) : MetricSeries{};
}

double MetricStore::latest(const QString &source, const QString &metric) const
{
    const MetricRing *r = ring(source);
    return r ? r->latest(metric) : std::numeric_limits<double>::quiet_NaN();
}

void MetricStore::flush()
{
    if (!m_writer)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool prune = now - m_lastPruneMs >= kPruneEveryMs;
    if (prune)
        m_lastPruneMs = now;
    if (m_pending.isEmpty() && !prune)
        return;
    QList<MetricWriter::Tick> ticks;
    ticks.reserve(m_pending.size());
    for (auto &p : m_pending)
        ticks.append({p.first, p.second.first, std::move(p.second.second)});
    m_pending.clear();
    QPointer<MetricStore> self(this);
    MetricWriter *w = m_writer;
    QMetaObject::invokeMethod(w, [w, self, ticks = std::move(ticks), prune, now]() {
        QString err;
        if (!ticks.isEmpty())
            err = w->write(ticks);
        if (prune)
            w->prune(now);
        const int n = int(ticks.size());
        QMetaObject::invokeMethod(self.data(), [self, n, err]() {
            if (!self)
                return;
            if (!err.isEmpty())
                self->m_lastError = err;
            Q_EMIT self->flushed(n, err);
        });
    });
}

MetricStore::Resolution MetricStore::resolutionFor(qint64 fromMs, qint64 nowMs, qint64 rawRetentionMs)
{
    // A little slack: "the last hour" asked a few seconds late is still raw.
    return fromMs >= nowMs - rawRetentionMs - 60000 ? Resolution::Tick : Resolution::Minute;
}

void MetricStore::history(const QString &source, const QStringList &metrics, qint64 fromMs, qint64 toMs, QObject *context,
                          HistoryCallback done)
{
    QPointer<QObject> ctx(context ? context : this);
    const Resolution res = resolutionFor(fromMs, QDateTime::currentMSecsSinceEpoch(), m_options.rawRetentionMs);
    if (!m_writer) {
        // No history on disk: the ring is all there is.
        History h;
        h.resolution = Resolution::Tick;
        if (const MetricRing *r = ring(source)) {
            const QStringList names = metrics.isEmpty() ? r->metrics() : metrics;
            for (const QString &m : names) {
                MetricSeries s = r->series(m, fromMs);
                while (!s.isEmpty() && s.last().x() > double(toMs))
                    s.removeLast();
                if (!s.isEmpty())
                    h.series.insert(m, s);
            }
        }
        QTimer::singleShot(0, ctx.data(), [ctx, done, h]() {
            if (ctx)
                done(h);
        });
        return;
    }
    flush(); // what the caller already appended belongs in the answer
    MetricWriter::Query q{source, metrics, fromMs, toMs, res == Resolution::Minute};
    MetricWriter *w = m_writer;
    QPointer<MetricStore> self(this);
    QMetaObject::invokeMethod(w, [w, q, self, ctx, done, res]() {
        MetricWriter::Answer a = w->read(q);
        History h;
        h.resolution = res;
        h.series = std::move(a.series);
        h.error = a.error;
        QMetaObject::invokeMethod(self.data(), [ctx, done, h = std::move(h)]() {
            if (ctx)
                done(h);
        });
    });
}

} // namespace pgdeck::store
