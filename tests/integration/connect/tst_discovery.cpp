#include "pg/replicadiscovery.h"
#include "support/fixture.h"

#include <QTest>

using namespace pgdeck;

// pg_stat_replication names the address a replica connects from, not where it
// listens: discovery must still find the fixture's replica, and say plainly
// when it cannot reach one.
class TestDiscovery : public QObject
{
    Q_OBJECT
    test::Fixture fx;

    core::Result<QList<pg::DiscoveredReplica>> discover(const pg::ConnParams &primary, const QList<int> &ports = {})
    {
        pg::ReplicaDiscovery d(primary);
        d.setCandidatePorts(ports);
        std::optional<core::Result<QList<pg::DiscoveredReplica>>> out;
        d.start([&](core::Result<QList<pg::DiscoveredReplica>> r) { out = std::move(r); });
        test::waitFor([&]() { return out.has_value(); }, 60000);
        if (!out)
            return core::Error::make(core::Error::Kind::Timeout, QStringLiteral("discovery did not finish"));
        return *out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        fx = test::fixture();
        if (!fx.valid())
            QSKIP("no fixture: run through ctest");
        // An earlier test may have restarted the primary: the replica must stream again first.
        QVERIFY(test::waitForStreaming(fx));
    }

    void fromPrimary_findsTheFixtureReplica()
    {
        // Only the primary is known: the replica's port must be found.
        const auto r = discover(fx.primaryParams());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const auto it = std::find_if(r->begin(), r->end(), [&](const pg::DiscoveredReplica &d) { return d.port == fx.replicaPort; });
        QVERIFY2(it != r->end(), qPrintable(QStringLiteral("%1 replica(s) listed; first note: %2")
                                                .arg(r->size())
                                                .arg(r->isEmpty() ? QString() : r->first().note)));
        QVERIFY(it->reachable);
        QCOMPARE(it->applicationName, QStringLiteral("replica1"));
        QCOMPARE(it->state, QStringLiteral("streaming"));
        QCOMPARE(it->params.value("port"), QString::number(fx.replicaPort));
        QVERIFY(it->note.contains(QLatin1String("same system identifier")));
        // The parameters found really lead to a replica.
        QCOMPARE(test::scalar(it->params.toConninfo(true), QStringLiteral("SELECT pg_is_in_recovery()")), QStringLiteral("t"));
    }

    void withReplicaPortGiven_findsItToo()
    {
        const auto r = discover(fx.primaryParams(), {fx.replicaPort});
        QVERIFY(r.ok());
        QVERIFY(std::any_of(r->begin(), r->end(), [&](const pg::DiscoveredReplica &d) { return d.reachable && d.port == fx.replicaPort; }));
    }

    void unprivilegedUser_addressHidden_saysSo_orFindsTheGivenPort()
    {
        // pgdeck_app may not see client_addr; ports found by listing this machine's
        // sockets never get its password, so only a port the user gives can match.
        const pg::ConnParams app = *pg::ConnParams::parse(
            QStringLiteral("host=127.0.0.1 port=%1 dbname=pgdeck_demo user=pgdeck_app password=pgdeck-demo-app").arg(fx.primaryPort));
        auto r = discover(app);
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 1);
        QVERIFY(r->first().addressHidden);
        QVERIFY(!r->first().reachable);
        QVERIFY2(r->first().note.contains(QLatin1String("pg_read_all_stats")), qPrintable(r->first().note));
        r = discover(app, {fx.replicaPort});
        QVERIFY(r.ok());
        QVERIFY(r->first().reachable);
        QCOMPARE(r->first().port, fx.replicaPort);
    }

    void primaryDown_isAPlainError()
    {
        pg::ConnParams p = fx.primaryParams();
        p.set("port", QStringLiteral("1"));
        const auto r = discover(p);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("refused")), qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
