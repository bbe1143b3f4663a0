#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM into a Qt signal on the thread that created it (a self-pipe: the handler only
// write()s one byte, which is async-signal-safe), so `proclab run` and `exec` stop cleanly on Ctrl+C.
// One instance at a time; the previous handlers come back on destruction.
class StopSignals : public QObject
{
    Q_OBJECT
public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

Q_SIGNALS:
    void received(int signal);

private:
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};
