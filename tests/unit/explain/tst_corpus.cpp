// Every pair of ../shared/corpus/plans-pev2 (NN-plan = TEXT as people paste it,
// NN-expect = the EXPLAIN JSON for it): the text parser must produce every node and
// every field of the expected JSON, with equal values, children in the same order.
//
// Comparison rule: expected ⊆ parsed. The parse may hold more keys than the expected
// file (PostgreSQL's JSON has keys PEV2's files leave out, e.g. "Async Capable" or
// "Alias"), but every expected key must be there with an equal value (numbers equal
// as numbers, strings equal as strings).
//
// The expected files were produced by PEV2's own text parser, and in a few places
// they differ from what PostgreSQL itself prints in FORMAT JSON. pgdeck's parser
// follows PostgreSQL (its TEXT parse must equal the server's JSON, which the
// integration tests check against a real server), so the expected side is first
// translated to PostgreSQL's form by the explicit rules in pgNormalize() below. Each
// rule is counted and printed; no field is ever dropped except the two PostgreSQL
// never prints ("Temp Hit Blocks", "Temp Dirtied Blocks", only when 0) and "Inner
// Unique", which the TEXT format cannot show (PEV2's test removes it too).
#include "explain/planjsonwriter.h"
#include "explain/planparser.h"
#include "support/fixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <map>

using namespace pgdeck;

