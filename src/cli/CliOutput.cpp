#include "CliOutput.h"

#include "TerminalText.h"

#include <QByteArray>

#include <cstdio>

void CliOutput::out(const QString &line)
{
    const QByteArray bytes = TerminalText::visible(line, TerminalText::Newlines::Keep).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void CliOutput::outRaw(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void CliOutput::err(const QString &line)
{
    // One line, whatever it quotes: a name, a path or a --set value typed with a newline in it.
    const QByteArray bytes = TerminalText::visible(line).toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

int CliOutput::usageError(const QString &command, const QString &message)
{
    const QString prefix = command.isEmpty() ? QStringLiteral("proclab: ") : QStringLiteral("proclab %1: ").arg(command);
    err(prefix + message);
    return 2;
}
