#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

// One of a program's output pipes (stdout or stderr), read as it arrives on the owner's thread.
//
// Hands every chunk on unchanged (for the terminal: a prompt without a newline shows at once) and every whole
// line (for the session: invalid UTF-8 becomes U+FFFD; a line longer than MaxLineBytes is cut into pieces so one
// runaway line cannot eat memory). Owns and closes the read end.
class ProgramOutput : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype MaxLineBytes = 16 * 1024;
    // Buffers of 16 KiB read per wake-up of the event loop (see readAvailable()).
    static constexpr int MaxReadsPerWakeup = 16;

    // fd: a non-blocking read end, taken over. stream: "stdout" or "stderr".
    ProgramOutput(int fd, const QString &stream, QObject *parent = nullptr);
    ~ProgramOutput() override;

    QString stream() const { return m_stream; }
    bool atEnd() const { return m_fd < 0; }
    // Reads whatever is left without waiting and hands out a last partial line; the pipe may still be held open
    // by a process outside the tree, so this never blocks.
    void drain();

Q_SIGNALS:
    void chunk(const QByteArray &bytes);
    void line(const QString &text);

private:
    void onReadable();
    // false at end of file or on an error other than EAGAIN.
    bool readAvailable();
    void splitLines(bool flushPartial);
    void closeFd();

    int m_fd = -1;
    QString m_stream;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_pending;
};
