// The learner's journal (LessonJournal) and the lesson path over it (LessonPath, LessonPathReport): attempts go in
// and come back, the file is the user's only (0600) and bounded, a planted link is refused and left alone, lines
// that are not attempts are skipped and counted; every experiment of the catalogue is on the path exactly once;
// the progress, the outcomes and the page follow the attempts.
#include "experiments/ExperimentCatalogue.h"
#include "experiments/LessonPath.h"
#include "experiments/LessonPathReport.h"
#include "experiments/PredictionReveal.h"
#include "session/LessonJournal.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

class tst_LessonJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void attemptsComeBack();
    void fileIsPrivate();
    void plantedLinkIsRefused();
    void badLinesAreSkippedAndCounted();
    void journalStaysBounded();
    void everyExperimentIsOnThePathOnce();
    void progressFollowsTheAttempts();
    void pageEscapesWhatItShows();
};

namespace {
LessonAttempt attempt(const QString &experiment, int predicted, int answer, qint64 when = 1764057600)
{
    LessonAttempt a;
    a.when = when;
    a.experiment = experiment;
    a.predicted = predicted;
    a.answer = answer;
    a.verdict = answer >= 0 ? u"observed"_s : u"inconclusive"_s;
    a.detail = u"lost 1 of 2"_s;
    return a;
}
} // namespace

void tst_LessonJournal::attemptsComeBack()
{
    QTemporaryDir dir;
    LessonJournal journal(dir.path() + u"/sub/lesson-journal.jsonl"_s);
    QString error;
    QVERIFY2(journal.append(attempt(u"race"_s, 1, 1), &error), qPrintable(error));
    LessonAttempt second = attempt(u"deadlock"_s, -1, 0, 1764057700);
    second.session = dir.path() + u"/s.jsonl"_s;
    QVERIFY(journal.append(second, &error));
    int skipped = -1;
    const QList<LessonAttempt> read = journal.attempts(&skipped);
    QCOMPARE(skipped, 0);
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(0).experiment, u"race"_s);
    QVERIFY(read.at(0).right());
    QCOMPARE(read.at(1).experiment, u"deadlock"_s);
    QVERIFY(!read.at(1).predictionMade());
    QVERIFY(!read.at(1).right());
    QCOMPARE(read.at(1).session, second.session);
    // An absent journal is empty, not an error.
    QString readError;
    QVERIFY(LessonJournal(dir.path() + u"/none.jsonl"_s).attempts(nullptr, &readError).isEmpty());
    QVERIFY(readError.isEmpty());
}

void tst_LessonJournal::fileIsPrivate()
{
    QTemporaryDir dir;
    const QString path = dir.path() + u"/journal.jsonl"_s;
    const mode_t old = ::umask(0);
    QVERIFY(LessonJournal(path).append(attempt(u"race"_s, 0, 1), nullptr));
    ::umask(old);
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
}

void tst_LessonJournal::plantedLinkIsRefused()
{
    QTemporaryDir dir;
    const QString target = dir.path() + u"/elsewhere.txt"_s;
    {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("someone's file\n");
    }
    const QString path = dir.path() + u"/journal.jsonl"_s;
    QVERIFY(QFile::link(target, path));
    QString error;
    QVERIFY(!LessonJournal(path).append(attempt(u"race"_s, 0, 1), &error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("someone's file\n")); // not written through the link
    QString readError;
    QVERIFY(LessonJournal(path).attempts(nullptr, &readError).isEmpty());
    QVERIFY(!readError.isEmpty());
}

void tst_LessonJournal::badLinesAreSkippedAndCounted()
{
    QTemporaryDir dir;
    const QString path = dir.path() + u"/journal.jsonl"_s;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(attempt(u"race"_s, 1, 1).toJson()).toJson(QJsonDocument::Compact) + '\n');
        file.write("garbage\n");
        file.write("[1,2,3]\n");
        file.write("{\"when\":1,\"experiment\":\"../../etc\",\"predicted\":0,\"answer\":0,\"verdict\":\"observed\"}\n");
        file.write("{\"when\":1,\"experiment\":\"race\",\"predicted\":12,\"answer\":0,\"verdict\":\"observed\"}\n");
        file.write("{\"when\":1,\"experiment\":\"race\",\"predicted\":0.5,\"answer\":0,\"verdict\":\"observed\"}\n");
        file.write("{\"when\":1,\"experiment\":\"race\",\"predicted\":0,\"answer\":0,\"verdict\":\"maybe\"}\n");
        file.write("{\"when\":1,\"experiment\":\"race\",\"predicted\":0,\"answer\":0,\"verdict\":\"observed\",\"detail\":\""
                   + QByteArray(3000, 'x') + "\"}\n");
        file.write("\n");
    }
    int skipped = 0;
    const QList<LessonAttempt> read = LessonJournal(path).attempts(&skipped);
    QCOMPARE(read.size(), 1);
    QCOMPARE(skipped, 7);
}

