// RepeatedErrors: the same kernel refusal again and again is shown once and then counted; other errors are
// always shown.
#include "control/RepeatedErrors.h"

#include <QTest>

#include <cerrno>

using namespace Qt::Literals::StringLiterals;

class tst_RepeatedErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameRefusalIsCounted();
    void errorsWithoutErrnoAreAlwaysShown();
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

void tst_RepeatedErrors::errorsWithoutErrnoAreAlwaysShown()
{
    RepeatedErrors errors;
    QVERIFY(errors.admit(u"spawn"_s, 0, u"cap reached"_s));
    QVERIFY(errors.admit(u"spawn"_s, 0, u"cap reached"_s));
    QVERIFY(!errors.summary());
}

QTEST_APPLESS_MAIN(tst_RepeatedErrors)
#include "tst_repeatederrors.moc"
