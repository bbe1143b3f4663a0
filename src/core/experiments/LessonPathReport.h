#pragma once

#include "session/LessonJournal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// The lesson path with a learner's journal laid over it: for each experiment in path order, how often it was
// run, the last prediction and what that run proved. As data (progress(), for the window), as JSON (`proclab path
// --json`) and as one self-contained HTML page a student can hand to a teacher (html()): nothing fetched, the
// page's language the interface's.
class LessonPathReport
{
    Q_DECLARE_TR_FUNCTIONS(LessonPathReport)
public:
    struct Step
    {
        int stage = 0;       // 1-based (LessonPath::stages())
        QString experiment;  // id
        QString title;       // the experiment's title
        QString question;    // its prediction question
        QStringList choices;
        int runs = 0;        // attempts in the journal
        int predictions = 0; // of them, with a prediction
        int right = 0;       // of them, right
        std::optional<LessonAttempt> last; // the newest attempt
    };

    // How far the learner is: experiments run, and of their last runs, predictions made and right.
    struct Totals
    {
        int run = 0;
        int predicted = 0;
        int right = 0;
    };
    static Totals totals(const QList<Step> &steps);
    // The longest learner's name the page takes (`proclab path --learner`, the dialog's field).
    static constexpr int MaxLearnerName = 80;

    static QList<Step> progress(const QList<LessonAttempt> &attempts);
    // "right", "wrong", "skipped" (no prediction), "inconclusive", "not_run".
    static QString outcomeOf(const Step &step);
    // The outcome in words: "Right", "Not quite", …
    static QString outcomeText(const Step &step);
    static QJsonObject json(const QList<Step> &steps);
    // `learner` (may be empty) and `made` are printed at the top.
    static QString html(const QList<Step> &steps, const QString &learner, const QDateTime &made);
};
