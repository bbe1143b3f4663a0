#pragma once

#include "probe/Snapshot.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Text forms of a Snapshot for `proclab sample`. The JSON line is written by hand for speed (QJsonDocument costs
// several µs per task, more than reading the task); strings are escaped per RFC 8259, numbers written with
// std::to_chars.
class SnapshotFormatter
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotFormatter)
public:
    // One JSON object, no trailing newline:
    // {"t":…,"interval":…,"cpus":[{"core":0,"busy":…,"user":…,"system":…,"iowait":…,"steal":…}],
    //  "processes":[{"pid":…,"ppid":…,"name":…,"cmdline":[…],"rss_kb":…,"threads":…,"stat":"S"}],
    //  "tasks":[{"pid":…,"tid":…,"ppid":…,"name":…,"stat":"R","state":"ready","running":…,"ready":…,"blocked":…,
    //            "core":…,"reason":…,"reason_source":…,"cpu":…,"letter_age":…,"voluntary":…,"involuntary":…}]}
    // t is seconds (µs precision) since the caller's start.
    static QByteArray jsonLine(const Snapshot &snapshot, double t);
    // One line: the number of tasks in each state and each core's load — for watching thousands of threads.
    static QString summaryLine(const Snapshot &snapshot, double t);
    // A readable table: a heading with the cores' load, then one row per task.
    static QString table(const Snapshot &snapshot, double t);
    // Appends s as a JSON string (quoted, escaped) to out.
    static void appendJsonString(QByteArray &out, const QString &s);
};
