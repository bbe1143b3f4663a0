#include "CsvExporter.h"

#include "CsvWriter.h"
#include "SessionJsonWriter.h"
#include "SessionReader.h"
#include "base/EventKind.h"

#include <QJsonArray>
#include <QFileDevice>
#include <cmath>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace {
// A number field, or empty when the key is missing or not a number.
void numberField(CsvWriter &csv, const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isDouble())
        csv.field(value.toDouble());
    else
        csv.empty();
}

// A PID or TID as a whole number, 0 when the event names none: pandas then reads the column as integers (an
// empty cell would turn the whole column into floats). PID 0 is never a process a session records.
void idField(CsvWriter &csv, const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    csv.field(value.isDouble() ? value.toInteger() : qint64(0));
}

// The detail fields most events share, one column each (after t, kind, pid, tid); every other field goes into
// `other` as one JSON object. Mixed kinds share a column where they mean the same word (`from`/`to`: states of a
// task.state, PIDs of a process.reparent).
const QStringList &detailColumns()
{
    static const QStringList columns{u"ppid"_s,  u"role"_s,   u"name"_s,        u"from"_s,    u"to"_s,
                                     u"reason"_s, u"tick"_s,  u"code"_s,        u"signal"_s,  u"signal_name"_s,
                                     u"mode"_s,  u"task"_s,   u"start"_s,       u"end"_s,     u"value"_s,
                                     u"verdict"_s, u"detail"_s, u"message"_s,   u"what"_s,    u"errno"_s,
                                     u"stream"_s, u"line"_s,  u"experiment"_s};
    return columns;
}

void textField(CsvWriter &csv, const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    if (value.isString())
        csv.field(value.toString());
    else if (value.isDouble())
        csv.field(value.toDouble());
    else
        csv.empty();
}
} // namespace

QString CsvExporter::format() const
{
    return u"csv"_s;
}

QStringList CsvExporter::companionPaths(const QString &outputPath)
{
    QString stem = outputPath;
    if (stem.endsWith(u".csv"_s, Qt::CaseInsensitive))
        stem.chop(4);
    return {stem + u".tasks.csv"_s, stem + u".cpus.csv"_s, stem + u".queues.csv"_s};
}

QStringList CsvExporter::outputPaths(const QString &outputPath, bool companions) const
{
    return companions ? QStringList{outputPath} + companionPaths(outputPath) : QStringList{outputPath};
}

bool CsvExporter::exportTo(SessionReader &reader, const QString &outputPath)
{
    QList<OutputTarget> targets;
    if (!targetsFor(outputPath, &targets))
        return false;
    std::vector<std::unique_ptr<QFileDevice>> files;
    auto cancelAll = [&files] {
        for (auto &file : files)
            cancelOutput(file.get());
    };
    for (const OutputTarget &target : targets) {
        files.push_back(openOutput(target));
        if (!files.back()) {
            files.pop_back();
            cancelAll();
            return false;
        }
    }
    auto device = [&files](std::size_t i) -> QIODevice * { return i < files.size() ? files[i].get() : nullptr; };
    if (!write(reader, device(0), device(1), device(2), device(3))) {
        cancelAll();
        return false;
    }
    // QSaveFile renames on commit; the companions go first so that FILE appearing means the set is complete.
    for (std::size_t i = files.size(); i-- > 0;) {
        if (!finishOutput(files[i].get(), targets.at(qsizetype(i))))
            return false;
    }
    m_written = outputPaths(outputPath, files.size() > 1);
    return true;
}