void tst_LessonJournal::journalStaysBounded()
{
    QTemporaryDir dir;
    const QString path = dir.path() + u"/journal.jsonl"_s;
    LessonJournal journal(path);
    LessonAttempt big = attempt(u"race"_s, 1, 1);
    big.detail = QString(1500, u'd');
    // Well past MaxBytes: about 1.6 KiB a line.
    const int lines = int(LessonJournal::MaxBytes / 1500) + 200;
    for (int i = 0; i < lines; ++i) {
        big.when = 1764057600 + i;
        QVERIFY(journal.append(big, nullptr));
    }
    QVERIFY2(QFileInfo(path).size() <= LessonJournal::MaxBytes + 4096,
             qPrintable(QString::number(QFileInfo(path).size())));
    const QList<LessonAttempt> read = journal.attempts();
    QVERIFY(!read.isEmpty());
    QVERIFY(read.size() <= LessonJournal::KeepAttempts);
    QCOMPARE(read.last().when, 1764057600 + lines - 1); // the newest is kept
    QVERIFY(!QFile::exists(path + u".new"_s));
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600));
}

void tst_LessonJournal::everyExperimentIsOnThePathOnce()
{
    QStringList path = LessonPath::order();
    QStringList catalogue = ExperimentCatalogue::ids();
    QCOMPARE(path.size(), catalogue.size());
    path.sort();
    catalogue.sort();
    QCOMPARE(path, catalogue);
    for (const LessonPath::Stage &stage : LessonPath::stages()) {
        QVERIFY(!stage.title.isEmpty());
        QVERIFY(!stage.idea.isEmpty());
        QVERIFY(!stage.experiments.isEmpty());
    }
    QCOMPARE(LessonPath::stageOf(u"orphan"_s), 1);
    QCOMPARE(LessonPath::stageOf(u"nothing"_s), 0);
}

void tst_LessonJournal::progressFollowsTheAttempts()
{
    const QList<LessonPathReport::Step> none = LessonPathReport::progress({});
    QCOMPARE(none.size(), LessonPath::order().size());
    QCOMPARE(LessonPathReport::outcomeOf(none.first()), u"not_run"_s);

    const QList<LessonAttempt> attempts = {attempt(u"race"_s, 0, 1, 100), attempt(u"race"_s, 1, 1, 200),
                                           attempt(u"zombie"_s, -1, 0, 150), attempt(u"pool"_s, 2, -1, 160),
                                           attempt(u"deadlock"_s, 0, 1, 170)};
    const QList<LessonPathReport::Step> steps = LessonPathReport::progress(attempts);
    const auto step = [&](const QString &id) {
        for (const LessonPathReport::Step &s : steps)
            if (s.experiment == id)
                return s;
        return LessonPathReport::Step();
    };
    QCOMPARE(step(u"race"_s).runs, 2);
    QCOMPARE(step(u"race"_s).right, 1);
    QCOMPARE(step(u"race"_s).last->when, 200);
    QCOMPARE(LessonPathReport::outcomeOf(step(u"race"_s)), u"right"_s);
    QCOMPARE(LessonPathReport::outcomeOf(step(u"deadlock"_s)), u"wrong"_s);
    QCOMPARE(LessonPathReport::outcomeOf(step(u"zombie"_s)), u"skipped"_s);
    QCOMPARE(LessonPathReport::outcomeOf(step(u"pool"_s)), u"inconclusive"_s);
    QCOMPARE(LessonPathReport::outcomeOf(step(u"orphan"_s)), u"not_run"_s);
    // The steps come in path order.
    QStringList order;
    for (const LessonPathReport::Step &s : steps)
        order << s.experiment;
    QCOMPARE(order, LessonPath::order());
    // The sentence names both choices, and says whether the figures proved the prediction.
    const QStringList choices = step(u"race"_s).choices;
    const QJsonObject lost{{u"verdict"_s, u"observed"_s}, {u"answer"_s, 1}, {u"answer_text"_s, choices.at(1)}};
    QCOMPARE(PredictionReveal::outcomeOf(lost, 0), PredictionReveal::Outcome::Wrong);
    QCOMPARE(PredictionReveal::outcomeOf(lost, 1), PredictionReveal::Outcome::Right);
    QCOMPARE(PredictionReveal::outcomeOf(lost, -1), PredictionReveal::Outcome::NotPredicted);
    QVERIFY(PredictionReveal::sentence(lost, 0, choices.at(0)).contains(choices.at(1)));
    QVERIFY(PredictionReveal::sentence(lost, 0, choices.at(0)).contains(choices.at(0)));
    const QJsonObject loaded{{u"verdict"_s, u"inconclusive"_s}, {u"load"_s, u"other programs used 2 of 2 cores"_s}};
    QCOMPARE(PredictionReveal::outcomeOf(loaded, 1), PredictionReveal::Outcome::Inconclusive);
    QVERIFY(PredictionReveal::sentence(loaded, 1, choices.at(1)).contains(u"other programs"_s));
    QVERIFY(PredictionReveal::sentence(QJsonObject{{u"verdict"_s, u"not_observed"_s}}, -1, {}).isEmpty());
}

void tst_LessonJournal::pageEscapesWhatItShows()
{
    LessonAttempt hostile = attempt(u"race"_s, 1, 1);
    hostile.detail = u"<img src=x onerror=alert(1)>"_s;
    const QString page = LessonPathReport::html(LessonPathReport::progress({hostile}), u"<script>x</script>"_s,
                                                QDateTime::fromSecsSinceEpoch(1764057600));
    QVERIFY(!page.contains(u"<script>"_s));
    QVERIFY(!page.contains(u"<img"_s));
    QVERIFY(page.contains(u"&lt;script&gt;"_s));
    QVERIFY(page.startsWith(u"<!DOCTYPE html>"_s));
    QVERIFY(!page.contains(u"src=\"http"_s));
}

QTEST_MAIN(tst_LessonJournal)
#include "tst_lessonjournal.moc"
