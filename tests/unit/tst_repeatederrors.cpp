// RepeatedErrors: the same kernel refusal again and again is shown once and then counted; ProcLab's own errors
// count as repeats only word for word.
#include "control/RepeatedErrors.h"

#include <QTest>

#include <cerrno>

using namespace Qt::Literals::StringLiterals;

class tst_RepeatedErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameRefusalIsCounted();
    void ownErrorsRepeatOnlyWordForWord();
};

void tst_RepeatedErrors::sameRefusalIsCounted()
{
    RepeatedErrors errors;
    QVERIFY(errors.admit(u"thread"_s, EAGAIN, u"Process 1 could not start a producer thread"_s));
    int shown = 1;
    for (int i = 0; i < 475; ++i)
        shown += errors.admit(u"thread"_s, EAGAIN, u"Process %1 could not start a producer thread"_s.arg(i)) ? 1 : 0;
    QCOMPARE(shown, 1);
    QCOMPARE(errors.pending(), 475);
    const std::optional<SessionEvent> summary = errors.summary();
    QVERIFY(summary);
    QCOMPARE(summary->kind, u"error"_s);
    QCOMPARE(summary->fields.value(u"repeated"_s).toInt(), 475);
    QCOMPARE(summary->fields.value(u"errno_name"_s).toString(), u"EAGAIN"_s);
    QVERIFY(summary->fields.value(u"message"_s).toString().contains(u"Process 474"_s));
    QCOMPARE(errors.pending(), 0);
    QVERIFY(!errors.summary());
    // Still the same error after the summary: counted again.
    QVERIFY(!errors.admit(u"thread"_s, EAGAIN, u"again"_s));
    // Another errno or another action is news.
    QVERIFY(errors.admit(u"thread"_s, EMFILE, u"out of files"_s));
    QVERIFY(errors.admit(u"fork"_s, EMFILE, u"out of files"_s));
}

void tst_RepeatedErrors::ownErrorsRepeatOnlyWordForWord()
{
    // Without an errno only the very same words are a repeat (orphan at 16 × 16: the cap, 16 times).
    RepeatedErrors errors;
    QVERIFY(errors.admit(u"fork"_s, 0, u"cap of 256 reached"_s));
    for (int i = 0; i < 15; ++i)
        QVERIFY(!errors.admit(u"fork"_s, 0, u"cap of 256 reached"_s));
    QCOMPARE(errors.summary()->fields.value(u"repeated"_s).toInt(), 15);
    QVERIFY(errors.admit(u"fork"_s, 0, u"Process 12 is not a running lab process"_s));
    QVERIFY(errors.admit(u"fork"_s, 0, u"Process 13 is not a running lab process"_s));
    QVERIFY(!errors.summary());
}

QTEST_APPLESS_MAIN(tst_RepeatedErrors)
#include "tst_repeatederrors.moc"
