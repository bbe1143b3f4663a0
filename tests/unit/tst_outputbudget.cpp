// OutputBudget: how much of a program's output a session records — RateLines a second, SizeChars in all — and the
// output.dropped events that count the rest.
#include "control/OutputBudget.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_OutputBudget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quietProgramLosesNothing();
    void rateCapDropsAndCounts();
    void sizeCapHoldsForTheRest();
};

void tst_OutputBudget::quietProgramLosesNothing()
{
    OutputBudget budget;
    for (int i = 0; i < 10 * 100; ++i)
        QVERIFY(budget.admit(i / 100.0, 40)); // 100 lines a second for 10 s
    QCOMPARE(budget.droppedLines(), 0);
    QVERIFY(!budget.report(10, true));
}

void tst_OutputBudget::rateCapDropsAndCounts()
{
    OutputBudget budget;
    int admitted = 0;
    QList<SessionEvent> reports;
    // 3 s of a flood: 10 000 lines a second.
    for (int i = 0; i < 30000; ++i) {
        const double t = i / 10000.0;
        if (budget.admit(t, 1))
            ++admitted;
        else if (std::optional<SessionEvent> report = budget.report(t))
            reports << *report;
    }
    QCOMPARE(admitted, 3 * OutputBudget::RateLines);
    QCOMPARE(budget.droppedLines(), 30000 - 3 * OutputBudget::RateLines);
    // The first drop is reported at once, then at most once a second.
    QVERIFY2(reports.size() >= 2 && reports.size() <= 4, qPrintable(QString::number(reports.size())));
    for (qsizetype i = 1; i < reports.size(); ++i)
        QVERIFY(reports.at(i).t - reports.at(i - 1).t >= 1.0);
    const std::optional<SessionEvent> last = budget.report(3.0, true);
    QVERIFY(last);
    qint64 counted = 0;
    for (const SessionEvent &report : reports + QList<SessionEvent>{*last}) {
        QCOMPARE(report.kind, u"output.dropped"_s);
        QCOMPARE(report.fields.value(u"cap"_s).toString(), u"rate"_s);
        counted += report.fields.value(u"lines"_s).toInteger();
    }
    QCOMPARE(counted, budget.droppedLines());
    QCOMPARE(last->fields.value(u"total_lines"_s).toInteger(), budget.droppedLines());
    QVERIFY(!budget.report(3.5, true)); // nothing new to say
}

void tst_OutputBudget::sizeCapHoldsForTheRest()
{
    OutputBudget budget;
    const qint64 line = 1024 * 1024; // 1 Mi characters a line, one line a second: under the rate cap
    int admitted = 0;
    for (int i = 0; i < 100; ++i)
        admitted += budget.admit(i, line) ? 1 : 0;
    QCOMPARE(admitted, int(OutputBudget::SizeChars / line));
    QVERIFY(budget.recordedChars() <= OutputBudget::SizeChars);
    QVERIFY(!budget.admit(200, 1)); // once full, even a short line later is dropped
    const std::optional<SessionEvent> report = budget.report(200, true);
    QVERIFY(report);
    QCOMPARE(report->fields.value(u"cap"_s).toString(), u"size"_s);
}

QTEST_APPLESS_MAIN(tst_OutputBudget)
#include "tst_outputbudget.moc"