bool CsvExporter::write(SessionReader &reader, QIODevice *events, QIODevice *tasks, QIODevice *cpus, QIODevice *queues)
{
    // Without a device for a table (a target written in place has no companions) its rows are skipped.
    std::optional<CsvWriter> eventCsv, taskCsv, cpuCsv, queueCsv;
    auto header = [](std::optional<CsvWriter> &csv, QIODevice *device, std::initializer_list<const char *> names) {
        if (!device)
            return;
        csv.emplace(device);
        for (const char *name : names)
            csv->field(QByteArray(name));
        csv->endRow();
    };
    if (events) {
        eventCsv.emplace(events);
        for (const QString &name : eventColumns())
            eventCsv->field(name);
        eventCsv->endRow();
    }
    header(taskCsv, tasks, {"t", "pid", "tid", "state", "running", "ready", "blocked", "cpu", "core", "reason", "gil"});
    header(cpuCsv, cpus, {"t", "core", "busy", "user", "system", "iowait", "steal"});
    header(queueCsv, queues,
           {"t", "queue", "depth", "capacity", "puts", "gets", "blocked_putters", "blocked_getters"});

    SessionEvent event;
    while (reader.next(&event)) {
        if (event.kind == EventKind::TaskSample) {
            if (taskCsv)
                writeTaskSample(*taskCsv, event);
        } else if (event.kind == EventKind::CpuSample) {
            if (cpuCsv)
                writeCpuSample(*cpuCsv, event);
        } else if (event.kind == EventKind::QueueSample) {
            if (queueCsv)
                writeQueueSample(*queueCsv, event);
        } else if (eventCsv) {
            writeEvent(*eventCsv, event);
        }
    }
    if (!readerFinishedCleanly(reader))
        return false;
    for (std::optional<CsvWriter> *csv : {&eventCsv, &taskCsv, &cpuCsv, &queueCsv}) {
        if (*csv && !(*csv)->flush())
            return fail(tr("cannot write the CSV files"));
    }
    return true;
}

QStringList CsvExporter::eventColumns()
{
    return QStringList{u"t"_s, u"kind"_s, u"pid"_s, u"tid"_s} + detailColumns() + QStringList{u"other"_s};
}

void CsvExporter::writeEvent(CsvWriter &csv, const SessionEvent &event)
{
    csv.seconds(event.t).field(event.kind);
    idField(csv, event.fields, u"pid"_s);
    idField(csv, event.fields, u"tid"_s);
    QJsonObject other = event.fields;
    other.remove(u"pid"_s);
    other.remove(u"tid"_s);
    for (const QString &key : detailColumns()) {
        const QJsonValue value = other.take(key);
        if (value.isString())
            csv.field(value.toString());
        else if (value.isBool())
            csv.field(value.toBool() ? QByteArray("true") : QByteArray("false"));
        else if (value.isDouble())
            csv.field(value.toDouble());
        else if (value.isUndefined() || value.isNull())
            csv.empty();
        else
            other.insert(key, value); // a list or an object stays JSON
    }
    // Always a whole JSON object, "{}" when nothing is left, so json.loads works on every row.
    QByteArray json;
    SessionJsonWriter::appendObject(json, other);
    csv.field(json);
    csv.endRow();
}

void CsvExporter::writeTaskSample(CsvWriter &csv, const SessionEvent &event)
{
    csv.seconds(event.t);
    for (const QString &key : {u"pid"_s, u"tid"_s})
        numberField(csv, event.fields, key);
    textField(csv, event.fields, u"state"_s);
    for (const QString &key : {u"running"_s, u"ready"_s, u"blocked"_s, u"cpu"_s, u"core"_s})
        numberField(csv, event.fields, key);
    textField(csv, event.fields, u"reason"_s);
    // Last, so that tables read by column position before it existed keep their columns; empty for a thread that
    // is not a CPython thread whose GIL ProcLab reads.
    numberField(csv, event.fields, u"gil"_s);
    csv.endRow();
}

void CsvExporter::writeCpuSample(CsvWriter &csv, const SessionEvent &event)
{
    // One row per core keeps the table tidy (one observation per row) whatever the core count.
    const QJsonArray cpus = event.fields.value(u"cpus"_s).toArray();
    for (const QJsonValue &value : cpus) {
        const QJsonObject cpu = value.toObject();
        csv.seconds(event.t);
        for (const QString &key : {u"core"_s, u"busy"_s, u"user"_s, u"system"_s, u"iowait"_s, u"steal"_s})
            numberField(csv, cpu, key);
        csv.endRow();
    }
}

void CsvExporter::writeQueueSample(CsvWriter &csv, const SessionEvent &event)
{
    csv.seconds(event.t);
    textField(csv, event.fields, u"queue"_s);
    for (const QString &key :
         {u"depth"_s, u"capacity"_s, u"puts"_s, u"gets"_s, u"blocked_putters"_s, u"blocked_getters"_s})
        numberField(csv, event.fields, key);
    csv.endRow();
}
