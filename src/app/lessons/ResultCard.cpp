#include "ResultCard.h"

#include "base/EventKind.h"
#include "experiments/Experiment.h"
#include "experiments/ExperimentCatalogue.h"
#include "experiments/PredictionReveal.h"
#include "session/FigureLabels.h"

#include <QEvent>
#include <QGridLayout>
#include <QJsonObject>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// A card of at most this many figures a row keeps to one or two lines on a laptop screen.
constexpr int Columns = 4;
}

ResultCard::ResultCard(QWidget *parent)
    : QWidget(parent), m_grid(new QGridLayout), m_verdict(new QLabel(this)), m_prediction(new QLabel(this))
{
    setObjectName(u"resultCard"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    m_grid->setHorizontalSpacing(18);
    m_grid->setVerticalSpacing(0);
    layout->addLayout(m_grid);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->hide();
    layout->addWidget(m_verdict);
    m_prediction->setObjectName(u"predictionVerdict"_s);
    m_prediction->setWordWrap(true);
    m_prediction->setTextFormat(Qt::RichText);
    m_prediction->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_prediction->hide();
    layout->addWidget(m_prediction);
    setVisible(false);
}

void ResultCard::append(const QList<SessionEvent> &events)
{
    for (const SessionEvent &event : events) {
        if (event.kind == EventKind::ExperimentStart) {
            // The lesson's own order of its figures, headline first (Experiment::liveFigures), live and in replay.
            const std::unique_ptr<Experiment> experiment =
                ExperimentCatalogue::create(event.fields.value(u"experiment"_s).toString());
            m_lessonOrder = experiment ? experiment->liveFigures() : QStringList();
            const QJsonObject prediction = event.fields.value(u"prediction"_s).toObject();
            m_predicted = prediction.value(u"choice"_s).toInt(-1);
            m_predictedText = prediction.value(u"text"_s).toString();
            m_prediction->clear();
            m_prediction->hide();
        } else if (event.kind == EventKind::Measure) {
            const QString name = event.fields.value(u"name"_s).toString();
            if (!FigureLabels::isKnown(name) || !event.fields.value(u"value"_s).isDouble())
                continue;
            QJsonObject extra = event.fields;
            extra.remove(u"name"_s);
            extra.remove(u"value"_s);
            show(name, event.fields.value(u"value"_s).toDouble(), extra);
        } else if (event.kind == EventKind::Phenomenon) {
            const QString verdict = event.fields.value(u"verdict"_s).toString();
            const QString word = verdict == u"inconclusive"_s ? tr("Inconclusive")
                : event.fields.value(u"observed"_s).toBool()  ? tr("Observed")
                                                              : tr("Not observed");
            m_verdict->setText(u"<b>"_s + word.toHtmlEscaped() + u":</b> "_s
                               + event.fields.value(u"detail"_s).toString().toHtmlEscaped());
            m_verdict->show();
            reveal(event.fields);
            setVisible(true);
        }
    }
}

void ResultCard::reveal(const QJsonObject &phenomenon)
{
    const QString text = PredictionReveal::sentence(phenomenon, m_predicted, m_predictedText);
    const PredictionReveal::Outcome outcome = PredictionReveal::outcomeOf(phenomenon, m_predicted);
    const QString colour = outcome == PredictionReveal::Outcome::Right   ? u"#2e9d4a"_s
                           : outcome == PredictionReveal::Outcome::Wrong ? u"#c8621b"_s
                                                                         : QString();
    if (text.isEmpty()) {
        m_prediction->clear();
        m_prediction->hide();
        return;
    }
    m_prediction->setProperty("plain", text);
    m_prediction->setText(colour.isEmpty() ? text.toHtmlEscaped()
                                           : u"<b style=\"color:%1\">"_s.arg(colour) + text.toHtmlEscaped() + u"</b>"_s);
    m_prediction->show();
}

QString ResultCard::predictionText() const
{
    return m_prediction->isHidden() ? QString() : m_prediction->property("plain").toString();
}

void ResultCard::show(const QString &name, double value, const QJsonObject &extra)
{
    auto it = m_shown.find(name);
    if (it == m_shown.end()) {
        Shown shown;
        shown.label = new QLabel(this);
        shown.figure = new QLabel(this);
        QFont big = shown.figure->font();
        big.setPointSizeF(big.pointSizeF() * 1.6);
        big.setBold(true);
        shown.figure->setFont(big);
        shown.figure->setObjectName(u"figure-"_s + name);
        it = m_shown.insert(name, shown);
        place(name);
    }
    it->value = value;
    it->extra = extra;
    it->label->setText(FigureLabels::label(name));
    it->figure->setText(FigureLabels::valueText(name, value, extra));
    setVisible(true);
}

void ResultCard::place(const QString &name)
{
    // The lesson's figures in its order, then any other in the order they came.
    const auto rank = [this](const QString &figure) {
        const qsizetype at = m_lessonOrder.indexOf(figure);
        return at < 0 ? m_lessonOrder.size() : at;
    };
    const auto before = std::find_if(m_order.begin(), m_order.end(),
                                     [&](const QString &shown) { return rank(shown) > rank(name); });
    m_order.insert(before, name);
    for (qsizetype index = 0; index < m_order.size(); ++index) {
        const Shown &shown = m_shown[m_order.at(index)];
        m_grid->addWidget(shown.label, int(2 * (index / Columns)), int(index % Columns));
        m_grid->addWidget(shown.figure, int(2 * (index / Columns) + 1), int(index % Columns));
    }
}

void ResultCard::clear()
{
    for (const Shown &shown : std::as_const(m_shown)) {
        delete shown.label;
        delete shown.figure;
    }
    m_shown.clear();
    m_order.clear();
    m_lessonOrder.clear();
    m_verdict->clear();
    m_verdict->hide();
    m_prediction->clear();
    m_prediction->hide();
    m_predicted = -1;
    m_predictedText.clear();
    setVisible(false);
}

QString ResultCard::valueOf(const QString &name) const
{
    const auto it = m_shown.constFind(name);
    return it == m_shown.constEnd() ? QString() : it->figure->text();
}

void ResultCard::relabel()
{
    // A new language: the same figures in its words.
    for (const QString &name : std::as_const(m_order)) {
        const Shown &shown = m_shown[name];
        shown.label->setText(FigureLabels::label(name));
        shown.figure->setText(FigureLabels::valueText(name, shown.value, shown.extra));
    }
}

void ResultCard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        relabel();
    QWidget::changeEvent(event);
}
