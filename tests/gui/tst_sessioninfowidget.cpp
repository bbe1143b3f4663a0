// The session tab's result line: observed, not observed, or inconclusive with the load and the figures — never
// "not observed" for a lesson the machine's other work left too few cores to show.
#include "window/SessionInfoWidget.h"

#include <QLabel>
#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QLocale>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_SessionInfoWidget : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheVerdict_data();
    void showsTheVerdict();
    void labelsEveryValue();
    void startTimeFollowsTheWindowsLanguage();
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

// Every value has its name beside it ("Sampling interval:", not a bare "100 ms").
void tst_SessionInfoWidget::labelsEveryValue()
{
    SessionInfoWidget widget;
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    const QStringList names = {u"Experiment:"_s, u"Parameters:"_s, u"Started:"_s, u"Session file:"_s,
                               u"Sampling interval:"_s, u"Cores:"_s, u"Phenomenon:"_s};
    for (int row = 0; row < names.size(); ++row)
        QCOMPARE(widget.nameOf(row), names.at(row));
    // Each name in the form's label column, beside its value.
    auto *form = qobject_cast<QFormLayout *>(widget.layout());
    QVERIFY(form);
    QCOMPARE(form->rowCount(), int(names.size()));
    for (int row = 0; row < names.size(); ++row) {
        QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
        auto *label = item ? qobject_cast<QLabel *>(item->widget()) : nullptr;
        QVERIFY2(label, qPrintable(names.at(row)));
        QCOMPARE(label->text(), names.at(row));
        QVERIFY(label->isVisible());
    }
}

// The start time is written in the default locale (the window's language), and again when it changes.
void tst_SessionInfoWidget::startTimeFollowsTheWindowsLanguage()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    SessionInfoWidget widget;
    widget.showStarted(u"Race (race)"_s, ParameterValues(), QString(), 100, 2);
    const QString english = widget.startedText();
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&widget, &change);
    const QString chinese = widget.startedText();
    QLocale::setDefault(before);
    QVERIFY2(english != chinese, qPrintable(english + u" / "_s + chinese));
    QCOMPARE(chinese, QLocale(QLocale::Chinese, QLocale::China).toString(QLocale(QLocale::Chinese, QLocale::China)
        .toDateTime(chinese, QLocale::ShortFormat), QLocale::ShortFormat));
}

QTEST_MAIN(tst_SessionInfoWidget)
#include "tst_sessioninfowidget.moc"
