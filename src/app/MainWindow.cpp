#include "MainWindow.h"

#include "AboutDialog.h"
#include "LanguageSwitcher.h"
#include "ui_mainwindow.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace {
const auto GeometryKey = u"window/geometry"_s;
const auto StateKey = u"window/state"_s;
const auto LanguageKey = u"settings/language"_s;
} // namespace

MainWindow::MainWindow(LanguageSwitcher *languages, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_languages(languages)
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(u":/icons/proclab.svg"_s));
    m_ui->actionQuit->setShortcutContext(Qt::ApplicationShortcut);

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    setUpLanguageMenu();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpLanguageMenu()
{
    m_languageGroup = new QActionGroup(this);
    const QList<std::pair<QAction *, QString>> choices = {
        {m_ui->actionLanguageSystem, QString()},
        {m_ui->actionLanguageEnglish, u"en"_s},
        {m_ui->actionLanguageChinese, u"zh_CN"_s},
    };
    const QString saved = QSettings().value(LanguageKey).toString();
    for (const auto &[action, language] : choices) {
        m_languageGroup->addAction(action);
        action->setChecked(language == saved);
        connect(action, &QAction::triggered, this, [this, language = language] { chooseLanguage(language); });
    }
}

void MainWindow::chooseLanguage(const QString &language)
{
    QSettings().setValue(LanguageKey, language);
    m_languages->apply(language);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    restoreGeometry(settings.value(GeometryKey).toByteArray());
    restoreState(settings.value(StateKey).toByteArray());
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    event->accept();
}
