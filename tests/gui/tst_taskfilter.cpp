#include "tasks/TaskFilter.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_TaskFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void text_data();
    void text();
    void states();
    void bothMustAccept();
    void ownThreadsHiddenUnlessShown();
};

static TaskRow producer()
{
    TaskRow row;
    row.pid = 812;
    row.tid = 815;
    row.ppid = 0;
    row.name = u"producer-3"_s;
    row.role = u"producer"_s;
    row.state = TaskState::Blocked;
    row.reason = u"queue full"_s;
    return row;
}

void tst_TaskFilter::text_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("empty") << QString() << true;
    QTest::newRow("blanks") << u"   "_s << true;
    QTest::newRow("name") << u"producer"_s << true;
    QTest::newRow("name, other case") << u"PRODUCER-3"_s << true;
    QTest::newRow("reason") << u"full"_s << true;
    QTest::newRow("pid prefix") << u"81"_s << true;
    QTest::newRow("tid") << u"815"_s << true;
    QTest::newRow("pid is not a substring") << u"12"_s << false;
    QTest::newRow("two terms") << u"producer full"_s << true;
    QTest::newRow("one of two fails") << u"producer empty"_s << false;
    QTest::newRow("other name") << u"consumer"_s << false;
}

void tst_TaskFilter::text()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    TaskFilter filter;
    filter.setText(text);
    QCOMPARE(filter.accepts(producer()), accepted);
    QCOMPARE(filter.isActive(), !text.trimmed().isEmpty());
}

void tst_TaskFilter::states()
{
    TaskFilter filter;
    QVERIFY(filter.acceptsState(TaskState::Zombie));
    filter.setStateShown(TaskState::Zombie, true);
    QVERIFY(filter.isActive());
    QVERIFY(filter.acceptsState(TaskState::Zombie));
    QVERIFY(!filter.acceptsState(TaskState::Blocked));
    QVERIFY(!filter.accepts(producer()));
    filter.setStateShown(TaskState::Blocked, true);
    QVERIFY(filter.accepts(producer()));
    filter.setStateShown(TaskState::Blocked, false);
    filter.setStateShown(TaskState::Zombie, false);
    QVERIFY(!filter.isActive());
    QVERIFY(filter.accepts(producer()));
}

void tst_TaskFilter::bothMustAccept()
{
    TaskFilter filter;
    filter.setStates({TaskState::Blocked});
    filter.setText(u"consumer"_s);
    QVERIFY(!filter.accepts(producer()));
    filter.setText(u"producer"_s);
    QVERIFY(filter.accepts(producer()));
}

void tst_TaskFilter::ownThreadsHiddenUnlessShown()
{
    TaskRow control = producer();
    control.tid = control.pid;
    control.name = u"host-1"_s;
    control.labControl = true;
    TaskFilter filter;
    QVERIFY(!filter.ownThreadsShown());
    QVERIFY(!filter.isActive()); // the user's filter is empty; the rule holds anyway
    QVERIFY(!filter.accepts(control));
    QVERIFY(filter.accepts(producer()));
    filter.setOwnThreadsShown(true);
    QVERIFY(filter.accepts(control));
    filter.setText(u"consumer"_s);
    QVERIFY(!filter.accepts(control)); // shown, then filtered like any row
}

QTEST_APPLESS_MAIN(tst_TaskFilter)
#include "tst_taskfilter.moc"
