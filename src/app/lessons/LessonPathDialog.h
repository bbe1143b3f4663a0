#pragma once

#include "experiments/LessonPathReport.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

// Experiment ▸ Lesson path: the experiments in the order the tutorials teach them, in stages, each with the
// learner's last prediction, what that run proved and whether the prediction was right (LessonPathReport over
// the LessonJournal). "Open" selects an experiment in the window; "Save for your teacher…" writes the one
// self-contained HTML page. Re-reads the journal whenever it is shown, so a run just finished is in it.
class LessonPathDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LessonPathDialog(QWidget *parent = nullptr);

    // Reads the journal again and fills the list.
    void reload();
    // Writes the page to `path`; false with *error (one line). The Save button asks for the path, then calls this.
    bool savePage(const QString &path, QString *error) const;
    const QList<LessonPathReport::Step> &steps() const { return m_steps; }
    QTreeWidget *list() const { return m_list; }
    // An experiment row's id (column 0), the stages' rows have none.
    static constexpr int IdRole = Qt::UserRole + 1;

Q_SIGNALS:
    // The learner asked to take this experiment next.
    void experimentChosen(const QString &id);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslate();
    void chooseSelected();
    void save();

    QLabel *m_intro;
    QLabel *m_totals;
    QTreeWidget *m_list;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QPushButton *m_open;
    QPushButton *m_save;
    QPushButton *m_close;
    QList<LessonPathReport::Step> m_steps;
    QString m_journalNote;
};
