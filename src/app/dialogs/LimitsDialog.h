#pragma once

#include "control/LabController.h"

#include <QDialog>

class QSpinBox;

// Settings ▸ Limits…: the per-session caps on lab processes and threads (docs/architecture.md, "Process model").
class LimitsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LimitsDialog(const LabLimits &limits, QWidget *parent = nullptr);
    LabLimits limits() const;

private:
    LabLimits m_limits;
    QSpinBox *m_processes;
    QSpinBox *m_threads;
};
