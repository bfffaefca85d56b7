#pragma once

#include "core/result.h"
#include "plan.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace pgdeck::explain {

// Entry point for any plan a user brings: EXPLAIN JSON (bare, or as psql printed it)
// or TEXT (see TextPlanParser), detected automatically. Never throws; malformed input
// comes back as an Error naming the line. Derived metrics and insights are computed
// by the caller (Metrics, InsightAnalyzer) so parsing stays cheap and testable.
class PlanParser
{
public:
    enum class Format { Auto, Text, Json };

    static Format detect(const QString &input);
    // Every plan of the input (EXPLAIN of several statements prints several).
    static core::Result<std::vector<Plan>> parseAll(const QString &input, Format format = Format::Auto);
    // Bytes straight from a file or the server: JSON is read without a UTF-16 copy.
    static core::Result<std::vector<Plan>> parseAll(const QByteArray &utf8, Format format = Format::Auto);
    // The first plan.
    static core::Result<Plan> parse(const QString &input, Format format = Format::Auto);
    // Also computes metrics and insights: what views and `pgdeck explain` want.
    static core::Result<Plan> parseAndAnalyze(const QString &input, Format format = Format::Auto);

    static QString formatName(Format f);
};

} // namespace pgdeck::explain
