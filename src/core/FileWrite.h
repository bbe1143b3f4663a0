#pragma once

#include <QByteArray>

// Writing all of a buffer to a file descriptor: write(2) may take part of it, or be interrupted by a signal.
class FileWrite
{
public:
    // Writes every byte, going on after a short write and after EINTR. False when the descriptor refuses more
    // (errno says why); what was written so far stays written.
    static bool whole(int fd, const QByteArray &bytes);
};
