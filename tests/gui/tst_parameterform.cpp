#include "lessons/ParameterForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class tst_ParameterForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsEditorsWithRanges();
    void valuesRoundTrip();
    void onlyLiveParametersWhileRunning();
};

static QList<ParameterSpec> specs()
{
    return {ParameterSpec::integer(u"producers"_s, 2, 1, 256, u"producer threads"_s, true),
            ParameterSpec::real(u"kill_after"_s, 1.0, 0.2, 30, u"seconds"_s),
            ParameterSpec::boolean(u"busy"_s, false, u"spin"_s),
            ParameterSpec::choice(u"channel"_s, u"shm"_s, {u"shm"_s, u"pipe"_s}, u"channel"_s)};
}

void tst_ParameterForm::buildsEditorsWithRanges()
{
    ParameterForm form;
    form.setSpecs(specs());
    auto *producers = qobject_cast<QSpinBox *>(form.editor(u"producers"_s));
    QVERIFY(producers);
    QCOMPARE(producers->minimum(), 1);
    QCOMPARE(producers->maximum(), 256);
    QCOMPARE(producers->value(), 2);
    QCOMPARE(producers->objectName(), u"param_producers"_s);
    auto *killAfter = qobject_cast<QDoubleSpinBox *>(form.editor(u"kill_after"_s));
    QVERIFY(killAfter);
    QCOMPARE(killAfter->minimum(), 0.2);
    QCOMPARE(killAfter->maximum(), 30.0);
    QCOMPARE(killAfter->value(), 1.0);
    auto *busy = qobject_cast<QCheckBox *>(form.editor(u"busy"_s));
    QVERIFY(busy);
    QVERIFY(!busy->isChecked());
    auto *channel = qobject_cast<QComboBox *>(form.editor(u"channel"_s));
    QVERIFY(channel);
    QCOMPARE(channel->count(), 2);
    QCOMPARE(channel->currentText(), u"shm"_s);
    QVERIFY(!producers->toolTip().isEmpty());

    // Out-of-range typing is clamped by the spin box: the form never holds a value the spec refuses.
    producers->setValue(1000);
    QCOMPARE(form.values().integer(u"producers"_s), 256);
}

void tst_ParameterForm::valuesRoundTrip()
{
    ParameterForm form;
    form.setSpecs(specs());
    ParameterValues values(specs());
    QString error;
    QVERIFY(values.assign(u"producers=7"_s, &error));
    QVERIFY(values.assign(u"busy=true"_s, &error));
    QVERIFY(values.assign(u"channel=pipe"_s, &error));
    QVERIFY(values.assign(u"kill_after=2.5"_s, &error));
    form.setValues(values);
    const ParameterValues back = form.values();
    QCOMPARE(back.integer(u"producers"_s), 7);
    QCOMPARE(back.boolean(u"busy"_s), true);
    QCOMPARE(back.text(u"channel"_s), u"pipe"_s);
    QCOMPARE(back.real(u"kill_after"_s), 2.5);
    form.resetToDefaults();
    QCOMPARE(form.values().integer(u"producers"_s), 2);
}

void tst_ParameterForm::onlyLiveParametersWhileRunning()
{
    ParameterForm form;
    form.setSpecs(specs());
    QSignalSpy live(&form, &ParameterForm::liveChanged);
    qobject_cast<QSpinBox *>(form.editor(u"producers"_s))->setValue(3);
    QCOMPARE(live.size(), 0); // not running: no live change
    form.setRunning(true);
    QVERIFY(form.editor(u"producers"_s)->isEnabled());
    QVERIFY(!form.editor(u"busy"_s)->isEnabled());
    QVERIFY(!form.editor(u"channel"_s)->isEnabled());
    qobject_cast<QSpinBox *>(form.editor(u"producers"_s))->setValue(4);
    QCOMPARE(live.size(), 1);
    QCOMPARE(live.at(0).at(0).toString(), u"producers"_s);
    QCOMPARE(live.at(0).at(1).toString(), u"4"_s);
    form.setRunning(false);
    QVERIFY(form.editor(u"busy"_s)->isEnabled());
}

QTEST_MAIN(tst_ParameterForm)
#include "tst_parameterform.moc"
