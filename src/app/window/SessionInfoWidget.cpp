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
    // Each value under its own name: QFormLayout::addRow with an empty text makes no label at all, and the tab
    // showed bare "100 ms", "2" and "running…".
    for (QLabel *label : {m_experiment, m_parameters, m_started, m_file, m_interval, m_cores, m_verdict}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *name = new QLabel(this);
        name->setBuddy(label);
        m_names << name;
        m_form->addRow(name, label);
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
    m_startedAt = QDateTime::currentDateTime();
    showStartTime();
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
    m_startedAt = QDateTime();
    m_started->setText(tr("%n event(s) read", nullptr, events) + (note.isEmpty() ? QString() : u"; "_s + note));
    m_interval->setText(u"—"_s);
    m_cores->setText(u"—"_s);
    m_verdict->setText(u"—"_s);
}

void SessionInfoWidget::clear()
{
    m_startedAt = QDateTime();
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
    for (int row = 0; row < m_names.size() && row < 7; ++row)
        m_names[row]->setText(names[row]);
    showStartTime();
}

void SessionInfoWidget::showStartTime()
{
    // In the language of the window (LanguageSwitcher sets the default locale), not the system's: "2026/12/1
    // 14:05" under Chinese, not "1 Dec 2026".
    if (m_startedAt.isValid())
        m_started->setText(QLocale().toString(m_startedAt, QLocale::ShortFormat));
}

QString SessionInfoWidget::startedText() const
{
    return m_started->text();
}

QString SessionInfoWidget::nameOf(int row) const
{
    return row >= 0 && row < m_names.size() ? m_names.at(row)->text() : QString();
}

void SessionInfoWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
