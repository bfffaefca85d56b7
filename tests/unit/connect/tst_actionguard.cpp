#include "core/actionguard.h"

#include <QTest>

using namespace pgdeck;

class TestActionGuard : public QObject
{
    Q_OBJECT

    static core::Protection prod()
    {
        core::Profile p;
        p.name = QStringLiteral("prod");
        p.production = true;
        return core::Protection::of(p);
    }

private Q_SLOTS:
    void cleanup() { core::ActionGuard::setConfirmer({}); }

    void unprotected_isGrantedWithoutAsking()
    {
        int asked = 0;
        core::ActionGuard::setConfirmer([&](const core::UnlockRequest &, core::ActionGuard::Answer a) {
            ++asked;
            a(true);
        });
        bool granted = false;
        core::ActionGuard::request(core::Protection{}, core::GuardedAction::TerminateSession, QStringLiteral("pid 1"),
                                   [&](core::Result<core::Unlock> u) {
                                       QVERIFY(u.ok());
                                       QVERIFY(!u->wasAsked());
                                       granted = true;
                                   });
        QVERIFY(granted);
        QCOMPARE(asked, 0);
    }

    void protected_withoutConfirmer_isRefused()
    {
        bool refused = false;
        core::ActionGuard::request(prod(), core::GuardedAction::Restore, QStringLiteral("dump.tar"),
                                   [&](core::Result<core::Unlock> u) {
                                       QVERIFY(!u.ok());
                                       QCOMPARE(u.error().kind, core::Error::Kind::Cancelled);
                                       QVERIFY(u.error().message.contains(QStringLiteral("prod")));
                                       refused = true;
                                   });
        QVERIFY(refused);
    }

    void protected_asksEveryTime_andUnlockIsOneShot()
    {
        QList<core::UnlockRequest> asked;
        core::ActionGuard::setConfirmer([&](const core::UnlockRequest &r, core::ActionGuard::Answer a) {
            asked << r;
            a(true);
            a(true); // a confused confirmer answering twice unlocks only once
        });
        int calls = 0;
        for (int i = 0; i < 2; ++i)
            core::ActionGuard::request(prod(), core::GuardedAction::CancelQuery, QStringLiteral("pid 42"),
                                       [&](core::Result<core::Unlock> u) {
                                           ++calls;
                                           QVERIFY(u.ok());
                                           QVERIFY(u->wasAsked());
                                           QCOMPARE(u->target(), QStringLiteral("pid 42"));
                                           QVERIFY(u->consume());
                                           QVERIFY(!u->consume());
                                       });
        QCOMPARE(asked.size(), 2);
        QCOMPARE(calls, 2);
        QVERIFY(asked.first().question().contains(QStringLiteral("production")));
        QVERIFY(asked.first().question().contains(QStringLiteral("cancel a query")));
    }

    void protected_deniedByUser_isCancelled()
    {
        core::ActionGuard::setConfirmer([](const core::UnlockRequest &, core::ActionGuard::Answer a) { a(false); });
        bool denied = false;
        core::ActionGuard::request(prod(), core::GuardedAction::Migration, QStringLiteral("0007"),
                                   [&](core::Result<core::Unlock> u) { denied = !u.ok(); });
        QVERIFY(denied);
    }
};

QTEST_GUILESS_MAIN(TestActionGuard)
#include "tst_actionguard.moc"
