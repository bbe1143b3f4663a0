// TaskStateName: the stable lower-case names and their inverse.
#include "probe/TaskStateName.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_TaskStateName : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names_data();
    void names();
    void roundTrip();
    void rejects_data();
    void rejects();
};

void tst_TaskStateName::names_data()
{
    QTest::addColumn<TaskState>("state");
    QTest::addColumn<QString>("name");
    QTest::newRow("new") << TaskState::New << u"new"_s;
    QTest::newRow("running") << TaskState::Running << u"running"_s;
    QTest::newRow("ready") << TaskState::Ready << u"ready"_s;
    QTest::newRow("blocked") << TaskState::Blocked << u"blocked"_s;
    QTest::newRow("stopped") << TaskState::Stopped << u"stopped"_s;
    QTest::newRow("zombie") << TaskState::Zombie << u"zombie"_s;
    QTest::newRow("terminated") << TaskState::Terminated << u"terminated"_s;
}

void tst_TaskStateName::names()
{
    QFETCH(TaskState, state);
    QFETCH(QString, name);
    QCOMPARE(TaskStateName::name(state), name);
    QCOMPARE(TaskStateName::fromName(name), std::optional<TaskState>(state));
    QVERIFY(!TaskStateName::displayName(state).isEmpty());
}

void tst_TaskStateName::roundTrip()
{
    QCOMPARE(TaskStateName::all().size(), 7);
    for (TaskState state : TaskStateName::all())
        QCOMPARE(TaskStateName::fromName(TaskStateName::name(state)), std::optional<TaskState>(state));
}

void tst_TaskStateName::rejects_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("capitalised") << u"Ready"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("letter") << u"R"_s;
    QTest::newRow("padded") << u" ready"_s;
}

void tst_TaskStateName::rejects()
{
    QFETCH(QString, name);
    QVERIFY(!TaskStateName::fromName(name));
}

QTEST_APPLESS_MAIN(tst_TaskStateName)
#include "tst_taskstatename.moc"
