#include "SessionInfoWidget.h"

#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>

using namespace Qt::Literals::StringLiterals;

SessionInfoWidget::SessionInfoWidget(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_experiment(new QLabel(this))
    , m_parameters(new QLabel(this))
    , m_started(new QLabel(this))
    , m_file(new QLabel(this))
    , m_interval(new QLabel(this))
    , m_cores(new QLabel(this))
    , m_verdict(new QLabel(this))
{
    for (QLabel *label : {m_experiment, m_parameters, m_started, m_file, m_interval, m_cores, m_verdict}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_form->addRow(QString(), label);
    }
    m_verdict->setObjectName(u"sessionVerdict"_s);
    retranslate();
    clear();
}

void SessionInfoWidget::showStarted(const QString &experiment, const ParameterValues &values, const QString &logPath,
                                    int intervalMs, int cores)
{
    m_experiment->setText(experiment);
    QStringList parts;
    for (const ParameterSpec &spec : values.specs()) {
        const QVariant value = values.value(spec.name);
        parts << spec.name + u'=' + (spec.type == ParameterSpec::Type::Bool ? (value.toBool() ? u"true"_s : u"false"_s)
                                                                              : value.toString());
    }
    m_parameters->setText(parts.join(u"  "_s));
    m_started->setText(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat));
    m_file->setText(logPath.isEmpty() ? tr("not recorded") : logPath);
    showInterval(intervalMs);
    m_cores->setText(QString::number(cores));
    m_verdict->setText(tr("running…"));
}

void SessionInfoWidget::showInterval(int intervalMs)
{
    m_interval->setText(tr("%1 ms").arg(intervalMs));
}

void SessionInfoWidget::showVerdict(const PhenomenonVerdict &verdict)
{
    // Inconclusive is not a failure of the lesson: the machine's other work left it too few cores, and the line
    // says whose and how many, with the figures the check saw.
    if (verdict.outcome == PhenomenonVerdict::Outcome::Inconclusive)
        m_verdict->setText(tr("Inconclusive: %1. %2").arg(verdict.loadNote, verdict.detail));
    else
        m_verdict->setText((verdict.observed ? tr("Observed: ") : tr("Not observed: ")) + verdict.detail);
}

void SessionInfoWidget::showOpened(const QString &path, const QString &experiment, const QJsonObject &parameters,
                                   int events, const QString &note)
{
    m_experiment->setText(experiment);
    m_parameters->setText(QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact)));
    m_file->setText(path);
    m_started->setText(tr("%n event(s) read", nullptr, events) + (note.isEmpty() ? QString() : u"; "_s + note));
    m_interval->setText(u"—"_s);
    m_cores->setText(u"—"_s);
    m_verdict->setText(u"—"_s);
}

void SessionInfoWidget::clear()
{
    for (QLabel *label : {m_experiment, m_parameters, m_started, m_file, m_interval, m_cores, m_verdict})
        label->setText(u"—"_s);
}

QString SessionInfoWidget::verdictText() const
{
    return m_verdict->text();
}

void SessionInfoWidget::retranslate()
{
    const QString names[] = {tr("Experiment:"), tr("Parameters:"), tr("Started:"), tr("Session file:"),
                             tr("Sampling interval:"), tr("Cores:"), tr("Phenomenon:")};
    for (int row = 0; row < m_form->rowCount() && row < 7; ++row) {
        if (auto *label = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)
                                                     ? m_form->itemAt(row, QFormLayout::LabelRole)->widget()
                                                     : nullptr))
            label->setText(names[row]);
    }
}

void SessionInfoWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
