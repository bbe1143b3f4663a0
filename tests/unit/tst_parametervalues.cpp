#include "experiments/ExperimentCatalogue.h"
#include "experiments/ParameterValues.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_ParameterValues : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaults();
    void accepts_data();
    void accepts();
    void refuses_data();
    void refuses();
    void everyExperimentHasValidDefaults();
};

static QList<ParameterSpec> specs()
{
    return {ParameterSpec::integer(u"producers"_s, 2, 1, 256, u"producers"_s),
            ParameterSpec::real(u"kill_after"_s, 1.0, 0.2, 30, u"seconds"_s),
            ParameterSpec::boolean(u"robust"_s, false, u"robust"_s),
            ParameterSpec::choice(u"channel"_s, u"shm"_s, {u"shm"_s, u"pipe"_s}, u"channel"_s)};
}

void tst_ParameterValues::defaults()
{
    const ParameterValues values(specs());
    QCOMPARE(values.integer(u"producers"_s), 2);
    QCOMPARE(values.real(u"kill_after"_s), 1.0);
    QCOMPARE(values.boolean(u"robust"_s), false);
    QCOMPARE(values.text(u"channel"_s), u"shm"_s);
    QCOMPARE(values.toJson().value(u"producers"_s).toInt(), 2);
}

void tst_ParameterValues::accepts_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("int low") << u"producers=1"_s << u"producers"_s << QVariant(1);
    QTest::newRow("int high") << u"producers=256"_s << u"producers"_s << QVariant(256);
    QTest::newRow("double") << u"kill_after=2.5"_s << u"kill_after"_s << QVariant(2.5);
    QTest::newRow("bool true") << u"robust=true"_s << u"robust"_s << QVariant(true);
    QTest::newRow("bool 1") << u"robust=1"_s << u"robust"_s << QVariant(true);
    QTest::newRow("bool off") << u"robust=off"_s << u"robust"_s << QVariant(false);
    QTest::newRow("choice") << u"channel=pipe"_s << u"channel"_s << QVariant(u"pipe"_s);
}

void tst_ParameterValues::accepts()
{
    QFETCH(QString, assignment);
    QFETCH(QString, key);
    QFETCH(QVariant, expected);
    ParameterValues values(specs());
    QString error;
    QVERIFY2(values.assign(assignment, &error), qPrintable(error));
    QCOMPARE(values.value(key), expected);
}

void tst_ParameterValues::refuses_data()
{
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown key") << u"consumers=2"_s << u"allowed: producers, kill_after, robust, channel"_s;
    QTest::newRow("too small") << u"producers=0"_s << u"from 1 to 256"_s;
    QTest::newRow("too large") << u"producers=257"_s << u"from 1 to 256"_s;
    QTest::newRow("not an int") << u"producers=two"_s << u"an integer"_s;
    QTest::newRow("fraction for int") << u"producers=1.5"_s << u"an integer"_s;
    QTest::newRow("double out of range") << u"kill_after=100"_s << u"from 0.2 to 30"_s;
    QTest::newRow("nan") << u"kill_after=nan"_s << u"a number"_s;
    QTest::newRow("bad bool") << u"robust=maybe"_s << u"true or false"_s;
    QTest::newRow("bad choice") << u"channel=socket"_s << u"shm, pipe"_s;
    QTest::newRow("no equals") << u"producers"_s << u"KEY=VALUE"_s;
    QTest::newRow("empty key") << u"=3"_s << u"KEY=VALUE"_s;
}

void tst_ParameterValues::refuses()
{
    QFETCH(QString, assignment);
    QFETCH(QString, mentions);
    ParameterValues values(specs());
    QString error;
    QVERIFY(!values.assign(assignment, &error));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY(!error.contains(u'\n'));
    QCOMPARE(values.integer(u"producers"_s), 2); // nothing changed
}

void tst_ParameterValues::everyExperimentHasValidDefaults()
{
    const QStringList ids = ExperimentCatalogue::ids();
    QCOMPARE(ids.size(), 13);
    for (const QString &id : ids) {
        const auto experiment = ExperimentCatalogue::create(id);
        QVERIFY2(experiment, qPrintable(id));
        QCOMPARE(experiment->id(), id);
        QVERIFY(!experiment->title().isEmpty());
        QVERIFY(!experiment->explanation().isEmpty());
        QVERIFY(!experiment->python().isEmpty());
        QVERIFY2(experiment->settleSeconds(experiment->defaults()) <= 5.0, qPrintable(id));
        for (const ParameterSpec &spec : experiment->parameters()) {
            QString error;
            const QString text = spec.type == ParameterSpec::Type::Bool
                ? (spec.defaultValue.toBool() ? u"true"_s : u"false"_s)
                : spec.defaultValue.toString();
            QVERIFY2(spec.parse(text, &error).isValid(), qPrintable(id + u": "_s + error));
        }
    }
    QVERIFY(!ExperimentCatalogue::create(u"nope"_s));
}

QTEST_APPLESS_MAIN(tst_ParameterValues)
#include "tst_parametervalues.moc"
