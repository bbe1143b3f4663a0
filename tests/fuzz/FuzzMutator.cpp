#include "FuzzMutator.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace {
const QList<QByteArray> kNumbers = {"-1",   "0",     "2147483647", "-2147483648", "100000",  "4096", "1e308",
                                    "-1e308", "1e400", "4294967296", "9007199254740993", "0.5", "-0", "1e-320"};
} // namespace

FuzzMutator::FuzzMutator(quint32 seed, QList<QByteArray> corpus, QList<QByteArray> tokens)
    : m_random(seed), m_corpus(std::move(corpus)), m_tokens(std::move(tokens))
{
    if (m_corpus.isEmpty())
        m_corpus << QByteArray();
}

qsizetype FuzzMutator::below(qsizetype n)
{
    return n <= 0 ? 0 : qsizetype(m_random.bounded(quint32(std::min<qsizetype>(n, 0x7fffffff))));
}

QByteArray FuzzMutator::next()
{
    QByteArray input = m_corpus.at(below(m_corpus.size()));
    const int rounds = 1 + int(below(4));
    for (int i = 0; i < rounds; ++i)
        input = mutate(std::move(input));
    return input;
}

QByteArray FuzzMutator::mutate(QByteArray input)
{
    switch (below(8)) {
    case 0: // flip a byte
        if (!input.isEmpty())
            input[below(input.size())] = char(m_random.bounded(256));
        break;
    case 1: { // delete a range
        const qsizetype at = below(input.size());
        input.remove(at, 1 + below(std::min<qsizetype>(64, input.size() - at)));
        break;
    }
    case 2: // insert a token of the format
        if (!m_tokens.isEmpty())
            input.insert(below(input.size() + 1), m_tokens.at(below(m_tokens.size())));
        break;
    case 3: { // a hostile number in place of one that was there
        static const QRegularExpression number(QStringLiteral("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?"));
        const QString text = QString::fromLatin1(input);
        QList<QRegularExpressionMatch> matches;
        for (auto it = number.globalMatch(text); it.hasNext();)
            matches << it.next();
        if (!matches.isEmpty()) {
            const QRegularExpressionMatch &match = matches.at(below(matches.size()));
            input.replace(match.capturedStart(), match.capturedLength(), kNumbers.at(below(kNumbers.size())));
        }
        break;
    }
    case 4: { // repeat a line
        const QList<QByteArray> lines = input.split('\n');
        const QByteArray line = lines.at(below(lines.size()));
        QByteArray repeated;
        for (qsizetype i = 0, n = 1 + below(50); i < n; ++i)
            repeated += line + '\n';
        input.insert(input.indexOf('\n') + 1, repeated);
        break;
    }
    case 5: { // splice the lines of another entry after ours
        const QByteArray other = m_corpus.at(below(m_corpus.size()));
        const qsizetype cut = other.indexOf('\n');
        input += other.mid(cut < 0 ? 0 : cut + 1);
        break;
    }
    case 6: { // drop a line
        QList<QByteArray> lines = input.split('\n');
        if (lines.size() > 1)
            lines.removeAt(below(lines.size()));
        input = lines.join('\n');
        break;
    }
    default: { // swap two lines: t going back, a header in the middle
        QList<QByteArray> lines = input.split('\n');
        if (lines.size() > 1)
            lines.swapItemsAt(below(lines.size()), below(lines.size()));
        input = lines.join('\n');
        break;
    }
    }
    return input.left(256 * 1024);
}

QStringList FuzzMutator::corpusFiles(const QStringList &folders)
{
    QStringList files;
    for (const QString &root : folders) {
        if (QFileInfo(root).isDir()) {
            QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        } else {
            files << root;
        }
    }
    files.sort();
    return files;
}

QList<QByteArray> FuzzMutator::readCorpus(const QStringList &folders)
{
    QList<QByteArray> corpus;
    for (const QString &path : corpusFiles(folders)) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            corpus << file.readAll();
    }
    return corpus;
}

QList<QByteArray> FuzzMutator::readDictionary(const QString &path)
{
    // libFuzzer's format: "token" per line, with \xNN and \" escapes; # starts a comment.
    QList<QByteArray> tokens;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tokens;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QByteArray line = raw.trimmed();
        if (!line.startsWith('"') || !line.endsWith('"') || line.size() < 2)
            continue;
        QByteArray token;
        for (qsizetype i = 1; i + 1 < line.size(); ++i) {
            if (line[i] == '\\' && i + 2 < line.size()) {
                if (line[i + 1] == 'x' && i + 4 < line.size()) {
                    token += char(line.mid(i + 2, 2).toInt(nullptr, 16));
                    i += 3;
                } else {
                    token += line[++i];
                }
            } else {
                token += line[i];
            }
        }
        tokens << token;
    }
    return tokens;
}
