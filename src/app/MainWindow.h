#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}
class LanguageSwitcher;
class QActionGroup;

// The ProcLab window. It only wires: it loads ui/mainwindow.ui, owns the models and controllers, and connects
// them. No /proc parsing, no process control happens here.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(LanguageSwitcher *languages, QWidget *parent = nullptr);
    ~MainWindow() override;

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpLanguageMenu();
    void chooseLanguage(const QString &language);
    void showAbout();
    void restoreWindowState();

    std::unique_ptr<Ui::MainWindow> m_ui;
    LanguageSwitcher *m_languages;
    QActionGroup *m_languageGroup = nullptr;
};
