#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace pgdeck::store {

// One step of an area's schema. Versions start at 1 and only grow; a step that
// shipped is never edited, a change is a new step.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements; // run in one transaction, in order
};

// Every area (metrics, query history, backup catalog, saved plans) brings its own list.
using MigrationList = QList<Migration>;

} // namespace pgdeck::store
