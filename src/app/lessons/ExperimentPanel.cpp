#include "ExperimentPanel.h"

#include "ParameterForm.h"
#include "PredictionBox.h"
#include "experiments/ExperimentCatalogue.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QKeyEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

ExperimentPanel::ExperimentPanel(QWidget *parent)
    : QWidget(parent)
    , m_experiments(ExperimentCatalogue::all())
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_parametersLabel(new QLabel(this))
    , m_form(new ParameterForm(this))
    , m_prediction(new PredictionBox(this))
    , m_stepMode(new QCheckBox(this))
    , m_start(new QToolButton(this))
    , m_stop(new QToolButton(this))
    , m_reset(new QToolButton(this))
    , m_again(new QToolButton(this))
    , m_explanation(new QTextBrowser(this))
{
    m_search->setObjectName(u"experimentSearch"_s);
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(u"experimentList"_s);
    m_list->setIconSize(QSize(22, 22));
    m_list->setUniformItemSizes(true);
    m_title->setObjectName(u"experimentTitle"_s);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_summary->setWordWrap(true);
    m_explanation->setObjectName(u"experimentExplanation"_s);
    m_explanation->setOpenLinks(false);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_search);
    topLayout->addWidget(m_list);

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_title);
    detailsLayout->addWidget(m_summary);
    m_formScroll = new QScrollArea(this);
    m_formScroll->setWidgetResizable(true);
    m_formScroll->setFrameShape(QFrame::NoFrame);
    // The form and the prediction scroll together: on a 768-pixel screen the question may need the wheel, but the
    // panel asks no more height than the form alone did.
    auto *settings = new QWidget(this);
    auto *settingsLayout = new QVBoxLayout(settings);
    settingsLayout->setContentsMargins(0, 0, 0, 0);
    settingsLayout->addWidget(m_form);
    settingsLayout->addWidget(m_prediction);
    settingsLayout->addStretch(1);
    m_formScroll->setWidget(settings);
    m_formScroll->setMinimumHeight(80);
    detailsLayout->addWidget(m_parametersLabel);
    detailsLayout->addWidget(m_formScroll, 1);
    m_stepMode->setObjectName(u"stepMode"_s);
    detailsLayout->addWidget(m_stepMode);
    auto *buttons = new QHBoxLayout;
    for (QToolButton *button : {m_start, m_stop, m_reset}) {
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        buttons->addWidget(button);
    }
    detailsLayout->addLayout(buttons);
    m_again->setObjectName(u"scheduleAgainButton"_s);
    m_again->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_again->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_again->hide();
    detailsLayout->addWidget(m_again);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_splitter = splitter;
    m_details = details;
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(details);
    splitter->addWidget(m_explanation);
    // The form keeps the room its rows need (it is what a user changes); the catalogue and the explanation
    // share the rest.
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 0);
    splitter->setStretchFactor(2, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);

    connect(m_search, &QLineEdit::textChanged, this, &ExperimentPanel::applySearch);
    m_search->installEventFilter(this);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        showCurrent();
        Q_EMIT experimentChanged(currentId());
    });
    fillCatalogue();
    retranslate();
    m_list->setCurrentRow(0);
    // Five experiments at least, from the rows' own height (icon or text, whichever is taller): three, at
    // 1366x768, hid most of the catalogue.
    const int row = m_list->count() > 0 ? m_list->sizeHintForRow(0)
                                        : std::max(m_list->iconSize().height(), m_list->fontMetrics().height()) + 4;
    m_list->setMinimumHeight(row * std::min(5, std::max(1, int(m_list->count()))) + 2 * m_list->frameWidth());
}

ExperimentPanel::~ExperimentPanel() = default;

void ExperimentPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int total = m_splitter->height();
    if (m_splitChosen || !isVisible() || total < 300)
        return;
    m_splitChosen = true;
    const QList<int> now = m_splitter->sizes();
    const int list = m_splitter->widget(0)->minimumSizeHint().height();
    const int explanation = fontMetrics().height() * 4;
    // QScrollArea keeps the size hint of its widget from the moment it got it: ask the form and the prediction now.
    const int scrolled = m_formScroll->widget()->sizeHint().height() + 2 * m_formScroll->frameWidth();
    const int wanted = m_details->sizeHint().height() - m_formScroll->sizeHint().height() + scrolled;
    const int details = std::min(wanted, total - list - explanation);
    if (details <= now.value(1))
        return; // it has what it needs already
    // What the details need more comes from the catalogue first, down to its minimum, then from the explanation.
    int more = details - now.value(1);
    const int fromList = std::min(more, std::max(0, now.value(0) - list));
    more -= fromList;
    const int fromExplanation = std::min(more, std::max(0, now.value(2) - explanation));
    m_splitter->setSizes({now.value(0) - fromList, now.value(1) + fromList + fromExplanation,
                          now.value(2) - fromExplanation});
}

void ExperimentPanel::setActions(QAction *start, QAction *stop, QAction *reset)
{
    m_start->setDefaultAction(start);
    m_stop->setDefaultAction(stop);
    m_reset->setDefaultAction(reset);
}

