#pragma once

#include "OutputTarget.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>

class QFileDevice;
class QIODevice;

class SessionReader;

// Turns a recorded session into another file. Each format is its own subclass (JsonlExporter, CsvExporter,
// HtmlReportExporter).
//
// Contract of exportTo(): reads the rest of `reader`'s events (call it right after SessionReader::open()) and
// writes `outputPath` — and, for formats that make several files, its companions — under OutputTarget's rules. A
// regular target (new or existing) is written through QSaveFile: either every file is complete and in place, or
// none is touched (a malformed line met half-way, a full disk, an unwritable folder); a new file gets the user's
// umask, a replaced one keeps its permissions. A character device or FIFO (/dev/null) is written in place and
// gets no companions. On failure errorString() says why; a reader error keeps its line number.
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

    // The session being exported: no output may be that file, whatever path reaches it (device and inode).
    void protectInput(const QString &inputPath) { m_input = OutputTarget::identityOf(inputPath); }
    // Checks every file exportTo(…, outputPath) would write: OutputTarget's rules, and not the protected input.
    // False with errorString() (one line) when one is refused; exportTo() makes the same checks.
    bool checkOutputs(const QString &outputPath);

    // Writes `bytes` made elsewhere (the lesson path's page) as one file under the same rules: whole or not at
    // all, a device or FIFO in place. False with errorString().
    bool writeDocument(const QString &outputPath, const QByteArray &bytes);

    // The formats create() knows, in the order the help lists them.
    static QStringList formats();
    // The exporter for a format name; null for an unknown name.
    static std::unique_ptr<SessionExporter> create(const QString &format);

protected:
    // The files written for `outputPath`, main file first; `companions` is false for a target written in place.
    virtual QStringList outputPaths(const QString &outputPath, bool companions) const;
    // The checked targets for outputPath, main file first, or false with errorString().
    bool targetsFor(const QString &outputPath, QList<OutputTarget> *targets);
    // A QSaveFile on the resolved path of a regular target, or the device or FIFO opened in place. Null and
    // errorString() on failure.
    std::unique_ptr<QFileDevice> openOutput(const OutputTarget &target);
    // Commits a QSaveFile, flushes a file written in place. False with errorString().
    bool finishOutput(QFileDevice *device, const OutputTarget &target);
    static void cancelOutput(QFileDevice *device);
    bool fail(const QString &message);
    // Writes `outputPath` (one file) under the rules above: what `write` produced appears whole, or nothing does
    // (a failed export never leaves half a file). Records the file in writtenFiles() on success.
    bool writeAtomically(const QString &outputPath, const std::function<bool(QIODevice *)> &write);
    // Moves the reader's error, if any, into errorString(). True when the reader ended cleanly.
    bool readerFinishedCleanly(const SessionReader &reader);

    QString m_error;
    QStringList m_written;
    OutputTarget::Identity m_input;
};
