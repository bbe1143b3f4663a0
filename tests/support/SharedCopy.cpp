#include "SharedCopy.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

QString sharedCopy(const QStringList &files, QTemporaryDir &folder, QString *error)
{
    if (!folder.isValid()) {
        *error = folder.errorString();
        return {};
    }
    const QFile::Permissions open = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
        | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;
    if (!QFile::setPermissions(folder.path(), open)) {
        *error = u"cannot open "_s + folder.path() + u" to other users"_s;
        return {};
    }
    for (const QString &file : files) {
        const QString copy = folder.filePath(QFileInfo(file).fileName());
        if (!QFile::copy(file, copy) || !QFile::setPermissions(copy, open)) {
            *error = u"cannot copy "_s + file + u" to "_s + copy;
            return {};
        }
    }
    return folder.path();
}
