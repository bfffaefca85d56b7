#include "cli.h"

#include "explain/explainrunner.h"
#include "explain/insightanalyzer.h"
#include "explain/metrics.h"
#include "explain/planjsonwriter.h"
#include "explain/planparser.h"
#include "explain/plantreewriter.h"
#include "pg/session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

namespace pgdeck::app {

namespace {

enum class OutFormat { Tree, Json };

int print(explain::Plan &plan, OutFormat format, const QJsonObject &extra, const QString &note)
{
    if (format == OutFormat::Json) {
        explain::PlanJsonWriter::Options o;
        o.extra = extra;
        const QByteArray json = explain::PlanJsonWriter::write(plan, o);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        std::fflush(stdout);
    } else {
        if (!note.isEmpty())
            out(note);
        out(explain::PlanTreeWriter::write(plan));
    }
    for (const QString &w : plan.warnings)
        err(QStringLiteral("pgdeck explain: warning: %1").arg(w));
    return ExitOk;
}

QByteArray readAll(const QString &path, QString *error)
{
    if (path == QLatin1String("-")) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read standard input");
            return {};
        }
        return in.readAll();
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return {};
    }
    return f.readAll();
}

// Connects, runs EXPLAIN through ExplainRunner, prints.
class Explainer : public QObject
{
public:
    Explainer(pg::ConnParams params, QString sql, explain::ExplainOptions options, OutFormat format, int timeoutMs)
        : m_params(std::move(params)), m_sql(std::move(sql)), m_options(options), m_format(format), m_timeoutMs(timeoutMs)
    {
    }

    int exitCode = ExitOk;

    void start()
    {
        connect(&m_session, &pg::Session::connected, this, [this]() { m_runner.run(&m_session, m_sql, m_options); });
        connect(&m_session, &pg::Session::connectFailed, this, [this](const core::Error &e) {
            err(QStringLiteral("pgdeck explain: %1").arg(e.message));
            if (!e.detail.isEmpty())
                err(QStringLiteral("libpq: %1").arg(e.detail));
            finish(ExitUnreachable);
        });
        connect(&m_runner, &explain::ExplainRunner::failed, this, [this](const core::Error &e) {
            err(QStringLiteral("pgdeck explain: %1").arg(e.toString()));
            if (e.position > 0)
                err(QStringLiteral("at character %1 of the statement").arg(e.position));
            finish(e.kind == core::Error::Kind::Input ? ExitUsage : ExitFailure);
        });
        connect(&m_runner, &explain::ExplainRunner::finished, this, [this](const explain::ExplainResult &r) {
            explain::ExplainResult result = r;
            QJsonObject extra;
            extra.insert(QStringLiteral("Statement Kind"), sql::StatementInfo::kindName(result.info.kind));
            extra.insert(QStringLiteral("Command"), result.info.command);
            extra.insert(QStringLiteral("Analyzed"), result.analyzed);
            extra.insert(QStringLiteral("Rolled Back"), result.rolledBack);
            extra.insert(QStringLiteral("Server Version"), result.serverVersion);
            QString note;
            if (result.rolledBack && !result.info.readOnly)
                note = QStringLiteral("%1 ran inside a transaction that was rolled back: nothing was changed.").arg(result.info.command);
            finish(print(result.plan, m_format, extra, note));
        });
        m_session.connectToServer(m_params, m_timeoutMs);
    }

private:
    void finish(int code)
    {
        exitCode = code;
        QTimer::singleShot(0, qApp, [code]() { QCoreApplication::exit(code); });
    }

    pg::Session m_session;
    explain::ExplainRunner m_runner;
    pg::ConnParams m_params;
    QString m_sql;
    explain::ExplainOptions m_options;
    OutFormat m_format;
    int m_timeoutMs;
};

} // namespace

