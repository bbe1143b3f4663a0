#pragma once

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>

// A small deterministic mutator for the fuzz runs in ctest (where the build's g++ has no libFuzzer): from a seed
// and a corpus it makes inputs by flipping and deleting bytes, repeating and splicing lines, inserting tokens of
// the format and putting hostile numbers (-1, 2^31-1, 1e308, 100000…) where numbers were. The same seed gives the
// same inputs, so a failure is reproduced by its iteration number.
class FuzzMutator
{
public:
    FuzzMutator(quint32 seed, QList<QByteArray> corpus, QList<QByteArray> tokens);

    // The next input: one corpus entry mutated one to four times.
    QByteArray next();
    // The files named in `folders` or found in them (recursively), sorted; what readCorpus() reads.
    static QStringList corpusFiles(const QStringList &folders);
    // Reads every file in `folders` (recursively) and the tokens of a libFuzzer dictionary.
    static QList<QByteArray> readCorpus(const QStringList &folders);
    static QList<QByteArray> readDictionary(const QString &path);

private:
    QByteArray mutate(QByteArray input);
    qsizetype below(qsizetype n);

    QRandomGenerator m_random;
    QList<QByteArray> m_corpus;
    QList<QByteArray> m_tokens;
};