namespace {

std::map<QString, int> g_rules;

QString unquoteIdent(QString s)
{
    if (s.size() >= 2 && s.startsWith(QLatin1Char('"')) && s.endsWith(QLatin1Char('"'))) {
        s = s.mid(1, s.size() - 2);
        s.replace(QLatin1String("\"\""), QLatin1String("\""));
    }
    return s;
}

// Splits schema.name honouring double quotes.
QStringList splitQualified(const QString &s)
{
    QStringList out;
    QString cur;
    bool quoted = false;
    for (QChar c : s) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if (c == QLatin1Char('.') && !quoted) {
            out << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    out << cur;
    return out;
}

QJsonObject pgNormalize(QJsonObject node)
{
    // PEV2 writes "<Name> Semi Join" / "Nested Loop Join" / "HashAggregate" as the node
    // type; PostgreSQL's JSON says "Hash Join" + "Join Type", "Nested Loop", "Aggregate" +
    // "Strategy" (+ "Partial Mode").
    QString type = node.value(QLatin1String("Node Type")).toString();
    if (type == QLatin1String("Nested Loop Join")) {
        node.insert(QStringLiteral("Node Type"), QStringLiteral("Nested Loop"));
        ++g_rules["node type 'Nested Loop Join' -> 'Nested Loop'"];
    }
    for (const char *jt : {"Right Semi", "Right Anti", "Semi", "Anti"}) {
        for (const char *base : {"Hash", "Merge", "Nested Loop"}) {
            const QString pev2 = QStringLiteral("%1 %2 Join").arg(QLatin1String(base), QLatin1String(jt));
            if (type == pev2) {
                node.insert(QStringLiteral("Node Type"),
                            QLatin1String(base) == QLatin1String("Nested Loop") ? QStringLiteral("Nested Loop")
                                                                                : QStringLiteral("%1 Join").arg(QLatin1String(base)));
                if (!node.contains(QLatin1String("Join Type")))
                    node.insert(QStringLiteral("Join Type"), QString::fromLatin1(jt));
                ++g_rules["node type '<X> Semi/Anti Join' -> '<X> Join' + Join Type"];
            }
        }
    }
    {
        QString t = type, partial;
        for (const char *p : {"Partial ", "Finalize "})
            if (t.startsWith(QLatin1String(p))) {
                partial = QString::fromLatin1(p).trimmed();
                t = t.mid(int(qstrlen(p)));
            }
        const std::pair<const char *, const char *> aggs[] = {
            {"HashAggregate", "Hashed"}, {"GroupAggregate", "Sorted"}, {"MixedAggregate", "Mixed"}};
        for (const auto &[name, strategy] : aggs) {
            if (t == QLatin1String(name)) {
                node.insert(QStringLiteral("Node Type"), QStringLiteral("Aggregate"));
                node.insert(QStringLiteral("Strategy"), QString::fromLatin1(strategy));
                if (!partial.isEmpty())
                    node.insert(QStringLiteral("Partial Mode"), partial);
                ++g_rules["node type 'HashAggregate' etc. -> 'Aggregate' + Strategy"];
            }
        }
    }
    for (const char *op : {"Insert", "Update", "Delete", "Merge"}) {
        if (type == QLatin1String(op)) {
            node.insert(QStringLiteral("Node Type"), QStringLiteral("ModifyTable"));
            node.insert(QStringLiteral("Operation"), QString::fromLatin1(op));
            ++g_rules["node type 'Insert'/'Update'/'Delete'/'Merge' -> 'ModifyTable' + Operation"];
        }
    }
    // VERBOSE text shows "schema.relation" and quotes identifiers; PostgreSQL's JSON has
    // "Relation Name" and "Schema" apart, unquoted.
    if (node.contains(QLatin1String("Relation Name"))) {
        const QString rel = node.value(QLatin1String("Relation Name")).toString();
        const QStringList parts = splitQualified(rel);
        if (parts.size() == 2) {
            node.insert(QStringLiteral("Relation Name"), unquoteIdent(parts.at(1)));
            node.insert(QStringLiteral("Schema"), unquoteIdent(parts.at(0)));
            ++g_rules["'schema.relation' -> Schema + Relation Name"];
        } else if (unquoteIdent(rel) != rel) {
            node.insert(QStringLiteral("Relation Name"), unquoteIdent(rel));
            ++g_rules["quoted identifier -> unquoted"];
        }
    }
    if (node.contains(QLatin1String("Index Name"))) {
        const QString idx = node.value(QLatin1String("Index Name")).toString();
        if (unquoteIdent(idx) != idx) {
            node.insert(QStringLiteral("Index Name"), unquoteIdent(idx));
            ++g_rules["quoted identifier -> unquoted"];
        }
    }
    for (const char *k : {"Temp Hit Blocks", "Temp Dirtied Blocks"}) {
        if (node.contains(QLatin1String(k)) && node.value(QLatin1String(k)).toDouble() == 0) {
            node.remove(QLatin1String(k));
            ++g_rules["'Temp Hit/Dirtied Blocks' = 0 (not PostgreSQL keys) dropped"];
        }
    }
    if (node.contains(QLatin1String("Inner Unique"))) {
        node.remove(QStringLiteral("Inner Unique"));
        ++g_rules["'Inner Unique' dropped (TEXT cannot show it)"];
    }
    if (node.contains(QLatin1String("Plans"))) {
        QJsonArray kids = node.value(QLatin1String("Plans")).toArray();
        for (auto it = kids.begin(); it != kids.end(); ++it)
            *it = pgNormalize(it->toObject());
        node.insert(QStringLiteral("Plans"), kids);
    }
    return node;
}

bool numericString(const QJsonValue &v, double *out)
{
    if (!v.isString())
        return false;
    bool ok = false;
    *out = v.toString().toDouble(&ok);
    return ok;
}

// expected ⊆ parsed
void compare(const QJsonValue &expected, const QJsonValue &parsed, const QString &path, QStringList *errors)
{
    if (expected.isObject()) {
        if (!parsed.isObject()) {
            *errors << QStringLiteral("%1: expected an object").arg(path);
            return;
        }
        const QJsonObject e = expected.toObject(), p = parsed.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            const QString sub = path + QLatin1Char('/') + it.key();
            if (!p.contains(it.key())) {
                *errors << QStringLiteral("%1: missing").arg(sub);
                continue;
            }
            if (it.key() == QLatin1String("Plans")) {
                const QJsonArray ea = it.value().toArray(), pa = p.value(it.key()).toArray();
                if (ea.size() != pa.size()) {
                    *errors << QStringLiteral("%1: %2 children expected, %3 parsed").arg(sub).arg(ea.size()).arg(pa.size());
                    continue;
                }
                for (int i = 0; i < ea.size(); ++i)
                    compare(ea.at(i), pa.at(i), sub + QStringLiteral("[%1]").arg(i), errors);
                continue;
            }
            compare(it.value(), p.value(it.key()), sub, errors);
        }
        return;
    }
    if (expected.isArray()) {
        const QJsonArray ea = expected.toArray();
        if (!parsed.isArray() || parsed.toArray().size() != ea.size()) {
            *errors << QStringLiteral("%1: expected %2, parsed %3")
                           .arg(path, QString::fromUtf8(QJsonDocument(ea).toJson(QJsonDocument::Compact)),
                                QString::fromUtf8(QJsonDocument(parsed.toArray()).toJson(QJsonDocument::Compact)));
            return;
        }
        for (int i = 0; i < ea.size(); ++i)
            compare(ea.at(i), parsed.toArray().at(i), path + QStringLiteral("[%1]").arg(i), errors);
        return;
    }
    if (expected.isDouble()) {
        double e = expected.toDouble();
        if (!parsed.isDouble() || parsed.toDouble() != e)
            *errors << QStringLiteral("%1: expected %2, parsed %3").arg(path).arg(e, 0, 'g', 17).arg(parsed.toVariant().toString());
        return;
    }
    if (expected.isString()) {
        double n = 0;
        if (parsed.isDouble() && numericString(expected, &n)) {
            ++g_rules["number written as a string -> compared as a number"];
            if (parsed.toDouble() != n)
                *errors << QStringLiteral("%1: expected %2, parsed %3").arg(path, expected.toString()).arg(parsed.toDouble());
            return;
        }
        if (parsed.isArray()) {
            // "Output" is a list in PostgreSQL's JSON; the TEXT format joins it with ", ".
            QStringList l;
            for (const QJsonValue &v : parsed.toArray())
                l << v.toString();
            ++g_rules["list compared with its TEXT rendering (', '-joined)"];
            if (l.join(QLatin1String(", ")) != expected.toString())
                *errors << QStringLiteral("%1: expected '%2', parsed '%3'").arg(path, expected.toString(), l.join(QLatin1String(", ")));
            return;
        }
        if (!parsed.isString() || parsed.toString() != expected.toString())
            *errors << QStringLiteral("%1: expected '%2', parsed '%3'").arg(path, expected.toString(), parsed.toVariant().toString());
        return;
    }
    if (expected.isBool()) {
        if (!parsed.isBool() || parsed.toBool() != expected.toBool())
            *errors << QStringLiteral("%1: expected %2").arg(path, expected.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        return;
    }
    if (expected.isNull() && !parsed.isNull())
        *errors << QStringLiteral("%1: expected null").arg(path);
}

QString corpusDir()
{
    return QStringLiteral(PGDECK_CORPUS_DIR "/plans-pev2");
}

} // namespace

class TestCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pairs_data()
    {
        QTest::addColumn<QString>("planFile");
        QTest::addColumn<QString>("expectFile");
        const QDir dir(corpusDir());
        if (!dir.exists())
            return;
        int count = 0;
        for (const QString &sub : {QString(), QStringLiteral("line-wrapped")}) {
            const QDir d(sub.isEmpty() ? dir.path() : dir.filePath(sub));
            for (const QString &f : d.entryList({QStringLiteral("*-plan")}, QDir::Files, QDir::Name)) {
                const QString expect = f.chopped(5) + QStringLiteral("-expect");
                if (!d.exists(expect))
                    continue;
                const QString name = sub.isEmpty() ? f : sub + QLatin1Char('/') + f;
                QTest::newRow(qPrintable(name)) << d.filePath(f) << d.filePath(expect);
                ++count;
            }
        }
        qInfo("corpus: %d pairs", count);
    }