int runExplain(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "EXPLAIN a statement on a server, or read a saved TEXT or JSON plan, and print it as a tree with exclusive "
        "times and insights, or as EXPLAIN JSON with pgdeck's derived metrics under \"pgdeck\" keys.\n"
        "EXPLAIN ANALYZE always runs inside a transaction that is rolled back."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("CONN"), QStringLiteral("keyword string, postgres:// URI, service=name or @profile"));
    p.addPositionalArgument(QStringLiteral("SQL"), QStringLiteral("the statement to explain"));
    p.addOptions({
        {QStringLiteral("file"), QStringLiteral("Read a saved plan (TEXT or JSON, as pasted from anywhere); - for stdin."),
         QStringLiteral("PLAN")},
        {QStringLiteral("format"), QStringLiteral("Output: tree (default) or json."), QStringLiteral("tree|json"),
         QStringLiteral("tree")},
        {QStringLiteral("analyze"), QStringLiteral("Run the statement (inside a rolled-back transaction).")},
        {QStringLiteral("buffers"), QStringLiteral("Buffer usage.")},
        {QStringLiteral("verbose"), QStringLiteral("Output columns and schema-qualified names.")},
        {QStringLiteral("settings"), QStringLiteral("Planner settings that differ from the defaults (12+).")},
        {QStringLiteral("wal"), QStringLiteral("WAL usage (13+, with --analyze).")},
        {QStringLiteral("no-timing"), QStringLiteral("ANALYZE without per-node timing (less overhead).")},
        {QStringLiteral("no-costs"), QStringLiteral("Leave out cost estimates.")},
        {QStringLiteral("summary"), QStringLiteral("Planning time without ANALYZE.")},
        {QStringLiteral("generic-plan"), QStringLiteral("Plan a statement with $1 parameters (16+).")},
        {QStringLiteral("memory"), QStringLiteral("Planner memory (17+).")},
        {QStringLiteral("serialize"), QStringLiteral("Cost of sending the result (17+, with --analyze).")},
        {QStringLiteral("no-hypopg"), QStringLiteral("Do not try proposed indexes with hypopg.")},
        {QStringLiteral("timeout"), QStringLiteral("Connect timeout in seconds (default 10)."), QStringLiteral("S"),
         QStringLiteral("10")},
    });
    QStringList argv{QStringLiteral("pgdeck explain")};
    argv += args;
    if (!p.parse(argv)) {
        err(p.errorText());
        return ExitUsage;
    }
    if (p.isSet(QStringLiteral("help"))) {
        out(p.helpText());
        return ExitOk;
    }
    const QString fmt = p.value(QStringLiteral("format"));
    if (fmt != QLatin1String("tree") && fmt != QLatin1String("json")) {
        err(QStringLiteral("pgdeck explain: --format is tree or json, not '%1'").arg(fmt));
        return ExitUsage;
    }
    const OutFormat format = fmt == QLatin1String("json") ? OutFormat::Json : OutFormat::Tree;

    if (p.isSet(QStringLiteral("file"))) {
        if (!p.positionalArguments().isEmpty()) {
            err(QStringLiteral("usage: pgdeck explain --file PLAN [--format tree|json]"));
            return ExitUsage;
        }
        QString why;
        const QByteArray data = readAll(p.value(QStringLiteral("file")), &why);
        if (!why.isEmpty()) {
            err(QStringLiteral("pgdeck explain: %1").arg(why));
            return ExitFailure;
        }
        auto plans = explain::PlanParser::parseAll(data);
        if (!plans.ok()) {
            err(QStringLiteral("pgdeck explain: %1: %2").arg(p.value(QStringLiteral("file")), plans.error().message));
            return ExitFailure;
        }
        for (explain::Plan &plan : *plans) {
            explain::Metrics::compute(plan);
            explain::InsightAnalyzer::analyze(plan);
        }
        if (format == OutFormat::Json) {
            const QByteArray json = explain::PlanJsonWriter::write(*plans, {});
            std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
            std::fflush(stdout);
            for (const explain::Plan &plan : *plans)
                for (const QString &w : plan.warnings)
                    err(QStringLiteral("pgdeck explain: warning: %1").arg(w));
            return ExitOk;
        }
        for (explain::Plan &plan : *plans)
            print(plan, format, {}, {});
        return ExitOk;
    }

    if (p.positionalArguments().size() != 2) {
        err(QStringLiteral("usage: pgdeck explain CONN \"SQL\" [--analyze] [--buffers] … [--format tree|json]\n"
                           "       pgdeck explain --file PLAN [--format tree|json]"));
        return ExitUsage;
    }
    auto params = resolveConn(p.positionalArguments().at(0));
    if (!params.ok()) {
        err(QStringLiteral("pgdeck explain: ") + params.error().toString());
        return ExitUsage;
    }
    explain::ExplainOptions o;
    o.analyze = p.isSet(QStringLiteral("analyze"));
    o.buffers = p.isSet(QStringLiteral("buffers"));
    o.verbose = p.isSet(QStringLiteral("verbose"));
    o.settings = p.isSet(QStringLiteral("settings"));
    o.wal = p.isSet(QStringLiteral("wal"));
    o.timing = !p.isSet(QStringLiteral("no-timing"));
    o.costs = !p.isSet(QStringLiteral("no-costs"));
    o.summary = p.isSet(QStringLiteral("summary"));
    o.genericPlan = p.isSet(QStringLiteral("generic-plan"));
    o.memory = p.isSet(QStringLiteral("memory"));
    o.serialize = p.isSet(QStringLiteral("serialize"));
    o.proveIndexes = !p.isSet(QStringLiteral("no-hypopg"));
    const int timeoutMs = qMax(1, p.value(QStringLiteral("timeout")).toInt()) * 1000;
    Explainer ex(*params, p.positionalArguments().at(1), o, format, timeoutMs);
    QTimer::singleShot(0, &ex, [&ex]() { ex.start(); });
    QCoreApplication::exec();
    return ex.exitCode;
}

} // namespace pgdeck::app
