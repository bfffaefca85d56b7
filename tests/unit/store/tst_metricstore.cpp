#include "store/metriccodec.h"
#include "store/metricring.h"
#include "store/metricstore.h"
#include "support/fixture.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace pgdeck;

namespace {
store::MetricStore::History readHistory(store::MetricStore &s, const QString &source, const QStringList &metrics, qint64 from,
                                        qint64 to)
{
    store::MetricStore::History out;
    bool done = false;
    s.history(source, metrics, from, to, &s, [&](const store::MetricStore::History &h) {
        out = h;
        done = true;
    });
    test::waitFor([&] { return done; }, 10000);
    return out;
}
} // namespace

class TestMetricStore : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;

private Q_SLOTS:
    void ring_keepsTheLastTicksAndSkipsAbsentValues()
    {
        store::MetricRing ring(4);
        for (int i = 0; i < 6; ++i) {
            store::MetricValues v{{QStringLiteral("a"), double(i)}};
            if (i % 2 == 0)
                v.insert(QStringLiteral("b"), 10.0 * i);
            ring.append(1000 * i, v);
        }
        QCOMPARE(ring.size(), 4);
        const auto a = ring.series(QStringLiteral("a"));
        QCOMPARE(a.size(), 4);
        QCOMPARE(a.first(), QPointF(2000, 2));
        QCOMPARE(a.last(), QPointF(5000, 5));
        const auto b = ring.series(QStringLiteral("b"));
        QCOMPARE(b.size(), 2); // ticks 2 and 4
        QVERIFY(std::isnan(ring.latest(QStringLiteral("b"))));
        QCOMPARE(ring.latest(QStringLiteral("a")), 5.0);
        QCOMPARE(ring.series(QStringLiteral("a"), 4000).size(), 2);
    }

    void ring_dropsMetricsGoneForACycle()
    {
        store::MetricRing ring(3);
        ring.append(0, {{QStringLiteral("gone"), 1.0}});
        for (int i = 1; i <= 3; ++i)
            ring.append(i, {{QStringLiteral("x"), 1.0}});
        QVERIFY(!ring.has(QStringLiteral("gone")));
        QVERIFY(ring.has(QStringLiteral("x")));
    }

    void codec_roundTripsAndRejectsTruncatedBlobs()
    {
        const QByteArray tick = store::MetricCodec::encodeTick({{1, 1.5}, {7, -2.0}});
        auto back = store::MetricCodec::decodeTick(tick);
        QVERIFY(back.has_value());
        QCOMPARE(back->size(), 2);
        QCOMPARE(back->at(1).id, quint16(7));
        QCOMPARE(back->at(1).value, -2.0);
        QVERIFY(!store::MetricCodec::decodeTick(tick.left(tick.size() - 1)).has_value());
        QVERIFY(!store::MetricCodec::decodeTick(QByteArray("T\xff\xff", 3)).has_value());
        QVERIFY(!store::MetricCodec::decodeMinute(tick).has_value());
        const QByteArray minute = store::MetricCodec::encodeMinute({{3, 2.0, 1.0, 3.0, 5}});
        auto m = store::MetricCodec::decodeMinute(minute);
        QVERIFY(m.has_value());
        QCOMPARE(m->at(0).n, quint32(5));
        QCOMPARE(m->at(0).max, 3.0);
    }

    void history_survivesARestartOfTheStore()
    {
        const QString path = dir.filePath(QStringLiteral("restart.sqlite"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        {
            store::MetricStore::Options o;
            o.path = path;
            store::MetricStore s(o);
            for (int i = 0; i < 30; ++i)
                s.append(QStringLiteral("cluster/db1"), now - 600000 + i * 1000,
                         {{QStringLiteral("conn.active"), double(i)}, {QStringLiteral("up"), 1.0}});
        } // destroyed: the queued ticks must reach the disk
        store::MetricStore::Options o;
        o.path = path;
        store::MetricStore reopened(o);
        QVERIFY(reopened.live(QStringLiteral("cluster/db1"), QStringLiteral("conn.active")).isEmpty());
        const auto h = readHistory(reopened, QStringLiteral("cluster/db1"), {QStringLiteral("conn.active")}, now - 3600000, now);
        QVERIFY2(h.error.isEmpty(), qPrintable(h.error));
        QCOMPARE(h.resolution, store::MetricStore::Resolution::Tick);
        const auto s = h.series.value(QStringLiteral("conn.active"));
        QCOMPARE(s.size(), 30);
        QCOMPARE(s.first(), QPointF(double(now - 600000), 0));
        QCOMPARE(s.last().y(), 29.0);
    }

    void history_olderThanAnHour_comesAsMinuteAverages()
    {
        const QString path = dir.filePath(QStringLiteral("minutes.sqlite"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 minute = (now - 3 * 3600000) / 60000 * 60000; // 3 h ago, minute aligned
        store::MetricStore::Options o;
        o.path = path;
        store::MetricStore s(o);
        for (int i = 0; i < 120; ++i) // two minutes at 1 s: values 0..59 then 60..119
            s.append(QStringLiteral("src"), minute + i * 1000, {{QStringLiteral("v"), double(i)}});
        const auto h = readHistory(s, QStringLiteral("src"), {QStringLiteral("v")}, now - 24 * 3600000LL, now);
        QCOMPARE(h.resolution, store::MetricStore::Resolution::Minute);
        const auto v = h.series.value(QStringLiteral("v"));
        QCOMPARE(v.size(), 2);
        QCOMPARE(v.at(0).y(), 29.5);
        QCOMPARE(v.at(1).y(), 89.5);
        QCOMPARE(v.at(0).x(), double(minute + 30000));
    }

    void prune_dropsRawTicksPastRetention()
    {
        const QString path = dir.filePath(QStringLiteral("prune.sqlite"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        store::MetricStore::Options o;
        o.path = path;
        o.rawRetentionMs = 60000;
        {
            store::MetricStore s(o);
            s.append(QStringLiteral("src"), now - 5 * 60000, {{QStringLiteral("v"), 1.0}});
            s.append(QStringLiteral("src"), now - 1000, {{QStringLiteral("v"), 2.0}});
        }
        store::MetricStore s(o); // prunes on its first flush
        QSignalSpy flushed(&s, &store::MetricStore::flushed);
        s.flush();
        QVERIFY(flushed.wait(5000));
        const auto h = readHistory(s, QStringLiteral("src"), {QStringLiteral("v")}, now - 10 * 60000, now);
        // 10 min back is beyond raw retention: minute rollups keep both points' minutes.
        QCOMPARE(h.resolution, store::MetricStore::Resolution::Minute);
        QCOMPARE(h.series.value(QStringLiteral("v")).size(), 2);
        const auto raw = readHistory(s, QStringLiteral("src"), {QStringLiteral("v")}, now - 30000, now);
        QCOMPARE(raw.resolution, store::MetricStore::Resolution::Tick);
        QCOMPARE(raw.series.value(QStringLiteral("v")).size(), 1);
    }

    void memoryOnly_historyComesFromTheRing()
    {
        store::MetricStore::Options o;
        o.persist = false;
        store::MetricStore s(o);
        QVERIFY(!s.persistent());
        s.append(QStringLiteral("x"), 1000, {{QStringLiteral("v"), 3.0}});
        const auto h = readHistory(s, QStringLiteral("x"), {}, 0, 5000);
        QCOMPARE(h.series.value(QStringLiteral("v")).size(), 1);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestMetricStore t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_metricstore.moc"
