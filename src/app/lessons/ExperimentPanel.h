#pragma once

#include "experiments/Experiment.h"

#include <QWidget>

#include <memory>
#include <vector>

class ParameterForm;
class PredictionBox;
class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QScrollArea;
class QSplitter;
class QTextBrowser;
class QToolButton;

// The left panel: the catalogue (icons, a search box), the chosen experiment's summary, its parameter form, its
// prediction question (PredictionBox), Step mode where the experiment has it, Start / Stop / Reset, and the explanation with the Python the tutorials would write for the same lesson.
class ExperimentPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ExperimentPanel(QWidget *parent = nullptr);
    ~ExperimentPanel() override;

    // The buttons show these actions (owned by the window, so menus, toolbar and keys share them).
    void setActions(QAction *start, QAction *stop, QAction *reset);
    // "Run this schedule again": a button under Start, shown while the action can act (after a stepped run).
    void setScheduleAction(QAction *again);
    // Selects an experiment by id; false for an unknown one.
    bool selectExperiment(const QString &id);
    QString currentId() const;
    // The selected experiment's description (title, specs …); null when none is selected.
    const Experiment *currentExperiment() const;
    ParameterForm *form() const { return m_form; }
    // "Predict, then run": the selected experiment's question.
    PredictionBox *prediction() const { return m_prediction; }
    // "Step mode": shown for experiments with stepping threads (Experiment::steppingThreads).
    QCheckBox *stepModeBox() const { return m_stepMode; }
    // True when the next Start should step: the box is shown and checked.
    bool stepMode() const;
    QLineEdit *searchBox() const { return m_search; }
    QListWidget *list() const { return m_list; }
    void setRunning(bool running);

    static QIcon iconFor(const QString &id);

Q_SIGNALS:
    void experimentChanged(const QString &id);

protected:
    void changeEvent(QEvent *event) override;
    // Enter in the search box selects its first match (the single one, typically), so Start then starts that
    // experiment; Down moves into the list.
    bool eventFilter(QObject *watched, QEvent *event) override;
    // The first time the panel has its height: the details (form, prediction, Step mode, buttons) get what they
    // ask for, so the question shows before Start; the catalogue and the explanation share the rest.
    void resizeEvent(QResizeEvent *event) override;

private:
    void fillCatalogue();
    void applySearch(const QString &text);
    // Selects the first experiment the search shows and puts the focus in the list; false when none matches.
    bool chooseFirstMatch();
    void showCurrent();
    void retranslate();

    std::vector<std::unique_ptr<Experiment>> m_experiments;
    QLineEdit *m_search;
    QListWidget *m_list;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_parametersLabel;
    ParameterForm *m_form;
    QScrollArea *m_formScroll = nullptr;
    PredictionBox *m_prediction;
    QCheckBox *m_stepMode;
    QToolButton *m_start;
    QToolButton *m_stop;
    QToolButton *m_reset;
    QToolButton *m_again;
    QTextBrowser *m_explanation;
    bool m_running = false;
    QSplitter *m_splitter = nullptr;
    QWidget *m_details = nullptr;
    bool m_splitChosen = false;
};
