#include "cli.h"

#include "sandbox/sandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcess>

namespace pgdeck::app {

int runDemo(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Start, stop or inspect the local sandbox: a primary, a streaming replica, "
                                               "pgbouncer, a sample schema and a light load."));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("no-gui"), QStringLiteral("Start the sandbox and return.")},
        {QStringLiteral("stop"), QStringLiteral("Stop every sandbox process.")},
        {QStringLiteral("status"), QStringLiteral("One line per server: name, role, state, conninfo.")},
        {QStringLiteral("purge"), QStringLiteral("With --stop: delete the sandbox's data too.")},
        {QStringLiteral("fresh"), QStringLiteral("Wipe an existing sandbox and start anew.")},
        {QStringLiteral("no-load"), QStringLiteral("Do not start the background load.")},
        {QStringLiteral("no-pgbouncer"), QStringLiteral("Do not start pgbouncer.")},
        {QStringLiteral("dir"), QStringLiteral("Sandbox directory (default: the XDG data dir)."), QStringLiteral("DIR")},
        {QStringLiteral("scale"), QStringLiteral("Sample data size multiplier (default 1)."), QStringLiteral("N"),
         QStringLiteral("1")},
    });
    QStringList argv{QStringLiteral("pgdeck demo")};
    argv += args;
    if (!p.parse(argv)) {
        err(p.errorText());
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out(p.helpText());
        return ExitOk;
    }

    sandbox::Options o;
    o.baseDir = p.value(QStringLiteral("dir"));
    o.withLoad = !p.isSet(QStringLiteral("no-load"));
    o.withPgbouncer = !p.isSet(QStringLiteral("no-pgbouncer"));
    o.fresh = p.isSet(QStringLiteral("fresh"));
    o.scale = qMax(1, p.value(QStringLiteral("scale")).toInt());
    o.progress = [](const QString &line) { err(QStringLiteral("demo: ") + line); };
    sandbox::Sandbox box(o);

    if (p.isSet(QStringLiteral("status"))) {
        const auto servers = box.status();
        if (servers.isEmpty()) {
            out(QStringLiteral("no sandbox in %1 (start one with: pgdeck demo --no-gui)").arg(box.baseDir()));
            return ExitFailure;
        }
        for (const auto &s : servers)
            out(QStringLiteral("%1\t%2\t%3\t%4")
                    .arg(s.name, -10)
                    .arg(s.role, -8)
                    .arg(s.running ? QStringLiteral("running") : QStringLiteral("stopped"), -8)
                    .arg(s.conninfo));
        return ExitOk;
    }
    if (p.isSet(QStringLiteral("stop"))) {
        auto r = box.stop(p.isSet(QStringLiteral("purge")));
        if (!r.ok()) {
            err(QStringLiteral("demo: ") + r.error().toString());
            return ExitFailure;
        }
        return ExitOk;
    }

    auto r = box.start();
    if (!r.ok()) {
        err(QStringLiteral("demo: ") + r.error().toString());
        if (!r.error().hint.isEmpty())
            err(r.error().hint);
        return ExitFailure;
    }
    for (const auto &s : box.status())
        out(QStringLiteral("%1\t%2\t%3").arg(s.name, -10).arg(s.role, -8).arg(s.conninfo));
    if (p.isSet(QStringLiteral("no-gui")))
        return ExitOk;

    // Open the GUI on the sandbox as a separate process, so this command returns
    // at once and the servers outlive the window.
    QStringList guiArgs;
    for (const auto &s : box.status())
        if (s.name != QLatin1String("pgbouncer"))
            guiArgs << QStringLiteral("--connect") << s.conninfo;
    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), guiArgs)) {
        err(QStringLiteral("demo: could not start the pgdeck window"));
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace pgdeck::app
