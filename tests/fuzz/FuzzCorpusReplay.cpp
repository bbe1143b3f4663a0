// Replays fuzz inputs through LLVMFuzzerTestOneInput without libFuzzer: every file named on the command line, or
// found in a folder named there, is one input. A crash or abort fails the ctest; otherwise it prints the count.
#include "FuzzMutator.h"

#include <QFile>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    int inputs = 0;
    QStringList roots;
    for (int i = 1; i < argc; ++i)
        roots << QFile::decodeName(argv[i]);
    for (const QString &path : FuzzMutator::corpusFiles(roots)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
            return 1;
        }
        const QByteArray bytes = file.readAll();
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
        ++inputs;
    }
    if (inputs == 0) {
        std::fprintf(stderr, "no inputs found\n");
        return 1;
    }
    std::printf("%d inputs replayed, no crash\n", inputs);
    return 0;
}
