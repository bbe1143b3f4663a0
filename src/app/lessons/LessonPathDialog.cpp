#include "LessonPathDialog.h"

#include "experiments/LessonPath.h"
#include "session/LessonJournal.h"
#include "session/SessionExporter.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {
enum Column { ExperimentColumn, PredictedColumn, ProvedColumn, ResultColumn, RunsColumn, ColumnCount };

QString choiceOf(const LessonPathReport::Step &step, int index)
{
    return index >= 0 && index < step.choices.size() ? step.choices.at(index) : QString();
}
} // namespace

LessonPathDialog::LessonPathDialog(QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_totals(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
{
    setObjectName(u"lessonPathDialog"_s);
    m_intro->setWordWrap(true);
    m_list->setColumnCount(ColumnCount);
    m_list->setRootIsDecorated(true);
    m_list->setUniformRowHeights(false);
    m_list->setWordWrap(true);
    m_list->header()->setStretchLastSection(false);
    // The experiment's name always whole; the two choices share what is left; result and runs as wide as they are.
    m_list->header()->setSectionResizeMode(ExperimentColumn, QHeaderView::ResizeToContents);
    for (int column : {PredictedColumn, ProvedColumn})
        m_list->header()->setSectionResizeMode(column, QHeaderView::Stretch);
    for (int column : {ResultColumn, RunsColumn})
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_nameLabel->setBuddy(m_name);
    m_name->setMaxLength(LessonPathReport::MaxLearnerName);

    auto *buttons = new QDialogButtonBox(this);
    m_open = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_save = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    connect(m_open, &QPushButton::clicked, this, &LessonPathDialog::chooseSelected);
    connect(m_save, &QPushButton::clicked, this, &LessonPathDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { chooseSelected(); });
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { m_open->setEnabled(item && !item->data(0, IdRole).toString().isEmpty()); });

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_nameLabel);
    nameRow->addWidget(m_name, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_totals);
    layout->addWidget(m_list, 1);
    layout->addLayout(nameRow);
    layout->addWidget(buttons);
    // Room for the five columns and the nine stages, from the font, not pixels.
    const QFontMetrics metrics = fontMetrics();
    QSize wanted(metrics.averageCharWidth() * 150, metrics.height() * 36);
    if (const QScreen *screen = parent ? parent->screen() : nullptr)
        wanted = wanted.boundedTo(screen->availableSize() * 0.9);
    resize(wanted);
    retranslate();
}

void LessonPathDialog::showEvent(QShowEvent *event)
{
    reload();
    QDialog::showEvent(event);
}

void LessonPathDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LessonPathDialog::reload()
{
    int skipped = 0;
    QString error;
    m_steps = LessonPathReport::progress(LessonJournal().attempts(&skipped, &error));
    m_journalNote = !error.isEmpty() ? error
        : skipped > 0 ? tr("%n line(s) of the journal were not runs and were left out.", nullptr, skipped)
                      : QString();
    const QString chosen = m_list->currentItem() ? m_list->currentItem()->data(0, IdRole).toString() : QString();
    m_list->clear();
    const QList<LessonPath::Stage> stages = LessonPath::stages();
    QTreeWidgetItem *next = nullptr;
    for (qsizetype s = 0; s < stages.size(); ++s) {
        auto *stage = new QTreeWidgetItem(m_list, {tr("%1. %2").arg(s + 1).arg(stages.at(s).title)});
        QFont bold = stage->font(0);
        bold.setBold(true);
        stage->setFont(0, bold);
        stage->setToolTip(0, stages.at(s).idea);
        stage->setFirstColumnSpanned(true); // the stage's title across the row
        for (const LessonPathReport::Step &step : std::as_const(m_steps)) {
            if (step.stage != s + 1)
                continue;
            auto *item = new QTreeWidgetItem(stage);
            item->setData(0, IdRole, step.experiment);
            item->setText(ExperimentColumn, step.title);
            item->setToolTip(ExperimentColumn, u"%1 — %2"_s.arg(step.experiment, step.question));
            item->setText(ResultColumn, LessonPathReport::outcomeText(step));
            if (step.last) {
                item->setText(PredictedColumn, step.last->predictionMade() ? choiceOf(step, step.last->predicted)
                                                                           : tr("(skipped)"));
                item->setText(ProvedColumn, step.last->answer >= 0 ? choiceOf(step, step.last->answer) : tr("(none)"));
                item->setToolTip(PredictedColumn, item->text(PredictedColumn));
                item->setToolTip(ProvedColumn, item->text(ProvedColumn) + u"\n"_s + step.last->detail);
                item->setText(RunsColumn, QString::number(step.runs));
                const QString outcome = LessonPathReport::outcomeOf(step);
                if (outcome == u"right"_s)
                    item->setForeground(ResultColumn, QColor(0x15, 0x80, 0x3d));
                else if (outcome == u"wrong"_s)
                    item->setForeground(ResultColumn, QColor(0xb4, 0x53, 0x09));
            } else if (!next) {
                next = item; // the first experiment not yet taken: where the learner goes on
            }
            if (step.experiment == chosen)
                next = item;
        }
    }
    m_list->expandAll();
    if (next)
        m_list->setCurrentItem(next);
    m_open->setEnabled(next != nullptr);
    const LessonPathReport::Totals sum = LessonPathReport::totals(m_steps);
    m_totals->setText(tr("%1 of %2 experiments run · %3 predictions made, %4 right")
                          .arg(sum.run).arg(m_steps.size()).arg(sum.predicted).arg(sum.right)
                      + (m_journalNote.isEmpty() ? QString() : u"\n"_s + m_journalNote));
}

void LessonPathDialog::chooseSelected()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    const QString id = item ? item->data(0, IdRole).toString() : QString();
    if (id.isEmpty())
        return;
    Q_EMIT experimentChosen(id);
    accept();
}

bool LessonPathDialog::savePage(const QString &path, QString *error) const
{
    const std::unique_ptr<SessionExporter> writer = SessionExporter::create(u"html"_s);
    const QByteArray page = LessonPathReport::html(m_steps, m_name->text().trimmed(), QDateTime::currentDateTime()).toUtf8();
    if (writer->writeDocument(path, page))
        return true;
    if (error)
        *error = writer->errorString();
    return false;
}

void LessonPathDialog::save()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the lesson path"),
                                                      folder + u"/proclab-lesson-path.html"_s,
                                                      tr("HTML page (*.html)"));
    if (path.isEmpty())
        return;
    if (QString error; !savePage(path, &error))
        QMessageBox::warning(this, tr("Save the lesson path"), error);
}

void LessonPathDialog::retranslate()
{
    setWindowTitle(tr("Lesson path"));
    m_intro->setText(tr("The experiments in the order the tutorials teach them. Predict before each run; the run's "
                        "own figures say which choice was right. Double-click an experiment to take it."));
    m_list->setHeaderLabels({tr("Experiment"), tr("Your prediction"), tr("The run proved"), tr("Result"), tr("Runs")});
    m_nameLabel->setText(tr("Your &name (on the page):"));
    m_open->setText(tr("&Open experiment"));
    m_save->setText(tr("&Save for your teacher…"));
    if (isVisible())
        reload();
}
