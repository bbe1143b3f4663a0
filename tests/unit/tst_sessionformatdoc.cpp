// docs/session-format.md: every example line is one the reader accepts, and every kind listed below has one.
#include "session/SessionReader.h"

#include <QBuffer>
#include <QFile>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_SessionFormatDoc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void examplesReadBack();
};

void tst_SessionFormatDoc::examplesReadBack()
{
    QFile doc(QStringLiteral(PROCLAB_FIXTURES_DIR "/../../docs/session-format.md"));
    QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
    QByteArray header;
    QByteArray events;
    bool inJson = false;
    for (const QByteArray &line : doc.readAll().split('\n')) {
        if (line.startsWith("```")) {
            inJson = line == "```json";
            continue;
        }
        if (!inJson)
            continue;
        if (line.startsWith("{\"format\""))
            header = line + '\n';
        else
            events += line + '\n';
    }
    QVERIFY(!header.isEmpty());
    QByteArray session = header + events;
    QBuffer buffer(&session);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    SessionReader reader;
    QVERIFY2(reader.open(&buffer), qPrintable(reader.errorString()));
    QSet<QString> kinds;
    SessionEvent event;
    while (reader.next(&event))
        kinds.insert(event.kind);
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    const QStringList named = {u"experiment.start"_s,
                               u"experiment.stop"_s,
                               u"process.spawn"_s,
                               u"process.exit"_s,
                               u"process.zombie"_s,
                               u"process.reap"_s,
                               u"process.reparent"_s,
                               u"process.role"_s,
                               u"thread.start"_s,
                               u"thread.exit"_s,
                               u"signal.sent"_s,
                               u"task.state"_s,
                               u"queue.sample"_s,
                               u"cpu.sample"_s,
                               u"task.sample"_s,
                               u"deadlock.detected"_s,
                               u"lock.owner_dead"_s,
                               u"lock_order.inversion"_s,
                               u"deadlock.resolved"_s,
                               u"phenomenon"_s,
                               u"output"_s,
                               u"error"_s};
    for (const QString &kind : named)
        QVERIFY2(kinds.contains(kind), qPrintable(u"no example of "_s + kind));
}

QTEST_APPLESS_MAIN(tst_SessionFormatDoc)
#include "tst_sessionformatdoc.moc"
