#include "SessionOpenDialog.h"

#include "experiments/ExperimentCatalogue.h"
#include "session/SessionReader.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {
enum Column { ExperimentColumn, StartedColumn, SizeColumn, FileColumn, ColumnCount };
constexpr int PathRole = Qt::UserRole;
constexpr int SortRole = Qt::UserRole + 1;

// Sorts the start column by time, not by its words.
class SessionItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        if (column == StartedColumn || column == SizeColumn)
            return data(column, SortRole).toDouble() < other.data(column, SortRole).toDouble();
        return QTreeWidgetItem::operator<(other);
    }
};
} // namespace

SessionOpenDialog::SessionOpenDialog(const QString &folder, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
    , m_folder(folder)
{
    setWindowTitle(tr("Open session"));
    m_list->setObjectName(u"sessionList"_s);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Experiment"), tr("Started"), tr("Size"), tr("File")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setSortingEnabled(true);
    m_list->setAllColumnsShowFocus(true);
    auto *note = new QLabel(tr("Sessions recorded in %1").arg(QDir::toNativeSeparators(folder)), this);
    note->setWordWrap(true);
    note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    QPushButton *open = buttons->button(QDialogButtonBox::Open);
    open->setText(tr("&Open"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    QPushButton *browse = buttons->addButton(tr("&Browse…"), QDialogButtonBox::ActionRole);
    connect(browse, &QPushButton::clicked, this, &SessionOpenDialog::browse);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (const QTreeWidgetItem *item = m_list->currentItem()) {
            m_chosen = item->data(0, PathRole).toString();
            accept();
        }
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        m_chosen = item->data(0, PathRole).toString();
        accept();
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [open](QTreeWidgetItem *current) { open->setEnabled(current != nullptr); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    fill(folder);
    open->setEnabled(m_list->currentItem() != nullptr);
    // From the font: the columns' contents and a dozen rows, at most the screen's room.
    const QFontMetrics metrics = fontMetrics();
    for (int column = 0; column < ColumnCount - 1; ++column)
        m_list->resizeColumnToContents(column);
    int width = 0;
    for (int column = 0; column < ColumnCount; ++column)
        width += m_list->header()->sectionSize(column);
    width = std::max(width + metrics.height() * 3, metrics.averageCharWidth() * 90);
    resize(width, metrics.height() * 24);
}

void SessionOpenDialog::fill(const QString &folder)
{
    const QFileInfoList files = QDir(folder).entryInfoList({u"*.jsonl"_s}, QDir::Files | QDir::Readable);
    const QLocale locale;
    for (const QFileInfo &file : files) {
        SessionReader reader;
        auto *item = new SessionItem(m_list);
        item->setData(0, PathRole, file.absoluteFilePath());
        item->setText(FileColumn, file.fileName());
        item->setToolTip(FileColumn, file.absoluteFilePath());
        item->setText(SizeColumn, locale.formattedDataSize(file.size(), 1, QLocale::DataSizeTraditionalFormat));
        item->setData(SizeColumn, SortRole, double(file.size()));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (!reader.open(file.absoluteFilePath())) {
            item->setText(ExperimentColumn, tr("(not a readable session)"));
            item->setToolTip(ExperimentColumn, reader.errorString());
            item->setData(StartedColumn, SortRole, -1.0); // after every readable one
            item->setDisabled(true);
            continue;
        }
        const SessionHeader &header = reader.header();
        QString experiment = header.experiment;
        if (const std::unique_ptr<Experiment> known = ExperimentCatalogue::create(header.experiment))
            experiment = u"%1 (%2)"_s.arg(known->title(), header.experiment);
        else if (header.experiment == u"exec"_s)
            experiment = tr("A program run under ProcLab (exec)");
        item->setText(ExperimentColumn, experiment);
        const QDateTime started = QDateTime::fromMSecsSinceEpoch(qint64(header.startUnix * 1000));
        item->setText(StartedColumn, locale.toString(started, QLocale::ShortFormat));
        item->setData(StartedColumn, SortRole, header.startUnix);
    }
    m_list->sortItems(StartedColumn, Qt::DescendingOrder);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (!m_list->topLevelItem(i)->isDisabled()) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            break;
        }
    }
}

void SessionOpenDialog::browse()
{
    QFileDialog dialog(this, tr("Open session"), m_folder, tr("ProcLab sessions (*.jsonl);;All files (*)"));
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setViewMode(QFileDialog::Detail);
    dialog.resize(size());
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty()) {
        m_chosen = dialog.selectedFiles().constFirst();
        accept();
    }
}

QString SessionOpenDialog::choose(const QString &folder, QWidget *parent)
{
    SessionOpenDialog dialog(folder, parent);
    return dialog.exec() == QDialog::Accepted ? dialog.chosenPath() : QString();
}