void ExperimentPanel::setScheduleAction(QAction *again)
{
    m_again->setDefaultAction(again);
    const auto follow = [this, again] { m_again->setVisible(again->isEnabled()); };
    connect(again, &QAction::changed, this, follow);
    follow();
}

QIcon ExperimentPanel::iconFor(const QString &id)
{
    return QIcon(u":/icons/experiment-"_s + id + u".svg"_s);
}

void ExperimentPanel::fillCatalogue()
{
    m_list->clear();
    for (const auto &experiment : m_experiments) {
        auto *item = new QListWidgetItem(iconFor(experiment->id()), experiment->title(), m_list);
        item->setData(Qt::UserRole, experiment->id());
        item->setToolTip(u"<b>%1</b> (%2)<br/>%3"_s.arg(experiment->title().toHtmlEscaped(), experiment->id(),
                                                     experiment->summary().toHtmlEscaped()));
    }
}

void ExperimentPanel::applySearch(const QString &text)
{
    for (int row = 0; row < m_list->count(); ++row) {
        const Experiment &experiment = *m_experiments.at(row);
        const bool match = text.isEmpty() || experiment.title().contains(text, Qt::CaseInsensitive)
            || experiment.summary().contains(text, Qt::CaseInsensitive)
            || experiment.id().contains(text, Qt::CaseInsensitive);
        m_list->item(row)->setHidden(!match);
    }
}

bool ExperimentPanel::chooseFirstMatch()
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (!m_list->item(row)->isHidden()) {
            m_list->setCurrentRow(row);
            m_list->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return false;
}

bool ExperimentPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down && m_list->currentItem() && !m_list->currentItem()->isHidden()) {
            m_list->setFocus(Qt::TabFocusReason);
            return true;
        }
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Down)
            return chooseFirstMatch() || key != Qt::Key_Down;
    }
    return QWidget::eventFilter(watched, event);
}

bool ExperimentPanel::selectExperiment(const QString &id)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == id) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

QString ExperimentPanel::currentId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

const Experiment *ExperimentPanel::currentExperiment() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < int(m_experiments.size()) ? m_experiments.at(row).get() : nullptr;
}

void ExperimentPanel::showCurrent()
{
    const Experiment *experiment = currentExperiment();
    if (!experiment)
        return;
    m_title->setText(experiment->title());
    m_summary->setText(experiment->summary());
    if (m_form->specs().isEmpty() || currentId() != property("formFor").toString()) {
        m_form->setSpecs(experiment->parameters());
        setProperty("formFor", currentId());
        m_prediction->setPrediction(experiment->prediction());
        m_stepMode->setVisible(experiment->steppingThreads(experiment->defaults()) > 0);
        // Every parameter in view without scrolling, up to about ten rows.
        // One line of slack: a check box's description wraps once the panel's width is known.
        m_formScroll->setMinimumHeight(std::min(m_form->sizeHint().height() + fontMetrics().height() + 4,
                                                fontMetrics().height() * 20));
    }
    QString html = u"<p>"_s + experiment->explanation().toHtmlEscaped().replace(u"\n\n"_s, u"</p><p>"_s) + u"</p>"_s;
    html += u"<p><b>"_s + tr("The same in Python:") + u"</b></p><pre style=\"background:rgba(127,127,127,40);\">"_s
        + experiment->python().toHtmlEscaped() + u"</pre>"_s;
    m_explanation->setHtml(html);
}

void ExperimentPanel::setRunning(bool running)
{
    m_running = running;
    m_list->setEnabled(!running);
    m_search->setEnabled(!running);
    m_form->setRunning(running);
    m_prediction->setEnabled(!running);
    m_stepMode->setEnabled(!running);
}

bool ExperimentPanel::stepMode() const
{
    return m_stepMode->isChecked() && !m_stepMode->isHidden();
}

void ExperimentPanel::retranslate()
{
    m_search->setPlaceholderText(tr("Search experiments"));
    m_search->setAccessibleName(tr("Search experiments"));
    m_list->setAccessibleName(tr("Experiments"));
    m_parametersLabel->setText(tr("Parameters (⟳: can change while running)"));
    m_explanation->setAccessibleName(tr("Explanation"));
    m_stepMode->setText(tr("Step mode: I am the scheduler"));
    m_stepMode->setToolTip(tr("Every thread of the lesson stops before each of its steps (load, store, acquire, "
                              "release, put, get) until you grant it one: press the thread's number, double-click "
                              "its row, or use Step (F10)."));
}

void ExperimentPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        // Titles, summaries and explanations are translated when asked for: ask again.
        const int row = m_list->currentRow();
        const ParameterValues values = m_form->values();
        const int predicted = m_prediction->choice();
        const QSignalBlocker blocker(m_list);
        fillCatalogue();
        m_list->setCurrentRow(row);
        applySearch(m_search->text());
        setProperty("formFor", QString());
        showCurrent();
        m_form->setValues(values);
        m_form->setRunning(m_running);
        m_prediction->setChoice(predicted);
        retranslate();
    }
    QWidget::changeEvent(event);
}
