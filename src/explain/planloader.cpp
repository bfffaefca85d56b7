#include "planloader.h"

#include "insightanalyzer.h"
#include "metrics.h"

#include <QMetaObject>
#include <QPointer>
#include <QThreadPool>

#include <memory>

namespace pgdeck::explain {

namespace {

void deliver(QObject *receiver, std::shared_ptr<core::Result<Plan>> result, PlanLoader::Done done)
{
    QPointer<QObject> guard(receiver);
    QMetaObject::invokeMethod(
        receiver,
        [guard, result, done]() {
            if (guard)
                done(std::move(*result));
        },
        Qt::QueuedConnection);
}

core::Result<Plan> analyzeFirst(core::Result<std::vector<Plan>> plans)
{
    if (!plans.ok())
        return plans.error();
    if (plans->empty())
        return core::Error::make(core::Error::Kind::Input, QStringLiteral("no plan in the input"));
    Plan p = std::move(plans->front());
    Metrics::compute(p);
    InsightAnalyzer::analyze(p);
    return p;
}

} // namespace

void PlanLoader::load(QObject *receiver, QString input, PlanParser::Format format, Done done)
{
    QPointer<QObject> guard(receiver);
    QThreadPool::globalInstance()->start([guard, input = std::move(input), format, done = std::move(done)]() {
        auto result = std::make_shared<core::Result<Plan>>(analyzeFirst(PlanParser::parseAll(input, format)));
        if (guard)
            deliver(guard.data(), result, done);
    });
}

void PlanLoader::load(QObject *receiver, QByteArray utf8, PlanParser::Format format, Done done)
{
    QPointer<QObject> guard(receiver);
    QThreadPool::globalInstance()->start([guard, utf8 = std::move(utf8), format, done = std::move(done)]() {
        auto result = std::make_shared<core::Result<Plan>>(analyzeFirst(PlanParser::parseAll(utf8, format)));
        if (guard)
            deliver(guard.data(), result, done);
    });
}

} // namespace pgdeck::explain
