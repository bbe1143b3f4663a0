#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// The experiments in the order the classic concurrency tutorials teach them, as stages a learner walks through:
// processes and programs, concurrency on one core, threads versus processes, the GIL, pools, queues and pipes,
// locks and races, what terminate leaves behind (zombies, deadlocks), blocking versus polling. Every experiment
// of the catalogue is in exactly one stage (tst_lessonpath checks it).
class LessonPath
{
    Q_DECLARE_TR_FUNCTIONS(LessonPath)
public:
    struct Stage
    {
        QString title;           // translated: "Processes and programs"
        QString idea;            // one translated sentence: what the stage teaches
        QStringList experiments; // ids, in the order to take them
    };

    static QList<Stage> stages();
    // Every experiment id in path order.
    static QStringList order();
    // The 1-based number of the stage that holds `experiment`; 0 for an id not on the path.
    static int stageOf(const QString &experiment);
};
