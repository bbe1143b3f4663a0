// The replay path under hostile recordings: the fuzz corpus, the crafted headers of issue 15 and a bounded run of
// deterministic mutations go through what the window does with a recording (SessionReplay, the moments, the
// replay history of the charts and the timeline, the task rows, the core map), never only through the reader.
// No input may crash it; a refused one must say why.
#include "FuzzMutator.h"
#include "frame/FrameRowBuilder.h"
#include "replay/ReplayController.h"
#include "replay/ReplayHistory.h"
#include "session/SessionReplay.h"
#include "timeline/CoreMapWidget.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QTest>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {
QByteArray craftedHeader(const QByteArray &cores)
{
    return "{\"format\":\"proclab-session\",\"version\":1,\"start_unix\":1764057600.5,\"host\":\"h\",\"cores\":" + cores +
           ",\"kernel\":\"6.1\",\"experiment\":\"pc-threads\",\"parameters\":{}}\n"
           "{\"t\":0.2,\"kind\":\"cpu.sample\",\"cpus\":[{\"core\":0,\"busy\":0.5},{\"core\":1,\"busy\":0.2}]}\n"
           "{\"t\":0.3,\"kind\":\"task.sample\",\"pid\":10,\"tid\":10,\"state\":\"running\",\"running\":1,"
           "\"core\":1}\n";
}
} // namespace

class tst_ReplayFuzz : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void craftedHeaders_data();
    void craftedHeaders();
    void corpus();
    void mutations();

private:
    // Loads `bytes` and drives every part of the replay model; false when the reader refused them (with a reason).
    bool drive(const QByteArray &bytes, bool paint);

    QList<QByteArray> m_corpus;
};

void tst_ReplayFuzz::initTestCase()
{
    m_corpus = FuzzMutator::readCorpus({QStringLiteral(PROCLAB_SOURCE_DIR "/tests/fuzz/corpus"),
                                        QStringLiteral(PROCLAB_SOURCE_DIR "/tests/fixtures/sessions")});
    QVERIFY(m_corpus.size() > 20);
}

bool tst_ReplayFuzz::drive(const QByteArray &bytes, bool paint)
{
    QByteArray input = bytes;
    QBuffer buffer(&input);
    buffer.open(QIODevice::ReadOnly);
    SessionReplay replay;
    if (!replay.load(&buffer)) {
        if (replay.errorString().isEmpty())
            qFatal("a refusal without a reason");
        return false;
    }
    const int cores = replay.header().cores;
    const double end = replay.duration();
    CoreMapWidget map;
    map.resize(600, 200);
    map.setCoreCount(cores);
    if (map.coreCount() < 0 || map.coreCount() > CoreMapWidget::MaxLanes ||
        map.sizeHint().height() > CoreMapWidget::MaxHeight + 4)
        qFatal("the core map took a size from the file");
    for (const double t : {-1.0, 0.0, end / 3, end / 2, end, end + 5}) {
        const SessionMoment moment = replay.momentAt(t);
        const QList<TaskRow> rows = FrameRowBuilder::frameOf(moment, t).rows;
        const ReplayHistory window =
            ReplayHistory::window(replay, t - ReplayController::HistorySeconds, t, cores);
        ReplayHistory::samplesBetween(replay, 0, replay.eventsUntil(t), replay.momentAfter(0));
        map.setHistory(t, window.cores);
        map.addSample(t, rows);
        for (int core = -1; core <= map.coreCount(); ++core)
            map.threadAt(core, t);
    }
    if (paint)
        map.grab();
    return true;
}

void tst_ReplayFuzz::craftedHeaders_data()
{
    QTest::addColumn<QByteArray>("cores");
    QTest::addColumn<bool>("opens");
    QTest::newRow("-1") << QByteArray("-1") << false;
    QTest::newRow("2147483647") << QByteArray("2147483647") << false;
    QTest::newRow("100000") << QByteArray("100000") << false;
    QTest::newRow("1.5") << QByteArray("1.5") << false;
    QTest::newRow("text") << QByteArray("\"8\"") << false;
    QTest::newRow("1e400") << QByteArray("1e400") << false;
    QTest::newRow("4096") << QByteArray("4096") << true;
    QTest::newRow("8") << QByteArray("8") << true;
    QTest::newRow("0") << QByteArray("0") << true;
}

void tst_ReplayFuzz::craftedHeaders()
{
    QFETCH(QByteArray, cores);
    QFETCH(bool, opens);
    QByteArray input = craftedHeader(cores);
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    SessionReplay replay;
    QCOMPARE(replay.load(&buffer), opens);
    if (!opens) // 1e400 is not JSON at all; the others are refused for what "cores" says
        QVERIFY2(replay.errorString().contains(cores == "1e400" ? u"line 1"_s : u"\"cores\""_s),
                 qPrintable(replay.errorString()));
    QCOMPARE(drive(craftedHeader(cores), true), opens);
    // The widget on its own, whatever it is told.
    CoreMapWidget map;
    for (const int count : {-1, 0, 3, 100000, std::numeric_limits<int>::max(), std::numeric_limits<int>::min()}) {
        map.setCoreCount(count);
        QVERIFY(map.coreCount() >= 0 && map.coreCount() <= CoreMapWidget::MaxLanes);
        QVERIFY(map.sizeHint().height() <= CoreMapWidget::MaxHeight + 4);
        map.addSample(1, {});
        map.grab();
    }
}

void tst_ReplayFuzz::corpus()
{
    int opened = 0;
    for (const QByteArray &bytes : std::as_const(m_corpus))
        opened += drive(bytes, true) ? 1 : 0;
    QVERIFY(opened > 10);
}

void tst_ReplayFuzz::mutations()
{
    // Bounded: 100 000 inputs or 8 s, from a fixed seed (PROCLAB_FUZZ_SEED to try others).
    const quint32 seed = quint32(qEnvironmentVariableIntValue("PROCLAB_FUZZ_SEED")) + 1;
    FuzzMutator mutator(seed, m_corpus,
                        FuzzMutator::readDictionary(QStringLiteral(PROCLAB_SOURCE_DIR "/tests/fuzz/session.dict")));
    QElapsedTimer clock;
    clock.start();
    int done = 0;
    int opened = 0;
    for (; done < 100000 && clock.elapsed() < 8000; ++done)
        opened += drive(mutator.next(), done % 50 == 0) ? 1 : 0;
    qInfo("%d mutated recordings (seed %u), %d opened, in %.1f s", done, seed, opened,
          double(clock.elapsed()) / 1000);
    QVERIFY(opened > 0);
}

QTEST_MAIN(tst_ReplayFuzz)
#include "tst_replayfuzz.moc"
