#include "CsvExporter.h"

#include "CsvWriter.h"
#include "SessionJsonWriter.h"
#include "SessionReader.h"

#include <QJsonArray>
#include <QSaveFile>
#include <cmath>
#include <memory>

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

bool CsvExporter::exportTo(SessionReader &reader, const QString &outputPath)
{
    const QStringList paths = QStringList{outputPath} + companionPaths(outputPath);
    std::vector<std::unique_ptr<QSaveFile>> files;
    for (const QString &path : paths) {
        files.push_back(std::make_unique<QSaveFile>(path));
        if (!files.back()->open(QIODevice::WriteOnly)) {
            const QString message = tr("cannot write %1: %2").arg(path, files.back()->errorString());
            for (auto &file : files)
                file->cancelWriting();
            return fail(message);
        }
    }
    if (!write(reader, files[0].get(), files[1].get(), files[2].get(), files[3].get())) {
        for (auto &file : files)
            file->cancelWriting();
        return false;
    }
    // QSaveFile renames on commit; the companions go first so that FILE appearing means the set is complete.
    for (std::size_t i = files.size(); i-- > 0;) {
        if (!files[i]->commit())
            return fail(tr("cannot write %1: %2").arg(paths[qsizetype(i)], files[i]->errorString()));
    }
    m_written = paths;
    return true;
}

bool CsvExporter::write(SessionReader &reader, QIODevice *events, QIODevice *tasks, QIODevice *cpus, QIODevice *queues)
{
    CsvWriter eventCsv(events);
    CsvWriter taskCsv(tasks);
    CsvWriter cpuCsv(cpus);
    CsvWriter queueCsv(queues);
    for (const char *name : {"t", "kind", "pid", "tid", "detail"})
        eventCsv.field(QByteArray(name));
    eventCsv.endRow();
    for (const char *name : {"t", "pid", "tid", "state", "running", "ready", "blocked", "cpu", "core", "reason"})
        taskCsv.field(QByteArray(name));
    taskCsv.endRow();
    for (const char *name : {"t", "core", "busy", "user", "system", "iowait", "steal"})
        cpuCsv.field(QByteArray(name));
    cpuCsv.endRow();
    for (const char *name : {"t", "queue", "depth", "capacity", "puts", "gets", "blocked_putters", "blocked_getters"})
        queueCsv.field(QByteArray(name));
    queueCsv.endRow();

    SessionEvent event;
    while (reader.next(&event)) {
        if (event.kind == u"task.sample"_s)
            writeTaskSample(taskCsv, event);
        else if (event.kind == u"cpu.sample"_s)
            writeCpuSample(cpuCsv, event);
        else if (event.kind == u"queue.sample"_s)
            writeQueueSample(queueCsv, event);
        else
            writeEvent(eventCsv, event);
    }
    if (!readerFinishedCleanly(reader))
        return false;
    if (!eventCsv.flush() || !taskCsv.flush() || !cpuCsv.flush() || !queueCsv.flush())
        return fail(tr("cannot write the CSV files"));
    return true;
}

void CsvExporter::writeEvent(CsvWriter &csv, const SessionEvent &event)
{
    csv.seconds(event.t).field(event.kind);
    numberField(csv, event.fields, u"pid"_s);
    numberField(csv, event.fields, u"tid"_s);
    QJsonObject detail = event.fields;
    detail.remove(u"pid"_s);
    detail.remove(u"tid"_s);
    QByteArray json;
    if (!detail.isEmpty())
        SessionJsonWriter::appendObject(json, detail);
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
