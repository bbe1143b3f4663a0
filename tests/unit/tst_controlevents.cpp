// The process-control events carry the fields docs/session-format.md lists, with the right JSON types.
#include "control/ControlEvents.h"

#include <QTest>

#include <cerrno>
#include <csignal>

using namespace Qt::Literals::StringLiterals;

class tst_ControlEvents : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fields_data();
    void fields();
    void signalNames_data();
    void signalNames();
};

void tst_ControlEvents::fields_data()
{
    QTest::addColumn<SessionEvent>("event");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonObject>("expected");
    ProcessExit exited;
    exited.code = 3;
    ProcessExit killed;
    killed.signalled = true;
    killed.signal = SIGKILL;
    LabThreadInfo thread{812, u"producer"_s, u"producer-3"_s};
    QTest::newRow("spawn") << ControlEvents::processSpawn(10, 1, u"host"_s, u"host-1"_s, 10) << u"process.spawn"_s
                           << QJsonObject{{u"pid"_s, 10}, {u"ppid"_s, 1}, {u"role"_s, u"host"_s},
                                          {u"name"_s, u"host-1"_s}, {u"pgid"_s, 10}};
    QTest::newRow("exit code") << ControlEvents::processExit(10, exited) << u"process.exit"_s
                               << QJsonObject{{u"pid"_s, 10}, {u"code"_s, 3}};
    QTest::newRow("exit signal") << ControlEvents::processExit(10, killed) << u"process.exit"_s
                                 << QJsonObject{{u"pid"_s, 10}, {u"signal"_s, 9}, {u"signal_name"_s, u"SIGKILL"_s}};
    QTest::newRow("zombie") << ControlEvents::processZombie(10, 1) << u"process.zombie"_s
                            << QJsonObject{{u"pid"_s, 10}, {u"ppid"_s, 1}};
    QTest::newRow("reap") << ControlEvents::processReap(10) << u"process.reap"_s << QJsonObject{{u"pid"_s, 10}};
    QTest::newRow("reap by parent") << ControlEvents::processReap(11, 10) << u"process.reap"_s
                                    << QJsonObject{{u"pid"_s, 11}, {u"by"_s, 10}};
    QTest::newRow("reparent") << ControlEvents::processReparent(11, 10, 1) << u"process.reparent"_s
                              << QJsonObject{{u"pid"_s, 11}, {u"from"_s, 10}, {u"to"_s, 1}};
    QTest::newRow("thread start") << ControlEvents::threadStart(10, thread) << u"thread.start"_s
                                  << QJsonObject{{u"pid"_s, 10}, {u"tid"_s, 812}, {u"role"_s, u"producer"_s},
                                                 {u"name"_s, u"producer-3"_s}};
    QTest::newRow("thread exit") << ControlEvents::threadExit(10, thread) << u"thread.exit"_s
                                 << QJsonObject{{u"pid"_s, 10}, {u"tid"_s, 812}, {u"role"_s, u"producer"_s}};
    QTest::newRow("signal") << ControlEvents::signalSent(10, SIGSTOP) << u"signal.sent"_s
                            << QJsonObject{{u"pid"_s, 10}, {u"signal"_s, SIGSTOP}, {u"signal_name"_s, u"SIGSTOP"_s}};
    QTest::newRow("error") << ControlEvents::error(u"spawn"_s, u"no"_s, EAGAIN) << u"error"_s
                           << QJsonObject{{u"what"_s, u"spawn"_s}, {u"message"_s, u"no"_s}, {u"errno"_s, EAGAIN},
                                          {u"errno_name"_s, u"EAGAIN"_s}};
    QTest::newRow("error without errno") << ControlEvents::error(u"reap"_s, u"no"_s) << u"error"_s
                                         << QJsonObject{{u"what"_s, u"reap"_s}, {u"message"_s, u"no"_s}};
}

void tst_ControlEvents::fields()
{
    QFETCH(SessionEvent, event);
    QFETCH(QString, kind);
    QFETCH(QJsonObject, expected);
    QCOMPARE(event.kind, kind);
    QCOMPARE(event.fields, expected);
    // PIDs and TIDs are JSON integers in the line.
    const QByteArray line = event.toJsonLine();
    QVERIFY2(!line.contains(".0"), line.constData());
}

void tst_ControlEvents::signalNames_data()
{
    QTest::addColumn<int>("signal");
    QTest::addColumn<QString>("name");
    QTest::newRow("TERM") << int(SIGTERM) << u"SIGTERM"_s;
    QTest::newRow("KILL") << int(SIGKILL) << u"SIGKILL"_s;
    QTest::newRow("INT") << int(SIGINT) << u"SIGINT"_s;
    QTest::newRow("CONT") << int(SIGCONT) << u"SIGCONT"_s;
    QTest::newRow("RTMIN") << int(SIGRTMIN) << u"SIGRTMIN"_s;
    QTest::newRow("RTMIN+2") << int(SIGRTMIN + 2) << u"SIGRTMIN+2"_s;
}

void tst_ControlEvents::signalNames()
{
    QFETCH(int, signal);
    QFETCH(QString, name);
    QCOMPARE(ControlEvents::signalName(signal), name);
}

QTEST_APPLESS_MAIN(tst_ControlEvents)
#include "tst_controlevents.moc"
