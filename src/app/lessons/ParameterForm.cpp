#include "ParameterForm.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

using namespace Qt::Literals::StringLiterals;

ParameterForm::ParameterForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->setRowWrapPolicy(QFormLayout::DontWrapRows);
}

void ParameterForm::setSpecs(const QList<ParameterSpec> &specs)
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_editors.clear();
    m_fields.clear();
    m_specs = specs;
    m_filling = true;
    for (const ParameterSpec &spec : specs) {
        QWidget *editor = createEditor(spec);
        editor->setObjectName(u"param_"_s + spec.name);
        const QString tip = u"<b>%1</b> — %2<br/>%3"_s.arg(spec.name, spec.description.toHtmlEscaped(),
                                                            tr("Allowed: %1").arg(spec.allowed().toHtmlEscaped()))
            + (spec.live ? u"<br/>"_s + tr("Can change while the experiment runs.") : QString());
        editor->setToolTip(tip);
        editor->setAccessibleName(spec.name);
        editor->setAccessibleDescription(spec.description);
        // The parameter's own name, as `--set` takes it: a key, the same in every language.
        auto *label = new QLabel(spec.name + (spec.live ? u" ⟳"_s : QString()), this);
        label->setObjectName(u"paramName_"_s + spec.name);
        label->setToolTip(tip);
        label->setBuddy(editor);
        QWidget *field = editor;
        if (spec.type == ParameterSpec::Type::Bool) {
            // A check box cannot wrap its text, and the descriptions are a line of prose ("take the locks in one
            // global order (prevents the deadlock)"): the box, and beside it the description, wrapped.
            field = new QWidget(this);
            auto *row = new QHBoxLayout(field);
            row->setContentsMargins(0, 0, 0, 0);
            editor->setParent(field);
            row->addWidget(editor, 0, Qt::AlignTop);
            auto *words = new QLabel(spec.description, field);
            words->setWordWrap(true);
            words->setToolTip(tip);
            words->setBuddy(editor);
            row->addWidget(words, 1);
        }
        m_layout->addRow(label, field);
        m_editors.insert(spec.name, editor);
        m_fields.insert(spec.name, field);
    }
    m_filling = false;
    setRunning(m_running);
}

QWidget *ParameterForm::createEditor(const ParameterSpec &spec)
{
    switch (spec.type) {
    case ParameterSpec::Type::Int: {
        auto *box = new QSpinBox(this);
        box->setRange(int(spec.minimum), int(spec.maximum));
        box->setValue(spec.defaultValue.toInt());
        box->setAccelerated(true);
        connect(box, &QSpinBox::valueChanged, this, [this, name = spec.name] { announce(name); });
        return box;
    }
    case ParameterSpec::Type::Double: {
        auto *box = new QDoubleSpinBox(this);
        box->setDecimals(2);
        box->setRange(spec.minimum, spec.maximum);
        box->setSingleStep(spec.maximum - spec.minimum > 10 ? 0.5 : 0.1);
        box->setValue(spec.defaultValue.toDouble());
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, name = spec.name] { announce(name); });
        return box;
    }
    case ParameterSpec::Type::Bool: {
        auto *box = new QCheckBox(this);
        box->setChecked(spec.defaultValue.toBool());
        connect(box, &QCheckBox::toggled, this, [this, name = spec.name] { announce(name); });
        return box;
    }
    case ParameterSpec::Type::Choice: {
        auto *box = new QComboBox(this);
        box->addItems(spec.choices);
        box->setCurrentText(spec.defaultValue.toString());
        connect(box, &QComboBox::currentTextChanged, this, [this, name = spec.name] { announce(name); });
        return box;
    }
    }
    return new QWidget(this);
}

QString ParameterForm::text(const QString &name) const
{
    QWidget *editor = m_editors.value(name);
    if (auto *box = qobject_cast<QSpinBox *>(editor))
        return QString::number(box->value());
    if (auto *box = qobject_cast<QDoubleSpinBox *>(editor))
        return QString::number(box->value());
    if (auto *box = qobject_cast<QCheckBox *>(editor))
        return box->isChecked() ? u"true"_s : u"false"_s;
    if (auto *box = qobject_cast<QComboBox *>(editor))
        return box->currentText();
    return {};
}

void ParameterForm::setText(const QString &name, const QString &text)
{
    QWidget *editor = m_editors.value(name);
    if (auto *box = qobject_cast<QSpinBox *>(editor))
        box->setValue(text.toInt());
    else if (auto *box = qobject_cast<QDoubleSpinBox *>(editor))
        box->setValue(text.toDouble());
    else if (auto *box = qobject_cast<QCheckBox *>(editor))
        box->setChecked(text == u"true"_s);
    else if (auto *box = qobject_cast<QComboBox *>(editor))
        box->setCurrentText(text);
}

ParameterValues ParameterForm::values() const
{
    ParameterValues values(m_specs);
    for (const ParameterSpec &spec : m_specs) {
        QString error;
        values.set(spec.name, text(spec.name), &error);
    }
    return values;
}

void ParameterForm::setValues(const ParameterValues &values)
{
    m_filling = true;
    for (const ParameterSpec &spec : m_specs) {
        const QVariant value = values.value(spec.name);
        if (!value.isValid())
            continue;
        if (spec.type == ParameterSpec::Type::Bool)
            setText(spec.name, value.toBool() ? u"true"_s : u"false"_s);
        else
            setText(spec.name, value.toString());
    }
    m_filling = false;
}

void ParameterForm::resetToDefaults()
{
    setValues(ParameterValues(m_specs));
}

void ParameterForm::setRunning(bool running)
{
    m_running = running;
    for (const ParameterSpec &spec : std::as_const(m_specs)) {
        if (QWidget *field = m_fields.value(spec.name))
            field->setEnabled(!running || spec.live);
    }
}

void ParameterForm::announce(const QString &name)
{
    if (m_filling || !m_running)
        return;
    Q_EMIT liveChanged(name, text(name));
}
