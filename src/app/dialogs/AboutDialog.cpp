#include "AboutDialog.h"

#include "BuildInfo.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
{
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(u":/icons/proclab.svg"_s).pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setOpenExternalLinks(false);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMinimumWidth(380);

    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(m_text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    retranslate();
}

void AboutDialog::retranslate()
{
    setWindowTitle(tr("About ProcLab"));
    m_text->setText(tr("<h2>ProcLab %1</h2>"
                       "<p>A live lab for Linux processes and threads. Start an experiment — producers and "
                       "consumers, a zombie, an orphan, a deadlock, a race — and watch what the kernel does with "
                       "each task: running, ready and waiting for a core, or blocked, and on what.</p>"
                       "<p>Built with Qt %2, running on Qt %3.</p>")
                        .arg(QLatin1StringView(PROCLAB_VERSION), QLatin1StringView(QT_VERSION_STR),
                             QLatin1StringView(qVersion())));
}

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}
