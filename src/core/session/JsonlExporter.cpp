#include "JsonlExporter.h"

#include "SessionJsonWriter.h"
#include "SessionReader.h"


using namespace Qt::Literals::StringLiterals;

QString JsonlExporter::format() const
{
    return u"jsonl"_s;
}

bool JsonlExporter::exportTo(SessionReader &reader, const QString &outputPath)
{
    return writeAtomically(outputPath, [&](QIODevice *out) { return write(reader, out); });
}

bool JsonlExporter::write(SessionReader &reader, QIODevice *out)
{
    QByteArray buffer = reader.header().toJsonLine() + '\n';
    SessionEvent event;
    while (reader.next(&event)) {
        SessionJsonWriter::appendEventLine(buffer, event);
        if (buffer.size() >= (1 << 16)) {
            if (out->write(buffer) != buffer.size())
                return fail(tr("cannot write: %1").arg(out->errorString()));
            buffer.clear();
        }
    }
    if (!readerFinishedCleanly(reader))
        return false;
    if (out->write(buffer) != buffer.size())
        return fail(tr("cannot write: %1").arg(out->errorString()));
    return true;
}
