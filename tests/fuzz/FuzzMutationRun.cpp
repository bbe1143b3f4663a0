// A bounded fuzz run for ctest: FuzzMutator's inputs, from a fixed seed, through LLVMFuzzerTestOneInput, for at
// most --iterations inputs or --seconds seconds, whichever ends first. A crash or abort fails the test; the
// iteration number and the seed reproduce it, and the input is written to fuzz-failure.bin in the working folder.
//   fuzz_session_reader_mutations [--seed N] [--iterations N] [--seconds S] CORPUS… --dict FILE
#include "FuzzMutator.h"

#include <QElapsedTimer>
#include <QFile>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {
// The input being tried, for the crash handler: written out with async-signal-safe calls only.
const char *g_input = nullptr;
size_t g_size = 0;
long long g_iteration = 0;

void onCrash(int signal)
{
    const int fd = ::open("fuzz-failure.bin", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        if (::write(fd, g_input, g_size) < 0) {
        }
        ::close(fd);
    }
    char line[96];
    const int n = std::snprintf(line, sizeof line, "crash at iteration %lld; input in fuzz-failure.bin\n", g_iteration);
    if (n > 0 && ::write(STDERR_FILENO, line, size_t(n)) < 0) {
    }
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}
} // namespace

int main(int argc, char **argv)
{
    for (const int signal : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
        std::signal(signal, onCrash);
    quint32 seed = 1;
    qint64 iterations = 2000;
    double seconds = 15;
    QString dictionary;
    QStringList corpus;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg = argv[i];
        if (arg == "--seed" && i + 1 < argc)
            seed = quint32(QByteArray(argv[++i]).toUInt());
        else if (arg == "--iterations" && i + 1 < argc)
            iterations = QByteArray(argv[++i]).toLongLong();
        else if (arg == "--seconds" && i + 1 < argc)
            seconds = QByteArray(argv[++i]).toDouble();
        else if (arg == "--dict" && i + 1 < argc)
            dictionary = QFile::decodeName(argv[++i]);
        else
            corpus << QFile::decodeName(argv[i]);
    }
    FuzzMutator mutator(seed, FuzzMutator::readCorpus(corpus), FuzzMutator::readDictionary(dictionary));
    QElapsedTimer clock;
    clock.start();
    qint64 done = 0;
    for (; done < iterations && clock.elapsed() < qint64(seconds * 1000); ++done) {
        const QByteArray input = mutator.next();
        g_input = input.constData();
        g_size = size_t(input.size());
        g_iteration = done;
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
    }
    std::printf("%lld mutated inputs (seed %u) in %.1f s, no crash\n", static_cast<long long>(done), seed,
                double(clock.elapsed()) / 1000);
    return 0;
}
