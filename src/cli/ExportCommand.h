#pragma once

#include "CliCommand.h"

// proclab export SESSION --format jsonl|csv|html --output FILE
//
// Reads a recorded session and writes it in another format (see SessionExporter). Exit 0 when written; 2 on bad
// input — an unknown option or format, a missing argument, a session file that is missing or corrupt (with the
// line number), an output folder that does not exist — with one line on stderr and nothing written; 1 when the
// output could not be written (a full disk). A file cut short by a crash is exported up to its last whole line,
// with a warning on stderr. stdout lists the files written, one per line.
class ExportCommand : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)
public:
    QString name() const override;
    QString summary() const override;
    int run(const QStringList &arguments) override;
};