    void pairs()
    {
        if (!QDir(corpusDir()).exists())
            QSKIP("corpus not found at " PGDECK_CORPUS_DIR "/plans-pev2 (the tests read it, never copy it)");
        QFETCH(QString, planFile);
        QFETCH(QString, expectFile);
        QFile pf(planFile), ef(expectFile);
        QVERIFY(pf.open(QIODevice::ReadOnly));
        QVERIFY(ef.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(pf.readAll());
        QJsonParseError pe;
        QJsonDocument expectDoc = QJsonDocument::fromJson(ef.readAll(), &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError, qPrintable(pe.errorString()));
        QJsonObject expected = expectDoc.isArray() ? expectDoc.array().at(0).toObject() : expectDoc.object();

        auto plan = explain::PlanParser::parse(text, explain::PlanParser::Format::Text);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().toString()));
        QCOMPARE(int(plan->source), int(explain::Plan::Source::Text));
        const QByteArray json = explain::PlanJsonWriter::write(*plan, {false, false});
        const QJsonObject parsed = QJsonDocument::fromJson(json).array().at(0).toObject();
        QVERIFY(!parsed.isEmpty());

        expected.insert(QStringLiteral("Plan"), pgNormalize(expected.value(QLatin1String("Plan")).toObject()));
        QStringList errors;
        compare(expected, parsed, QString(), &errors);
        if (!errors.isEmpty())
            qWarning().noquote() << QString::fromUtf8(json);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase()
    {
        for (const auto &[rule, n] : g_rules)
            qInfo("normalization applied %3d x: %s", n, qPrintable(rule));
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "tst_corpus.moc"
