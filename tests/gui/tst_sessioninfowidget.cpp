// The session tab's result line: observed, not observed, or inconclusive with the load and the figures — never
// "not observed" for a lesson the machine's other work left too few cores to show.
#include "window/SessionInfoWidget.h"

#include <QLabel>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_SessionInfoWidget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheVerdict_data();
    void showsTheVerdict();
};

void tst_SessionInfoWidget::showsTheVerdict_data()
{
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("text");
    const QString detail = u"2 CPU-bound workers without a shared lock used 0.48 core(s) together (of 2)."_s;
    QTest::newRow("observed") << int(PhenomenonVerdict::Outcome::Observed) << u"Observed: "_s + detail;
    QTest::newRow("not observed") << int(PhenomenonVerdict::Outcome::NotObserved) << u"Not observed: "_s + detail;
    QTest::newRow("inconclusive") << int(PhenomenonVerdict::Outcome::Inconclusive)
                                  << u"Inconclusive: other programs used 1.3 of 2 cores; this lesson needs 2 free "
                                     "cores. "_s + detail;
}

void tst_SessionInfoWidget::showsTheVerdict()
{
    QFETCH(int, outcome);
    QFETCH(QString, text);
    PhenomenonVerdict verdict;
    verdict.outcome = PhenomenonVerdict::Outcome(outcome);
    verdict.observed = verdict.outcome == PhenomenonVerdict::Outcome::Observed;
    verdict.detail = u"2 CPU-bound workers without a shared lock used 0.48 core(s) together (of 2)."_s;
    if (verdict.outcome == PhenomenonVerdict::Outcome::Inconclusive)
        verdict.loadNote = u"other programs used 1.3 of 2 cores; this lesson needs 2 free cores"_s;
    SessionInfoWidget widget;
    widget.showVerdict(verdict);
    auto *label = widget.findChild<QLabel *>(u"sessionVerdict"_s);
    QVERIFY(label);
    QCOMPARE(label->text(), text);
}

QTEST_MAIN(tst_SessionInfoWidget)
#include "tst_sessioninfowidget.moc"
