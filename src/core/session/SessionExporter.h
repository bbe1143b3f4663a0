#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>

class QIODevice;

class SessionReader;

// Turns a recorded session into another file. Each format is its own subclass (JsonlExporter, CsvExporter,
// HtmlReportExporter).
//
// Contract of exportTo(): reads the rest of `reader`'s events (call it right after SessionReader::open()) and
// writes `outputPath` — and, for formats that make several files, its companions — through QSaveFile: either every
// file is complete and in place, or none is touched (a malformed line met half-way, a full disk, an unwritable
// folder). On failure errorString() says why; a reader error keeps its line number.
class SessionExporter
{
    Q_DECLARE_TR_FUNCTIONS(SessionExporter)
public:
    virtual ~SessionExporter();

    // The name given to --format.
    virtual QString format() const = 0;
    virtual bool exportTo(SessionReader &reader, const QString &outputPath) = 0;

    QString errorString() const { return m_error; }
    // The files written by the last successful exportTo(), main file first.
    QStringList writtenFiles() const { return m_written; }

    // The formats create() knows, in the order the help lists them.
    static QStringList formats();
    // The exporter for a format name; null for an unknown name.
    static std::unique_ptr<SessionExporter> create(const QString &format);

protected:
    bool fail(const QString &message);
    // Writes `outputPath` through a QSaveFile: what `write` produced appears whole, or nothing does (a failed
    // export never leaves half a file). Records the file in writtenFiles() on success.
    bool writeAtomically(const QString &outputPath, const std::function<bool(QIODevice *)> &write);
    // Moves the reader's error, if any, into errorString(). True when the reader ended cleanly.
    bool readerFinishedCleanly(const SessionReader &reader);

    QString m_error;
    QStringList m_written;
};
