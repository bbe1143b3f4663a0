// proclab-bench-recorder [SECONDS] [--json]: RecorderBenchmark::run() on its own, for tests/bench/recorder-bench.sh
// (the same code `proclab bench recorder` runs).
#include "RecorderBenchmark.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    RecorderBenchmark::Options options;
    for (const QString &argument : app.arguments().mid(1)) {
        if (argument == u"--json"_s)
            options.json = true;
        else
            options.seconds = argument.toDouble();
    }
    if (!(options.seconds > 0))
        options.seconds = 3;
    return RecorderBenchmark::run(options);
}
