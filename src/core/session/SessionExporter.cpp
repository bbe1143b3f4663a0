#include "SessionExporter.h"

#include "CsvExporter.h"
#include "HtmlReportExporter.h"
#include "JsonlExporter.h"
#include "SessionReader.h"

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

bool SessionExporter::writeAtomically(const QString &outputPath, const std::function<bool(QIODevice *)> &write)
{
    QSaveFile file(outputPath);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("cannot write %1: %2").arg(outputPath, file.errorString()));
    if (!write(&file)) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit())
        return fail(tr("cannot write %1: %2").arg(outputPath, file.errorString()));
    m_written = {outputPath};
    return true;
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
