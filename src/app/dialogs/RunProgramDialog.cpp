#include "RunProgramDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

RunProgramDialog::RunProgramDialog(Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
{
    auto *form = new QFormLayout;
    if (mode == Mode::Run) {
        setWindowTitle(tr("Run a program"));
        m_command = new QLineEdit(this);
        m_command->setPlaceholderText(tr("python3 -u pool.py"));
        m_command->setMinimumWidth(420);
        form->addRow(tr("&Command:"), m_command);
        m_directory = new QLineEdit(QDir::currentPath(), this);
        auto *browse = new QPushButton(tr("&Browse…"), this);
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString chosen = QFileDialog::getExistingDirectory(this, tr("Working directory"),
                                                                     m_directory->text());
            if (!chosen.isEmpty())
                m_directory->setText(chosen);
        });
        auto *row = new QHBoxLayout;
        row->addWidget(m_directory, 1);
        row->addWidget(browse);
        // A row whose field is a layout gets no buddy: the label is made here, or "&Working directory:" shows
        // its ampersand.
        auto *directoryLabel = new QLabel(tr("&Working directory:"), this);
        directoryLabel->setBuddy(m_directory);
        form->addRow(directoryLabel, row);
    } else {
        setWindowTitle(tr("Attach to process"));
        m_pid = new QSpinBox(this);
        m_pid->setRange(1, 4194304); // the kernel's PID_MAX_LIMIT
        form->addRow(tr("&PID:"), m_pid);
    }
    auto *note = new QLabel(mode == Mode::Run
                                ? tr("The program runs as a child of ProcLab with no input; its output goes to the "
                                     "Console tab. Stop ends it and everything it started.")
                                : tr("ProcLab watches the process and its children without changing them. Stop "
                                     "only stops watching; signals are sent only after you confirm."),
                            this);
    note->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setStyleSheet(QStringLiteral("color: #d23f31"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::Run ? tr("&Run") : tr("&Attach"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RunProgramDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RunProgramDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
}

void RunProgramDialog::setCommandLine(const QString &line)
{
    if (m_command)
        m_command->setText(line);
}

QString RunProgramDialog::commandLine() const
{
    return m_command ? m_command->text() : QString();
}

QStringList RunProgramDialog::command() const
{
    return splitCommand(commandLine());
}

void RunProgramDialog::setWorkingDirectory(const QString &path)
{
    if (m_directory)
        m_directory->setText(path);
}

QString RunProgramDialog::workingDirectory() const
{
    return m_directory ? m_directory->text().trimmed() : QString();
}

qint64 RunProgramDialog::pid() const
{
    return m_pid ? m_pid->value() : 0;
}

void RunProgramDialog::setPid(qint64 pid)
{
    if (m_pid)
        m_pid->setValue(int(pid));
}

QStringList RunProgramDialog::splitCommand(const QString &line, bool *complete)
{
    // The shell's word rules without its expansions: 'single quotes' are literal, "double quotes" take \\ \"
    // \$ and \` escapes, a backslash outside quotes escapes the next character. (QProcess::splitCommand knows
    // only double quotes, and users copy commands with single quotes from tutorials.)
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quote == u'\'') {
            if (c == u'\'')
                quote = QChar();
            else
                word += c;
        } else if (quote == u'"') {
            if (c == u'"') {
                quote = QChar();
            } else if (c == u'\\' && i + 1 < line.size()
                       && QStringView(u"\\\"$`").contains(line.at(i + 1))) {
                word += line.at(++i);
            } else {
                word += c;
            }
        } else if (c.isSpace()) {
            if (inWord)
                words << std::exchange(word, {});
            inWord = false;
        } else {
            inWord = true;
            if (c == u'\'' || c == u'"')
                quote = c;
            else if (c == u'\\' && i + 1 < line.size())
                word += line.at(++i);
            else
                word += c;
        }
    }
    if (inWord)
        words << word;
    if (complete)
        *complete = quote.isNull();
    return words;
}

QString RunProgramDialog::problem() const
{
    if (m_mode == Mode::Attach)
        return {};
    bool complete = true;
    if (splitCommand(commandLine(), &complete).isEmpty())
        return tr("Enter a command to run.");
    if (!complete)
        return tr("A quote is not closed.");
    const QString directory = workingDirectory();
    if (!directory.isEmpty() && !QFileInfo(directory).isDir())
        return tr("The working directory %1 does not exist.").arg(directory);
    return {};
}

void RunProgramDialog::accept()
{
    const QString what = problem();
    m_problem->setText(what);
    m_problem->setVisible(!what.isEmpty());
    if (what.isEmpty())
        QDialog::accept();
}
