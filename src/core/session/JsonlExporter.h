#pragma once

#include "SessionExporter.h"

class QIODevice;

// A validated, normalised copy of a session: every line was read and checked by SessionReader, and is written
// again by SessionJsonWriter — compact, keys in one order (t and kind first), t to the microsecond, a newline after
// every line. Keys the reader does not know are kept. A file that was cut short becomes a whole one.
class JsonlExporter : public SessionExporter
{
public:
    QString format() const override;
    bool exportTo(SessionReader &reader, const QString &outputPath) override;
    // The same into an open device (tests, the fuzzer). False on a reader or device error.
    bool write(SessionReader &reader, QIODevice *out);
};
