#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// One finished run on the lesson path, as the learner's journal keeps it: what was predicted before Start and
// what the run's own figures proved (the phenomenon event's `answer`).
struct LessonAttempt
{
    qint64 when = 0;     // when the run ended, seconds since the epoch
    QString experiment;  // the experiment's id
    int predicted = -1;  // the choice predicted before Start (0-based); -1: the learner skipped the question
    int answer = -1;     // the choice the figures proved; -1: none (inconclusive, or nothing proved)
    QString verdict;     // "observed", "not_observed" or "inconclusive" (the phenomenon event's verdict)
    QString detail;      // the verdict's sentence with the figures, in the language of the run
    QString session;     // the recording's path; empty when the run was not recorded

    // The longest `detail` an attempt keeps (a longer line in the journal is not an attempt).
    static constexpr qsizetype MaxDetail = 2000;

    bool predictionMade() const { return predicted >= 0; }
    // Right when a prediction was made and the figures proved that same choice.
    bool right() const { return predicted >= 0 && answer >= 0 && predicted == answer; }

    QJsonObject toJson() const;
    // Nothing for an object that is not an attempt: a missing or malformed field, an id or text out of bounds.
    static std::optional<LessonAttempt> fromJson(const QJsonObject &object);
};

// The learner's journal: every run of the lesson path, one JSON line each, in
// ~/.local/share/proclab/lesson-journal.jsonl (0600, in a 0700 folder). Bounded by design: past MaxBytes the
// oldest attempts are dropped (the newest half of the bound stays, at most KeepAttempts), and reading takes at most
// MaxBytes from the end.
// The file is someone's data: a line that is not a valid attempt is skipped and counted, a link or a file of
// another user is refused, never followed or replaced.
class LessonJournal
{
    Q_DECLARE_TR_FUNCTIONS(LessonJournal)
public:
    explicit LessonJournal(const QString &path = defaultPath());
    static QString defaultPath();
    QString path() const { return m_path; }

    // Appends one attempt. False with *error (one line) when the file cannot be written or is not ours.
    bool append(const LessonAttempt &attempt, QString *error);
    // The attempts, oldest first. *skipped: how many lines were not valid attempts. An absent journal is empty.
    QList<LessonAttempt> attempts(int *skipped = nullptr, QString *error = nullptr) const;

    static constexpr qint64 MaxBytes = 512 * 1024;
    static constexpr int KeepAttempts = 1000;

private:
    bool compact(int fd, QString *error) const;

    QString m_path;
};
