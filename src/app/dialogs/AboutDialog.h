#pragma once

#include <QDialog>

class QLabel;

// Help ▸ About ProcLab: the version, what ProcLab is, the Qt it runs on.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QLabel *m_text;
};
