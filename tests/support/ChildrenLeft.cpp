#include "ChildrenLeft.h"

#include <QDir>
#include <QFile>

using namespace Qt::Literals::StringLiterals;

QStringList childrenLeft()
{
    QStringList left;
    const QDir tasks(u"/proc/self/task"_s);
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(tasks.filePath(tid + u"/children"_s));
        if (file.open(QIODevice::ReadOnly))
            left << QString::fromLatin1(file.readAll()).split(u' ', Qt::SkipEmptyParts);
    }
    return left;
}
