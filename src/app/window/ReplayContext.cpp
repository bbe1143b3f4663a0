#include "ReplayContext.h"

#include "SessionMenu.h"
#include "lessons/ExperimentPanel.h"
#include "lessons/ParameterForm.h"

#include "session/SessionHeader.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

ReplayContext::ReplayContext(ExperimentPanel *panel, SessionMenu *menu, QObject *parent)
    : QObject(parent)
    , m_panel(panel)
{
    connect(menu, &SessionMenu::replayOpened, this, &ReplayContext::enter);
    connect(menu, &SessionMenu::replayClosed, this, &ReplayContext::leave);
}

void ReplayContext::enter(const SessionHeader &header, const QString &path)
{
    if (!m_active) {
        m_savedId = m_panel->currentId();
        m_savedValues = m_panel->form()->values();
    }
    m_active = true;
    m_file = QFileInfo(path).fileName();
    // An exec session or an experiment this ProcLab does not know: the panel keeps its choice, only locked.
    if (m_panel->selectExperiment(header.experiment)) {
        ParameterValues values = m_panel->form()->values();
        for (auto it = header.parameters.constBegin(); it != header.parameters.constEnd(); ++it) {
            QString ignored; // a value this version refuses keeps its default; the replay shows what was recorded
            values.setValue(it.key(), it.value().toVariant(), &ignored);
        }
        m_panel->form()->setValues(values);
        const Experiment *experiment = m_panel->currentExperiment();
        m_experimentTitle = experiment ? experiment->title() : header.experiment;
    } else {
        m_experimentTitle = header.experiment == u"exec"_s ? tr("a program run") : header.experiment;
    }
    m_panel->setRunning(true);
    Q_EMIT changed();
}

void ReplayContext::leave()
{
    if (!m_active)
        return;
    m_active = false;
    m_panel->setRunning(false);
    if (!m_savedId.isEmpty() && m_panel->selectExperiment(m_savedId))
        m_panel->form()->setValues(m_savedValues);
    Q_EMIT changed();
}

QString ReplayContext::windowTitle() const
{
    return m_active ? tr("ProcLab — replay of %1 (%2)").arg(m_experimentTitle, m_file) : QString();
}
