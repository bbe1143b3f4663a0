#include "LimitsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

LimitsDialog::LimitsDialog(const LabLimits &limits, QWidget *parent)
    : QDialog(parent)
    , m_limits(limits)
    , m_processes(new QSpinBox(this))
    , m_threads(new QSpinBox(this))
{
    setWindowTitle(tr("Limits — ProcLab"));
    m_processes->setRange(1, 4096);
    m_processes->setValue(limits.maxProcesses);
    m_threads->setRange(1, 32768);
    m_threads->setValue(limits.maxThreads);
    auto *note = new QLabel(tr("An experiment that asks for more is told so, and the session goes on. The new "
                               "limits apply from the next Start."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Lab processes at most:"), m_processes);
    form->addRow(tr("Lab threads at most:"), m_threads);
    form->addRow(note);
    form->addRow(buttons);
}

LabLimits LimitsDialog::limits() const
{
    LabLimits limits = m_limits;
    limits.maxProcesses = m_processes->value();
    limits.maxThreads = m_threads->value();
    return limits;
}
