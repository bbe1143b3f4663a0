#include "PythonImage.h"

#include <QRegularExpression>

namespace {
struct Line {
    quint64 start = 0;
    quint64 offset = 0;
    QByteArrayView path;
};

// "start-end perms offset dev inode   path": the path is the rest of the line after the fifth field (it may hold
// spaces); a deleted file ends in " (deleted)" and is not used.
std::optional<Line> parseLine(QByteArrayView text)
{
    Line line;
    qsizetype position = 0;
    QByteArrayView fields[5];
    for (QByteArrayView &field : fields) {
        while (position < text.size() && text[position] == ' ')
            ++position;
        const qsizetype begin = position;
        while (position < text.size() && text[position] != ' ')
            ++position;
        field = text.sliced(begin, position - begin);
        if (field.isEmpty())
            return std::nullopt;
    }
    while (position < text.size() && text[position] == ' ')
        ++position;
    line.path = text.sliced(position);
    const qsizetype dash = fields[0].indexOf('-');
    if (dash <= 0)
        return std::nullopt;
    bool ok = false;
    line.start = fields[0].first(dash).toULongLong(&ok, 16);
    if (!ok)
        return std::nullopt;
    line.offset = fields[2].toULongLong(&ok, 16);
    if (!ok)
        return std::nullopt;
    return line;
}
} // namespace

std::optional<PythonImage> PythonImage::fromMaps(QByteArrayView maps)
{
    static const QRegularExpression libraryName(QStringLiteral("^libpython(\\d)\\.(\\d{1,2})([a-z]*)\\.so"));
    static const QRegularExpression programName(QStringLiteral("^python(\\d)\\.(\\d{1,2})([a-z]*)$"));
    maps = maps.first(qMin(maps.size(), MaxMapsBytes));
    std::optional<PythonImage> program;
    qsizetype position = 0;
    while (position < maps.size()) {
        qsizetype end = maps.indexOf('\n', position);
        if (end < 0)
            end = maps.size();
        const std::optional<Line> line = parseLine(maps.sliced(position, end - position));
        position = end + 1;
        if (!line || line->offset != 0 || !line->path.startsWith('/') || line->path.endsWith(" (deleted)"))
            continue;
        const QString path = QString::fromUtf8(line->path);
        const QString name = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
        for (const bool library : {true, false}) {
            const QRegularExpressionMatch match = (library ? libraryName : programName).match(name);
            if (!match.hasMatch())
                continue;
            PythonImage image;
            image.path = path;
            image.major = match.captured(1).toInt();
            image.minor = match.captured(2).toInt();
            image.abiFlags = match.captured(3);
            image.library = library;
            image.mapStart = line->start;
            if (library)
                return image; // the library holds the interpreter; the executable is then a launcher
            if (!program)
                program = image;
        }
    }
    return program;
}
