#include "SessionExporter.h"

#include "CsvExporter.h"
#include "HtmlReportExporter.h"
#include "JsonlExporter.h"
#include "SessionReader.h"

#include <QFile>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

SessionExporter::~SessionExporter() = default;

QStringList SessionExporter::formats()
{
    return {u"jsonl"_s, u"csv"_s, u"html"_s};
}

std::unique_ptr<SessionExporter> SessionExporter::create(const QString &format)
{
    if (format == u"jsonl"_s)
        return std::make_unique<JsonlExporter>();
    if (format == u"csv"_s)
        return std::make_unique<CsvExporter>();
    if (format == u"html"_s)
        return std::make_unique<HtmlReportExporter>();
    return nullptr;
}

QStringList SessionExporter::outputPaths(const QString &outputPath, bool) const
{
    return {outputPath};
}

bool SessionExporter::targetsFor(const QString &outputPath, QList<OutputTarget> *targets)
{
    const OutputTarget main = OutputTarget::inspect(outputPath);
    if (main.isRefused())
        return fail(main.error());
    targets->clear();
    for (const QString &path : outputPaths(outputPath, main.allowsCompanions())) {
        const OutputTarget target = targets->isEmpty() ? main : OutputTarget::inspect(path);
        if (target.isRefused())
            return fail(target.error());
        // Companions sit beside a regular file: a device or FIFO by one of their names is not written.
        if (!targets->isEmpty() && !target.allowsCompanions())
            return fail(tr("%1 is not a regular file; the tables beside %2 must be").arg(path, outputPath));
        if (target.identity() == m_input)
            return fail(path == outputPath
                            ? tr("%1 is the session file itself; choose another output").arg(path)
                            : tr("%1, written beside %2, is the session file itself; choose another output")
                                  .arg(path, outputPath));
        targets->append(target);
    }
    return true;
}

bool SessionExporter::checkOutputs(const QString &outputPath)
{
    QList<OutputTarget> targets;
    return targetsFor(outputPath, &targets);
}

std::unique_ptr<QFileDevice> SessionExporter::openOutput(const OutputTarget &target)
{
    if (target.kind() == OutputTarget::Kind::InPlace) {
        QString error;
        const int fd = target.openInPlace(&error);
        auto file = std::make_unique<QFile>();
        if (fd < 0 || !file->open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
            fail(fd < 0 ? error : tr("cannot write %1: %2").arg(target.path(), file->errorString()));
            return nullptr;
        }
        return file;
    }
    // The resolved path: QSaveFile renames over it, so a link the user made to their file stays a link.
    auto file = std::make_unique<QSaveFile>(target.resolvedPath());
    if (!file->open(QIODevice::WriteOnly)) {
        fail(tr("cannot write %1: %2").arg(target.path(), file->errorString()));
        return nullptr;
    }
    return file;
}

bool SessionExporter::finishOutput(QFileDevice *device, const OutputTarget &target)
{
    bool ok = false;
    if (auto *save = qobject_cast<QSaveFile *>(device))
        ok = save->commit();
    else {
        ok = device->flush() && device->error() == QFileDevice::NoError;
        device->close();
    }
    if (!ok)
        return fail(tr("cannot write %1: %2").arg(target.path(), device->errorString()));
    return true;
}

void SessionExporter::cancelOutput(QFileDevice *device)
{
    if (auto *save = qobject_cast<QSaveFile *>(device))
        save->cancelWriting();
    else
        device->close();
}

bool SessionExporter::writeAtomically(const QString &outputPath, const std::function<bool(QIODevice *)> &write)
{
    QList<OutputTarget> targets;
    if (!targetsFor(outputPath, &targets))
        return false;
    std::unique_ptr<QFileDevice> file = openOutput(targets.first());
    if (!file)
        return false;
    if (!write(file.get())) {
        cancelOutput(file.get());
        return false;
    }
    if (!finishOutput(file.get(), targets.first()))
        return false;
    m_written = {outputPath};
    return true;
}

bool SessionExporter::writeDocument(const QString &outputPath, const QByteArray &bytes)
{
    return writeAtomically(outputPath, [&](QIODevice *out) {
        return out->write(bytes) == bytes.size() || fail(tr("cannot write %1: %2").arg(outputPath, out->errorString()));
    });
}

bool SessionExporter::fail(const QString &message)
{
    m_error = message;
    m_written.clear();
    return false;
}

bool SessionExporter::readerFinishedCleanly(const SessionReader &reader)
{
    if (reader.hasError())
        return fail(reader.errorString());
    return true;
}
